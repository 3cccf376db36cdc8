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
    changed_since: str | None = None  # select what changed since `git merge-base REF HEAD`, judged against it
    baseline: str | None = None  # judge against `git merge-base REF HEAD` without narrowing the selection
    source_url: str | None = None  # link template: {commit}, {path}, {line}
    waiver_horizon_days: int = 180  # a waiver's expiry may be at most this many days ahead
    waivable_tags: frozenset[str] | None = None  # tags exactly one scenario carries (from the features)
    catch_all_tags: frozenset[str] = frozenset()  # feature-level tags (every scenario of a feature carries them)
    jobs: int | None = None  # processes for the static work of many connectors (None: the cores, run/parallel.py)

    @property
    def baseline_request(self) -> tuple[str, str] | None:
        """(option, ref) of the comparison the run asks for, if any."""
        if self.changed_since:
            return "--changed-since", self.changed_since
        if self.baseline:
            return "--baseline", self.baseline
        return None
