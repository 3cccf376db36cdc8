"""The repository model reads names from the target and refuses bad input with a clear message."""

from __future__ import annotations

from pathlib import Path

import pytest
from connector_compliance.checks.core.errors import TargetError, UsageError
from connector_compliance.checks.target.repository import Repository

from .minitree import write_tree


def test_type_names_are_read_not_capitalised(tmp_path: Path) -> None:
    repo = Repository(write_tree(tmp_path, "pub mod transformers;\n"))
    assert repo.modules["acme_pay"].camel == "AcmePay"
    assert (repo.modules["acme_pay"].mod_line, repo.modules["acme_pay"].use_line) == (1, 4)


def test_module_without_reexport_has_no_type(tmp_path: Path) -> None:
    connectors = "pub mod acme_pay;\npub mod zeta;\npub use self::zeta::Zeta;\n"
    repo = Repository(write_tree(tmp_path, "", {"crates/hyperswitch_connectors/src/connectors.rs": connectors}))
    assert repo.modules["acme_pay"].camel is None
    assert repo.modules["zeta"].camel == "Zeta"


def test_unknown_connector_suggests_near_names(tmp_path: Path) -> None:
    repo = Repository(write_tree(tmp_path, ""))
    with pytest.raises(UsageError, match="did you mean acme_pay"):
        repo.connector("acme_py")


@pytest.mark.parametrize("name", ["AcmePay", "acme-pay", "../acme", ""])
def test_malformed_connector_name_is_refused(tmp_path: Path, name: str) -> None:
    repo = Repository(write_tree(tmp_path, ""))
    with pytest.raises(UsageError, match=r"\[a-z0-9_\]\+"):
        repo.connector(name)


def test_missing_checkout(tmp_path: Path) -> None:
    with pytest.raises(TargetError, match="does not exist"):
        Repository(tmp_path / "nowhere")


def test_not_a_hyperswitch_checkout(tmp_path: Path) -> None:
    with pytest.raises(TargetError, match="not a Hyperswitch checkout"):
        Repository(tmp_path)


def test_commit_is_read_only_at_the_work_tree_root(tmp_path: Path) -> None:
    import subprocess

    root = write_tree(tmp_path / "hs", "")
    assert Repository(root).commit is None
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    subprocess.run(["git", "-C", str(root), "add", "."], check=True)
    subprocess.run(["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x"],
                   check=True)
    head = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True).stdout
    assert Repository(root).commit == head.strip()


def test_each_file_is_parsed_once(tmp_path: Path) -> None:
    repo = Repository(write_tree(tmp_path, "pub mod transformers;\n"))
    first = repo.rust("crates/hyperswitch_connectors/src/connectors/acme_pay.rs")
    assert first is not None
    assert repo.rust("crates/hyperswitch_connectors/src/connectors/acme_pay.rs") is first
    assert first.root is first.root
