"""One harness run: the target repository, the connectors under review, their flow selections, the rules' findings."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..core.errors import UsageError
from ..core.finding import Finding
from ..core.names import is_module_name, printable
from ..core.registry import all_rules
from ..core.rule import Rule, Scope
from ..facts.expectation import flow_expectations
from ..facts.flow_catalog import flow_specs
from ..facts.flow_status import assess_flows
from ..facts.guide_drift import guide_drift_notes, preprocessing_drift_note
from ..facts.kinds import connector_kinds
from ..facts.selection import Selection, parse_flow_list, select_flows
from ..facts.spec_code import spec_overview
from ..facts.stage import connector_stage
from ..target import layout
from ..target.files import MAX_FILE_BYTES
from ..target.repository import Repository
from . import parallel
from .baseline import Baseline, Comparison, open_baseline
from .options import RunOptions
from .parallel import MIN_CONNECTORS, PartWork, split, spread
from .policy import BasePolicy, base_selection, base_waivers
from .report_dir import resolve_report_dir
from .waivers import DEFAULT_WAIVER_FILE, WaiverFile, WaiverRules, load_waivers, parse_waivers

SAMPLE_REPO = Path(__file__).resolve().parents[2] / "examples" / "sample-hyperswitch"
SAMPLE_CONNECTOR = "samplepay"
RUN_LEVEL = ""  # the "connector" of a run-level scenario: findings that belong to no single connector
# Up to this many connectors, each gets its own pytest item per scenario (readable ids, per-item -k);
# beyond it, one item per scenario checks them all, so a whole-repository run stays a few seconds.
PER_CONNECTOR_ITEMS_LIMIT = 12


@dataclass
class RunContext:
    repo: Repository
    connectors: tuple[str, ...]
    selections: dict[str, Selection]
    options: RunOptions
    waivers: WaiverFile
    today: dt.date
    notes: list[dict[str, str]]
    report_dir: Path  # absolute, outside the target
    report_dir_note: str | None = None  # set when the default report directory had to move out of the target
    cargo: object | None = None  # the CargoSession, set by the build layer when a cargo scenario first runs
    baseline: Baseline | None = None  # the base tree to judge findings against (--changed-since, --baseline)
    why: dict[str, list[str]] = field(default_factory=dict)  # per connector: why it is checked
    policy_notes: list[str] = field(default_factory=list)  # what the PR changes in waivers/selection (not applied)
    jobs: int = 1  # processes the run may use (--jobs, else the cores up to parallel.MAX_JOBS)

    def scope(self, connector: str) -> Scope:
        if connector == RUN_LEVEL:
            return Scope(self.repo, RUN_LEVEL, (), "", self.options.require_docs, self.cargo)
        selection = self.selections[connector]
        return Scope(self.repo, connector, selection.flows, selection.source, self.options.require_docs, self.cargo)

    def findings(self, rule: Rule, connector: str, **params: str) -> list[Finding]:
        """A rule's findings for one connector, computed once per run however many scenarios ask."""
        key = (rule.id, connector, tuple(sorted(params.items())))
        # Uncapped: the baseline compares every finding; the report's caps apply when it is recorded (model.admit).
        return self.repo.facts.get(RunContext.findings, key, lambda: rule.run(self.scope(connector), **params))

    def compare(self, rule: Rule, connector: str, findings: list[Finding], run_level: bool = False,
                **params: str) -> Comparison | None:
        """The findings judged against the baseline (None without one): new, pre-existing, and fixed ones.
        `run_level`: the run-level findings a connector's rule raised (a missing shared file)."""
        if self.baseline is None:
            return None
        key = (rule.id, connector, run_level, tuple(sorted(params.items())))
        judge = self.baseline.compare_run_level if run_level else self.baseline.compare
        return self.repo.facts.get(RunContext.compare, key,
                                   lambda: judge(rule, self.scope(connector), findings, **params))

    def batches(self) -> list[tuple[str, ...]]:
        if not self.connectors:
            return []
        if len(self.connectors) <= PER_CONNECTOR_ITEMS_LIMIT:
            return [(name,) for name in self.connectors]
        return [self.connectors]


def batch_id(batch: tuple[str, ...]) -> str:
    if batch == (RUN_LEVEL,):
        return "run-level"
    return batch[0] if len(batch) == 1 else f"{len(batch)}-connectors"


def _named(options: RunOptions) -> list[str]:
    """--connector values, each possibly a comma-separated list (as --flows takes)."""
    return [name.strip() for value in options.connectors for name in value.split(",") if name.strip()]


def _connectors(repo: Repository, options: RunOptions, baseline: Baseline | None
                ) -> tuple[tuple[str, ...], dict[str, list[str]]]:
    """The connectors to check and why each is checked."""
    named = _named(options)
    if options.changed_since and baseline is not None:
        why = {name: ["named with --connector"] for name in named}
        for name, reasons in baseline.attribution().reasons.items():
            why.setdefault(name, []).extend(reasons)
        return tuple(why), why
    if options.all_connectors:
        # A module whose name is not [a-z0-9_]+ is a finding of scaffolding.module-names, not a bad command line.
        return tuple(sorted(name for name in repo.modules if is_module_name(name))), {}
    if named:
        return tuple(dict.fromkeys(named)), {}
    if options.hs_repo is None or repo.root == SAMPLE_REPO.resolve():
        return (SAMPLE_CONNECTOR,), {}
    raise UsageError("name the connector(s) to check with --connector NAME (or use --all-connectors)")


def build_run_context(options: RunOptions, cwd: Path | None = None) -> RunContext:
    """Validate the options against the target; raises HarnessError with a one-line message."""
    repo = Repository(options.hs_repo or SAMPLE_REPO)
    report_dir, report_dir_note = resolve_report_dir(options.report_dir, repo.root, cwd or Path.cwd())
    for name in _named(options):
        repo.connector(name)
    if options.changed_since and options.baseline:
        raise UsageError("--changed-since REF already compares with REF's merge base: drop --baseline")
    if options.changed_since and options.all_connectors:
        raise UsageError("--changed-since selects the connectors a change concerns: drop --all-connectors "
                         "(or use --baseline REF --all-connectors)")
    today = dt.date.today()
    rules = WaiverRules(today, options.waiver_horizon_days, options.waivable_tags, options.catch_all_tags)
    in_target = _waiver_rel(repo, options.waivers)
    if in_target is None:  # --waivers names a file outside the checkout: an option, so trusted
        assert options.waivers is not None
        waivers = load_waivers(options.waivers, required=True, rules=rules)
    cli_flows = parse_flow_list(options.flows) if options.flows is not None else None
    request = options.baseline_request
    baseline = open_baseline(repo, request[1], request[0]) if request is not None else None
    try:
        names, why = _connectors(repo, options, baseline)
        for name in names:
            repo.connector(name)
        policy_notes: list[str] = []
        if baseline is None:
            if in_target is not None:
                waivers = _target_waivers(repo, in_target, options.waivers is not None, rules)
            chosen = waivers

            def selection_of(name: str) -> Selection:
                return select_flows(repo, name, cli_flows, chosen.flows, chosen.path or "")

            _spread(repo, baseline, options, names, selection_of)
            selections = {name: selection_of(name) for name in names}
        else:  # under review: waivers, flow overrides and plans come from the merge base (run/policy.py)
            base = baseline.commit
            policy = (base_waivers(repo, base, in_target, rules) if in_target is not None
                      else BasePolicy(base, waivers))
            waivers = policy.waivers
            source = f"{in_target} at the base {base[:12]}" if in_target is not None else str(options.waivers)

            def selection_of(name: str) -> Selection:
                return Selection(cli_flows, "--flows") if cli_flows else \
                    base_selection(repo, base, name, policy.waivers.flows, source, policy)

            _spread(repo, baseline, options, names, selection_of)
            selections = {name: selection_of(name) for name in names}
            policy_notes = policy.notes
        notes = guide_drift_notes(repo)
        notes += preprocessing_drift_note(repo, [n for n in names if "preprocessing" in selections[n].flows])
    except BaseException:
        if baseline is not None:
            baseline.cleanup()
        raise
    return RunContext(repo, names, selections, options, waivers, today, notes, report_dir, report_dir_note,
                      baseline=baseline, why=why, policy_notes=policy_notes, jobs=_jobs(options))


def _jobs(options: RunOptions) -> int:
    return options.jobs if options.jobs is not None else parallel.default_jobs()


def _spread(repo: Repository, baseline: Baseline | None, options: RunOptions, names: tuple[str, ...],
            selection_of: Callable[[str], Selection]) -> None:
    """On a run of many connectors, their static work in worker processes first (run/parallel.py)."""
    jobs = _jobs(options)
    caches = [repo.facts] if baseline is None else [repo.facts, baseline.repo.facts]
    work = _connector_work(repo, baseline, options.require_docs, selection_of)
    units = (*names, RUN_LEVEL) if names else ()  # the run-level scenarios' rules too, last (they weigh nothing)
    if len(names) >= MIN_CONNECTORS:
        spread(units, caches, lambda name: work(name, 0, 1), jobs,
               lambda name: repo.read.size(layout.connector_main_file(name)) if name else 0)
    else:
        split(units, caches, work, jobs)


# The rules of the shared files: the registration points (connectors.rs's module list among them) and pitfall 3,
# which reads the same default-implementation macro lists. The connector's own files (scaffolding.files, .parses,
# .transformers-module) and the checkout's symlinks go with the connector's code.
SHARED_FILE_RULES = ("registration.", "scaffolding.module", "pitfall-3")


def _connector_work(repo: Repository, baseline: Baseline | None, require_docs: bool,
                    selection_of: Callable[[str], Selection]) -> PartWork:
    """What the scenarios and the reports ask of one connector, computed under the keys they ask it by: all of it
    (part 0 of 1), or one of `parts` parts of its rules, the first part with the connector's other facts. The
    name RUN_LEVEL stands for the run-level scenarios: the rules judged once per run, and only those."""
    static = [rule for rule in all_rules().values() if not rule.needs_cargo]
    dealt = {once: _deal([rule for rule in static if rule.run_level == once]) for once in (False, True)}
    flows = tuple(flow_specs(repo))

    def work(name: str, part: int, parts: int) -> None:
        def select(name: str = name) -> tuple[tuple[str, ...], str]:
            selection = selection_of(name)
            return selection.flows, selection.source

        run_level = name == RUN_LEVEL
        scope = Scope(repo, name, require_docs=require_docs) if run_level else \
            Scope(repo, name, require_docs=require_docs, select=select)
        if part == 0 and not run_level:
            assess_flows(repo, name)
            connector_kinds(repo, name)
            flow_expectations(repo, name)
            connector_stage(repo, name)
            spec_overview(repo, name)
            if baseline is not None:
                baseline.flow_deltas(name)
        by_parts = dealt[run_level]
        for rule in by_parts[parts][part] if parts in by_parts else by_parts[1][0][part::parts]:
            for params in ([{"flow": flow} for flow in flows] if "flow" in rule.params else [{}]):
                if rule.skip_reason(scope, **params) is not None:
                    continue
                ordered = tuple(sorted(params.items()))
                found = repo.facts.get(RunContext.findings, (rule.id, name, ordered),
                                       lambda r=rule, p=params: r.run(scope, **p))
                if baseline is None:
                    continue
                own = [f for f in found if not f.run_level]
                shared = [f for f in found if f.run_level]
                repo.facts.get(RunContext.compare, (rule.id, name, False, ordered),
                               lambda r=rule, p=params, o=own: baseline.compare(r, scope, o, **p))
                if shared:
                    repo.facts.get(RunContext.compare, (rule.id, name, True, ordered),
                                   lambda r=rule, p=params, s=shared: baseline.compare_run_level(r, scope, s, **p))

    return work


def _deal(rules: list[Rule]) -> dict[int, list[list[Rule]]]:
    """The rules by number of parts. In two: the rules of the shared files (registration points, the checkout's
    files, and pitfall 3's default-implementation macro lists, which it reads with the default-impls point) apart
    from those of the connector's own code, which go with its other facts; each part parses and reads what it
    needs."""
    shared = [rule for rule in rules if rule.id.startswith(SHARED_FILE_RULES)]
    return {1: [rules], 2: [[rule for rule in rules if rule not in shared], shared]}


def _waiver_rel(repo: Repository, given: Path | None) -> str | None:
    """The waiver file's path inside the target (None when --waivers names a file outside it)."""
    if given is None:
        return DEFAULT_WAIVER_FILE
    given = Path(os.path.abspath(given.expanduser()))
    path = Path(os.path.realpath(given.parent)) / given.name  # the folder resolved, the file itself not followed
    return str(path.relative_to(repo.root)) if path.is_relative_to(repo.root) else None


def _target_waivers(repo: Repository, rel: str, required: bool, rules: WaiverRules) -> WaiverFile:
    """The waiver file of the checkout itself (a run without --changed-since), read like any file of the target."""
    try:
        text = repo.read.read_text(rel, strict=True)
    except UnicodeDecodeError as error:
        raise UsageError(f"waiver file {printable(rel)} is not UTF-8 text ({error.reason} at byte {error.start})") \
            from None
    if text is None:
        if rel in repo.read.escapes:
            raise UsageError(f"waiver file {printable(rel)} is a symlink that points outside the checkout")
        if required:
            raise UsageError(f"waiver file {printable(rel)} does not exist in {repo.root}")
        return WaiverFile(None)
    if rel in repo.read.oversized:
        raise UsageError(f"waiver file {printable(rel)} is larger than {MAX_FILE_BYTES:,} bytes")
    return parse_waivers(text, rel, rules, str(repo.root / rel))


def rule_catalogue(repo: Repository) -> dict[str, dict[str, str]]:
    """Every rule's severity and guide text for the reports; each flow rule gets one id per flow it holds."""
    flow_rules = {r.id: r for r in all_rules().values() if "flow" in r.params}
    catalogue = {r.id: {"severity": r.severity, "guide": r.guide} for r in all_rules().values()
                 if r.id not in flow_rules}
    for flow, spec in flow_specs(repo).items():
        rule = flow_rules["flow" if spec.guide.every_payment or spec.guide.ignored else "flow-feature"]
        catalogue[f"{rule.id}.{flow}"] = {"severity": rule.severity, "guide": f"{rule.guide} ({flow})"}
    return catalogue
