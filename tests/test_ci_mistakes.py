"""The three CI mistakes (no `features/`, the space form of an option, a run inside the target), made by
scripts/ci_mistakes.sh exactly as a CI job makes them: each job ends non-zero with a one-line reason."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .sample_copy import copy_sample, edit

pytestmark = pytest.mark.slow  # four harness subprocesses

HARNESS = Path(__file__).resolve().parent.parent
PREFIX = "connector-compliance: "


def test_each_ci_mistake_gets_a_non_zero_exit_and_a_one_line_reason(tmp_path: Path) -> None:
    target = copy_sample(tmp_path / "hs")
    # the PR under review breaks one registration point, so a job that checks anything must fail
    edit(target, "config/development.toml", 'samplepay.base_url = "https://api.samplepay.test/"\n', "")
    for args in (["init", "-q"], ["add", "."], ["commit", "-qm", "pr"]):
        subprocess.run(["git", "-C", str(target), "-c", "user.name=t", "-c", "user.email=t@t", *args], check=True)
    proc = subprocess.run(["bash", str(HARNESS / "scripts" / "ci_mistakes.sh"), str(target), "samplepay",
                           sys.executable], capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    jobs = dict(line.split(": ", 1) for line in proc.stdout.splitlines())
    reason = "exit 1: " + PREFIX + "exit 1: 1 @error scenario failed (samplepay): Every config with a [connectors] " \
                                   "table sets the connector's base_url"
    assert jobs["no-features"] == (f"exit 2: {PREFIX}--hs-repo, --connector, --no-cargo given, but no compliance "
                                   f"scenario was collected: name the scenarios, e.g. `pytest features/ --hs-repo "
                                   f"{target} --connector samplepay --no-cargo`")
    assert jobs["space-form"] == reason  # parsed, ran, and failed for the right reason
    assert jobs["inside-target"] == reason
    assert jobs["inside-target-report-dir"].startswith(f"exit 2: {PREFIX}--report-dir compliance-report lies "
                                                       f"inside the target checkout {target}")
    assert jobs["git status in the target"] == "clean"
    assert (tmp_path / "compliance-report" / "compliance.json").is_file()  # the default, moved beside the checkout
