"""Registration points P5 and P6: common_enums' `Connector` has the variant (add_connector.sh does not add it) and
`is_separate_authentication_supported` has its arm (an exhaustive match).

A connector at template stage, or one the enum keeps out on purpose (a commented-out variant), is not asked for
the variant: see facts/stage.py."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule, Scope
from ...facts.locations import Place, connector_enum, connector_enum_fn
from ...facts.stage import connector_variant
from ...target.repository import Repository
from ...target.rust_locate import arm_line
from ._point import at_place, missing_arm, not_due, point_applies


def _variant_and_arm(repo: Repository, name: str, place: Place, variant: str) -> list[Finding]:
    if connector_variant(repo, name) is None:
        return [Finding(RULE.id, place.rel, place.line, f"`enum Connector` has no variant {variant} "
                        "(add_connector.sh does not add it)", f"add `{variant},` to `pub enum Connector`")]
    function = connector_enum_fn(repo, "is_separate_authentication_supported")
    if function is None or arm_line(function.node, "Self", variant) is not None:
        return []
    return [missing_arm(RULE.id, function, "Self", variant, "is_separate_authentication_supported",
                        f"add `| Self::{variant}` to the `=> false` arm")]


def _applies(scope: Scope, params: dict[str, str]) -> str | None:
    exists = point_applies(connector_enum, "`pub enum Connector`", variant_point=False)(scope, params)
    return exists or not_due(scope.repo, scope.connector, variant_point=False)


RULE = Rule(
    id="registration.connector-enum",
    severity="error",
    title="The Connector enum has the variant and is_separate_authentication_supported its arm",
    guide="common_enums' Connector has the variant and is_separate_authentication_supported its arm.",
    check=at_place(connector_enum, _variant_and_arm),
    locate=connector_enum,
    tags=("P5", "P6"),
    applies=_applies,
)
