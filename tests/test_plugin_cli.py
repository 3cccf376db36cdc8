"""The harness as a pytest plugin, run the ways a user or a CI author runs it (in-process, through pytester): both
option forms from any directory, runs that check nothing, bad input printed once and last, the reason for a
non-zero exit as the last line, infrastructure failures counted as errors, and reports never inside the target."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from .sample_copy import copy_sample, edit

pytestmark = pytest.mark.slow  # whole pytest runs in subprocesses: end to end

HARNESS = Path(__file__).resolve().parent.parent
FEATURES = str(HARNESS / "features")
SAMPLE = HARNESS / "examples" / "sample-hyperswitch"


def last_line(result: pytest.RunResult) -> str:
    """The run's last line on stderr, where the harness prints its one-line reason after pytest's summary."""
    lines = [line for line in result.errlines if line.strip()]
    return lines[-1] if lines else ""


def test_options_parse_in_both_forms_from_any_directory(pytester: pytest.Pytester, tmp_path: Path) -> None:
    # pytester runs in its own empty directory: neither the harness's conftest.py nor its rootdir is around
    for form in (["--hs-repo", str(SAMPLE), "--connector", "acme_pay", "--report-dir", str(tmp_path / "a")],
                 [f"--hs-repo={SAMPLE}", "--connector=acme_pay", f"--report-dir={tmp_path / 'b'}"]):
        result = pytester.runpytest_inprocess(FEATURES, *form, "--no-cargo", "-m", "flow-authorize")
        assert result.ret == 0, result.outlines + result.errlines
        result.assert_outcomes(passed=1)
    for out in ("a", "b"):
        [connector] = json.loads((tmp_path / out / "compliance.json").read_text())["connectors"]
        assert connector["name"] == "acme_pay"


@pytest.mark.parametrize("with_tests", [True, False], ids=["other-tests", "nothing"])
def test_compliance_option_without_scenarios_exits_2_naming_pytest_features(pytester: pytest.Pytester,
                                                                            with_tests: bool) -> None:
    if with_tests:  # like `pytest --hs-repo X` in the harness's root: its own tests are collected instead
        pytester.makepyfile(test_other="def test_other():\n    pass\n")
    result = pytester.runpytest_inprocess("--hs-repo", str(SAMPLE), "--connector", "samplepay")
    assert result.ret == 2
    reason = last_line(result)
    assert "--hs-repo, --connector given, but no compliance scenario was collected" in reason
    assert f"`pytest {FEATURES}/ --hs-repo {SAMPLE} --connector samplepay`" in reason
    assert result.parseoutcomes().get("passed") is None  # the other test did not run


def test_from_the_harness_root_the_message_names_pytest_features(pytester: pytest.Pytester,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(HARNESS)
    result = pytester.runpytest_inprocess("--hs-repo", str(SAMPLE), "--co", "tests/test_report_sections.py")
    assert result.ret == 2
    assert "`pytest features/ --hs-repo" in last_line(result)


def test_every_scenario_deselected_exits_2(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest_inprocess(FEATURES, "--no-cargo", "-k", "no_scenario_is_called_this")
    assert result.ret == 2
    assert "-m/-k deselected all" in last_line(result) and "nothing was checked" in last_line(result)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--connector", "SamplePay"], "connector name 'SamplePay' is not a module name"),
        (["--hs-repo", str(SAMPLE / "crates")], f"did you mean --hs-repo {SAMPLE}?"),
        (["--flows", "authorise"], "did you mean authorize"),
        (["--jobs", "0"], "--jobs must be 1 or more"),
    ],
)
def test_bad_input_is_one_message_printed_once_and_last(pytester: pytest.Pytester, args: list[str],
                                                        message: str) -> None:
    result = pytester.runpytest_inprocess(FEATURES, *args, "--no-cargo")
    assert result.ret == 2
    output = "\n".join(result.outlines + result.errlines)
    assert output.count(message) == 1, output
    assert message in last_line(result)
    assert "Traceback" not in output and "_pytest.outcomes.Exit" not in output


def test_connector_suggestion_for_a_capitalised_name(tmp_path: Path) -> None:
    from connector_compliance.checks.core.errors import UsageError
    from connector_compliance.checks.target.repository import Repository

    repo = Repository(SAMPLE)
    with pytest.raises(UsageError, match=r"did you mean samplepay\?"):
        repo.connector("SamplePay")
    with pytest.raises(UsageError, match=r"did you mean acme_pay\?"):
        repo.connector("Acme-Pay")


def test_connector_accepts_a_comma_separated_list(pytester: pytest.Pytester, tmp_path: Path) -> None:
    result = pytester.runpytest_inprocess(FEATURES, "--connector", "samplepay,acme_pay", "--no-cargo",
                                          "-m", "flow-authorize", "--report-dir", str(tmp_path / "out"))
    assert result.ret == 0, result.outlines
    report = json.loads((tmp_path / "out" / "compliance.json").read_text())
    assert [c["name"] for c in report["connectors"]] == ["samplepay", "acme_pay"]


def test_failing_run_ends_with_the_reason_in_one_line(pytester: pytest.Pytester, tmp_path: Path) -> None:
    hs = copy_sample(tmp_path / "hs")
    edit(hs, "crates/hyperswitch_connectors/src/connectors.rs", "pub mod acme_pay;", "pub mod acme_pay;\npub mod gone;")
    (hs / ".connector-compliance.toml").write_text(
        '[[waiver]]\nconnector = "acme_pay"\ntag = "flow-access_token"\n'
        'justification = "HS-1 accepted until the bank portal ships"\n'
        'expires = 2001-01-01\n')
    result = pytester.runpytest_inprocess(FEATURES, "--hs-repo", str(hs), "--connector", "gone,acme_pay",
                                          "--no-cargo", "-m", "scaffolding", "--report-dir", str(tmp_path / "out"))
    assert result.ret == 1
    reason = last_line(result)
    assert reason.startswith("connector-compliance: exit 1: ")
    assert "@error scenarios failed (gone): " in reason
    assert "expired waiver: acme_pay / flow-access_token (expired 2001-01-01)" in reason
    # after pytest's own summary line, not before it
    assert result.outlines[-1].lstrip("=").strip().startswith(str(result.parseoutcomes()["failed"]))


def test_infrastructure_failure_is_counted_as_an_error_and_exits_3(pytester: pytest.Pytester, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "no-tools"))  # no cargo, no rustc
    result = pytester.runpytest_inprocess(FEATURES, "-m", "build-check", "--no-cargo-cache",
                                          "--report-dir", str(tmp_path / "out"))
    assert result.ret == 3
    outcomes = result.parseoutcomes()
    assert outcomes.get("errors") == 1 and "failed" not in outcomes, outcomes
    reason = last_line(result)
    assert reason.startswith("connector-compliance: exit 3: no check failed, but 1 scenario could not run: ")
    assert "cargo is not installed" in reason


def test_drift_is_one_line_unless_show_drift(pytester: pytest.Pytester, tmp_path: Path) -> None:
    args = (FEATURES, "--no-cargo", "-m", "flow-authorize", "--report-dir", str(tmp_path / "out"))
    quiet = "\n".join(pytester.runpytest_inprocess(*args).outlines)
    assert len([line for line in quiet.splitlines() if line.startswith("guide drift")]) == 1
    assert "rerun with --show-drift" in quiet
    notes = json.loads((tmp_path / "out" / "compliance.json").read_text())["notes"]
    loud = "\n".join(pytester.runpytest_inprocess(*args, "--show-drift").outlines)
    assert len([line for line in loud.splitlines() if line.startswith("guide drift (")]) == len(notes) > 1


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@t", *args],
                          check=True, capture_output=True, text=True).stdout


def test_a_run_from_inside_the_target_leaves_git_status_clean(pytester: pytest.Pytester, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    hs = copy_sample(tmp_path / "hs")
    git(hs, "init", "-q")
    git(hs, "add", ".")
    git(hs, "commit", "-qm", "base")
    monkeypatch.chdir(hs / "crates")  # a CI step run from the checkout (or below it) with the default --report-dir
    result = pytester.runpytest_inprocess(FEATURES, "--hs-repo", "..", "--connector", "samplepay", "--no-cargo")
    assert result.ret == 0, result.outlines + result.errlines
    assert git(hs, "status", "--porcelain", "--ignored") == ""
    assert (tmp_path / "compliance-report" / "compliance.json").is_file()  # beside the checkout, and it says so
    assert any(f"the reports go to {tmp_path / 'compliance-report'} instead" in line for line in result.outlines)


def test_a_report_dir_inside_the_target_is_refused(pytester: pytest.Pytester, tmp_path: Path) -> None:
    hs = copy_sample(tmp_path / "hs")
    result = pytester.runpytest_inprocess(FEATURES, "--hs-repo", str(hs), "--connector", "samplepay", "--no-cargo",
                                          "--report-dir", str(hs / "reports"))
    assert result.ret == 2
    assert "lies inside the target checkout" in last_line(result)
    assert not (hs / "reports").exists()


def test_forgetting_features_inside_the_target_writes_no_pytest_cache_there(
        pytester: pytest.Pytester, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hs = copy_sample(tmp_path / "hs")
    monkeypatch.chdir(hs)  # pytest takes the space form's `.` for a test path: the target becomes its rootdir
    result = pytester.runpytest_inprocess("--hs-repo", ".", "--connector", "samplepay", "-p", "cacheprovider")
    assert result.ret == 2
    assert not (hs / ".pytest_cache").exists()
    assert sorted(p.name for p in hs.iterdir()) == sorted(p.name for p in SAMPLE.iterdir() if p.name != "target")


def test_a_features_folder_is_recognised_where_the_installed_package_lacks_one(tmp_path: Path) -> None:
    """`pip install ./harness` (not editable) puts the plugin in site-packages without features/: the scenarios the
    command line names are still the harness's, so the options apply to them."""
    from connector_compliance.steps.harness import is_features_dir

    copy = tmp_path / "harness" / "features"
    copy.mkdir(parents=True)
    for source in (HARNESS / "features").iterdir():
        if source.suffix in (".feature", ".py"):
            (copy / source.name).write_text(source.read_text())
    assert is_features_dir(copy) and is_features_dir(HARNESS / "features")
    assert not is_features_dir(HARNESS / "tests") and not is_features_dir(tmp_path)
