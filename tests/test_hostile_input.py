"""Hostile pull requests (tests/hostile_cases.py): each ends with its documented exit code and a one-line reason,
no marker string from outside the checkout reaches stdout, stderr or any report, no stdout line is a GitHub
workflow command the harness did not write, and the reports stay small. Time and memory are measured by
`scripts/benchmark.py --hostile`, not asserted here."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .hostile_cases import CASES, ENV_MARKER, MARKER, Hostile, Outcome, run_case

pytestmark = pytest.mark.slow  # each case is a whole harness subprocess

# The harness's own annotations always carry properties (file=..., title=...); anything else starting a line with
# `::` would be a workflow command smuggled in by the target.
OWN_ANNOTATION = re.compile(r"::(error|warning|notice) (file|title)=[^:]*::")
REPORT_LIMITS = {"compliance.html": 5_000_000, "compliance.json": 10_000_000, "compliance.sarif": 10_000_000,
                 "summary.md": 1_048_576}
STDOUT_LIMIT = 2_000_000


def findings_and_policy(outcome: Outcome) -> str:
    report = json.loads(outcome.files["compliance.json"])
    lines = [f["message"] for c in report["connectors"] for s in c["scenarios"] for f in s["findings"]]
    lines += [f["message"] for f in report.get("run_findings", [])]  # shared files are judged once per run
    return "\n".join([*lines, *report.get("policy", [])])


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_hostile_input(tmp_path: Path, case: Hostile) -> None:
    outcome = run_case(case, tmp_path)
    output = outcome.stdout + outcome.stderr
    assert outcome.code == case.exit_code, output[-3000:]
    assert "Traceback" not in output and "INTERNALERROR" not in output, output[-3000:]
    if case.exit_code == 2:
        # One message, on one line (pytest may repeat it in its own exit banner on stdout).
        messages = [line for line in outcome.stderr.splitlines() if "connector-compliance: " in line]
        assert messages and case.reason in messages[-1], outcome.stderr
        assert "compliance.json" not in outcome.files  # bad input writes no report
    else:
        assert case.reason in findings_and_policy(outcome)
    for blob in [output.encode(), *outcome.files.values()]:
        assert MARKER.encode() not in blob and ENV_MARKER.encode() not in blob
    for line in outcome.stdout.splitlines():
        stripped = line.lstrip()
        assert not stripped.startswith("::") or OWN_ANNOTATION.match(stripped), line
        assert "##[" not in line, line
    for name, limit in REPORT_LIMITS.items():
        assert len(outcome.files.get(name, b"")) <= limit, (name, len(outcome.files.get(name, b"")))
    assert len(outcome.stdout) <= STDOUT_LIMIT


def test_a_planted_report_file_symlink_is_replaced_not_written_through(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    report_dir = tmp_path / "report"
    report_dir.mkdir()
    for name in ("summary.md", "compliance.json", "compliance.html", "compliance.sarif"):
        (report_dir / name).symlink_to(victim)
    outcome = run_case(CASES[0], tmp_path)
    assert outcome.code == 1
    assert victim.read_text() == "keep me\n"
    assert not any((report_dir / name).is_symlink() for name in REPORT_LIMITS)
