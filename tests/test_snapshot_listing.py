"""The snapshot folder is listed once: an absent record costs no open(), and what is written is read back."""

from __future__ import annotations

from pathlib import Path

import pytest

from litreview.registry.snapshot import DoiEntry, Snapshot


def _entry(doi: str) -> DoiEntry:
    return DoiEntry(doi=doi, agency="crossref", format="crossref", http_status=404, fetched_at="2026-01-01T00:00:00+00:00",
                    source_url="https://api.crossref.org/works/" + doi, record=None)


def test_absent_records_are_not_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    snap = Snapshot(tmp_path)
    snap.write_doi(_entry("10.1/present"))
    reader = Snapshot(tmp_path)
    opened: list[str] = []
    original = Path.read_text

    def spy(self: Path, *args: object, **kwargs: object) -> str:
        opened.append(self.name)
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "read_text", spy)
    for n in range(50):
        assert reader.read_doi(f"10.1/absent{n}") == (None, "")
    assert reader.read_url("https://example.org/x") == (None, "")
    entry, problem = reader.read_doi("10.1/present")
    assert entry is not None and problem == ""
    assert opened == [snap.doi_file("10.1/present").name]


def test_a_record_written_after_the_listing_is_read(tmp_path: Path) -> None:
    snap = Snapshot(tmp_path)
    assert snap.read_doi("10.1/late") == (None, "")  # lists the (empty) folder
    snap.write_doi(_entry("10.1/late"))
    entry, _ = snap.read_doi("10.1/late")
    assert entry is not None and entry.doi == "10.1/late"
