"""The build rules with real cargo, on copies of the bundled sample with one mistake each.

Each copy builds into its own target/ inside the temp copy (never the repository's examples/.../target). A
target dir is not shared between copies on purpose: cargo fingerprints workspace crates by workspace-relative
path and mtime, so a copy whose edit is older than another copy's artifacts would be judged "fresh".
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from connector_compliance.checks.cargo.session import CargoSession, CargoSettings
from connector_compliance.checks.core.finding import Finding
from connector_compliance.checks.core.registry import rule
from connector_compliance.checks.core.rule import Scope
from connector_compliance.checks.rules.build import unit_tests
from connector_compliance.checks.target.repository import Repository

from .sample_copy import copy_sample, edit, line_containing

pytestmark = [pytest.mark.slow, pytest.mark.skipif(shutil.which("cargo") is None, reason="cargo is not installed")]

MAIN = "crates/hyperswitch_connectors/src/connectors/samplepay.rs"
TRANSFORMERS = "crates/hyperswitch_connectors/src/connectors/samplepay/transformers.rs"
MAPPING = "crates/router/src/types/api/connector_mapping.rs"


class Built:
    """A copy of the sample and the cargo session its build rules get (as the run context passes it)."""

    def __init__(self, root: Path, session: CargoSession) -> None:
        self.repo = Repository(root)
        self.session = session

    def findings(self, rule_id: str, connector: str) -> list[Finding]:
        return rule(rule_id).check(self.repo, connector, cargo=self.session)

    def cannot_judge(self, connector: str, rule_id: str) -> str | None:
        return rule(rule_id).skip_reason(Scope(self.repo, connector, cargo=self.session))


def repository(root: Path, tmp_path: Path, **settings: object) -> Built:
    return Built(root, CargoSession(root, CargoSettings(cache_dir=tmp_path / "cache", **settings)))  # type: ignore[arg-type]


def test_the_clean_sample_compiles_registers_and_passes_clippy(tmp_path: Path) -> None:
    repo = repository(copy_sample(tmp_path / "hs"), tmp_path, clippy=True)
    for name in ("samplepay", "acme_pay"):
        assert repo.findings("build.compiles", name) == []
        assert repo.findings("build.registration", name) == []
        assert repo.findings("build.clippy", name) == []
        assert repo.cannot_judge(name, "build.compiles") is None
        assert repo.cannot_judge(name, "build.registration") is None
    # The sample's connectors have no unit tests: that is said, not passed silently.
    assert "samplepay has no unit tests" in (repo.cannot_judge("samplepay", "build.unit-tests") or "")
    session = repo.session
    assert session.started == 4  # check, registration, clippy, unit tests: each once for both connectors


# (what is broken, file, old text, new text, the finding's file, a text on its line, rustc code, pitfall)
MISTAKES = [
    ("type error in transformers", TRANSFORMERS, "reference: router_data.connector_request_reference_id.clone(),",
     "reference: 42,", TRANSFORMERS, "reference: 42,", "E0308", None),
    ("ErrorResponse field missing", MAIN, "            connector_metadata: None,\n        })\n    }\n}",
     "        })\n    }\n}", MAIN, "Ok(ErrorResponse {", "E0063", "pitfall-9"),
    ("get_optional_ip", TRANSFORMERS, "get_ip_address_as_optional()", "get_optional_ip()", TRANSFORMERS,
     "get_optional_ip()", "E0599", "pitfall-6"),
    ("card number typed Secret<String>", TRANSFORMERS, "    number: cards::CardNumber,", "    number: Secret<String>,",
     TRANSFORMERS, "number: card.card_number.clone(),", "E0308", "pitfall-5"),
    ("PaymentReject implemented while listed in default_imp_for_reject", MAIN,
     "impl api::PaymentVoid for Samplepay {}", "impl api::PaymentVoid for Samplepay {}\n"
     "impl api::PaymentReject for Samplepay {}", MAIN, "impl api::PaymentReject for Samplepay {}", "E0119",
     "pitfall-3"),
    ("Void impl with capture types", MAIN,
     "impl api::ConnectorIntegration<Void, PaymentsCancelData, PaymentsResponseData> for Samplepay {",
     "impl api::ConnectorIntegration<Void, PaymentsCaptureData, PaymentsResponseData> for Samplepay {",
     MAIN, "impl api::PaymentVoid for Samplepay {}", "E0277", "pitfall-1"),
]


@pytest.mark.parametrize(("mistake", "rel", "old", "new", "file", "needle", "code", "pitfall"), MISTAKES,
                         ids=[m[0] for m in MISTAKES])
def test_a_mistake_in_the_connector_fails_at_its_file_line_code_and_pitfall(
        tmp_path: Path, mistake: str, rel: str, old: str, new: str, file: str, needle: str, code: str,
        pitfall: str | None) -> None:
    hs = copy_sample(tmp_path / "hs")
    edit(hs, rel, old, new)
    repo = repository(hs, tmp_path)
    findings = repo.findings("build.compiles", "samplepay")
    line = line_containing(hs, file, needle)
    at_line = [f for f in findings if (f.file, f.line) == (file, line)]
    assert at_line, f"{mistake}: no finding at {file}:{line} in {[f.location() for f in findings]}"
    first: Finding = at_line[0]
    assert first.rule == "build.compiles"
    assert first.extra["code"] == code
    assert first.message.startswith(code + " ")
    assert isinstance(first.extra["column"], int) and first.extra["column"] >= 1
    assert first.extra.get("pitfall") == pitfall
    if pitfall is not None:
        assert first.hint.startswith(f"guide pitfall {pitfall.removeprefix('pitfall-')} (")
        assert {f.extra.get("pitfall") for f in findings} == {pitfall}  # every error it causes is grouped with it
    # The other connector is not charged with samplepay's mistake, and nothing is pinned on the registration.
    assert repo.findings("build.compiles", "acme_pay") == []
    assert repo.findings("build.registration", "samplepay") == []
    assert "errors in its own files stop the build first" in (
        repo.cannot_judge("samplepay", "build.registration") or "")


def test_a_removed_registration_arm_fails_the_registration_scenario(tmp_path: Path) -> None:
    hs = copy_sample(tmp_path / "hs")
    edit(hs, MAPPING, "                enums::Connector::Samplepay => {\n"
                      "                    Ok(ConnectorEnum::Old(Box::new(connector::Samplepay::new())))\n"
                      "                }\n", "")
    repo = repository(hs, tmp_path)
    assert repo.findings("build.compiles", "samplepay") == []  # the connector's own crate still compiles
    [finding] = repo.findings("build.registration", "samplepay")
    assert (finding.rule, finding.file, finding.line) == ("build.registration", MAPPING,
                                                         line_containing(hs, MAPPING, "Ok(name) => match name"))
    assert finding.extra["code"] == "E0004"
    assert "Connector::Samplepay` not covered" in finding.message
    assert "add the arm for Samplepay" in finding.hint
    assert repo.findings("build.registration", "acme_pay") == []
    assert "acme_pay's registration was not reached: the workspace does not build in this configuration" in (
        repo.cannot_judge("acme_pay", "build.registration") or "")


def test_clippy_reports_unwrap_in_the_connector(tmp_path: Path) -> None:
    hs = copy_sample(tmp_path / "hs")
    edit(hs, TRANSFORMERS, "capture: router_data.request.is_auto_capture()?,",
         "capture: router_data.request.is_auto_capture().unwrap(),")
    repo = repository(hs, tmp_path, clippy=True)
    assert repo.findings("build.compiles", "samplepay") == []
    findings = repo.findings("build.clippy", "samplepay")
    codes = {f.extra["code"] for f in findings}
    assert "clippy::unwrap_used" in codes
    line = line_containing(hs, TRANSFORMERS, ".unwrap(),")
    assert {(f.file, f.line) for f in findings} == {(TRANSFORMERS, line)}
    assert repo.findings("build.clippy", "acme_pay") == []


def test_unit_tests_report_counts_and_the_failing_assertion(tmp_path: Path) -> None:
    hs = copy_sample(tmp_path / "hs")
    path = hs / TRANSFORMERS
    path.write_text(path.read_text() + "\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn passes() {}\n\n"
                    "    #[test]\n    fn fails() {\n        assert_eq!(1 + 1, 3, \"arithmetic\");\n    }\n\n"
                    "    #[test]\n    #[ignore]\n    fn skipped() {}\n}\n")
    repo = repository(hs, tmp_path)
    assert repo.cannot_judge("samplepay", "build.unit-tests") is None
    [finding] = repo.findings("build.unit-tests", "samplepay")
    assert (finding.file, finding.line) == (TRANSFORMERS, line_containing(hs, TRANSFORMERS, "assert_eq!(1 + 1, 3"))
    assert finding.extra["test"] == "connectors::samplepay::transformers::tests::fails"
    assert finding.extra["counts"] == {"passed": 1, "failed": 1, "ignored": 1, "filtered_out": 0}
    assert "arithmetic" in finding.message
    assert "-- --exact connectors::samplepay::transformers::tests::fails --nocapture" in finding.hint
    assert "acme_pay has no unit tests" in (repo.cannot_judge("acme_pay", "build.unit-tests") or "")


def test_passing_unit_tests_pass(tmp_path: Path) -> None:
    hs = copy_sample(tmp_path / "hs")
    path = hs / TRANSFORMERS
    path.write_text(path.read_text() + "\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn passes() {}\n}\n")
    repo = repository(hs, tmp_path)
    assert repo.cannot_judge("samplepay", "build.unit-tests") is None
    assert repo.findings("build.unit-tests", "samplepay") == []
    assert unit_tests.counts(repo.session, "samplepay").counts() == {"passed": 1, "failed": 0, "ignored": 0,
                                                                         "filtered_out": 0}


SANDBOX = "crates/router/tests/connectors/samplepay.rs"


def test_sandbox_tests_need_credentials_and_pin_a_failure(tmp_path: Path) -> None:
    hs = copy_sample(tmp_path / "hs")
    assert "no connector credentials" in (repository(hs, tmp_path).cannot_judge("samplepay",
                                                       "build.sandbox-tests") or "")
    edit(hs, SANDBOX, 'assert_eq!(request.url, "https://api.samplepay.test/v1/payments");',
         'assert_eq!(request.url, "https://api.samplepay.test/v2/payments");')
    repo = repository(hs, tmp_path / "with-auth", auth_file=hs / "crates/router/tests/connectors/sample_auth.toml")
    assert repo.cannot_judge("samplepay", "build.sandbox-tests") is None
    [finding] = repo.findings("build.sandbox-tests", "samplepay")
    assert (finding.rule, finding.file, finding.line) == ("build.sandbox-tests", SANDBOX,
                                                         line_containing(hs, SANDBOX, "v2/payments"))
    assert finding.extra["test"] == "samplepay::should_build_authorize_request"
    counts = finding.extra["counts"]
    assert isinstance(counts, dict) and counts["failed"] == 1 and counts["passed"] > 0
    assert "--test-threads=1" in finding.hint
