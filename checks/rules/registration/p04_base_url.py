"""Registration point P4: every deployable config with a `[connectors]` table sets `NAME.base_url` (start-up
validation rejects an empty value). A deployment config is read as its README says it is deployed: merged with
the overlay (config/deployments/env_specific.toml) that sets some connectors' URLs as `[connectors.NAME]` tables."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.deployment import overlays
from ...facts.registration import config_files_with_connectors, params_type_required_keys
from ...target.repository import Repository
from ...target.toml_files import TomlFile


def _overlay_section(repo: Repository, toml_file: TomlFile, name: str) -> tuple[dict, list[str]]:
    """The connector's table from the overlays merged into this file, and where each is documented."""
    merged: dict = {}
    notes = []
    for overlay in overlays(repo):
        section = ((overlay.file.data or {}).get("connectors") or {}).get(name)
        if toml_file.rel in overlay.targets and isinstance(section, dict):
            merged.update(section)
            notes.append(f"{overlay.file.rel} (merged per {overlay.documented_at.where()})")
    return merged, notes


def check_base_urls(repo: Repository, name: str) -> list[Finding]:
    required = params_type_required_keys(repo, name)
    findings = []
    for toml_file in config_files_with_connectors(repo):
        data = toml_file.data
        section = (data or {}).get("connectors", {}).get(name) if data else None
        overlay, merged_from = _overlay_section(repo, toml_file, name)
        for key in required:
            if overlay.get(key):
                continue
            if data is not None:
                present = isinstance(section, dict) and bool(section.get(key))
            else:  # the file does not parse: fall back to the line itself
                present = toml_file.line_matching(rf"^\s*{name}\.{key}\s*=\s*\"[^\"]+\"") is not None
            if not present:
                also = f", nor does {', '.join(merged_from)}" if merged_from else ""
                findings.append(Finding(
                    RULE.id, toml_file.rel, toml_file.table_header_line("connectors") or 1,
                    f"[connectors] has no non-empty {name}.{key}{also}; start-up validation rejects the empty value",
                    f'add `{name}.{key} = "https://..."` under [connectors]'))
    return findings


RULE = Rule(
    id="registration.base-url",
    severity="error",
    title="Every config with a [connectors] table sets the connector's base_url",
    guide="NAME.base_url is set in every config with a [connectors] table.",
    check=check_base_urls,
    tags=("P4",),
)
