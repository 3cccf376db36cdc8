"""Where a run writes its reports: never inside the target checkout (the harness only reads it)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..core.errors import UsageError

DEFAULT_REPORT_DIR = Path("compliance-report")


def is_inside(path: Path, root: Path) -> bool:
    """Whether `path` is `root` or below it, symlinks resolved (the directories need not exist yet)."""
    path, root = path.resolve(), root.resolve()
    return path == root or root in path.parents


def resolve_report_dir(given: Path | None, target: Path, cwd: Path) -> tuple[Path, str | None]:
    """The absolute report directory and, when the default had to move, a note that says where it went.

    A directory given with --report-dir inside the target is refused (UsageError, exit 2). The default,
    ./compliance-report, moves beside the checkout when the current directory is inside it (a CI step run from
    the checkout), so the checkout's `git status` stays clean.
    """
    if given is not None:
        path = (cwd / given.expanduser()).resolve()
        if is_inside(path, target):
            beside = target.resolve().parent / DEFAULT_REPORT_DIR
            raise UsageError(f"--report-dir {given} lies inside the target checkout {target}, which the harness "
                             f"never writes into: choose a directory outside it (e.g. --report-dir {beside})")
        return path, None
    path = (cwd / DEFAULT_REPORT_DIR).resolve()
    if not is_inside(path, target):
        return path, None
    beside = target.resolve().parent / DEFAULT_REPORT_DIR
    if is_inside(beside, target):  # the checkout is the file system root
        beside = Path(tempfile.gettempdir()) / "connector-compliance-report"
    return beside, (f"the default report directory ./{DEFAULT_REPORT_DIR} would be inside the target checkout "
                    f"{target}; the reports go to {beside} instead (choose with --report-dir)")
