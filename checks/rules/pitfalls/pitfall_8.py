"""Guide pitfall 8: `base_url()` reads the connector's own entry of the `Connectors` struct.

(That the `Connectors` struct has the field at all is registration point P3, `registration.connectors-struct`:
one mistake, one scenario.)"""

from __future__ import annotations

from ast_grep_py import SgNode

from ...core.finding import Finding
from ...core.rule import Rule, RustcHint, rustc_matcher
from ...facts.connectors import connector_type
from ...target import layout
from ...target.repository import Repository
from ...target.rust import function_items, last_segment, line_of
from ...target.rust_macros import file_view
from ...target.rust_syntax import parameter_types


def _connector_common_impl(repo: Repository, name: str) -> SgNode | None:
    camel = connector_type(repo, name)
    main = repo.rust(layout.connector_main_file(name))
    for item in file_view(repo, main).nodes("impl_item") if main is not None else []:
        trait, self_type = item.field("trait"), item.field("type")
        if trait is not None and self_type is not None and last_segment(trait.text()) == "ConnectorCommon" \
                and last_segment(self_type.text()) == camel:
            return item
    return None


def check_base_url(repo: Repository, name: str) -> list[Finding]:
    """Every `connectors.<x>` read in `ConnectorCommon::base_url` has x = the connector's module name."""
    impl = _connector_common_impl(repo, name)
    function = function_items(impl.field("body")).get("base_url") if impl is not None else None
    if function is None:
        return []  # no ConnectorCommon impl or no base_url: the build and scaffolding rules say so
    params = [p for p in parameter_types(function) if p != "self"]
    if not params:
        return []
    connectors = params[0]
    rel = layout.connector_main_file(name)
    findings = []
    for node in function.find_all(kind="field_expression"):
        value, field = node.field("value"), node.field("field")
        if value is None or field is None or value.kind() != "identifier" or value.text() != connectors:
            continue
        if field.text() != name:
            findings.append(Finding(
                RULE.id, rel, line_of(node),
                f"base_url() reads `{connectors}.{field.text()}`, another connector's entry of the Connectors "
                f"struct; {name}'s own is `{connectors}.{name}`",
                f"return `{connectors}.{name}.base_url.as_ref()` (and keep `pub {name}: ConnectorParams,` in "
                f"{layout.CONNECTOR_ENDPOINTS_RS} and `{name}.base_url` in the configs)",
                {"reads": field.text()}))
    return findings


RULE = Rule(
    id="pitfall-8",
    severity="error",
    title="base_url reads the connector's own entry of the Connectors struct",
    guide="The connector is in the Connectors struct and its base_url() reads `connectors.<its name>.base_url`.",
    check=check_base_url,
    tags=("pitfall-8",),
    see_also=('P3',),
    rustc=RustcHint(
        title="Missing connector from the Connectors struct",
        fix="add the connector's field to `pub struct Connectors` (connector_endpoints.rs) and its base_url to "
            "the configs",
        matches=rustc_matcher("E0609", "E0560", text=(r"\bConnectors\b",)),
        priority=60),
)
