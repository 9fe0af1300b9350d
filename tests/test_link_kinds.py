"""The link kinds live in one table: the model's type, the claims file, the ordering, the site and the help agree."""

from __future__ import annotations

from typing import get_args

import pytest
from click.testing import CliRunner

from litreview.cli import cli
from litreview.errors import ClaimsFileError
from litreview.linking.curated import parse_curated
from litreview.model import KIND_RANK, LINK_KINDS, LinkKind
from litreview.render.fragments import KIND_WORDS


def test_the_type_names_the_table_in_its_order() -> None:
    assert get_args(LinkKind) == tuple(k.name for k in LINK_KINDS)
    assert list(KIND_RANK) == [k.name for k in LINK_KINDS]


def test_the_site_words_come_from_the_table() -> None:
    assert {k.name: k.words for k in LINK_KINDS} == KIND_WORDS


def test_the_links_help_lists_every_kind() -> None:
    out = CliRunner().invoke(cli, ["links", "--help"], terminal_width=120).output
    for k in LINK_KINDS:
        assert f"{k.name} " in out and k.explains in out


@pytest.mark.parametrize("kind", [k.name for k in LINK_KINDS])
def test_every_kind_is_accepted_in_the_claims_file(kind: str) -> None:
    text = f"version: 1\nlinks:\n  - claim: p1-s1\n    source: a\n    status: confirmed\n    kind: {kind}\n"
    assert parse_curated(text, "claims.yaml").links[0].kind == kind


def test_an_unknown_kind_names_the_table() -> None:
    text = "version: 1\nlinks:\n  - claim: p1-s1\n    source: a\n    status: confirmed\n    kind: hunch\n"
    with pytest.raises(ClaimsFileError) as info:
        parse_curated(text, "claims.yaml")
    assert info.value.line == 6 and "marker, attribution, title, quotation, reference, topical" in info.value.hint
