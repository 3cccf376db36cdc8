"""One harness run: the target repository, the connectors under review, their flow selections, the report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from checks.changes import changed_connectors
from checks.errors import NothingToCheck, UsageError
from checks.findings import Finding
from checks.flow_checks import assess_flows, connector_type
from checks.guide_drift import guide_drift_notes
from checks.repository import Repository
from checks.rules import RULES
from checks.selection import Selection, parse_flow_list, select_flows
from checks.selection_checks import preprocessing_drift_note
from checks.waivers import DEFAULT_WAIVER_FILE, WaiverFile, load_waivers
from reports.model import ComplianceReport, ConnectorReport

SAMPLE_REPO = Path(__file__).resolve().parent.parent / "examples" / "sample-hyperswitch"
SAMPLE_CONNECTOR = "samplepay"
# Up to this many connectors, each gets its own pytest item per scenario (readable ids, per-item -k);
# beyond it, one item per scenario checks them all, so a whole-repository run stays a few seconds.
PER_CONNECTOR_ITEMS_LIMIT = 12


@dataclass
class RunOptions:
    hs_repo: Path | None
    connectors: list[str]
    all_connectors: bool
    flows: str | None
    report_dir: Path
    no_cargo: bool
    fail_on: str = "error"
    require_docs: bool = False
    waivers: Path | None = None
    changed_since: str | None = None


@dataclass
class RunContext:
    repo: Repository
    connectors: tuple[str, ...]
    selections: dict[str, Selection]
    report: ComplianceReport
    report_dir: Path
    no_cargo: bool
    fail_on: str
    require_docs: bool
    waivers: WaiverFile
    today: dt.date
    _findings: dict[tuple[str, str, tuple[tuple[str, str], ...]], list[Finding]] = field(default_factory=dict)

    def findings(self, rule_id: str, connector: str, **params: str) -> list[Finding]:
        """A rule's findings for one connector, computed once per run however many scenarios ask."""
        key = (rule_id, connector, tuple(sorted(params.items())))
        if key not in self._findings:
            self._findings[key] = RULES[rule_id].run(self.repo, connector, **params)
        return self._findings[key]

    def batches(self) -> list[tuple[str, ...]]:
        if len(self.connectors) <= PER_CONNECTOR_ITEMS_LIMIT:
            return [(name,) for name in self.connectors]
        return [self.connectors]


def batch_id(batch: tuple[str, ...]) -> str:
    return batch[0] if len(batch) == 1 else f"{len(batch)}-connectors"


def build_run_context(options: RunOptions) -> RunContext:
    """Validate the options against the target; raises HarnessError with a one-line message."""
    repo = Repository(options.hs_repo or SAMPLE_REPO)
    if options.changed_since:
        changed = changed_connectors(repo, options.changed_since)
        names = tuple(dict.fromkeys([*options.connectors, *changed]))
        if not names:
            raise NothingToCheck(f"no connector touched since {options.changed_since}: nothing to check")
    elif options.all_connectors:
        names = tuple(sorted(repo.modules))
    elif options.connectors:
        names = tuple(dict.fromkeys(options.connectors))
    elif options.hs_repo is None or repo.root == SAMPLE_REPO.resolve():
        names = (SAMPLE_CONNECTOR,)
    else:
        raise UsageError("name the connector(s) to check with --connector NAME (or use --all-connectors)")
    for name in names:
        repo.connector(name)
    waiver_path = options.waivers or repo.root / DEFAULT_WAIVER_FILE
    waivers = load_waivers(waiver_path, required=options.waivers is not None)
    cli_flows = parse_flow_list(options.flows) if options.flows is not None else None
    selections = {name: select_flows(repo, name, cli_flows, waivers.flows, waivers.path or "") for name in names}
    report = ComplianceReport(str(repo.root), repo.commit)
    for name in names:
        flows = list(assess_flows(repo, name).values())
        report.connectors[name] = ConnectorReport(name, connector_type(repo, name), selections[name], flows)
    report.notes.extend(guide_drift_notes(repo))
    report.notes.extend(preprocessing_drift_note(repo, [n for n in names if "preprocessing" in selections[n].flows]))
    report.rules = {rule.id: {"severity": rule.severity, "guide": rule.guide}
                    for rule in RULES.values() if rule.id != "flow"}
    for flow in repo.flows:  # the flow rule runs once per flow, and each gets its own id in reports
        report.rules[f"flow.{flow}"] = {"severity": RULES["flow"].severity,
                                        "guide": f"{RULES['flow'].guide} ({flow})"}
    return RunContext(repo, names, selections, report, options.report_dir, options.no_cargo, options.fail_on,
                      options.require_docs, waivers, dt.date.today())
