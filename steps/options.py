"""Every command-line option of the harness, and how each becomes a plain value for checks/run and checks/cargo."""

from __future__ import annotations

import os
import shlex
from collections.abc import Callable
from pathlib import Path

import pytest
from connector_compliance.checks.cargo.cache import default_cache_dir
from connector_compliance.checks.cargo.plan import DEFAULT_CARGO_ARGS
from connector_compliance.checks.cargo.runner import Display
from connector_compliance.checks.cargo.session import DEFAULT_TIMEOUT, CargoSettings
from connector_compliance.checks.core.errors import UsageError
from connector_compliance.checks.run.options import RunOptions
from connector_compliance.reports.links import validate_template

# (dest, flag, default) of every option below: a run given any of them must collect compliance scenarios.
OPTIONS: list[tuple[str, str, object]] = []


class _Group:
    """The option group, remembering each option so the plugin can tell which ones a command line set."""

    def __init__(self, group: pytest.OptionGroup) -> None:
        self.group = group

    def addoption(self, flag: str, **attrs: object) -> None:
        self.group.addoption(flag, **attrs)  # type: ignore[arg-type]
        dest = flag.lstrip("-").replace("-", "_")
        if all(dest != known for known, _, _ in OPTIONS):
            OPTIONS.append((dest, flag, attrs.get("default")))


def add_options(parser: pytest.Parser) -> None:
    group = _Group(parser.getgroup("connector-compliance"))
    group.addoption("--hs-repo", metavar="PATH", default=None,
                    help="Hyperswitch checkout to inspect (default: the bundled examples/sample-hyperswitch)")
    group.addoption("--connector", metavar="NAME", action="append", default=[],
                    help="connector module to check; repeatable or comma-separated (default on the sample: "
                         "samplepay)")
    group.addoption("--all-connectors", action="store_true", default=False,
                    help="check every connector module of the target")
    group.addoption("--flows", metavar="a,b,...", default=None,
                    help="flows every checked connector must implement (default: the connector's GRACE plan, else "
                         "what the tree expects of it: its kind, UCS-only lists, declared capabilities)")
    group.addoption("--report-dir", metavar="DIR", default=None,
                    help="where the reports are written; never inside the target checkout (default: "
                         "./compliance-report, or beside the checkout when the current directory is inside it)")
    group.addoption("--waivers", metavar="PATH", default=None,
                    help="waiver file (default: .connector-compliance.toml in the target, if present)")
    group.addoption("--waiver-horizon", metavar="DAYS", type=int, default=180,
                    help="a waiver's expires date may be at most this many days ahead (default: 180)")
    group.addoption("--changed-since", metavar="REF", default=None,
                    help="check the connectors a change concerns (own files, or registration entries naming them, "
                         "changed since `git merge-base REF HEAD`), each with why, and fail only on findings that "
                         "tree does not have")
    group.addoption("--baseline", metavar="REF", default=None,
                    help="judge the findings against the tree at `git merge-base REF HEAD` (new, pre-existing, "
                         "fixed) without narrowing the selection; with --connector or --all-connectors")
    group.addoption("--source-url", metavar="TEMPLATE", default=None,
                    help="link each finding to its line online: a URL with {commit}, {path} and {line} (default in "
                         "GitHub Actions: $GITHUB_SERVER_URL/$GITHUB_REPOSITORY/blob/$GITHUB_SHA/{path}#L{line})")
    group.addoption("--annotation-prefix", metavar="DIR/", default="",
                    help="prefix for paths in GitHub annotations, when the target is checked out in a subdirectory "
                         "of the workspace (e.g. hyperswitch/)")
    group.addoption("--require-docs", action="store_true", default=False,
                    help="fail the preparation scenarios when the checkout has no grace/ folder (default: skip)")
    group.addoption("--fail-on", choices=("error", "warning"), default="error",
                    help="lowest severity whose failing scenarios fail the run (default: error; @warning "
                         "scenarios are then reported but do not fail)")
    group.addoption("--show-drift", action="store_true", default=False,
                    help="print every guide-drift note in the terminal (default: one line with their count)")
    group.addoption("--jobs", metavar="N", type=int, default=None,
                    help="processes for the static checks (default: the cores, at most 4; 1: none besides "
                         "pytest's own). A run of 8 or more connectors deals them out; a smaller run splits each "
                         "connector's rules in 2 parts; the report files are written beside the HTML")
    group.addoption("--no-cargo", action="store_true", default=False,
                    help="skip every scenario that runs cargo")
    group.addoption("--cargo-args", metavar="ARGS", default=None,
                    help="package and features for cargo check/clippy/test of the connector's crate, written "
                         "--cargo-args='...' (default: what the target's .github/workflows/CI-pr.yml and justfile "
                         f"build, else '{shlex.join(DEFAULT_CARGO_ARGS)}')")
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


def run_options(config: pytest.Config, tags: tuple[frozenset[str], frozenset[str]] | None = None) -> RunOptions:
    """The run's options; `tags` are the (waivable, catch-all) Gherkin tags a waiver may or may not name."""
    repo = config.getoption("hs_repo")
    waivers = config.getoption("waivers")
    horizon = config.getoption("waiver_horizon")
    if horizon < 0:
        raise UsageError("--waiver-horizon must be a number of days, 0 or more")
    return RunOptions(
        hs_repo=Path(repo) if repo else None,
        connectors=tuple(config.getoption("connector") or ()),
        all_connectors=config.getoption("all_connectors"),
        flows=config.getoption("flows"),
        report_dir=Path(report_dir) if (report_dir := config.getoption("report_dir")) else None,
        no_cargo=config.getoption("no_cargo"),
        fail_on=config.getoption("fail_on"),
        require_docs=config.getoption("require_docs"),
        waivers=Path(waivers) if waivers else None,
        changed_since=config.getoption("changed_since"),
        baseline=config.getoption("baseline"),
        source_url=config.getoption("source_url"),
        waiver_horizon_days=horizon,
        waivable_tags=tags[0] if tags else None,
        catch_all_tags=tags[1] if tags else frozenset(),
        jobs=config.getoption("jobs"),
    )


def given_options(config: pytest.Config) -> list[str]:
    """The harness options this command line set (to a value other than the default), as their flags."""
    return [flag for dest, flag, default in OPTIONS if config.getoption(dest, default) != default]


def validate_options(config: pytest.Config) -> None:
    """Bad cargo or link options end the run with one message (UsageError, exit 2) before anything runs."""
    auth = config.getoption("auth_file")
    if auth and not Path(auth).expanduser().is_file():
        raise UsageError(f"--auth-file {auth}: no such file (a TOML with a [NAME] table per connector)")
    jobs = config.getoption("jobs")
    if jobs is not None and jobs < 1:
        raise UsageError("--jobs must be 1 or more")
    if config.getoption("cargo_timeout") <= 0:
        raise UsageError("--cargo-timeout must be a positive number of seconds")
    template = config.getoption("source_url")
    if template is not None:
        validate_template(template)
    args = config.getoption("cargo_args")
    if args is not None:
        try:
            shlex.split(args)
        except ValueError as error:
            raise UsageError(f"--cargo-args {args!r}: {error}") from None


def cargo_settings(config: pytest.Config, display: Display,
                   notice: Callable[[str], None] = lambda text: None) -> CargoSettings:
    args = config.getoption("cargo_args")
    auth = config.getoption("auth_file") or os.environ.get("CONNECTOR_AUTH_FILE_PATH")
    target = config.getoption("target_dir")
    cache = config.getoption("cargo_cache_dir")
    return CargoSettings(
        cargo_args=tuple(shlex.split(args)) if args is not None else None,
        clippy=config.getoption("clippy"),
        auth_file=Path(auth).expanduser().resolve() if auth else None,
        target_dir=Path(target).expanduser().resolve() if target else None,
        timeout=config.getoption("cargo_timeout"),
        cache_dir=None if config.getoption("no_cargo_cache") else (
            Path(cache).expanduser().resolve() if cache else default_cache_dir()),
        display=display,
        notice=notice,
    )
