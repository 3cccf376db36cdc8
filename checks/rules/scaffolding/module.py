"""Registration point P1: connectors.rs declares `pub mod <name>;` and re-exports the connector's type."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...target import layout
from ...target.repository import Repository


def check_module_declared(repo: Repository, name: str) -> list[Finding]:
    module = repo.modules.get(name)
    if module is None:
        return [Finding(RULE.id, layout.CONNECTORS_RS, 1,
                        f"{layout.CONNECTORS_RS} has no `pub mod {name};`",
                        f"add `pub mod {name};` in alphabetical order")]
    if module.camel is None:
        return [Finding(RULE.id, layout.CONNECTORS_RS, module.mod_line,
                        f"{name} is declared but its type is not re-exported in `pub use self::{{ ... }}`",
                        f"add `{name}::<ConnectorType>,` to the `pub use self::{{ ... }};` block")]
    return []


RULE = Rule(
    id="scaffolding.module",
    severity="error",
    title="connectors.rs declares the module and re-exports its type",
    guide="The connector is declared in connectors.rs and its type re-exported there.",
    check=check_module_declared,
    tags=("P1",),
)
