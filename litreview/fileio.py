"""Atomic file writes: a crash or Ctrl-C never leaves a half-written file."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from .errors import InputError as _InputError
from .errors import LitreviewError, WriteError
from .lazyre import lazy

#: The temporary files of ``write_atomic`` as a .gitignore pattern (``init`` writes it): a killed write leaves one.
TEMP_PATTERN = ".*.tmp"


def write_atomic(path: str | os.PathLike[str], data: str | bytes, *, encoding: str = "utf-8",
                 check: Callable[[], None] | None = None) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename.

    ``check`` runs after the new content is safely on disk and just before the rename;
    when it raises, the temporary file is removed and the target is left as it was
    (litreview.safewrite uses it to verify the file is still what was read).
    """
    target = link_target(path)
    raw = data.encode(encoding) if isinstance(data, str) else data
    import tempfile  # only when writing: a read-only check never loads it

    try:  # a folder that cannot be made or written to (a read-only disk, a path through a file)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise WriteError(f"could not write: {exc.strerror}", path=str(target),
                         hint="check the folder exists and is writable") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        if check is not None:
            check()
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise WriteError(f"could not write: {exc.strerror}", path=str(target),
                             hint="check the folder exists and is writable") from exc
        raise


@contextlib.contextmanager
def signals_deferred() -> Iterator[None]:
    """Ctrl-C and SIGTERM held back until the block ends (then delivered as usual), for a clean-up that must
    not stop halfway: a half-removed folder of a killed build would be left beside the site for good.

    In the main thread the signals' handlers are swapped for one that notes them, so a signal the system
    hands to any other thread of the process is held too; elsewhere (where Python cannot set handlers) the
    block's own thread blocks them with a signal mask (POSIX only; elsewhere the block runs unguarded)."""
    import signal
    import threading

    wanted = [getattr(signal, name) for name in ("SIGINT", "SIGTERM") if hasattr(signal, name)]
    if threading.current_thread() is threading.main_thread():
        caught: list[int] = []
        before = {}
        try:
            for signum in wanted:
                if signal.getsignal(signum) is not None:  # None: a handler set outside Python, left alone
                    before[signum] = signal.signal(signum, lambda signum, _frame: caught.append(signum))
            yield
        finally:
            for signum, handler in before.items():
                signal.signal(signum, handler)
            for signum in dict.fromkeys(caught):  # each once, in the order they came, to the restored handler
                signal.raise_signal(signum)
        return
    mask = getattr(signal, "pthread_sigmask", None)
    if mask is None:
        yield
        return
    held = mask(signal.SIG_BLOCK, set(wanted))
    try:
        yield
    finally:
        mask(signal.SIG_SETMASK, held)


def is_file(path: Path) -> bool:
    """Whether ``path`` is a file; False for a name the system refuses (too long: ``is_file`` raises then)."""
    try:
        return path.is_file()
    except OSError:
        return False


def link_target(path: str | os.PathLike[str]) -> Path:
    """The file a write to ``path`` changes: when ``path`` is a symbolic link (a shared .bib linked into
    refs/), the file it names, so that the file is updated and the link kept; else ``path`` itself."""
    given = Path(path)
    return Path(os.path.realpath(given)) if given.is_symlink() else given


def is_inside(path: Path, root: Path) -> bool:
    """Whether ``path``, resolved, lies inside ``root`` (taken as given: resolve it first if it may hold links)."""
    try:
        path.resolve().relative_to(root)
    except ValueError:
        return False
    return True


def folders_up(folder: Path, top: Path) -> Iterator[Path]:
    """``folder`` and each folder above it up to ``top``, the nearest first; ``folder`` alone when it lies outside
    ``top``. Both taken as given: resolve them first when they may hold links."""
    while True:
        yield folder
        if folder == top or top not in folder.parents:
            return
        folder = folder.parent


def nearest_file(path: Path, names: Sequence[str]) -> Path | None:
    """The first of the files ``names`` in ``path``'s folder, else in the nearest folder above it holding one (as
    quarto and bookdown find their settings); None when no folder does."""
    for folder in Path(path).absolute().parents:
        for name in names:
            if (folder / name).is_file():
                return folder / name
    return None


def similar_file(path: Path) -> Path | None:
    """The file beside ``path`` (which is not there) that it likely means: of a close name (``closest_name``:
    ``refs.bib`` for ``ref.bib``), else the one file of its suffix whose name holds its stem
    (``prospectus_draft_fall_2022.qmd`` for ``prospectus.qmd``); None when none is, or the folder cannot be read. A
    file of another suffix only where it is one of a kind litreview reads (``refs.bibtex``, ``paper.qmd``), never
    LaTeX's ``paper.bbl`` or ``paper.blg`` for ``paper.bib``, nor ``paper.py`` for ``paper.md``."""
    from itertools import islice

    from .text import closest_name

    stem, suffix = path.stem.casefold(), path.suffix.casefold()
    kinds = {suffix, *_read_suffixes()}
    try:
        names = [f.name for f in islice(path.parent.iterdir(), 5000)
                 if f.suffix.casefold() in kinds and f.is_file()]
    except OSError:
        return None
    holding = [n for n in names if len(stem) >= 3 and Path(n).suffix.casefold() == suffix
               and stem in Path(n).stem.casefold()]
    near = closest_name(path.name, names) or (holding[0] if len(holding) == 1 else None)
    return path.parent / near if near else None


def _read_suffixes() -> tuple[str, ...]:
    """The suffixes of the files litreview reads: manuscripts, bibliographies, claims, settings, styles (imported
    here, late: their modules import this one)."""
    from .bibliography.csl import CSL_SUFFIXES, FRONT_MATTER_SUFFIXES
    from .cache import LATEX_SUFFIXES, MANUAL_SUFFIXES
    from .pandoc_options import BUILD_SUFFIXES, INPUT_SUFFIXES

    return (*CSL_SUFFIXES, *FRONT_MATTER_SUFFIXES, *LATEX_SUFFIXES, *MANUAL_SUFFIXES, *BUILD_SUFFIXES,
            *INPUT_SUFFIXES, ".csl", ".toml")


def relative_name(path: str | os.PathLike[str], root: str | os.PathLike[str], *, up: bool = False) -> str:
    """``path`` as findings and settings name a file: relative to ``root`` with forward slashes (a relative
    ``path`` is taken as relative to it already); one outside ``root`` as given, or with ``up`` reached by
    "..", and one on another drive (Windows) as given."""
    given = Path(path)
    if not given.is_absolute():
        return given.as_posix()
    try:
        rel = os.path.relpath(given, root)
    except ValueError:  # another drive on Windows
        return str(path)
    if not up and (rel == os.pardir or rel.startswith(os.pardir + os.sep)):
        return str(path)
    return Path(rel).as_posix()


def read_bytes(path: str | os.PathLike[str], *, what: str = "file", error: type[LitreviewError] | None = None,
               hint: str = "check the path, or set it with --bib/--essay or in [tool.litreview]",
               folder_hint: str = "") -> bytes:
    """A file's bytes, raising ``error`` (InputError) with the path when it is missing, a folder or unreadable."""
    InputError = error or _InputError
    p = Path(path)
    try:
        return p.read_bytes()
    except FileNotFoundError:
        near = similar_file(p)
        rest = hint[:1].lower() + hint[1:] if hint[1:2].islower() else hint  # "Else check ...", not "Else Check"
        raise InputError(f"{what} not found", path=str(p), hint=hint if near is None else
                         f"did you mean {relative_name(near, Path.cwd())}? Else {rest}") from None
    except IsADirectoryError:
        raise InputError(f"{what} is a directory, not a file", path=str(p), hint=folder_hint or hint) from None
    except OSError as exc:
        raise InputError(f"cannot read {what}: {exc.strerror}", path=str(p), hint=_unreadable_hint(exc, hint)) from None


def _unreadable_hint(exc: OSError, hint: str) -> str:
    """What to do about a file that is there but cannot be read."""
    import errno

    if exc.errno == errno.ELOOP:
        return "it is a loop of symbolic links: point the link at the file, or name the file itself"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "give yourself permission to read it (chmod u+r), or run as the user who owns it"
    return hint


class NotUtf8(NamedTuple):
    """A text file read in another encoding than UTF-8 (``read_text``'s ``not_utf8``)."""

    path: str
    """The file."""
    codec: str
    """The Python codec it was read with (``cp1252``)."""
    declared: str
    """How the file declares it (``\\usepackage[latin1]{inputenc}``); empty when it was detected."""
    hint: str
    """How to re-save it as UTF-8 (the iconv command)."""


def read_text(path: str | os.PathLike[str], *, what: str = "file", error: type[LitreviewError] | None = None,
              hint: str = "check the path, or set it with --bib/--essay or in [tool.litreview]",
              not_utf8: list[NotUtf8] | None = None,
              declared: Callable[[bytes], tuple[str, str] | None] | None = None, raw: bytes | None = None,
              piped: str = "") -> str:
    """Read a UTF-8 text file, raising ``error`` (InputError) with the path and the bad line on failure.

    ``raw`` is the text's bytes when they were read already (standard input), ``path`` then only its name;
    ``piped`` is then the command reading them (``litreview import -``), which the hints pipe into.

    With a ``not_utf8`` list, a file in another encoding is read when that encoding is certain, and
    noted there: the one the file declares (``declared`` returns its codec and the declaration), or the
    one reading the common encodings charset-normalizer finds plausible all give. Line breaks stay put.
    """
    InputError = error or _InputError
    p = Path(path)
    if raw is None:
        raw = read_bytes(p, what=what, error=InputError, hint=hint)
    if (found := not_text(raw)) is not None:
        tag, kind, how = found
        if piped and tag == "pdf":
            how = f"extract its text on the way in: pdftotext paper.pdf - | {piped}"
        raise InputError(f"{what} is {kind}, not plain text", path=str(p), hint=how.format(shell_path(p)))
    if (wide := utf16_codec(raw)) is not None:
        how = encoding_hint(raw, shell_path(p), piped=piped, codec=wide)
        if not_utf8 is not None:
            not_utf8.append(NotUtf8(str(p), wide, "", how))
            return raw.decode(wide)
        raise InputError(f"{what} is {utf16_name(wide)}, not UTF-8", path=str(p), line=1, hint=how)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        how = encoding_hint(raw, shell_path(p), piped=piped)
        if not_utf8 is not None:
            sure = certain_codec(raw, declared(raw) if declared is not None else None)
            if sure is not None:
                codec, declaration = sure
                not_utf8.append(NotUtf8(str(p), codec, declaration,
                                        encoding_hint(raw, shell_path(p), codec=codec)))
                return raw.decode(codec)
        line = raw.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"{what} is not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
            path=str(p), line=line, hint=how,
        ) from None
    return text.removeprefix("\ufeff")


def utf16_codec(raw: bytes) -> str | None:
    """The UTF-16 codec the bytes are certainly written in, or None: ``utf_16`` when they start with its byte order
    mark (as Windows Notepad saves "Unicode") and read as such, else ``utf16_without_bom``'s."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        if raw.startswith(b"\xff\xfe\x00\x00") or len(raw) % 2:  # UTF-32's mark, or no UTF-16 at all
            return None
        try:
            raw.decode("utf_16")
        except UnicodeDecodeError:
            return None
        return "utf_16"
    return utf16_without_bom(raw)


def utf16_name(codec: str) -> str:
    """How a message names a ``utf16_codec``: with or without its byte order mark."""
    return "UTF-16 (with a byte order mark)" if codec == "utf_16" else \
        f"{codec_name(codec)} (UTF-16 with no byte order mark)"


def utf16_without_bom(raw: bytes) -> str | None:
    """``utf_16_le`` or ``utf_16_be`` when the bytes are UTF-16 with no byte order mark (as some Windows tools
    save), told by a NUL in every other byte of mostly ASCII text; else None. Such bytes are valid UTF-8, read
    as text with a NUL after each letter, in which no front matter, entry or setting is found. (With its byte
    order mark, UTF-16 is no UTF-8, and ``utf16_codec`` tells it.)"""
    sample = raw[:4096]
    if len(sample) < 4 or len(raw) % 2 or sample.count(0) < len(sample) // 4 or raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    even, odd = sample[0::2], sample[1::2]
    for codec, zeros, letters in (("utf_16_le", odd, even), ("utf_16_be", even, odd)):
        if zeros.count(0) >= 0.6 * len(zeros) and letters.count(0) <= 0.05 * len(letters):
            try:
                raw.decode(codec)
            except UnicodeDecodeError:
                return None
            return codec
    return None


def certain_codec(raw: bytes, declared: tuple[str, str] | None) -> tuple[str, str] | None:
    """(codec, declaration) the bytes are certainly written in, or None: the declared codec when it reads
    them, else charset-normalizer's when its plausible common codecs all read them as the same text. A reading
    with C1 control characters (a Windows code page read as ISO-8859) or other line breaks is no reading."""
    def reads(codec: str) -> str | None:
        try:
            text = raw.decode(codec)
        except (UnicodeDecodeError, LookupError):
            return None
        if _C1.search(text) or text.count("\n") != raw.count(b"\n"):
            return None
        return text

    if declared is not None:
        return declared if reads(declared[0]) is not None else None
    # Only the encodings files are commonly written in: on a short text charset-normalizer finds rare ones
    # (Mac Icelandic) as plausible as Windows-1252 whatever the bytes.
    common = [codec for codec in _plausible(raw) if codec in _PREFERRED]
    if not common or reads(common[0]) is None:
        return None
    readings = {reads(codec) for codec in common}
    return (guess_encoding(raw) or common[0], "") if len(readings) == 1 else None


def whole_file_codec(raw: bytes) -> str | None:
    """The one other encoding bytes that are not UTF-8 are certainly written in as a whole (``certain_codec``),
    or None: also when they hold UTF-8 characters beyond ASCII too (characters pasted from another text, which
    reading the whole in another encoding garbles)."""
    text = raw.decode("utf-8", errors="replace")
    if any(c > "\x7f" and c != "\ufffd" for c in text):
        return None
    sure = certain_codec(raw, None)
    return sure[0] if sure else None


_C1 = lazy("[\x80-\x9f]")


#: Files people give for text that are not text: (first bytes, ``pdf`` or ``word``, what it is, how to get its text).
_NOT_TEXT = (
    (b"%PDF-", "pdf", "a PDF", "extract its text first (pdftotext {0} out.txt) or copy the text into a .txt file"),
    (b"PK\x03\x04", "word", "a zip archive (a Word .docx or OpenDocument file?)",
     "save it as plain text (.txt) or Markdown, or copy the text into a .txt file"),
    (b"\xd0\xcf\x11\xe0", "word", "an old Word (.doc) file",
     "save it as plain text (.txt), or copy the text into a .txt file"),
    (b"{\\rtf", "word", "rich text (RTF)", "save it as plain text (.txt), or copy the text into a .txt file"),
)
NOT_TEXT_HEAD = max(len(magic) for magic, *_ in _NOT_TEXT)
"""How many first bytes ``not_text`` needs."""


def not_text(raw: bytes) -> tuple[str, str, str] | None:
    """``(pdf or word, what it is, how to get its text)`` when ``raw`` starts as a file that is no text does."""
    for magic, tag, kind, how in _NOT_TEXT:
        if raw.startswith(magic):
            return tag, kind, how
    return None


# When several codecs read the bytes as the same text, name the one most files are written in.
_PREFERRED = ("cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257", "mac_roman", "shift_jis", "gb18030",
              "euc_kr", "big5", "koi8_r", "iso8859_15", "latin_1")
_NAMES = {"cp1252": "Windows-1252", "cp1250": "Windows-1250", "cp1251": "Windows-1251", "cp1253": "Windows-1253",
          "cp1254": "Windows-1254", "cp1257": "Windows-1257", "mac_roman": "MacRoman", "latin_1": "ISO-8859-1",
          "iso8859_15": "ISO-8859-15", "koi8_r": "KOI8-R", "shift_jis": "Shift_JIS", "gb18030": "GB18030",
          "euc_kr": "EUC-KR", "big5": "Big5", "utf_16": "UTF-16", "utf_16_le": "UTF-16LE", "utf_16_be": "UTF-16BE", "iso8859_2": "ISO-8859-2",
          "iso8859_9": "ISO-8859-9", "iso8859_16": "ISO-8859-16"}


_DOUBLE_BYTE = ("big5", "big5hkscs", "cp932", "cp949", "cp950", "euc_jis_2004", "euc_jisx0213", "euc_jp", "euc_kr",
                "gb18030", "gb2312", "gbk", "hz", "iso2022_jp", "iso2022_kr", "johab", "shift_jis",
                "shift_jis_2004", "shift_jisx0213")


def guess_encoding(raw: bytes) -> str | None:
    """The codec the bytes were most likely written in (charset-normalizer), or None."""
    plausible = _plausible(raw)
    if not plausible:
        return None
    for codec in _PREFERRED:
        if codec in plausible:
            return codec
    return plausible[0]


def _plausible(raw: bytes) -> list[str]:
    """The codecs charset-normalizer finds as plausible as its best for the bytes (its best first)."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return []
    sample = raw[:200_000]
    # A few stray bytes (curly quotes, a dash) also decode as a handful of CJK characters; only
    # a text with many non-ASCII bytes can tell a double-byte codec from a single-byte one.
    few = sum(b >= 0x80 for b in sample) < 64
    matches = list(from_bytes(sample, cp_exclusion=list(_DOUBLE_BYTE) if few else None))
    if not matches:
        return []
    least = matches[0].chaos
    plausible = [m for m in matches if m.chaos <= least + 0.01]
    return list(dict.fromkeys([matches[0].encoding, *(c for m in plausible for c in m.could_be_from_charset)]))


def codec_name(codec: str) -> str:
    """How people name a Python codec: ``Windows-1252`` for ``cp1252``."""
    return _NAMES.get(codec, codec)


def shell_word(name: str) -> str:
    """``name`` as one word of a command to type: quoted when it holds spaces or shell characters, and after
    ``./`` when it starts with a dash, so that no command takes it for an option."""
    import shlex

    return shlex.quote(f"./{name}" if name.startswith("-") else name)


def shell_path(path: Path) -> str:
    """``path`` as a command typed in the working folder takes it: relative when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return str(path)


def stray_bytes_lines(raw: bytes) -> list[int]:
    """The lines holding bytes that are not UTF-8 in a file otherwise written in UTF-8 (characters pasted from a
    file in another encoding: it holds more UTF-8 characters beyond ASCII than such bytes); [] for a file as a
    whole in another encoding, which converting mends (converting a mixed one garbles its UTF-8 characters)."""
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    beyond_ascii = len(text) - len(text.encode("ascii", errors="ignore").decode()) - bad if bad else 0
    if not bad or beyond_ascii < max(10, 2 * bad):
        return []
    return [n for n, line in enumerate(text.split("\n"), 1) if "\ufffd" in line]


#: Above this many lines of stray bytes, retyping them is no advice: that part of the file is converted.
_RETYPED_AT_MOST = 20


def stray_bytes_hint(raw: bytes, lines: list[int]) -> str:
    """What to do with the ``lines`` (``stray_bytes_lines``) of a UTF-8 file holding bytes in another encoding:
    retype a few characters; convert a part of many lines on its own (converting the whole file would garble its
    UTF-8 characters)."""
    whole = "converting the whole file would garble its other characters"
    if len(lines) <= _RETYPED_AT_MOST:
        shown = ", ".join(map(str, lines[:5])) + (f" and {len(lines) - 5} more" if len(lines) > 5 else "")
        return (f"The rest of the file is UTF-8: retype the characters that are not on line"
                f"{'s' if len(lines) > 1 else ''} {shown} (pasted from text in another encoding); {whole}")
    rows = raw.split(b"\n")
    codec = guess_encoding(b"\n".join(rows[n - 1] for n in lines[:2000]))
    how = f", e.g. with iconv -f {_iconv_name(codec)} -t UTF-8," if codec else ""
    return (f"The rest of the file is UTF-8: {len(lines)} lines between lines {lines[0]} and {lines[-1]} hold "
            f"characters in another encoding{f' ({codec_name(codec)}, it seems)' if codec else ''}; copy that part "
            f"into a file of its own, convert it to UTF-8{how} and paste it back; {whole}")


def _iconv_name(codec: str) -> str:
    """The name iconv knows the codec by."""
    label = codec_name(codec)
    return label.upper() if label.startswith(("Windows", "ISO", "KOI", "UTF")) else codec.upper()


def encoding_hint(raw: bytes, name: str = "FILE", *, sentence: bool = False, codec: str | None = None,
                  piped: str = "") -> str:
    """How to re-save the file as UTF-8, naming the codec it was most likely written in (or ``codec``).

    ``sentence`` capitalises it, as findings' hints are; with ``piped`` (the command reading standard input)
    the text is converted on its way into that command instead.
    """
    known = codec is not None
    codec = codec or guess_encoding(raw)
    if codec is None:
        text = "re-save the file as UTF-8 in your editor"
    else:
        label, iconv = codec_name(codec), _iconv_name(codec)
        src, tmp = shell_word(name), shell_word(name + ".utf8")
        if piped:
            text = (f"it {'is' if known else 'looks like'} {label} ({codec}); convert it to UTF-8 on the way in, "
                    f"e.g. iconv -f {iconv} -t UTF-8 FILE | {piped}")
        else:
            text = (f"it {'is' if known else 'looks like'} {label} ({codec}); re-save it as UTF-8, e.g. "
                    f"iconv -f {iconv} -t UTF-8 {src} > {tmp} && mv {tmp} {src}")
    return text[:1].upper() + text[1:] if sentence else text
