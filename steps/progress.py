"""A transient progress line for the phases of a run that print nothing themselves: reading the tree (and the base
tree of a change), assessing every connector's flows, writing the reports. pytest's own dots show the scenarios
and checks/cargo/progress.py shows cargo.

Drawn with rich on stderr, only on a terminal: CI logs and pipes get nothing (a transient line would leave
escape sequences in them). pytest captures stderr during a session, so the line is drawn with capture suspended,
always on a line of its own.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext

import pytest
from rich.console import Console
from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

Advance = Callable[[], None]
PREFIX = "connector-compliance: "


def _suspended(config: pytest.Config) -> AbstractContextManager[object]:
    capture = config.pluginmanager.getplugin("capturemanager")
    return capture.global_and_fixture_disabled() if capture is not None else nullcontext()


def _own_line(config: pytest.Config) -> None:
    reporter = config.pluginmanager.getplugin("terminalreporter")
    writer = getattr(reporter, "_tw", None)  # pytest keeps the column it is at on its terminal writer
    if reporter is not None and getattr(writer, "width_of_current_line", 0):
        reporter.write("\n")  # after pytest's `[100%]`: the transient line erases the line it is drawn on


@contextmanager
def draw(console: Console, description: str, total: int | None = None) -> Iterator[Advance]:
    """The line itself: a spinner, the description, `done/total` when the total is known, the elapsed time.
    Nothing is drawn when `console` is not a terminal."""
    if not console.is_terminal:
        yield lambda: None
        return
    columns = [SpinnerColumn(), TextColumn("{task.description}")]
    if total is not None:
        columns.append(MofNCompleteColumn())
    with Progress(*columns, TimeElapsedColumn(), console=console, transient=True) as progress:
        task = progress.add_task(PREFIX + description, total=total)
        yield lambda: progress.advance(task)


@contextmanager
def phase(config: pytest.Config, description: str, total: int | None = None) -> Iterator[Advance]:
    """Show `description` while the block runs; the block calls the yielded function after each unit of work."""
    with _suspended(config):
        console = Console(file=sys.stderr, highlight=False)
        if console.is_terminal:
            _own_line(config)
        with draw(console, description, total) as advance:
            yield advance
