"""The TOML files the registration points live in parse (a duplicated key is the usual cause); when one does not,
the other registration rules fall back to line facts and this rule says so. A run-level rule: one finding per
file per run, not one per connector. Files the code embeds are the error rule's (embedded_toml_parses.py)."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.embedded_files import embedded_files
from ...facts.registration import registration_tomls
from ...target.repository import Repository
from ._toml_errors import parse_error


def check_config_files_parse(repo: Repository, name: str) -> list[Finding]:
    embedded = embedded_files(repo)
    return [parse_error(RULE.id, toml_file, "", "fix the file (a duplicated key is the usual cause); line-level "
                        "checks still ran")
            for toml_file in registration_tomls(repo) if toml_file.error is not None and toml_file.rel not in embedded]


RULE = Rule(
    id="registration.toml-parses",
    severity="warning",
    title="The TOML files the registration points live in parse",
    guide="The TOML files the registration points use parse.",
    check=check_config_files_parse,
    tags=("registration-toml",),
    see_also=("registration-toml-embedded",),
    run_level=True,
)
