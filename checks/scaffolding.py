"""The connector's own files exist, parse, and are declared where the crate looks for them."""

from __future__ import annotations

from . import layout
from .findings import Finding
from .repository import Repository


def check_files_exist(repo: Repository, name: str) -> list[Finding]:
    findings = []
    module = repo.modules.get(name)
    main = layout.connector_main_file(name)
    transformers = f"{layout.connector_folder(name)}/transformers.rs"
    if not repo.exists(main):
        findings.append(Finding(
            "scaffolding.files", layout.CONNECTORS_RS, module.mod_line if module else 1,
            f"`pub mod {name};` has no file: {main} is missing",
            f"create {main} (start from connector-template/mod.rs) with `pub mod transformers;` on its first line"))
    if not repo.exists(transformers):
        findings.append(Finding(
            "scaffolding.files", main if repo.exists(main) else layout.CONNECTORS_RS,
            _transformers_decl_line(repo, name) or 1,
            f"{transformers} is missing",
            f"create {transformers} for the request/response structs, {name}'s AuthType and RouterData wrapper"))
    return findings


def check_module_declared(repo: Repository, name: str) -> list[Finding]:
    module = repo.modules.get(name)
    if module is None:
        return [Finding("scaffolding.module", layout.CONNECTORS_RS, 1,
                        f"{layout.CONNECTORS_RS} has no `pub mod {name};`",
                        f"add `pub mod {name};` in alphabetical order")]
    if module.camel is None:
        return [Finding("scaffolding.module", layout.CONNECTORS_RS, module.mod_line,
                        f"{name} is declared but its type is not re-exported in `pub use self::{{ ... }}`",
                        f"add `{name}::<ConnectorType>,` to the `pub use self::{{ ... }};` block")]
    return []


def _transformers_decl_line(repo: Repository, name: str) -> int | None:
    main = repo.rust(layout.connector_main_file(name))
    if main is None:
        return None
    for item in main.root.find_all(kind="mod_item"):
        item_name = item.field("name")
        if item_name is not None and item_name.text() == "transformers" and item.field("body") is None:
            return item.range().start.line + 1
    return None


def check_transformers_declared(repo: Repository, name: str) -> list[Finding]:
    main = layout.connector_main_file(name)
    if not repo.exists(main) or _transformers_decl_line(repo, name) is not None:
        return []
    return [Finding("scaffolding.transformers-module", main, 1,
                    f"{main} does not declare its transformers module",
                    "put `pub mod transformers;` on the first line of the connector file")]


def check_sources_parse(repo: Repository, name: str) -> list[Finding]:
    findings = []
    for rel in repo.connector_files(name):
        rust_file = repo.rust(rel)
        if rust_file is not None and rust_file.syntax_error_line is not None:
            findings.append(Finding(
                "scaffolding.parses", rel, rust_file.syntax_error_line,
                f"{rel} does not parse as Rust near this line; checks of this file are unreliable until it does",
                "fix the syntax error at this line (run `cargo check` for the compiler's message)"))
    return findings
