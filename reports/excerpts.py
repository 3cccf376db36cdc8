"""Short code excerpts around each finding, read from the target once at the end of the run."""

from __future__ import annotations

from pathlib import Path

from .model import ComplianceReport, Excerpt

CONTEXT = 2  # lines shown above and below the finding's line


def attach_excerpts(report: ComplianceReport, root: Path) -> None:
    cache: dict[str, list[str] | None] = {}
    for connector in report.connectors.values():
        for scenario in connector.scenarios:
            for finding in scenario.findings:
                key = (finding.file, finding.line)
                if key in report.excerpts:
                    continue
                if finding.file not in cache:
                    path = root / finding.file
                    cache[finding.file] = (path.read_text(encoding="utf-8", errors="replace").splitlines()
                                           if path.is_file() else None)
                lines = cache[finding.file]
                if not lines:
                    continue
                start = max(1, finding.line - CONTEXT)
                end = min(len(lines), finding.line + CONTEXT)
                report.excerpts[key] = Excerpt(start, lines[start - 1:end])
