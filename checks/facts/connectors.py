"""Facts about one connector read from its own files: its type name, where to point when something is absent."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..facts.impls import IntegrationImpl, integration_impls, struct_line
from ..target import layout
from ..target.fact_cache import fact
from ..target.rust import line_of

if TYPE_CHECKING:
    from ..target.repository import Repository


@fact
def connector_type(repo: Repository, name: str) -> str | None:
    """The connector's type name: from `pub use self::{NAME::Camel}`, else the type its ConnectorCommon is for."""
    module = repo.modules.get(name)
    if module is not None and module.camel:
        return module.camel
    main = repo.rust(layout.connector_main_file(name))
    if main is None:
        return None
    for item in main.index.nodes("impl_item"):
        trait, self_type = item.field("trait"), item.field("type")
        if trait is not None and self_type is not None and trait.text().endswith("ConnectorCommon"):
            return self_type.text()
    return None


def anchor_of(repo: Repository, name: str) -> tuple[str, int]:
    """Where to point when something is absent: the connector struct in its main file."""
    main = layout.connector_main_file(name)
    camel = connector_type(repo, name)
    rust_file = repo.rust(main)
    if rust_file is None:
        module = repo.modules.get(name)
        return layout.CONNECTORS_RS, module.mod_line if module else 1
    return main, (struct_line(rust_file, camel) if camel else None) or 1


def transformers_declaration_line(repo: Repository, name: str) -> int | None:
    """Line of `pub mod transformers;` in the connector's main file, or None."""
    main = repo.rust(layout.connector_main_file(name))
    if main is None:
        return None
    for item in main.index.nodes("mod_item"):
        item_name = item.field("name")
        if item_name is not None and item_name.text() == "transformers" and item.field("body") is None:
            return line_of(item)
    return None


def needs_transformers(repo: Repository, name: str) -> bool:
    """Whether the connector needs its transformers module: it declares one, it has the file, or it implements a
    flow (whose request and response types belong there). A connector that implements none and declares none
    (ctp_mastercard, a NoParams 3DS client) compiles without one."""
    from .flow_status import FlowStatus, classify_impl  # here: flow_status imports this module

    if not repo.exists(layout.connector_main_file(name)) or transformers_declaration_line(repo, name) is not None:
        return True  # a connector still to be written needs both files
    if repo.exists(f"{layout.connector_folder(name)}/transformers.rs"):
        return True
    return any(classify_impl(i)[0] is FlowStatus.IMPLEMENTED for i in connector_impls(repo, name))


@fact
def connector_impls(repo: Repository, name: str) -> list[IntegrationImpl]:
    """Every ConnectorIntegration impl for the connector's own type, across its files (parsed once)."""
    camel = connector_type(repo, name)
    found: list[IntegrationImpl] = []
    for rel in repo.connector_files(name):
        rust_file = repo.rust(rel)
        if rust_file is not None:
            found.extend(i for i in integration_impls(rust_file) if camel is None or i.self_type == camel)
    return found
