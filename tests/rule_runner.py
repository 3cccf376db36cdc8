"""Run a rule (or every rule of a guide tag such as "pitfall-2") the way a scenario does, outside pytest-bdd."""

from __future__ import annotations

from connector_compliance.checks.core.finding import Finding
from connector_compliance.checks.core.registry import all_rules, tagged
from connector_compliance.checks.core.rule import Rule, Scope
from connector_compliance.checks.facts.selection import select_flows
from connector_compliance.checks.target.repository import Repository


def rules_named(name: str) -> list[Rule]:
    return [all_rules()[name]] if name in all_rules() else tagged(name)


def run_rule(name: str, repo: Repository, connector: str, **params: str) -> list[Finding]:
    selection = select_flows(repo, connector, None, {}, "")
    scope = Scope(repo, connector, selection.flows, selection.source)
    rules = rules_named(name)
    assert rules, f"no rule or tag {name!r}"
    return [f for rule in rules for f in rule.run(scope, **params)]


def static_findings(repo: Repository, connector: str) -> list[Finding]:
    """Every rule that needs no cargo, run the way the scenarios run it (each selected flow for a flow rule)."""
    selection = select_flows(repo, connector, None, {}, "")
    scope = Scope(repo, connector, selection.flows, selection.source)
    found = []
    for rule in all_rules().values():
        if rule.needs_cargo:
            continue
        for params in ([{"flow": f} for f in selection.flows] if "flow" in rule.params else [{}]):
            if rule.skip_reason(scope, **params) is None:
                found.extend(rule.run(scope, **params))
    return found


def new_findings(repo: Repository, baseline: Repository, connectors: tuple[str, ...] = ("samplepay", "acme_pay")
                 ) -> list[Finding]:
    """The static findings of `repo` that `baseline` does not have (compared by rule and file, so an edit that moves
    lines elsewhere in a file does not count as a new finding)."""
    before: dict[tuple[str, str], int] = {}
    # kept in the baseline's own fact cache: the untouched sample is every hint case's baseline
    for finding in (f for name in connectors
                    for f in baseline.facts.get(static_findings, (name,), lambda n=name: static_findings(baseline, n))):
        before[(finding.rule, finding.file)] = before.get((finding.rule, finding.file), 0) + 1
    added = []
    for finding in (f for name in connectors for f in static_findings(repo, name)):
        key = (finding.rule, finding.file)
        if before.get(key, 0) > 0:
            before[key] -= 1
        else:
            added.append(finding)
    return added
