"""Target text made safe for a terminal and a CI log: what the checkout (or its build and tests) wrote must
reach the reader as text, never as a terminal control sequence or a GitHub Actions workflow command.

The Actions runner reads a log line as a command when, after leading whitespace, it starts with `::` (`::error`,
`::add-mask::`, `::stop-commands::`), and in the legacy form when `##[` appears anywhere in it. A word joiner
(U+2060, invisible and not whitespace, so the runner's TrimStart keeps it) breaks both forms without changing what
a person reads.
"""

from __future__ import annotations

import re

WORD_JOINER = "\u2060"
# C0 controls (tab excepted), DEL and the C1 controls: shown as their Unicode "control pictures", so an escape
# sequence from the target (ESC [ 2 J) is visible instead of clearing the screen.
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f\x80-\x9f]")
_COMMAND_START = re.compile(r"^(\s*)::")


def _picture(match: re.Match[str]) -> str:
    code = ord(match[0])
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def inert_line(line: str) -> str:
    """One line of output with control characters made visible and workflow commands broken up."""
    line = _CONTROL.sub(_picture, line)
    line = _COMMAND_START.sub(lambda m: f"{m[1]}{WORD_JOINER}::", line)
    return line.replace("##[", f"##{WORD_JOINER}[")


def inert_lines(text: str) -> str:
    """Every line of a block (rendered tables, relayed cargo output) made inert; line breaks are kept."""
    return "\n".join(inert_line(line) for line in text.split("\n"))


def one_line(text: str) -> str:
    """Target text on one line (a message in a table cell or a reason line): line breaks become spaces."""
    return inert_line(" ".join(str(text).split()))
