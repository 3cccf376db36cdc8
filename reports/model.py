"""What one run found: per connector, its flow statuses and each scenario's outcome with findings."""

from __future__ import annotations

from dataclasses import dataclass, field

from connector_compliance.checks.core.finding import Finding
from connector_compliance.checks.facts.expectation import Expectation
from connector_compliance.checks.facts.flow_status import FlowAssessment
from connector_compliance.checks.facts.selection import Selection

from .counts import status_counts

SCHEMA = "connector-compliance/1"
OUTCOMES = ("passed", "failed", "waived", "skipped", "error")


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

    def as_dict(self, excerpts: dict[tuple[str, int], Excerpt] | None = None) -> dict[str, object]:
        findings = []
        for finding in self.findings:
            item = finding.as_dict()
            excerpt = (excerpts or {}).get((finding.file, finding.line))
            if excerpt is not None:
                item["excerpt"] = {"start": excerpt.start, "lines": excerpt.lines}
            findings.append(item)
        data: dict[str, object] = {
            "feature": self.feature, "scenario": self.scenario, "tags": self.tags, "severity": self.severity,
            "outcome": self.outcome, "findings": findings,
            "steps": [{"keyword": s.keyword, "text": s.text, "status": s.status} for s in self.steps],
        }
        if self.reason:
            data["reason"] = self.reason
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

    def as_dict(self) -> dict[str, object]:
        return {
            "schema": SCHEMA,
            "target": {"path": self.target_path, "commit": self.commit},
            "notes": self.notes,
            "rules": self.rules,
            "waivers": self.waivers,
            "harness_errors": self.harness_errors,
            "connectors": [
                {
                    "name": c.name,
                    "type": c.type_name,
                    "kinds": c.kinds,
                    "stage": c.stage.as_dict() if c.stage is not None else None,
                    "selection": c.selection.as_dict(),
                    "completion": dict(zip(("implemented", "selected"), c.completion(), strict=True)),
                    "summary": c.counts(),
                    "flows": c.flow_rows(),
                    **({"spec": {k: v for k, v in c.spec.items() if k != "flows"}} if c.spec else {}),
                    "scenarios": [s.as_dict(self.excerpts) for s in c.scenarios],
                }
                for c in self.connectors.values()
            ],
        }
