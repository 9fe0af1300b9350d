"""Exit statuses on failure: a bug is exit 2 with one line and a hint, never a traceback nor 1."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from litreview.cli import main

ROOT = Path(__file__).resolve().parents[1]
ALIAS_BOMB = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(9))


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "refs").mkdir()
    (tmp_path / "pyproject.toml").write_text("[tool.litreview]\n", encoding="utf-8")
    (tmp_path / "refs" / "bibliography.bib").write_text(
        "@book{holsti2004taming, author={Holsti, K. J.}, title={Taming the Sovereigns},"
        " publisher={Cambridge University Press}, year=2004}\n", encoding="utf-8")
    (tmp_path / "refs" / "essay.md").write_text("Holsti argued that states are tamed (Holsti 2004).\n",
                                                encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(("exc", "says"), [
    (RuntimeError("boom\nsecond line"), "error: unexpected RuntimeError: boom second line"),
    (RecursionError("maximum recursion depth exceeded"), "error: an input is nested too deeply"),
    (MemoryError(), "error: out of memory"),
])
def test_unexpected_exception_is_exit_2_with_one_line(project: Path, monkeypatch: pytest.MonkeyPatch, capsys,
                                                      exc: BaseException, says: str) -> None:
    from litreview.commands import sources

    def fail(*args: object, **kwargs: object) -> None:
        raise exc

    monkeypatch.setattr(sources, "load_or_fail", fail)
    assert main(["sources"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(says)
    assert "Traceback" not in err and len(err.splitlines()) == 2
    assert "please report it" in err.splitlines()[1]


def test_debug_variable_shows_the_traceback(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from litreview.commands import sources

    monkeypatch.setattr(sources, "load_or_fail", lambda *a, **k: 1 / 0)
    monkeypatch.setenv("LITREVIEW_DEBUG", "1")
    with pytest.raises(ZeroDivisionError):
        main(["sources"])


def test_alias_bomb_in_claims_is_a_clear_error(project: Path, capsys) -> None:
    (project / "refs" / "claims.yaml").write_text(ALIAS_BOMB, encoding="utf-8")
    assert main(["check"]) == 2
    err = capsys.readouterr().err
    assert "claims.yaml:2: YAML aliases (*a) are not allowed here" in err


def test_alias_bomb_in_front_matter_is_a_clear_error(project: Path, capsys) -> None:
    (project / "refs" / "essay.md").write_text(f"---\n{ALIAS_BOMB}---\n\nA sentence.\n", encoding="utf-8")
    assert main(["check"]) == 2
    assert "essay.md:3: front matter: YAML aliases" in capsys.readouterr().err


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}


def test_output_into_a_closed_pipe_is_quiet(tmp_path: Path) -> None:
    """`litreview sources --format json | head -c 100`: no traceback, no 'Exception ignored'."""
    entries = "".join(f"@book{{k{i}, author={{Author, A.}}, title={{Title number {i}}}, year=2000}}\n"
                      for i in range(3000))
    (tmp_path / "b.bib").write_text(entries, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "litreview", "sources", "--bib", "b.bib", "--format", "json"],
                            cwd=tmp_path, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.read(100)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(60) == 0
    assert "Traceback" not in err and "Exception ignored" not in err and "BrokenPipe" not in err, err


def test_symlinked_snapshot_folder_is_refused_without_a_traceback(tmp_path: Path) -> None:
    """The snapshot never writes outside its folder; refusing a symlinked doi/ is an error, not a crash."""
    fake_registry = pytest.importorskip("litreview.testing.fake_registry")
    (tmp_path / "refs" / "metadata").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "refs" / "metadata" / "doi").symlink_to(tmp_path / "elsewhere")
    (tmp_path / "pyproject.toml").write_text("[tool.litreview]\n", encoding="utf-8")
    (tmp_path / "refs" / "bibliography.bib").write_text(
        "@article{a, author={Kim, A.}, title={Culture}, journal={J}, year=2005, doi={10.5555/lr.culture.2005}}\n",
        encoding="utf-8")
    with fake_registry.FakeRegistry() as server:
        proc = subprocess.run([sys.executable, "-m", "litreview", "fetch"], cwd=tmp_path,
                              env={**_env(), **server.env(), "LITREVIEW_METADATA_DIR": "refs/metadata"},
                              capture_output=True, timeout=120)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "Traceback" not in err, err
    assert "outside the snapshot folder" in err and "unexpected" not in err, err
    assert not list((tmp_path / "elsewhere").iterdir())


def test_errors_inside_a_task_group_are_unwrapped(project: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    from litreview.commands import sources
    from litreview.errors import InputError

    def fail(*args: object, **kwargs: object) -> None:
        raise ExceptionGroup("unhandled errors in a TaskGroup", [InputError("bad thing", path="x.bib", line=3)])

    monkeypatch.setattr(sources, "load_or_fail", fail)
    assert main(["sources"]) == 2
    assert capsys.readouterr().err == "error: x.bib:3: bad thing\n"


@pytest.mark.parametrize(("bib", "says"), [
    # The entry with the unclosed brace still loads (its title swallows the next field): three are used.
    ("@article{a, title={A}, year=2000}\n@article{b, title={B, year=2001}\n@article{c, title={C}, year=2002}\n",
     "refs.bib; 3 entries loaded and used"),
    ("", "refs.bib; no entries loaded and used"),
])
def test_sources_counts_what_it_loaded_beside_the_problems(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys, bib: str, says: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "refs.bib").write_text(bib, encoding="utf-8")
    assert main(["sources", "--bib", "refs.bib", "--essay", "", "--format", "json"]) == 0
    err = capsys.readouterr().err
    assert err.startswith("warning: 1 problem in ") and says in err


def test_sigterm_during_a_build_cleans_up_as_ctrl_c_does(tmp_path: Path) -> None:
    """A cancelled CI job sends SIGTERM: the half-built site is removed, the previous one kept, exit 143."""
    (tmp_path / "refs").mkdir()
    (tmp_path / "refs" / "essay.md").write_text("Holsti wrote about sovereigns.\n", encoding="utf-8")
    (tmp_path / "refs" / "bibliography.bib").write_text("@book{h, author={Holsti, K.}, title={T}, year=2004}\n",
                                                        encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.litreview]\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: R\nplugins:\n  - litreview\n", encoding="utf-8")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("the previous site\n", encoding="utf-8")
    # MkDocs' build, once it has written into the staging folder, is where the signal arrives.
    script = ("import os, signal, sys, time, pathlib\n"
              "import mkdocs.commands.build as b\n"
              "def build(config, **kw):\n"
              "    pathlib.Path(config['site_dir'], 'half.html').write_text('half')\n"
              "    os.kill(os.getpid(), signal.SIGTERM)\n"
              "    time.sleep(30)\n"
              "b.build = build\n"
              "sys.argv = ['litreview', 'build']\n"
              "from litreview.cli import run\n"
              "run()\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=_env(), capture_output=True, timeout=60)
    assert done.returncode == 143, done.stderr.decode()
    assert done.stderr.decode().strip().endswith("terminated") and b"Traceback" not in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".site")) == []
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "the previous site\n"


@pytest.mark.parametrize(("signal_name", "code", "says"), [("SIGTERM", 143, "terminated"), ("SIGINT", 130, "interrupted")])
def test_a_signal_while_the_program_starts_is_no_traceback(tmp_path: Path, signal_name: str, code: int,
                                                           says: str) -> None:
    """Ctrl-C or a cancelled job while the commands are still being imported: exit 130 or 143, one word, as later."""
    # A job started in the background by a shell inherits SIGINT ignored (POSIX), and Python then keeps
    # it ignored: give the child the handler an interactive run has, so the test runs the same anywhere.
    script = ("import os, signal, sys\n"
              "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
              "import litreview.commands\n"
              "class Loading:\n"
              "    def find_spec(self, name, path=None, target=None):\n"
              "        if name == 'litreview.commands._group':\n"
              f"            os.kill(os.getpid(), signal.{signal_name})\n"
              "        return None\n"
              "sys.meta_path.insert(0, Loading())\n"
              "sys.argv = ['litreview', 'sources']\n"
              "from litreview.cli import run\n"
              "run()\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=_env(), capture_output=True, timeout=60)
    assert done.returncode == code, done.stderr.decode()
    assert done.stderr.decode().strip() == says


def test_click_usage_errors_show_control_characters_as_escapes(project: Path, capsys) -> None:
    # click quotes the argument as typed: an escape sequence in it reached the terminal, which ran it (this one
    # retitles the window); now it is shown as the escapes it is, like every other message.
    title = "\x1b]0;owned\x07"
    assert main(["check", "--format", f"x{title}"]) == 2
    err = capsys.readouterr().err
    assert "'x\\x1b]0;owned\\x07' is not one of" in err and "\x1b" not in err and "\x07" not in err
    assert err.startswith("Usage: litreview check [OPTIONS]\nTry 'litreview check --help' for help.\n\nError: ")
    (project / f"p{title}.md").write_text("Text.\n", encoding="utf-8")
    assert main(["check", f"p{title}.md"]) == 2
    err = capsys.readouterr().err
    assert "--essay 'p\\x1b]0;owned\\x07.md'" in err and "\x1b" not in err


def test_a_bibliographys_problems_on_loading_name_it_as_check_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   capsys) -> None:
    # check names the file relative to the review's folder; sources and links printed its whole path, per problem.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "refs.bib").write_text("@misc{a, title = {A}, language = en-US}\n", encoding="utf-8")
    assert main(["sources", "--bib", "lib/refs.bib", "--essay", "", "--format", "json"]) == 0
    err = capsys.readouterr().err
    assert err.startswith("warning: 1 problem in lib/refs.bib; 1 entry loaded and used")
    assert "\nlib/refs.bib:1: LR100 " in err and str(tmp_path) not in err


@pytest.mark.parametrize(("argv", "says"), [
    (["check", "--bib", "refs/missing.bib"], "error: refs/missing.bib: bibliography not found"),
    (["check", "--essay", "refs/nothere.md"], "error: refs/nothere.md: essay not found"),
    (["check", "--essay", "refs/utf32.md"], "error: refs/utf32.md:1: essay is not valid UTF-8"),
    (["check"], "error: pyproject.toml:2: setting 'essay' must be a string"),
])
def test_an_error_names_the_file_as_typed_in_the_working_folder(project: Path, argv: list[str], says: str,
                                                               capsys) -> None:
    # The settings resolve paths against the review's folder; the message named /home/.../refs/missing.bib.
    (project / "refs" / "utf32.md").write_bytes("A claim.\n".encode("utf-32"))  # (UTF-16 is read, with a note)
    if argv == ["check"]:
        (project / "pyproject.toml").write_text("[tool.litreview]\nessay = 3\n", encoding="utf-8")
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(says) and str(project) not in err


def test_an_error_names_a_file_outside_the_working_folder_in_full(project: Path, tmp_path_factory, capsys) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "missing.bib"
    assert main(["check", "--bib", str(elsewhere)]) == 2
    assert capsys.readouterr().err.startswith(f"error: {elsewhere}: bibliography not found")
    os.chdir(project / "refs")  # (the fixture's monkeypatch puts the working folder back)
    assert main(["check", "--essay", "essay.md", "--bib", "nothere.bib"]) == 2
    assert capsys.readouterr().err.startswith("error: nothere.bib: bibliography not found")


@pytest.mark.parametrize("option", ["--bib", "--essay"])
def test_a_loop_of_symbolic_links_is_an_input_error_naming_it(project: Path, capsys, option: str) -> None:
    (project / "a.bib").symlink_to("b.bib")
    (project / "b.bib").symlink_to("a.bib")
    assert main(["check", option, "a.bib"]) == 2
    err = capsys.readouterr().err
    assert "a.bib: a symbolic link that leads back to itself" in err
    assert "hint: point the link at the file" in err
    assert "unexpected" not in err


def test_serve_as_mkdocs_spells_it_names_the_command_that_serves(capsys) -> None:
    # `litreview serve` (as `mkdocs serve`) said only "No such command 'serve'".
    assert main(["serve"]) == 2
    err = capsys.readouterr().err
    assert "No such command 'serve'" in err and "litreview build --serve" in err
    # the close case: another unknown command is click's usual error, with no suggestion of ours
    assert main(["frobnicate"]) == 2
    assert "--serve" not in capsys.readouterr().err


def test_a_quarto_include_not_found_names_file_line_and_what_to_do(project: Path, capsys) -> None:
    # quarto render stops on an include it cannot find, so litreview does too: one line naming the including
    # file and its line, the include as written and where Quarto looked; no traceback.
    (project / "refs" / "parts").mkdir()
    (project / "refs" / "essay.qmd").write_text(
        "---\ntitle: T\n---\n\nHolsti argued it (Holsti 2004).\n\n{{< include parts/_method.qmd >}}\n",
        encoding="utf-8")
    assert main(["check", "--essay", "refs/essay.qmd", "--bib", "refs/bibliography.bib"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: refs/essay.qmd:7: included file parts/_method.qmd not found")
    assert "Traceback" not in err and str(project) not in err
    assert "quarto render stops on it too: fix the name in the include, or create parts/_method.qmd" in err
    assert "the folder of essay.qmd" in err


def test_build_without_mkdocs_yml_in_a_review_set_up_names_the_init_that_writes_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # A review set up by init whose mkdocs.yml was deleted: the hint spoke of "a review not set up yet" and
    # `litreview init paper.md`, a file the review does not have.
    (tmp_path / "ch").mkdir()
    (tmp_path / "ch" / "intro.md").write_text("Sleep matters [@a].\n", encoding="utf-8")
    (tmp_path / "litreview.toml").write_text('essay = "ch/intro.md"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["build"]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "mkdocs.yml: MkDocs configuration not found" in err
    assert "`litreview init ch/intro.md` writes it again (and keeps the files that exist)" in err
    assert "not set up yet" not in err


@pytest.mark.parametrize(("typed", "there", "hint"), [
    ("refs/prospectus.qmd", "prospectus_draft_fall_2022.qmd", "did you mean refs/prospectus_draft_fall_2022.qmd?"),
    ("refs/esay.md", "essay.md", "did you mean refs/essay.md?"),
    ("refs/prospectus.qmd", "notes.qmd", "hint: check the path"),
])
def test_an_essay_not_found_names_the_file_of_a_like_name_beside_it(project: Path, typed: str, there: str,
                                                                    hint: str, capsys) -> None:
    # `check --essay prospectus.qmd` beside prospectus_draft_fall_2022.qmd said "essay not found", "check the path".
    (project / "refs" / there).write_text("A claim.\n", encoding="utf-8")
    assert main(["check", "--essay", typed]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {typed}: essay not found") and hint in err


def test_a_bibliography_not_found_names_the_file_of_a_close_name_beside_it(project: Path, capsys) -> None:
    assert main(["check", "--bib", "refs/bibliografy.bib"]) == 2
    err = capsys.readouterr().err
    assert "did you mean refs/bibliography.bib?" in err
    assert "Else check the path" in err  # one sentence: it said "Else Check the path"


@pytest.mark.parametrize(("typed", "there", "hint"), [
    ("refs/paper.bib", "paper.bbl", "hint: check the path"),  # LaTeX's output beside the paper, no bibliography
    ("refs/paper.bib", "paper.blg", "hint: check the path"),
    ("refs/paper.bib", "paper.bibtex", "did you mean refs/paper.bibtex?"),  # a bibliography too
])
def test_a_bibliography_not_found_is_never_said_to_be_a_file_of_a_kind_not_read(project: Path, typed: str, there: str,
                                                                                hint: str, capsys) -> None:
    # `check --bib paper.bib` beside LaTeX's paper.bbl said "did you mean refs/paper.bbl?", a file no command reads
    (project / "refs" / there).write_text("x\n", encoding="utf-8")
    assert main(["check", "--bib", typed]) == 2
    err = capsys.readouterr().err.lower()
    assert "not found" in err and hint in err and ("did you mean" in hint or "did you mean" not in err)


def test_init_of_an_essay_not_found_names_the_file_of_a_like_name(project: Path, capsys) -> None:
    (project / "refs" / "prospectus_draft_fall_2022.qmd").write_text("A claim.\n", encoding="utf-8")
    assert main(["init", "refs/prospectus.qmd"]) == 2
    assert "did you mean refs/prospectus_draft_fall_2022.qmd?" in capsys.readouterr().err


@pytest.mark.parametrize(("typed", "meant"), [("chek", "check"), ("link", "links"), ("sourcse", "sources"),
                                             ("imprt", "import")])
def test_a_misspelt_command_is_told_the_one_it_likely_meant(capsys, typed: str, meant: str) -> None:
    # `litreview chek` said only "No such command 'chek'", though a misspelt option gets "Did you mean".
    assert main([typed]) == 2
    assert f"No such command '{typed}'. Did you mean '{meant}'?" in capsys.readouterr().err
    assert main(["frobnicate"]) == 2  # nothing close: no guess
    assert "Did you mean" not in capsys.readouterr().err


def test_many_bibliography_problems_on_loading_show_the_first_few_and_count_the_rest(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """`links`, `sources`, `metadata` and `build` use a bibliography with problems and say so on standard error:
    a hand-written .bib with twenty empty fields printed forty lines there before the table. The first few are
    shown, the rest counted; `check` lists every one."""
    from litreview.commands.sources import SHOWN_PROBLEMS

    monkeypatch.chdir(tmp_path)
    entries = "".join(f"@article{{a{n}, title = {{T{n}}}, volume = ,\n  year = 2000}}\n" for n in range(20))
    (tmp_path / "refs.bib").write_text(entries, encoding="utf-8")
    assert main(["sources", "--bib", "refs.bib", "--essay", "", "--format", "json"]) == 0
    err = capsys.readouterr().err
    assert err.startswith("warning: 20 problems in refs.bib; 20 entries loaded and used")
    assert err.count(": LR100 ") == SHOWN_PROBLEMS < 20
    assert err.rstrip().endswith(f"... and {20 - SHOWN_PROBLEMS} more: `litreview check` lists every one, "
                                 "with its hint")


def test_a_refused_rewrite_names_every_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """`sync --write` stops on a bibliography with problems: each is named, since each must be mended first."""
    from litreview.commands.sources import load_or_fail
    from litreview.errors import BibliographyError

    monkeypatch.chdir(tmp_path)
    entries = "".join(f"@article{{a{n}, title = {{T{n}}}, volume = ,\n  year = 2000}}\n" for n in range(20))
    (tmp_path / "refs.bib").write_text(entries, encoding="utf-8")
    with pytest.raises(BibliographyError) as stop:
        load_or_fail(tmp_path / "refs.bib", strict=True)
    assert str(stop.value).count(": LR100 ") == 20


def test_check_promises_no_sync_fix_that_sync_refuses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """`sync --write` stops on a .bib with a syntax problem ("fix them and run again"): the text report does not
    send the reader to it for the changes it knows until that problem is mended."""
    monkeypatch.chdir(tmp_path)
    dois = "".join(f"@article{{a{n}, author = {{Doe, J.}}, title = {{T{n}}}, journal = {{J}}, year = 2000,\n"
                   f"  doi = {{https://doi.org/10.1234/x{n}}}}}\n" for n in range(8))
    (tmp_path / "refs.bib").write_text(dois, encoding="utf-8")
    main(["check", "--bib", "refs.bib", "--essay", "", "--no-cache"])
    assert "`litreview sync --write` makes each change" in capsys.readouterr().out  # mendable: sync is named
    (tmp_path / "refs.bib").write_text(dois + "@article{b, author = {Doe, J.}, title = {B}, journal = {J},\n"
                                       "  volume = ,\n  year = 2001}\n", encoding="utf-8")
    main(["check", "--bib", "refs.bib", "--essay", "", "--no-cache"])
    out = capsys.readouterr().out
    assert "more LR121" in out and "sync --write" not in out
    assert main(["sync", "--bib", "refs.bib", "--essay", "", "--write", "--yes"]) == 2  # as sync says
    assert "fix them and run again" in capsys.readouterr().err
    assert main(["sync", "--bib", "refs.bib", "--essay", ""]) == 0  # a dry run shows the others, writing nothing
    assert "edits nothing until the problems named above are fixed" in capsys.readouterr().err
