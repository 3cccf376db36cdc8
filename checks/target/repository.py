"""The repository model: one Hyperswitch checkout, its files parsed once, the facts read from it."""

from __future__ import annotations

import difflib
import re
import subprocess
from functools import cached_property
from pathlib import Path

from ..core.errors import TargetError, UsageError
from . import layout
from .connectors_index import ConnectorModule, read_connector_modules
from .fact_cache import FactCache
from .files import TargetFiles
from .rust import ParseCache, RustFile
from .toml_files import TomlFile

NAME_PATTERN = re.compile(r"[a-z0-9_]+")  # used with fullmatch: `^...$` would let a trailing newline through


class Repository:
    """A Hyperswitch checkout. Read-only: the harness never writes into it, and reads only through `self.read`
    (TargetFiles), which never leaves the checkout."""

    def __init__(self, root: Path | str, shared: Repository | None = None, same: frozenset[str] = frozenset()) -> None:
        """`shared` and `same`: a baseline tree borrows the parsed files it has in common with the checkout."""
        path = Path(root).expanduser()
        if not path.exists():
            raise TargetError(f"target checkout {path} does not exist (pass --hs-repo PATH)")
        if not path.is_dir():
            raise TargetError(f"target checkout {path} is not a directory")
        self.root = path.resolve()
        self.read = TargetFiles(self.root, lender=shared.read if shared is not None else None, lent=same)
        if not self.read.is_file(layout.CONNECTORS_RS):
            if self.read.escapes:
                raise TargetError(f"{self.root} is not a Hyperswitch checkout: {layout.CONNECTORS_RS} is a symlink "
                                  "that points outside the checkout")
            near = _checkout_near(self.root)
            hint = f"; did you mean --hs-repo {near}?" if near else ""
            raise TargetError(f"{self.root} is not a Hyperswitch checkout: {layout.CONNECTORS_RS} is missing{hint}")
        self.files = ParseCache(self.read, shared.files if shared is not None else None, same)
        self.facts = FactCache()  # everything derived from the tree, once per run (see fact_cache.fact)
        self._tomls: dict[str, TomlFile | None] = {}
        self._connector_files: dict[str, list[str]] = {}
        self._shared = shared
        self._same = same
        self._lines: dict[str, list[str]] = {}

    def rust(self, rel: str) -> RustFile | None:
        return self.files.get(rel)

    def toml(self, rel: str) -> TomlFile | None:
        """A TOML file of the target, read once (parse errors are kept, not raised)."""
        if self._shared is not None and rel in self._same:
            return self._shared.toml(rel)
        if rel not in self._tomls:
            self._tomls[rel] = TomlFile(self.read, rel) if self.read.is_file(rel) else None
        return self._tomls[rel]

    def line_text(self, rel: str, line: int) -> str | None:
        """The text of one 1-based line of a file of the tree (None when the file or the line does not exist)."""
        if rel not in self._lines:
            text = self.read.read_text(rel) if rel and not rel.startswith("/") else None
            self._lines[rel] = text.splitlines() if text is not None else []
        lines = self._lines[rel]
        return lines[line - 1] if 0 < line <= len(lines) else None

    def exists(self, rel: str) -> bool:
        return self.read.exists(rel)

    def is_file(self, rel: str) -> bool:
        return self.read.is_file(rel)

    def is_dir(self, rel: str) -> bool:
        return self.read.is_dir(rel)

    def text(self, rel: str) -> str | None:
        """A file's text (None when it is absent or leaves the checkout)."""
        return self.read.read_text(rel)

    def walk(self, rel_dir: str, suffix: str = "") -> list[str]:
        """Files under a folder, recursively, whose names end with `suffix` (symlinked folders not entered)."""
        return self.read.walk(rel_dir, suffix)

    @cached_property
    def commit(self) -> str | None:
        """git HEAD of the checkout, or None when the checkout is not itself a git work tree root."""
        try:
            top = subprocess.run(["git", "-C", str(self.root), "rev-parse", "--show-toplevel", "HEAD"],
                                 capture_output=True, text=True, timeout=10, check=False)
        except (OSError, subprocess.TimeoutExpired):
            return None
        lines = top.stdout.split()
        if top.returncode != 0 or len(lines) != 2 or Path(lines[0]).resolve() != self.root:
            return None
        return lines[1]

    @cached_property
    def modules(self) -> dict[str, ConnectorModule]:
        connectors_rs = self.rust(layout.CONNECTORS_RS)
        assert connectors_rs is not None  # checked in __init__
        return read_connector_modules(connectors_rs)

    def connector(self, name: str) -> ConnectorModule:
        """The module for a `--connector` value, or a UsageError that suggests near names."""
        if not NAME_PATTERN.fullmatch(name):
            # `Stripe`, `Sample-Pay`, `Adyen Platform`: the module name the user most likely meant
            wanted = re.sub(r"[^a-z0-9_]+", "_", name.strip().lower()).strip("_")
            near = [wanted] if wanted in self.modules else self._near(wanted or name)
            hint = f"did you mean {_or(near)}?" if near else f"e.g. {next(iter(sorted(self.modules)), 'stripe')}"
            raise UsageError(f"connector name {name!r} is not a module name ([a-z0-9_]+, as `pub mod` in "
                             f"{layout.CONNECTORS_RS}): {hint}")
        if name not in self.modules:
            near = self._near(name)
            hint = f"; did you mean {_or(near)}?" if near else ""
            raise UsageError(f"unknown connector {name!r}: no `pub mod {name};` in {layout.CONNECTORS_RS}{hint}")
        return self.modules[name]

    def _near(self, name: str) -> list[str]:
        return difflib.get_close_matches(name, list(self.modules), n=3, cutoff=0.6)

    def connector_files(self, name: str) -> list[str]:
        """The connector's own Rust files: `connectors/NAME.rs` and everything under `connectors/NAME/` (listed
        once per run: every rule asks)."""
        if name not in self._connector_files:
            self._connector_files[name] = self._list_connector_files(name)
        return list(self._connector_files[name])

    def _list_connector_files(self, name: str) -> list[str]:
        files = []
        main = layout.connector_main_file(name)
        if self.read.is_file(main):
            files.append(main)
        files.extend(self.read.walk(layout.connector_folder(name), ".rs"))
        return files

    def first_existing(self, candidates: list[str]) -> str | None:
        return next((c for c in candidates if self.read.is_file(c)), None)


def _or(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def _checkout_near(path: Path) -> Path | None:
    """A Hyperswitch checkout the user probably meant: an enclosing directory (`--hs-repo hyperswitch/crates`) or
    a direct subdirectory (`--hs-repo ~/src` holding `hyperswitch/`)."""
    for candidate in path.parents:
        if (candidate / layout.CONNECTORS_RS).is_file():
            return candidate
    try:
        children = sorted(p for p in path.iterdir() if p.is_dir())
    except OSError:
        return None
    return next((child for child in children if (child / layout.CONNECTORS_RS).is_file()), None)
