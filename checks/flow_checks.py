"""Flow statuses of one connector, and the findings for a flow that is not really implemented."""

from __future__ import annotations

from . import layout
from .default_impls import macros_for_triple
from .findings import Finding
from .flow_catalog import DEFAULT_SELECTION, FlowSpec
from .flows import FlowAssessment, FlowStatus, classify_impl, pick_impl
from .impls import IntegrationImpl, integration_impls, struct_line
from .repository import Repository


def connector_impls(repo: Repository, name: str) -> list[IntegrationImpl]:
    """Every ConnectorIntegration impl for the connector's own type, across its files (parsed once)."""

    def compute() -> list[IntegrationImpl]:
        camel = connector_type(repo, name)
        found: list[IntegrationImpl] = []
        for rel in repo.connector_files(name):
            rust_file = repo.rust(rel)
            if rust_file is not None:
                found.extend(i for i in integration_impls(rust_file) if camel is None or i.self_type == camel)
        return found

    return repo.memo(("impls", name), compute)


def connector_type(repo: Repository, name: str) -> str | None:
    """The connector's type name: from `pub use self::{NAME::Camel}`, else the type its ConnectorCommon is for."""
    module = repo.modules.get(name)
    if module is not None and module.camel:
        return module.camel
    main = repo.rust(layout.connector_main_file(name))
    if main is None:
        return None
    for item in main.root.find_all(kind="impl_item"):
        trait, self_type = item.field("trait"), item.field("type")
        if trait is not None and self_type is not None and trait.text().endswith("ConnectorCommon"):
            return self_type.text()
    return None


def anchor_of(repo: Repository, name: str) -> tuple[str, int]:
    """Where to point when something is absent: the connector struct in its main file."""
    main = layout.connector_main_file(name)
    camel = connector_type(repo, name)
    rust_file = repo.rust(main)
    if rust_file is None:
        module = repo.modules.get(name)
        return layout.CONNECTORS_RS, module.mod_line if module else 1
    return main, (struct_line(rust_file, camel) if camel else None) or 1


def assess_flow(repo: Repository, name: str, spec: FlowSpec) -> FlowAssessment:
    ignored = spec.guide.ignored
    if spec.triple is None:
        file, line = layout.INTERFACES_API_RS, 1
        return FlowAssessment(spec.name, FlowStatus.MISSING, file, line,
                              f"the target declares no marker trait {spec.guide.marker_trait}", ignored, line,
                              "no_marker_trait")
    matching = [i for i in connector_impls(repo, name) if i.triple == spec.triple]
    if matching:
        impl = pick_impl(matching)
        status, cause, evidence, reason = classify_impl(impl)
        return FlowAssessment(spec.name, status, impl.file, impl.line, reason, ignored, evidence, cause)
    camel = connector_type(repo, name)
    for macro in macros_for_triple(repo.default_macros, spec.triple):
        if camel is not None and camel in macro.listed:
            return FlowAssessment(spec.name, FlowStatus.DEFAULT, layout.DEFAULT_IMPLEMENTATIONS_RS,
                                  macro.listed[camel], f"listed in {macro.name}! (an empty default impl)", ignored,
                                  macro.listed[camel], "macro")
    file, line = anchor_of(repo, name)
    reason = f"no impl of ConnectorIntegration<{', '.join(spec.triple)}> and no default macro entry"
    generator = _local_impl_macro(repo, name)
    if generator is not None:
        reason += (f"; {generator[0]}:{generator[1]} defines macro {generator[2]}! that generates ConnectorIntegration "
                   "impls, which the harness does not expand: check that flow by hand")
    return FlowAssessment(spec.name, FlowStatus.MISSING, file, line, reason, ignored, line, "missing")


def _local_impl_macro(repo: Repository, name: str) -> tuple[str, int, str] | None:
    """A `macro_rules!` in the connector's own files whose body writes ConnectorIntegration impls (chargebee)."""
    for rel in repo.connector_files(name):
        rust_file = repo.rust(rel)
        for macro in rust_file.root.find_all(kind="macro_definition") if rust_file is not None else []:
            if macro.find(regex="^ConnectorIntegration$") is not None and macro.field("name") is not None:
                return rel, macro.range().start.line + 1, macro.field("name").text()
    return None


def assess_flows(repo: Repository, name: str) -> dict[str, FlowAssessment]:
    return repo.memo(("flows", name), lambda: {f: assess_flow(repo, name, s) for f, s in repo.flows.items()})


def fix_hint(repo: Repository, name: str, spec: FlowSpec, assessment: FlowAssessment) -> str:
    camel = connector_type(repo, name) or "<Connector>"
    triple = ", ".join(spec.triple) if spec.triple else "?"
    alias = repo.dyn_aliases.get(spec.triple) if spec.triple else None
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


def model_implementations(repo: Repository, flow: str, exclude: str, wanted: int = 2) -> list[tuple[str, int, str]]:
    """Connectors of the same tree that implement `flow` and all six core flows: (name, line, file).

    The guide asks to "review existing connector implementations"; the smallest complete ones read best, so
    candidates are tried from the smallest main file up and the search stops early (few files parsed).
    """
    def compute() -> list[tuple[str, int, str]]:
        sized = []
        for candidate in repo.modules:
            path = repo.root / layout.connector_main_file(candidate)
            if path.is_file():
                sized.append((path.stat().st_size, candidate))
        found = []
        for _, candidate in sorted(sized):
            flows = assess_flows(repo, candidate)
            if flows[flow].status is FlowStatus.IMPLEMENTED and all(
                    flows[f].status is FlowStatus.IMPLEMENTED for f in DEFAULT_SELECTION):
                found.append((candidate, flows[flow].line, flows[flow].file))
                if len(found) > wanted:
                    break
        return found

    return [m for m in repo.memo(("models", flow), compute) if m[0] != exclude][:wanted]


def flow_findings(repo: Repository, name: str, flow: str) -> list[Finding]:
    spec = repo.flows[flow]
    assessment = assess_flows(repo, name)[flow]
    if assessment.status is FlowStatus.IMPLEMENTED:
        return []
    hint = fix_hint(repo, name, spec, assessment)
    models = model_implementations(repo, flow, exclude=name)
    if models:
        hint += "; for a complete example read " + " or ".join(f"{m} ({file}:{line})" for m, line, file in models)
    return [Finding(f"flow.{flow}", assessment.file, assessment.evidence_line,
                    f"{flow} flow is {assessment.status}: {assessment.reason}", hint,
                    {"status": str(assessment.status), "models": [m for m, _, _ in models]})]
