"""Registration point P19: router/tests/connectors/sample_auth.toml has a `[NAME]` table to copy credentials from."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...target import layout
from ...target.repository import Repository


def check_sample_auth(repo: Repository, name: str) -> list[Finding]:
    toml_file = repo.toml(layout.SAMPLE_AUTH_TOML)
    if toml_file is None or toml_file.table_header_line(name) is not None:
        return []
    return [Finding(RULE.id, layout.SAMPLE_AUTH_TOML, 1,
                    f"sample_auth.toml has no [{name}] table to copy credentials from",
                    f'add `[{name}]` with `api_key = "API Key"`')]


RULE = Rule(
    id="registration.sample-auth",
    severity="warning",
    title="sample_auth.toml has a table for the connector",
    guide="sample_auth.toml has a [NAME] table.",
    check=check_sample_auth,
    tags=("P19",),
)
