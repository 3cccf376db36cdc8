"""The rule registry: each rule's id, severity, the guide text it enforces, and its check function."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import flow_checks, scaffolding
from .findings import Finding
from .repository import Repository

CheckFunction = Callable[..., list[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str  # "error" fails the gate; "warning" is a convention
    guide: str  # the guide's words this rule enforces
    check: CheckFunction

    def run(self, repo: Repository, connector: str, **params: str) -> list[Finding]:
        return self.check(repo, connector, **params)


RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        Rule("scaffolding.files", "error",
             "A connector is crates/hyperswitch_connectors/src/connectors/<name>.rs plus <name>/transformers.rs.",
             scaffolding.check_files_exist),
        Rule("scaffolding.module", "error",
             "The connector is declared in connectors.rs and its type re-exported there.",
             scaffolding.check_module_declared),
        Rule("scaffolding.transformers-module", "error",
             "The connector file declares `pub mod transformers;`.",
             scaffolding.check_transformers_declared),
        Rule("scaffolding.parses", "error",
             "The connector's Rust files are syntactically valid.",
             scaffolding.check_sources_parse),
        Rule("flow", "error",
             "Every selected flow has a ConnectorIntegration impl that builds a real request.",
             flow_checks.flow_findings),
    )
}
