"""Flow selection: a selected flow must be one the router invokes; PreProcessing is reported as guide drift."""

from __future__ import annotations

from pathlib import Path

from connector_compliance.checks.facts.flow_status import assess_flows
from connector_compliance.checks.facts.guide_drift import preprocessing_drift_note
from connector_compliance.checks.target.repository import Repository

from .rule_runner import run_rule
from .sample_copy import SAMPLE, copy_sample, edit

SELECTED = "access_token,tokenization,authorize"
MAIN = "crates/hyperswitch_connectors/src/connectors/samplepay.rs"


def run(root: Path, selected: str = SELECTED) -> list:
    return run_rule("selection.router-invokes", Repository(root), "samplepay", selected=selected)


def test_sample_wires_access_token_and_tokenization() -> None:
    assert run(SAMPLE) == []


def test_access_token_impl_without_supports_access_token(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "hs")
    edit(root, "crates/common_enums/src/connector_enums.rs", "(Self::Samplepay, _) | ", "")
    [finding] = run(root)
    access = assess_flows(Repository(root), "samplepay")["access_token"]
    assert (finding.file, finding.line) == (MAIN, access.line)
    assert "supports_access_token" in finding.hint and "Self::Samplepay" in finding.hint


def test_tokenization_impl_without_tokenization_config(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "hs")
    # Any config listing it is enough (the real configs differ), so remove it from every one.
    for config in ("config/development.toml", "config/docker_compose.toml", "config/config.example.toml"):
        edit(root, config, 'samplepay = { long_lived_token = false, payment_method = "card" }\n', "")
    [finding] = run(root)
    tokenization = assess_flows(Repository(root), "samplepay")["tokenization"]
    assert (finding.file, finding.line) == (MAIN, tokenization.line)
    assert "[tokenization]" in finding.hint and "config/development.toml" in finding.hint


def test_unselected_flows_are_not_judged(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "hs")
    edit(root, "crates/common_enums/src/connector_enums.rs", "(Self::Samplepay, _) | ", "")
    assert run(root, selected="authorize,psync") == []


def test_preprocessing_is_guide_drift_when_payment_no_longer_requires_it() -> None:
    [note] = preprocessing_drift_note(Repository(SAMPLE), ["samplepay", "acme_pay"])
    assert note["topic"] == "preprocessing_flow" and "samplepay" in note["tree"] and "acme_pay" not in note["tree"]


def test_no_preprocessing_drift_when_payment_still_requires_it(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "hs")
    edit(root, "crates/hyperswitch_interfaces/src/api/payments.rs", "    + PaymentAuthorize\n",
         "    + PaymentAuthorize\n    + PaymentsPreProcessing\n")
    assert preprocessing_drift_note(Repository(root), ["samplepay"]) == []
