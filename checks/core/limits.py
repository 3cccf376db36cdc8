"""Caps on what a run reports, so that a hostile checkout (400k bogus spec rows, a one-line 50 MB file) cannot
turn into gigabytes of reports, stdout or memory. A cap never hides a failure: the findings kept are the first
ones, and a last finding says how many more were not shown.

The numbers sit well above a real run: the whole Hyperswitch tree (148 connectors) gives 872 findings, at most 30
of one rule for one connector, and messages under 400 characters.
"""

from __future__ import annotations

from dataclasses import replace

from .finding import Finding

MAX_FINDINGS_PER_RULE = 50  # per rule and connector
MAX_FINDINGS_PER_FILE = 100  # per connector and file, across rules
MAX_FINDINGS_PER_REPORT = 2_000  # in the whole report; every failing scenario still keeps its first finding
MAX_MESSAGE_CHARS = 1_000  # a finding's message, and its hint
MAX_NAME_CHARS = 200  # a target-provided name (a file, a scenario in a waiver) quoted in a message


def clip(text: str, limit: int) -> str:
    """`text` cut at `limit` characters, saying how much was left out."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text) - limit} more characters not shown)"


def bounded(finding: Finding) -> Finding:
    """The finding with its message and hint clipped (the same object when nothing needed clipping)."""
    if len(finding.message) <= MAX_MESSAGE_CHARS and len(finding.hint) <= MAX_MESSAGE_CHARS:
        return finding
    return replace(finding, message=clip(finding.message, MAX_MESSAGE_CHARS),
                   hint=clip(finding.hint, MAX_MESSAGE_CHARS))


def more_not_shown(rule: str, file: str, line: int, count: int, why: str) -> Finding:
    noun = "finding" if count == 1 else "findings"
    return Finding(rule, file, line, f"{count} more {noun} not shown ({why})",
                   "fix the findings listed above first; the rest appear when the run is repeated",
                   {"not_shown": count})
