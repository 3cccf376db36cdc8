"""Registration point P4: every deployable config with a `[connectors]` table sets `NAME.base_url` (start-up
validation rejects an empty value)."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.registration import config_files_with_connectors, params_type_required_keys
from ...target.repository import Repository


def check_base_urls(repo: Repository, name: str) -> list[Finding]:
    required = params_type_required_keys(repo, name)
    findings = []
    for toml_file in config_files_with_connectors(repo):
        data = toml_file.data
        section = (data or {}).get("connectors", {}).get(name) if data else None
        for key in required:
            if data is not None:
                present = isinstance(section, dict) and bool(section.get(key))
            else:  # the file does not parse: fall back to the line itself
                present = toml_file.line_matching(rf"^\s*{name}\.{key}\s*=\s*\"[^\"]+\"") is not None
            if not present:
                findings.append(Finding(
                    RULE.id, toml_file.rel, toml_file.table_header_line("connectors") or 1,
                    f"[connectors] has no non-empty {name}.{key}; start-up validation rejects the empty value",
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
