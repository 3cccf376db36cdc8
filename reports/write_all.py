"""Every file report of a run in one call: compliance.json, compliance.html, summary.md, compliance.sarif, and the
step summary. Annotations are printed, not written (see `reports.annotations.github_annotations`).
"""

from __future__ import annotations

import gc
import os
import warnings
from collections.abc import Callable, Mapping
from pathlib import Path

from .html import write_html
from .json_report import write_json
from .markdown import MAX_CHARS, render_markdown, write_markdown
from .model import ComplianceReport
from .sarif import write_sarif

STEP_SUMMARY_BYTES = 1_000_000  # GitHub's step-summary limit is 1 MiB (1,048,576 bytes); keep a margin


def run_url(env: Mapping[str, str]) -> str | None:
    """The GitHub Actions run page (its artifacts are listed there), when running in GitHub Actions."""
    server, repo, run = env.get("GITHUB_SERVER_URL"), env.get("GITHUB_REPOSITORY"), env.get("GITHUB_RUN_ID")
    return f"{server}/{repo}/actions/runs/{run}" if server and repo and run else None


def run_id(env: Mapping[str, str]) -> str | None:
    """This run's id for SARIF automationDetails: the Actions run (and attempt), else None (the commit)."""
    run = env.get("GITHUB_RUN_ID")
    if not run:
        return None
    attempt = env.get("GITHUB_RUN_ATTEMPT")
    return f"{run}-{attempt}" if attempt else run


def append_step_summary(report: ComplianceReport, env: Mapping[str, str]) -> Path | None:
    """Append the summary to `$GITHUB_STEP_SUMMARY` when it is set, within what is left of GitHub's 1 MiB (a
    UTF-8 character is at most 4 bytes)."""
    target = env.get("GITHUB_STEP_SUMMARY")
    if not target:
        return None
    path = Path(target)
    used = path.stat().st_size if path.is_file() else 0
    budget = STEP_SUMMARY_BYTES - used
    if budget < 2_000:  # not even the header fits: leave the summary to other steps rather than break it
        return None
    with path.open("a", encoding="utf-8") as handle:
        summary = render_markdown(report, max_chars=min(MAX_CHARS, (budget - 1) // 4), artifact_url=run_url(env))
        handle.write(("\n" if used else "") + summary)
    return path


def write_every_report(report: ComplianceReport, report_dir: Path, env: Mapping[str, str], fork: bool = True,
                       meanwhile: Callable[[], None] = lambda: None) -> list[Path]:
    """Every report file, and the step summary when `env` asks for it. With `fork` (and where the OS has it), a
    child process writes compliance.json, summary.md and compliance.sarif while this one writes compliance.html
    and runs `meanwhile` (the terminal summary's rendering): on a whole tree the two halves cost about the same.
    The files are the same either way. When the child cannot start or fails, its files are written here, so an
    error surfaces where the run reports it."""
    child = _start_child(report, report_dir, env) if fork else None
    html = write_html(report, report_dir)
    meanwhile()
    if child is None or os.waitstatus_to_exitcode(os.waitpid(child, 0)[1]) != 0:
        _write_childs_share(report, report_dir, env)
    written = [report_dir / "compliance.json", html, report_dir / "summary.md", report_dir / "compliance.sarif"]
    summary = append_step_summary(report, env)
    return [*written, summary] if summary is not None else written


def _write_childs_share(report: ComplianceReport, report_dir: Path, env: Mapping[str, str]) -> None:
    write_json(report, report_dir)
    write_markdown(report, report_dir, artifact_url=run_url(env))
    write_sarif(report, report_dir, run_id=run_id(env))


def _start_child(report: ComplianceReport, report_dir: Path, env: Mapping[str, str]) -> int | None:
    if not hasattr(os, "fork"):
        return None
    try:
        with warnings.catch_warnings():  # Python 3.12 warns of fork in a threaded process (rich's refresh thread)
            warnings.simplefilter("ignore", DeprecationWarning)
            pid = os.fork()
    except OSError:
        return None
    if pid:
        return pid
    code = 1
    try:
        gc.disable()  # a short-lived copy: collecting would only touch (and so copy) the parent's pages
        _write_childs_share(report, report_dir, env)
        code = 0
    finally:
        os._exit(code)  # no atexit handlers, no pytest or rich teardown in a forked copy
