"""The static work spread over forked processes (checks/run/parallel.py): many connectors one by one, a few
connectors each in parts; same results, any jobs."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from ast_grep_py import SgRoot
from connector_compliance.checks.core.registry import all_rules
from connector_compliance.checks.run import parallel
from connector_compliance.checks.run.context import (
    RUN_LEVEL,
    SAMPLE_CONNECTOR,
    SAMPLE_REPO,
    RunContext,
    _deal,
    build_run_context,
)
from connector_compliance.checks.run.options import RunOptions
from connector_compliance.checks.target.fact_cache import FactCache

from .sample_connectors import AUTHORIZE, REAL_FLOW, add_connector, flow, template_code
from .test_end_to_end import copy_sample, run_features

pytestmark = pytest.mark.skipif(not parallel.can_fork(), reason="workers are forked")

NAMES = [f"conn{i:02d}" for i in range(12)]


def _measure(name: str) -> int:
    """A stand-in fact; the key of its cached values is this function and the connector's name."""
    return len(name) * 7


def _work(cache: FactCache, pids: FactCache, fail: str = "") -> parallel.Work:
    def work(name: str) -> None:
        time.sleep(0.02)  # long enough for the workers to take some names
        if name == fail:
            raise ValueError(f"{name}: unreadable")
        cache.get(_measure, (name,), lambda: _measure(name))
        pids.get(os.getpid, (name,), os.getpid)

    return work


def test_every_name_computed_by_any_process_lands_in_the_parents_cache() -> None:
    cache, pids = FactCache(), FactCache()
    parallel.spread(NAMES, [cache, pids], _work(cache, pids), jobs=3, weight=len)
    assert sorted(cache.items()) == sorted(((_measure, (n,)), _measure(n)) for n in NAMES)
    computed_by = {pid for _, pid in pids.items()}
    assert os.getpid() in computed_by and len(computed_by) >= 2  # the parent and at least one worker


def test_a_name_whose_work_fails_is_left_for_the_parent_to_meet_on_demand() -> None:
    cache, pids = FactCache(), FactCache()
    parallel.spread(NAMES, [cache, pids], _work(cache, pids, fail="conn05"), jobs=2, weight=len)
    assert (_measure, ("conn05",)) not in dict(cache.items())
    assert len(cache) == len(NAMES) - 1


@pytest.mark.parametrize(("names", "jobs"), [(NAMES, 1), (NAMES[: parallel.MIN_CONNECTORS - 1], 2)])
def test_one_job_or_a_few_connectors_start_no_worker(names: list[str], jobs: int) -> None:
    cache, pids = FactCache(), FactCache()
    parallel.spread(names, [cache, pids], _work(cache, pids), jobs=jobs, weight=len)
    assert len(cache) == 0  # nothing computed ahead: the run asks for each fact when it needs it


def _part_work(cache: FactCache, pids: FactCache, fail: str = "") -> parallel.PartWork:
    def work(name: str, part: int, parts: int) -> None:
        if name == fail and part == 1:
            raise ValueError(f"{name}: unreadable")
        cache.get(_measure, (name, part, parts), lambda: _measure(name) + part)
        pids.get(os.getpid, (name, part), os.getpid)

    return work


def test_a_few_connectors_are_split_in_parts_computed_side_by_side() -> None:
    cache, pids = FactCache(), FactCache()
    parallel.split(NAMES[:2], [cache, pids], _part_work(cache, pids), jobs=4)  # at most MAX_SPLIT parts
    parts = parallel.MAX_SPLIT
    assert dict(cache.items()) == {(_measure, (n, p, parts)): _measure(n) + p for n in NAMES[:2] for p in range(parts)}
    by_part = {args[1]: pid for (_, args), pid in pids.items()}
    assert by_part[0] == os.getpid() and by_part[1] != os.getpid()  # part 0 here, part 1 in the worker


def test_a_part_that_fails_in_the_worker_is_left_for_the_parent() -> None:
    cache, pids = FactCache(), FactCache()
    parallel.split(NAMES[:2], [cache, pids], _part_work(cache, pids, fail="conn01"), jobs=2)
    assert (_measure, ("conn01", 1, 2)) not in dict(cache.items())
    assert (_measure, ("conn00", 1, 2)) in dict(cache.items())


@pytest.mark.parametrize(("names", "jobs"), [(NAMES[:1], 1), ([], 2)])
def test_one_job_or_no_connector_splits_nothing(names: list[str], jobs: int) -> None:
    cache, pids = FactCache(), FactCache()
    parallel.split(names, [cache, pids], _part_work(cache, pids), jobs=jobs)
    assert len(cache) == 0  # each fact computed when the run asks for it


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_run_level_rules_are_computed_ahead_by_the_shared_files_part(jobs: int) -> None:
    run = build_run_context(RunOptions(hs_repo=SAMPLE_REPO, connectors=(SAMPLE_CONNECTOR,), jobs=jobs))
    once = sorted(rule.id for rule in all_rules().values() if rule.run_level)
    assert once == ["registration.embedded-toml-parses", "registration.toml-parses"]
    ahead = {args[:2] for (function, args), _ in run.repo.facts.items() if function is RunContext.findings}
    if jobs == 1:  # one process computes each rule when a scenario asks
        assert ahead == set()
    else:  # in the worker, which sent them back: the run-level key, and never the connector's
        assert {(rule_id, RUN_LEVEL) for rule_id in once} <= ahead
        assert not {(rule_id, SAMPLE_CONNECTOR) for rule_id in once} & ahead
        assert ("pitfall-4", SAMPLE_CONNECTOR) in ahead  # the parent's part


def test_the_shared_files_part_holds_what_reads_the_shared_files_and_the_connectors_files_stay_with_its_code() -> None:
    rules = [rule for rule in all_rules().values() if not rule.needs_cargo and not rule.run_level]
    code, shared = (sorted(rule.id for rule in part) for part in _deal(rules)[2])
    assert {"pitfall-3", "registration.default-impls", "scaffolding.module", "scaffolding.module-names"} <= set(shared)
    assert all(rule_id.startswith(("registration.", "scaffolding.module", "pitfall-3")) for rule_id in shared)
    # the connector's own files are parsed by the part that reads its code, not parsed again by the other
    assert {"scaffolding.files", "scaffolding.parses", "scaffolding.transformers-module",
            "scaffolding.inside-checkout", "pitfall-4", "flow"} <= set(code)
    assert sorted(code + shared) == sorted(rule.id for rule in rules)


def test_values_holding_a_syntax_tree_stay_in_the_worker() -> None:
    node = SgRoot("fn main() {}", "rust").root()
    assert parallel._dumps((0, (_measure, ("conn00",)), {"node": node})) is None
    assert parallel._dumps((0, (_measure, ("conn00",)), {"line": 3})) is not None


@pytest.mark.slow
def test_a_run_of_many_connectors_reports_the_same_with_one_process_or_two(tmp_path: Path) -> None:
    hs = copy_sample(tmp_path)
    for i in range(parallel.MIN_CONNECTORS):
        name, camel = f"extra{i}", f"Extra{i}"
        # half template code (stub flows: failing scenarios), half with a real Authorize
        body = template_code(camel) if i % 2 else f"pub struct {camel};\n{flow(REAL_FLOW, AUTHORIZE, camel)}"
        add_connector(hs, name, camel, body, registered=bool(i % 3))
    reports = []
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs{jobs}"
        proc, report = run_features(out, "--hs-repo", str(hs), "--all-connectors", "--jobs", jobs)
        assert proc.returncode == 1, proc.stdout + proc.stderr  # the extra connectors fail scenarios
        assert report is not None and len(report["connectors"]) == parallel.MIN_CONNECTORS + 2
        reports.append(report)
    assert reports[0] == reports[1]  # compliance.json holds no timings: every byte of it agrees


@pytest.mark.slow
def test_one_connector_reports_the_same_split_in_two_parts_or_not(tmp_path: Path) -> None:
    hs = copy_sample(tmp_path)
    reports = []
    for jobs in ("1", "2"):
        proc, report = run_features(tmp_path / f"jobs{jobs}", "--hs-repo", str(hs), "--connector", SAMPLE_CONNECTOR,
                                    "--jobs", jobs)
        assert proc.returncode in (0, 1), proc.stdout + proc.stderr
        assert report is not None and len(report["connectors"]) == 1
        reports.append(report)
    assert reports[0] == reports[1]
