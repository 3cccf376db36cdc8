"""Registration point P13: the Control Center's connector_configs TOMLs have the connector's table with a
`connector_auth` table (a convention: without it `get_connector_config` returns `Ok(None)`)."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.connectors import connector_type
from ...facts.registration import config_fields_read
from ...target import layout
from ...target.repository import Repository
from ...target.rust_locate import arm_node


def _config_tables(repo: Repository, name: str) -> list[str]:
    """The connector's TOML tables: the fields its config arms read (payout ones are `<name>_payout`), else NAME."""
    rust_file = repo.rust(layout.CONNECTOR_CONFIGS_RS)
    camel = connector_type(repo, name) or name
    tables: list[str] = []
    for function in rust_file.index.nodes("function_item") if rust_file is not None else []:
        for qualifier in ("Connector", "PayoutConnectors"):
            arm = arm_node(function, qualifier, camel)
            if arm is not None:
                tables.extend(f for f in config_fields_read(arm) if f not in tables)
    return tables or [name]


def check_connector_configs_toml(repo: Repository, name: str) -> list[Finding]:
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
                findings.append(Finding(RULE.id, rel, toml_file.line_matching(rf"^\s*\[\[?{table_name}[.\]]") or 1,
                                        f"{rel} has no {what} table; the Control Center cannot configure {name}",
                                        f"add `[{table_name}]` ... and `[{table_name}.connector_auth.HeaderKey]` "
                                        'with `api_key = "API Key"`'))
    return findings


RULE = Rule(
    id="registration.connector-configs-toml",
    severity="warning",
    title="The Control Center configs have the connector's table with connector_auth",
    guide="connector_configs/toml/{development,sandbox}.toml have [NAME] and [NAME.connector_auth.*].",
    check=check_connector_configs_toml,
    tags=("P13",),
)
