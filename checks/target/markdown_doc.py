"""A small model of a Markdown document: headings, pipe tables and fenced code, each with 1-based line numbers.

GRACE documents are Markdown; their facts are line facts (headings, table rows, checkboxes), so regex is enough.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    line: int


@dataclass(frozen=True)
class TableRow:
    line: int
    cells: dict[str, str]  # header (lower-cased) -> cell text


@dataclass
class Table:
    line: int
    headers: list[str]
    section: str  # the nearest heading above the table
    rows: list[TableRow] = field(default_factory=list)


@dataclass
class MarkdownDoc:
    lines: list[str]
    headings: list[Heading]
    tables: list[Table]
    code_lines: set[int]  # lines inside fenced code blocks (placeholders there are examples, not leftovers)

    def find_heading(self, keyword: str, level: int | None = None) -> Heading | None:
        key = keyword.lower()
        return next((h for h in self.headings if key in h.text.lower() and (level is None or h.level == level)),
                    None)

    def prose_lines(self) -> list[tuple[int, str]]:
        return [(n, text) for n, text in enumerate(self.lines, start=1) if n not in self.code_lines]


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def parse_markdown(text: str) -> MarkdownDoc:
    lines = text.splitlines()
    headings: list[Heading] = []
    tables: list[Table] = []
    code_lines: set[int] = set()
    in_code = False
    current: Table | None = None
    section = ""
    for number, line in enumerate(lines, start=1):
        if FENCE.match(line):
            in_code = not in_code
            code_lines.add(number)
            current = None
            continue
        if in_code:
            code_lines.add(number)
            continue
        heading = HEADING.match(line)
        if heading:
            headings.append(Heading(len(heading.group(1)), heading.group(2).strip(), number))
            section = heading.group(2).strip()
            current = None
            continue
        if line.strip().startswith("|"):
            cells = _cells(line)
            if current is None:
                current = Table(number, [c.lower() for c in cells], section)
                tables.append(current)
            elif all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
                continue  # the |---| separator
            else:
                current.rows.append(TableRow(number, dict(zip(current.headers, cells, strict=False))))
        else:
            current = None
    return MarkdownDoc(lines, headings, tables, code_lines)
