"""The progress line of a run's silent phases: drawn on a terminal, absent from logs and pipes."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from connector_compliance.steps.progress import draw
from rich.console import Console

from .sample_copy import SAMPLE

HARNESS = SAMPLE.parent.parent


def test_the_line_is_drawn_on_a_terminal_with_counts() -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=100)
    with draw(console, "assessing each connector's flows", total=3) as advance:
        for _ in range(3):
            advance()
    text = out.getvalue()
    assert "connector-compliance: assessing each connector's flows" in text
    assert "\x1b[2K" in text  # transient: the line is erased when the phase ends


def test_nothing_is_drawn_when_not_a_terminal() -> None:
    out = io.StringIO()
    with draw(Console(file=out, force_terminal=False), "reading the checkout") as advance:
        advance()
    assert out.getvalue() == ""


@pytest.mark.slow
def test_a_terminal_run_shows_each_phase_and_keeps_pytests_lines(tmp_path: Path) -> None:
    """On a pseudo-terminal: the phases appear, and pytest's `[100%]` line is not erased by the last one."""
    main, secondary = pty.openpty()
    command = [sys.executable, "-m", "pytest", "features/", "-q", "-p", "no:cacheprovider", "--no-cargo",
               "--hs-repo", str(SAMPLE), "--report-dir", str(tmp_path / "report")]
    proc = subprocess.Popen(command, cwd=HARNESS, stdin=secondary, stdout=secondary, stderr=secondary,
                            env={**os.environ, "COLUMNS": "120", "TERM": "xterm"})
    os.close(secondary)
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=300)
    os.close(main)
    text = b"".join(chunks).decode("utf-8", "replace")
    for phase in ("reading the checkout", "assessing each connector's flows", "writing the reports"):
        assert f"connector-compliance: {phase}" in text
    end_of_dots = text.index("[100%]")
    assert text[end_of_dots:].split("\x1b[0m", 1)[1].startswith("\r\n"), text[end_of_dots:end_of_dots + 80]


@pytest.mark.slow
def test_a_piped_run_prints_no_progress_line(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "pytest", "features/", "-q", "-p", "no:cacheprovider", "--no-cargo",
                           "--hs-repo", str(SAMPLE), "--report-dir", str(tmp_path / "report")],
                          cwd=HARNESS, capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stdout[-2000:]
    assert "reading the checkout" not in proc.stdout + proc.stderr
    assert "\x1b[" not in proc.stderr
