"""Selected flows the router would never invoke (hyperswitch_anatomy §2.2 P22, §0), however good their code.

- AccessTokenAuth runs only for connectors listed in a `Connector::supports_access_token*` fn;
- PaymentMethodToken runs only for connectors in a `[tokenization]` config table;
(PreProcessing, which the router core stopped calling, is guide drift: facts/guide_drift.py.)
"""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.connectors import connector_type
from ...facts.flow_status import implemented_at
from ...target import layout
from ...target.repository import Repository
from ...target.rust import line_of
from ...target.rust_tokens import leaves


def access_token_listing(repo: Repository) -> tuple[set[str], int | None]:
    """Variants named inside any `supports_access_token*` fn of common_enums (token-level: it's a matches!)."""
    rust_file = repo.rust(layout.CONNECTOR_ENUMS_RS)
    listed: set[str] = set()
    line = None
    for function in rust_file.root.find_all(kind="function_item") if rust_file is not None else []:
        fn_name = function.field("name")
        if fn_name is None or not fn_name.text().startswith("supports_access_token"):
            continue
        if fn_name.text() == "supports_access_token":
            line = line_of(function)
        tokens = [t.text() for t in leaves(function)]
        listed |= {tokens[i + 2] for i in range(len(tokens) - 2) if tokens[i] == "Self" and tokens[i + 1] == "::"}
    return listed, line


def tokenization_listing(repo: Repository) -> tuple[set[str], str | None]:
    """Connectors in any config's [tokenization] table (the real configs differ; the running one decides), and
    the file a fix should name (config/development.toml when it has the table)."""
    listed: set[str] = set()
    files: list[str] = []
    for directory in layout.CONFIG_DIRS:
        base = repo.root / directory
        for path in sorted(base.rglob("*.toml")) if base.is_dir() else []:
            toml_file = repo.toml(str(path.relative_to(repo.root)))
            table = (toml_file.data or {}).get("tokenization") if toml_file is not None else None
            if isinstance(table, dict):
                listed |= set(table)
                files.append(toml_file.rel)
    preferred = "config/development.toml"
    return listed, preferred if preferred in files else (files[0] if files else None)


def check_router_invokes(repo: Repository, name: str, selected: str = "") -> list[Finding]:
    flows = set(selected.split(","))
    findings = []
    camel = connector_type(repo, name)
    access = implemented_at(repo, name, "access_token") if "access_token" in flows else None
    if access is not None and camel is not None:
        listed, fn_line = access_token_listing(repo)
        if camel not in listed:
            findings.append(Finding(
                RULE.id, access[0], access[1],
                f"{camel} implements AccessTokenAuth, but no Connector::supports_access_token* lists it, so the "
                "router never fetches the token and the flow is never invoked",
                f"add `(Self::{camel}, _)` to `supports_access_token` in {layout.CONNECTOR_ENUMS_RS}"
                + (f":{fn_line}" if fn_line else "")))
    token = implemented_at(repo, name, "tokenization") if "tokenization" in flows else None
    if token is not None:
        listed, config = tokenization_listing(repo)
        if name not in listed:
            where = config or "config/development.toml"
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
