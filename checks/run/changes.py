"""Which connectors a change touches: the target's changes since REF's merge base with HEAD (committed, and for a
local run also uncommitted and new files), mapped to connector modules.

A connector is touched when its own files change (connectors/NAME.rs, connectors/NAME/**, its router test, its GRACE
documents) or when a changed line of a registration file names it (its module name or its type name, as a word).
"""

from __future__ import annotations

import re
import subprocess

from ..core.errors import UsageError
from ..target import layout
from ..target.repository import Repository

OWN_FILE = (
    re.compile(rf"^{re.escape(layout.CONNECTORS_DIR)}/(?P<name>\w+)(\.rs$|/)"),
    re.compile(r"^crates/router/tests/connectors/(?P<name>\w+)\.rs$"),
    re.compile(rf"^{re.escape(layout.GRACE_DIR)}/(?P<name>\w+)(/|_specs\.md$|_plan\.md$)"),
)


def _git(repo: Repository, *args: str, check: bool = True) -> str:
    try:
        proc = subprocess.run(["git", *args], cwd=repo.root, capture_output=True, text=True, timeout=60,
                              check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise UsageError(f"--changed-since needs git in the target: {error}") from error
    if proc.returncode != 0 and check:
        message = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else f"exit {proc.returncode}"
        raise UsageError(f"--changed-since: git {' '.join(args[:2])} failed in {repo.root}: {message}")
    return proc.stdout if proc.returncode == 0 else ""


def _fetch_hint(repo: Repository, ref: str) -> str:
    remotes = _git(repo, "remote", check=False).split()
    remote, _, branch = ref.partition("/")
    if branch and remote in remotes:
        return f"fetch it, e.g. `git fetch {remote} {branch}`"
    if branch:
        return f"this checkout has no remote {remote!r}: add it, then `git fetch {remote} {branch}`"
    return f"check the name, or fetch it, e.g. `git fetch origin {ref}`"


def merge_base(repo: Repository, ref: str) -> str:
    """The commit the change starts from: REF's merge base with HEAD, after checking that REF exists."""
    if _git(repo, "rev-parse", "--is-inside-work-tree", check=False).strip() != "true":
        raise UsageError(f"--changed-since needs a git checkout: {repo.root} is not a git work tree")
    if not _git(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", check=False).strip():
        raise UsageError(f"--changed-since: unknown revision {ref!r} in {repo.root} ({_fetch_hint(repo, ref)})")
    base = _git(repo, "merge-base", ref, "HEAD", check=False).strip()
    if not base:
        raise UsageError(f"--changed-since: {ref!r} and HEAD share no history in {repo.root} (a shallow clone? "
                         "fetch the full history, e.g. `git fetch --unshallow`, or actions/checkout's fetch-depth: 0)")
    return base


def changed_connectors(repo: Repository, ref: str) -> list[str]:
    """Connectors touched since REF's merge base with HEAD: its commits, and (for a local run) uncommitted edits
    and new files of the working tree; in CI the working tree is clean, so this is `git diff REF...HEAD`."""
    base = merge_base(repo, ref)
    tracked = [f for f in _git(repo, "diff", "--name-only", "--relative", base).splitlines() if f]
    untracked = [f for f in _git(repo, "ls-files", "--others", "--exclude-standard", "--directory").splitlines() if f]
    touched: set[str] = set()
    others = []
    for rel in [*tracked, *untracked]:
        match = next((m for m in (p.match(rel) for p in OWN_FILE) if m), None)
        if match and match["name"] in repo.modules:
            touched.add(match["name"])
        elif rel.endswith((".rs", ".toml")):
            others.append(rel)
    if others:
        names = {name: name for name in repo.modules}
        names.update({m.camel: name for name, m in repo.modules.items() if m.camel})
        word = re.compile(r"\b(" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")\b")
        new_files = set(untracked)
        changed = [rel for rel in others if rel not in new_files]
        diff = _git(repo, "diff", "-U0", "--relative", base, "--", *changed) if changed else ""
        lines = [line for line in diff.splitlines()
                 if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))]
        for rel in others:
            if rel in new_files:  # a new file (`--directory` lists a new folder as one entry): every line is added
                lines += (repo.root / rel).read_text(encoding="utf-8", errors="replace").splitlines()
        for line in lines:
            touched.update(names[m] for m in word.findall(line))
    return sorted(touched)
