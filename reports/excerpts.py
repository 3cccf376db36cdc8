"""Short code excerpts around each finding, read from the target once at the end of the run.

Read through TargetFiles, like every other read of the target: a symlink out of the checkout gives no excerpt.
Each excerpt line is cut at EXCERPT_LINE_CHARS (a minified one-line file must not put megabytes into a report).
"""

from __future__ import annotations

from pathlib import Path

from connector_compliance.checks.core.limits import clip
from connector_compliance.checks.target.files import TargetFiles

from .model import ComplianceReport, Excerpt

CONTEXT = 2  # lines shown above and below the finding's line
EXCERPT_LINE_CHARS = 240


def attach_excerpts(report: ComplianceReport, files: TargetFiles | Path) -> None:
    read = files if isinstance(files, TargetFiles) else TargetFiles(files)
    cache: dict[str, list[str] | None] = {}
    for connector in report.connectors.values():
        for scenario in connector.scenarios:
            for finding in scenario.findings:
                key = (finding.file, finding.line)
                if key in report.excerpts:
                    continue
                if finding.file not in cache:
                    text = read.read_text(finding.file) if finding.file else None
                    cache[finding.file] = text.splitlines() if text is not None else None
                lines = cache[finding.file]
                if not lines:
                    continue
                start = max(1, finding.line - CONTEXT)
                end = min(len(lines), finding.line + CONTEXT)
                report.excerpts[key] = Excerpt(start, [clip(line, EXCERPT_LINE_CHARS) for line in lines[start - 1:end]])
