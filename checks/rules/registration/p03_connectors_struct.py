"""Registration point P3: the `Connectors` struct (connector_endpoints.rs today, configs.rs in mid-2025 trees) has a
field for the connector, because its `base_url()` reads `connectors.NAME.base_url`. Guide pitfall 8 owns the
other half: what base_url() reads."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.locations import Place, connectors_struct
from ...target.repository import Repository
from ...target.rust_locate import struct_field
from ._point import at_place, point_applies


def _has_field(repo: Repository, name: str, place: Place, variant: str) -> list[Finding]:
    if struct_field(place.node, name) is not None:
        return []
    return [Finding(RULE.id, place.rel, place.line,
                    f"`Connectors` has no field `{name}`, so base_url() cannot read "
                    f"connectors.{name}.base_url (guide pitfall 8)",
                    f"add `pub {name}: ConnectorParams,` to `pub struct Connectors` in alphabetical order")]


RULE = Rule(
    id="registration.connectors-struct",
    severity="error",
    title="The Connectors struct has a field for the connector",
    guide="Guide pitfall 8: the connector is in the Connectors struct (for its base_url).",
    check=at_place(connectors_struct, _has_field),
    tags=("P3",),
    locate=connectors_struct,
    applies=point_applies(connectors_struct, "`pub struct Connectors`", variant_point=False),
    see_also=("pitfall-8",),
)
