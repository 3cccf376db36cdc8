"""What every renderer needs to read the report the same way: the guide's section order, a scenario's display
status, failing findings errors-first, and the flows split into the guide's nine and its seven [Ignore]d ones.

Pure functions over `reports.model`; nothing here formats text.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable
from dataclasses import dataclass

from connector_compliance.checks.core.finding import Finding
from connector_compliance.checks.facts.flow_status import FlowAssessment

from .counts import STATUS_RANK, STATUSES, display_status, status_counts
from .model import FIXED, NEW, PRE_EXISTING, ComplianceReport, ConnectorReport, ScenarioResult

__all__ = ["STATUSES", "display_status", "status_counts"]  # re-exported: the counts live in reports/counts.py

FLOW_STATUSES = ("implemented", "flawed", "default", "stub", "missing")
SEVERITY_RANK = {"error": 0, "warning": 1}

# The guide's order (scaffolding first), by the feature-level Gherkin tag. Unknown features go last.
_SECTION_TAGS: tuple[tuple[str, str], ...] = (
    ("scaffolding", "Scaffolding"),
    ("preparation", "Preparation"),
    ("imports", "Imports"),
    ("flows", "Flows"),
    ("flow-selection", "Flow selection"),
    ("pitfalls", "Pitfalls"),  # a feature holding several pitfalls (each scenario tagged @pitfall-N)
    *((f"pitfall-{n}", f"Pitfall {n}") for n in range(1, 10)),
    ("registration", "Registration"),
    ("cargo", "Build (cargo)"),
)
SECTION_RANK = {tag: rank for rank, (tag, _) in enumerate(_SECTION_TAGS)}
SECTION_LABEL = dict(_SECTION_TAGS)
UNKNOWN_RANK = len(_SECTION_TAGS)
# When a feature carries none of the tags above, its name decides (first match wins).
_NAME_HINTS: tuple[tuple[str, str], ...] = (
    ("scaffold", "scaffolding"), ("prepar", "preparation"), ("import", "imports"),
    ("flow selection", "flow-selection"), ("pitfall", "pitfalls"), ("flow", "flows"), ("registration", "registration"),
    ("build", "cargo"), ("cargo", "cargo"),
)
_PITFALL_TAG = re.compile(r"^pitfall-(\d+)$")
_PITFALL_NAME = re.compile(r"\bpitfall\s*(\d+)", re.IGNORECASE)


def all_results(report: ComplianceReport) -> Iterable[tuple[ConnectorReport, ScenarioResult]]:
    for connector in report.connectors.values():
        for result in connector.scenarios:
            yield connector, result


def _section_of_tags(tags: Iterable[str]) -> str | None:
    known = [t for t in tags if t in SECTION_RANK]
    return min(known, key=SECTION_RANK.__getitem__) if known else None


def section_key(feature: str, results: list[ScenarioResult]) -> str | None:
    """The section tag of a feature: a tag every scenario shares (a feature tag), else the lowest-ranked tag any
    scenario carries, else a word of the feature's name; None when nothing matches."""
    if results:
        shared = set(results[0].tags).intersection(*(r.tags for r in results[1:]))
        found = _section_of_tags(shared) or _section_of_tags(t for r in results for t in r.tags)
        if found:
            return found
    lowered = feature.lower()
    pitfall = _PITFALL_NAME.search(lowered)
    if pitfall and f"pitfall-{pitfall[1]}" in SECTION_RANK:
        return f"pitfall-{pitfall[1]}"
    return next((key for word, key in _NAME_HINTS if word in lowered), None)


def _pitfall_number(result: ScenarioResult) -> int:
    numbers = [int(m[1]) for t in result.tags if (m := _PITFALL_TAG.match(t))]
    return min(numbers) if numbers else 0


@dataclass(frozen=True)
class Section:
    key: str | None  # the section tag (e.g. "flows", "pitfall-3"), None for a feature the guide order lacks
    label: str  # "Flows", "Pitfall 3", or the feature's name
    feature: str
    results: tuple[ScenarioResult, ...]  # failures first, then the feature's own order

    @property
    def counts(self) -> dict[str, int]:
        return status_counts(self.results)

    @property
    def worst(self) -> str:
        return min((display_status(r) for r in self.results), key=STATUS_RANK.__getitem__, default="passed")


# Each renderer asks for every connector's sections several times (six on a whole tree): grouped once per report.
_SECTIONS: dict[int, tuple[weakref.ref[ConnectorReport], int, list[Section]]] = {}


def sections(connector: ConnectorReport) -> list[Section]:
    """The connector's scenarios grouped by feature, features in the guide's order, failures first in each (the
    report is final when it is rendered; a scenario added since the last call groups them again)."""
    known = _SECTIONS.get(id(connector))
    if known is not None and known[0]() is connector and known[1] == len(connector.scenarios):
        return known[2]
    if len(_SECTIONS) > 4096:  # reports of earlier runs in one process (the harness's own tests)
        _SECTIONS.clear()
    grouped = _group(connector)
    _SECTIONS[id(connector)] = (weakref.ref(connector), len(connector.scenarios), grouped)
    return grouped


def _group(connector: ConnectorReport) -> list[Section]:
    by_feature: dict[str, list[ScenarioResult]] = {}
    for result in connector.scenarios:
        by_feature.setdefault(result.feature, []).append(result)
    built = []
    for position, (feature, results) in enumerate(by_feature.items()):
        key = section_key(feature, results)
        order = sorted(range(len(results)), key=lambda i: (STATUS_RANK[display_status(results[i])],
                                                           _pitfall_number(results[i]), i))
        rank = SECTION_RANK.get(key, UNKNOWN_RANK) if key else UNKNOWN_RANK
        label = SECTION_LABEL.get(key, feature) if key else feature
        built.append(((rank, position), Section(key, label, feature, tuple(results[i] for i in order))))
    return [section for _, section in sorted(built, key=lambda pair: pair[0])]


def feature_groups(report: ComplianceReport) -> list[tuple[str, str]]:
    """(feature, label) of every feature in the run, in the guide's order: the fleet matrix's rule groups."""
    seen: dict[str, tuple[tuple[int, int], str]] = {}
    for connector in report.connectors.values():
        for section in sections(connector):
            if section.feature not in seen:
                rank = SECTION_RANK.get(section.key, UNKNOWN_RANK) if section.key else UNKNOWN_RANK
                seen[section.feature] = ((rank, len(seen)), section.label)
    return [(feature, label) for feature, (_, label) in sorted(seen.items(), key=lambda item: item[1][0])]


@dataclass(frozen=True)
class FailingFinding:
    """A finding to show: of a failed or pre-existing scenario (status new or pre-existing), or one the change
    fixed. `connector` is None for a run-level finding."""

    connector: ConnectorReport | None
    result: ScenarioResult
    finding: Finding
    status: str = NEW
    fingerprint: str | None = None

    @property
    def severity(self) -> str:
        return self.result.severity if self.result.severity in SEVERITY_RANK else "error"

    @property
    def owner(self) -> str:
        """The connector's name, or "run" for a run-level finding."""
        return self.connector.name if self.connector is not None else "run"


STATUS_RANK_OF_FINDING = {NEW: 0, PRE_EXISTING: 1, FIXED: 2}


def _owned_results(report: ComplianceReport) -> list[tuple[ConnectorReport | None, list[ScenarioResult]]]:
    """Run-level results first, then each connector's in the guide's section order."""
    owned: list[tuple[ConnectorReport | None, list[ScenarioResult]]] = [(None, list(report.run_scenarios))]
    for connector in report.connectors.values():
        owned.append((connector, [r for section in sections(connector) for r in section.results]))
    return owned


def judged_findings(report: ComplianceReport, statuses: tuple[str, ...] = (NEW, PRE_EXISTING, FIXED)
                    ) -> list[FailingFinding]:
    """Every finding a reviewer may act on, new ones first, then pre-existing, then fixed; each group errors
    first, run-level before connectors, connectors and sections in report order. Waived, skipped and errored
    scenarios contribute none; a fixed finding is one the base tree had and the checkout does not."""
    items = []
    for o_index, (connector, results) in enumerate(_owned_results(report)):
        for r_index, result in enumerate(results):
            found = []
            if result.outcome in ("failed", "pre-existing"):
                found += [(result.status_of(i), f, result.fingerprints[i] if result.fingerprints else None)
                          for i, f in enumerate(result.findings)]
            found += [(FIXED, f, p) for f, p in zip(result.fixed, result.fixed_fingerprints, strict=True)]
            for f_index, (status, finding, fingerprint) in enumerate(found):
                if status not in statuses:
                    continue
                item = FailingFinding(connector, result, finding, status, fingerprint)
                key = (STATUS_RANK_OF_FINDING[status], SEVERITY_RANK[item.severity], o_index, r_index, f_index)
                items.append((key, item))
    return [item for _, item in sorted(items, key=lambda pair: pair[0])]


def failing_findings(report: ComplianceReport) -> list[FailingFinding]:
    """Findings of the scenarios that stand in the checkout (new and pre-existing; not the fixed ones): errors
    first within each status, run-level ones first, then each connector's in the guide's section order."""
    return judged_findings(report, (NEW, PRE_EXISTING))


def split_flows(connector: ConnectorReport) -> tuple[list[FlowAssessment], list[FlowAssessment]]:
    """The guide's flows and its [Ignore]d ones, each in the report's (the guide's) order."""
    return ([a for a in connector.flows if not a.ignored], [a for a in connector.flows if a.ignored])


def flow_names(report: ComplianceReport) -> tuple[list[str], list[str]]:
    """Every flow any connector reports, guide flows first; a run's connectors share one flow list."""
    guide: dict[str, None] = {}
    ignored: dict[str, None] = {}
    for connector in report.connectors.values():
        for assessment in connector.flows:
            (ignored if assessment.ignored else guide)[assessment.flow] = None
    return list(guide), list(ignored)


def is_selected(connector: ConnectorReport, flow: str) -> bool:
    return flow in connector.selection.flows


def flow_fails(connector: ConnectorReport, assessment: FlowAssessment) -> bool:
    """A selected flow the guide enforces that is not implemented: what the flow scenarios fail on."""
    return is_selected(connector, assessment.flow) and not assessment.ignored and assessment.status != "implemented"


def line_text(report: ComplianceReport, finding: Finding) -> str | None:
    """The text of the finding's own line, when its excerpt was read."""
    excerpt = report.excerpts.get((finding.file, finding.line))
    if excerpt is None:
        return None
    index = finding.line - excerpt.start
    return excerpt.lines[index] if 0 <= index < len(excerpt.lines) else None


def column_of(finding: Finding) -> int | None:
    column = finding.extra.get("column") if finding.extra else None
    if isinstance(column, bool):
        return None
    if isinstance(column, int):
        return column if column >= 1 else None
    if isinstance(column, str) and column.isdigit() and int(column) >= 1:
        return int(column)
    return None


def verdict_of(results: Iterable[ScenarioResult]) -> str:
    """failed | error | warning | passed: the worst of the scenarios (pre-existing, waived and skipped count as
    passed: with a baseline, only what the change introduced fails)."""
    worst = min((display_status(r) for r in results), key=STATUS_RANK.__getitem__, default="passed")
    return worst if worst in ("failed", "error", "warning") else "passed"


def connector_verdict(connector: ConnectorReport) -> str:
    return verdict_of(connector.scenarios)


def run_verdict(report: ComplianceReport) -> str:
    """The run's verdict as the renderers show it: harness errors and expired waivers fail it too."""
    verdicts = [verdict_of(report.run_scenarios), *(connector_verdict(c) for c in report.connectors.values())]
    verdict = next((v for v in ("failed", "error", "warning") if v in verdicts), "passed")
    if report.harness_errors or any(w.get("status") == "expired" for w in report.waivers):
        verdict = "failed"
    return verdict


def progress(report: ComplianceReport) -> list[tuple[ConnectorReport, list[tuple[str, str, str, bool]]]]:
    """Per connector with any, the flows the change implemented and those it regressed (implemented before, not
    now), from its flow deltas: (flow, before, after, regression)."""
    found = []
    for connector in report.connectors.values():
        moves = [(d["flow"], d["before"], d["after"], d["before"] == "implemented") for d in connector.flow_deltas
                 if (d["after"] == "implemented") != (d["before"] == "implemented")]
        if moves:
            found.append((connector, moves))
    return found


def condensed_why(why: list[str], limit: int = 3) -> list[str]:
    """Why a connector was checked, short: its changed own files as one count (or the file, when one), then the
    first registration reasons, then how many more."""
    own = [w for w in why if w.startswith("own file changed: ")]
    rest = [w for w in why if w not in own]
    shown = [own[0]] if len(own) == 1 else ([f"{len(own)} own files changed"] if own else [])
    shown += rest[:limit]
    if len(rest) > limit:
        shown.append(f"{len(rest) - limit} more registration change(s)")
    return shown
