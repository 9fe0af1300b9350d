"""A journal printed alone before "Epub ahead of print" (SAGE's article with no volume yet), which the model ran the
title on over: the title's last sentence before the phrase is the journal."""

from __future__ import annotations

import pytest
from fuzz.hand_tagged import hand_tagged

from litreview.bibliography.refparse import parse_reference
from litreview.bibliography.refparse.relabel_journal import journal_before_ahead_of_print


@pytest.mark.parametrize(("text", "title", "container"), [
    ("Treisman A and Gelade G (1980) A feature-integration theory of attention. Cognitive psychology. Epub ahead of "
     "print 1980.", "A feature-integration theory of attention", "Cognitive psychology"),
    ("Shavell S and Spier K (2002) Threats without binding commitment. Topics in Economic Analysis & Policy. Epub ahead "
     "of print 2002.", "Threats without binding commitment", "Topics in Economic Analysis & Policy"),
    ("Gracely E (1988) Playing games with eternity: the Devil’s offer. Analysis. Epub ahead of print 1988.",
     "Playing games with eternity: the Devil’s offer", "Analysis"),
])
def test_the_titles_last_sentence_before_epub_ahead_of_print_is_the_journal(text, title, container):
    ref = parse_reference(text)
    assert (ref.title, ref.container) == (title, container)


@pytest.mark.parametrize(("text", "marked"), [
    # a journal read already: left as read
    ("Doe J (2020) Small things. Big Journal. Epub ahead of print 2020.",
     "author author date title title journal journal note note note note note"),
    # one sentence of title: no journal's name among its words
    ("Doe J (2020) Small things. Epub ahead of print 2020.", "author author date title title note note note note note"),
    # the sentence before the phrase in lower case: a title's
    ("Doe J (2020) Small things. and more. Epub ahead of print 2020.",
     "author author date title title title title note note note note note"),
])
def test_other_readings_are_left_as_they_are(text, marked):
    tagged = hand_tagged(text, marked)
    assert journal_before_ahead_of_print(tagged, text) == tagged


@pytest.mark.parametrize(("text", "container"), [
    ("[55] Graff D. Shifting sands: An interest-relative theory of vagueness. Philosophical Topics 2000.",
     "Philosophical Topics"),
    ("56. Nute, D. Conditional Logic. Handbook of philosophical logic 1984.", "Handbook of philosophical logic"),
])
def test_a_name_right_before_the_bare_year_after_the_title_is_the_journal(text, container):
    ref = parse_reference(text)
    assert (ref.container, ref.publisher) == (container, "")


@pytest.mark.parametrize(("text", "publisher"), [
    ("[12] Doe J. A small book. Oxford University Press 2003.", "Oxford University Press"),
    ("[41] Doe J. A small book. Heibonsha; 2003.", "Heibonsha"),
])
def test_a_publishers_name_before_the_year_stays_the_publishers(text, publisher):
    assert parse_reference(text).publisher == publisher
