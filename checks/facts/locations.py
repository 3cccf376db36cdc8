"""Where each registration point of the target lives, found by what it is rather than by one fixed path.

Hyperswitch moved most points between mid-2025 and 2026 (RoutableConnectors from common_enums to euclid, the auth
validation out of admin.rs, ConnectorData::convert_connector out of types/api.rs, ...). Each point is looked for in
its current file first, then in the files it used to live in (layout.FORMER_LOCATIONS), then anywhere under its
crate: a cheap text search picks the files worth parsing. A point found nowhere does not exist in that tree.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ast_grep_py import SgNode

from ..target import layout
from ..target.fact_cache import fact
from ..target.rust import RustFile, function_items, last_segment, line_of
from ..target.rust_index import memo
from ..target.rust_locate import find_enum, find_fn, find_struct

if TYPE_CHECKING:
    from ..target.repository import Repository


@dataclass(frozen=True)
class Place:
    """A registration item: the file it is in and its syntax node (an enum, struct, fn or impl)."""

    rel: str
    node: SgNode

    @property
    def line(self) -> int:
        return line_of(self.node)

    def where(self) -> str:
        return f"{self.rel}:{self.line}"


def enum_variants(place: Place) -> dict[str, int]:
    """The variants of a located enum, with their lines (read once per run; do not change the dict)."""
    return memo(place.node, ("variants",), lambda: _variants(place.node))


def _variants(enum: SgNode) -> dict[str, int]:
    body = enum.field("body")
    return {c.field("name").text(): line_of(c) for c in (body.children() if body is not None else [])
            if c.kind() == "enum_variant" and c.field("name") is not None}


class CrateSources:
    """Every Rust file under crates/, each read (as bytes) the first time a search needs it and then kept: a text
    search over the 36 MB upstream costs milliseconds, parsing it would cost minutes, and a run for one connector
    reads only the folders its searches name."""

    def __init__(self, repo: Repository) -> None:
        self._repo = repo
        self.rels = repo.walk(layout.CRATES, ".rs")
        self._read: dict[str, bytes | None] = {}

    def get(self, rel: str, default: bytes = b"") -> bytes:
        found = self._source(rel)
        return default if found is None else found

    def _source(self, rel: str) -> bytes | None:
        if rel not in self._read:
            self._read[rel] = self._repo.read.read_bytes(rel)  # None when not readable here: left out
        return self._read[rel]

    def under(self, prefix: str = "", suffix: str = "") -> Iterator[tuple[str, bytes]]:
        """(file, text) for the readable files whose path starts with `prefix` and ends with `suffix`."""
        for rel in self.rels:
            if rel.startswith(prefix) and rel.endswith(suffix):
                source = self._source(rel)
                if source is not None:
                    yield rel, source

    def items(self) -> Iterator[tuple[str, bytes]]:
        return self.under()


@fact
def crate_sources(repo: Repository) -> CrateSources:
    """The run's one reader of crates/*.rs texts (see CrateSources)."""
    return CrateSources(repo)


@fact
def rust_files_containing(repo: Repository, root: str, needle: str, suffix: str = "") -> tuple[str, ...]:
    """Rust files under `root` (a folder of crates/), named `*suffix`, whose text contains `needle`; only those get
    parsed."""
    wanted, prefix = needle.encode(), root.rstrip("/") + "/"
    return tuple(rel for rel, text in crate_sources(repo).under(prefix, suffix) if wanted in text)


def _find(repo: Repository, current: str, root: str, needle: str,
          pick: Callable[[RustFile], SgNode | None]) -> Place | None:
    """The current file, then the point's former files, then every file of `root` mentioning `needle`."""
    candidates = [current, *layout.FORMER_LOCATIONS.get(current, ())]
    for rel in itertools.chain(candidates, _others(repo, root, needle, candidates)):
        rust_file = repo.rust(rel)
        if rust_file is None or needle not in rust_file.text:
            continue
        node = pick(rust_file)
        if node is not None:
            return Place(rel, node)
    return None


def _others(repo: Repository, root: str, needle: str, known: list[str]) -> Iterator[str]:
    """The files of `root` mentioning `needle`, searched for only when asked (after the known files)."""
    yield from (rel for rel in rust_files_containing(repo, root, needle) if rel not in known)


def _impl_for(rust_file: RustFile, trait: str, trait_arg: str | None, self_type: str) -> SgNode | None:
    """`impl Trait<..::trait_arg> for ..::self_type`, paths and whitespace ignored (None for an inherent impl)."""
    for item in rust_file.index.nodes("impl_item"):
        trait_node, type_node = item.field("trait"), item.field("type")
        if type_node is None or last_segment(type_node.text()) != self_type:
            continue
        if trait_node is None:
            if trait == "":
                return item
            continue
        if last_segment(trait_node.text()) != trait:
            continue
        args = trait_node.field("type_arguments") if trait_node.kind() == "generic_type" else None
        arg = [a for a in args.children() if a.kind() not in ("<", ">", ",")] if args is not None else []
        if trait_arg is None or (len(arg) == 1 and last_segment(arg[0].text()) == trait_arg):
            return item
    return None


def _method_of_impl(rust_file: RustFile, self_type: str, method: str) -> SgNode | None:
    """`fn method` of an inherent `impl self_type { .. }` block."""
    for item in rust_file.index.nodes("impl_item"):
        type_node = item.field("type")
        if item.field("trait") is None and type_node is not None and last_segment(type_node.text()) == self_type:
            found = function_items(item.field("body")).get(method)
            if found is not None:
                return found
    return None


@fact
def connector_enum(repo: Repository) -> Place | None:
    """P5: common_enums' `pub enum Connector` (also home of is_separate_authentication_supported and
    supports_access_token)."""
    return _find(repo, layout.CONNECTOR_ENUMS_RS, layout.COMMON_ENUMS_SRC, "enum Connector ",
                 lambda f: find_enum(f, "Connector"))


def connector_enum_fn(repo: Repository, name: str) -> Place | None:
    """A fn of the Connector enum's file (`is_separate_authentication_supported`, `supports_access_token`)."""
    enum = connector_enum(repo)
    rust_file = repo.rust(enum.rel) if enum is not None else None
    node = find_fn(rust_file, name) if rust_file is not None else None
    return Place(enum.rel, node) if enum is not None and node is not None else None


@fact
def routable_connectors(repo: Repository) -> Place | None:
    """P7: `pub enum RoutableConnectors` wherever it is defined (euclid today, common_enums before 2025-12)."""
    return _find(repo, layout.EUCLID_ENUMS_RS, layout.CRATES, "enum RoutableConnectors",
                 lambda f: find_enum(f, "RoutableConnectors"))


def _beside_routable(repo: Repository, pick: Callable[[RustFile], SgNode | None]) -> Place | None:
    enum = routable_connectors(repo)
    if enum is None:
        return None
    return _find(repo, enum.rel, layout.CRATES, "RoutableConnectors", pick)


@fact
def routable_try_from(repo: Repository) -> Place | None:
    """P7: `impl TryFrom<Connector> for RoutableConnectors`, next to the enum."""
    return _beside_routable(repo, lambda f: _impl_for(f, "TryFrom", "Connector", "RoutableConnectors"))


@fact
def routable_back(repo: Repository) -> Place | None:
    """P7: `impl From<RoutableConnectors> for Connector`, next to the enum."""
    return _beside_routable(repo, lambda f: _impl_for(f, "From", "RoutableConnectors", "Connector"))


@fact
def connectors_struct(repo: Repository) -> Place | None:
    """P3: `pub struct Connectors` (connector_endpoints.rs today, configs.rs before 2025-07)."""
    return _find(repo, layout.CONNECTOR_ENDPOINTS_RS, layout.DOMAIN_SRC, "struct Connectors",
                 lambda f: find_struct(f, "Connectors"))


@fact
def router_routable_conversion(repo: Repository) -> Place | None:
    """P8: the router's `impl ForeignTryFrom<api_enums::Connector> for RoutableConnectors`."""
    return _find(repo, layout.CONNECTOR_TRANSFORMERS_RS, layout.ROUTER_CRATE, "RoutableConnectors",
                 lambda f: _impl_for(f, "ForeignTryFrom", "Connector", "RoutableConnectors"))


@fact
def auth_validation(repo: Repository) -> Place | None:
    """P9: `fn validate_auth_and_metadata_type_with_connector` (connector_validation.rs, admin.rs before)."""
    return _find(repo, layout.CONNECTOR_VALIDATION_RS, layout.ROUTER_CRATE,
                 "fn validate_auth_and_metadata_type_with_connector",
                 lambda f: find_fn(f, "validate_auth_and_metadata_type_with_connector"))


@fact
def connector_mapping(repo: Repository) -> Place | None:
    """P10: `ConnectorData::convert_connector` (types/api/connector_mapping.rs, types/api.rs before)."""
    return _find(repo, layout.CONNECTOR_MAPPING_RS, layout.ROUTER_CRATE, "impl ConnectorData",
                 lambda f: _method_of_impl(f, "ConnectorData", "convert_connector"))


@fact
def feature_matrix(repo: Repository) -> Place | None:
    """P11: `FeatureMatrixConnectorData::convert_connector` (absent from trees before 2025-08)."""
    return _find(repo, layout.FEATURE_MATRIX_RS, layout.ROUTER_CRATE, "impl FeatureMatrixConnectorData",
                 lambda f: _method_of_impl(f, "FeatureMatrixConnectorData", "convert_connector"))


@fact
def connector_configs_fn(repo: Repository) -> Place | None:
    """P12: connector_configs' `fn get_connector_config` (the Control Center's per-connector TOML lookup)."""
    return _find(repo, layout.CONNECTOR_CONFIGS_RS, layout.CONNECTOR_CONFIGS_RS.rsplit("/", 1)[0],
                 "fn get_connector_config", lambda f: find_fn(f, "get_connector_config"))
