#!/usr/bin/env python3
"""Speed budgets of the harness as ratios against a floor measured in the same run (not timed tests, which would
be flaky on a shared CI machine).

    python3 scripts/benchmark.py --hs-repo ~/hyperswitch                       # floor, fleet, one connector
    python3 scripts/benchmark.py --hs-repo ~/hyperswitch --pr-repo ~/hs-pr --pr-base HEAD~1   # + a core-wide PR
    python3 scripts/benchmark.py --hostile           # time, peak memory and report sizes of hostile PRs

The floor is what any static check of the tree costs at least: a Python process that reads and parses every
connector file with ast-grep-py. Each case runs `pytest features/` as a user would (`--no-cargo`, reports written),
in rounds that interleave the floor and the cases, so a busy neighbour slows both alike; per case the fastest
round counts. Wall time is what the budgets judge, as a user waits for it: the harness spreads its work over the
cores (`--jobs`), which lowers the wall time and cannot lower the CPU time (user + system of the process and its
children, from getrusage), printed beside it; `--judge cpu` judges that instead (on a machine shared with other
work, where wall time mostly measures the neighbours).

Budgets (exit 1 when one is missed, 2 on bad input):
- every connector (`--all-connectors`): at most 5x the floor;
- one connector (`--connector NAME`): at most 1.5 s, start-up included;
- a core-wide PR judged against its base (`--changed-since BASE` on a checkout of the PR: the head and the base tree
  are both checked): at most 10x the floor; run only when the harness has the baseline (`--baseline` in its options);
- peak RSS of any case: at most 1 GiB.

The child processes write Python bytecode as a default Python does (PYTHONDONTWRITEBYTECODE is cleared for them),
after one warm-up round that is not counted.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HARNESS = Path(__file__).resolve().parent.parent
CONNECTORS_DIR = "crates/hyperswitch_connectors/src/connectors"
FLEET_RATIO, PR_RATIO, ONE_SECONDS, RSS_BYTES = 5.0, 10.0, 1.5, 1 << 30
CASE_KEYS = ("floor", "fleet", "one", "pr")

# The floor: read and parse every connector file, nothing else.
FLOOR = f"""
import sys
from pathlib import Path
from ast_grep_py import SgRoot
base = Path(sys.argv[1]) / "{CONNECTORS_DIR}"
roots = [SgRoot(p.read_text(encoding="utf-8", errors="replace"), "rust").root() for p in sorted(base.rglob("*.rs"))]
print(len(roots), "files")
"""


@dataclass
class Sample:
    wall: float
    cpu: float
    rss: int  # bytes
    code: int


@dataclass
class Case:
    name: str
    command: list[str]
    budget: str  # "ratio" (against the floor), "seconds", or "" (the floor itself)
    limit: float = 0.0
    ok_codes: tuple[int, ...] = (0, 1)  # pytest exits 1 when scenarios fail; that is a result, not a crash
    samples: list[Sample] = field(default_factory=list)

    def best(self, what: str) -> float:
        return min(getattr(s, what) for s in self.samples)

    def rss(self) -> int:
        return max(s.rss for s in self.samples)


def measure(command: list[str], env: dict[str, str]) -> Sample:
    """Run a child; its wall time, its CPU time (getrusage of children, grandchildren included) and peak RSS."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=HARNESS, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc.returncode = os.waitstatus_to_exitcode(status)
    error = proc.stderr.read().decode(errors="replace") if proc.stderr is not None else ""
    if proc.stderr is not None:
        proc.stderr.close()
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    sample = Sample(wall, cpu, usage.ru_maxrss * 1024, proc.returncode)
    sample.error = error  # type: ignore[attr-defined]
    return sample


def gil_probe() -> str:
    """Does ast-grep-py release the GIL while it parses? Python code of another thread can run during a native
    call only if it does (a time-based test would measure the neighbours; this one counts)."""
    from ast_grep_py import SgRoot

    text = "fn f() { let x = a.b(c, d::e(1 + 2)); }\n" * 10_000
    windows: list[tuple[float, float]] = []
    stamps: list[float] = []

    def work() -> None:
        for _ in range(3):
            start = time.perf_counter()
            SgRoot(text, "rust")
            windows.append((start, time.perf_counter()))

    thread = threading.Thread(target=work)
    thread.start()
    while thread.is_alive():
        stamps.append(time.perf_counter())
    thread.join()
    inside = sum(1 for s in stamps for a, b in windows if a + 0.001 < s < b - 0.001)
    verdict = "releases the GIL while parsing" if inside else "holds the GIL while parsing"
    return f"ast-grep-py {verdict}: {inside} of {len(stamps)} main-thread steps ran during its parse calls"


def harness_has(option: str, env: dict[str, str]) -> bool:
    help_text = subprocess.run([sys.executable, "-m", "pytest", "--help", "-p", "no:cacheprovider"], cwd=HARNESS,
                               env=env, capture_output=True, text=True, check=False).stdout
    return option in help_text


def cases(options: argparse.Namespace, report_dir: str, env: dict[str, str]) -> tuple[list[Case], list[str]]:
    pytest = [sys.executable, "-m", "pytest", "features/", "-q", "-p", "no:cacheprovider", "--no-cargo",
              "--report-dir", report_dir]
    repo = str(options.hs_repo)
    found = [
        Case("floor: parse every connector file", [sys.executable, "-c", FLOOR, repo], "", ok_codes=(0,)),
        Case("every connector", [*pytest, "--hs-repo", repo, "--all-connectors"], "ratio", FLEET_RATIO),
        Case(f"one connector ({options.connector})", [*pytest, "--hs-repo", repo, "--connector", options.connector],
             "seconds", ONE_SECONDS),
    ]
    found = [c for i, c in enumerate(found) if i == 0 or CASE_KEYS[i] in options.only]
    notes = []
    if "pr" not in options.only:
        pass
    elif options.pr_repo is None:
        notes.append("core-wide PR: not measured (give --pr-repo, a checkout of a PR that touches most connectors)")
    elif not harness_has("--baseline", env):
        notes.append("core-wide PR: not measured: this harness has no baseline yet (no --baseline option)")
    else:
        found.append(Case(f"core-wide PR ({options.pr_base}...HEAD, head + base)",
                          [*pytest, "--hs-repo", str(options.pr_repo), "--changed-since", options.pr_base],
                          "ratio", PR_RATIO))
    return found, notes


def judge(case: Case, floor: Case, by: str) -> tuple[bool, str]:
    if case.budget == "ratio":
        ratio = case.best(by) / floor.best(by)
        return ratio <= case.limit, f"{ratio:5.2f}x floor ({by}; budget {case.limit:g}x)"
    if case.budget == "seconds":
        seconds = case.best(by)
        return seconds <= case.limit, f"{seconds:5.2f} s ({by}; budget {case.limit:g} s)"
    return True, ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hs-repo", type=Path, help="a real Hyperswitch checkout (required but with --hostile)")
    parser.add_argument("--connector", default="helcim", help="connector of the one-connector case (helcim)")
    parser.add_argument("--pr-repo", type=Path, help="a checkout of a core-wide PR (its HEAD is the PR's head)")
    parser.add_argument("--pr-base", default="HEAD~1", help="the PR's base ref in --pr-repo (HEAD~1)")
    parser.add_argument("--rounds", type=int, default=3, help="measured rounds; the fastest counts (3)")
    parser.add_argument("--judge", choices=("cpu", "wall"), default="wall", help="what the budgets compare (wall)")
    parser.add_argument("--hostile", action="store_true",
                        help="measure the hostile-input cases of tests/hostile_cases.py instead (heavy ones only "
                             "unless --all-hostile)")
    parser.add_argument("--all-hostile", action="store_true", help="with --hostile: every case")
    parser.add_argument("--only", default="fleet,one,pr", type=lambda v: set(v.split(",")),
                        help="the cases to measure besides the floor, from fleet,one,pr (all)")
    options = parser.parse_args()
    if options.hostile:
        return hostile(options.all_hostile)
    if options.hs_repo is None:
        parser.error("--hs-repo is required (the budgets are for a real tree)")
    for path in (options.hs_repo, options.pr_repo):
        if path is not None and not (path / CONNECTORS_DIR).is_dir():
            print(f"benchmark: {path} is not a Hyperswitch checkout (no {CONNECTORS_DIR})", file=sys.stderr)
            return 2
    if options.rounds < 1 or not options.only <= set(CASE_KEYS[1:]):
        print("benchmark: --rounds must be at least 1 and --only a subset of fleet,one,pr", file=sys.stderr)
        return 2
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    print(gil_probe())
    with tempfile.TemporaryDirectory() as report_dir:
        measured, notes = cases(options, report_dir, env)
        for round_number in range(options.rounds + 1):  # round 0 warms caches (bytecode, page cache) and is dropped
            for case in measured:
                sample = measure(case.command, env)
                if sample.code not in case.ok_codes:
                    print(f"benchmark: {case.name} exited {sample.code}:\n{sample.error[-2000:]}",  # type: ignore
                          file=sys.stderr)
                    return 2
                if round_number:
                    case.samples.append(sample)
    floor = measured[0]
    missed = 0
    print(f"{'case':44} {'wall s':>7} {'cpu s':>7} {'wall x':>7} {'cpu x':>7} {'rss MB':>7}  verdict")
    for case in measured:
        ok, why = judge(case, floor, options.judge)
        rss_ok = case.rss() <= RSS_BYTES
        missed += (not ok) + (not rss_ok)
        verdict = "" if not case.budget else ("ok   " if ok and rss_ok else "MISS ") + why
        if not rss_ok:
            verdict += f"; peak RSS over {RSS_BYTES >> 20} MB"
        print(f"{case.name:44} {case.best('wall'):7.2f} {case.best('cpu'):7.2f} "
              f"{case.best('wall') / floor.best('wall'):7.2f} {case.best('cpu') / floor.best('cpu'):7.2f} "
              f"{case.rss() / (1 << 20):7.0f}  {verdict}")
    for note in notes:
        print(note)
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; best of {options.rounds} "
          f"round(s); budgets judged by {options.judge} time")
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
