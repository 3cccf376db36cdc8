"""Names read from the target (file names, connector module names, waiver fields) shown as text.

A file name may hold a newline, an escape sequence or `::warning`; shown, it must stay on its line and look like
what it is. `printable` writes control characters the way Python source would (`\\n`, `\\x1b`) and clips long names.
"""

from __future__ import annotations

import re

from .limits import MAX_NAME_CHARS, clip

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
MODULE_NAME = re.compile(r"[a-z0-9_]+")  # what Hyperswitch's connector modules are named (always with fullmatch)


def printable(name: str) -> str:
    """`name` with control characters escaped (`\\n`, `\\x1b`), cut at MAX_NAME_CHARS."""
    escaped = _CONTROL.sub(lambda m: _NAMED.get(m[0], f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100
                                                 else f"\\u{ord(m[0]):04x}"), name)
    return clip(escaped, MAX_NAME_CHARS)


def is_module_name(name: str) -> bool:
    return MODULE_NAME.fullmatch(name) is not None
