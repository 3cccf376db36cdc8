"""The connector file declares `pub mod transformers;` (when it needs one: see facts/connectors.needs_transformers)."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.connectors import needs_transformers, transformers_declaration_line
from ...target import layout
from ...target.repository import Repository


def check_transformers_declared(repo: Repository, name: str) -> list[Finding]:
    main = layout.connector_main_file(name)
    if not repo.exists(main) or transformers_declaration_line(repo, name) is not None or not needs_transformers(
            repo, name):
        return []
    return [Finding(RULE.id, main, 1, f"{main} does not declare its transformers module",
                    "put `pub mod transformers;` on the first line of the connector file")]


RULE = Rule(
    id="scaffolding.transformers-module",
    severity="error",
    title="The connector file declares its transformers module",
    guide="The connector file declares `pub mod transformers;`.",
    check=check_transformers_declared,
)
