"""Template stage, deliberately unregistered connectors, const-generic variants, and registration points a tree
does not have: on copies of the bundled sample, asserting the stage, the skip reasons and the to-do list."""

from __future__ import annotations

from pathlib import Path

import pytest
from connector_compliance.checks.core.registry import all_rules, rule
from connector_compliance.checks.facts.expectation import flow_expectations
from connector_compliance.checks.facts.flow_status import FlowStatus, assess_flows
from connector_compliance.checks.facts.stage import connector_stage, connector_variant
from connector_compliance.checks.run.context import build_run_context
from connector_compliance.checks.run.options import RunOptions
from connector_compliance.checks.run.stage import stage_of
from connector_compliance.checks.target.repository import Repository

from .rule_runner import run_rule
from .sample_connectors import CONNECTOR_ENUMS_RS, ENUM_HEAD, add_connector, template_code
from .sample_copy import copy_sample, edit, line_containing

CONFIGS = ("config/development.toml", "config/config.example.toml", "config/docker_compose.toml",
           "config/deployments/integration_test.toml", "config/deployments/production.toml",
           "config/deployments/sandbox.toml", "loadtest/config/development.toml")
VARIANT_POINTS = ("registration.connector-enum", "registration.routable-connectors",
                  "registration.connector-transformers", "registration.auth-validation",
                  "registration.connector-mapping", "registration.feature-matrix", "registration.connector-configs")


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    return copy_sample(tmp_path / "hs")


def scaffold_template(root: Path) -> Path:
    """What add_connector.sh does for tmplpay: its module and template code, the router's re-export, the
    Connectors field and a base_url in every config; no Connector variant (upstream's "added as template code")."""
    add_connector(root, "tmplpay", "Tmplpay", template_code("Tmplpay"))
    edit(root, "crates/router/src/connector.rs", "samplepay, samplepay::Samplepay,",
         "samplepay, samplepay::Samplepay, tmplpay, tmplpay::Tmplpay,")
    edit(root, "crates/hyperswitch_domain_models/src/connector_endpoints.rs", "    pub samplepay: ConnectorParams,\n",
         "    pub samplepay: ConnectorParams,\n    pub tmplpay: ConnectorParams,\n")
    for rel in CONFIGS:
        edit(root, rel, "[connectors]\n", '[connectors]\ntmplpay.base_url = "https://api.tmplpay.test/"\n')
    return root


def error_findings(root: Path, name: str) -> list[str]:
    """Every @error rule's findings that apply (the flow rules for each flow), as rule ids: what fails the run.
    The GRACE documents are left out: the sample keeps a grace/ folder, so a new connector there also owes its
    plan and spec (upstream has none, and those rules skip)."""
    run = build_run_context(RunOptions(hs_repo=root, connectors=(name,), no_cargo=True))
    failed = []
    for rule_id, candidate in all_rules().items():
        if candidate.severity != "error" or candidate.needs_cargo or rule_id.startswith("preparation."):
            continue
        for params in ([{"flow": f} for f in flow_expectations(run.repo, name)] if "flow" in candidate.params
                       else [{}]):
            if candidate.skip_reason(run.scope(name), **params) is None and run.findings(candidate, name, **params):
                failed.append(rule_id)
    return failed


def test_template_stage_is_one_verdict_with_a_to_do_list(sample: Path) -> None:
    scaffold_template(sample)
    repo = Repository(sample)
    stage = connector_stage(repo, "tmplpay")
    assert (stage.name, stage.file, stage.line) == ("template", CONNECTOR_ENUMS_RS,
                                                    line_containing(sample, CONNECTOR_ENUMS_RS, "pub enum Connector"))
    main = "crates/hyperswitch_connectors/src/connectors/tmplpay.rs"
    get_url = line_containing(sample, main, "fn get_url")
    assert stage.because.endswith(f"its flows are the connector template's; {main}:{get_url} is still the "
                                  "template's get_url")
    authorize = flow_expectations(repo, "tmplpay")["authorize"]
    assert assess_flows(repo, "tmplpay")["authorize"].cause == "stub_get_url"
    assert (authorize.expected, authorize.because) == (False, stage.because)
    run = build_run_context(RunOptions(hs_repo=sample, connectors=("tmplpay",), no_cargo=True))
    for rule_id in VARIANT_POINTS:
        reason = rule(rule_id).skip_reason(run.scope("tmplpay"))
        assert reason is not None and reason.startswith("template stage") and "due once" in reason, rule_id
    _, todo = stage_of(run, "tmplpay")
    flows = [t for t in todo if t.startswith("implement")]
    points = [t for t in todo if t.startswith("P")]
    assert flows[0] == f"implement the authorize flow ({main}:{get_url}, stub)"
    assert [f.split()[2] for f in flows] == ["authorize", "cancel", "capture", "psync", "refund", "rsync"]
    assert points[:7] == ["P5: " + rule("registration.connector-enum").title,
                          "P7: " + rule("registration.routable-connectors").title,
                          "P8: " + rule("registration.connector-transformers").title,
                          "P9: " + rule("registration.auth-validation").title,
                          "P10: " + rule("registration.connector-mapping").title,
                          "P11: " + rule("registration.feature-matrix").title,
                          "P12: " + rule("registration.connector-configs").title]
    assert error_findings(sample, "tmplpay") == []  # template stage does not fail the run


def test_once_in_the_enum_a_template_connector_is_live_and_fails_honestly(sample: Path) -> None:
    scaffold_template(sample)
    edit(sample, CONNECTOR_ENUMS_RS, ENUM_HEAD, f"{ENUM_HEAD}    Tmplpay,\n")
    repo = Repository(sample)
    assert connector_stage(repo, "tmplpay").name == "live"
    assert flow_expectations(repo, "tmplpay")["authorize"].expected
    [finding] = run_rule("registration.connector-transformers", repo, "tmplpay")
    assert finding.file == "crates/router/src/types/connector_transformers.rs"
    assert finding.message.endswith("(the match is exhaustive, so the crate does not compile)")
    assert {"flow", "registration.connector-enum", "registration.auth-validation"} <= set(
        error_findings(sample, "tmplpay"))


def test_a_variant_the_enum_comments_out_is_unregistered_on_purpose(sample: Path) -> None:
    """payeezy upstream: real code, `// Payeezy, As psync and rsync are not supported ...` in the enum."""
    edit(sample, CONNECTOR_ENUMS_RS, "    Samplepay,\n", "    // Samplepay, kept out until its sandbox is back\n")
    repo = Repository(sample)
    stage = connector_stage(repo, "samplepay")
    line = line_containing(sample, CONNECTOR_ENUMS_RS, "// Samplepay")
    assert (stage.name, stage.deliberate, stage.line) == ("unregistered", True, line)
    assert "the enum says `// Samplepay, kept out until its sandbox is back`" in stage.because
    run = build_run_context(RunOptions(hs_repo=sample, connectors=("samplepay",), no_cargo=True))
    for rule_id in VARIANT_POINTS:
        assert rule(rule_id).skip_reason(run.scope("samplepay")) == stage.because, rule_id


def test_real_code_without_a_variant_fails_once_at_p5(sample: Path) -> None:
    """Not template code and no word from the enum: add the variant (P5); the arms wait for it."""
    edit(sample, CONNECTOR_ENUMS_RS, "    Samplepay,\n", "")
    run = build_run_context(RunOptions(hs_repo=sample, connectors=("samplepay",), no_cargo=True))
    assert rule("registration.connector-enum").skip_reason(run.scope("samplepay")) is None
    [finding] = run_rule("registration.connector-enum", run.repo, "samplepay")
    assert (finding.file, finding.line) == (CONNECTOR_ENUMS_RS, line_containing(sample, CONNECTOR_ENUMS_RS,
                                                                                 "pub enum Connector"))
    reason = rule("registration.connector-mapping").skip_reason(run.scope("samplepay"))
    assert reason is not None and reason.endswith("add the variant first (P5)")


def test_a_const_generic_connector_is_registered_by_its_numbered_variants(sample: Path) -> None:
    """DummyConnector<const T: u8> upstream: Connector::DummyConnector1..7, re-exported as connectors::Camel."""
    add_connector(sample, "phonypay", "Phonypay", "pub mod transformers;\npub struct Phonypay<const T: u8>;\n")
    edit(sample, CONNECTOR_ENUMS_RS, ENUM_HEAD, f"{ENUM_HEAD}    Phonypay1,\n    Phonypay2,\n")
    edit(sample, "crates/router/src/connector.rs", "pub use hyperswitch_connectors::connectors::{",
         "pub use hyperswitch_connectors::connectors::Phonypay;\npub use hyperswitch_connectors::connectors::{")
    repo = Repository(sample)
    assert connector_variant(repo, "phonypay") == "Phonypay1"
    assert connector_stage(repo, "phonypay").name == "live"
    assert run_rule("registration.router-reexport", repo, "phonypay") == []
    [finding] = run_rule("registration.connector-mapping", repo, "phonypay")
    assert "no arm for Connector::Phonypay1" in finding.message


def test_a_point_the_tree_does_not_have_is_skipped_not_failed(sample: Path) -> None:
    """Trees before August 2025 have no feature matrix."""
    (sample / "crates/router/src/types/api/feature_matrix.rs").unlink()
    run = build_run_context(RunOptions(hs_repo=sample, connectors=("samplepay",), no_cargo=True))
    reason = rule("registration.feature-matrix").skip_reason(run.scope("samplepay"))
    assert reason == ("this tree has no FeatureMatrixConnectorData::convert_connector (the feature matrix), so there "
                      "is nothing to register there")


def test_a_connector_that_implements_nothing_needs_no_transformers(sample: Path) -> None:
    """ctp_mastercard upstream: 132 lines, no flow of its own, no transformers module; it compiles."""
    add_connector(sample, "ctpish", "Ctpish", "pub struct Ctpish;\n")
    (sample / "crates/hyperswitch_connectors/src/connectors/ctpish/transformers.rs").unlink()
    repo = Repository(sample)
    assert all(a.status is not FlowStatus.IMPLEMENTED for a in assess_flows(repo, "ctpish").values())
    assert run_rule("scaffolding.files", repo, "ctpish") == []
    assert run_rule("scaffolding.transformers-module", repo, "ctpish") == []
