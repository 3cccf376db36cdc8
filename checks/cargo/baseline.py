"""The base commit as cargo needs it: a complete copy of its workspace, to build with the same command and tell a
compiler error the change introduced from one that was already there.

The commit and the files the change touched come from the run's baseline (run/baseline.py: `git merge-base REF
HEAD` of --changed-since or --baseline), so the static rules and the build compare with the same commit. The copy is
read with the same git plumbing (run/git_tree.py, GIT_OPTIONAL_LOCKS=0): nothing here writes the target's `.git`.
That matters beyond politeness: Hyperswitch's router_env build script asks cargo to re-run when `.git/` changes, so
an index rewrite would make the next build re-check about ten workspace crates.

Unlike the static baseline's tree (only what the model reads, unchanged files linked), cargo needs every file of
the workspace as the checkout has it (a sparse checkout builds with what it has), as real files: the copy lives in
a temporary directory outside the target and is built into its own directory under the target's cargo target dir.
Its files get the current time as mtime: cargo judges workspace crates fresh by mtime, and the copy's artifacts
from an earlier base must never pass for this base's.
"""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..core.errors import HarnessError, InfraError
from ..run import git_tree
from .diagnostics import Diagnostic, signature


@dataclass(frozen=True)
class BaseCommit:
    """What the run compares with: the merge-base commit, the target's files that differ from it, and the option
    that asked for it (for messages)."""

    commit: str
    changed: frozenset[str]
    option: str = "--baseline"


@dataclass
class BaseCheckout:
    commit: str
    root: Path
    _holder: tempfile.TemporaryDirectory[str] | None = field(default=None, repr=False)


@dataclass(frozen=True)
class BaseErrors:
    """The base commit's errors for one command (or why there are none to compare with)."""

    commit: str
    items: list[Diagnostic]
    changed: frozenset[str]
    unavailable: str | None = None

    def has(self, item: Diagnostic) -> bool:
        return signature(item) in {signature(i) for i in self.items}


def open_base(root: Path, base: BaseCommit) -> BaseCheckout:
    """The base commit's files, as far as the checkout has them, in a new temporary directory."""
    root = root.resolve()
    holder = tempfile.TemporaryDirectory(prefix="connector-compliance-base-")
    destination = Path(holder.name).resolve()
    try:
        top, prefix = git_tree.location(root, base.option)
        treeish = f"{base.commit}:{prefix}" if prefix else base.commit
        names = git_tree.z_split(git_tree.git(top, "ls-tree", "-z", "--name-only", "--end-of-options", treeish,
                                              option=base.option))
        present = [n for n in names if (root / n).exists() and n != "target"]
        git_tree.unpack(top, treeish, present, destination, base.option)
        now = time.time()
        for directory, _, files in os.walk(destination):
            for name in files:
                os.utime(Path(directory) / name, (now, now))
    except (HarnessError, OSError) as error:
        holder.cleanup()
        raise InfraError(f"the base commit {base.commit[:12]} could not be copied out of git: {error}") from error
    return BaseCheckout(base.commit, destination, holder)
