"""Registration point P7: `RoutableConnectors` (euclid today, common_enums before 2025-12: found wherever it is
defined) has the variant, and both conversions with `Connector` (each an exhaustive match) have the connector's
arm, unless it sits in the non-routable `=> Err(..)` arm."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.locations import Place, routable_back, routable_connectors, routable_try_from
from ...target.repository import Repository
from ...target.rust_locate import arm_is_error, arm_line, enum_variant_line
from ._point import at_place, missing_arm, point_applies


def _routable(repo: Repository, name: str, enum: Place, variant: str) -> list[Finding]:
    try_from, back = routable_try_from(repo), routable_back(repo)
    if try_from is None or back is None:
        return []
    if arm_line(try_from.node, "Connector", variant) is None:
        return [missing_arm(RULE.id, try_from, "Connector", variant, "TryFrom<Connector> for RoutableConnectors",
                            f"add `Connector::{variant} => Ok(Self::{variant}),` (or add it to the non-routable "
                            "`=> Err(..)` arm)")]
    if arm_is_error(try_from.node, "Connector", variant):
        return []  # not routable: no variant and no back-conversion needed
    findings = []
    if enum_variant_line(enum.node, variant) is None:
        findings.append(Finding(RULE.id, enum.rel, enum.line, f"`enum RoutableConnectors` has no variant {variant}",
                                f"add `{variant},` to `pub enum RoutableConnectors` ({enum.rel})"))
    if arm_line(back.node, "RoutableConnectors", variant) is None:
        findings.append(missing_arm(RULE.id, back, "RoutableConnectors", variant,
                                    "From<RoutableConnectors> for Connector",
                                    f"add `RoutableConnectors::{variant} => Self::{variant},`"))
    return findings


RULE = Rule(
    id="registration.routable-connectors",
    severity="error",
    title="RoutableConnectors and both conversions know the connector",
    guide="RoutableConnectors has the variant and both conversions (or the non-routable arm).",
    check=at_place(routable_connectors, _routable),
    tags=("P7",),
    locate=routable_connectors,
    applies=point_applies(routable_connectors, "`pub enum RoutableConnectors`", variant_point=True),
)
