"""Registration points outside the connector folder (hyperswitch_anatomy §2.2, P1-P19).

Each check reads the connector's type name from connectors.rs, looks structurally inside the right enum, struct,
fn, impl or macro invocation, and on failure points at the line where the entry belongs (the enclosing item)
with the line to add.
"""

from __future__ import annotations

from ast_grep_py import SgNode

from . import layout
from .default_impls import DefaultMacro
from .findings import Finding
from .flow_checks import connector_type
from .registration_model import (
    config_files_with_connectors,
    own_trait_impls,
    params_type_required_keys,
    required_traits,
    v2_default_macros,
)
from .repository import Repository
from .rust import line_of
from .rust_locate import (
    arm_is_error,
    arm_line,
    arm_node,
    enum_variant_line,
    find_enum,
    find_fn,
    find_impl,
    find_struct,
    struct_field,
    use_tree_has_path,
)


def _camel(repo: Repository, name: str) -> str:
    return connector_type(repo, name) or name


def _missing_file(rule: str, rel: str) -> list[Finding]:
    return [Finding(rule, rel, 1, f"{rel} is missing from the checkout",
                    "this registration file is expected by the current Hyperswitch layout")]


def check_router_reexport(repo: Repository, name: str) -> list[Finding]:
    rule, rel = "registration.router-reexport", layout.ROUTER_CONNECTOR_RS
    rust_file = repo.rust(rel)
    if rust_file is None:
        return _missing_file(rule, rel)
    camel = _camel(repo, name)
    if use_tree_has_path(rust_file, "hyperswitch_connectors::connectors", name, camel) is not None:
        return []
    use = next((u for u in rust_file.root.find_all(kind="use_declaration")
                if "hyperswitch_connectors::connectors" in "".join(u.text().split())), None)
    return [Finding(rule, rel, line_of(use) if use else 1,
                    f"router does not re-export {name}::{camel}",
                    f"add `{name}, {name}::{camel},` to `pub use hyperswitch_connectors::connectors::{{ ... }};`")]


def check_connectors_struct(repo: Repository, name: str) -> list[Finding]:
    rule, rel = "registration.connectors-struct", layout.CONNECTOR_ENDPOINTS_RS
    rust_file = repo.rust(rel)
    if rust_file is None:
        return _missing_file(rule, rel)
    struct = find_struct(rust_file, "Connectors")
    if struct is None:
        return [Finding(rule, rel, 1, f"{rel} has no `pub struct Connectors`", "see hyperswitch_anatomy P3")]
    if struct_field(struct, name) is not None:
        return []
    return [Finding(rule, rel, line_of(struct), f"`Connectors` has no field `{name}`, so base_url() cannot read "
                    f"connectors.{name}.base_url (guide pitfall 8)",
                    f"add `pub {name}: ConnectorParams,` to `pub struct Connectors` in alphabetical order")]


def check_base_urls(repo: Repository, name: str) -> list[Finding]:
    rule = "registration.base-url"
    required = params_type_required_keys(repo, name)
    findings = []
    for toml_file in config_files_with_connectors(repo):
        data = toml_file.data
        section = (data or {}).get("connectors", {}).get(name) if data else None
        for key in required:
            if data is not None:
                present = isinstance(section, dict) and bool(section.get(key))
            else:  # the file does not parse: fall back to the line itself
                present = toml_file.line_matching(rf"^\s*{name}\.{key}\s*=\s*\"[^\"]+\"") is not None
            if not present:
                findings.append(Finding(
                    rule, toml_file.rel, toml_file.table_header_line("connectors") or 1,
                    f"[connectors] has no non-empty {name}.{key}; start-up validation rejects the empty value",
                    f'add `{name}.{key} = "https://..."` under [connectors]'))
    return findings


def check_connector_enum(repo: Repository, name: str) -> list[Finding]:
    rule, rel = "registration.connector-enum", layout.CONNECTOR_ENUMS_RS
    rust_file = repo.rust(rel)
    if rust_file is None:
        return _missing_file(rule, rel)
    camel = _camel(repo, name)
    enum = find_enum(rust_file, "Connector")
    if enum is None:
        return [Finding(rule, rel, 1, f"{rel} has no `pub enum Connector`", "see hyperswitch_anatomy P5")]
    findings = []
    if enum_variant_line(enum, camel) is None:
        findings.append(Finding(rule, rel, line_of(enum), f"`enum Connector` has no variant {camel} "
                                "(add_connector.sh does not add it)", f"add `{camel},` to `pub enum Connector`"))
    function = find_fn(rust_file, "is_separate_authentication_supported")
    if function is not None and arm_line(function, "Self", camel) is None:
        findings.append(Finding(rule, rel, line_of(function),
                                f"is_separate_authentication_supported has no arm for Self::{camel} "
                                "(its match is exhaustive)", f"add `| Self::{camel}` to the `=> false` arm"))
    return findings


def check_routable_connectors(repo: Repository, name: str) -> list[Finding]:
    rule, rel = "registration.routable-connectors", layout.EUCLID_ENUMS_RS
    rust_file = repo.rust(rel)
    if rust_file is None:
        return _missing_file(rule, rel)
    camel = _camel(repo, name)
    try_from = find_impl(rust_file, "TryFrom<Connector>", "RoutableConnectors")
    back = find_impl(rust_file, "From<RoutableConnectors>", "Connector")
    enum = find_enum(rust_file, "RoutableConnectors")
    if try_from is None or back is None or enum is None:
        return [Finding(rule, rel, 1, "euclid's RoutableConnectors or its conversions are not where expected",
                        "see hyperswitch_anatomy P7")]
    if arm_line(try_from, "Connector", camel) is None:
        return [Finding(rule, rel, line_of(try_from), f"TryFrom<Connector> for RoutableConnectors has no arm for "
                        f"Connector::{camel}", f"add `Connector::{camel} => Ok(Self::{camel}),` (or add it to the "
                        "non-routable `=> Err(..)` arm)")]
    if arm_is_error(try_from, "Connector", camel):
        return []  # not routable: no variant and no back-conversion needed
    findings = []
    if enum_variant_line(enum, camel) is None:
        findings.append(Finding(rule, rel, line_of(enum), f"`enum RoutableConnectors` has no variant {camel}",
                                f"add `{camel},` to `pub enum RoutableConnectors`"))
    if arm_line(back, "RoutableConnectors", camel) is None:
        findings.append(Finding(rule, rel, line_of(back), f"From<RoutableConnectors> for Connector has no arm for "
                                f"RoutableConnectors::{camel}", f"add `RoutableConnectors::{camel} => Self::{camel},`"))
    return findings


def _arm_check(rule: str, rel: str, container_kind: str, container: tuple[str, ...], qualifier: str,
               what: str, hint: str):
    def check(repo: Repository, name: str) -> list[Finding]:
        rust_file = repo.rust(rel)
        if rust_file is None:
            return _missing_file(rule, rel)
        camel = _camel(repo, name)
        node = find_fn(rust_file, container[0]) if container_kind == "fn" else find_impl(rust_file, *container)
        if node is None:
            return [Finding(rule, rel, 1, f"{rel} has no {container_kind} {' for '.join(container)}",
                            "the registration point moved: see hyperswitch_anatomy §2.2")]
        if arm_line(node, qualifier, camel) is not None:
            return []
        return [Finding(rule, rel, line_of(node), f"{what} has no arm for {qualifier}::{camel} (its match is "
                        "exhaustive, so the crate does not compile)", hint.format(camel=camel, name=name))]

    check.__name__ = rule.replace(".", "_").replace("-", "_")
    return check


check_connector_transformers = _arm_check(
    "registration.connector-transformers", layout.CONNECTOR_TRANSFORMERS_RS, "impl",
    ("ForeignTryFrom<api_enums::Connector>", "RoutableConnectors"), "Connector",
    "ForeignTryFrom<api_enums::Connector> for RoutableConnectors",
    "add `api_enums::Connector::{camel} => Self::{camel},`")
check_auth_validation = _arm_check(
    "registration.auth-validation", layout.CONNECTOR_VALIDATION_RS, "fn",
    ("validate_auth_and_metadata_type_with_connector",), "Connector",
    "validate_auth_and_metadata_type_with_connector",
    "add `api_enums::Connector::{camel} => {{ {name}::transformers::{camel}AuthType::try_from(self.auth_type)?; "
    "Ok(()) }}`")
check_connector_mapping = _arm_check(
    "registration.connector-mapping", layout.CONNECTOR_MAPPING_RS, "fn", ("convert_connector",), "Connector",
    "ConnectorData::convert_connector",
    "add `enums::Connector::{camel} => Ok(ConnectorEnum::Old(Box::new(connector::{camel}::new()))),`")
check_feature_matrix = _arm_check(
    "registration.feature-matrix", layout.FEATURE_MATRIX_RS, "fn", ("convert_connector",), "Connector",
    "FeatureMatrixConnectorData::convert_connector",
    "add `enums::Connector::{camel} => Ok(ConnectorEnum::Old(Box::new(connector::{camel}::new()))),`")


def check_connector_configs(repo: Repository, name: str) -> list[Finding]:
    """The get_connector_config arm; when it returns `Ok(connector_data.<field>)`, that ConnectorConfig field."""
    rule, rel = "registration.connector-configs", layout.CONNECTOR_CONFIGS_RS
    rust_file = repo.rust(rel)
    if rust_file is None:
        return _missing_file(rule, rel)
    camel = _camel(repo, name)
    function = find_fn(rust_file, "get_connector_config")
    struct = find_struct(rust_file, "ConnectorConfig")
    if function is None or struct is None:
        return [Finding(rule, rel, 1, f"{rel} has no ConnectorConfig / get_connector_config",
                        "see hyperswitch_anatomy P12")]
    arm = arm_node(function, "Connector", camel)
    if arm is None:
        return [Finding(rule, rel, line_of(function), f"get_connector_config has no arm for Connector::{camel} "
                        "(its match is exhaustive)", f"add `Connector::{camel} => Ok(connector_data.{name}),` and "
                        f"`pub {name}: Option<ConnectorTomlConfig>,` to ConnectorConfig")]
    return [Finding(rule, rel, line_of(struct), f"get_connector_config reads connector_data.{field} but "
                    "ConnectorConfig has no such field", f"add `pub {field}: Option<ConnectorTomlConfig>,`")
            for field in _config_fields_read(arm) if struct_field(struct, field) is None]


def _config_fields_read(arm: SgNode) -> list[str]:
    """`Ok(connector_data.adyenplatform_payout)` -> ["adyenplatform_payout"]."""
    fields = []
    for access in arm.find_all(kind="field_expression"):
        target, field = access.field("value"), access.field("field")
        if target is not None and field is not None and target.text() == "connector_data":
            fields.append(field.text())
    return fields


def _config_tables(repo: Repository, name: str) -> list[str]:
    """The connector_configs TOML tables of a connector: the fields its config arms read (payout ones are
    `<name>_payout`), else `<name>`."""
    rust_file = repo.rust(layout.CONNECTOR_CONFIGS_RS)
    camel = _camel(repo, name)
    tables: list[str] = []
    for function in rust_file.root.find_all(kind="function_item") if rust_file is not None else []:
        for qualifier in ("Connector", "PayoutConnectors"):
            arm = arm_node(function, qualifier, camel)
            if arm is not None:
                tables.extend(f for f in _config_fields_read(arm) if f not in tables)
    return tables or [name]


def listed_xor_implemented(repo: Repository, name: str, macros: dict[str, DefaultMacro], rule: str, rel: str,
                             required: set[str] | None) -> list[Finding]:
    """Per macro: listed and self-implemented is E0119; neither is E0277 when a required trait is left out."""
    camel = _camel(repo, name)
    own = own_trait_impls(repo, name, camel)
    findings = []
    for macro in macros.values():
        if macro.invocation_line is None:
            continue
        provided: list[object] = [*macro.traits, *macro.triples]
        implemented = [key for key in provided if key in own]
        listed = camel in macro.listed
        if listed and implemented:
            where = sorted(own[implemented[0]])[0]
            findings.append(Finding(rule, rel, macro.listed[camel], f"{camel} is listed in {macro.name}! and also "
                                    f"implements it itself at {where} (E0119 conflicting implementations)",
                                    f"remove `connectors::{camel},` from {macro.name}!"))
        elif not listed and not implemented and (required is None or any(t in required for t in macro.traits)):
            why = "E0277: a required trait is not implemented" if required is not None else "convention"
            findings.append(Finding(rule, rel, macro.invocation_line,
                                    f"{camel} is neither listed in {macro.name}! nor implements it ({why})",
                                    f"add `connectors::{camel},` to {macro.name}!( ... )"))
    return findings


def check_default_impls(repo: Repository, name: str) -> list[Finding]:
    """For each default_imp_for_* macro: the connector is listed XOR implements the trait itself."""
    return listed_xor_implemented(repo, name, repo.default_macros, "registration.default-impls",
                                   layout.DEFAULT_IMPLEMENTATIONS_RS, required_traits(repo))


def check_v2_defaults(repo: Repository, name: str) -> list[Finding]:
    """The ConnectorV2 defaults: listed XOR implemented (needed only to use the connector as ConnectorV2)."""
    return listed_xor_implemented(repo, name, v2_default_macros(repo), "registration.v2-defaults",
                                   layout.DEFAULT_IMPLEMENTATIONS_V2_RS, None)


def check_connector_configs_toml(repo: Repository, name: str) -> list[Finding]:
    """A `[NAME]` table with a `connector_auth` table in the Control Center's development and sandbox configs."""
    findings = []
    for flavour in ("development", "sandbox"):
        rel = f"{layout.CONNECTOR_CONFIGS_TOML_DIR}/{flavour}.toml"
        toml_file = repo.toml(rel)
        if toml_file is None:
            continue
        for table_name in _config_tables(repo, name):
            if toml_file.data is not None:
                table = toml_file.data.get(table_name)
                has_table = isinstance(table, dict)
                has_auth = has_table and isinstance(table.get("connector_auth"), dict)
            else:  # unparsable: the table headers are line facts
                has_table = toml_file.line_matching(rf"^\s*\[\[?{table_name}[.\]]") is not None
                has_auth = toml_file.line_matching(rf"^\s*\[{table_name}\.connector_auth\.") is not None
            if not has_auth:
                what = f"[{table_name}]" if not has_table else f"[{table_name}.connector_auth.<AuthType>]"
                findings.append(Finding("registration.connector-configs-toml", rel,
                                        toml_file.line_matching(rf"^\s*\[\[?{table_name}[.\]]") or 1,
                                        f"{rel} has no {what} table; the Control Center cannot configure {name}",
                                        f"add `[{table_name}]` ... and `[{table_name}.connector_auth.HeaderKey]` "
                                        'with `api_key = "API Key"`'))
    return findings


def check_test_module(repo: Repository, name: str) -> list[Finding]:
    rel = layout.ROUTER_TESTS_MAIN_RS
    rust_file = repo.rust(rel)
    if rust_file is None:
        return []
    for item in rust_file.root.find_all(kind="mod_item"):
        if item.field("name") is not None and item.field("name").text() == name:
            return []
    utils = next((m for m in rust_file.root.find_all(kind="mod_item")
                  if m.field("name") is not None and m.field("name").text() == "utils"), None)
    return [Finding("registration.test-module", rel, line_of(utils) if utils else 1,
                    f"the sandbox tests do not declare `mod {name};`, so tests/connectors/{name}.rs is never compiled",
                    f"add `mod {name};` before `mod utils;`")]


def check_test_auth(repo: Repository, name: str) -> list[Finding]:
    rel = layout.TEST_AUTH_RS
    rust_file = repo.rust(rel)
    struct = find_struct(rust_file, "ConnectorAuthentication") if rust_file is not None else None
    if struct is None or struct_field(struct, name) is not None:
        return []
    return [Finding("registration.test-auth", rel, line_of(struct),
                    f"`ConnectorAuthentication` has no field `{name}` for the sandbox tests' credentials",
                    f"add `pub {name}: Option<HeaderKey>,` (or BodyKey/SignatureKey to match the auth type)")]


def check_sample_auth(repo: Repository, name: str) -> list[Finding]:
    toml_file = repo.toml(layout.SAMPLE_AUTH_TOML)
    if toml_file is None or toml_file.table_header_line(name) is not None:
        return []
    return [Finding("registration.sample-auth", layout.SAMPLE_AUTH_TOML, 1,
                    f"sample_auth.toml has no [{name}] table to copy credentials from",
                    f'add `[{name}]\\napi_key = "API Key"`')]


def check_config_files_parse(repo: Repository, name: str) -> list[Finding]:
    """Every TOML the registration rules read parses; a broken one is reported, and checks fall back to lines."""
    findings = []
    for toml_file in repo.registration_tomls():
        if toml_file.error is not None:
            findings.append(Finding("registration.toml-parses", toml_file.rel, toml_file.error_line or 1,
                                    f"{toml_file.rel} is not valid TOML: {toml_file.error}",
                                    "fix the file (a duplicated key is the usual cause); line-level checks still ran"))
    return findings
