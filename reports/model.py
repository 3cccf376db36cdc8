"""What one run found: per connector, its flow statuses and each scenario's outcome with findings; the run-level
scenarios (findings that belong to no single connector); with a baseline, each finding's status (new or
pre-existing), the fixed ones, why each connector was checked and its flow deltas."""

from __future__ import annotations

from dataclasses import dataclass, field

from connector_compliance.checks.core.finding import FIXED, NEW, PRE_EXISTING, Finding
from connector_compliance.checks.core.limits import (
    MAX_FINDINGS_PER_FILE,
    MAX_FINDINGS_PER_REPORT,
    MAX_FINDINGS_PER_RULE,
    bounded,
    more_not_shown,
)
from connector_compliance.checks.facts.expectation import Expectation
from connector_compliance.checks.facts.flow_status import FlowAssessment
from connector_compliance.checks.facts.selection import Selection

from .counts import status_counts
from .links import SourceLinks

SCHEMA = "connector-compliance/1"
# "pre-existing": the scenario's findings were all in the base tree too (only with --changed-since / --baseline)
OUTCOMES = ("passed", "failed", "pre-existing", "waived", "skipped", "error")


@dataclass(frozen=True)
class Excerpt:
    start: int  # 1-based line number of lines[0]
    lines: list[str]


@dataclass(frozen=True)
class StepResult:
    keyword: str
    text: str
    status: str  # passed | failed | skipped


@dataclass
class ScenarioResult:
    feature: str
    scenario: str
    tags: list[str]
    outcome: str
    findings: list[Finding] = field(default_factory=list)
    reason: str | None = None
    severity: str = "error"  # from the scenario's @error / @warning tag
    steps: list[StepResult] = field(default_factory=list)
    # With a baseline (else empty): per finding its status and fingerprint; the base's findings now gone.
    statuses: list[str] = field(default_factory=list)
    fingerprints: list[str] = field(default_factory=list)
    fixed: list[Finding] = field(default_factory=list)
    fixed_fingerprints: list[str] = field(default_factory=list)

    def status_of(self, index: int) -> str:
        """new | pre-existing; every finding is new when the run has no baseline."""
        return self.statuses[index] if index < len(self.statuses) else NEW

    def new_findings(self) -> list[Finding]:
        return [f for i, f in enumerate(self.findings) if self.status_of(i) == NEW]

    def as_dict(self, excerpts: dict[tuple[str, int], Excerpt] | None = None, links: SourceLinks | None = None,
                base_commit: str | None = None) -> dict[str, object]:
        findings = []
        for index, finding in enumerate(self.findings):
            item = finding.as_dict()
            excerpt = (excerpts or {}).get((finding.file, finding.line))
            if excerpt is not None:
                item["excerpt"] = {"start": excerpt.start, "lines": excerpt.lines}
            if self.statuses:
                item["status"] = self.status_of(index)
                item["fingerprint"] = self.fingerprints[index]
            if links is not None and (url := links.url(finding.file, finding.line)):
                item["url"] = url
            findings.append(item)
        data: dict[str, object] = {
            "feature": self.feature, "scenario": self.scenario, "tags": self.tags, "severity": self.severity,
            "outcome": self.outcome, "findings": findings,
            "steps": [{"keyword": s.keyword, "text": s.text, "status": s.status} for s in self.steps],
        }
        if self.reason:
            data["reason"] = self.reason
        if self.fixed:
            fixed = []
            for finding, fingerprint in zip(self.fixed, self.fixed_fingerprints, strict=True):
                item = {**finding.as_dict(), "status": FIXED, "fingerprint": fingerprint}
                if links is not None and (url := links.url(finding.file, finding.line, base_commit)):
                    item["url"] = url
                fixed.append(item)
            data["fixed"] = fixed
        return data


@dataclass(frozen=True)
class StageReport:
    """Live, template stage or unregistered (checks/facts/stage.py), and what a template-stage connector has left
    to do, in the guide's order."""

    stage: str
    because: str
    file: str
    line: int
    todo: tuple[str, ...] = ()

    @property
    def template(self) -> bool:
        return self.stage == "template"

    def as_dict(self) -> dict[str, object]:
        return {"stage": self.stage, "because": self.because, "file": self.file, "line": self.line,
                "todo": list(self.todo)}


@dataclass
class ConnectorReport:
    name: str
    type_name: str | None
    selection: Selection
    flows: list[FlowAssessment]
    scenarios: list[ScenarioResult] = field(default_factory=list)
    # What the tech spec says and whether the code agrees (facts/spec_code.py spec_overview): {"file", "base_urls",
    # "flows": {flow: {...}}}; empty when the connector has no spec.
    spec: dict[str, object] = field(default_factory=dict)
    why: list[str] = field(default_factory=list)  # why it was checked (--changed-since, --connector)
    flow_deltas: list[dict[str, str]] = field(default_factory=list)  # with a baseline: {flow, before, after}
    expectations: dict[str, Expectation] = field(default_factory=dict)  # per flow: expected or not, and why
    kinds: list[dict[str, object]] = field(default_factory=list)  # each kind with its evidence
    stage: StageReport | None = None

    def flow_rows(self) -> list[dict[str, object]]:
        """Each flow: the code's status and cause, whether it is selected, whether it is expected and why, and
        what the tech spec says of it."""
        by_flow = self.spec.get("flows", {})
        rows = []
        for a in self.flows:
            row: dict[str, object] = {**a.as_dict(), "selected": a.flow in self.selection.flows}
            expectation = self.expectations.get(a.flow)
            if expectation is not None:
                row.update(expectation.as_dict())
            if isinstance(by_flow, dict) and a.flow in by_flow:
                row["spec"] = by_flow[a.flow]
            rows.append(row)
        return rows

    def counts(self) -> dict[str, int]:
        """Scenarios per display status (reports/counts.py): the same numbers every renderer shows."""
        return status_counts(self.scenarios)

    def completion(self) -> tuple[int, int]:
        """Selected flows that are implemented, out of the selected flows the guide enforces."""
        enforced = [a for a in self.flows if a.flow in self.selection.flows and not a.ignored]
        return sum(1 for a in enforced if a.status == "implemented"), len(enforced)


@dataclass
class ComplianceReport:
    target_path: str
    commit: str | None
    connectors: dict[str, ConnectorReport] = field(default_factory=dict)
    notes: list[dict[str, str]] = field(default_factory=list)
    rules: dict[str, dict[str, str]] = field(default_factory=dict)  # id -> {severity, guide}
    waivers: list[dict[str, object]] = field(default_factory=list)  # each waiver with its status
    harness_errors: list[str] = field(default_factory=list)  # pytest items that failed before any rule ran
    excerpts: dict[tuple[str, int], Excerpt] = field(default_factory=dict)
    run_scenarios: list[ScenarioResult] = field(default_factory=list)  # once per run, not per connector
    baseline: dict[str, object] | None = None  # {option, ref, commit, changed_files, notes}
    links: SourceLinks | None = None  # where a finding's file and line can be read online

    @property
    def base_commit(self) -> str | None:
        return str(self.baseline["commit"]) if self.baseline else None

    def run_findings(self) -> list[dict[str, object]]:
        """The run-level findings, flat: each with its scenario, severity and (with a baseline) status."""
        items = []
        for result in self.run_scenarios:
            data = result.as_dict(self.excerpts, self.links, self.base_commit)
            for finding in data["findings"]:  # type: ignore[union-attr]
                items.append({**finding, "scenario": result.scenario, "severity": result.severity})  # type: ignore[dict-item]
        return items
    policy: list[str] = field(default_factory=list)  # waivers/selection a PR changed: reported, not applied
    not_shown: int = 0  # findings left out by the caps of checks/core/limits.py
    _per_file: dict[tuple[str, str], int] = field(default_factory=dict, repr=False)
    _total: int = 0

    def admit(self, connector: str, result: ScenarioResult) -> ScenarioResult:
        """Cap one connector's scenario result in place: at most MAX_FINDINGS_PER_RULE per rule, and within the
        per-file and per-report caps, each message clipped; the dropped ones are counted by one last finding per
        cap. The first finding is always kept, so a failed scenario always shows why; with a baseline, statuses
        and fingerprints stay aligned (a count is new when any finding it stands for is new)."""
        kept: list[int] = []
        dropped: dict[str, list[int]] = {}
        per_rule: dict[str, int] = {}
        for index, finding in enumerate(result.findings):
            key = (connector, finding.file)
            if per_rule.get(finding.rule, 0) >= MAX_FINDINGS_PER_RULE:
                why = f"at most {MAX_FINDINGS_PER_RULE} per rule and connector"
            elif self._total >= MAX_FINDINGS_PER_REPORT or self._per_file.get(key, 0) >= MAX_FINDINGS_PER_FILE:
                why = f"at most {MAX_FINDINGS_PER_FILE} per file and connector, {MAX_FINDINGS_PER_REPORT} per report"
            else:
                why = ""
            if why and kept:
                dropped.setdefault(why, []).append(index)
                continue
            kept.append(index)
            per_rule[finding.rule] = per_rule.get(finding.rule, 0) + 1
            self._total += 1
            self._per_file[key] = self._per_file.get(key, 0) + 1
        if not dropped and all(bounded(f) is f for f in result.findings):
            return result
        findings = [bounded(result.findings[i]) for i in kept]
        statuses = [result.status_of(i) for i in kept] if result.statuses else []
        prints = [result.fingerprints[i] for i in kept] if result.fingerprints else []
        for why, indexes in dropped.items():
            first = result.findings[indexes[0]]
            findings.append(more_not_shown(first.rule, first.file, first.line, len(indexes), why))
            self.not_shown += len(indexes)
            if result.statuses:
                statuses.append(NEW if any(result.status_of(i) == NEW for i in indexes) else PRE_EXISTING)
            if result.fingerprints:
                prints.append(f"not-shown:{result.fingerprints[indexes[0]]}")
        result.findings, result.statuses, result.fingerprints = findings, statuses, prints
        return result

    def as_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "schema": SCHEMA,
            "target": {"path": self.target_path, "commit": self.commit},
            "notes": self.notes,
            "rules": self.rules,
            "waivers": self.waivers,
            "harness_errors": self.harness_errors,
            "policy": self.policy,
            "not_shown": self.not_shown,
        }
        if self.baseline is not None:
            data["baseline"] = self.baseline
        data["run_findings"] = self.run_findings()
        data["run_scenarios"] = [s.as_dict(self.excerpts, self.links, self.base_commit) for s in self.run_scenarios]
        data["connectors"] = [
            {
                "name": c.name,
                "type": c.type_name,
                "kinds": c.kinds,
                "stage": c.stage.as_dict() if c.stage is not None else None,
                **({"why": c.why} if c.why else {}),
                "selection": c.selection.as_dict(),
                "completion": dict(zip(("implemented", "selected"), c.completion(), strict=True)),
                "summary": c.counts(),
                "flows": c.flow_rows(),
                **({"spec": {k: v for k, v in c.spec.items() if k != "flows"}} if c.spec else {}),
                **({"flow_deltas": c.flow_deltas} if self.baseline is not None else {}),
                "scenarios": [s.as_dict(self.excerpts, self.links, self.base_commit) for s in c.scenarios],
            }
            for c in self.connectors.values()
        ]
        return data
