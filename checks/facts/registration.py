"""Facts the registration rules derive from the target: config files, required traits, the connector's impls."""

from __future__ import annotations

import re
from collections import defaultdict

from ast_grep_py import SgNode

from ..facts.default_impls import DefaultMacro, read_default_macros
from ..target import layout
from ..target.fact_cache import fact
from ..target.repository import Repository
from ..target.rust import last_segment, line_of
from ..target.rust_locate import find_struct, struct_field
from ..target.toml_files import TomlFile
from .deployment import config_tomls, is_full_config, overlays
from .locations import connectors_struct, crate_sources


@fact
def config_files_with_connectors(repo: Repository) -> list[TomlFile]:
    """The deployable configs that carry a full [connectors] table (found by reading them, not from a fixed list);
    config/deployments/env_specific.toml, with two entries, is an overlay (facts/deployment.py), not one of them."""
    return sorted((t for t in config_tomls(repo) if is_full_config(repo, t)), key=lambda t: t.rel)


def params_type_required_keys(repo: Repository, name: str) -> list[str]:
    """Non-optional String fields of the connector's params type in `Connectors` (what start-up validates)."""
    place = connectors_struct(repo)
    rust_file = repo.rust(place.rel) if place is not None else None
    struct = place.node if place is not None else None
    field = struct_field(struct, name) if struct is not None else None
    if field is None or rust_file is None:
        return ["base_url"]
    params = find_struct(rust_file, last_segment(field.field("type").text()))
    if params is None:
        return ["base_url"]
    body = params.field("body")
    keys = []
    for child in body.children() if body is not None else []:
        field_type = child.field("type") if child.kind() == "field_declaration" else None
        if field_type is not None and "".join(field_type.text().split()) == "String":
            keys.append(child.field("name").text())
    return keys


_TRAIT = re.compile(rb"\btrait\s+([A-Za-z_][A-Za-z0-9_]*)")


@fact
def _trait_files(repo: Repository) -> dict[str, list[str]]:
    """Trait name -> the files of hyperswitch_interfaces whose text has `trait NAME` (the parse decides)."""
    files: dict[str, list[str]] = {}
    for rel, source in crate_sources(repo).under(layout.INTERFACES_SRC + "/"):
        for name in dict.fromkeys(_TRAIT.findall(source)):
            files.setdefault(name.decode(), []).append(rel)
    return files


@fact
def trait_bounds(repo: Repository, trait: str) -> frozenset[str]:
    """The traits the bounds of `trait` name, over its declarations in hyperswitch_interfaces (`Payouts` ->
    {PayoutCreate, ..}). Only the files that can declare it are parsed."""
    found: set[str] = set()
    for rel in _trait_files(repo).get(trait, []):
        rust_file = repo.rust(rel)
        for item in rust_file.index.nodes("trait_item") if rust_file is not None else []:
            bounds, name = item.field("bounds"), item.field("name")
            if name is None or bounds is None or name.text() != trait:
                continue
            for bound in bounds.children():
                base_type = bound.field("type") if bound.kind() == "generic_type" else bound
                if base_type is not None and base_type.kind() in ("type_identifier", "scoped_type_identifier"):
                    found.add(last_segment(base_type.text()))
    return frozenset(found)


def traits_under(repo: Repository, trait: str) -> set[str]:
    """`trait` and, transitively, every trait its bounds require."""
    found, stack = set(), [trait]
    while stack:
        current = stack.pop()
        if current not in found:
            found.add(current)
            stack.extend(trait_bounds(repo, current))
    return found


@fact
def required_traits(repo: Repository) -> set[str]:
    """Traits a connector type must implement: `api::Connector` and, transitively, its supertraits."""
    return traits_under(repo, "Connector")


@fact
def v2_default_macros(repo: Repository) -> dict[str, DefaultMacro]:
    rust_file = repo.rust(layout.DEFAULT_IMPLEMENTATIONS_V2_RS)
    return read_default_macros(rust_file) if rust_file is not None else {}


@fact
def _impls_by_type(repo: Repository, rel: str) -> dict[str, dict[object, set[str]]]:
    """Trait impls in one file, by self type: {Camel: {trait name or ConnectorIntegration triple: {file:line}}}."""
    index: dict[str, dict[object, set[str]]] = defaultdict(lambda: defaultdict(set))
    rust_file = repo.rust(rel)
    for item in rust_file.index.nodes("impl_item") if rust_file is not None else []:
        trait, self_type = item.field("trait"), item.field("type")
        if trait is None or self_type is None:
            continue
        owned = index[last_segment(self_type.text())]
        where = f"{rel}:{line_of(item)}"
        if trait.kind() == "generic_type" and trait.field("type") is not None:
            args = trait.field("type_arguments")
            types = tuple(last_segment(a.text()) for a in args.children()
                          if a.kind() not in ("<", ">", ",")) if args is not None else ()
            if last_segment(trait.field("type").text()) == "ConnectorIntegration" and len(types) == 3:
                owned[types].add(where)
        else:
            owned[last_segment(trait.text())].add(where)
    return index



@fact
def own_trait_impls(repo: Repository, name: str, camel: str) -> dict[object, set[str]]:
    """The connector's own trait impls, keyed by trait name, and by triple for ConnectorIntegration impls.

    Hand-written impls for the connector inside default_implementations*.rs (DummyConnector's) count too.
    """
    owned: dict[object, set[str]] = defaultdict(set)
    files = [*repo.connector_files(name), layout.DEFAULT_IMPLEMENTATIONS_RS, layout.DEFAULT_IMPLEMENTATIONS_V2_RS]
    for rel in files:
        for key, places in _impls_by_type(repo, rel).get(camel, {}).items():
            owned[key] |= places
    return owned



@fact
def registration_tomls(repo: Repository) -> list[TomlFile]:
    """Every TOML file the registration rules read, in a stable order."""
    rels = [t.rel for t in config_files_with_connectors(repo)]
    for overlay in overlays(repo):  # env_specific.toml and the deployment configs it is merged into
        rels += [rel for rel in (overlay.file.rel, *overlay.targets) if rel not in rels]
    rels += [rel for rel in repo.walk(layout.CONNECTOR_CONFIGS_TOML_DIR, ".toml") if rel not in rels]
    rels.append(layout.SAMPLE_AUTH_TOML)
    return [t for t in (repo.toml(rel) for rel in rels) if t is not None]


def config_fields_read(arm: SgNode) -> list[str]:
    """`Ok(connector_data.adyenplatform_payout)` -> ["adyenplatform_payout"]."""
    fields = []
    for access in arm.find_all(kind="field_expression"):
        target, field = access.field("value"), access.field("field")
        if target is not None and field is not None and target.text() == "connector_data":
            fields.append(field.text())
    return fields
