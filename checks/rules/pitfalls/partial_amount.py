"""A refund converts the refund's amount and a capture the capture's amount, never the payment's.

`RefundsData` and `PaymentsCaptureData` carry both (`minor_refund_amount` / `minor_amount_to_capture` next to
`minor_payment_amount`, all `MinorUnit`): picking the payment's compiles and turns every partial refund or capture
into a full one. The amount fields are read from the target's request data structs; a fn that also reads the
flow's own amount (xendit compares both to refuse partial captures) is not flagged.
"""

from __future__ import annotations

from ast_grep_py import SgNode

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.connectors import connector_impls
from ...facts.data_flow import args_of, chain_of, vocabulary
from ...facts.flow_catalog import flow_specs
from ...facts.target_types import request_structs
from ...target.repository import Repository
from ...target.rust import last_segment
from ...target.rust_macros import CodeView, code_views
from ...target.rust_syntax import enclosing

PARTIAL_FLOWS = ("refund", "capture")  # guide flows whose request carries its own amount and the payment's
CONVERT_CALLS = frozenset({"convert_amount", "convert"})  # utils::convert_amount, AmountConvertor::convert


def _amounts(repo: Repository, flow: str) -> tuple[str, set[str], set[str]] | None:
    """(request struct, its own amount fields, the other amount fields) of a flow, from the target."""
    spec = flow_specs(repo).get(flow)
    if spec is None or spec.triple is None:
        return None
    request = spec.triple[1]
    amounts = set(request_structs(repo).get(request, {})) & vocabulary(repo).minor_fields
    own = {f for f in amounts if flow in f}
    return (request, own, amounts - own) if own else None


def _convert_calls(repo: Repository, rel: str) -> list[tuple[CodeView, SgNode, SgNode, SgNode]]:
    """(view, call, callee, where it stands in the file) of every amount conversion in a file, macro arguments
    included: found once per file, then each flow's impl takes those inside it."""
    rust_file = repo.rust(rel)
    found = []
    for view in code_views(repo, rust_file) if rust_file is not None else []:
        for call in view.nodes("call_expression"):
            function = call.field("function")
            if function is not None and last_segment(function.text()) in CONVERT_CALLS:
                found.append((view, call, function, view.context(call)))
    return found


def check_partial_amounts(repo: Repository, name: str) -> list[Finding]:
    findings = []
    converts: dict[str, list[tuple[CodeView, SgNode, SgNode, SgNode]]] = {}
    for flow in PARTIAL_FLOWS:
        amounts = _amounts(repo, flow)
        spec = flow_specs(repo)[flow]
        if amounts is None:
            continue
        request, own, others = amounts
        for impl in [i for i in connector_impls(repo, name) if i.triple == spec.triple]:
            if impl.file not in converts:
                converts[impl.file] = _convert_calls(repo, impl.file)
            start, end = impl.node.range().start.index, impl.node.range().end.index
            for view, call, function, anchor in converts[impl.file]:
                if not start <= anchor.range().start.index < end:
                    continue
                method = enclosing(anchor, "function_item")
                if method is not None and any(n.text() in own for n in method.find_all(kind="field_identifier")):
                    continue  # the flow's own amount is read too
                for arg in args_of(call):
                    chain = chain_of(arg) if arg.kind() == "field_expression" else []
                    if len(chain) < 3 or chain[-2] != "request" or chain[-1] not in others:
                        continue
                    wanted = sorted(f for f in own if f.startswith("minor_")) or sorted(own)
                    right = f"{'.'.join(chain[:-1])}.{wanted[0]}"
                    findings.append(Finding(
                        RULE.id, impl.file, view.line(arg),
                        f"the {flow} flow ({impl.file}:{impl.line}) converts `{'.'.join(chain)}`, the payment's "
                        f"amount, not the {flow}'s own (`{wanted[0]}` of {request}): a partial {flow} is sent "
                        "as a full one",
                        f"pass `{right}` to {last_segment(function.text())}",
                        {"flow": flow, "source": ".".join(chain), "wanted": wanted[0]}))
    return sorted(findings, key=lambda f: (f.file, f.line))


RULE = Rule(
    id="pitfalls.partial-amount",
    severity="error",
    title="A refund or capture converts its own amount, never the payment's",
    guide="The refund flow sends `minor_refund_amount` and the capture flow `minor_amount_to_capture` (partial "
          "refunds and captures), converted by the connector's AmountConvertor.",
    check=check_partial_amounts,
    see_also=("pitfall-4",),
)
