"""The git side of a baseline: resolve a ref, find the merge base, list what changed, and materialise the base
tree from git objects into a temporary directory outside the target.

Every command gets `--end-of-options` before any revision, so a ref such as `--output=x` is a revision, never an
option; `GIT_OPTIONAL_LOCKS=0` keeps git from refreshing the target's index, and only plumbing commands are used
(porcelain `git diff` rewrites the index regardless): the harness never writes into the target.
The base tree is read with `git archive` and unpacked by Python's tarfile with the "data" filter (no absolute
paths, no links out of the directory, no device files). Files whose content is the same in the base and in the
checkout are not unpacked: the base directory links them to the checkout's own file (read-only use), so a
core-wide change costs the files it changed, not the whole tree.
"""

from __future__ import annotations

import os
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import UsageError
from ..core.names import printable

GIT_TIMEOUT = 120
# What the static model of a tree reads (checks/target/layout.py): the crates, the deployable configs and the GRACE
# documents. scripts/ only feeds guide-drift notes, which are not compared.
TREE_PATHS = ("crates", "config", "loadtest/config", "grace")


class GitError(UsageError):
    """A git command failed in the target (bad ref, not a repository, shallow history): exit 2, one line."""


def _env() -> dict[str, str]:
    return {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}


def git(root: Path, *args: str, option: str = "--changed-since", stdin: str | None = None) -> str:
    """Run git in `root` and return stdout; a failure is a GitError naming the option that asked for it."""
    try:
        proc = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=GIT_TIMEOUT,
                              check=False, env=_env(), errors="replace", input=stdin)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise GitError(f"{option} needs git in the target: {error}") from error
    if proc.returncode != 0:
        lines = [line for line in proc.stderr.strip().splitlines() if line.startswith(("fatal", "error"))]
        message = (lines or proc.stderr.strip().splitlines() or [f"exit {proc.returncode}"])[-1]
        raise GitError(f"{option}: git {args[0]} failed in {root}: {message}")
    return proc.stdout


def _fetch_hint(root: Path, ref: str) -> str:
    remotes = git(root, "remote").split()
    remote, _, branch = ref.partition("/")
    if branch and remote in remotes:
        return f"fetch it, e.g. `git fetch {remote} {branch}`"
    if branch and not ref.startswith(("/", ".", "-")):
        return f"this checkout has no remote {remote!r}: add it, then `git fetch {remote} {branch}`"
    return f"check the name, or fetch it, e.g. `git fetch origin {ref}`"


def resolve_commit(root: Path, ref: str, option: str) -> str:
    """The commit a ref names, or a one-line UsageError that says how to get it."""
    if not ref or ref.startswith("-") or any(ord(c) < 0x20 or c == "\x7f" for c in ref):
        raise GitError(f"{option} {printable(ref)!r} is not a revision (a branch, tag or commit, e.g. origin/main)")
    try:
        inside = git(root, "rev-parse", "--is-inside-work-tree", option=option).strip()
    except GitError:
        inside = ""
    if inside != "true":
        raise GitError(f"{option} needs a git checkout: {root} is not a git work tree")
    try:
        return git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}",
                   option=option).strip()
    except GitError:
        raise GitError(f"{option}: unknown revision {ref!r} in {root} ({_fetch_hint(root, ref)})") from None


def merge_base(root: Path, ref: str, option: str) -> str:
    """`git merge-base REF HEAD`: the commit a pull request branched from (REF itself when it is an ancestor)."""
    commit = resolve_commit(root, ref, option)
    try:
        return git(root, "merge-base", "--end-of-options", commit, "HEAD", option=option).split()[0]
    except (GitError, IndexError):
        raise GitError(f"{option}: {ref!r} and HEAD share no history in {root} (a shallow clone? fetch the full "
                       "history, e.g. `git fetch --unshallow`, or actions/checkout's fetch-depth: 0)") from None


def location(root: Path, option: str) -> tuple[Path, str]:
    """The repository's top level and the target's path inside it (`""` at the top level, else `dir/sub`)."""
    lines = git(root, "rev-parse", "--show-toplevel", "--show-prefix", option=option).splitlines()
    top, prefix = [*lines, "", ""][:2]
    return Path(top), prefix.strip().rstrip("/")


def z_split(text: str) -> list[str]:
    """The names of a `-z` listing."""
    return [item for item in text.split("\0") if item]


NULL_SHA = "0" * 40
LINK_MODE = "120000"


def changed_files(root: Path, base: str, option: str) -> list[str]:
    """Files of the target that differ between `base` and the checkout as it is (uncommitted edits and new
    untracked files count), relative to the target root.

    Plumbing only: porcelain `git diff` refreshes the index and rewrites `.git/index` even with
    GIT_OPTIONAL_LOCKS=0, which is a write into the target and makes cargo rebuild every crate whose build script
    watches `.git/` (Hyperswitch's router_env, and about ten crates above it). `diff-index` reads the index as it
    is; a file it cannot vouch for by its stat data (reported with a null work-tree id) is hashed, without writing
    anything, and counts only when its content differs from the base's blob."""
    raw = z_split(git(root, "diff-index", "--raw", "-z", "--no-renames", "--relative", "--end-of-options", base,
                 "--", ".", option=option))
    changed: set[str] = set()
    unsure: dict[str, str] = {}  # path -> its blob id at the base
    for header, path in zip(raw[0::2], raw[1::2], strict=True):
        _, dst_mode, src_id, dst_id, status = header.lstrip(":").split(" ")
        # hash-object --stdin-paths reads lines and unquotes a leading '"': such names are taken as changed.
        if status == "M" and dst_id == NULL_SHA and dst_mode != LINK_MODE and "\n" not in path \
                and not path.startswith('"'):
            unsure[path] = src_id
        else:
            changed.add(path)
    if unsure:
        paths = list(unsure)
        ids = git(root, "hash-object", "--stdin-paths", option=option, stdin="\n".join(paths) + "\n").split()
        changed |= {path for path, now in zip(paths, ids, strict=True) if now != unsure[path]}
    untracked = z_split(git(root, "ls-files", "-z", "--others", "--exclude-standard", "--", ".", option=option))
    return sorted(changed | set(untracked))


@dataclass
class BaseTree:
    """The base commit's tree under a temporary directory; `same` lists files identical to the checkout's."""

    commit: str
    root: Path
    same: frozenset[str]
    _holder: tempfile.TemporaryDirectory[str] | None = None

    def cleanup(self) -> None:
        if self._holder is not None:
            self._holder.cleanup()
            self._holder = None


def _scratch() -> str | None:
    """Where the base tree goes: $TMPDIR when set, else a RAM-backed /dev/shm when writable (thousands of small
    links and files; a slow disk /tmp made this the largest cost of a run), else the system default."""
    if os.environ.get("TMPDIR"):
        return None
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK | os.X_OK) else None


def materialise(target: Path, base: str, option: str, changed: list[str] | None = None) -> BaseTree:
    """The base tree's files under TREE_PATHS, in a new temporary directory outside the target.

    Files listed as changed (or missing from the checkout) are unpacked from `git archive`; the others link to the
    checkout's identical file.
    """
    holder = tempfile.TemporaryDirectory(prefix="connector-compliance-base-", dir=_scratch())
    root = Path(holder.name).resolve()
    if root.is_relative_to(target):
        holder.cleanup()
        raise UsageError(f"the temporary directory {root} is inside the target {target}: set TMPDIR elsewhere")
    try:
        # Run at the top level against the target's own tree, so paths are relative to the target in both.
        top, prefix = location(target, option)
        treeish = f"{base}:{prefix}" if prefix else base
        present = z_split(git(top, "ls-tree", "-r", "-z", "--name-only", "--end-of-options", treeish, "--",
                              *TREE_PATHS, option=option))
        differs = set(changed if changed is not None else changed_files(target, base, option))
        from_git = [rel for rel in present
                    if rel in differs or (target / rel).is_symlink() or not (target / rel).is_file()]
        unpacked = set(from_git)
        same = frozenset(rel for rel in present if rel not in unpacked)
        for rel in same:
            link = root / rel
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(target / rel)
        if from_git:
            unpack(top, treeish, from_git, root, option)
    except BaseException:
        holder.cleanup()
        raise
    return BaseTree(base, root, same, holder)


def _data_only(member: tarfile.TarInfo, path: str) -> tarfile.TarInfo | None:
    """tarfile's "data" filter, skipping (not failing on) a member it refuses, such as a link out of the tree."""
    try:
        return tarfile.data_filter(member, path)
    except tarfile.FilterError:
        return None


def unpack(top: Path, treeish: str, paths: list[str], destination: Path, option: str) -> None:
    """`git archive` of `paths` at `treeish` (run at the top level `top`), unpacked under `destination`."""
    command = ["git", "-C", str(top), "--literal-pathspecs", "archive", "--format=tar", "--end-of-options",
               treeish, *paths]
    with tempfile.TemporaryFile() as errors:
        try:
            proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors, env=_env())
        except OSError as error:
            raise GitError(f"{option} needs git in the target: {error}") from error
        assert proc.stdout is not None
        try:
            with tarfile.open(fileobj=proc.stdout, mode="r|") as archive:
                archive.extractall(destination, filter=_data_only)
            # tarfile stops at the first zero block; git still writes the rest of its last 10 KiB record, and a
            # pipe closed before that kills it with SIGPIPE (exit -13): a spurious "git archive failed".
            while proc.stdout.read(1 << 16):
                pass
        except tarfile.TarError as error:
            proc.kill()
            raise GitError(f"{option}: could not read the base tree from git archive: {error}") from error
        finally:
            proc.stdout.close()
            code = proc.wait(timeout=GIT_TIMEOUT)
        if code != 0:
            errors.seek(0)
            lines = [x for x in errors.read().decode(errors="replace").splitlines() if x.startswith("fatal")]
            raise GitError(f"{option}: git archive failed in {top}: {(lines or [f'exit {code}'])[-1]}")
