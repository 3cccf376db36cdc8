"""Selected flows the router would never invoke (hyperswitch_anatomy §2.2 P22, §0), however good their code.

- AccessTokenAuth runs only for connectors listed in a `Connector::supports_access_token*` fn;
- PaymentMethodToken runs only for connectors in a `[tokenization]` config table;
- PreProcessing is no longer a supertrait of `api::Payment` (#10987): the router core stopped calling it. That is
  reported as guide drift (the guide still lists the flow), not as a failure.
"""

from __future__ import annotations

from . import layout
from .findings import Finding
from .flow_checks import assess_flows, connector_type
from .flows import FlowStatus
from .registration_model import required_traits
from .repository import Repository
from .rust import line_of
from .tokens import leaves


def _has_impl(repo: Repository, name: str, flow: str) -> tuple[str, int] | None:
    assessment = assess_flows(repo, name).get(flow)
    # Only a real implementation counts: stubs and defaults already fail in flows.feature.
    if assessment is None or assessment.status is not FlowStatus.IMPLEMENTED:
        return None
    return assessment.file, assessment.line


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
    access = _has_impl(repo, name, "access_token") if "access_token" in flows else None
    if access is not None and camel is not None:
        listed, fn_line = access_token_listing(repo)
        if camel not in listed:
            findings.append(Finding(
                "selection.router-invokes", access[0], access[1],
                f"{camel} implements AccessTokenAuth, but no Connector::supports_access_token* lists it, so the "
                "router never fetches the token and the flow is never invoked",
                f"add `(Self::{camel}, _)` to `supports_access_token` in {layout.CONNECTOR_ENUMS_RS}"
                + (f":{fn_line}" if fn_line else "")))
    token = _has_impl(repo, name, "tokenization") if "tokenization" in flows else None
    if token is not None:
        listed, config = tokenization_listing(repo)
        if name not in listed:
            where = config or "config/development.toml"
            findings.append(Finding(
                "selection.router-invokes", token[0], token[1],
                f"{name} implements PaymentMethodToken, but no [tokenization] config table lists it, so the router "
                "never runs the tokenization flow",
                f'add `{name} = {{ long_lived_token = false, payment_method = "card" }}` under [tokenization] '
                f"in {where}"))
    return findings


def preprocessing_is_dead(repo: Repository) -> bool:
    """True when the tree's `api::Payment` no longer requires PaymentsPreProcessing (the core stopped calling it)."""
    marker = repo.flows["preprocessing"].guide.marker_trait
    return repo.flows["preprocessing"].marker is not None and marker not in required_traits(repo)


def preprocessing_drift_note(repo: Repository, connectors: list[str]) -> list[dict[str, str]]:
    users = [n for n in connectors if _has_impl(repo, n, "preprocessing") is not None]
    if not users or not preprocessing_is_dead(repo):
        return []
    return [{"kind": "guide-drift", "topic": "preprocessing_flow",
             "guide": "'preprocessing_flow' in its Flow Selection",
             "tree": "PaymentsPreProcessing is no longer a supertrait of api::Payment, so the router core never "
                     f"invokes the flow (#10987); the PreProcessing impls of {', '.join(users)} are dead code"}]
