"""Registration point P15: the ConnectorV2 default macros of default_implementations_v2.rs list the connector or
it implements them (a convention: needed only to use the connector as ConnectorV2)."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.registration import v2_default_macros
from ...target import layout
from ...target.repository import Repository
from ._default_macros import listed_xor_implemented


def check_v2_defaults(repo: Repository, name: str) -> list[Finding]:
    return listed_xor_implemented(repo, name, v2_default_macros(repo), RULE.id,
                                  layout.DEFAULT_IMPLEMENTATIONS_V2_RS, None)


RULE = Rule(
    id="registration.v2-defaults",
    severity="warning",
    title="The ConnectorV2 default macros list the connector or it implements them",
    guide="default_implementations_v2.rs lists the connector.",
    check=check_v2_defaults,
    tags=("P15",),
)
