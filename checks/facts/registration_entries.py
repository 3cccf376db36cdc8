"""What each registration point says about each connector, as sets of entries, for comparing two trees.

A change to a shared registration file selects a connector only when the *set* of entries naming it changes, so
a rustfmt re-wrap of a `pub use self::{...}` list or of an or-pattern (every neighbour on the re-wrapped lines)
selects nobody. Entries are read from the syntax tree (Rust) and from table headers and `key = value` lines (TOML):

- the registration Rust files (layout.py): `mod` declarations, `use` leaves, enum variants (the `Connector` enum,
  `RoutableConnectors`, ...), struct fields (`Connectors`, `ConnectorConfig`, `ConnectorAuthentication`), match
  arms naming a connector (each arm's value, whatever else its or-pattern lists), struct-literal fields, the
  identifiers of macro invocations (the `default_imp_for_*!` lists) and impls for a connector's type;
- the deployable configs: `[connectors] NAME.key = value` (base URLs) and tables whose last segment is a connector
  (`[pm_filters.NAME]`);
- the Control Center TOMLs and sample_auth.toml: every line of the tables whose first segment is the connector
  (or a table its get_connector_config arm reads, such as `NAME_payout`).

Identifiers are a connector's module name or its type name, in either tree.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from ast_grep_py import SgNode

from ..facts.default_impls import default_macros
from ..facts.registration import config_fields_read, v2_default_macros
from ..facts.use_paths import use_entries
from ..target import layout
from ..target.fact_cache import fact
from ..target.repository import Repository
from ..target.rust import RustFile, attributes_before, last_segment
from ..target.rust_tokens import leaves

REGISTRATION_RUST_FILES = (
    layout.CONNECTORS_RS, layout.ROUTER_CONNECTOR_RS, layout.CONNECTOR_ENDPOINTS_RS, layout.CONNECTOR_ENUMS_RS,
    layout.EUCLID_ENUMS_RS, layout.CONNECTOR_TRANSFORMERS_RS, layout.CONNECTOR_VALIDATION_RS,
    layout.CONNECTOR_MAPPING_RS, layout.FEATURE_MATRIX_RS, layout.CONNECTOR_CONFIGS_RS,
    layout.DEFAULT_IMPLEMENTATIONS_RS, layout.DEFAULT_IMPLEMENTATIONS_V2_RS, layout.ROUTER_TESTS_MAIN_RS,
    layout.TEST_AUTH_RS,
)
DEFAULT_MACRO_FILES = (layout.DEFAULT_IMPLEMENTATIONS_RS, layout.DEFAULT_IMPLEMENTATIONS_V2_RS)
_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY_LINE = re.compile(r"^\s*([A-Za-z0-9_.\"-]+)\s*=\s*(.*?)\s*$")


@dataclass(frozen=True, order=True)
class Point:
    """One registration point: a container (`enum Connector`) or a key in a file (`base_url` in a config)."""

    place: str
    key: str | None = None
    file: str = field(default="", compare=False)  # where the point is (for ordering reasons)

    def rank(self) -> tuple[int, str, str]:
        """The registration files' order (connectors.rs first, then the router, the enums, ..., the TOMLs)."""
        order = REGISTRATION_RUST_FILES.index(self.file) if self.file in REGISTRATION_RUST_FILES \
            else len(REGISTRATION_RUST_FILES)
        return order, self.place, self.key or ""

    def describe(self) -> str:
        return f"{self.key} in {self.place}" if self.key is not None else self.place

    def reason(self, change: str) -> str:
        """`added to enum Connector`, `base_url changed in config/development.toml`."""
        if self.key is not None:
            verb = {"added": "added in", "removed": "removed from", "changed": "changed in"}[change]
            return f"{self.key} {verb} {self.place}"
        verb = {"added": "added to", "removed": "removed from", "changed": "changed in"}[change]
        return f"{verb} {self.place}"


Entries = dict[str, dict[Point, frozenset[str]]]  # identifier -> point -> entry values


def _norm(text: str) -> str:
    """Whitespace-free text without a trailing comma: what rustfmt's re-wrapping never changes."""
    return "".join(text.split()).rstrip(",")


def _arm_value(arm: SgNode) -> str:
    value = arm.field("value")
    text = _norm(value.text()) if value is not None else ""
    # rustfmt turns `=> expr,` into `=> { expr }` when a line grows too long: both are one entry.
    if text.startswith("{") and text.endswith("}") and ";" not in text:
        text = text[1:-1]
    return text


def _with_attributes(node: SgNode) -> str:
    return "".join(_norm(a.text()) for a in reversed(attributes_before(node))) + _norm(node.text())


def _container(node: SgNode) -> str:
    """`fn get_connector_config`, or `fn try_from of impl TryFrom<Connector> for RoutableConnectors`."""
    function = node
    while function is not None and function.kind() != "function_item":
        function = function.parent()
    impl = function
    while impl is not None and impl.kind() != "impl_item":
        impl = impl.parent()
    where = f"fn {function.field('name').text()}" if function is not None and function.field("name") else "items"
    if impl is not None and impl.field("type") is not None:
        trait = impl.field("trait")
        header = f"{_norm(trait.text())} for {_norm(impl.field('type').text())}" if trait is not None \
            else _norm(impl.field("type").text())
        where += f" of impl {header}"
    return where


# Expressions a registration entry can be written in, collected in one walk of the file.
_ENTRY_KINDS = ("match_arm", "struct_expression", "macro_invocation")


def _rust_entries(rust_file: RustFile, rel: str, idents: frozenset[str]) -> Iterator[tuple[str, Point, str]]:
    index = rust_file.index
    for item in index.nodes("mod_item"):
        name = item.field("name")
        if item.field("body") is None and name is not None and name.text() in idents:
            yield name.text(), Point(f"the mod declarations of {rel}", file=rel), _with_attributes(item)
    for declaration in index.nodes("use_declaration"):
        for entry in use_entries(declaration):
            for segment in {s for s in entry.path if s in idents}:
                yield segment, Point(f"the use declarations of {rel}", file=rel), entry.text()
    for item_kind, member_kind, word in (("enum_item", "enum_variant", "enum"),
                                         ("struct_item", "field_declaration", "struct")):
        for item in index.nodes(item_kind):
            body, name = item.field("body"), item.field("name")
            for member in body.children() if body is not None and name is not None else []:
                member_name = member.field("name") if member.kind() == member_kind else None
                if member_name is not None and member_name.text() in idents:
                    yield member_name.text(), Point(f"{word} {name.text()}", file=rel), _with_attributes(member)
    for arm in index.nodes("match_arm", _ENTRY_KINDS):
        pattern = arm.field("pattern")
        named = {n.text() for n in pattern.find_all(kind="identifier") if n.text() in idents} if pattern else set()
        if not named:
            continue
        match = arm.parent()
        while match is not None and match.kind() != "match_expression":
            match = match.parent()
        scrutinee = match.field("value") if match is not None else None
        point = Point(f"the match on `{_norm(scrutinee.text()) if scrutinee else '?'}` in {_container(arm)} ({rel})",
                      file=rel)
        value = _arm_value(arm)
        for ident in named:
            yield ident, point, value
    for literal in index.nodes("struct_expression", _ENTRY_KINDS):
        body, name = literal.field("body"), literal.field("name")
        point = None
        for child in body.children() if body is not None and name is not None else []:
            if child.kind() == "field_initializer":
                field = child.field("field")
                ident = field.text() if field is not None else ""
            elif child.kind() == "shorthand_field_initializer":
                ident = child.text()
            else:
                continue
            if ident in idents:
                point = point or Point(f"the {last_segment(name.text())} literal in {_container(literal)} ({rel})",
                                       file=rel)
                yield ident, point, _norm(child.text())
    for invocation in index.nodes("macro_invocation", _ENTRY_KINDS):
        macro = invocation.field("macro")
        if macro is None or invocation.inside(kind="macro_definition") or rel in DEFAULT_MACRO_FILES:
            continue  # the default_imp_for_*! lists are read once per run by facts/default_impls.py
        point = Point(f"{_norm(macro.text())}! in {rel}", file=rel)
        for token in leaves(invocation):
            if token.kind() == "identifier" and token.text() in idents:
                yield token.text(), point, token.text()
    for impl in index.nodes("impl_item"):
        self_type = impl.field("type")
        if self_type is not None and last_segment(self_type.text()) in idents and impl.field("trait") is not None:
            yield last_segment(self_type.text()), Point(f"the impls in {rel}", file=rel), _norm(impl.text())


def _toml_tables(text: str) -> Iterator[tuple[str, str]]:
    """(table header, line) for every non-blank, non-comment line under a header."""
    header = ""
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        match = _HEADER.match(stripped)
        if match and not _KEY_LINE.match(stripped):
            header = "".join(match.group(1).split())
            yield header, ""
            continue
        yield header, stripped


def _config_entries(text: str, rel: str, idents: frozenset[str]) -> Iterator[tuple[str, Point, str]]:
    """Deployable configs: `[connectors]` keys (`NAME.base_url`), `[connectors.NAME]`, `[anything.NAME]`."""
    for header, line in _toml_tables(text):
        if not line:
            continue
        segments = [s.strip('"') for s in header.split(".")]
        key_match = _KEY_LINE.match(line)
        if header == "connectors" and key_match:
            dotted = key_match.group(1).split(".")
            if len(dotted) >= 2 and dotted[0] in idents:
                yield dotted[0], Point(rel, ".".join(dotted[1:]), file=rel), " ".join(key_match.group(2).split())
        elif len(segments) == 2 and segments[0] == "connectors" and segments[1] in idents and key_match:
            yield segments[1], Point(rel, key_match.group(1), file=rel), " ".join(key_match.group(2).split())
        elif segments[-1] in idents:
            yield segments[-1], Point(rel, f"[{header}]", file=rel), " ".join(line.split())


def _table_entries(text: str, rel: str, owners: dict[str, str], idents: frozenset[str]
                   ) -> Iterator[tuple[str, Point, str]]:
    """Control Center TOMLs and sample_auth.toml: the lines of every table whose first segment is a connector's."""
    for header, line in _toml_tables(text):
        first = header.split(".", 1)[0].strip('"') if header else ""
        owner = owners.get(first, first)
        if owner in idents:
            yield owner, Point(rel, f"[{first}]", file=rel), f"[{header}] {' '.join(line.split())}"


@fact
def config_table_owners(repo: Repository) -> dict[str, str]:
    """Control Center table -> the identifier whose get_connector_config arm reads it (`adyenplatform_payout`)."""
    rust_file = repo.rust(layout.CONNECTOR_CONFIGS_RS)
    owners: dict[str, str] = {}
    for arm in rust_file.index.nodes("match_arm") if rust_file is not None else []:
        pattern = arm.field("pattern")
        names = [n.field("name").text() for n in ([pattern] if pattern else []) + (
            pattern.find_all(kind="scoped_identifier") if pattern else [])
            if n.kind() == "scoped_identifier" and n.field("name") is not None]
        for table in config_fields_read(arm):
            for name in names:
                owners.setdefault(table, name)
    return owners


def is_registration_file(rel: str) -> bool:
    """A file registration entries are read from: a registration Rust file, a deployable config, a Control
    Center TOML or sample_auth.toml."""
    if rel in REGISTRATION_RUST_FILES or rel == layout.SAMPLE_AUTH_TOML:
        return True
    if not rel.endswith(".toml"):
        return False
    return rel.startswith(f"{layout.CONNECTOR_CONFIGS_TOML_DIR}/") or any(
        rel.startswith(f"{directory}/") for directory in layout.CONFIG_DIRS)


@fact
def registration_entries(repo: Repository, idents: frozenset[str], rels: tuple[str, ...]) -> Entries:
    """The registration entries of the files `rels` (see is_registration_file) that name one of `idents`."""
    found: dict[str, dict[Point, set[str]]] = defaultdict(lambda: defaultdict(set))

    def add(entries: Iterator[tuple[str, Point, str]]) -> None:
        for ident, point, value in entries:
            found[ident][point].add(value)

    for rel in rels:
        if rel in REGISTRATION_RUST_FILES:
            rust_file = repo.rust(rel)
            if rust_file is not None:
                add(_rust_entries(rust_file, rel, idents))
            if rel in DEFAULT_MACRO_FILES:
                macros = default_macros(repo) if rel == layout.DEFAULT_IMPLEMENTATIONS_RS else v2_default_macros(repo)
                add((camel, Point(f"{name}! in {rel}", file=rel), camel) for name, macro in macros.items()
                    for camel in macro.listed if camel in idents)
            continue
        toml_file = repo.toml(rel)
        if toml_file is None:
            continue
        if rel == layout.SAMPLE_AUTH_TOML or rel.startswith(f"{layout.CONNECTOR_CONFIGS_TOML_DIR}/"):
            add(_table_entries(toml_file.text, rel, config_table_owners(repo), idents))
        else:
            add(_config_entries(toml_file.text, rel, idents))
    return {ident: {point: frozenset(values) for point, values in points.items()} for ident, points in found.items()}
