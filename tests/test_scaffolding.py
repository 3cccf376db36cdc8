"""Scaffolding rules: each passes on a complete connector and fails at an asserted file and line."""

from __future__ import annotations

from pathlib import Path

from connector_compliance.checks.rules.scaffolding import files, module, parses, transformers_module
from connector_compliance.checks.target.repository import Repository

from .minitree import write_tree

MAIN = "crates/hyperswitch_connectors/src/connectors/acme_pay.rs"
CONNECTORS = "crates/hyperswitch_connectors/src/connectors.rs"


def test_complete_connector_passes(tmp_path: Path) -> None:
    repo = Repository(write_tree(tmp_path, "pub mod transformers;\npub struct AcmePay;\n"))
    for check in (files.check_files_exist, module.check_module_declared,
                  transformers_module.check_transformers_declared, parses.check_sources_parse):
        assert check(repo, "acme_pay") == []


def test_missing_transformers_file(tmp_path: Path) -> None:
    root = write_tree(tmp_path, "pub struct AcmePay;\npub mod transformers;\n")
    (root / MAIN.replace(".rs", "/transformers.rs")).unlink()
    [finding] = files.check_files_exist(Repository(root), "acme_pay")
    assert (finding.file, finding.line) == (MAIN, 2)
    assert "transformers.rs is missing" in finding.message


def test_missing_main_file_points_at_the_mod_line(tmp_path: Path) -> None:
    root = write_tree(tmp_path, "")
    (root / MAIN).unlink()
    findings = files.check_files_exist(Repository(root), "acme_pay")
    assert (findings[0].file, findings[0].line) == (CONNECTORS, 1)


def test_type_not_reexported(tmp_path: Path) -> None:
    connectors = "pub mod zeta;\npub mod acme_pay;\npub use self::zeta::Zeta;\n"
    repo = Repository(write_tree(tmp_path, "pub mod transformers;\n", {CONNECTORS: connectors}))
    [finding] = module.check_module_declared(repo, "acme_pay")
    assert (finding.file, finding.line) == (CONNECTORS, 2)


def test_transformers_module_not_declared(tmp_path: Path) -> None:
    repo = Repository(write_tree(tmp_path, "pub struct AcmePay;\n// pub mod transformers;\n"))
    [finding] = transformers_module.check_transformers_declared(repo, "acme_pay")
    assert (finding.file, finding.line) == (MAIN, 1)


def test_unparsable_rust_is_a_finding_not_a_crash(tmp_path: Path) -> None:
    body = "pub mod transformers;\npub struct AcmePay;\n\nimpl AcmePay {\n    fn new( -> Self {\n}\n"
    repo = Repository(write_tree(tmp_path, body))
    [finding] = parses.check_sources_parse(repo, "acme_pay")
    # tree-sitter's error region starts at the item it could not finish: the impl on line 4.
    assert (finding.file, finding.line) == (MAIN, 4)
