"""Writing a report file: into a fresh temporary file beside it, then renamed over the name.

The rename replaces whatever is at the name, a symlink included, so a planted `summary.md -> ~/.bashrc` in the
report directory is replaced by the report, never written through.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_report_file(report_dir: Path, name: str, text: str) -> Path:
    report_dir.mkdir(parents=True, exist_ok=True)
    path = report_dir / name
    handle, temporary = tempfile.mkstemp(prefix=f".{name}.", dir=report_dir)
    try:
        os.fchmod(handle, 0o666 & ~_umask())  # mkstemp makes it 0600; a report is as readable as any new file
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
