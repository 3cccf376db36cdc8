"""The base commit as cargo needs it: a complete copy of its workspace, to build with the same command and tell a
compiler error the change introduced from one that was already there.

Only git plumbing is used, with GIT_OPTIONAL_LOCKS=0: nothing here writes the target's `.git`. That matters beyond
politeness: Hyperswitch's router_env build script asks cargo to re-run when `.git/` changes, so an index rewrite
(porcelain `git status`/`git diff` do that) would make the next build re-check about ten workspace crates.

The copy lives in a temporary directory outside the target and is built into its own directory under the target's
cargo target dir. Its files get the current time as mtime: cargo judges workspace crates fresh by mtime, and the
copy's artifacts from an earlier base must never pass for this base's.
"""

from __future__ import annotations

import os
import subprocess
import tarfile
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..core.errors import InfraError
from .diagnostics import Diagnostic, signature

GIT_TIMEOUT = 120


@dataclass
class BaseCheckout:
    commit: str
    root: Path
    changed: frozenset[str]  # files of the target that differ between the base and the checkout
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


def _git(root: Path, *args: str) -> bytes:
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    try:
        proc = subprocess.run(["git", "-C", str(root), *args], capture_output=True, timeout=GIT_TIMEOUT, check=False,
                              env=env)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise InfraError(f"the base commit needs git in the target: {error}") from error
    if proc.returncode != 0:
        lines = proc.stderr.decode(errors="replace").strip().splitlines()
        raise InfraError(f"git {args[0]} failed in {root}: {lines[-1] if lines else f'exit {proc.returncode}'}")
    return proc.stdout


def _text(root: Path, *args: str) -> str:
    return _git(root, *args).decode("utf-8", errors="replace").strip()


def merge_base(root: Path, ref: str) -> str:
    """`git merge-base REF HEAD`: the commit the change branched from."""
    commit = _text(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}")
    return _text(root, "merge-base", "--end-of-options", commit, "HEAD").split()[0]


def open_base(root: Path, ref: str) -> BaseCheckout:
    """The base commit's files, as far as the checkout has them (a sparse checkout builds with what it has)."""
    root = root.resolve()
    commit = merge_base(root, ref)
    prefix = _text(root, "rev-parse", "--show-prefix").rstrip("/")
    treeish = f"{commit}:{prefix}" if prefix else commit
    names = [n for n in _git(root, "ls-tree", "-z", "--name-only", "--end-of-options", treeish)
             .decode("utf-8", errors="surrogateescape").split("\0") if n]
    present = [n for n in names if (root / n).exists() and n != "target"]
    holder = tempfile.TemporaryDirectory(prefix="connector-compliance-base-")
    destination = Path(holder.name).resolve()
    try:
        archive = _git(root, "archive", "--format=tar", "--end-of-options", treeish, *present)
        with tempfile.TemporaryFile() as buffer:
            buffer.write(archive)
            buffer.seek(0)
            with tarfile.open(fileobj=buffer, mode="r:") as tar:
                tar.extractall(destination, filter="data")
        now = time.time()
        for directory, _, files in os.walk(destination):
            for name in files:
                os.utime(Path(directory) / name, (now, now))
        changed = _git(root, "diff-index", "--name-only", "-z", "--relative", "--end-of-options", commit, "--")
    except (InfraError, OSError, tarfile.TarError) as error:
        holder.cleanup()
        raise InfraError(f"the base commit {commit[:12]} could not be copied out of git: {error}") from error
    files = frozenset(n for n in changed.decode("utf-8", errors="surrogateescape").split("\0") if n)
    return BaseCheckout(commit, destination, files, holder)
