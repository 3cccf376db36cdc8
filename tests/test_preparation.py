"""Preparation rules: the sample's GRACE documents pass; one mistake each fails at the asserted file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from connector_compliance.checks.core.registry import all_rules
from connector_compliance.checks.facts.grace_docs import status_variants
from connector_compliance.checks.facts.spec_reading import read_spec
from connector_compliance.checks.target.repository import Repository

from .rule_runner import run_rule
from .sample_copy import SAMPLE, copy_sample, edit, line_containing
from .test_rule_cases import CASES as RULE_CASES
from .test_rule_cases import FIXTURES

DOCS = "grace/connector_integration/samplepay"
SPEC = f"{DOCS}/samplepay_specs.md"
PLAN = f"{DOCS}/samplepay_plan.md"
NINE = "preprocessing,tokenization,authorize,cancel,capture,psync,access_token,refund,rsync"
PREPARATION_RULES = [r for r in all_rules() if r.startswith("preparation.")]


def run(repo: Repository, rule: str) -> list:
    params = {"selected": NINE} if rule == "preparation.spec-endpoints" else {}
    return run_rule(rule, repo, "samplepay", **params)


def test_sample_documents_pass_every_rule() -> None:
    repo = Repository(SAMPLE)
    for rule in PREPARATION_RULES:
        assert run(repo, rule) == [], rule


@pytest.mark.parametrize(("path", "dialect"), [
    (SAMPLE / SPEC, "template"),
    (FIXTURES / "techspec" / "samplepay_specs.md", "techspec"),
    (FIXTURES / "handwritten" / "samplepay_specs.md", "hand-written"),
])
def test_spec_dialects(path: Path, dialect: str) -> None:
    assert read_spec(path.read_text(encoding="utf-8")).dialect == dialect


def test_every_preparation_rule_passes_and_fails_in_every_dialect() -> None:
    """The bar of issue 15: per rule, a valid and an invalid case for the template (the sample's own documents),
    the techspec and the hand-written dialect (tests/fixtures/grace)."""
    seen: dict[str, set[tuple[str, str]]] = {rule: set() for rule in PREPARATION_RULES}
    for case in RULE_CASES:
        if case.rule.id in seen:
            edits = case.data.get("edits", [])
            fixtures = {str(e.get("fixture", "")).split("/")[0] for e in edits}  # type: ignore[union-attr]
            dialects = (fixtures - {""}) or {"template"}
            seen[case.rule.id] |= {(d, case.kind) for d in dialects}
    wanted = {(d, k) for d in ("template", "techspec", "handwritten") for k in ("valid", "invalid")}
    assert {rule: sorted(wanted - got) for rule, got in seen.items() if wanted - got} == {}


def test_status_variants_come_from_the_target() -> None:
    variants = status_variants(Repository(SAMPLE))
    assert {"Charged", "Authorized", "VoidFailed"} <= variants["AttemptStatus"]
    assert {"Success", "ManualReview"} <= variants["RefundStatus"]
    assert "Succeeded" not in variants["AttemptStatus"]


def test_sample_spec_endpoints_serve_every_flow() -> None:
    flows = read_spec((SAMPLE / SPEC).read_text()).flows
    operation = {flow: match.endpoint.operation for flow, match in flows.items() if match.endpoint is not None}
    assert operation["rsync"] == "Get Refund"
    assert operation["authorize"] == "Create Payment"  # its purpose also says "capture"; the operation decides
    assert operation["capture"] == "Capture Payment"
    assert operation["psync"] == "Get Payment"
    assert sorted(operation) == sorted(NINE.split(","))


# (rule, file edited, old, new, file of the finding, text on the line it must point at)
CASES = [
    ("preparation.spec-sections", SPEC, "## 6. Error Handling", "## 6. Failures", SPEC,
     "# Samplepay Connector Integration Technical Specification"),
    ("preparation.spec-base-url", SPEC, "`https://api.samplepay.test/`", "`{{connector_base_url}}`", SPEC,
     "**Base URL**"),
    ("preparation.spec-endpoints", SPEC, "| Capture Payment | POST | /v1/payments/{id}/capture | "
     "Capture an authorized payment (Capture) |\n", "", SPEC, "## 2. API Endpoints"),
    ("preparation.spec-status-mapping", SPEC, "| succeeded | Charged | Payment captured |",
     "| succeeded | Succeeded | Payment captured |", SPEC, "| succeeded | Succeeded |"),
    ("preparation.spec-placeholders", SPEC, "| failed | Failure | Declined or errored |",
     "| failed | Failure | Declined or errored |\n[Add all status mappings]", SPEC, "[Add all status mappings]"),
    ("preparation.plan-covers-spec", PLAN, "- [x] Step 7: Implement Capture flow", "- [x] Step 7: Settle funds",
     SPEC, "| Capture Payment |"),
    ("preparation.plan-step-fields", PLAN, "  - **Step Dependencies**: Step 5\n  - **User Instructions**: Run "
     "`cargo check -p hyperswitch_connectors --features v1`.\n- [x] Step 8", "- [x] Step 8", PLAN,
     "Step 7: Implement Capture flow"),
]


@pytest.mark.parametrize(("rule", "rel", "old", "new", "where", "anchor"), CASES, ids=[c[0] for c in CASES])
def test_one_mistake_fails_there(tmp_path: Path, rule: str, rel: str, old: str, new: str, where: str,
                                 anchor: str) -> None:
    root = copy_sample(tmp_path / "hs")
    edit(root, rel, old, new)
    findings = run(Repository(root), rule)
    assert findings, rule
    assert (findings[0].file, findings[0].line) == (where, line_containing(root, where, anchor))
    assert findings[0].hint


def test_status_hint_suggests_the_nearest_variant(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "hs")
    edit(root, SPEC, "| failed | Failure | Declined or errored |", "| failed | Failed | Declined or errored |")
    [finding] = run(Repository(root), "preparation.spec-status-mapping")
    assert "Failure" in finding.hint


def test_ticked_step_whose_flow_is_not_implemented(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "hs")
    main = root / "crates/hyperswitch_connectors/src/connectors/samplepay.rs"
    text = main.read_text()
    start = text.index("impl ConnectorIntegration<Capture, PaymentsCaptureData, PaymentsResponseData> for Samplepay")
    body_end = text.index("\n}\n", start)
    main.write_text(text[:start] + "impl ConnectorIntegration<Capture, PaymentsCaptureData, PaymentsResponseData> "
                    "for Samplepay {}" + text[body_end + 2:])
    [finding] = run(Repository(root), "preparation.plan-claims")
    assert (finding.file, finding.line) == (PLAN, line_containing(root, PLAN, "Step 7: Implement Capture flow"))
    assert "capture flow is default" in finding.message


@pytest.mark.parametrize(("rule", "doc"), [("preparation.spec-exists", SPEC), ("preparation.plan-exists", PLAN)])
def test_missing_documents(tmp_path: Path, rule: str, doc: str) -> None:
    root = copy_sample(tmp_path / "hs")
    (root / doc).unlink()
    [finding] = run(Repository(root), rule)
    assert finding.file == "grace/connector_integration"
    assert doc in finding.message


def test_flat_legacy_layout_is_accepted(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "hs")
    for doc in (SPEC, PLAN):
        (root / doc).rename(root / "grace/connector_integration" / Path(doc).name)
    repo = Repository(root)
    assert run(repo, "preparation.spec-exists") == run(repo, "preparation.plan-exists") == []
