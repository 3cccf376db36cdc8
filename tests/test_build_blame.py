"""With real cargo, on copies of the sample that carry a pull-request CI (tests/ci_sample.py): the configuration
CI builds is the one used; an error outside the connector's files is not the connector's; the same error at the
base commit is pre-existing, a new one is the change's."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from connector_compliance.checks.cargo.baseline import BaseCommit
from connector_compliance.checks.cargo.plan import DEFAULT_CARGO_ARGS
from connector_compliance.checks.cargo.session import CargoSession, CargoSettings
from connector_compliance.checks.core.finding import Finding
from connector_compliance.checks.core.registry import rule
from connector_compliance.checks.core.rule import Scope
from connector_compliance.checks.run import git_tree
from connector_compliance.checks.target.repository import Repository

from .ci_sample import DOMAIN_LIB, OLAP_ONLY, WORKFLOW, commit_all, with_ci
from .sample_copy import copy_sample, edit, line_containing
from .test_build_features import run_features

pytestmark = [pytest.mark.slow, pytest.mark.skipif(shutil.which("cargo") is None, reason="cargo is not installed")]

MAIN = "crates/hyperswitch_connectors/src/connectors/samplepay.rs"
SHARED = "crates/hyperswitch_interfaces/src/lib.rs"
BROKEN = "pub fn broken_in_shared_code() -> u8 {\n    \"not a number\"\n}\n"


def judge(root: Path, tmp_path: Path, rule_id: str, **settings: object) -> tuple[str | None, list, CargoSession]:
    session = CargoSession(root, CargoSettings(cache_dir=tmp_path / "cache", **settings))  # type: ignore[arg-type]
    repo = Repository(root)
    found = rule(rule_id)
    return (found.skip_reason(Scope(repo, "samplepay", cargo=session)), found.check(repo, "samplepay", cargo=session),
            session)


def base_of(root: Path, ref: str) -> BaseCommit:
    """What the run's baseline hands the cargo session for `--baseline REF`."""
    commit = git_tree.merge_base(root, ref, "--baseline")
    return BaseCommit(commit, frozenset(git_tree.changed_files(root, commit, "--baseline")), "--baseline")


def test_the_ci_configuration_builds_where_the_old_default_cannot(tmp_path: Path) -> None:
    hs = with_ci(copy_sample(tmp_path / "hs"))
    reason, findings, session = judge(hs, tmp_path, "build.compiles", cargo_args=DEFAULT_CARGO_ARGS)
    line = line_containing(hs, DOMAIN_LIB, OLAP_ONLY)
    assert findings == [] and reason is not None
    assert reason.startswith("samplepay's code was not reached: the workspace does not build in this configuration")
    assert f"first: {DOMAIN_LIB}:{line} E0425 cannot find type `Listing`" in reason
    reason, findings, session = judge(hs, tmp_path, "build.compiles")
    assert (reason, findings) == (None, [])
    assert session.plan.source == "ci" and session.plan.read_from[0].startswith(f"{WORKFLOW}:")
    assert judge(hs, tmp_path, "build.registration")[:2] == (None, [])


def test_an_error_in_shared_code_is_not_the_connectors(tmp_path: Path) -> None:
    hs = with_ci(copy_sample(tmp_path / "hs"))
    lib = hs / SHARED
    lib.write_text(lib.read_text(encoding="utf-8") + BROKEN, encoding="utf-8")
    line = line_containing(hs, SHARED, '"not a number"')
    for rule_id, what in (("build.compiles", "samplepay's code"), ("build.registration", "samplepay's registration")):
        reason, findings, _ = judge(hs, tmp_path, rule_id)
        assert findings == [], rule_id
        assert reason is not None and reason.startswith(f"{what} was not reached: the workspace does not build")
        assert f"first: {SHARED}:{line} E0308 mismatched types" in reason


def shared_error_against_base(root: Path, tmp_path: Path, base: str) -> tuple[Finding, CargoSession]:
    """The check with the parent commit as the base: one finding, at the shared file's broken line, not skipped."""
    reason, findings, session = judge(root, tmp_path, "build.compiles", base=base_of(root, "HEAD~1"))
    assert reason is None
    [finding] = findings
    assert (finding.file, finding.line) == (SHARED, line_containing(root, SHARED, '"not a number"'))
    assert finding.extra["code"] == "E0308" and finding.extra["base"] == base
    assert finding.extra["changed_by_this_change"] is True  # both changes modify the shared file
    return finding, session


def test_the_same_error_at_the_base_is_pre_existing_and_a_new_one_is_the_changes(tmp_path: Path) -> None:
    hs = with_ci(copy_sample(tmp_path / "hs"))
    lib = hs / SHARED
    clean = lib.read_text(encoding="utf-8")
    lib.write_text(clean + BROKEN, encoding="utf-8")
    base = commit_all(hs, "base: shared code already broken")
    # The change touches the connector and moves the broken lines down: same code, file and message, other line.
    edit(hs, MAIN, "impl api::PaymentVoid for Samplepay {}", "impl api::PaymentVoid for Samplepay {}\n// touched")
    lib.write_text(clean + "\n\n\n" + BROKEN, encoding="utf-8")
    commit_all(hs, "the change")
    finding, session = shared_error_against_base(hs, tmp_path, base)
    assert finding.extra["baseline"] == "pre-existing"
    assert finding.hint.startswith(f"pre-existing: the base commit {base[:12]} fails the same way; samplepay's "
                                   "code was not reached: the workspace does not build in this configuration")
    assert [r.purpose for r in session.records] == ["check", f"check at base {base[:12]}"]

    # A change that breaks the shared code where its base built: charged, at the error's file and line.
    fresh = with_ci(copy_sample(tmp_path / "fresh"))
    base = commit_all(fresh, "base: builds")
    (fresh / SHARED).write_text(clean + BROKEN, encoding="utf-8")
    commit_all(fresh, "the change breaks shared code")
    finding, _ = shared_error_against_base(fresh, tmp_path, base)
    assert finding.extra["baseline"] == "new"
    assert finding.hint.startswith(f"new since the base commit {base[:12]} (in a file this change modifies)")


def test_a_features_run_reports_the_configuration_and_the_pre_existing_error(tmp_path: Path) -> None:
    hs = with_ci(copy_sample(tmp_path / "hs"))
    lib = hs / SHARED
    lib.write_text(lib.read_text(encoding="utf-8") + BROKEN, encoding="utf-8")
    commit_all(hs, "base")
    edit(hs, MAIN, "impl api::PaymentVoid for Samplepay {}", "impl api::PaymentVoid for Samplepay {}\n// touched")
    commit_all(hs, "change")
    run = run_features(tmp_path, hs, "-m", "build-check or build-registration", "--changed-since", "HEAD~1")
    assert run.proc.returncode == 0, run.proc.stdout + run.proc.stderr
    scenarios = run.scenarios()
    line = line_containing(hs, SHARED, '"not a number"')
    for tag in ("build-check", "build-registration"):
        scenario = scenarios[tag]
        assert scenario["outcome"] == "pre-existing", scenario
        [finding] = scenario["findings"]
        assert (finding["file"], finding["line"], finding["status"]) == (SHARED, line, "pre-existing")
        assert "was not reached: the workspace does not build in this configuration" in finding["hint"]
    assert run.cargo is not None
    configuration = run.cargo["configuration"]
    assert configuration["source"] == "ci"
    assert configuration["read_from"][0] == f"{WORKFLOW}:{line_containing(hs, WORKFLOW, 'cargo check --features')}"
    [check, at_base] = run.cargo["commands"]
    assert check["used_by"] == ["check", "registration"] and check["errors"] == 1
    assert check["first_error"].startswith(f"{SHARED}:")
    assert at_base["purpose"].startswith("check at base ")
    assert run.cargo["cargo_started"] == 2
    again = run_features(tmp_path, hs, "-m", "build-check or build-registration", "--changed-since", "HEAD~1",
                         name="again")
    assert again.cargo is not None and again.cargo["cargo_started"] == 0, json.dumps(again.cargo, indent=1)
