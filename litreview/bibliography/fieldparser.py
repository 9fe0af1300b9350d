"""pybtex's BibTeX parser, also noting the line of each field (pybtex keeps no positions): ``load`` reads every
file with it."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .prescan import _Lines


@lru_cache(maxsize=1)
def parser_class() -> Any:
    """pybtex's parser, also noting the line of each field's name (pybtex keeps no positions).

    Its line number is looked up from the position when asked (``_Lines``: line breaks are ``\n``,
    as everywhere else here) instead of pybtex's count of the breaks in every token it reads, which
    cost about a tenth of the parsing; so ``lineno`` is the same for a file with ``\r\n`` and a lone
    ``\r`` is no line break (pybtex counts one).

    ``field_lines``: field name (lower case) -> line, for the entry last read, noted when a field's
    name and value are read (as pybtex keeps a field); ``repeated_lines``: the lines of the names it
    has already. ``parse_field`` is pybtex's own (0.24 to 0.26) with the line noted on the way: a
    wrapper calling it, or a loop over the fields afterwards, cost 3-5% of the parsing time. A plain
    field (``name = {value}`` with no brace inside, most of them) is read in one match, and the comma
    after it in place: pybtex's five tokenizer calls for it were about half of the parsing time.
    """
    from pybtex.database.input.bibtex import LowLevelParser, SkipEntry
    from pybtex.scanner import PrematureEOF, Token

    class FieldPlaces(LowLevelParser):
        field_lines: dict[str, int]
        repeated_lines: tuple[int, ...]
        pos: int
        text: str
        current_field_name: str | None
        # The rest of a braced or quoted value up to its closing mark, when no brace comes first.
        BRACED_PLAIN = re.compile(r"[^{}]*\}")
        QUOTED_PLAIN = re.compile(r'[^"{}]*"')
        # What continues a bare number into a word pandoc reads whole ("1-19", "12a", "1:19"): letters, digits and
        # "-", "_", ":", "+". BibTeX reads a number or a @string name alone, and pybtex drops the rest of the entry.
        BARE_WORD = re.compile(r"[\w\-:+]+")
        bare_words: list[tuple[int, str, str, str | None]]
        unjoined_keys: list[tuple[int, int, str]]
        # A whole field whose value is one braced or quoted string with no brace inside (most fields), and
        # the white space after it, when what follows is neither "#" nor the end of the text: read in one
        # match, it is what pybtex's name, "=", value and "#" tokens read (the end and "#" are theirs).
        # (pybtex's NAME is the pattern whose ``match`` it keeps).
        PLAIN_FIELD = re.compile(rf"\s*({LowLevelParser.NAME.match.__self__.pattern})\s*=\s*"
                                 r'(?:\{([^{}]*)\}|"([^"{}]*)")\s*(?=[^\s#])')

        def __init__(self, text: str, *args: Any, line_of: _Lines | None = None, **kwargs: Any) -> None:
            super().__init__(text, *args, **kwargs)
            self.line_of = line_of or _Lines(text)
            self.bare_words = []  # (where it ends, field name, the word as pandoc reads it, the entry's key)
            self.unjoined_keys = []  # (where the entry starts, the first mark after its key, the key)

        @property
        def lineno(self) -> int:
            return self.line_of(self.pos)

        def update_lineno(self, value: str) -> None:
            pass  # looked up when asked (above)

        def get_token(self, patterns: list[Any], allow_eof: bool = False) -> Any:
            # pybtex's, with its white space eaten in place and no line count (the most frequent
            # call: a call less per token is about 4% of the parsing).
            text = self.text
            space = self.WHITESPACE.match(text, self.pos)
            if space:
                self.pos = space.end()
            if self.pos == self.end_pos:
                if allow_eof:
                    raise EOFError
                raise PrematureEOF(self)
            for pattern in patterns:
                match = pattern.match(text, self.pos)
                if match:
                    self.pos = match.end()
                    return Token(match.group(), pattern)
            return None

        optional = get_token  # pybtex's passes its arguments on to get_token

        def parse_value_part(self) -> Any:
            # pybtex's, reading a quoted or braced value with no braces inside (most values) with one
            # pattern instead of its generator of tokens: about a tenth of the parsing.
            token = self.required([self.QUOTE, self.LBRACE, self.NUMBER, self.NAME], description="field value")
            if token.pattern is self.QUOTE or token.pattern is self.LBRACE:
                quoted = token.pattern is self.QUOTE
                simple = (self.QUOTED_PLAIN if quoted else self.BRACED_PLAIN).match(self.text, self.pos)
                if simple:
                    self.pos = simple.end()
                    return simple.group()[:-1]
                return self.flatten_string(self.parse_string(string_end=self.QUOTE if quoted else self.RBRACE))
            if token.pattern is self.NUMBER:
                word = self.BARE_WORD.match(self.text, self.pos)
                if word:  # "pages = 1-19": pybtex stops at the number, pandoc reads the word
                    self.pos = word.end()
                    self.bare_words.append((self.pos, self.current_field_name or "", token.value + word.group(),
                                            self.current_entry_key))
                    return token.value + word.group()
                return token.value
            return self.substitute_macro(token.value)

        def parse_command(self) -> Any:
            self.field_lines, self.repeated_lines = {}, ()
            return super().parse_command()

        def parse_entry_body(self, body_end: Any) -> None:
            # pybtex's, also noting a key that no comma follows ("@misc{key" then a field on the next line, or
            # "@book{Two Words,"): pybtex reads on, BibTeX skips the entry and pandoc refuses the whole file.
            if not self.keyless_entries:
                key_pattern = self.KEY_PAREN if body_end == self.RPAREN else self.KEY_BRACE
                self.current_entry_key = self.required([key_pattern]).value
                space = self.WHITESPACE.match(self.text, self.pos)
                at = space.end() if space else self.pos
                if at < self.end_pos and self.text[at] not in ",})=":
                    self.unjoined_keys.append((self.command_start, at, self.current_entry_key))
            self.parse_entry_fields()
            if not self.want_current_entry():
                raise SkipEntry

        def parse_entry_fields(self) -> None:
            # pybtex's, with the comma that follows a field read in place when it comes at once (as
            # after a plain field): a call to its tokenizer less per field.
            text = self.text
            while True:
                self.current_field_name = None
                self.current_value = []
                self.parse_field()
                if self.current_field_name and self.current_value:
                    self.current_fields.append((self.current_field_name, self.current_value))
                if self.pos < self.end_pos and text[self.pos] == ",":
                    self.pos += 1
                elif not self.optional([self.COMMA]):
                    return

        def parse_field(self) -> None:
            plain = self.PLAIN_FIELD.match(self.text, self.pos)
            if plain:
                name, braced, quoted = plain.groups()
                self.pos = plain.end()
                self.current_field_name = name
                self.current_value = [quoted if braced is None else braced]
                self._note_line(name, self.line_of(plain.start(1)))
                return
            name = self.optional([self.NAME])
            if not name:
                return
            line = self.lineno
            self.current_field_name = name.value
            self.required([self.EQUALS])
            self.parse_value()
            self._note_line(name.value, line)

        def _note_line(self, name: str, line: int) -> None:
            lname = name.lower()
            if lname in self.field_lines:
                self.repeated_lines = (*self.repeated_lines, line)
            else:
                self.field_lines[lname] = line

    return FieldPlaces
