"""Guide pitfall 2: `base64::Engine` is imported where a base64 engine encodes or decodes."""


from __future__ import annotations

import re

from ast_grep_py import SgNode

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.connector_code import file_method_calls
from ...facts.use_paths import (
    UseEntry,
    file_bindings,
    file_use_entries,
)
from ...target.repository import Repository
from ...target.rust_syntax import norm
from ._files import connector_rust_files

ENGINE_RECEIVER = re.compile(r"(^|::)BASE64_ENGINE\w*$|(^|::)general_purpose::\w+$")


def _is_engine_receiver(receiver: SgNode, bindings: dict[str, UseEntry]) -> bool:
    """`BASE64_ENGINE`, `consts::BASE64_ENGINE_URL_SAFE`, `general_purpose::STANDARD`, or a name from base64."""
    if receiver.kind() not in ("identifier", "scoped_identifier"):
        return False
    text = norm(receiver.text())
    if ENGINE_RECEIVER.search(text):
        return True
    entry = bindings.get(text) if receiver.kind() == "identifier" else None
    return entry is not None and entry.path[:1] == ("base64",)


def _imports_engine(entries: list[UseEntry]) -> bool:
    return any(e.path[:1] == ("base64",) and (e.glob or e.path[-1] == "Engine") for e in entries if e.path)


def check_base64_engine(repo: Repository, name: str) -> list[Finding]:
    """`.encode(..)` / `.decode(..)` on a base64 engine needs `use base64::Engine;` in that file."""
    findings = []
    for rust_file in connector_rust_files(repo, name):
        entries = file_use_entries(repo, rust_file)
        if _imports_engine(entries):
            continue
        bindings = file_bindings(repo, rust_file)
        for view, call in file_method_calls(repo, rust_file):
            if call.name in ("encode", "decode") and _is_engine_receiver(call.receiver, bindings):
                findings.append(Finding(
                    "imports.base64-engine", rust_file.rel, view.line(call.name_node),
                    f"`{norm(call.receiver.text())}.{call.name}(..)` needs the trait base64::Engine in scope, and "
                    f"{rust_file.rel} does not import it (E0599)",
                    "add `use base64::Engine;` to the file's imports",
                    {"receiver": norm(call.receiver.text())}))
    return findings


RULE = Rule(
    id="imports.base64-engine",
    severity="error",
    title="base64::Engine is imported where a base64 engine encodes or decodes",
    guide="Import `base64::Engine` for base64 encoding operations (`BASE64_ENGINE.encode(..)`).",
    check=check_base64_engine,
    tags=("pitfall-2",),
    see_also=(),
)
