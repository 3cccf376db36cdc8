"""The cargo session of a run: created when a cargo scenario first needs it, shown live on the terminal, its
commands written to cargo.json and summarised at the end."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import replace

import pytest
from connector_compliance.checks.cargo.baseline import BaseCommit
from connector_compliance.checks.cargo.progress import ProgressDisplay
from connector_compliance.checks.cargo.runner import CargoCommand, Display, OutputSink
from connector_compliance.checks.cargo.session import CargoSession
from connector_compliance.checks.run.context import RunContext
from connector_compliance.reports.output_file import write_report_file

from .options import cargo_settings

CARGO_REPORT = "cargo.json"


def terminal_display(config: pytest.Config) -> Display:
    """Cargo's output goes to the real terminal even while pytest captures the test's output."""
    progress = ProgressDisplay()

    @contextmanager
    def display(command: CargoCommand) -> Iterator[OutputSink]:
        capture = config.pluginmanager.getplugin("capturemanager")
        suspended: AbstractContextManager[object] = (capture.global_and_fixture_disabled() if capture is not None
                                                     else nullcontext())
        with suspended, progress.open(command, sys.stderr) as sink:
            yield sink

    return display


def terminal_notice(config: pytest.Config) -> Callable[[str], None]:
    """A line on the real terminal before a long command starts (what it needs, how long it last took)."""
    def notice(text: str) -> None:
        capture = config.pluginmanager.getplugin("capturemanager")
        suspended: AbstractContextManager[object] = (capture.global_and_fixture_disabled() if capture is not None
                                                     else nullcontext())
        with suspended:
            sys.stderr.write(f"connector-compliance: {text}\n")
            sys.stderr.flush()

    return notice


def session_of_run(config: pytest.Config, run: RunContext) -> CargoSession | None:
    """The run's one cargo session (None under --no-cargo), handed to the build rules through the run context."""
    if run.options.no_cargo:
        return None
    if run.cargo is None:
        settings = cargo_settings(config, terminal_display(config), terminal_notice(config))
        if run.baseline is not None:  # the build compares with the same merge base as the static rules
            baseline = run.baseline
            settings = replace(settings, base=BaseCommit(baseline.commit, frozenset(baseline.changed),
                                                         baseline.option))
        run.cargo = CargoSession(run.repo.root, settings)
    return run.cargo  # type: ignore[return-value]


def write_cargo_report(run: RunContext | None) -> None:
    if run is None or not isinstance(run.cargo, CargoSession):
        return
    cargo = run.cargo
    data = {"schema": "connector-compliance/cargo/1", "target": str(cargo.root), "cargo_started": cargo.started,
            "configuration": cargo.plan.as_dict(), "commands": [r.as_dict() for r in cargo.records]}
    write_report_file(run.report_dir, CARGO_REPORT, json.dumps(data, indent=2) + "\n")


def summarize_cargo(terminalreporter: pytest.TerminalReporter, run: RunContext | None) -> None:
    if run is None or not isinstance(run.cargo, CargoSession) or not run.cargo.records:
        return
    cargo = run.cargo
    terminalreporter.section("cargo")
    plan = cargo.plan
    where = f" ({', '.join(plan.read_from)})" if plan.read_from else ""
    terminalreporter.write_line(f"configuration: {plan.source}{where}")
    for record in cargo.records:
        source = f"ran in {record.seconds:.1f} s" if record.source == "ran" else \
            f"from the disk cache (first run took {record.seconds:.1f} s)"
        tests = ""
        if record.tests is not None:
            tests = f"; tests: {record.tests['passed']} passed, {record.tests['failed']} failed, " \
                    f"{record.tests['ignored']} ignored"
        terminalreporter.write_line(f"{record.purpose}: `{record.command}` {source}, exit {record.returncode}{tests}")
    terminalreporter.write_line(f"cargo processes started: {cargo.started}")
