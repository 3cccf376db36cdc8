"""--changed-since: the connectors a change touches, on a git repository built in the test."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from connector_compliance.checks.core.errors import UsageError
from connector_compliance.checks.run.changes import changed_connectors
from connector_compliance.checks.target.repository import Repository

from .sample_copy import copy_sample, edit


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@t", *args],
                          check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture
def history(tmp_path: Path) -> tuple[Path, str]:
    root = copy_sample(tmp_path / "hs")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-qm", "base")
    return root, git(root, "rev-parse", "HEAD")


def test_own_file_change_selects_that_connector(history: tuple[Path, str]) -> None:
    root, base = history
    path = root / "crates/hyperswitch_connectors/src/connectors/acme_pay/transformers.rs"
    path.write_text(path.read_text() + "\n// reviewed\n")
    git(root, "commit", "-qam", "touch acme_pay")
    assert changed_connectors(Repository(root), base) == ["acme_pay"]


def test_registration_line_selects_the_connector_it_names(history: tuple[Path, str]) -> None:
    root, base = history
    path = root / "crates/hyperswitch_connectors/src/connectors/acme_pay/transformers.rs"
    path.write_text(path.read_text() + "\n// reviewed\n")
    git(root, "commit", "-qam", "touch acme_pay")
    middle = git(root, "rev-parse", "HEAD")
    edit(root, "config/development.toml", 'samplepay.base_url = "https://api.samplepay.test/"',
         'samplepay.base_url = "https://api.samplepay.example/"')
    edit(root, "crates/router/src/types/api/feature_matrix.rs", "enums::Connector::Samplepay =>",
         "enums::Connector::Samplepay  =>")
    git(root, "commit", "-qam", "move samplepay")
    repo = Repository(root)
    assert changed_connectors(repo, middle) == ["samplepay"]
    assert changed_connectors(repo, base) == ["acme_pay", "samplepay"]


def test_unrelated_change_selects_nothing(history: tuple[Path, str]) -> None:
    root, base = history
    (root / "README.md").write_text("docs only\n")
    git(root, "add", ".")
    git(root, "commit", "-qm", "docs")
    assert changed_connectors(Repository(root), base) == []


def test_bad_ref_is_a_usage_error(history: tuple[Path, str]) -> None:
    root, _ = history
    with pytest.raises(UsageError, match="--changed-since"):
        changed_connectors(Repository(root), "no-such-ref")


def test_a_missing_ref_says_unknown_revision_and_how_to_fetch_it(history: tuple[Path, str]) -> None:
    root, _ = history
    with pytest.raises(UsageError) as raised:
        changed_connectors(Repository(root), "origin/main")
    assert str(raised.value) == (f"--changed-since: unknown revision 'origin/main' in {root} (this checkout has no "
                                 "remote 'origin': add it, then `git fetch origin main`)")
    git(root, "remote", "add", "origin", "https://example.invalid/hyperswitch.git")
    with pytest.raises(UsageError, match=r"unknown revision 'origin/main' .*\(fetch it, e\.g\. `git fetch origin "
                                         r"main`\)$"):
        changed_connectors(Repository(root), "origin/main")


def test_uncommitted_edits_and_new_files_count_for_a_local_run(history: tuple[Path, str]) -> None:
    root, _ = history
    repo = Repository(root)
    assert changed_connectors(repo, "HEAD") == []
    path = root / "crates/hyperswitch_connectors/src/connectors/acme_pay/transformers.rs"
    path.write_text(path.read_text() + "\n// work in progress\n")  # not committed
    assert changed_connectors(repo, "HEAD") == ["acme_pay"]
    git(root, "checkout", "--", ".")
    new = root / "crates/router/tests/connectors/samplepay_extra.rs"  # untracked, names the connector
    new.write_text("// Samplepay sandbox checks\n")
    assert changed_connectors(repo, "HEAD") == ["samplepay"]


def test_not_a_git_checkout_is_a_usage_error(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "plain")
    with pytest.raises(UsageError, match=r"needs a git checkout: .* is not a git work tree"):
        changed_connectors(Repository(root), "HEAD")
