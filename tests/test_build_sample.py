"""The build rules with real cargo, on copies of the bundled sample with one mistake each.

Each copy builds into its own target/ inside the temp copy (never the repository's examples/.../target). A
target dir is not shared between copies on purpose: cargo fingerprints workspace crates by workspace-relative
path and mtime, so a copy whose edit is older than another copy's artifacts would be judged "fresh".
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checks.build_rules import (
    cannot_judge,
    check_clippy,
    check_compiles,
    check_registration_compiles,
    check_sandbox_tests,
    check_unit_tests,
    libtest_counts,
)
from checks.cargo_session import CargoSettings, session_for
from checks.findings import Finding
from checks.repository import Repository

from .sample_copy import copy_sample, edit, line_containing

pytestmark = pytest.mark.skipif(shutil.which("cargo") is None, reason="cargo is not installed")

MAIN = "crates/hyperswitch_connectors/src/connectors/samplepay.rs"
TRANSFORMERS = "crates/hyperswitch_connectors/src/connectors/samplepay/transformers.rs"
MAPPING = "crates/router/src/types/api/connector_mapping.rs"


def repository(root: Path, tmp_path: Path, **settings: object) -> Repository:
    repo = Repository(root)
    session_for(repo, CargoSettings(cache_dir=tmp_path / "cache", **settings))  # type: ignore[arg-type]
    return repo


def test_the_clean_sample_compiles_registers_and_passes_clippy(tmp_path: Path) -> None:
    repo = repository(copy_sample(tmp_path / "hs"), tmp_path, clippy=True)
    for name in ("samplepay", "acme_pay"):
        assert check_compiles(repo, name) == []
        assert check_registration_compiles(repo, name) == []
        assert check_clippy(repo, name) == []
        assert cannot_judge(repo, name, "build.compiles") is None
        assert cannot_judge(repo, name, "build.registration") is None
    # The sample's connectors have no unit tests: that is said, not passed silently.
    assert "samplepay has no unit tests" in (cannot_judge(repo, "samplepay", "build.unit-tests") or "")
    session = session_for(repo)
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
    findings = check_compiles(repo, "samplepay")
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
    assert check_compiles(repo, "acme_pay") == []
    assert check_registration_compiles(repo, "samplepay") == []
    assert "errors in its own files stop the build first" in (
        cannot_judge(repo, "samplepay", "build.registration") or "")


def test_a_removed_registration_arm_fails_the_registration_scenario(tmp_path: Path) -> None:
    hs = copy_sample(tmp_path / "hs")
    edit(hs, MAPPING, "                enums::Connector::Samplepay => {\n"
                      "                    Ok(ConnectorEnum::Old(Box::new(connector::Samplepay::new())))\n"
                      "                }\n", "")
    repo = repository(hs, tmp_path)
    assert check_compiles(repo, "samplepay") == []  # the connector's own crate still compiles
    [finding] = check_registration_compiles(repo, "samplepay")
    assert (finding.rule, finding.file, finding.line) == ("build.registration", MAPPING,
                                                         line_containing(hs, MAPPING, "Ok(name) => match name"))
    assert finding.extra["code"] == "E0004"
    assert "Connector::Samplepay` not covered" in finding.message
    assert "add the arm for Samplepay" in finding.hint
    assert check_registration_compiles(repo, "acme_pay") == []
    assert "fails elsewhere" in (cannot_judge(repo, "acme_pay", "build.registration") or "")


def test_clippy_reports_unwrap_in_the_connector(tmp_path: Path) -> None:
    hs = copy_sample(tmp_path / "hs")
    edit(hs, TRANSFORMERS, "capture: router_data.request.is_auto_capture()?,",
         "capture: router_data.request.is_auto_capture().unwrap(),")
    repo = repository(hs, tmp_path, clippy=True)
    assert check_compiles(repo, "samplepay") == []
    findings = check_clippy(repo, "samplepay")
    codes = {f.extra["code"] for f in findings}
    assert "clippy::unwrap_used" in codes
    line = line_containing(hs, TRANSFORMERS, ".unwrap(),")
    assert {(f.file, f.line) for f in findings} == {(TRANSFORMERS, line)}
    assert check_clippy(repo, "acme_pay") == []


def test_unit_tests_report_counts_and_the_failing_assertion(tmp_path: Path) -> None:
    hs = copy_sample(tmp_path / "hs")
    path = hs / TRANSFORMERS
    path.write_text(path.read_text() + "\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn passes() {}\n\n"
                    "    #[test]\n    fn fails() {\n        assert_eq!(1 + 1, 3, \"arithmetic\");\n    }\n\n"
                    "    #[test]\n    #[ignore]\n    fn skipped() {}\n}\n")
    repo = repository(hs, tmp_path)
    assert cannot_judge(repo, "samplepay", "build.unit-tests") is None
    [finding] = check_unit_tests(repo, "samplepay")
    assert (finding.file, finding.line) == (TRANSFORMERS, line_containing(hs, TRANSFORMERS, "assert_eq!(1 + 1, 3"))
    assert finding.extra["test"] == "connectors::samplepay::transformers::tests::fails"
    assert finding.extra["counts"] == {"passed": 1, "failed": 1, "ignored": 1, "filtered_out": 0}
    assert "arithmetic" in finding.message
    assert "-- --exact connectors::samplepay::transformers::tests::fails --nocapture" in finding.hint
    assert "acme_pay has no unit tests" in (cannot_judge(repo, "acme_pay", "build.unit-tests") or "")


def test_passing_unit_tests_pass(tmp_path: Path) -> None:
    hs = copy_sample(tmp_path / "hs")
    path = hs / TRANSFORMERS
    path.write_text(path.read_text() + "\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn passes() {}\n}\n")
    repo = repository(hs, tmp_path)
    assert cannot_judge(repo, "samplepay", "build.unit-tests") is None
    assert check_unit_tests(repo, "samplepay") == []
    assert libtest_counts(repo, "samplepay", "unit-tests").counts() == {"passed": 1, "failed": 0, "ignored": 0,
                                                                         "filtered_out": 0}


SANDBOX = "crates/router/tests/connectors/samplepay.rs"


def test_sandbox_tests_need_credentials_and_pin_a_failure(tmp_path: Path) -> None:
    hs = copy_sample(tmp_path / "hs")
    assert "no connector credentials" in (cannot_judge(repository(hs, tmp_path), "samplepay",
                                                       "build.sandbox-tests") or "")
    edit(hs, SANDBOX, 'assert_eq!(request.url, "https://api.samplepay.test/v1/payments");',
         'assert_eq!(request.url, "https://api.samplepay.test/v2/payments");')
    repo = repository(hs, tmp_path / "with-auth", auth_file=hs / "crates/router/tests/connectors/sample_auth.toml")
    assert cannot_judge(repo, "samplepay", "build.sandbox-tests") is None
    [finding] = check_sandbox_tests(repo, "samplepay")
    assert (finding.rule, finding.file, finding.line) == ("build.sandbox-tests", SANDBOX,
                                                         line_containing(hs, SANDBOX, "v2/payments"))
    assert finding.extra["test"] == "samplepay::should_build_authorize_request"
    counts = finding.extra["counts"]
    assert isinstance(counts, dict) and counts["failed"] == 1 and counts["passed"] > 0
    assert "--test-threads=1" in finding.hint
