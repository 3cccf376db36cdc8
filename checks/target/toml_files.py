"""TOML files of the target, read with the standard library's tomllib (the `toml` package cannot read them).

A file that does not parse (Hyperswitch's real connector_configs/toml/production.toml has a duplicate key) keeps
its text, so line-level facts can still be checked, and its error becomes a finding of its own.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

AT_LINE = re.compile(r"at line (\d+)")


@dataclass
class TomlFile:
    root_dir: Path
    rel: str

    @cached_property
    def text(self) -> str:
        return (self.root_dir / self.rel).read_text(encoding="utf-8", errors="replace")

    @cached_property
    def _parsed(self) -> tuple[dict | None, str | None, int | None]:
        try:
            return tomllib.loads(self.text), None, None
        except tomllib.TOMLDecodeError as error:
            match = AT_LINE.search(str(error))
            return None, str(error), int(match.group(1)) if match else 1

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
