"""One scenario for a batch of connectors, without pytest: which rules ran, what each connector's outcome is, and
the verdict the test framework should give (fail, warn, skip, xfail for a waived failure or for findings that were
all there before the change, or pass).

With a baseline only new findings fail a scenario; a scenario whose findings all pre-exist is "pre-existing"."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.finding import Finding
from ..core.names import printable
from ..core.rule import Rule
from .baseline import NEW, Comparison
from .context import RunContext

MESSAGE_FINDINGS = 20  # findings per connector in the test's failure text (the reports list them all)


@dataclass
class ConnectorOutcome:
    findings: list[Finding] = field(default_factory=list)
    skipped: str | None = None
    waived: str | None = None  # the justification of the waiver that accepted this failure
    stopped_at: int | None = None  # index of the step where it failed or was skipped
    comparison: Comparison | None = None  # with a baseline: each finding's status, and the fixed ones
    # Findings about a shared file that say the same for every connector (a missing registration file): they are
    # reported once per run, not as this connector's; they still decide the scenario's pytest verdict.
    shared: list[Finding] = field(default_factory=list)
    shared_comparison: Comparison | None = None

    def new_findings(self) -> list[Finding]:
        """The findings that gate: all of them without a baseline, else those the base tree does not have."""
        return _new(self.findings, self.comparison)

    def new_shared(self) -> list[Finding]:
        return _new(self.shared, self.shared_comparison)


def _new(findings: list[Finding], comparison: Comparison | None) -> list[Finding]:
    if comparison is None:
        return list(findings)
    return [f for f, s in zip(findings, comparison.statuses, strict=True) if s == NEW]


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
            removed = self.run.baseline.removed_point(rule) if self.run.baseline is not None else None
            for name in self.active():
                reason = rule.skip_reason(self.run.scope(name), **params)
                if reason is not None and removed is not None:
                    self._record_shared(rule, name, [removed], **params)
                elif reason is not None:
                    self.skip(name, reason)

    def require(self, rules: list[Rule], **params: str) -> Verdict:
        """Run the rules for every connector still in play; the verdict fails when any has findings."""
        self.only_where_applies(rules, **params)
        for rule in rules:
            for name in self.active():
                found = self.run.findings(rule, name, **params)
                outcome = self.outcomes[name]
                findings = [f for f in found if not f.run_level]
                shared = [f for f in found if f.run_level]
                if findings and outcome.stopped_at is None:
                    outcome.stopped_at = self.current_step
                outcome.findings.extend(findings)
                comparison = self.run.compare(rule, name, findings, **params)
                if comparison is not None:
                    outcome.comparison = outcome.comparison or Comparison()
                    outcome.comparison.extend(comparison)
                self._record_shared(rule, name, shared, **params)
        return self.verdict()

    def _record_shared(self, rule: Rule, name: str, shared: list[Finding], **params: str) -> None:
        """Run-level findings a connector's rule raised, judged against the base's run-level findings."""
        if not shared:
            return
        outcome = self.outcomes[name]
        outcome.shared.extend(shared)
        comparison = self.run.compare(rule, name, shared, run_level=True, **params)
        if comparison is not None:
            outcome.shared_comparison = outcome.shared_comparison or Comparison()
            outcome.shared_comparison.extend(comparison)

    def verdict(self) -> Verdict:
        for name, outcome in self.outcomes.items():
            if outcome.skipped is None and outcome.findings and outcome.waived is None:
                rules = {f.rule for f in outcome.findings}
                waiver = self.run.waivers.find(name, self.scenario, self.tags, self.run.today, rules)
                outcome.waived = waiver.justification if waiver is not None else None
        live = {n: o for n, o in self.outcomes.items()
                if o.skipped is None and (o.findings or o.shared) and o.waived is None}
        failing = {n: o.new_findings() + o.new_shared() for n, o in live.items() if o.new_findings() + o.new_shared()}
        if failing:
            self.verdict_given = True
            lines = [f"{len(failing)} of {len(self.connectors)} connector(s) fail:"]
            for name, findings in failing.items():
                for f in findings[:MESSAGE_FINDINGS]:
                    lines.append(f"  [{name or 'run'}] {printable(f.file)}:{f.line}: {f.message}")
                    if f.hint:
                        lines.append(f"      fix: {f.hint}")
                if len(findings) > MESSAGE_FINDINGS:
                    more = len(findings) - MESSAGE_FINDINGS
                    lines.append(f"  [{name or 'run'}] {more} more findings: see the reports")
            known = sum(len(o.findings) + len(o.shared) for o in live.values()) - sum(len(f) for f in failing.values())
            if known:
                lines.append(f"  (and {known} finding(s) the base tree already had)")
            warn = self.severity == "warning" and self.run.options.fail_on == "error"
            return Verdict("warn" if warn else "fail", "\n".join(lines))
        if not self.active():
            self.verdict_given = True
            return Verdict("skip", "; ".join(sorted({o.skipped or "" for o in self.outcomes.values()})))
        if live:
            self.verdict_given = True
            count = sum(len(o.findings) + len(o.shared) for o in live.values())
            base = self.run.baseline.commit[:12] if self.run.baseline is not None else "the base"
            return Verdict("xfail", f"pre-existing: {count} finding(s) already at {base}, none new")
        waived = {n: o.waived for n, o in self.outcomes.items() if o.waived is not None}
        if waived:
            self.verdict_given = True
            # A waived failure is not a pass: the test framework shows it as xfail, the report as "waived".
            return Verdict("xfail", "waived: " + "; ".join(f"[{n}] {j}" for n, j in waived.items()))
        return Verdict("pass")
