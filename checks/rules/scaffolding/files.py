"""The connector is `connectors/<name>.rs` plus `connectors/<name>/transformers.rs` (the latter once it declares it
or implements a flow: see facts/connectors.needs_transformers)."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.connectors import needs_transformers, transformers_declaration_line
from ...target import layout
from ...target.repository import Repository


def check_files_exist(repo: Repository, name: str) -> list[Finding]:
    findings = []
    module = repo.modules.get(name)
    main = layout.connector_main_file(name)
    transformers = f"{layout.connector_folder(name)}/transformers.rs"
    if not repo.exists(main):
        findings.append(Finding(
            RULE.id, layout.CONNECTORS_RS, module.mod_line if module else 1,
            f"`pub mod {name};` has no file: {main} is missing",
            f"create {main} (start from connector-template/mod.rs) with `pub mod transformers;` on its first line"))
    if not repo.exists(transformers) and needs_transformers(repo, name):
        findings.append(Finding(
            RULE.id, main if repo.exists(main) else layout.CONNECTORS_RS,
            transformers_declaration_line(repo, name) or 1,
            f"{transformers} is missing",
            f"create {transformers} for the request/response structs, {name}'s AuthType and RouterData wrapper"))
    return findings


RULE = Rule(
    id="scaffolding.files",
    severity="error",
    title="The connector's own files exist",
    guide="A connector is crates/hyperswitch_connectors/src/connectors/<name>.rs plus <name>/transformers.rs.",
    check=check_files_exist,
)
