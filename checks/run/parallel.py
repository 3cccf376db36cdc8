"""The static work of a run over forked processes (issue 14: parallel where it pays).

A run of many connectors (`spread`): the processes take the connectors one at a time from a shared queue, heaviest
first. A run of a few (`split`): each connector's rules are dealt in two parts, one per process. Each computes what the
scenarios and the reports will ask (the `work` callable: every static rule's findings and their comparison with the
base tree, the flows' assessment, expectations, kinds). What a worker computed whose fact-cache key names one of its
connectors, and that pickles without a syntax tree or a repository in it, comes back to the parent's fact caches.
Those are the values one process computes, so the reports do not depend on who computed what; whatever a worker
could not compute or send, the parent computes when asked, as it would without workers. Only where `fork` exists:
a worker inherits the model built so far (the shared files parsed) instead of reading it again.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import pickle
import time
import warnings
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection

from ast_grep_py import SgNode, SgRoot

from ..target.fact_cache import FactCache
from ..target.files import TargetFiles
from ..target.repository import Repository
from ..target.rust import RustFile

MIN_CONNECTORS = 8  # below this a worker's start-up and the transfer cost more than they save
MAX_JOBS = 4
MAX_SPLIT = 2  # a few connectors' work in more parts than this repeats the shared facts in each for little gain
GRACE_SECONDS = 60.0  # a worker may take this much longer than the parent's own share before it is given up on
Work = Callable[[str], None]
PartWork = Callable[[str, int, int], None]  # (name, part, parts)


def default_jobs() -> int:
    """Processes for a run of many connectors: the cores this process may use, at most MAX_JOBS."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_JOBS))


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def spread(names: Sequence[str], caches: Sequence[FactCache], work: Work, jobs: int,
           weight: Callable[[str], int]) -> None:
    """Run `work` for every name, in `jobs` processes that take the names one at a time, heaviest first; the
    workers' results land in `caches`. Which process computes a name changes nothing but the time: the values are
    the same. Errors are left for the parent to meet where it would meet them without workers: `work` failing for
    a name only means that name is computed later, on demand.

    Before the fork, the parent computes the first name's work: what every name needs (the shared registration
    files parsed, the kind enums, ...) is then computed once and inherited, not once per process."""
    if jobs < 2 or len(names) < MIN_CONNECTORS or not can_fork():
        return
    _compute(names[:1], work)
    queue = _Queue(sorted(names[1:], key=lambda n: (-weight(n), n)))
    workers = [_start(caches, lambda: queue.drain(work)) for _ in range(jobs - 1)]
    started = time.monotonic()
    queue.drain(work)
    _collect(workers, caches, time.monotonic() + (time.monotonic() - started) + GRACE_SECONDS)


def split(names: Sequence[str], caches: Sequence[FactCache], work: PartWork, jobs: int) -> None:
    """A run of a few connectors: each one's work dealt in `jobs` parts (`work(name, part, parts)`), one part per
    process, all started at once. What the parts share (the registration files parsed, ...) each process computes
    for itself, side by side; only the parts' own results come back. Same values as without workers."""
    jobs = min(jobs, MAX_SPLIT)
    if jobs < 2 or not names or not can_fork():
        return

    def part_of(index: int) -> Callable[[], list[str]]:
        return lambda: [name for name in names if _attempt(lambda n=name: work(n, index, jobs))]

    workers = [_start(caches, part_of(index)) for index in range(1, jobs)]
    started = time.monotonic()
    part_of(0)()
    _collect(workers, caches, time.monotonic() + (time.monotonic() - started) + GRACE_SECONDS)


def _attempt(compute: Callable[[], None]) -> bool:
    try:
        compute()
    except Exception:  # met again, and reported, where the run asks for it
        return False
    return True


def _start(caches: Sequence[FactCache], compute: Callable[[], list[str]]
           ) -> tuple[multiprocessing.process.BaseProcess, Connection]:
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_worker, args=(compute, caches, sender), daemon=True)
    with warnings.catch_warnings():  # Python 3.12 warns of fork in a threaded process (rich's refresh thread)
        warnings.simplefilter("ignore", DeprecationWarning)
        process.start()
    sender.close()
    return process, receiver


def _collect(workers: list[tuple[multiprocessing.process.BaseProcess, Connection]], caches: Sequence[FactCache],
             deadline: float) -> None:
    for process, receiver in workers:
        payload = _receive(process, receiver, deadline)
        if payload is not None:
            _merge(caches, payload)
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join()


class _Queue:
    """The names left, shared by the processes through a counter in shared memory."""

    def __init__(self, names: list[str]) -> None:
        self.names = names
        context = multiprocessing.get_context("fork")
        self._next = context.RawValue("i", 0)
        self._lock = context.Lock()

    def take(self) -> str | None:
        with self._lock:
            index = self._next.value
            self._next.value = index + 1
        return self.names[index] if index < len(self.names) else None

    def drain(self, work: Work) -> list[str]:
        """Compute names until none is left; the names this process computed."""
        done = []
        while (name := self.take()) is not None:
            done.append(name)
            _compute((name,), work)
        return done


def _compute(names: Sequence[str], work: Work) -> None:
    for name in names:
        _attempt(lambda n=name: work(n))


def _worker(compute: Callable[[], list[str]], caches: Sequence[FactCache], sender: Connection) -> None:
    """In the forked process: compute (returning the names it computed), send back what names them and pickles,
    leave at once."""
    try:
        before = [set(cache.keys()) for cache in caches]
        wanted = set(compute())
        entries = []
        for index, (cache, known) in enumerate(zip(caches, before, strict=True)):
            for key, value in cache.items():
                if key not in known and _names_one_of(key, wanted):
                    data = _dumps((index, key, value))
                    if data is not None:
                        entries.append(data)
        sender.send_bytes(pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL))
    except BaseException:  # the parent computes whatever did not arrive
        pass
    finally:
        sender.close()
        os._exit(0)  # no atexit handlers, no pytest or rich teardown in a forked copy


def _names_one_of(key: tuple[object, tuple[object, ...]], names: set[str]) -> bool:
    return any(isinstance(arg, str) and arg in names for arg in key[1])


class _PlainPickler(pickle.Pickler):
    """Pickles plain values only: a value holding the model (syntax trees, files, the repository) stays behind."""

    def reducer_override(self, obj: object) -> object:
        if isinstance(obj, (SgNode, SgRoot, RustFile, Repository, TargetFiles, FactCache)):
            raise pickle.PicklingError("part of the model, not a plain value")
        return NotImplemented


def _dumps(entry: tuple[int, object, object]) -> bytes | None:
    buffer = io.BytesIO()
    try:
        _PlainPickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(entry)
    except Exception:  # not a plain value (or a key naming a local function): computed again
        return None
    return buffer.getvalue()


def _receive(process: multiprocessing.process.BaseProcess, receiver: Connection, deadline: float) -> list | None:
    while not receiver.poll(0.05):
        if not process.is_alive() and not receiver.poll(0):
            return None
        if time.monotonic() > deadline:
            return None
    try:
        return pickle.loads(receiver.recv_bytes())
    except (EOFError, OSError, pickle.UnpicklingError):
        return None


def _merge(caches: Sequence[FactCache], payload: list[bytes]) -> None:
    for data in payload:
        try:
            index, key, value = pickle.loads(data)
        except Exception:  # a value that does not load here is computed again
            continue
        caches[index].setdefault(key, value)
