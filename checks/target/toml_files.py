"""TOML files of the target, read with the standard library's tomllib (the `toml` package cannot read them).

A file that does not parse (Hyperswitch's real connector_configs/toml/production.toml has a duplicate key) keeps
its text, so line-level facts can still be checked, and its error becomes a finding of its own.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cached_property

from .files import TargetFiles

AT_LINE = re.compile(r"at line (\d+)")


@dataclass
class TomlFile:
    files: TargetFiles
    rel: str

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

    def line_matching(self, pattern: str) -> int | None:
        """1-based line of the first line matching a regex (TOML keys are line facts)."""
        compiled = re.compile(pattern)
        for number, line in enumerate(self.text.splitlines(), start=1):
            if compiled.search(line):
                return number
        return None

    def table_header_line(self, dotted: str) -> int | None:
        return self.line_matching(rf"^\s*\[{re.escape(dotted)}\]\s*(#.*)?$")


def parse_toml(text: str) -> tuple[dict | None, str | None, int | None]:
    """(data, error, error line): tomllib's result, or why and where it does not parse. Nesting deeper than
    Python's recursion limit (`a = [[[[...]]]]` or `{a={a=...}}` 100k deep) is a parse error too, not a crash."""
    try:
        return tomllib.loads(text), None, None
    except tomllib.TOMLDecodeError as error:
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
