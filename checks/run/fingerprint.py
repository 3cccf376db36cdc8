"""A finding's fingerprint: what stays the same when the code around it moves.

rule id, connector, file, the whitespace-collapsed text of the finding's line, and the message with its numbers
normalised (messages quote line numbers and counts) — never the line number itself. Equal keys in one tree (two
identical stubbed lines of one file) are told apart by their order: the first, the second, ... occurrence.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence

from ..core.finding import Finding

_DIGITS = re.compile(r"\d+")

LineText = Callable[[str, int], str | None]  # (file, line) -> the text of that line in the finding's tree


def normalise_line(text: str | None) -> str:
    return " ".join(text.split()) if text else ""


def normalise_message(message: str) -> str:
    return _DIGITS.sub("#", " ".join(message.split()))


def finding_key(connector: str, finding: Finding, line_text: LineText) -> str:
    """The fingerprint without its occurrence index."""
    parts = (finding.rule, connector, finding.file, normalise_line(line_text(finding.file, finding.line)),
             normalise_message(finding.message))
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:32]


def fingerprints(connector: str, findings: Sequence[Finding], line_text: LineText) -> list[str]:
    """One fingerprint per finding, in order; the n-th finding with an equal key gets `:n`."""
    seen: dict[str, int] = {}
    out = [""] * len(findings)
    for index in sorted(range(len(findings)), key=lambda i: (findings[i].file, findings[i].line, i)):
        key = finding_key(connector, findings[index], line_text)
        seen[key] = seen.get(key, 0) + 1
        out[index] = f"{key}:{seen[key]}"
    return out
