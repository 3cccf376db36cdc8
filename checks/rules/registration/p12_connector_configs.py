"""Registration point P12: connector_configs/src/connector.rs has the `get_connector_config` arm (an exhaustive
match) and the `ConnectorConfig` field the arm reads (what makes the TOML section load)."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.registration import config_fields_read
from ...target import layout
from ...target.repository import Repository
from ...target.rust import RustFile, line_of
from ...target.rust_locate import arm_node, find_fn, find_struct, struct_field
from ._point import in_rust_file, moved

REL = layout.CONNECTOR_CONFIGS_RS


def _arm_and_field(repo: Repository, name: str, rust_file: RustFile, camel: str) -> list[Finding]:
    """The get_connector_config arm; when it returns `Ok(connector_data.<field>)`, that ConnectorConfig field."""
    function = find_fn(rust_file, "get_connector_config")
    struct = find_struct(rust_file, "ConnectorConfig")
    if function is None or struct is None:
        return moved(RULE.id, REL, "ConnectorConfig / get_connector_config", "P12")
    arm = arm_node(function, "Connector", camel)
    if arm is None:
        return [Finding(RULE.id, REL, line_of(function), f"get_connector_config has no arm for Connector::{camel} "
                        "(its match is exhaustive)", f"add `Connector::{camel} => Ok(connector_data.{name}),` and "
                        f"`pub {name}: Option<ConnectorTomlConfig>,` to ConnectorConfig")]
    return [Finding(RULE.id, REL, line_of(struct), f"get_connector_config reads connector_data.{field} but "
                    "ConnectorConfig has no such field", f"add `pub {field}: Option<ConnectorTomlConfig>,`")
            for field in config_fields_read(arm) if struct_field(struct, field) is None]


RULE = Rule(
    id="registration.connector-configs",
    severity="error",
    title="connector_configs has the field and the get_connector_config arm",
    guide="connector_configs/src/connector.rs has the field and the get_connector_config arm.",
    check=in_rust_file("registration.connector-configs", REL, _arm_and_field),
    tags=("P12",),
)
