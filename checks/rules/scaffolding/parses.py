"""The connector's Rust files are syntactically valid (otherwise every other check of them is unreliable)."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...target.repository import Repository


def check_sources_parse(repo: Repository, name: str) -> list[Finding]:
    findings = []
    for rel in repo.connector_files(name):
        rust_file = repo.rust(rel)
        if rust_file is not None and rust_file.syntax_error_line is not None:
            findings.append(Finding(
                RULE.id, rel, rust_file.syntax_error_line,
                f"{rel} does not parse as Rust near this line; checks of this file are unreliable until it does",
                "fix the syntax error at this line (run `cargo check` for the compiler's message)"))
    return findings


RULE = Rule(
    id="scaffolding.parses",
    severity="error",
    title="The connector's Rust files parse",
    guide="The connector's Rust files are syntactically valid.",
    check=check_sources_parse,
)
