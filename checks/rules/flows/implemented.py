"""An expected flow has a ConnectorIntegration impl that overrides build_request, builds a RequestBuilder and
returns a real URL; a flow left empty, listed in a default_imp_for_* macro, stubbed or missing fails at the line
to fix. The classification itself (implemented / default / stub / missing) is `facts/flow_status.py`; what is
expected, and why, is `facts/expectation.py` (or the GRACE plan / --flows that override it).

This rule holds the flows every payment goes through (authorize, psync, and tokenization / access token where the
router calls them); flows/feature.py holds those only payments using a feature need (capture, void, refunds)."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Applies, Rule, Scope
from ...facts.connectors import connector_type
from ...facts.flow_catalog import DEFAULT_SELECTION, FlowSpec, dyn_aliases, flow_specs
from ...facts.flow_status import BUILDS_REQUEST, FlowAssessment, FlowStatus, assess_flows
from ...facts.selection import Selection, flow_expectation
from ...target import layout
from ...target.fact_cache import fact
from ...target.repository import Repository


def expected_here(every_payment: bool) -> Applies:
    """Applies to the flows of one group (every-payment or feature flows) that are expected of the connector;
    a flow it is not expected to have is reported with the reason, not enforced."""

    def applies(scope: Scope, params: dict[str, str]) -> str | None:
        flow = params["flow"]
        spec = flow_specs(scope.repo)[flow]
        status = assess_flows(scope.repo, scope.connector)[flow].status
        if spec.guide.ignored:
            return f"{flow}: the guide marks it [Ignore] (status: {status})"
        if spec.guide.every_payment != every_payment:
            other = "flow" if spec.guide.every_payment else "flow-feature"
            return f"{flow}: checked by the {other} rule"
        if flow not in scope.selected:
            selection = Selection(scope.selected, scope.selection_source)
            because = flow_expectation(scope.repo, scope.connector, selection, flow).because
            return f"{flow}: not expected ({because}; status: {status})"
        return None

    return applies


def fix_hint(repo: Repository, name: str, spec: FlowSpec, assessment: FlowAssessment) -> str:
    camel = connector_type(repo, name) or "<Connector>"
    triple = ", ".join(spec.triple) if spec.triple else "?"
    alias = dyn_aliases(repo).get(spec.triple) if spec.triple else None
    alias_text = f"types::{alias}" if alias else "the flow's types:: alias"
    build = (f"build_request returning Ok(Some(RequestBuilder::new().method(..).url(&{alias_text}::get_url"
             "(self, req, connectors)?).attach_default_headers().headers(..).set_body(..).build()))")
    if assessment.status is FlowStatus.MISSING:
        return (f"add `impl api::{spec.guide.marker_trait} for {camel} {{}}` and "
                f"`impl ConnectorIntegration<{triple}> for {camel} {{ .. }}` with get_url, get_headers, "
                f"get_request_body, {build}, handle_response and get_error_response")
    if assessment.cause == "macro":
        return (f"remove `connectors::{camel},` from that macro and write `impl ConnectorIntegration<{triple}> "
                f"for {camel}` in {layout.connector_main_file(name)} (listed and implemented is E0119)")
    if assessment.cause == "stub_get_url":
        return 'return the endpoint, e.g. Ok(format!("{}v1/payments", self.base_url(connectors)))'
    return f"override get_url, get_headers, get_request_body, {build}, handle_response and get_error_response"


@fact
def complete_implementations(repo: Repository, flow: str, wanted: int = 3) -> list[tuple[str, int, str]]:
    """Connectors of the tree implementing `flow` and the six core flows, smallest main file first: (name, line, file).

    The guide asks to "review existing connector implementations"; the smallest complete ones read best, so
    candidates are tried from the smallest main file up and the search stops early (few files parsed).
    """
    sized = []
    for candidate in repo.modules:
        path = repo.read.real(layout.connector_main_file(candidate))
        if path is not None and path.is_file():
            sized.append((path.stat().st_size, candidate))
    found = []
    for _, candidate in sorted(sized):
        flows = assess_flows(repo, candidate)
        if flows[flow].status is FlowStatus.IMPLEMENTED and all(
                flows[f].status is FlowStatus.IMPLEMENTED for f in DEFAULT_SELECTION):
            found.append((candidate, flows[flow].line, flows[flow].file))
            if len(found) >= wanted:
                break
    return found


def check_flow(repo: Repository, name: str, flow: str, rule_id: str = "flow") -> list[Finding]:
    spec = flow_specs(repo)[flow]
    assessment = assess_flows(repo, name)[flow]
    if assessment.status in BUILDS_REQUEST:
        return []  # a flawed flow's mistake is its pitfall's finding (one mistake, one finding)
    hint = fix_hint(repo, name, spec, assessment)
    models = [m for m in complete_implementations(repo, flow) if m[0] != name][:2]
    if models:
        hint += "; for a complete example read " + " or ".join(f"{m} ({file}:{line})" for m, line, file in models)
    return [Finding(f"{rule_id}.{flow}", assessment.file, assessment.evidence_line,
                    f"{flow} flow is {assessment.status}: {assessment.reason}", hint,
                    {"status": str(assessment.status), "models": [m for m, _, _ in models]})]


RULE = Rule(
    id="flow",
    severity="error",
    title="Every expected flow that each payment goes through is implemented",
    guide="Every selected flow has a ConnectorIntegration impl that builds a real request.",
    check=check_flow,
    tags=("flows",),
    params=("flow",),
    applies=expected_here(every_payment=True),
)
