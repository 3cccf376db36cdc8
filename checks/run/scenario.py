"""One scenario for a batch of connectors, without pytest: which rules ran, what each connector's outcome is, and
the verdict the test framework should give (fail, warn, skip, xfail for a waived failure, or pass)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.finding import Finding
from ..core.rule import Rule
from .context import RunContext


@dataclass
class ConnectorOutcome:
    findings: list[Finding] = field(default_factory=list)
    skipped: str | None = None
    waived: str | None = None  # the justification of the waiver that accepted this failure
    stopped_at: int | None = None  # index of the step where it failed or was skipped


@dataclass(frozen=True)
class Verdict:
    kind: str  # "fail" | "warn" | "skip" | "xfail" | "pass"
    message: str = ""


@dataclass
class ScenarioRun:
    run: RunContext
    connectors: tuple[str, ...]
    severity: str = "error"
    scenario: str = ""
    tags: list[str] = field(default_factory=list)
    current_step: int = 0  # set before each step runs
    outcomes: dict[str, ConnectorOutcome] = field(default_factory=dict)
    verdict_given: bool = False

    def __post_init__(self) -> None:
        self.outcomes = {name: ConnectorOutcome() for name in self.connectors}

    def active(self) -> list[str]:
        return [name for name, outcome in self.outcomes.items() if outcome.skipped is None]

    def skip(self, connector: str, reason: str) -> None:
        self.outcomes[connector].skipped = reason
        self.outcomes[connector].stopped_at = self.current_step

    def only_where_applies(self, rules: list[Rule], **params: str) -> None:
        """Skip each connector a rule does not apply to (flow not selected, no GRACE folder, build blocked)."""
        for rule in rules:
            for name in self.active():
                reason = rule.skip_reason(self.run.scope(name), **params)
                if reason is not None:
                    self.skip(name, reason)

    def require(self, rules: list[Rule], **params: str) -> Verdict:
        """Run the rules for every connector still in play; the verdict fails when any has findings."""
        self.only_where_applies(rules, **params)
        for rule in rules:
            for name in self.active():
                findings = self.run.findings(rule, name, **params)
                outcome = self.outcomes[name]
                if findings and outcome.stopped_at is None:
                    outcome.stopped_at = self.current_step
                outcome.findings.extend(findings)
        return self.verdict()

    def verdict(self) -> Verdict:
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
            warn = self.severity == "warning" and self.run.options.fail_on == "error"
            return Verdict("warn" if warn else "fail", "\n".join(lines))
        if not self.active():
            self.verdict_given = True
            return Verdict("skip", "; ".join(sorted({o.skipped or "" for o in self.outcomes.values()})))
        waived = {n: o.waived for n, o in self.outcomes.items() if o.waived is not None}
        if waived:
            self.verdict_given = True
            # A waived failure is not a pass: the test framework shows it as xfail, the report as "waived".
            return Verdict("xfail", "waived: " + "; ".join(f"[{n}] {j}" for n, j in waived.items()))
        return Verdict("pass")
