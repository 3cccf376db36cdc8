"""Registration point P4: every deployable config with a `[connectors]` table sets `NAME.base_url` (start-up
validation rejects an empty value). A deployment config is read as its README says it is deployed: merged with
the overlay (config/deployments/env_specific.toml) that sets some connectors' URLs as `[connectors.NAME]` tables.

An empty value is reported at its own line; a missing key at the `[connectors]` header, with the line to add it
after (the tables are sorted by connector name), so following the hint never creates a second `[connectors]`."""

from __future__ import annotations

import re

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.deployment import overlays
from ...facts.registration import config_files_with_connectors, params_type_required_keys
from ...target.repository import Repository
from ...target.toml_files import TomlFile

ENTRY = re.compile(r"^\s*([a-z0-9_]+)\.([a-z0-9_]+)\s*=")


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


def _connectors_table(toml_file: TomlFile) -> tuple[int, list[tuple[int, str, str]]] | None:
    """The `[connectors]` header line and its `name.key = ..` lines: (line, name, key), in file order."""
    header = toml_file.table_header_line("connectors")
    if header is None:
        return None
    entries = []
    for number, line in enumerate(toml_file.text.splitlines()[header:], start=header + 1):
        if line.lstrip().startswith("["):
            break
        match = ENTRY.match(line)
        if match:
            entries.append((number, match.group(1), match.group(2)))
    return header, entries


def _insert_after(entries: list[tuple[int, str, str]], name: str) -> tuple[int, str] | None:
    """The last line of the connector that sorts right before `name` (its line and key): where a new key keeps the
    table's order."""
    before = [n for _, n, _ in entries if n < name]
    if not before:
        return None
    neighbour = max(before)
    line, n, k = [e for e in entries if e[1] == neighbour][-1]
    return line, f"{n}.{k}"


def check_base_urls(repo: Repository, name: str) -> list[Finding]:
    required = params_type_required_keys(repo, name)
    findings = []
    for toml_file in config_files_with_connectors(repo):
        data = toml_file.data
        section = (data or {}).get("connectors", {}).get(name) if data else None
        overlay, merged_from = _overlay_section(repo, toml_file, name)
        table: tuple[int, list[tuple[int, str, str]]] | None = None  # read only for a finding (a file's scan)
        for key in required:
            if overlay.get(key):
                continue
            if data is not None:
                present = isinstance(section, dict) and bool(section.get(key))
            else:  # the file does not parse: fall back to the line itself
                present = toml_file.line_matching(rf"^\s*{name}\.{key}\s*=\s*\"[^\"]+\"") is not None
            if present:
                continue
            also = f", nor does {', '.join(merged_from)}" if merged_from else ""
            own = toml_file.line_matching(rf"^\s*{name}\.{key}\s*=")
            if own is not None:
                findings.append(Finding(
                    RULE.id, toml_file.rel, own,
                    f"{name}.{key} is empty{also}; start-up validation rejects the empty value",
                    f'set it on this line: `{name}.{key} = "https://..."` (the PSP\'s host for this environment)'))
                continue
            table = table or _connectors_table(toml_file)
            header = table[0] if table is not None else None
            after = _insert_after(table[1], name) if table is not None else None
            where = (f"after line {after[0]} (`{after[1]}`)" if after is not None
                     else f"right below the header (line {header})")
            findings.append(Finding(
                RULE.id, toml_file.rel, header or 1,
                f"[connectors] has no {name}.{key}{also}; start-up validation rejects the missing value",
                f'add `{name}.{key} = "https://..."` inside the existing [connectors] table, {where}; do not start '
                "a second [connectors] table"))
    return findings


RULE = Rule(
    id="registration.base-url",
    severity="error",
    title="Every config with a [connectors] table sets the connector's base_url",
    guide="NAME.base_url is set in every config with a [connectors] table.",
    check=check_base_urls,
    tags=("P4",),
)
