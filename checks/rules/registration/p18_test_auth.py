"""Registration point P18: test_utils' `ConnectorAuthentication` has a field for the connector (every generated
test reads `ConnectorAuthentication::new().NAME`)."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...target import layout
from ...target.repository import Repository
from ...target.rust import RustFile, line_of
from ...target.rust_locate import find_struct, struct_field
from ._point import in_rust_file


def _has_field(repo: Repository, name: str, rust_file: RustFile, camel: str) -> list[Finding]:
    struct = find_struct(rust_file, "ConnectorAuthentication")
    if struct is None or struct_field(struct, name) is not None:
        return []
    return [Finding(RULE.id, layout.TEST_AUTH_RS, line_of(struct),
                    f"`ConnectorAuthentication` has no field `{name}` for the sandbox tests' credentials",
                    f"add `pub {name}: Option<HeaderKey>,` (or BodyKey/SignatureKey to match the auth type)")]


RULE = Rule(
    id="registration.test-auth",
    severity="warning",
    title="The test credentials struct has a field for the connector",
    guide="test_utils' ConnectorAuthentication has a field for NAME.",
    check=in_rust_file("registration.test-auth", layout.TEST_AUTH_RS, _has_field, required=False),
    tags=("P18",),
)
