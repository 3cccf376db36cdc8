"""pytest options and fixtures for the cargo scenarios (features/build.feature)."""

from __future__ import annotations

import json
import os
import shlex
import sys
from collections.abc import Generator, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path

import pytest

from checks.cargo_cache import default_cache_dir
from checks.cargo_progress import ProgressDisplay
from checks.cargo_runner import CargoCommand, Display, OutputSink
from checks.cargo_session import DEFAULT_CARGO_ARGS, DEFAULT_TIMEOUT, CargoSession, CargoSettings, session_for
from checks.errors import InfraError

from .plugin import RUN_KEY
from .review import ScenarioReview

SESSION_STASH = pytest.StashKey[CargoSession]()
CARGO_REPORT = "cargo.json"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("connector-compliance")
    group.addoption("--cargo-args", metavar="ARGS", default=None,
                    help="package and features for cargo check/clippy/test of the connector's crate, written "
                         f"--cargo-args='...' (default: '{shlex.join(DEFAULT_CARGO_ARGS)}')")
    group.addoption("--clippy", action="store_true", default=False,
                    help="also run cargo clippy with -D warnings, as Hyperswitch CI does")
    group.addoption("--auth-file", metavar="PATH", default=None,
                    help="connector credentials (TOML) for the router's sandbox tests "
                         "(default: $CONNECTOR_AUTH_FILE_PATH; without it they are skipped)")
    group.addoption("--target-dir", metavar="DIR", default=None,
                    help="cargo's target directory (default: the target checkout's own target/)")
    group.addoption("--cargo-timeout", metavar="SECONDS", type=float, default=DEFAULT_TIMEOUT,
                    help=f"stop any one cargo command after this long (default: {DEFAULT_TIMEOUT:g})")
    group.addoption("--cargo-cache-dir", metavar="DIR", default=None,
                    help=f"where finished cargo runs are cached (default: {default_cache_dir()})")
    group.addoption("--no-cargo-cache", action="store_true", default=False,
                    help="do not read or write the disk cache of cargo runs (cargo still runs once per run)")


def _bad_option(message: str) -> None:
    pytest.exit(f"connector-compliance: {message}", returncode=2)


def pytest_sessionstart(session: pytest.Session) -> None:
    config = session.config
    auth = config.getoption("auth_file")
    if auth and not Path(auth).expanduser().is_file():
        _bad_option(f"--auth-file {auth}: no such file (a TOML with a [NAME] table per connector)")
    if config.getoption("cargo_timeout") <= 0:
        _bad_option("--cargo-timeout must be a positive number of seconds")
    args = config.getoption("cargo_args")
    if args is not None:
        try:
            shlex.split(args)
        except ValueError as error:
            _bad_option(f"--cargo-args {args!r}: {error}")


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


def settings_from(config: pytest.Config) -> CargoSettings:
    args = config.getoption("cargo_args")
    auth = config.getoption("auth_file") or os.environ.get("CONNECTOR_AUTH_FILE_PATH")
    target = config.getoption("target_dir")
    cache = config.getoption("cargo_cache_dir")
    return CargoSettings(
        cargo_args=tuple(shlex.split(args)) if args is not None else DEFAULT_CARGO_ARGS,
        clippy=config.getoption("clippy"),
        auth_file=Path(auth).expanduser().resolve() if auth else None,
        target_dir=Path(target).expanduser().resolve() if target else None,
        timeout=config.getoption("cargo_timeout"),
        cache_dir=None if config.getoption("no_cargo_cache") else (
            Path(cache).expanduser().resolve() if cache else default_cache_dir()),
        display=terminal_display(config),
    )


@pytest.fixture
def cargo_session(request: pytest.FixtureRequest, review: ScenarioReview) -> CargoSession:
    """The run's cargo session (one per target checkout), set up from the command line."""
    session = session_for(review.run.repo, settings_from(request.config))
    request.config.stash[SESSION_STASH] = session
    return session


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, object, object]:
    report = yield
    # An infrastructure failure is one line with the reason and what to do, not a traceback.
    if call.excinfo is not None and call.excinfo.errisinstance(InfraError):
        report.longrepr = f"infrastructure error: {call.excinfo.value}"  # type: ignore[attr-defined]
    return report


def pytest_sessionfinish(session: pytest.Session) -> None:
    cargo = session.config.stash.get(SESSION_STASH, None)
    run = session.config.stash.get(RUN_KEY, None)
    if cargo is None or run is None:
        return
    run.report_dir.mkdir(parents=True, exist_ok=True)
    data = {"schema": "connector-compliance/cargo/1", "target": str(cargo.root), "cargo_started": cargo.started,
            "commands": [r.as_dict() for r in cargo.records]}
    (run.report_dir / CARGO_REPORT).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    cargo = terminalreporter.config.stash.get(SESSION_STASH, None)
    if cargo is None or not cargo.records:
        return
    terminalreporter.section("cargo")
    for record in cargo.records:
        source = f"ran in {record.seconds:.1f} s" if record.source == "ran" else \
            f"from the disk cache (first run took {record.seconds:.1f} s)"
        tests = ""
        if record.tests is not None:
            tests = f"; tests: {record.tests['passed']} passed, {record.tests['failed']} failed, " \
                    f"{record.tests['ignored']} ignored"
        terminalreporter.write_line(f"{record.purpose}: `{record.command}` {source}, exit {record.returncode}{tests}")
    terminalreporter.write_line(f"cargo processes started: {cargo.started}")
