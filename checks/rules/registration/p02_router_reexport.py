"""Registration point P2: crates/router/src/connector.rs re-exports the connector's type (connector_mapping,
feature_matrix and the tests use `connector::Camel`), as `NAME::Camel` or through connectors.rs's own re-export
(`connectors::DummyConnector`)."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.connectors import connector_type
from ...target import layout
from ...target.repository import Repository
from ...target.rust import line_of
from ...target.rust_locate import use_tree_has_path

CRATE_PATH = "hyperswitch_connectors::connectors"


def check_reexported(repo: Repository, name: str) -> list[Finding]:
    rust_file = repo.rust(layout.ROUTER_CONNECTOR_RS)
    camel = connector_type(repo, name) or name
    if rust_file is None or any(use_tree_has_path(rust_file, CRATE_PATH, module, camel) is not None
                                for module in (name, "connectors")):
        return []
    use = next((u for u in rust_file.index.nodes("use_declaration")
                if CRATE_PATH in "".join(u.text().split())), None)
    return [Finding(RULE.id, layout.ROUTER_CONNECTOR_RS, line_of(use) if use else 1,
                    f"router does not re-export {name}::{camel}",
                    f"add `{name}, {name}::{camel},` to `pub use {CRATE_PATH}::{{ ... }};`")]


RULE = Rule(
    id="registration.router-reexport",
    severity="error",
    title="The router re-exports the connector (crates/router/src/connector.rs)",
    guide="crates/router/src/connector.rs re-exports NAME::Camel.",
    check=check_reexported,
    tags=("P2",),
)
