"""A pandoc line block (``| line``, pandoc's line_blocks): its lines are one paragraph's, as pandoc keeps them in
one LineBlock; an empty ``|`` line, an empty line of the block (a stanza's or an entry's end: pandoc's ``[]``), ends
a claim, so a register's entries are not joined into one sentence across it."""

from __future__ import annotations

from pathlib import Path

from litreview.essay import load_essay

REGISTER = """# Donations

This entry states the following [@crosby1974]:

|   1747.
|     Vir Reverendus Thomas Drake A.M. Vic. de Norham & olim huius Ecclesia
|     Minor Canonicus dono didit ---
|
|         fol. Hymnus Ambrosianus, ad.
|                  [...]
|
|         4to. Messiah, or a Christ-mass
|                  Song. *Set to Musick by y^e^ donor.*

After it [@anon1747].
"""


def test_an_empty_line_of_a_line_block_ends_a_claim(tmp_path: Path) -> None:
    (tmp_path / "ch.md").write_text(REGISTER, encoding="utf-8")
    claims = [c for c in load_essay(tmp_path / "ch.md").claims if 5 <= c.line <= 13]
    texts = [" ".join(c.text.split()) for c in claims]
    assert not any("---" in t and "fol." in t for t in texts), texts
    assert not any("[...]" in t and "4to." in t for t in texts), texts
    assert [c.line for c in claims if "fol." in c.text or "4to." in c.text] == [9, 12]  # each at its own line
    assert len({c.id.split("-")[0] for c in claims}) == 1  # one paragraph, as pandoc's one LineBlock


def test_a_line_block_without_an_empty_line_is_read_as_before(tmp_path: Path) -> None:
    (tmp_path / "ch.md").write_text("| The first line of it\n| goes on here. And ends [@k].\n", encoding="utf-8")
    claims = load_essay(tmp_path / "ch.md").claims
    assert [" ".join(c.text.split()) for c in claims] == ["The first line of it goes on here.", "And ends [@k]."]
    assert [x.key for x in claims[-1].citations] == ["k"]
