"""The registry handlers declare everything about their registry: settings, routes, order.

Each table that used to be written by hand (the fallback ``ROUTES``, the URL and key
settings with their environment variables) is now derived from the handlers; these
tests pin the derived tables to what they were, and check a new handler module is
found without a list to edit.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from litreview.config import ENV_OVERRIDES, Config, env_overrides, load_config, make_config
from litreview.errors import ConfigError
from litreview.registry.handler import Handler
from litreview.registry.handlers import HANDLERS, discover, routes, settings
from litreview.registry.lookups import ROUTES

ROOT = Path(__file__).resolve().parents[1]

#: The fallback order as it was written by hand before the handlers declared it.
ROUTES_BEFORE = {
    "isbn": ("openlibrary", "googlebooks"), "arxiv": ("arxiv", "semanticscholar"), "pmid": ("ncbi",),
    "pmcid": ("ncbi",), "doi": ("openalex",), "openalex": ("openalex",), "dblp": ("dblp",),
    "title": ("openlibrary", "openalex"), "paper-title": ("dblp", "openalex", "semanticscholar"),
    "work-title": ("openalex",),
}

#: Every registry setting, its default and its environment variable, as config.py listed them.
SETTINGS_BEFORE = {
    "crossref_url": ("https://api.crossref.org", "LITREVIEW_CROSSREF_URL"),
    "doi_url": ("https://doi.org", "LITREVIEW_DOI_URL"),
    "datacite_url": ("https://api.datacite.org", "LITREVIEW_DATACITE_URL"),
    "openalex_url": ("https://api.openalex.org", "LITREVIEW_OPENALEX_URL"),
    "openalex_api_key": ("", "LITREVIEW_OPENALEX_API_KEY"),
    "dblp_url": ("https://dblp.org", "LITREVIEW_DBLP_URL"),
    "arxiv_url": ("https://export.arxiv.org", "LITREVIEW_ARXIV_URL"),
    "ncbi_url": ("https://eutils.ncbi.nlm.nih.gov", "LITREVIEW_NCBI_URL"),
    "ncbi_api_key": ("", "LITREVIEW_NCBI_API_KEY"),
    "openlibrary_url": ("https://openlibrary.org", "LITREVIEW_OPENLIBRARY_URL"),
    "googlebooks_url": ("https://www.googleapis.com", "LITREVIEW_GOOGLEBOOKS_URL"),
    "googlebooks_api_key": ("", "LITREVIEW_GOOGLEBOOKS_API_KEY"),
    "semanticscholar_url": ("https://api.semanticscholar.org", "LITREVIEW_SEMANTICSCHOLAR_URL"),
    "semanticscholar_api_key": ("", "LITREVIEW_SEMANTICSCHOLAR_API_KEY"),
}


KNOWN = ("crossref", "datacite", "doi", "openalex", "arxiv", "ncbi", "openlibrary", "googlebooks", "dblp",
         "semanticscholar")


def known(table: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """The table restricted to the registries above (a registry added later does not break the pin)."""
    kept = {key: tuple(name for name in names if name in KNOWN) for key, names in table.items()}
    return {key: names for key, names in kept.items() if names}


def test_routes_derived_from_the_handlers_keep_the_fallback_order() -> None:
    assert known(ROUTES) == ROUTES_BEFORE
    assert known(routes()) == ROUTES_BEFORE


def test_every_route_is_a_scheme_its_handler_can_look_up() -> None:
    for handler in HANDLERS:
        assert {scheme for scheme, _ in handler.routes} <= set(handler.schemes), handler.name


def test_handlers_keep_their_order() -> None:
    assert [h.name for h in HANDLERS if h.name in KNOWN] == list(KNOWN)


def test_registry_settings_keep_their_names_defaults_and_variables() -> None:
    derived = {name: (s.default, s.env) for name, s in settings().items()}
    assert {name: derived.get(name) for name in SETTINGS_BEFORE} == SETTINGS_BEFORE
    # load_config imports the handlers only when such a variable is set.
    assert all(s.env.startswith("LITREVIEW_") and s.env.endswith(("_URL", "_API_KEY")) for s in settings().values())
    assert {"essay", "bibliography", "claims", "metadata", "wayback_url", "mailto"} == set(ENV_OVERRIDES)
    assert env_overrides() == {**ENV_OVERRIDES, **{name: s.env for name, s in settings().items()}}


def test_every_registry_setting_reads_from_the_file_and_the_environment(tmp_path: Path) -> None:
    (tmp_path / "litreview.toml").write_text("".join(
        f'{name} = "{"http://file.example/" if name.endswith("_url") else "file-key"}"\n' for name in SETTINGS_BEFORE))
    config = load_config(tmp_path, env={})
    for name in SETTINGS_BEFORE:
        assert getattr(config, name) == ("http://file.example/" if name.endswith("_url") else "file-key"), name
    # A URL variable is checked as the setting is (an unusable one stops with its name).
    def value(name: str) -> str:
        return f"http://env.example/{name}" if name.endswith("_url") else f"env-{name}"

    config = load_config(tmp_path, env={env: value(name) for name, (_, env) in SETTINGS_BEFORE.items()})
    assert all(getattr(config, name) == value(name) for name in SETTINGS_BEFORE)
    # Unset, each reads as its handler's default.
    assert all(getattr(Config(), name) == default for name, (default, _) in SETTINGS_BEFORE.items())


def test_a_registry_url_setting_is_validated_as_before(tmp_path: Path) -> None:
    (tmp_path / "litreview.toml").write_text('essay = "e.md"\nopenalex_url = "api.openalex.org"\n')
    with pytest.raises(ConfigError) as err:
        load_config(tmp_path, env={})
    assert "setting 'openalex_url' must be an http(s) URL" in str(err.value)
    assert err.value.line == 2
    (tmp_path / "litreview.toml").write_text("ncbi_api_key = 3\n")
    with pytest.raises(ConfigError, match="setting 'ncbi_api_key' must be a string"):
        load_config(tmp_path, env={})
    (tmp_path / "litreview.toml").write_text('openalex_ur = "https://x.org"\n')
    with pytest.raises(ConfigError) as err:
        load_config(tmp_path, env={})
    hint = err.value.hint or ""
    assert "openalex_url" in hint and "semanticscholar_api_key" in hint and "timeout" in hint


def test_overrides_and_unknown_settings() -> None:
    config = make_config(crossref_url="http://a.example").with_overrides(openalex_api_key="k")
    assert (config.crossref_url, config.openalex_api_key, config.ncbi_api_key) == ("http://a.example", "k", "")
    with pytest.raises(TypeError, match="no_such_url"):
        make_config(no_such_url="http://a.example")
    with pytest.raises(AttributeError):
        _ = Config().no_such_setting  # type: ignore[attr-defined]


def test_the_readme_names_every_registry_setting() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [f"{s.name} / {s.env}" for s in settings().values()
               if (s.env if s.kind == "url" else s.name) not in readme]
    assert not missing, f"README.md does not document: {missing}"


def test_a_new_handler_module_is_found_without_a_list(tmp_path: Path) -> None:
    package = tmp_path / "trialregistries"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "trialbooks.py").write_text(textwrap.dedent('''
        from litreview.registry.handler import Handler

        class TrialBooks(Handler):
            name = "trialbooks"
            label = "Trial Books"
            default_url = "https://trialbooks.example"
            key_doc = "Trial Books API key."
            schemes = ("isbn",)
            routes = (("isbn", 15),)

        HANDLER = TrialBooks()
    '''))
    (package / "notahandler.py").write_text("VALUE = 1\n")
    sys.path.insert(0, str(tmp_path))
    try:
        found = discover("trialregistries", [str(package)])
    finally:
        sys.path.remove(str(tmp_path))
        for name in [m for m in sys.modules if m.startswith("trialregistries")]:
            del sys.modules[name]
    assert [h.name for h in found] == ["trialbooks"]
    trial = found[0]
    assert isinstance(trial, Handler)
    assert (trial.setting, trial.env) == ("trialbooks_url", "LITREVIEW_TRIALBOOKS_URL")
    assert [s.name for s in trial.settings()] == ["trialbooks_url", "trialbooks_api_key"]
    # Its route slots between Open Library (10) and Google Books (20).
    assert routes((*(h for h in HANDLERS if h.name in KNOWN), trial))["isbn"] == ("openlibrary", "trialbooks",
                                                                                   "googlebooks")


def test_reading_the_snapshot_and_routes_loads_no_network_library() -> None:
    code = ("import sys; import litreview.registry.snapshot, litreview.registry.lookups, litreview.registry.report; "
            "from litreview.registry.handlers import HANDLERS; "
            "print(sorted(m for m in ('asyncio', 'httpx', 'anyio', 'ssl', 'stamina', 'httpcore', 'socket', 'email.utils', "
            "'logging', 'xml.etree.ElementTree') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
