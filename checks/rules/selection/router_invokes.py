"""Selected flows the router would never invoke (hyperswitch_anatomy §2.2 P22, §0), however good their code.

- AccessTokenAuth runs only for connectors listed in a `Connector::supports_access_token*` fn;
- PaymentMethodToken runs only for connectors in a `[tokenization]` config table;
(PreProcessing, which the router core stopped calling, is guide drift: facts/guide_drift.py.)
"""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.connectors import connector_type
from ...facts.deployment import PREFERRED_CONFIG, tokenization_listing
from ...facts.expectation import access_token_listing
from ...facts.flow_status import implemented_at
from ...facts.locations import connector_enum_fn
from ...target import layout
from ...target.repository import Repository


def check_router_invokes(repo: Repository, name: str, selected: str = "") -> list[Finding]:
    flows = set(selected.split(","))
    findings = []
    camel = connector_type(repo, name)
    access = implemented_at(repo, name, "access_token") if "access_token" in flows else None
    if access is not None and camel is not None:
        function = connector_enum_fn(repo, "supports_access_token")
        if camel not in access_token_listing(repo):
            findings.append(Finding(
                RULE.id, access[0], access[1],
                f"{camel} implements AccessTokenAuth, but no Connector::supports_access_token* lists it, so the "
                "router never fetches the token and the flow is never invoked",
                f"add `(Self::{camel}, _)` to `supports_access_token` in "
                + (function.where() if function is not None else layout.CONNECTOR_ENUMS_RS)))
    token = implemented_at(repo, name, "tokenization") if "tokenization" in flows else None
    if token is not None:
        listed = tokenization_listing(repo)
        if name not in listed:
            where = next((entry.file for entry in listed.values()), PREFERRED_CONFIG)
            findings.append(Finding(
                RULE.id, token[0], token[1],
                f"{name} implements PaymentMethodToken, but no [tokenization] config table lists it, so the router "
                "never runs the tokenization flow",
                f'add `{name} = {{ long_lived_token = false, payment_method = "card" }}` under [tokenization] '
                f"in {where}"))
    return findings


RULE = Rule(
    id="selection.router-invokes",
    severity="error",
    title="The router invokes every selected flow",
    guide="Flow selection: a selected flow must be one the router invokes (AccessTokenAuth needs "
          "supports_access_token; PaymentMethodToken needs the [tokenization] config).",
    check=check_router_invokes,
    tags=("flow-selection",),
    params=("selected",),
)
