"""`compliance.json`: the machine-readable report (schema `connector-compliance/1`)."""

from __future__ import annotations

import json
from pathlib import Path

from .model import ComplianceReport


def write_json(report: ComplianceReport, report_dir: Path) -> Path:
    report_dir.mkdir(parents=True, exist_ok=True)
    path = report_dir / "compliance.json"
    path.write_text(json.dumps(report.as_dict(), indent=2) + "\n", encoding="utf-8")
    return path
