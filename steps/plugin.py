"""pytest wiring: build the run once, parametrize scenarios by connector, record outcomes, write reports."""

from __future__ import annotations

import os
from collections.abc import Generator
from pathlib import Path

import pytest

from checks.errors import HarnessError, InfraError
from reports.annotations import github_annotations
from reports.excerpts import attach_excerpts
from reports.gate import gate_exit_code
from reports.json_report import write_json
from reports.model import ScenarioResult, StepResult
from reports.terminal import render_terminal
from reports.write_all import write_reports

from .review import ScenarioReview
from .run_context import RunContext, RunOptions, batch_id, build_run_context

RUN_KEY = pytest.StashKey[RunContext]()
REVIEW_KEY = pytest.StashKey[ScenarioReview]()
SCENARIO_KEY = pytest.StashKey[tuple[str, str, list[str]]]()
STEPS_KEY = pytest.StashKey[list[tuple[str, str]]]()
FEATURES_DIR = Path(__file__).resolve().parent.parent / "features"


def _options(config: pytest.Config) -> RunOptions:
    repo = config.getoption("hs_repo")
    return RunOptions(
        hs_repo=Path(repo) if repo else None,
        connectors=config.getoption("connector") or [],
        all_connectors=config.getoption("all_connectors"),
        flows=config.getoption("flows"),
        report_dir=Path(config.getoption("report_dir")),
        no_cargo=config.getoption("no_cargo"),
        fail_on=config.getoption("fail_on"),
        require_docs=config.getoption("require_docs"),
        waivers=Path(config.getoption("waivers")) if config.getoption("waivers") else None,
        changed_since=config.getoption("changed_since"),
    )


def get_run(config: pytest.Config) -> RunContext:
    if RUN_KEY not in config.stash:
        try:
            config.stash[RUN_KEY] = build_run_context(_options(config))
        except HarnessError as error:
            pytest.exit(f"connector-compliance: {error}", returncode=error.exit_code)
    return config.stash[RUN_KEY]


def pytest_configure(config: pytest.Config) -> None:
    # Every Gherkin tag becomes a marker; register them so `-m flow-authorize` works under --strict-markers.
    for feature in FEATURES_DIR.glob("*.feature"):
        for line in feature.read_text(encoding="utf-8").splitlines():
            if line.strip().startswith("@"):
                for tag in line.split():
                    config.addinivalue_line("markers", f"{tag.lstrip('@')}: Gherkin tag from {feature.name}")


def _targets_features(config: pytest.Config) -> bool:
    for arg in config.args:
        path = Path(arg.split("::")[0]).resolve()
        if path == FEATURES_DIR or FEATURES_DIR in path.parents:
            return True
    return False


def pytest_sessionstart(session: pytest.Session) -> None:
    # Validate the target before collection so bad input ends with one message and exit 2, not a traceback.
    if _targets_features(session.config):
        get_run(session.config)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    # pytest-bdd's generated test functions do not declare our fixtures, so plain parametrize would be ignored:
    # add the argument name to the function's fixture closure first, then parametrize it.
    if "_pytest_bdd_example" not in metafunc.fixturenames:
        return
    run = get_run(metafunc.config)
    if "connector_batch" not in metafunc.fixturenames:
        metafunc.fixturenames.append("connector_batch")
    batches = run.batches()
    metafunc.parametrize("connector_batch", batches, ids=[batch_id(b) for b in batches])


@pytest.fixture
def review(request: pytest.FixtureRequest, connector_batch: tuple[str, ...]) -> ScenarioReview:
    scenario = request.node.stash.get(SCENARIO_KEY, None)
    severity = "warning" if scenario is not None and "warning" in scenario[2] else "error"
    current = ScenarioReview(get_run(request.config), connector_batch, severity,
                             scenario[1] if scenario else "", scenario[2] if scenario else [])
    request.node.stash[REVIEW_KEY] = current
    return current


def pytest_bdd_before_scenario(request: pytest.FixtureRequest, feature: object, scenario: object) -> None:
    tags = sorted(set(getattr(feature, "tags", set())) | set(getattr(scenario, "tags", set())))
    request.node.stash[SCENARIO_KEY] = (getattr(feature, "name", ""), getattr(scenario, "name", ""), tags)
    # --junitxml shows these per test case, so a CI UI can show the Gherkin names, not only the test ids.
    request.node.user_properties.extend([("feature", getattr(feature, "name", "")),
                                         ("scenario", getattr(scenario, "name", "")), ("tags", " ".join(tags))])
    request.node.stash[STEPS_KEY] = [(step.keyword.strip(), step.name) for step in getattr(scenario, "steps", [])]


def pytest_bdd_before_step(request: pytest.FixtureRequest, feature: object, scenario: object, step: object,
                           step_func: object) -> None:
    review = request.node.stash.get(REVIEW_KEY, None)
    if review is not None:
        steps = [s for _, s in request.node.stash.get(STEPS_KEY, [])]
        review.current_step = steps.index(step.name) if step.name in steps else review.current_step


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, object, object]:
    report = yield
    review = item.stash.get(REVIEW_KEY, None)
    scenario = item.stash.get(SCENARIO_KEY, None)
    done = call.when == "call" or (call.when == "setup" and report.outcome != "passed")  # type: ignore[attr-defined]
    if review is None and report.failed and RUN_KEY in item.config.stash:  # type: ignore[attr-defined]
        # Failed before any rule ran (a fixture or step-lookup error): the gate must not read it as a pass.
        item.config.stash[RUN_KEY].report.harness_errors.append(f"{item.nodeid} ({call.when})")
    if review is None or scenario is None or not done:
        return report
    feature_name, scenario_name, tags = scenario
    crashed = report.failed and not review.verdict_given  # type: ignore[attr-defined]
    infra = bool(crashed and call.excinfo is not None and call.excinfo.errisinstance(InfraError))
    crash_reason = call.excinfo.exconly().splitlines()[0] if crashed and call.excinfo else None
    run = review.run
    steps = item.stash.get(STEPS_KEY, [])
    for name, outcome in review.outcomes.items():
        if outcome.skipped is not None:
            verdict, reason = "skipped", outcome.skipped
        elif outcome.findings and outcome.waived is not None:
            verdict, reason = "waived", outcome.waived
        elif outcome.findings:
            verdict, reason = "failed", None
        elif crashed:
            detail = str(call.excinfo.value) if infra and call.excinfo is not None else (crash_reason or "")
            verdict, reason = "error", ("infrastructure: " if infra else "harness: ") + detail
        else:
            verdict, reason = "passed", None
        run.report.connectors[name].scenarios.append(ScenarioResult(
            feature_name, scenario_name, tags, verdict, list(outcome.findings), reason, review.severity,
            _step_results(steps, verdict, outcome.stopped_at)))
    return report


def _step_results(steps: list[tuple[str, str]], verdict: str, stopped_at: int | None) -> list[StepResult]:
    """Per connector: steps before the one that stopped it passed; that one failed (or skipped); later ones skipped."""
    results = []
    for index, (keyword, text) in enumerate(steps):
        if stopped_at is None or index < stopped_at:
            status = "passed" if verdict in ("passed", "failed", "skipped") else "skipped"
        elif index == stopped_at:
            status = "failed" if verdict in ("failed", "waived", "error") else "skipped"
        else:
            status = "skipped"
        results.append(StepResult(keyword, text, status))
    return results


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session) -> None:
    run = session.config.stash.get(RUN_KEY, None)
    if run is None:
        return
    run.report.waivers = [w.as_dict(run.today) for w in run.waivers.waivers]
    attach_excerpts(run.report, run.repo.root)
    write_json(run.report, run.report_dir)
    write_reports(run.report, run.report_dir, os.environ)  # compliance.html, summary.md, compliance.sarif
    session.exitstatus = gate_exit_code(run.report, run.fail_on, int(session.exitstatus))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    run = terminalreporter.config.stash.get(RUN_KEY, None)
    if run is None:
        return
    terminalreporter.section("connector compliance")
    terminalreporter.write(render_terminal(run.report))
    report_dir = run.report_dir.resolve()
    terminalreporter.write_line(f"report: {report_dir / 'compliance.html'}")
    terminalreporter.write_line(f"        {report_dir / 'compliance.json'}, summary.md, compliance.sarif")
    prefix = terminalreporter.config.getoption("annotation_prefix")
    for line in github_annotations(run.report, os.environ, prefix):  # [] unless GITHUB_ACTIONS=true
        terminalreporter.write_line(line)
