"""The disk cache of cargo runs: keyed by a hash of everything that can change cargo's answer.

The key covers the command's arguments and build-relevant environment, `rustc -vV` as the target sees it, the
workspace root's Cargo.toml, Cargo.lock, rust-toolchain(.toml) and .cargo/config(.toml), and the *contents* of
every file under the workspace's member crates (not only `*.rs` and manifests: build scripts and `include_str!`
read other files too). Contents, not (size, mtime): a fresh clone or a branch switched back and forth still hits
the cache, and on a real Hyperswitch tree (about 2,200 files, 37 MB under crates/) hashing takes about 0.4 s.
Files outside the member crates that a build script or `include_str!` reads are not tracked.

The cache lives outside the target (`~/.cache/connector-compliance` by default), never inside the checkout.
"""

from __future__ import annotations

import datetime as dt
import glob
import hashlib
import json
import os
import tomllib
from pathlib import Path

from ..cargo.runner import CargoCommand, CargoRun

CACHE_SCHEMA = "connector-compliance/cargo-cache/1"
ROOT_INPUTS = ("Cargo.toml", "Cargo.lock", "rust-toolchain", "rust-toolchain.toml", ".cargo/config",
               ".cargo/config.toml")
# Environment that changes what cargo builds or how (CARGO_TARGET_DIR does not change the answer).
BUILD_ENV = ("RUSTFLAGS", "RUSTDOCFLAGS", "CARGO_ENCODED_RUSTFLAGS", "CARGO_BUILD_RUSTFLAGS", "CARGO_BUILD_TARGET",
             "CARGO_PROFILE_DEV_OPT_LEVEL", "RUSTC_WRAPPER", "RUSTC", "RUSTUP_TOOLCHAIN")
SKIPPED_DIRS = frozenset({"target", "node_modules"})
TIMINGS = "timings.json"  # per purpose and checkout: the last finished run's duration (for the unit-test notice)


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "connector-compliance"


def workspace_members(root: Path) -> list[Path]:
    """The member crate directories of the workspace at `root` (the root itself when it is a single crate)."""
    try:
        manifest = tomllib.loads((root / "Cargo.toml").read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return [root]
    workspace = manifest.get("workspace")
    if not isinstance(workspace, dict):
        return [root]
    excluded = {(root / e).resolve() for e in workspace.get("exclude", []) if isinstance(e, str)}
    members: set[Path] = set()
    for pattern in workspace.get("members", []):
        if not isinstance(pattern, str):
            continue
        for match in sorted(glob.glob(str(root / pattern))):
            path = Path(match).resolve()
            if path not in excluded and (path / "Cargo.toml").is_file():
                members.add(path)
    if "package" in manifest:
        members.add(root.resolve())
    return sorted(members) or [root]


def _files_under(directory: Path, skip: frozenset[Path]) -> list[Path]:
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(directory):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames
                             if d not in SKIPPED_DIRS and not d.startswith(".") and (here / d).resolve() not in skip)
        found.extend(here / f for f in filenames)
    return found


def inputs_digest(root: Path, skip: tuple[Path, ...] = ()) -> str:
    """One hash of the workspace's inputs: root manifests and lock file, and every file of every member crate."""
    root = root.resolve()
    skipped = frozenset(p.resolve() for p in skip)
    files: set[Path] = {root / rel for rel in ROOT_INPUTS if (root / rel).is_file()}
    for member in workspace_members(root):
        if member == root:  # a single crate (or a root package): its own src/, tests/, build.rs
            for child in sorted(root.iterdir()):
                if child.is_file():
                    files.add(child)
                elif (child.is_dir() and child.name not in SKIPPED_DIRS and not child.name.startswith(".")
                      and child.resolve() not in skipped and not (child / "Cargo.toml").is_file()):
                    files.update(_files_under(child, skipped))
        else:
            files.update(_files_under(member, skipped))
    digest = hashlib.sha256()
    for path in sorted(files):
        try:
            # A symlink is hashed by its link text, never followed: `x.rs -> /dev/zero` or `-> /proc/self/environ`
            # must neither hang the run nor let a file outside the checkout into the key. Other non-regular files
            # (FIFOs, devices) are skipped.
            if path.is_symlink():
                content = os.readlink(path).encode("utf-8", errors="surrogateescape")
            elif path.is_file():
                content = path.read_bytes()
            else:
                continue
        except OSError:
            continue
        digest.update(str(path.relative_to(root)).encode("utf-8", errors="surrogateescape") + b"\0")
        digest.update(hashlib.sha256(content).digest())
    return digest.hexdigest()


def cache_key(command: CargoCommand, toolchain: str, inputs: str, environ: dict[str, str] | None = None) -> str:
    environ = dict(os.environ) if environ is None else environ
    parts = {
        "schema": CACHE_SCHEMA,
        "args": list(command.args),
        "env": [[k, v] for k, v in command.env if k != "CARGO_TARGET_DIR"],
        "build_env": {k: environ[k] for k in BUILD_ENV if k in environ},
        "toolchain": toolchain,
        "inputs": inputs,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode("utf-8")).hexdigest()


class DiskCache:
    """Finished cargo runs on disk, one JSON file per key. `directory=None` disables it."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory

    def _path(self, key: str) -> Path:
        assert self.directory is not None
        return self.directory / f"cargo-{key}.json"

    def load(self, key: str) -> CargoRun | None:
        if self.directory is None:
            return None
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            if data.get("schema") != CACHE_SCHEMA:
                return None
            return CargoRun.from_dict(data["run"])
        except (OSError, ValueError, KeyError, TypeError, AssertionError):
            return None  # absent or damaged: run cargo again

    def store(self, key: str, command: CargoCommand, run: CargoRun, purpose: str = "") -> None:
        if self.directory is None:
            return
        recorded = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        data = {"schema": CACHE_SCHEMA, "command": command.display(), "cwd": str(command.cwd), "purpose": purpose,
                "recorded": recorded, "run": run.as_dict()}
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            _write_atomically(self._path(key), json.dumps(data))
            if purpose:
                timings = self._timings()
                timings[f"{purpose}\0{command.cwd}"] = {"seconds": run.seconds, "recorded": recorded,
                                                        "command": command.display()}
                _write_atomically(self.directory / TIMINGS, json.dumps(timings, indent=1))
        except OSError:
            pass  # a read-only cache directory only costs a re-run next time

    def _timings(self) -> dict[str, dict[str, object]]:
        assert self.directory is not None
        try:
            data = json.loads((self.directory / TIMINGS).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def last_timing(self, purpose: str, cwd: Path) -> tuple[float, str] | None:
        """How long the last cached run for this purpose in this checkout took, and when it was recorded."""
        if self.directory is None:
            return None
        entry = self._timings().get(f"{purpose}\0{cwd}")
        if not isinstance(entry, dict):
            return None
        try:
            return float(str(entry["seconds"])), str(entry["recorded"])
        except (KeyError, ValueError):
            return None


def _write_atomically(path: Path, text: str) -> None:
    temporary = path.with_suffix(f".tmp{os.getpid()}")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
