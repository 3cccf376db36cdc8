"""The TOML files the registration points live in parse (a duplicated key is the usual cause); when one does not,
the other registration rules fall back to line facts and this rule says so."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.registration import registration_tomls
from ...target.repository import Repository


def check_config_files_parse(repo: Repository, name: str) -> list[Finding]:
    return [Finding(RULE.id, toml_file.rel, toml_file.error_line or 1,
                    f"{toml_file.rel} is not valid TOML: {toml_file.error}",
                    "fix the file (a duplicated key is the usual cause); line-level checks still ran")
            for toml_file in registration_tomls(repo) if toml_file.error is not None]


RULE = Rule(
    id="registration.toml-parses",
    severity="warning",
    title="The TOML files the registration points live in parse",
    guide="The TOML files the registration points use parse.",
    check=check_config_files_parse,
    tags=("registration-toml",),
)
