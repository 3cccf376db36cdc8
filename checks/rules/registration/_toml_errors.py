"""What both TOML rules share: a finding at the line tomllib stops at."""

from __future__ import annotations

from ...core.finding import Finding
from ...target.toml_files import TomlFile


def parse_error(rule_id: str, toml_file: TomlFile, consequence: str, hint: str) -> Finding:
    return Finding(rule_id, toml_file.rel, toml_file.error_line or 1,
                   f"{toml_file.rel} is not valid TOML: {toml_file.error}{consequence}", hint)
