"""The reader's parsing context finds LaTeX specials as pylatexenc's own search does, from the character at hand."""

from __future__ import annotations

from pylatexenc import latexwalker
from pylatexenc.macrospec import LatexContextDb, SpecialsSpec

from litreview.essay import latex_cites
from litreview.essay.latex_specials import quick_specials

TEXT = "a--b---c ``q'' ~ & !`x ?`y -z `` ` ' '' -- - --- ----"


def test_each_position_finds_the_special_pylatexenc_finds() -> None:
    context = latexwalker.get_default_latex_context_db().filter_context()
    # A later category's longer special wins over an earlier shorter one; of two as long, the earlier category's.
    context.add_context_category("first", prepend=True, specials=[SpecialsSpec("-"), SpecialsSpec("`")])
    context.add_context_category("last", specials=[SpecialsSpec("----"), SpecialsSpec("--")])
    assert "test_for_specials" not in vars(context)
    quick_specials(context)
    assert "test_for_specials" in vars(context)  # the context's own search, not the class's
    found = [context.test_for_specials(TEXT, pos) for pos in range(len(TEXT) + 1)]
    assert found == [LatexContextDb.test_for_specials(context, TEXT, pos) for pos in range(len(TEXT) + 1)]
    assert any(spec is not None and spec.specials_chars == "----" for spec in found)


def test_the_reader_reads_with_it() -> None:
    parsing = latex_cites._converter()[1]
    assert "test_for_specials" in vars(parsing)
    assert latex_cites.convert_text("Pages 4--5---and ``this''.") == "Pages 4–5—and “this”."
