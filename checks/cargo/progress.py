"""What the user sees while cargo runs: every line of its output, and on a terminal a rich progress line.

cargo's human output under `--message-format=json` is split: progress ("Checking x") on stderr, rustc's
diagnostics as JSON on stdout (their `rendered` text is printed here), libtest's report as plain stdout lines.
Each line is made inert first (checks/core/text.py). On a terminal a transient rich line shows the crates done,
the last one, the error count and the elapsed time; elsewhere (CI logs, pipes) the same lines are printed without
it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TaskID, TextColumn, TimeElapsedColumn
from rich.text import Text

from ..cargo.runner import CargoCommand, OutputSink
from ..core.text import inert_lines


class ProgressSink:
    def __init__(self, console: Console, command: CargoCommand) -> None:
        self.console = console
        self.command = command
        self.units = 0
        self.errors = 0
        self.warnings = 0
        self.last = ""
        self.progress: Progress | None = None
        self.task: TaskID | None = None

    def describe(self) -> str:
        counts = f"{self.units} crate(s) done"
        if self.last:
            counts += f", last {self.last}"
        if self.errors or self.warnings:
            counts += f", {self.errors} error(s), {self.warnings} warning(s)"
        return f"cargo {self.command.subcommand}: {counts}"

    def _print(self, text: str) -> None:
        # The target's build scripts and tests write this: no escape sequence or workflow command may pass.
        self.console.print(Text(inert_lines(text)), markup=False, highlight=False, emoji=False, soft_wrap=True)

    def _refresh(self) -> None:
        if self.progress is not None and self.task is not None:
            self.progress.update(self.task, description=self.describe())

    def stdout_line(self, line: str) -> None:
        if not line.startswith("{"):
            self._print(line)  # libtest's report
            return
        try:
            message = json.loads(line)
        except ValueError:
            self._print(line)
            return
        reason = message.get("reason") if isinstance(message, dict) else None
        if reason == "compiler-artifact":
            self.units += 1
            self.last = str(message.get("target", {}).get("name", ""))
            self._refresh()
        elif reason == "compiler-message":
            body = message.get("message", {})
            level = body.get("level")
            if level == "error" and body.get("spans"):
                self.errors += 1
            elif level == "warning":
                self.warnings += 1
            rendered = body.get("rendered")
            if rendered:
                self._print(str(rendered).rstrip("\n"))
            self._refresh()

    def stderr_line(self, line: str) -> None:
        self._print(line)


class ProgressDisplay:
    """A `Display` for CargoSettings: opens a ProgressSink on `stream` for the length of one command."""

    def __init__(self, stream: TextIO | None = None, force_terminal: bool | None = None) -> None:
        self.stream = stream
        self.force_terminal = force_terminal

    @contextmanager
    def open(self, command: CargoCommand, stream: TextIO | None = None) -> Iterator[OutputSink]:
        console = Console(file=stream or self.stream, force_terminal=self.force_terminal, highlight=False,
                          soft_wrap=True)
        sink = ProgressSink(console, command)
        console.print(Text(f"cargo: running `{command.display()}` in {command.cwd}"), markup=False)
        if console.is_terminal:
            with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=console,
                          transient=True) as progress:
                sink.progress, sink.task = progress, progress.add_task(sink.describe(), total=None)
                yield sink
        else:
            yield sink
        console.print(Text(f"cargo: {sink.describe()}"), markup=False)
