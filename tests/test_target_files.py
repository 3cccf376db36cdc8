"""TargetFiles: every read of the target stays inside the checkout, walks never enter symlinked folders, and files
over the read limit read as empty."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from connector_compliance.checks.core.errors import TargetError
from connector_compliance.checks.target import files as target_files
from connector_compliance.checks.target.files import TargetFiles
from connector_compliance.checks.target.repository import Repository

from .hostile_cases import MARKER
from .sample_copy import copy_sample

CONNECTORS = "crates/hyperswitch_connectors/src/connectors"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.rs").write_text(f"// {MARKER}\n")
    root = tmp_path / "hs"
    (root / "src" / "inner").mkdir(parents=True)
    (root / "src" / "a.rs").write_text("fn a() {}\n")
    (root / "src" / "inner" / "b.rs").write_text("fn b() {}\n")
    return root


def test_a_symlink_out_of_the_checkout_reads_as_missing_and_is_recorded(tree: Path) -> None:
    (tree / "src" / "leak.rs").symlink_to(tree.parent / "outside" / "secret.rs")
    read = TargetFiles(tree)
    assert read.read_text("src/leak.rs") is None
    assert not read.is_file("src/leak.rs") and not read.exists("src/leak.rs")
    assert read.escapes == {"src/leak.rs": str(tree.parent / "outside" / "secret.rs")}


def test_a_symlink_inside_the_checkout_is_followed(tree: Path) -> None:
    (tree / "src" / "alias.rs").symlink_to("a.rs")
    read = TargetFiles(tree)
    assert read.read_text("src/alias.rs") == "fn a() {}\n"
    assert read.walk("src", ".rs") == ["src/a.rs", "src/alias.rs", "src/inner/b.rs"]


def test_paths_that_climb_out_are_refused(tree: Path) -> None:
    read = TargetFiles(tree)
    assert read.read_text("../outside/secret.rs") is None
    assert read.read_text(str(tree.parent / "outside" / "secret.rs")) is None


def test_walks_do_not_enter_symlinked_folders(tree: Path) -> None:
    (tree / "src" / "root").symlink_to("/")
    (tree / "src" / "loop").symlink_to(".")
    read = TargetFiles(tree)
    assert read.walk("src", ".rs") == ["src/a.rs", "src/inner/b.rs"]
    assert "src/root" in read.escapes and "src/loop" not in read.escapes
    assert read.symlinks_leaving("src") == ["src/root"]


def test_a_folder_linked_outside_is_not_walked(tree: Path) -> None:
    (tree / "linked").symlink_to(tree.parent / "outside")
    read = TargetFiles(tree)
    assert read.walk("linked", ".rs") == []
    assert read.symlinks_leaving("linked") == ["linked"]


def test_files_over_the_limit_read_as_empty(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(target_files, "MAX_FILE_BYTES", 5)
    read = TargetFiles(tree)
    assert read.read_text("src/a.rs") == ""
    assert read.oversized == {"src/a.rs": 10}


def _stat_shrunk_by(shrink: int) -> Callable[[int], os.stat_result]:
    """os.fstat as if the file had been `shrink` bytes shorter when it was opened (it grew in between)."""
    real_fstat = os.fstat

    def fstat(fd: int) -> os.stat_result:
        info = real_fstat(fd)
        fields = list(info)
        fields[stat.ST_SIZE] = max(0, info.st_size - shrink)
        return os.stat_result(fields)
    return fstat


def test_a_file_that_grew_since_its_size_was_read_is_read_whole(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(target_files.os, "fstat", _stat_shrunk_by(4))
    read = TargetFiles(tree)
    assert read.read_bytes("src/a.rs") == (tree / "src/a.rs").read_bytes()
    assert read.oversized == {}


def test_a_file_that_grew_past_the_limit_reads_as_empty(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(target_files, "MAX_FILE_BYTES", 8)
    monkeypatch.setattr(target_files.os, "fstat", _stat_shrunk_by(4))  # 6 bytes when opened, 10 when read
    read = TargetFiles(tree)
    assert read.read_text("src/a.rs") == ""
    assert read.oversized == {"src/a.rs": 9}  # read up to the limit and one byte more


def test_a_connectors_rs_linked_outside_is_named_in_the_message(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "hs")
    (tmp_path / "connectors.rs").write_text("pub mod x;\n")
    path = root / "crates/hyperswitch_connectors/src/connectors.rs"
    path.unlink()
    path.symlink_to(tmp_path / "connectors.rs")
    with pytest.raises(TargetError, match="symlink that points outside the checkout"):
        Repository(root)


def test_connector_files_never_follow_a_folder_linked_to_root(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "hs")
    folder = root / CONNECTORS / "samplepay"
    for child in sorted(folder.rglob("*"), reverse=True):
        child.unlink() if child.is_file() else child.rmdir()
    folder.rmdir()
    folder.symlink_to("/")
    repo = Repository(root)
    assert repo.connector_files("samplepay") == [f"{CONNECTORS}/samplepay.rs"]


def test_a_base_tree_resolves_its_links_to_the_checkout_through_the_checkouts_files(tree: Path) -> None:
    """A baseline tree links its unchanged files to the checkout's (run/git_tree.materialise): those `lent` paths
    resolve as the checkout resolves them, count in walks, and are no escape; any other link out is still one."""
    base = tree.parent / "base"
    (base / "src" / "inner").mkdir(parents=True)
    (base / "src" / "a.rs").symlink_to(tree / "src" / "a.rs")  # lent: the harness's own link
    (base / "src" / "inner" / "b.rs").write_text("fn b_before() {}\n")  # changed: unpacked from git
    (base / "src" / "leak.rs").symlink_to(tree.parent / "outside" / "secret.rs")  # not lent: an escape
    checkout = TargetFiles(tree)
    read = TargetFiles(base, lender=checkout, lent=frozenset({"src/a.rs"}))
    assert read.real("src/a.rs") == (tree / "src" / "a.rs").resolve() == checkout.real("src/a.rs")
    assert read.read_text("src/a.rs") == "fn a() {}\n"
    assert read.walk("src", ".rs") == ["src/a.rs", "src/inner/b.rs"]
    assert read.read_text("src/leak.rs") is None
    assert read.symlinks_leaving("src") == ["src/leak.rs"]
    assert set(read.escapes) == {"src/leak.rs"}
