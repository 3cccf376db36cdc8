"""Registration points P5 and P6: common_enums' `Connector` has the variant (add_connector.sh does not add it) and
`is_separate_authentication_supported` has its arm (an exhaustive match)."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...target import layout
from ...target.repository import Repository
from ...target.rust import RustFile, line_of
from ...target.rust_locate import arm_line, enum_variant_line, find_enum, find_fn
from ._point import in_rust_file, moved

REL = layout.CONNECTOR_ENUMS_RS


def _variant_and_arm(repo: Repository, name: str, rust_file: RustFile, camel: str) -> list[Finding]:
    enum = find_enum(rust_file, "Connector")
    if enum is None:
        return moved(RULE.id, REL, "`pub enum Connector`", "P5")
    findings = []
    if enum_variant_line(enum, camel) is None:
        findings.append(Finding(RULE.id, REL, line_of(enum), f"`enum Connector` has no variant {camel} "
                                "(add_connector.sh does not add it)", f"add `{camel},` to `pub enum Connector`"))
    function = find_fn(rust_file, "is_separate_authentication_supported")
    if function is not None and arm_line(function, "Self", camel) is None:
        findings.append(Finding(RULE.id, REL, line_of(function),
                                f"is_separate_authentication_supported has no arm for Self::{camel} "
                                "(its match is exhaustive)", f"add `| Self::{camel}` to the `=> false` arm"))
    return findings


RULE = Rule(
    id="registration.connector-enum",
    severity="error",
    title="The Connector enum has the variant and is_separate_authentication_supported its arm",
    guide="common_enums' Connector has the variant and is_separate_authentication_supported its arm.",
    check=in_rust_file("registration.connector-enum", REL, _variant_and_arm),
    tags=("P5", "P6"),
)
