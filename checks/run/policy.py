"""Policy comes from the base, not from the pull request.

With `--changed-since REF`, the waivers, the `[connectors.NAME] flows` overrides and the GRACE plans that select
flows are read from the merge-base commit's git objects (`git ls-tree` / `git cat-file`: no work tree, nothing
written into the target). What the pull request adds or changes there does not apply: it becomes a note,
"waivers/selection changed by this PR — needs a maintainer's review". A pull request may still select *more*
flows through its plan (checking more is never a bypass); flows it drops stay selected.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.errors import UsageError
from ..core.names import printable
from ..facts.expectation import expected_flows
from ..facts.flow_catalog import GUIDE_FLOW_NAMES
from ..facts.plan_reading import plan_reading, read_plan
from ..facts.selection import TREE, Selection
from ..target import layout
from ..target.fact_cache import fact
from ..target.files import MAX_FILE_BYTES
from ..target.repository import Repository
from .git_tree import GitError, git, z_split
from .waivers import WaiverFile, WaiverRules, differences, parse_waivers

REVIEW = "waivers/selection changed by this PR — needs a maintainer's review"


@fact
def _base_grace_entries(repo: Repository, base: str) -> dict[str, str]:
    """Every entry of the GRACE folder at the base, path -> its `ls-tree` line: one git call per run, where asking
    for each connector's two plan candidates would cost hundreds on a core-wide change."""
    try:
        listing = git(repo.root, "--literal-pathspecs", "ls-tree", "-r", "-z", "--end-of-options", base, "--",
                      layout.GRACE_DIR)
    except GitError:
        return {}
    return {entry.split("\t", 1)[1]: entry for entry in z_split(listing) if "\t" in entry}


def base_file(repo: Repository, base: str, rel: str) -> str | None:
    """A regular file's text at the base commit (None when absent there, a symlink, or too large)."""
    try:
        if rel.startswith(layout.GRACE_DIR + "/"):
            entry = _base_grace_entries(repo, base).get(rel, "")
        else:
            listing = git(repo.root, "--literal-pathspecs", "ls-tree", "-z", "--end-of-options", base, "--", rel)
            entry = listing.split("\0", 1)[0]
        if "\t" not in entry:
            return None
        mode, kind, obj = entry.split("\t", 1)[0].split()
        if kind != "blob" or mode not in ("100644", "100755"):
            return None
        size = git(repo.root, "cat-file", "-s", "--end-of-options", obj).strip()
        if not size.isdigit() or int(size) > MAX_FILE_BYTES:
            return None
        return git(repo.root, "cat-file", "blob", "--end-of-options", obj)
    except GitError:
        return None


@dataclass
class BasePolicy:
    """The policy of a run under review: the base's waivers and plans, and what the PR would change."""

    base: str
    waivers: WaiverFile
    notes: list[str] = field(default_factory=list)

    def note(self, text: str) -> None:
        self.notes.append(f"{REVIEW}: {text}")


def base_waivers(repo: Repository, base: str, rel: str, rules: WaiverRules) -> BasePolicy:
    """The waiver file at the base applies; the checkout's version is compared with it and never applied."""
    label = f"{rel} at the base {base[:12]}"
    text = base_file(repo, base, rel)
    applied = parse_waivers(text, label, rules, rel) if text is not None else WaiverFile(None)
    policy = BasePolicy(base, applied)
    head_text = repo.text(rel)
    if head_text == text:
        return policy
    if head_text is None:
        if text is not None:
            policy.note(f"it removes {rel}; the base's waivers still apply")
        return policy
    try:
        head = parse_waivers(head_text, rel, rules, rel)
    except UsageError as error:
        policy.note(f"its {rel} would be refused ({error}); the base's waivers apply")
        return policy
    changes = differences(applied, head) or [f"it edits {rel}"]
    policy.note(f"{rel}: it {'; '.join(changes)} — the base's version applies")
    return policy


def _plan_flows(steps_flows: list[tuple[str, ...]]) -> tuple[str, ...]:
    named = {flow for flows in steps_flows for flow in flows}
    return tuple(f for f in GUIDE_FLOW_NAMES if f in named)


def base_selection(repo: Repository, base: str, name: str, configured: dict[str, tuple[str, ...]],
                   configured_source: str, policy: BasePolicy) -> Selection:
    """The flows to check for one connector: the base's override or plan (else what the tree expects, as without
    a base), plus any flow the PR's own plan adds. What the PR's plan drops is noted and stays selected."""
    if name in configured:
        selection = Selection(configured[name], configured_source)
    else:
        selection = Selection(expected_flows(repo, name), TREE)  # no plan at the base: what the code calls for
        for rel in layout.plan_candidates(name):
            text = base_file(repo, base, rel)
            flows = _plan_flows([s.flows for s in read_plan(text).steps]) if text is not None else ()
            if flows:
                selection = Selection(flows, f"{rel} at the base {base[:12]}")
                break
    head_plan = repo.first_existing(layout.plan_candidates(name))
    head_flows = _plan_flows([s.flows for s in plan_reading(repo, head_plan).steps]) if head_plan else ()
    if head_flows and head_flows != selection.flows and name not in configured:
        added = [f for f in head_flows if f not in selection.flows]
        dropped = [f for f in selection.flows if f not in head_flows]
        parts = []
        if added:
            parts.append(f"adds {', '.join(added)} (checked)")
        if dropped:
            parts.append(f"drops {', '.join(dropped)} (still checked)")
        policy.note(f"{printable(head_plan or '')} for {name} {'; '.join(parts)}")
        if added:
            flows = tuple(f for f in GUIDE_FLOW_NAMES if f in selection.flows or f in added)
            selection = Selection(flows, f"{selection.source} + {head_plan}")
    return selection
