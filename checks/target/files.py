"""Every file the harness reads from the target goes through here: resolved, kept inside the checkout, size-capped.

A pull request controls the checkout, symlinks included. A symlink whose target leaves the checkout (an absolute
path such as `/proc/self/environ`, or `../../..`) is never followed: the path reads as absent and the symlink is
recorded in `escapes`, which the `scaffolding.inside-checkout` rule reports at the symlink's own path. Directory
walks never descend into a symlinked directory (inside or outside), so a folder linked to `/` costs nothing.
Files larger than MAX_FILE_BYTES (the largest file of a real Hyperswitch tree is about 0.6 MB) read as empty and
are recorded in `oversized`, so memory follows what is checked, not what a file claims to hold.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

MAX_FILE_BYTES = 4 * 1024 * 1024


class TargetFiles:
    """Reads the files of one checkout: only regular files whose real path is inside `root`."""

    def __init__(self, root: Path, also: tuple[Path, ...] = (), lender: TargetFiles | None = None,
                 lent: frozenset[str] = frozenset()) -> None:
        """`also`: other roots a link may lead into (a baseline tree links its unchanged files to the checkout's).
        `lent`: paths the harness itself linked to the same path of `lender` (run/git_tree.materialise): they
        resolve as the lender resolves them, without a realpath per link (thousands on a core-wide change)."""
        self.root = root.resolve()
        self.also = tuple(p.resolve() for p in (*also, *((lender.root,) if lender is not None else ())))
        self.lender = lender
        self.lent = lent if lender is not None else frozenset()
        self.escapes: dict[str, str] = {}  # checkout-relative symlink -> its link text (never followed)
        self.oversized: dict[str, int] = {}  # checkout-relative file -> its size in bytes (read as empty)
        self._real: dict[str, Path | None] = {}
        self._folders: dict[str, str | None] = {}

    def _inside(self, path: Path) -> bool:
        return any(path == root or path.is_relative_to(root) for root in (self.root, *self.also))

    def _escape_of(self, rel: str) -> str | None:
        """The first component of `rel` that is a symlink leaving the checkout, relative to the root."""
        current = self.root
        for part in Path(rel).parts:
            current = current / part
            if current.is_symlink():
                real = Path(os.path.realpath(current))
                if not self._inside(real):
                    return str(current.relative_to(self.root))
        return None

    def real(self, rel: str) -> Path | None:
        """The real path of `rel` when it exists inside the checkout; None when absent or when it leaves it."""
        if rel not in self._real:
            self._real[rel] = self._resolve(rel)
        return self._real[rel]

    def _resolve(self, rel: str) -> Path | None:
        if rel in self.lent:
            assert self.lender is not None
            return self.lender.real(rel)
        # String tests, not Path(rel).parts: this runs for every file a run reads (thousands on a whole tree).
        if not rel or rel.startswith("/") or "\0" in rel or ".." in rel.split("/"):
            return None
        # The common case costs one lstat: a plain file in a folder whose real path is known to be inside. A
        # realpath per file (thousands of them for the embedded-file search) was a tenth of a one-connector run.
        folder, _, name = rel.rpartition("/")
        real_folder = self._real_folder(folder) if name not in ("", ".") else None
        if real_folder is not None:
            path = os.path.join(real_folder, name)
            try:
                mode = os.lstat(path).st_mode
            except (OSError, ValueError):
                return None
            if not stat.S_ISLNK(mode):
                return Path(path)
        return self._resolve_slowly(rel)

    def _real_folder(self, folder: str) -> str | None:
        """The real path of a folder of the checkout when it is inside (else None: the slow path decides)."""
        if folder not in self._folders:
            try:
                real = os.path.realpath(os.path.join(self.root, folder))
            except (OSError, ValueError):
                real = None
            self._folders[folder] = real if real is not None and self._inside(Path(real)) else None
        return self._folders[folder]

    def _resolve_slowly(self, rel: str) -> Path | None:
        path = self.root / rel
        try:
            real = Path(os.path.realpath(path))
        except (OSError, ValueError):
            return None
        if not self._inside(real):
            escape = self._escape_of(rel)
            if escape is not None:
                self.record_escape(escape)
            return None
        try:
            os.stat(real)
        except (OSError, ValueError):
            return None
        return real

    def record_escape(self, rel: str) -> None:
        try:
            self.escapes.setdefault(rel, os.readlink(self.root / rel))
        except OSError:
            self.escapes.setdefault(rel, "?")

    def _mode(self, rel: str) -> int | None:
        real = self.real(rel)
        try:
            return os.stat(real).st_mode if real is not None else None
        except OSError:
            return None

    def size(self, rel: str) -> int:
        """Size in bytes of a file inside the checkout (0 when absent or leaving it)."""
        real = self.real(rel)
        try:
            return os.stat(real).st_size if real is not None else 0
        except OSError:
            return 0

    def is_file(self, rel: str) -> bool:
        mode = self._mode(rel)
        return mode is not None and stat.S_ISREG(mode)

    def is_dir(self, rel: str) -> bool:
        mode = self._mode(rel)
        return mode is not None and stat.S_ISDIR(mode)

    def exists(self, rel: str) -> bool:
        return self.real(rel) is not None

    def read_text(self, rel: str, strict: bool = False) -> str | None:
        """The file's text (undecodable bytes replaced, or UnicodeDecodeError when `strict`), "" when over
        MAX_FILE_BYTES, None when not readable here."""
        data = self.read_bytes(rel)
        return data.decode("utf-8", errors="strict" if strict else "replace") if data is not None else None

    def read_bytes(self, rel: str) -> bytes | None:
        """The file's bytes, b"" when over MAX_FILE_BYTES, None when not readable here."""
        real = self.real(rel)
        if real is None:
            return None
        try:
            with open(real, "rb") as handle:
                info = os.fstat(handle.fileno())
                if not stat.S_ISREG(info.st_mode):
                    return None
                if info.st_size > MAX_FILE_BYTES:
                    self.oversized[rel] = info.st_size
                    return b""
                # Sized to the file: read(MAX_FILE_BYTES + 1) allocates the whole cap for every small file, which
                # tripled the cost of reading a tree's 2,000 Rust files.
                data = handle.read(info.st_size + 1)
                if len(data) > info.st_size:  # grew since fstat: read on, up to the cap
                    data += handle.read(MAX_FILE_BYTES + 1 - len(data))
        except OSError:
            return None
        if len(data) > MAX_FILE_BYTES:  # grew while reading
            self.oversized[rel] = len(data)
            return b""
        return data

    def walk(self, rel_dir: str, suffix: str = "") -> list[str]:
        """Checkout-relative paths of the regular files under a folder (recursively) whose name ends with `suffix`,
        sorted. Symlinked folders are not entered; symlinked files count only when they stay inside."""
        base = self.real(rel_dir)
        if base is None or not base.is_dir():
            return []
        found: list[str] = []
        for entry, rel in _entries(str(base), os.path.normpath(rel_dir) + "/"):
            if entry.is_symlink():
                if entry.name.endswith(suffix) and self.is_file(rel):
                    found.append(rel)  # a link to a file inside the checkout; one leaving it is recorded
                elif not self._inside(Path(os.path.realpath(entry.path))):
                    self.record_escape(rel)
            elif entry.name.endswith(suffix) and entry.is_file(follow_symlinks=False):
                found.append(rel)
        return sorted(found, key=lambda rel: rel.split("/"))  # component-wise, as sorted(Path.rglob()) was

    def glob_dirs(self, rel_dir: str) -> list[str]:
        """The direct sub-folders of a folder (not symlinks), sorted, checkout-relative."""
        base = self.real(rel_dir)
        if base is None or not base.is_dir():
            return []
        try:
            entries = sorted(os.scandir(base), key=lambda e: e.name)
        except OSError:
            return []
        out = []
        for entry in entries:
            rel = os.path.normpath(Path(rel_dir) / entry.name)
            if entry.is_symlink():
                if not self._inside(Path(os.path.realpath(entry.path))):
                    self.record_escape(rel)
                continue
            if entry.is_dir(follow_symlinks=False):
                out.append(rel)
        return out

    def symlinks_leaving(self, rel: str) -> list[str]:
        """Every symlink at or under `rel` whose target leaves the checkout (walked without following links)."""
        escape = self._escape_of(rel)
        found = [escape] if escape is not None else []
        start = self.root / rel
        if escape is None and start.is_dir() and not start.is_symlink():
            logical = os.path.normpath(rel)
            for entry, child in _entries(str(start), "" if logical == "." else logical + "/"):
                # The harness's own link to the lender's file is inside by construction.
                if entry.is_symlink() and child not in self.lent \
                        and not self._inside(Path(os.path.realpath(entry.path))):
                    found.append(child)
        for item in found:
            self.record_escape(item)
        return sorted(found)


def _entries(folder: str, prefix: str) -> Iterator[tuple[os.DirEntry[str], str]]:
    """Every entry under `folder` with its checkout-relative path (`prefix` + its path below `folder`), entering
    real folders only, never a symlinked one. scandir's entries know from the listing which are links and folders:
    no lstat per file (thousands). Unreadable folders are skipped."""
    pending = [(folder, prefix)]
    while pending:
        current, here = pending.pop()
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue
        for entry in entries:
            rel = here + entry.name
            yield entry, rel
            if not entry.is_symlink() and entry.is_dir(follow_symlinks=False):
                pending.append((entry.path, rel + "/"))
