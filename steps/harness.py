"""What the pytest hooks delegate to: build the run once, record each scenario's verdicts in the report model,
write the reports at the end. Everything here is glue; the decisions are in checks/run and reports/."""

from __future__ import annotations

import contextlib
import gc
import os
import shlex
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from connector_compliance.checks.core.errors import HarnessError, InfraError, UsageError
from connector_compliance.checks.core.text import inert_line, one_line
from connector_compliance.checks.facts.connectors import connector_type
from connector_compliance.checks.facts.flow_status import assess_flows
from connector_compliance.checks.facts.kinds import connector_kinds
from connector_compliance.checks.facts.selection import flow_expectation
from connector_compliance.checks.facts.spec_code import spec_overview
from connector_compliance.checks.run.context import (
    RUN_LEVEL,
    RunContext,
    batch_id,
    build_run_context,
    rule_catalogue,
)
from connector_compliance.checks.run.report_dir import is_inside
from connector_compliance.checks.run.stage import stage_of
from connector_compliance.checks.run.verdict import ConnectorVerdict, connector_verdicts, run_level_verdict
from connector_compliance.checks.run.waivers import tag_counts
from connector_compliance.reports.annotations import github_annotations
from connector_compliance.reports.excerpts import attach_excerpts
from connector_compliance.reports.gate import exit_reason, gate_exit_code
from connector_compliance.reports.links import source_links
from connector_compliance.reports.model import (
    ComplianceReport,
    ConnectorReport,
    ScenarioResult,
    StageReport,
    StepResult,
)
from connector_compliance.reports.terminal import render_terminal
from connector_compliance.reports.write_all import write_every_report

from .options import given_options, run_options, validate_options
from .progress import Advance, phase
from .review import ScenarioReview

RUN_KEY = pytest.StashKey[RunContext]()
REPORT_KEY = pytest.StashKey[ComplianceReport]()
REVIEW_KEY = pytest.StashKey[ScenarioReview]()
SCENARIO_KEY = pytest.StashKey[tuple[str, str, list[str]]]()
STEPS_KEY = pytest.StashKey[list[tuple[str, str]]]()
ABORT_KEY = pytest.StashKey[HarnessError]()  # bad input: nothing runs, the message is the run's last line
DESELECTED_KEY = pytest.StashKey[int]()  # compliance scenarios that -m / -k deselected
TERMINAL_KEY = pytest.StashKey[str]()  # the terminal summary, rendered at the end of the run
LAST_LINE_KEY = pytest.StashKey[str]()  # why the run exits as it does, printed after everything else
FEATURES_DIR = Path(__file__).resolve().parent.parent / "features"
PREFIX = "connector-compliance: "
GC_THRESHOLD_WHILE_BUILDING = 7_000  # new objects between two young-generation collections (Python's default: 700)
RUN_LEVEL_TAG = "run-level"  # a scenario judged once per run, whatever the connectors (features/shared_files.feature)
NO_CONNECTOR: tuple[str, ...] = ()  # the batch of a per-connector scenario when no connector is selected: deselected


def get_run(config: pytest.Config) -> RunContext | None:
    """The run, built once from the options; None when the input was bad (the run is then aborted)."""
    if ABORT_KEY in config.stash:
        return None
    if RUN_KEY not in config.stash:
        try:
            validate_options(config)
            options = run_options(config, gherkin_tags())
            what = "reading the checkout and the base tree" if options.baseline_request else "reading the checkout"
            with phase(config, what):
                run = build_run_context(options)
        except HarnessError as error:
            # Not pytest.exit: pytest would print the message twice (its stderr line and its `!!! Exit` banner).
            config.stash[ABORT_KEY] = error
            return None
        config.stash[RUN_KEY] = run
        with phase(config, "assessing each connector's flows", len(run.connectors)) as advance:
            config.stash[REPORT_KEY] = new_report(run, advance)
    return config.stash[RUN_KEY]


def new_report(run: RunContext, advance: Advance = lambda: None) -> ComplianceReport:
    report = ComplianceReport(str(run.repo.root), run.repo.commit)
    for name in run.connectors:
        flows = list(assess_flows(run.repo, name).values())
        selection = run.selections[name]
        stage, todo = stage_of(run, name)
        report.connectors[name] = ConnectorReport(
            name, connector_type(run.repo, name), selection, flows,
            spec=spec_overview(run.repo, name),
            why=list(run.why.get(name, [])),
            expectations={a.flow: flow_expectation(run.repo, name, selection, a.flow) for a in flows},
            kinds=[k.as_dict() for k in connector_kinds(run.repo, name)],
            stage=StageReport(stage.name, stage.because, stage.file, stage.line, todo))
        advance()
    report.notes.extend(run.notes)
    report.policy.extend(run.policy_notes)
    report.rules = rule_catalogue(run.repo)
    return report


def keep_cache_out_of_target(config: pytest.Config) -> None:
    """pytest's cache goes to its rootdir, and `pytest --hs-repo PATH` (space form, no ini file found) makes PATH
    the rootdir: then the cache plugin is dropped, as `-p no:cacheprovider` would, so nothing lands in the target."""
    repo = config.getoption("hs_repo")
    if not repo or not config.pluginmanager.has_plugin("cacheprovider"):
        return
    cache = config.rootpath / os.path.expanduser(os.path.expandvars(str(config.getini("cache_dir"))))
    if is_inside(cache, Path(repo).expanduser()):
        for name in ("cacheprovider", "stepwise"):  # what `-p no:cacheprovider` blocks (stepwise needs the cache)
            config.pluginmanager.set_blocked(name)


def gherkin_tags() -> tuple[frozenset[str], frozenset[str]]:
    """(waivable, catch-all) tags of the features: a waiver may name a tag only one scenario carries."""
    lines = []
    for feature in sorted(FEATURES_DIR.glob("*.feature")):
        before_feature = True
        for line in feature.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            if stripped.startswith("Feature:"):
                before_feature = False
            elif stripped.startswith("@"):
                lines.append((before_feature, [t.lstrip("@") for t in stripped.split()]))
    return tag_counts(lines)


def register_tags(config: pytest.Config) -> None:
    """Every Gherkin tag becomes a marker; register them so `-m flow-authorize` works under --strict-markers."""
    for feature in (f for folder in {FEATURES_DIR, *features_dirs(config)} for f in sorted(folder.glob("*.feature"))):
        for line in feature.read_text(encoding="utf-8").splitlines():
            if line.strip().startswith("@"):
                for tag in line.split():
                    config.addinivalue_line("markers", f"{tag.lstrip('@')}: Gherkin tag from {feature.name}")


def is_features_dir(path: Path) -> bool:
    """The harness's scenarios: this checkout's features/, or any folder whose test_features.py binds `*.feature`
    files (the features/ of a harness checkout installed with a plain `pip install`, whose package lacks them)."""
    return path == FEATURES_DIR or ((path / "test_features.py").is_file() and any(path.glob("*.feature")))


def features_dirs(config: pytest.Config) -> list[Path]:
    """The scenario folders the command line names (a folder, or a file or node id in it)."""
    found: list[Path] = []
    for arg in config.args:
        path = (Path(config.invocation_params.dir) / arg.split("::")[0]).resolve()
        found += [c for c in (path, path.parent) if is_features_dir(c) and c not in found]
    return found


def targets_features(config: pytest.Config) -> bool:
    return bool(features_dirs(config))


def start(session: pytest.Session) -> None:
    """Validate the target before collection so bad input ends with one message and exit 2, not a traceback.

    Harness options without `features/` on the command line end the run here, before anything is collected:
    `pytest --hs-repo PATH` would otherwise collect the harness's own tests (and, because pytest takes PATH for a
    test path while it looks for its ini file, even every scenario along with them)."""
    config = session.config
    if targets_features(config):
        release_frozen()
        with fewer_collections():
            get_run(config)
        # The run's model (syntax trees, facts) lives until the end: keep the cycle collector from walking it again
        # and again (on a whole real tree that cost more than a second). Frozen objects are never collected, so a
        # later run in the same process (pytester) releases them first.
        gc.freeze()
    elif given := given_options(config):
        config.stash[ABORT_KEY] = _no_scenarios(config, given)


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """While the run's model is built (parsed trees, facts: objects that live until the end), the cycle collector
    runs a tenth as often: at its default pace it walked that growing model about once per 700 new objects, 5 to
    10 % of a whole-tree run."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], GC_THRESHOLD_WHILE_BUILDING), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def release_frozen() -> None:
    """What an earlier run in this process froze becomes collectable again (a CLI run has nothing frozen)."""
    if gc.get_freeze_count():
        gc.unfreeze()
        gc.collect()


def skip_collection(session: pytest.Session) -> bool | None:
    """After bad input nothing is collected (True ends pytest's collection hook); None lets pytest collect."""
    return True if ABORT_KEY in session.config.stash else None


def is_scenario(item: pytest.Item) -> bool:
    return "_pytest_bdd_example" in getattr(item, "fixturenames", ())


def count_deselected(config: pytest.Config, items: list[pytest.Item]) -> None:
    config.stash[DESELECTED_KEY] = config.stash.get(DESELECTED_KEY, 0) + sum(map(is_scenario, items))


def _features_command(config: pytest.Config) -> str:
    here = Path(config.invocation_params.dir).resolve()
    named = is_features_dir((here / "features").resolve()) or not FEATURES_DIR.is_dir()
    features = "features/" if named else f"{FEATURES_DIR}/"
    return shlex.join(["pytest", features, *config.invocation_params.args])


def _no_scenarios(config: pytest.Config, given: list[str]) -> UsageError:
    what = f"{', '.join(given)} given, but no" if given else "no"
    return UsageError(f"{what} compliance scenario was collected: name the scenarios, e.g. "
                      f"`{_features_command(config)}`")


def check_selection(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A run that checks nothing must not pass: compliance options without compliance scenarios (`pytest
    --hs-repo X` forgetting `features/` collects the harness's own tests, or nothing) and scenarios that -m / -k
    all deselected both end with exit 2 and one message."""
    if ABORT_KEY not in config.stash and not any(map(is_scenario, items)):
        deselected = config.stash.get(DESELECTED_KEY, 0)
        given = given_options(config)
        if deselected:
            config.stash[ABORT_KEY] = UsageError(
                f"-m/-k deselected all {deselected} compliance scenarios: nothing was checked (loosen the selection)")
        elif RUN_KEY in config.stash or given:
            config.stash[ABORT_KEY] = _no_scenarios(config, given)
    if ABORT_KEY in config.stash and items:
        config.hook.pytest_deselected(items=list(items))
        items[:] = []


def infra_status(report: pytest.TestReport) -> tuple[str, str, str] | None:
    """An infrastructure failure (cargo missing, a timeout) is counted and shown as an error, not a failed test."""
    if report.when == "call" and report.failed and str(report.longrepr).startswith("infrastructure error:"):
        return "error", "E", "ERROR"
    return None


def parametrize_connectors(metafunc: pytest.Metafunc) -> None:
    # pytest-bdd's generated test functions do not declare our fixtures, so plain parametrize would be ignored:
    # add the argument name to the function's fixture closure first, then parametrize it.
    if "_pytest_bdd_example" not in metafunc.fixturenames:
        return
    run = get_run(metafunc.config)
    if run is None:  # bad input: check_selection drops every item
        return
    if "connector_batch" not in metafunc.fixturenames:
        metafunc.fixturenames.append("connector_batch")
    if metafunc.definition.get_closest_marker(RUN_LEVEL_TAG) is not None:
        batches = [(RUN_LEVEL,)]
    else:
        batches = run.batches() or [NO_CONNECTOR]
    metafunc.parametrize("connector_batch", batches, ids=[batch_id(b) if b else "no-connector" for b in batches])


def deselect_without_connector(items: list[pytest.Item]) -> None:
    """With no connector selected (a change that concerns none), only the run-level scenarios run: the others are
    dropped, not "deselected" (nothing the user's -m / -k chose)."""
    items[:] = [i for i in items if getattr(i, "callspec", None) is None
                or i.callspec.params.get("connector_batch", None) != NO_CONNECTOR]


def new_review(request: pytest.FixtureRequest, batch: tuple[str, ...]) -> ScenarioReview:
    scenario = request.node.stash.get(SCENARIO_KEY, None)
    _, scenario_name, tags = scenario if scenario is not None else ("", "", [])
    severity = "warning" if "warning" in tags else "error"
    run = get_run(request.config)
    assert run is not None  # items of an aborted run are dropped before they run
    review = ScenarioReview(run, batch, severity, scenario_name, tags)
    request.node.stash[REVIEW_KEY] = review
    return review


def before_scenario(request: pytest.FixtureRequest, feature: object, scenario: object) -> None:
    tags = set(getattr(feature, "tags", set())) | set(getattr(scenario, "tags", set()))
    # An Examples block's tags (@flow-authorize) reach the item as markers, not as scenario tags.
    gherkin = {line.split(":", 1)[0] for line in request.config.getini("markers")}
    tags |= {m.name for m in request.node.iter_markers() if m.name in gherkin}
    ordered = sorted(tags)
    name = getattr(scenario, "name", "")
    request.node.stash[SCENARIO_KEY] = (getattr(feature, "name", ""), name, ordered)
    # --junitxml shows these per test case, so a CI UI can show the Gherkin names, not only the test ids.
    request.node.user_properties.extend([("feature", getattr(feature, "name", "")), ("scenario", name),
                                         ("tags", " ".join(ordered))])
    request.node.stash[STEPS_KEY] = [(step.keyword.strip(), step.name) for step in getattr(scenario, "steps", [])]


def before_step(request: pytest.FixtureRequest, step: object) -> None:
    review = request.node.stash.get(REVIEW_KEY, None)
    if review is not None:
        steps = [s for _, s in request.node.stash.get(STEPS_KEY, [])]
        name = getattr(step, "name", "")
        review.current_step = steps.index(name) if name in steps else review.current_step


def record(item: pytest.Item, call: pytest.CallInfo[None], report: pytest.TestReport) -> None:
    """Once a scenario item is done, each of its connectors' verdicts goes into the report model."""
    review = item.stash.get(REVIEW_KEY, None)
    scenario = item.stash.get(SCENARIO_KEY, None)
    done = call.when == "call" or (call.when == "setup" and report.outcome != "passed")
    if review is None and report.failed and REPORT_KEY in item.config.stash:
        # Failed before any rule ran (a fixture or step-lookup error): the gate must not read it as a pass.
        item.config.stash[REPORT_KEY].harness_errors.append(f"{item.nodeid} ({call.when})")
    if call.excinfo is not None and call.excinfo.errisinstance(InfraError):
        # An infrastructure failure is one line with the reason and what to do, not a traceback.
        report.longrepr = f"infrastructure error: {call.excinfo.value}"
    if review is None or scenario is None or not done:
        return
    feature_name, scenario_name, tags = scenario
    crash = None
    if report.failed and not review.verdict_given and call.excinfo is not None:
        infra = call.excinfo.errisinstance(InfraError)
        crash = ("infrastructure: " + str(call.excinfo.value)) if infra else \
            ("harness: " + call.excinfo.exconly().splitlines()[0])
    steps = item.stash.get(STEPS_KEY, [])
    report_model = item.config.stash[REPORT_KEY]
    shared = run_level_verdict(review, len(steps))
    for verdict in [*connector_verdicts(review, len(steps), crash), *([shared] if shared else [])]:
        step_results = [StepResult(k, t, s) for (k, t), s in zip(steps, verdict.step_statuses, strict=True)]
        result = ScenarioResult(feature_name, scenario_name, tags, verdict.outcome, verdict.findings, verdict.reason,
                                review.severity, step_results)
        if verdict.comparison is not None:
            result.statuses = list(verdict.comparison.statuses)
            result.fingerprints = list(verdict.comparison.fingerprints)
            result.fixed = list(verdict.comparison.fixed)
            result.fixed_fingerprints = list(verdict.comparison.fixed_fingerprints)
        report_model.admit(verdict.connector, result)  # the caps of checks/core/limits.py
        if verdict.connector == RUN_LEVEL:
            add_run_level(report_model, result, verdict)
        else:
            report_model.connectors[verdict.connector].scenarios.append(result)
    gc.freeze()  # what this scenario added to the run (facts, views, results) stays too (see start())


def add_run_level(report: ComplianceReport, result: ScenarioResult, verdict: ConnectorVerdict) -> None:
    """A run-level result once per run: a scenario run for several batches of connectors merges into one."""
    same = next((r for r in report.run_scenarios if r.scenario == result.scenario), None)
    if same is None:
        report.run_scenarios.append(result)
        return
    known = {(f.rule, f.file, f.line, f.message) for f in same.findings}
    for index, finding in enumerate(result.findings):
        if (finding.rule, finding.file, finding.line, finding.message) not in known:
            same.findings.append(finding)
            if result.statuses:
                same.statuses.append(result.statuses[index])
                same.fingerprints.append(result.fingerprints[index])
    for finding, fingerprint in zip(result.fixed, result.fixed_fingerprints, strict=True):
        if fingerprint not in same.fixed_fingerprints:
            same.fixed.append(finding)
            same.fixed_fingerprints.append(fingerprint)
    if same.outcome != result.outcome and "failed" in (same.outcome, result.outcome):
        same.outcome = "failed"


def finish(session: pytest.Session) -> None:
    config = session.config
    error = config.stash.get(ABORT_KEY, None)
    if error is not None:
        session.exitstatus = error.exit_code
        config.stash[LAST_LINE_KEY] = PREFIX + str(error)
        return
    run = config.stash.get(RUN_KEY, None)
    if run is None:
        return
    report = config.stash[REPORT_KEY]
    report.waivers = [w.as_dict(run.today) for w in run.waivers.waivers]
    if run.baseline is not None:
        for name, connector in report.connectors.items():
            connector.flow_deltas = run.baseline.flow_deltas(name)
        report.baseline = run.baseline.as_dict()
        run.baseline.cleanup()
    report.links = source_links(run.options.source_url, run.repo.commit, os.environ)
    attach_excerpts(report, run.repo.read)
    try:
        with phase(config, "writing the reports"):
            write_every_report(report, run.report_dir, os.environ, fork=run.jobs > 1,
                               meanwhile=lambda: _render_terminal(config, report))
    except OSError as problem:
        session.exitstatus = UsageError.exit_code
        config.stash[LAST_LINE_KEY] = f"{PREFIX}cannot write the reports to {run.report_dir}: {problem.strerror}"
        return
    session.exitstatus = gate_exit_code(report, run.options.fail_on, int(session.exitstatus))
    reason = exit_reason(report, run.options.fail_on, int(session.exitstatus))
    if reason:
        config.stash[LAST_LINE_KEY] = PREFIX + reason
    gc.freeze()  # pytest's own collections at the end need not walk the report and the run's model either


def summarize(terminalreporter: pytest.TerminalReporter) -> None:
    config = terminalreporter.config
    run = config.stash.get(RUN_KEY, None)
    if run is None or ABORT_KEY in config.stash:
        return
    report = config.stash[REPORT_KEY]
    terminalreporter.section("connector compliance")
    rendered = config.stash.get(TERMINAL_KEY, None)
    terminalreporter.write(rendered if rendered is not None else _render_terminal(config, report))
    report_dir = run.report_dir
    if run.report_dir_note:
        terminalreporter.write_line(inert_line(f"note: {run.report_dir_note}"))
    terminalreporter.write_line(inert_line(f"report: {report_dir / 'compliance.html'}"))
    terminalreporter.write_line(inert_line(f"        {report_dir / 'compliance.json'}, summary.md, compliance.sarif"))
    prefix = config.getoption("annotation_prefix")
    for line in github_annotations(report, os.environ, prefix):  # [] unless GITHUB_ACTIONS=true
        terminalreporter.write_line(line)


def _render_terminal(config: pytest.Config, report: ComplianceReport) -> str:
    """The terminal summary, rendered once the report is final (while the report files are written, see finish)."""
    config.stash[TERMINAL_KEY] = render_terminal(report, show_drift=config.getoption("show_drift"))
    return config.stash[TERMINAL_KEY]


def print_last_line(config: pytest.Config) -> None:
    """The reason for the exit code (or a bad input's one message) as the very last line, after pytest's own
    summary: stdout is flushed first, so the line stays last when both streams go to one CI log."""
    line = config.stash.get(LAST_LINE_KEY, None)
    if line is None:
        return
    sys.stdout.flush()
    sys.stderr.write(one_line(line) + "\n")
    sys.stderr.flush()
