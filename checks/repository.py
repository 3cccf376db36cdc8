"""The repository model: one Hyperswitch checkout, its files parsed once, the facts read from it."""

from __future__ import annotations

import difflib
import re
import subprocess
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from . import layout
from .connectors_index import ConnectorModule, read_connector_modules
from .default_impls import DefaultMacro, read_default_macros
from .errors import TargetError, UsageError
from .flow_catalog import FlowSpec, read_dyn_aliases, read_marker_traits, resolve_flows
from .rust import ParseCache, RustFile
from .toml_files import TomlFile

NAME_PATTERN = re.compile(r"^[a-z0-9_]+$")
T = TypeVar("T")


class Repository:
    """A Hyperswitch checkout. Read-only: the harness never writes into it."""

    def __init__(self, root: Path | str) -> None:
        path = Path(root).expanduser()
        if not path.exists():
            raise TargetError(f"target checkout {path} does not exist (pass --hs-repo PATH)")
        if not path.is_dir():
            raise TargetError(f"target checkout {path} is not a directory")
        self.root = path.resolve()
        if not (self.root / layout.CONNECTORS_RS).is_file():
            raise TargetError(
                f"{self.root} is not a Hyperswitch checkout: {layout.CONNECTORS_RS} is missing"
            )
        self.files = ParseCache(self.root)
        self._memo: dict[tuple[object, ...], object] = {}

    def memo(self, key: tuple[object, ...], compute: Callable[[], T]) -> T:
        """Compute a derived fact once per run (flow statuses, findings shared by several scenarios)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[return-value]

    def rust(self, rel: str) -> RustFile | None:
        return self.files.get(rel)

    def toml(self, rel: str) -> TomlFile | None:
        """A TOML file of the target, read once (parse errors are kept, not raised)."""
        key = ("toml", rel)
        if key not in self._memo:
            self._memo[key] = TomlFile(self.root, rel) if (self.root / rel).is_file() else None
        return self._memo[key]  # type: ignore[return-value]

    def registration_tomls(self) -> list[TomlFile]:
        """Every TOML file the registration rules read, in a stable order."""
        from .registration_model import config_files_with_connectors  # cycle: that module needs Repository

        rels = [t.rel for t in config_files_with_connectors(self)]
        rels += [f"{layout.CONNECTOR_CONFIGS_TOML_DIR}/{f}.toml" for f in ("development", "sandbox", "production")]
        rels.append(layout.SAMPLE_AUTH_TOML)
        return [t for t in (self.toml(rel) for rel in rels) if t is not None]

    def exists(self, rel: str) -> bool:
        return (self.root / rel).exists()

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
        if not NAME_PATTERN.match(name):
            raise UsageError(f"connector name {name!r} is not a module name: use lowercase [a-z0-9_]+ "
                             f"as in {layout.CONNECTORS_RS} (e.g. 'absa_sanlam')")
        if name not in self.modules:
            near = difflib.get_close_matches(name, list(self.modules), n=3, cutoff=0.6)
            hint = f"; did you mean {', '.join(near)}?" if near else ""
            raise UsageError(f"unknown connector {name!r}: no `pub mod {name};` in {layout.CONNECTORS_RS}{hint}")
        return self.modules[name]

    def connector_files(self, name: str) -> list[str]:
        """The connector's own Rust files: `connectors/NAME.rs` and everything under `connectors/NAME/`."""
        files = []
        main = layout.connector_main_file(name)
        if (self.root / main).is_file():
            files.append(main)
        folder = self.root / layout.connector_folder(name)
        if folder.is_dir():
            files.extend(sorted(str(p.relative_to(self.root)) for p in folder.rglob("*.rs")))
        return files

    @cached_property
    def flows(self) -> dict[str, FlowSpec]:
        api_files = [layout.INTERFACES_API_RS]
        api_dir = self.root / layout.INTERFACES_API_DIR
        if api_dir.is_dir():
            api_files += sorted(str(p.relative_to(self.root)) for p in api_dir.rglob("*.rs"))
        parsed = [f for f in (self.rust(rel) for rel in api_files) if f is not None]
        return resolve_flows(read_marker_traits(parsed))

    @cached_property
    def dyn_aliases(self) -> dict[tuple[str, str, str], str]:
        return read_dyn_aliases(self.rust(layout.INTERFACES_TYPES_RS))

    @cached_property
    def default_macros(self) -> dict[str, DefaultMacro]:
        defaults = self.rust(layout.DEFAULT_IMPLEMENTATIONS_RS)
        return read_default_macros(defaults) if defaults is not None else {}

    def first_existing(self, candidates: list[str]) -> str | None:
        return next((c for c in candidates if (self.root / c).is_file()), None)
