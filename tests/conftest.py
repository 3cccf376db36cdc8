"""The fast inner loop (`-m "not slow"`) keeps its temporary files in memory where the machine has a tmpfs.

Its tests write about 25,000 small files (copies of the sample) per run, and pytest removes an older run's as many
at start: on an ext4 disk that was a third of the loop's wall time (17 s against 12 s on /dev/shm, 2 cores). The
slow tests are left on disk: their cargo target folders weigh about a gigabyte per run, and pytest keeps three runs.
"""

from __future__ import annotations

import os
import tempfile

import pytest
from connector_compliance.checks.run import parallel

MEMORY_TMP = "/dev/shm"


def pytest_configure(config: pytest.Config) -> None:
    fast_loop = "not slow" in (config.option.markexpr or "")
    chosen = config.option.basetemp or any(os.environ.get(v) for v in ("TMPDIR", "TEMP", "TMP"))
    if fast_loop and not chosen and os.path.isdir(MEMORY_TMP) and os.access(MEMORY_TMP, os.W_OK | os.X_OK):
        tempfile.tempdir = MEMORY_TMP  # read by pytest's tmp_path_factory when it first makes its base folder


@pytest.fixture(autouse=True)
def _one_process_per_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """Runs of the harness inside the test process do not fork workers unless a test asks (`--jobs`): pytest-xdist
    already keeps the cores busy, and a fork per run made the fast loop 15 % slower."""
    monkeypatch.setattr(parallel, "default_jobs", lambda: 1)
