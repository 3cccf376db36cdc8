"""Registration point P7: euclid's `RoutableConnectors` has the variant, and both conversions with `Connector`
(each an exhaustive match) have the connector's arm, unless it sits in the non-routable `=> Err(..)` arm."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...target import layout
from ...target.repository import Repository
from ...target.rust import RustFile, line_of
from ...target.rust_locate import arm_is_error, arm_line, enum_variant_line, find_enum, find_impl
from ._point import in_rust_file, moved

REL = layout.EUCLID_ENUMS_RS


def _routable(repo: Repository, name: str, rust_file: RustFile, camel: str) -> list[Finding]:
    try_from = find_impl(rust_file, "TryFrom<Connector>", "RoutableConnectors")
    back = find_impl(rust_file, "From<RoutableConnectors>", "Connector")
    enum = find_enum(rust_file, "RoutableConnectors")
    if try_from is None or back is None or enum is None:
        return moved(RULE.id, REL, "RoutableConnectors with TryFrom<Connector> and From<RoutableConnectors>", "P7")
    if arm_line(try_from, "Connector", camel) is None:
        return [Finding(RULE.id, REL, line_of(try_from), f"TryFrom<Connector> for RoutableConnectors has no arm "
                        f"for Connector::{camel}", f"add `Connector::{camel} => Ok(Self::{camel}),` (or add it to "
                        "the non-routable `=> Err(..)` arm)")]
    if arm_is_error(try_from, "Connector", camel):
        return []  # not routable: no variant and no back-conversion needed
    findings = []
    if enum_variant_line(enum, camel) is None:
        findings.append(Finding(RULE.id, REL, line_of(enum), f"`enum RoutableConnectors` has no variant {camel}",
                                f"add `{camel},` to `pub enum RoutableConnectors`"))
    if arm_line(back, "RoutableConnectors", camel) is None:
        findings.append(Finding(RULE.id, REL, line_of(back), f"From<RoutableConnectors> for Connector has no arm "
                                f"for RoutableConnectors::{camel}",
                                f"add `RoutableConnectors::{camel} => Self::{camel},`"))
    return findings


RULE = Rule(
    id="registration.routable-connectors",
    severity="error",
    title="euclid's RoutableConnectors and both conversions know the connector",
    guide="euclid's RoutableConnectors has the variant and both conversions (or the non-routable arm).",
    check=in_rust_file("registration.routable-connectors", REL, _routable),
    tags=("P7",),
)
