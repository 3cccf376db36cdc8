"""Registration point P3: the `Connectors` struct (connector_endpoints.rs) has a field for the connector, because
its `base_url()` reads `connectors.NAME.base_url`. Guide pitfall 8 owns the other half: what base_url() reads."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...target import layout
from ...target.repository import Repository
from ...target.rust import RustFile, line_of
from ...target.rust_locate import find_struct, struct_field
from ._point import in_rust_file, moved


def _has_field(repo: Repository, name: str, rust_file: RustFile, camel: str) -> list[Finding]:
    struct = find_struct(rust_file, "Connectors")
    if struct is None:
        return moved(RULE.id, layout.CONNECTOR_ENDPOINTS_RS, "`pub struct Connectors`", "P3")
    if struct_field(struct, name) is not None:
        return []
    return [Finding(RULE.id, layout.CONNECTOR_ENDPOINTS_RS, line_of(struct),
                    f"`Connectors` has no field `{name}`, so base_url() cannot read "
                    f"connectors.{name}.base_url (guide pitfall 8)",
                    f"add `pub {name}: ConnectorParams,` to `pub struct Connectors` in alphabetical order")]


RULE = Rule(
    id="registration.connectors-struct",
    severity="error",
    title="The Connectors struct has a field for the connector (connector_endpoints.rs)",
    guide="Guide pitfall 8: the connector is in the Connectors struct (for its base_url).",
    check=in_rust_file("registration.connectors-struct", layout.CONNECTOR_ENDPOINTS_RS, _has_field),
    tags=("P3",),
    see_also=("pitfall-8",),
)
