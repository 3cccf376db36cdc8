"""Registration point P12: connector_configs/src/connector.rs has the `get_connector_config` arm (an exhaustive
match) and the `ConnectorConfig` field the arm reads (what makes the TOML section load)."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.locations import Place, connector_configs_fn
from ...facts.registration import config_fields_read
from ...target.repository import Repository
from ...target.rust_locate import arm_node, find_struct, struct_field
from ._point import at_place, missing_arm, point_applies


def _arm_and_field(repo: Repository, name: str, place: Place, variant: str) -> list[Finding]:
    """The get_connector_config arm; when it returns `Ok(connector_data.<field>)`, that ConnectorConfig field."""
    arm = arm_node(place.node, "Connector", variant)
    if arm is None:
        return [missing_arm(RULE.id, place, "Connector", variant, "get_connector_config",
                            f"add `Connector::{variant} => Ok(connector_data.{name}),` and "
                            f"`pub {name}: Option<ConnectorTomlConfig>,` to ConnectorConfig")]
    rust_file = repo.rust(place.rel)
    struct = find_struct(rust_file, "ConnectorConfig") if rust_file is not None else None
    if struct is None:
        return []
    return [Finding(RULE.id, place.rel, Place(place.rel, struct).line, f"get_connector_config reads "
                    f"connector_data.{field} but ConnectorConfig has no such field",
                    f"add `pub {field}: Option<ConnectorTomlConfig>,`")
            for field in config_fields_read(arm) if struct_field(struct, field) is None]


RULE = Rule(
    id="registration.connector-configs",
    severity="error",
    title="connector_configs has the field and the get_connector_config arm",
    guide="connector_configs/src/connector.rs has the field and the get_connector_config arm.",
    check=at_place(connector_configs_fn, _arm_and_field),
    tags=("P12",),
    locate=connector_configs_fn,
    applies=point_applies(connector_configs_fn, "connector_configs' get_connector_config", variant_point=True),
)
