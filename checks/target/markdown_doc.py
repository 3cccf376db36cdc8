"""A small model of a Markdown document: headings, pipe tables and fenced code, each with 1-based line numbers.

GRACE documents are Markdown; their facts are line facts (headings, table rows, checkboxes), so regex is enough.
The readers of facts/spec_reading.py and facts/plan_reading.py work on this model, so a document is split once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
FENCE = re.compile(r"^\s*(```+|~~~+)\s*([\w+-]*)")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    line: int


@dataclass(frozen=True)
class TableRow:
    line: int
    cells: dict[str, str]  # header (lower-cased) -> cell text
    values: tuple[str, ...] = ()  # the cells in column order (two columns may share a header)


@dataclass
class Table:
    line: int
    headers: list[str]
    section: str  # the nearest heading above the table
    rows: list[TableRow] = field(default_factory=list)
    heading: Heading | None = None


@dataclass(frozen=True)
class CodeBlock:
    index: int  # the document's n-th fenced block, from 0
    lang: str  # the opening fence's info string, lower-cased ("" when none)


@dataclass
class MarkdownDoc:
    lines: list[str]
    headings: list[Heading]
    tables: list[Table]
    code_lines: set[int]  # lines inside fenced code blocks (placeholders there are examples, not leftovers)
    blocks: dict[int, CodeBlock] = field(default_factory=dict)  # code line (fences included) -> its block
    nearest: list[Heading | None] = field(default_factory=list)  # per line (index line - 1): heading at or above

    def find_heading(self, keyword: str, level: int | None = None) -> Heading | None:
        key = keyword.lower()
        return next((h for h in self.headings if key in h.text.lower() and (level is None or h.level == level)),
                    None)

    def prose_lines(self) -> list[tuple[int, str]]:
        return [(n, text) for n, text in enumerate(self.lines, start=1) if n not in self.code_lines]

    def heading_at(self, number: int) -> Heading | None:
        """The heading a line belongs to: the line's own heading, else the nearest one above it."""
        return self.nearest[number - 1] if 0 < number <= len(self.nearest) else None


def _cells(line: str) -> list[str]:
    """A table row's cells; an escaped `\\|` stays inside its cell."""
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    return [c.strip() for c in re.split(r"(?<!\\)\|", body)]


def parse_markdown(text: str) -> MarkdownDoc:
    lines = text.splitlines()
    headings: list[Heading] = []
    tables: list[Table] = []
    code_lines: set[int] = set()
    blocks: dict[int, CodeBlock] = {}
    nearest: list[Heading | None] = []
    fence = ""  # the open fence's marker ("```", "~~~~"), "" outside code
    block: CodeBlock | None = None
    count = 0  # fenced blocks opened so far
    current: Table | None = None
    heading_now: Heading | None = None
    for number, line in enumerate(lines, start=1):
        opened = FENCE.match(line)
        if fence or opened:
            if not fence and opened is not None:
                fence = opened.group(1)
                block = CodeBlock(count, opened.group(2).lower())
                count += 1
            elif opened is not None and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence) \
                    and not opened.group(2):
                fence = ""  # a closing fence: same character, at least as long, no info string
            code_lines.add(number)
            if block is not None:
                blocks[number] = block
            if not fence:
                block = None
            current = None
            nearest.append(heading_now)
            continue
        heading = HEADING.match(line)
        if heading:
            heading_now = Heading(len(heading.group(1)), heading.group(2).strip(), number)
            headings.append(heading_now)
            current = None
            nearest.append(heading_now)
            continue
        nearest.append(heading_now)
        if line.strip().startswith("|"):
            cells = _cells(line)
            if current is None:
                current = Table(number, [c.lower() for c in cells], heading_now.text if heading_now else "",
                                heading=heading_now)
                tables.append(current)
            elif all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
                continue  # the |---| separator
            else:
                current.rows.append(TableRow(number, dict(zip(current.headers, cells, strict=False)), tuple(cells)))
        else:
            current = None
    return MarkdownDoc(lines, headings, tables, code_lines, blocks, nearest)
