"""Every TOML file the code embeds with `include_str!` parses: such a file is read at run time (connector_configs
picks one of its three TOMLs by build feature and deserializes it), so a duplicated key there breaks the service.
A run-level rule: one finding per file per run."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.embedded_files import embedded_files
from ...target.repository import Repository
from ._toml_errors import parse_error


def check_embedded_tomls_parse(repo: Repository, name: str) -> list[Finding]:
    findings = []
    for rel, (rust_rel, line) in sorted(embedded_files(repo).items()):
        toml_file = repo.toml(rel)
        if toml_file is not None and toml_file.error is not None:
            findings.append(parse_error(
                RULE.id, toml_file, f"; {rust_rel}:{line} embeds it with include_str! and reads it at run time",
                "fix the file (a duplicated key is the usual cause): the code that embeds it fails when it loads it"))
    return findings


RULE = Rule(
    id="registration.embedded-toml-parses",
    severity="error",
    title="The TOML files the code embeds parse",
    guide="A TOML file compiled in with include_str! (connector_configs' Control Center TOMLs) is valid TOML.",
    check=check_embedded_tomls_parse,
    tags=("registration-toml-embedded",),
    see_also=("registration-toml",),
    run_level=True,
)
