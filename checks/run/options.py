"""The options of one compliance run, as plain values (the pytest layer parses them from the command line)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class RunOptions:
    hs_repo: Path | None
    connectors: tuple[str, ...] = ()
    all_connectors: bool = False
    flows: str | None = None
    report_dir: Path | None = None  # None: the default, ./compliance-report unless that lies inside the target
    no_cargo: bool = False
    fail_on: str = "error"
    require_docs: bool = False
    waivers: Path | None = None
    changed_since: str | None = None
