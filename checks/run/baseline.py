"""The baseline of a change: the same static model and the same static rules on the base tree, and each finding
of the checkout judged against it.

- **new**: only in the checkout; **pre-existing**: in both (by fingerprint, run/fingerprint.py); **fixed**: only
  in the base. Only new findings gate a run.
- Flows are judged by their status: a selected flow that is not implemented is new only when the base
  implemented it (a regression); a flow that was not implemented before either is pre-existing, whatever its
  finding's wording. Flows that became implemented are progress (`flow_deltas`).
- Rules that need cargo are not run on the base: their findings count as new.

The base tree comes from git objects (run/git_tree.py), in a temporary directory outside the target.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..core.errors import TargetError, UsageError
from ..core.finding import RUN_LEVEL, Finding
from ..core.rule import Rule, Scope
from ..facts.flow_status import FlowStatus, assess_flows
from ..target import layout
from ..target.repository import Repository
from . import git_tree
from .changes import Attribution, changed_connectors
from .fingerprint import fingerprints

NEW, PRE_EXISTING, FIXED = "new", "pre-existing", "fixed"
FLOW_RULE = "flow"


@dataclass
class Comparison:
    """One rule's findings for one connector, judged against the base: a status and fingerprint per finding of
    the checkout, and the base's findings the checkout no longer has."""

    statuses: list[str] = field(default_factory=list)
    fingerprints: list[str] = field(default_factory=list)
    fixed: list[Finding] = field(default_factory=list)
    fixed_fingerprints: list[str] = field(default_factory=list)

    def extend(self, other: Comparison) -> None:
        self.statuses += other.statuses
        self.fingerprints += other.fingerprints
        self.fixed += other.fixed
        self.fixed_fingerprints += other.fixed_fingerprints


@dataclass
class Baseline:
    """The base side of a run: which option asked for it, the ref, the merge-base commit and its tree."""

    option: str  # "--changed-since" or "--baseline"
    ref: str
    commit: str
    head: Repository
    repo: Repository
    changed: list[str]
    tree: git_tree.BaseTree
    notes: list[str] = field(default_factory=list)  # rules that could not run on the base, core-wide changes

    def cleanup(self) -> None:
        self.tree.cleanup()

    def attribution(self) -> Attribution:
        attribution = changed_connectors(self.head, self.repo, self.changed)
        self.notes += attribution.notes
        return attribution

    def base_scope(self, scope: Scope) -> Scope:
        return Scope(self.repo, scope.connector, scope.selected, scope.selection_source, scope.require_docs, None)

    def compare(self, rule: Rule, scope: Scope, findings: list[Finding], **params: str) -> Comparison:
        """Judge the checkout's findings of one rule for one connector (or the run, connector "")."""
        name = scope.connector
        head_prints = fingerprints(name, findings, self.head.line_text)
        if rule.needs_cargo:
            return Comparison([NEW] * len(findings), head_prints)
        if rule.id == FLOW_RULE:
            before = self.flow_status(name, params["flow"])
            status = NEW if before is FlowStatus.IMPLEMENTED else PRE_EXISTING
            return Comparison([status] * len(findings), head_prints)
        base = self._base_findings(rule, scope, params)
        if base is None:
            return Comparison([NEW] * len(findings), head_prints)
        base = [f for f in base if not f.run_level]  # those are compare_run_level's
        base_prints = fingerprints(name, base, self.repo.line_text)
        known = set(base_prints)
        present = set(head_prints)
        return Comparison([PRE_EXISTING if p in known else NEW for p in head_prints], head_prints,
                          [f for f, p in zip(base, base_prints, strict=True) if p not in present],
                          [p for p in base_prints if p not in present])

    def compare_run_level(self, rule: Rule, scope: Scope, findings: list[Finding], **params: str) -> Comparison:
        """Judge run-level findings a connector's rule raised (a missing shared file): against the base's run-level
        findings of the same rule, whether or not the base has that connector; fingerprinted without it."""
        head_prints = fingerprints("", findings, self.head.line_text)
        if rule.needs_cargo:
            return Comparison([NEW] * len(findings), head_prints)
        base = self._base_findings(rule, scope, params, any_connector=True)
        if base is None:
            return Comparison([NEW] * len(findings), head_prints)
        base = [f for f in base if f.run_level]
        base_prints = fingerprints("", base, self.repo.line_text)
        known, present = set(base_prints), set(head_prints)
        return Comparison([PRE_EXISTING if p in known else NEW for p in head_prints], head_prints,
                          [f for f, p in zip(base, base_prints, strict=True) if p not in present],
                          [p for p in base_prints if p not in present])

    def _base_findings(self, rule: Rule, scope: Scope, params: dict[str, str], any_connector: bool = False
                       ) -> list[Finding] | None:
        """The rule's findings on the base tree; [] for a connector the base lacks (unless `any_connector`: a
        run-level finding does not depend on it); None when it cannot tell."""
        if scope.connector and scope.connector not in self.repo.modules and not any_connector:
            return []
        key = (rule.id, scope.connector, tuple(sorted(params.items())))
        try:
            return self.repo.facts.get(Baseline._base_findings, key,
                                       lambda: rule.run(self.base_scope(scope), **params))
        except Exception as error:  # a rule that cannot read an older layout: judge conservatively, say so
            note = (f"{rule.id} could not run on the base tree ({type(error).__name__}: {error}); "
                    "its findings count as new")
            if note not in self.notes:
                self.notes.append(note)
            return None

    def removed_point(self, rule: Rule) -> Finding | None:
        """A run-level finding when the change removed the shared item `rule` checks (the base has it, the
        checkout does not): the tree alone cannot tell a removed point from one its layout never had."""
        if rule.locate is None:
            return None
        return self.repo.facts.get(Baseline.removed_point, rule.id, lambda: self._removed_point(rule))

    def _removed_point(self, rule: Rule) -> Finding | None:
        assert rule.locate is not None
        if rule.locate(self.head) is not None:
            return None
        try:
            before = rule.locate(self.repo)
        except Exception:  # an older layout the locator cannot read: nothing to compare
            return None
        if before is None:
            return None
        return Finding(rule.id, before.rel, before.line,
                       f"this change removes what {rule.id} checks ({before.rel}:{before.line} at the base "
                       f"{self.commit[:12]}): \"{rule.title}\" can no longer hold for any connector",
                       "restore it, or move it where the tree declares the same item (the gate finds registration "
                       "points by what they are, not by path)", {RUN_LEVEL: True})

    def flow_status(self, name: str, flow: str) -> FlowStatus | None:
        """The flow's status in the base tree; None when the base has no such connector or flow."""
        if name not in self.repo.modules:
            return None
        assessment = assess_flows(self.repo, name).get(flow)
        return assessment.status if assessment is not None else None

    def flow_deltas(self, name: str) -> list[dict[str, str]]:
        """Flows whose status changed: `{"flow": "capture", "before": "stub", "after": "implemented"}` (before is
        "absent" for a connector new in the checkout)."""
        now = assess_flows(self.head, name)
        deltas = []
        for flow, assessment in now.items():
            before = self.flow_status(name, flow)
            if before is None or before is not assessment.status:
                deltas.append({"flow": flow, "before": str(before) if before is not None else "absent",
                               "after": str(assessment.status)})
        return deltas

    def as_dict(self) -> dict[str, object]:
        return {"option": self.option, "ref": self.ref, "commit": self.commit, "changed_files": len(self.changed),
                "notes": self.notes}


def open_baseline(head: Repository, ref: str, option: str) -> Baseline:
    """Resolve REF, take `git merge-base REF HEAD`, list what changed since and materialise the base tree."""
    root = Path(head.root)
    commit = git_tree.merge_base(root, ref, option)
    changed = git_tree.changed_files(root, commit, option)
    tree = git_tree.materialise(root, commit, option, changed)
    try:
        repo = Repository(tree.root, head, tree.same)
    except TargetError:
        tree.cleanup()
        raise UsageError(f"{option} {ref}: the base tree at {commit[:12]} is not a Hyperswitch checkout "
                         f"({layout.CONNECTORS_RS} is missing)") from None
    return Baseline(option, ref, commit, head, repo, changed, tree)
