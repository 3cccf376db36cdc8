"""`compliance.json`: the machine-readable report (schema `connector-compliance/1`)."""

from __future__ import annotations

import json
from pathlib import Path

from .model import ComplianceReport
from .output_file import write_report_file


def write_json(report: ComplianceReport, report_dir: Path) -> Path:
    return write_report_file(report_dir, "compliance.json", json.dumps(report.as_dict(), indent=2) + "\n")
