"""Policy from the base: with --changed-since, waivers, flow overrides and plans come from the merge base's git
objects; what the pull request changes there is a note for a maintainer and does not apply."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from connector_compliance.checks.core.errors import UsageError
from connector_compliance.checks.run.context import build_run_context
from connector_compliance.checks.run.options import RunOptions

from .hostile_cases import MAIN_RS, PLAN, WAIVERS, git
from .sample_copy import copy_sample

pytestmark = pytest.mark.slow  # git histories and whole gate runs: end to end

SOON = (dt.date.today() + dt.timedelta(days=30)).isoformat()
BASE_WAIVER = (f'[[waiver]]\nconnector = "samplepay"\nscenario = "The connector\'s own files exist"\n'
               f'justification = "accepted by the maintainers, HS-7"\nexpires = {SOON}\n')


def _commit(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-qm", message)


@pytest.fixture
def repo_with_base(tmp_path: Path) -> Path:
    root = copy_sample(tmp_path / "hs")
    (root / WAIVERS).write_text(BASE_WAIVER)
    git(root, "init", "-q", "-b", "main")
    _commit(root, "base")
    git(root, "checkout", "-q", "-b", "pr")
    return root


def _run(root: Path, ref: str = "main"):  # type: ignore[no-untyped-def]
    return build_run_context(RunOptions(hs_repo=root, changed_since=ref))


def test_the_bases_waivers_apply_and_the_prs_edits_are_only_reported(repo_with_base: Path) -> None:
    root = repo_with_base
    (root / MAIN_RS).write_text((root / MAIN_RS).read_text() + "\n// touched\n")
    (root / WAIVERS).write_text(BASE_WAIVER.replace("own files exist", "Rust files parse"))
    _commit(root, "pr")
    run = _run(root)
    assert [w.scenario for w in run.waivers.waivers] == ["The connector's own files exist"]
    [note] = run.policy_notes
    assert note.startswith("waivers/selection changed by this PR — needs a maintainer's review")
    assert "adds waiver samplepay / scenario \"The connector's Rust files parse\"" in note


def test_a_pr_that_adds_no_policy_change_has_no_note(repo_with_base: Path) -> None:
    root = repo_with_base
    (root / MAIN_RS).write_text((root / MAIN_RS).read_text() + "\n// touched\n")
    _commit(root, "pr")
    run = _run(root)
    assert run.policy_notes == [] and len(run.waivers.waivers) == 1
    assert run.selections["samplepay"].source.startswith(f"{PLAN} at the base ")


def test_a_pr_plan_may_add_flows_but_not_drop_them(repo_with_base: Path) -> None:
    root = repo_with_base
    plan = (root / PLAN).read_text()
    (root / PLAN).write_text("\n".join(line for line in plan.splitlines() if "Refund" not in line) + "\n")
    _commit(root, "pr")
    run = _run(root)
    assert "refund" in run.selections["samplepay"].flows
    assert any("drops refund (still checked)" in note for note in run.policy_notes)


def test_a_pr_flow_override_does_not_apply(repo_with_base: Path) -> None:
    root = repo_with_base
    (root / WAIVERS).write_text(BASE_WAIVER + '[connectors.samplepay]\nflows = ["authorize"]\n')
    (root / MAIN_RS).write_text((root / MAIN_RS).read_text() + "\n// touched\n")
    _commit(root, "pr")
    run = _run(root)
    assert len(run.selections["samplepay"].flows) > 1
    assert any("changes [connectors.samplepay] flows" in note for note in run.policy_notes)


def test_a_ref_that_is_a_git_option_is_refused_and_git_writes_nothing(repo_with_base: Path, tmp_path: Path) -> None:
    target = tmp_path / "pwned"
    with pytest.raises(UsageError, match="is not a revision"):
        _run(repo_with_base, f"--output={target}")
    with pytest.raises(UsageError, match="unknown revision"):
        _run(repo_with_base, f"x --output={target}")
    assert not target.exists()


def test_a_waiver_file_outside_the_checkout_is_an_option_and_applies(repo_with_base: Path, tmp_path: Path) -> None:
    root = repo_with_base
    (root / MAIN_RS).write_text((root / MAIN_RS).read_text() + "\n// touched\n")
    _commit(root, "pr")
    outside = tmp_path / "waivers.toml"
    outside.write_text(BASE_WAIVER.replace("own files exist", "Rust files parse")
                       + '[connectors.samplepay]\nflows = ["authorize"]\n')
    run = build_run_context(RunOptions(hs_repo=root, changed_since="main", waivers=outside))
    assert [w.scenario for w in run.waivers.waivers] == ["The connector's Rust files parse"]
    assert run.selections["samplepay"].flows == ("authorize",) and run.policy_notes == []
