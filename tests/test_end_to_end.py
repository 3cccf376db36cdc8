"""`pytest features/` run as a user runs it: on the bundled sample, on broken copies, and with bad input."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # real cargo or a whole harness subprocess

HARNESS = Path(__file__).resolve().parent.parent
SAMPLE = HARNESS / "examples" / "sample-hyperswitch"
# A Scenario is one test; a Scenario Outline is one per Examples block (each of ours has one row). The run-level
# scenarios (features/shared_files.feature) run once per run, not per connector.
SCENARIOS = sum(line.strip().startswith(("Scenario:", "Examples:"))
                for feature in (HARNESS / "features").glob("*.feature") if feature.name != "shared_files.feature"
                for line in feature.read_text().splitlines())
SOON = (dt.date.today() + dt.timedelta(days=30)).isoformat()  # within the default 180-day waiver horizon
NINE_FLOWS = ["preprocessing", "tokenization", "authorize", "cancel", "capture", "psync", "access_token", "refund",
              "rsync"]


def run_features(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], dict | None]:
    report_dir = tmp_path / "report"
    proc = subprocess.run(
        # --no-cargo: the @cargo build scenarios have their own tests (tests/test_build_features.py, on copies).
        [sys.executable, "-m", "pytest", "features/", "-p", "no:randomly", "--report-dir", str(report_dir),
         "--no-cargo", *args],
        cwd=HARNESS, capture_output=True, text=True, timeout=300, check=False,
    )
    report = report_dir / "compliance.json"
    return proc, json.loads(report.read_text()) if report.exists() else None


def copy_sample(tmp_path: Path) -> Path:
    target = tmp_path / "hs"
    shutil.copytree(SAMPLE, target, ignore=shutil.ignore_patterns("target"))
    return target


def test_sample_passes_every_scenario_and_implements_all_nine_flows(tmp_path: Path) -> None:
    proc, report = run_features(tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert report is not None
    assert report["schema"] == "connector-compliance/1"
    assert report["target"]["path"] == str(SAMPLE.resolve())
    [connector] = report["connectors"]
    assert connector["name"] == "samplepay"
    flows = {f["flow"]: f for f in connector["flows"]}
    for flow in NINE_FLOWS:
        assert flows[flow]["status"] == "implemented", flows[flow]
        assert flows[flow]["selected"] is True  # the sample's GRACE plan names all nine
        assert flows[flow]["file"] == "crates/hyperswitch_connectors/src/connectors/samplepay.rs"
        # what the tech spec says about the flow, and that get_url and build_request agree with it
        assert (flows[flow]["spec"]["path_verdict"], flows[flow]["spec"]["method_verdict"]) == ("match", "match")
    assert [(b["environment"], b["verdict"]) for b in connector["spec"]["base_urls"]] == [("sandbox", "match"),
                                                                                          ("live", "match")]
    outcomes = {s["scenario"]: s["outcome"] for s in connector["scenarios"]}
    assert len(outcomes) == SCENARIOS
    assert {s["outcome"] for s in connector["scenarios"] if "cargo" not in s["tags"]} == {"passed"}
    assert [s["outcome"] for s in report["run_scenarios"]] == ["passed", "passed"] and report["run_findings"] == []
    assert {s["outcome"] for s in connector["scenarios"] if "cargo" in s["tags"]} == {"skipped"}


def test_junit_carries_gherkin_names(tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    junit = tmp_path / "junit.xml"
    proc, _ = run_features(tmp_path, "--junitxml", str(junit), "-m", "flow-authorize")
    assert proc.returncode == 0
    [case] = ET.parse(junit).getroot().iter("testcase")
    properties = {p.get("name"): p.get("value") for p in case.iter("property")}
    assert properties["scenario"] == "Authorize flow is implemented when expected"
    assert properties["feature"] == "Flow implementation"
    assert "flow-authorize" in properties["tags"].split()


def test_broken_copy_fails_with_file_and_line(tmp_path: Path) -> None:
    hs = copy_sample(tmp_path)
    main = hs / "crates/hyperswitch_connectors/src/connectors/samplepay.rs"
    lines = main.read_text().splitlines(keepends=True)
    # Drop build_request from the Capture impl: the flow becomes a stub at the impl header.
    start = next(i for i, line in enumerate(lines) if "ConnectorIntegration<Capture" in line)
    header = next(i for i in range(start, -1, -1) if lines[i].lstrip().startswith("impl")) + 1
    fn_start = next(i for i in range(start, len(lines)) if "fn build_request" in lines[i])
    fn_end = next(i for i in range(fn_start, len(lines)) if lines[i].rstrip() == "    }")
    del lines[fn_start:fn_end + 1]
    main.write_text("".join(lines))

    proc, report = run_features(tmp_path, "--hs-repo", str(hs), "--connector", "samplepay")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert report is not None
    [connector] = report["connectors"]
    capture = next(f for f in connector["flows"] if f["flow"] == "capture")
    assert capture["status"] == "stub"
    [scenario] = [s for s in connector["scenarios"] if "flow-capture" in s["tags"]]
    assert scenario["outcome"] == "failed"
    [finding] = scenario["findings"]
    assert finding["file"] == "crates/hyperswitch_connectors/src/connectors/samplepay.rs"
    assert finding["line"] == header
    assert "build_request" in finding["hint"]
    # The plan ticks "Implement Capture flow", so that claim fails too; nothing else does.
    failed = sorted(s["scenario"] for s in connector["scenarios"] if s["outcome"] == "failed")
    assert failed == ["Capture flow is implemented when its features call for it",
                      "Every step ticked done is backed by an implemented flow"]
    assert f"samplepay.rs:{header}" in proc.stdout


def test_several_connectors_get_their_own_items(tmp_path: Path) -> None:
    proc, report = run_features(tmp_path, "--connector", "samplepay", "--connector", "acme_pay", "-v")
    assert report is not None
    assert "[samplepay]" in proc.stdout and "[acme_pay]" in proc.stdout
    by_name = {c["name"]: c for c in report["connectors"]}
    assert by_name["acme_pay"]["type"] == "AcmePay"
    acme_flows = {f["flow"]: f for f in by_name["acme_pay"]["flows"]}
    # acme_pay has no plan: the six core flows are selected, and it implements them.
    assert [f for f, row in acme_flows.items() if row["selected"]] == [
        "authorize", "cancel", "capture", "psync", "refund", "rsync"]
    assert acme_flows["access_token"]["status"] == "default"
    assert acme_flows["preprocessing"]["file"] == "crates/hyperswitch_connectors/src/default_implementations.rs"
    assert proc.returncode == 0, proc.stdout
    assert len(by_name["acme_pay"]["scenarios"]) == len(by_name["samplepay"]["scenarios"]) == SCENARIOS


def test_grouped_items_keep_per_connector_results(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    proc, report = run_features(tmp_path, "--all-connectors", "--flows", "access_token")
    assert report is not None
    by_name = {c["name"]: c for c in report["connectors"]}
    # acme_pay's access_token impl is empty: only its scenario fails, samplepay's passes.
    outcome = {n: next(s["outcome"] for s in c["scenarios"] if "flow-access_token" in s["tags"])
               for n, c in by_name.items()}
    assert outcome == {"acme_pay": "failed", "samplepay": "passed"}
    assert proc.returncode == 1


def test_registration_point_removed_fails_the_run_at_its_file(tmp_path: Path) -> None:
    hs = copy_sample(tmp_path)
    rel = "crates/router/src/types/api/feature_matrix.rs"
    path = hs / rel
    path.write_text(path.read_text().replace("enums::Connector::Samplepay =>",
                                             "enums::Connector::Cardinal | enums::Connector::Stripe =>"))
    proc, report = run_features(tmp_path, "--hs-repo", str(hs), "--connector", "samplepay")
    assert proc.returncode == 1
    assert report is not None
    [connector] = report["connectors"]
    failed = [s for s in connector["scenarios"] if s["outcome"] == "failed"]
    assert [s["tags"] for s in failed] == [["P11", "error", "registration"]]
    assert failed[0]["findings"][0]["file"] == rel


def test_warning_scenarios_fail_only_with_fail_on_warning(tmp_path: Path) -> None:
    hs = copy_sample(tmp_path)
    (hs / "crates/router/tests/connectors/sample_auth.toml").write_text("[acme_pay]\napi_key = 'x'\n")
    proc, report = run_features(tmp_path, "--hs-repo", str(hs), "--connector", "samplepay")
    assert proc.returncode == 0, proc.stdout
    assert report is not None
    [scenario] = [s for s in report["connectors"][0]["scenarios"] if "P19" in s["tags"]]
    assert (scenario["severity"], scenario["outcome"]) == ("warning", "failed")
    assert "ComplianceWarning" in proc.stdout
    proc, _ = run_features(tmp_path, "--hs-repo", str(hs), "--connector", "samplepay", "--fail-on", "warning")
    assert proc.returncode == 1


def test_preparation_skipped_without_grace_folder_unless_required(tmp_path: Path) -> None:
    hs = copy_sample(tmp_path)
    shutil.rmtree(hs / "grace")
    proc, report = run_features(tmp_path, "--hs-repo", str(hs), "--connector", "samplepay", "-m", "preparation")
    assert proc.returncode == 0, proc.stdout
    assert report is not None
    scenarios = [s for s in report["connectors"][0]["scenarios"] if "preparation" in s["tags"]]
    assert {s["outcome"] for s in scenarios} == {"skipped"}
    assert all("--require-docs" in s["reason"] for s in scenarios)
    proc, report = run_features(tmp_path, "--hs-repo", str(hs), "--connector", "samplepay", "-m", "preparation",
                                "--require-docs")
    assert proc.returncode == 1
    assert report is not None
    failed = [s["scenario"] for s in report["connectors"][0]["scenarios"] if s["outcome"] == "failed"]
    assert failed == ["The tech spec exists", "The implementation plan exists"]


def test_waived_failure_is_waived_not_passed(tmp_path: Path) -> None:
    hs = copy_sample(tmp_path)
    (hs / ".connector-compliance.toml").write_text(
        '[[waiver]]\nconnector = "acme_pay"\ntag = "flow-access_token"\n'
        f'justification = "AcmePay issues no tokens; HS-1"\nexpires = {SOON}\n'
        '[[waiver]]\nconnector = "samplepay"\nscenario = "Capture flow is implemented when its features call for it"\n'
        f'justification = "unused on purpose"\nexpires = {SOON}\n')
    proc, report = run_features(tmp_path, "--hs-repo", str(hs), "--connector", "acme_pay", "--connector",
                                "samplepay", "--flows", "access_token,capture", "-m", "flows")
    assert proc.returncode == 0, proc.stdout
    assert report is not None
    acme = next(c for c in report["connectors"] if c["name"] == "acme_pay")
    [waived] = [s for s in acme["scenarios"] if "flow-access_token" in s["tags"]]
    assert (waived["outcome"], waived["reason"]) == ("waived", "AcmePay issues no tokens; HS-1")
    assert [w["status"] for w in report["waivers"]] == ["applied", "unused"]


def test_expired_waiver_fails_the_run(tmp_path: Path) -> None:
    hs = copy_sample(tmp_path)
    (hs / ".connector-compliance.toml").write_text(
        '[[waiver]]\nconnector = "acme_pay"\ntag = "flow-access_token"\njustification = "an old reason, HS-2"\n'
        'expires = 2001-01-01\n')
    proc, report = run_features(tmp_path, "--hs-repo", str(hs), "--connector", "acme_pay", "--flows", "authorize")
    assert report is not None and report["waivers"][0]["status"] == "expired"
    assert proc.returncode == 1


def test_waiver_file_names_selected_flows(tmp_path: Path) -> None:
    hs = copy_sample(tmp_path)
    shutil.rmtree(hs / "grace")
    (hs / ".connector-compliance.toml").write_text('[connectors.acme_pay]\nflows = ["authorize", "refund"]\n')
    _, report = run_features(tmp_path, "--hs-repo", str(hs), "--connector", "acme_pay")
    assert report is not None
    assert report["connectors"][0]["selection"] == {"flows": ["authorize", "refund"],
                                                    "source": str(hs / ".connector-compliance.toml")}


def test_waiver_without_justification_exits_2(tmp_path: Path) -> None:
    hs = copy_sample(tmp_path)
    (hs / ".connector-compliance.toml").write_text('[[waiver]]\nconnector = "acme_pay"\ntag = "flow-cancel"\n')
    proc, report = run_features(tmp_path, "--hs-repo", str(hs), "--connector", "acme_pay")
    assert proc.returncode == 2 and "justification must be" in proc.stderr and report is None


def test_changed_since_with_no_connector_touched_runs_only_the_run_level_scenarios(tmp_path: Path) -> None:
    hs = copy_sample(tmp_path)
    for args in (["init", "-q"], ["add", "."], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x"]):
        subprocess.run(["git", "-C", str(hs), *args], check=True)
    proc, report = run_features(tmp_path, "--hs-repo", str(hs), "--changed-since", "HEAD")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "no connector is concerned by the change" in proc.stdout
    assert report is not None and report["connectors"] == []
    assert [s["outcome"] for s in report["run_scenarios"]] == ["passed", "passed"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--hs-repo", "/nonexistent/hs"], "does not exist"),
        (["--hs-repo", "/tmp"], "not a Hyperswitch checkout"),
        (["--connector", "samplepai"], "did you mean samplepay"),
        (["--connector", "Sample-Pay"], "[a-z0-9_]+"),
        (["--flows", "authorise"], "did you mean authorize"),

    ],
)
def test_bad_input_exits_2_with_one_clear_message(tmp_path: Path, args: list[str], message: str) -> None:
    proc, report = run_features(tmp_path, *args)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    assert report is None


def test_other_checkout_needs_a_connector_name(tmp_path: Path) -> None:
    proc, report = run_features(tmp_path, "--hs-repo", str(copy_sample(tmp_path)))
    assert proc.returncode == 2
    assert "--connector NAME" in proc.stderr
    assert report is None


def test_harness_never_writes_into_the_target(tmp_path: Path) -> None:
    hs = copy_sample(tmp_path)
    before = sorted(p.relative_to(hs) for p in hs.rglob("*"))
    run_features(tmp_path, "--hs-repo", str(hs), "--connector", "samplepay")
    assert sorted(p.relative_to(hs) for p in hs.rglob("*")) == before
