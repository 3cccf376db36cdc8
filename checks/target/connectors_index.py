"""The target's connector modules and their type names, read from `hyperswitch_connectors/src/connectors.rs`."""

from __future__ import annotations

from dataclasses import dataclass

from .rust import RustFile, attributes_before, line_of


@dataclass(frozen=True)
class ConnectorModule:
    """One `pub mod NAME;` of connectors.rs and the `NAME::Camel` it re-exports (Camel is None if it does not)."""

    name: str
    camel: str | None
    mod_line: int
    use_line: int | None
    cfg: str | None


def read_connector_modules(connectors_rs: RustFile) -> dict[str, ConnectorModule]:
    root = connectors_rs.root
    mods: dict[str, tuple[int, str | None]] = {}
    for item in root.children():
        if item.kind() != "mod_item" or item.field("body") is not None:
            continue
        name = item.field("name")
        if name is None:
            continue
        cfg = next((a.text() for a in attributes_before(item) if "cfg" in a.text()), None)
        mods[name.text()] = (line_of(item), cfg)

    # `pub use self::{ NAME::Camel, ... };` and `pub use self::NAME::Camel;`: read the mapping, never capitalise.
    exported: dict[str, tuple[str, int]] = {}
    for use in root.children():
        if use.kind() != "use_declaration":
            continue
        for path in use.find_all(kind="scoped_identifier"):
            segments = [s for s in "".join(path.text().split()).split("::") if s]
            if len(segments) >= 2 and segments[-2] in mods and segments[-2] not in exported:
                exported[segments[-2]] = (segments[-1], line_of(path))

    modules: dict[str, ConnectorModule] = {}
    for name, (mod_line, cfg) in mods.items():
        camel, use_line = exported.get(name, (None, None))
        modules[name] = ConnectorModule(name, camel, mod_line, use_line, cfg)
    return modules

