#!/usr/bin/env python3
"""Speed targets for the harness, measured here rather than in timed tests (which would be flaky on CI).

    python3 scripts/benchmark.py                       # the bundled sample
    python3 scripts/benchmark.py --hs-repo ~/hyperswitch --connector helcim
    python3 scripts/benchmark.py --hostile                # time, peak memory and report sizes of hostile PRs

Each case runs `pytest features/` as a user would (static scenarios only: --no-cargo) and compares the wall time
with its target. Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HARNESS = Path(__file__).resolve().parent.parent
# (name, extra pytest args, target seconds). "Instant" for one connector; a whole real tree in a few seconds.
SAMPLE_CASES = [("sample, one connector", [], 3.0), ("sample, both connectors", ["--all-connectors"], 3.0)]


def run(args: list[str]) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as report_dir:
        started = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "pytest", "features/", "-q", "-p", "no:warnings", "--no-cargo",
                               "--report-dir", report_dir, *args], cwd=HARNESS, capture_output=True, check=False)
        return time.perf_counter() - started, proc.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hs-repo", help="a real Hyperswitch checkout to time as well")
    parser.add_argument("--connector", default="helcim", help="connector for the single-connector case")
    parser.add_argument("--hostile", action="store_true",
                        help="measure the hostile-input cases of tests/hostile_cases.py instead (heavy ones only "
                             "unless --all-hostile)")
    parser.add_argument("--all-hostile", action="store_true", help="with --hostile: every case")
    options = parser.parse_args()
    if options.hostile:
        return hostile(options.all_hostile)
    cases = list(SAMPLE_CASES)
    if options.hs_repo:
        cases += [
            (f"real tree, {options.connector}", ["--hs-repo", options.hs_repo, "--connector", options.connector], 3.0),
            ("real tree, every connector", ["--hs-repo", options.hs_repo, "--all-connectors"], 15.0),
        ]
    missed = 0
    for name, args, target in cases:
        seconds, code = run(args)
        verdict = "ok" if seconds <= target else "SLOW"
        missed += verdict != "ok"
        print(f"{verdict:4} {name:32} {seconds:6.2f} s (target {target:.0f} s, exit {code})")
    return 1 if missed else 0


def hostile(every: bool) -> int:
    """Wall time, peak memory (the harness process) and report sizes of each hostile case: measured, not asserted."""
    sys.path.insert(0, str(HARNESS))
    from tests.hostile_cases import CASES, run_case

    for case in CASES:
        if not (every or case.heavy):
            continue
        with tempfile.TemporaryDirectory() as tmp:
            outcome = run_case(case, Path(tmp), measure=True)
        sizes = ", ".join(f"{name} {len(data) / 1e6:.2f} MB" for name, data in sorted(outcome.files.items()))
        peak = f"{outcome.peak_kib / 1024:.0f} MiB" if outcome.peak_kib else "?"
        print(f"{case.id:40} exit {outcome.code}  {outcome.seconds:6.1f} s  peak {peak:>8}  stdout "
              f"{len(outcome.stdout) / 1e3:.0f} kB  {sizes}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
