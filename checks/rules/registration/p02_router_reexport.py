"""Registration point P2: crates/router/src/connector.rs re-exports `NAME::Camel` (connector_mapping,
feature_matrix and the tests use `connector::Camel`)."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...target import layout
from ...target.repository import Repository
from ...target.rust import RustFile, line_of
from ...target.rust_locate import use_tree_has_path
from ._point import in_rust_file

CRATE_PATH = "hyperswitch_connectors::connectors"


def _reexported(repo: Repository, name: str, rust_file: RustFile, camel: str) -> list[Finding]:
    if use_tree_has_path(rust_file, CRATE_PATH, name, camel) is not None:
        return []
    use = next((u for u in rust_file.root.find_all(kind="use_declaration")
                if CRATE_PATH in "".join(u.text().split())), None)
    return [Finding(RULE.id, layout.ROUTER_CONNECTOR_RS, line_of(use) if use else 1,
                    f"router does not re-export {name}::{camel}",
                    f"add `{name}, {name}::{camel},` to `pub use {CRATE_PATH}::{{ ... }};`")]


RULE = Rule(
    id="registration.router-reexport",
    severity="error",
    title="The router re-exports the connector (crates/router/src/connector.rs)",
    guide="crates/router/src/connector.rs re-exports NAME::Camel.",
    check=in_rust_file("registration.router-reexport", layout.ROUTER_CONNECTOR_RS, _reexported),
    tags=("P2",),
)
