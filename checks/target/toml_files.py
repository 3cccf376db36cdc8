"""TOML files of the target, read with tomli (compiled; the standard library's tomllib is the same parser in pure
Python, about 2.5 times slower, and stands in where tomli is missing). The `toml` package cannot read them.

A file that does not parse (Hyperswitch's real connector_configs/toml/production.toml has a duplicate key) keeps
its text, so line-level facts can still be checked, and its error becomes a finding of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from .files import TargetFiles

try:
    import tomli as toml_parser
except ImportError:  # pragma: no cover - the dependency is declared; the standard library gives the same results
    import tomllib as toml_parser

AT_LINE = re.compile(r"at line (\d+)")


@dataclass
class TomlFile:
    files: TargetFiles
    rel: str
    _line_of: dict[str, int | None] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def text(self) -> str:
        return self.files.read_text(self.rel) or ""

    @cached_property
    def _parsed(self) -> tuple[dict | None, str | None, int | None]:
        return parse_toml(self.text)

    @property
    def data(self) -> dict | None:
        return self._parsed[0]

    @property
    def error(self) -> str | None:
        return self._parsed[1]

    @property
    def error_line(self) -> int | None:
        return self._parsed[2]

    @cached_property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    def line_matching(self, pattern: str) -> int | None:
        """1-based line of the first line matching a regex (TOML keys are line facts); each pattern once a run."""
        if pattern not in self._line_of:
            self._line_of[pattern] = self._first_line(re.compile(pattern))
        return self._line_of[pattern]

    def _first_line(self, compiled: re.Pattern[str]) -> int | None:
        # A line that matches on its own also matches within the whole text (multi-line mode) at the same place, so
        # one search of the text rules most files out at once, and the first candidate line is where the scan starts.
        found = re.compile(compiled.pattern, compiled.flags | re.MULTILINE).search(self.text)
        if found is None:
            return None
        start = self.text.count("\n", 0, found.start())
        return next((n for n, line in enumerate(self.lines[start:], start=start + 1) if compiled.search(line)), None)

    def may_define(self, key: str) -> bool:
        """False only when no line could give the document a top-level `key` (as a header, a dotted or a plain
        key): the parse can then be skipped. A line inside another table only makes this answer True."""
        name = re.escape(key)
        return re.search(rf"(?m)^[ \t]*(\[\[?[ \t]*)?[\"']?{name}[\"']?[ \t]*[.\]=]", self.text) is not None

    def table_header_line(self, dotted: str) -> int | None:
        return self.line_matching(rf"^\s*\[{re.escape(dotted)}\]\s*(#.*)?$")


def parse_toml(text: str) -> tuple[dict | None, str | None, int | None]:
    """(data, error, error line): the parser's result, or why and where it does not parse. Nesting deeper than
    Python's recursion limit (`a = [[[[...]]]]` or `{a={a=...}}` 100k deep) is a parse error too, not a crash."""
    try:
        return toml_parser.loads(text), None, None
    except toml_parser.TOMLDecodeError as error:
        match = AT_LINE.search(str(error))
        return None, str(error), int(match.group(1)) if match else 1
    except RecursionError:
        return None, "nested too deeply to read (arrays or inline tables inside each other thousands of times)", \
            _deep_line(text)


def _deep_line(text: str, depth_limit: int = 100) -> int:
    """1-based line where bracket nesting first passes `depth_limit` (strings are not told apart: a hint only)."""
    depth = 0
    line = 1
    for char in text:
        if char == "\n":
            line += 1
        elif char in "[{":
            depth += 1
            if depth > depth_limit:
                return line
        elif char in "]}":
            depth = max(0, depth - 1)
    return 1
