"""Per-scenario evaluation: run rules for each connector of the item, record outcomes, give pytest a verdict."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import pytest

from checks.findings import Finding
from checks.layout import GRACE_DIR
from checks.preparation import grace_folder_present

from .run_context import RunContext


@dataclass
class ConnectorOutcome:
    findings: list[Finding] = field(default_factory=list)
    skipped: str | None = None
    waived: str | None = None  # the justification of the waiver that accepted this failure
    stopped_at: int | None = None  # index of the step where it failed or was skipped


class ComplianceWarning(UserWarning):
    """Findings of a @warning scenario when the run fails only on errors (`--fail-on error`)."""


@dataclass
class ScenarioReview:
    run: RunContext
    connectors: tuple[str, ...]
    severity: str = "error"
    scenario: str = ""
    tags: list[str] = field(default_factory=list)
    current_step: int = 0  # set by the plugin before each step runs
    outcomes: dict[str, ConnectorOutcome] = field(default_factory=dict)
    verdict_given: bool = False

    def __post_init__(self) -> None:
        self.outcomes = {name: ConnectorOutcome() for name in self.connectors}

    def active(self) -> list[str]:
        return [name for name, outcome in self.outcomes.items() if outcome.skipped is None]

    def skip(self, connector: str, reason: str) -> None:
        self.outcomes[connector].skipped = reason
        self.outcomes[connector].stopped_at = self.current_step

    def only_where_selected(self, flow: str) -> None:
        """Flows outside a connector's selection, and the guide's [Ignore] flows, are reported, not enforced."""
        for name in self.active():
            selection = self.run.selections[name]
            status = next(a.status for a in self.run.report.connectors[name].flows if a.flow == flow)
            if self.run.repo.flows[flow].guide.ignored:
                self.skip(name, f"{flow}: the guide marks it [Ignore] (status: {status})")
            elif flow not in selection.flows:
                self.skip(name, f"{flow}: not selected by {selection.source} (status: {status})")

    def only_where_grace_documents_apply(self) -> None:
        """Upstream connectors have no GRACE documents: without a grace/ folder, skip unless --require-docs."""
        if self.run.require_docs or grace_folder_present(self.run.repo):
            return
        for name in self.active():
            self.skip(name, f"the checkout has no {GRACE_DIR}/ folder (pass --require-docs to require it)")
        self.verdict()

    def require(self, rule_id: str, with_selection: bool = False, **params: str) -> None:
        """Run one rule for every connector still in play; fail the step when any has findings."""
        for name in self.active():
            if with_selection:
                params["selected"] = ",".join(self.run.selections[name].flows)
            findings = self.run.findings(rule_id, name, **params)
            outcome = self.outcomes[name]
            if findings and outcome.stopped_at is None:
                outcome.stopped_at = self.current_step
            outcome.findings.extend(findings)
        self.verdict()

    def verdict(self) -> None:
        for name, outcome in self.outcomes.items():
            if outcome.skipped is None and outcome.findings and outcome.waived is None:
                waiver = self.run.waivers.find(name, self.scenario, self.tags, self.run.today)
                outcome.waived = waiver.justification if waiver is not None else None
        failing = {n: o.findings for n, o in self.outcomes.items()
                   if o.skipped is None and o.findings and o.waived is None}
        if failing:
            self.verdict_given = True
            lines = [f"{len(failing)} of {len(self.connectors)} connector(s) fail:"]
            for name, findings in failing.items():
                for f in findings:
                    lines.append(f"  [{name}] {f.location()}: {f.message}")
                    if f.hint:
                        lines.append(f"      fix: {f.hint}")
            if self.severity == "warning" and self.run.fail_on == "error":
                warnings.warn(ComplianceWarning("\n".join(lines)), stacklevel=1)
                return
            pytest.fail("\n".join(lines), pytrace=False)
        if not self.active():
            self.verdict_given = True
            reasons = sorted({o.skipped or "" for o in self.outcomes.values()})
            pytest.skip("; ".join(reasons))
        waived = {n: o.waived for n, o in self.outcomes.items() if o.waived is not None}
        if waived and not any(o.findings and o.waived is None for o in self.outcomes.values()):
            self.verdict_given = True
            # A waived failure is not a pass: pytest shows it as xfail ("x"), the report as "waived".
            pytest.xfail("waived: " + "; ".join(f"[{n}] {j}" for n, j in waived.items()))
