"""write_every_report: the four files (the JSON, Markdown and SARIF ones from a forked child, or here when it
cannot), and the step summary appended when `$GITHUB_STEP_SUMMARY` is set."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from connector_compliance.reports import write_all
from connector_compliance.reports.json_report import write_json
from connector_compliance.reports.write_all import (
    STEP_SUMMARY_BYTES,
    run_id,
    run_url,
    write_every_report,
)

from .report_samples import failing_report, passing_report

GITHUB_ENV = {"GITHUB_ACTIONS": "true", "GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "o/r",
              "GITHUB_RUN_ID": "99", "GITHUB_RUN_ATTEMPT": "2"}


def test_writes_json_html_markdown_and_sarif(tmp_path: Path) -> None:
    report_dir = tmp_path / "new" / "dir"
    paths = write_every_report(failing_report(), report_dir, {}, fork=False)
    assert [p.name for p in paths] == ["compliance.json", "compliance.html", "summary.md", "compliance.sarif"]
    assert all(p.parent == report_dir and p.stat().st_size > 0 for p in paths)
    sarif = json.loads((report_dir / "compliance.sarif").read_text(encoding="utf-8"))
    assert sarif["runs"][0]["automationDetails"]["id"] == "connector-compliance/local"


def test_appends_the_summary_to_the_step_summary(tmp_path: Path) -> None:
    step_summary = tmp_path / "step_summary.md"
    step_summary.write_text("# earlier step output\n", encoding="utf-8")
    paths = write_every_report(failing_report(), tmp_path / "r",
                               {**GITHUB_ENV, "GITHUB_STEP_SUMMARY": str(step_summary)})
    assert paths[-1] == step_summary
    content = step_summary.read_text(encoding="utf-8")
    assert content.startswith("# earlier step output\n\n## connector-compliance")
    assert "[the run's artifacts](https://github.com/o/r/actions/runs/99)" in content
    assert len(content.encode("utf-8")) <= STEP_SUMMARY_BYTES
    sarif = json.loads((tmp_path / "r" / "compliance.sarif").read_text(encoding="utf-8"))
    assert sarif["runs"][0]["automationDetails"]["id"] == "connector-compliance/99-2"


def test_a_full_step_summary_is_left_alone(tmp_path: Path) -> None:
    step_summary = tmp_path / "full.md"
    step_summary.write_bytes(b"x" * (STEP_SUMMARY_BYTES - 100))
    paths = write_every_report(passing_report(), tmp_path / "r", {"GITHUB_STEP_SUMMARY": str(step_summary)})
    assert step_summary not in paths and step_summary.stat().st_size == STEP_SUMMARY_BYTES - 100


def test_run_url_and_id_need_github_variables() -> None:
    assert run_url({}) is None and run_id({}) is None
    assert run_url(GITHUB_ENV) == "https://github.com/o/r/actions/runs/99"
    assert run_id({"GITHUB_RUN_ID": "5"}) == "5"


def test_every_report_writes_the_json_a_direct_write_would(tmp_path: Path) -> None:
    report = failing_report()
    paths = write_every_report(report, tmp_path / "forked", {})
    assert [p.name for p in paths] == ["compliance.json", "compliance.html", "summary.md", "compliance.sarif"]
    direct = write_json(report, tmp_path / "direct")
    assert paths[0].read_bytes() == direct.read_bytes()
    assert not [p for p in (tmp_path / "forked").iterdir() if p.name.startswith(".")]  # no temporary left


@pytest.mark.parametrize("how", ["child writes", "no fork", "child fails", "one process"])
def test_the_json_is_written_here_only_when_the_child_cannot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             how: str) -> None:
    parent, here = os.getpid(), []
    direct = write_all.write_json

    def recorded(*args: object) -> Path:
        if os.getpid() == parent:
            here.append(args)
        elif how == "child fails":
            raise OSError("disk full in the child")
        return direct(*args)  # type: ignore[arg-type]

    def refuse() -> int:
        raise OSError("fork refused")

    monkeypatch.setattr(write_all, "write_json", recorded)
    if how == "no fork":
        monkeypatch.setattr(write_all.os, "fork", refuse)
    paths = write_every_report(failing_report(), tmp_path, {}, fork=how != "one process")
    assert json.loads(paths[0].read_text(encoding="utf-8"))["connectors"]
    assert len(here) == (0 if how == "child writes" else 1)
