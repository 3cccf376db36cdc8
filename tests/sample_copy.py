"""A writable copy of the bundled sample workspace, for tests that break one thing in it."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sample-hyperswitch"


def copy_sample(destination: Path) -> Path:
    shutil.copytree(SAMPLE, destination, ignore=shutil.ignore_patterns("target"))
    return destination


def link_sample(destination: Path) -> Path:
    """A copy whose files are hard links to the sample's: twice as fast as copying, for callers that only replace
    files (`replace_file`, `edit`), never write into them, which would change the bundled sample itself."""
    shutil.copytree(SAMPLE, destination, ignore=shutil.ignore_patterns("target"), copy_function=_link)
    return destination


def _link(source: str | Path, target: str | Path) -> None:
    try:
        os.link(source, target)
    except OSError as error:  # another file system, or links not allowed: copy
        if error.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK):
            raise
        shutil.copy2(source, target)


def replace_file(path: Path, data: str | bytes) -> None:
    """Write `path` as a new file: a hard-linked copy's file is unlinked first, so the sample stays intact."""
    if path.is_symlink() or path.exists():
        path.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")


def edit(root: Path, rel: str, old: str, new: str) -> None:
    """Replace exactly one occurrence of `old` (the test fails loudly if the sample changed shape)."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {rel}"
    replace_file(path, text.replace(old, new))


def line_containing(root: Path, rel: str, needle: str) -> int:
    for number, line in enumerate((root / rel).read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {rel}")


class ReusedSample:
    """One hard-linked copy of the sample, put back after each use instead of copied anew: a copy and its removal
    (51 folders, 109 links) cost about what a rule case itself does."""

    def __init__(self, root: Path) -> None:
        self.root = link_sample(root)

    def restore(self, touched: set[str]) -> None:
        """Put back every path a use touched (replaced, created, deleted, moved away or to), and remove the folders
        it created; the use must name in `touched` every path it changed (test_rule_cases._apply does)."""
        for rel in sorted(touched, key=lambda r: r.count("/"), reverse=True):
            path, source = self.root / rel, SAMPLE / rel
            if path.is_symlink() or path.is_file():
                path.unlink()
            elif path.is_dir() and not source.is_dir():
                shutil.rmtree(path)
            if source.is_file() and not source.is_symlink():
                path.parent.mkdir(parents=True, exist_ok=True)
                _link(source, path)
            elif source.is_dir() and not path.exists():  # a folder moved away or deleted whole
                shutil.copytree(source, path, ignore=shutil.ignore_patterns("target"), copy_function=_link)
            for parent in Path(rel).parents:  # folders the use created, now empty
                folder = self.root / parent
                if parent == Path(".") or (SAMPLE / parent).is_dir() or not folder.is_dir() or any(folder.iterdir()):
                    break
                folder.rmdir()
