"""Attribution by identifier: which connectors a change concerns and why, on git histories built in the test; and
the base tree read from git objects without touching the target."""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path

import pytest
from connector_compliance.checks.core.errors import UsageError
from connector_compliance.checks.run import git_tree
from connector_compliance.checks.run.baseline import open_baseline
from connector_compliance.checks.target.repository import Repository

from .git_history import History, add_newpay, remove, rewrap_pub_use_lists, sample_history
from .sample_copy import copy_sample

pytestmark = pytest.mark.slow  # git histories built per test: end to end

ACME_TRANSFORMERS = "crates/hyperswitch_connectors/src/connectors/acme_pay/transformers.rs"


@pytest.fixture
def history(tmp_path: Path) -> History:
    return sample_history(tmp_path / "hs")


def reasons(history: History, ref: str) -> dict[str, list[str]]:
    baseline = open_baseline(Repository(history.root), ref, "--changed-since")
    try:
        return baseline.attribution().reasons
    finally:
        baseline.cleanup()


def test_own_file_change_selects_that_connector(history: History) -> None:
    base = history.git("rev-parse", "HEAD")
    history.edit(ACME_TRANSFORMERS, "pub struct AcmePayAuthType {", "// reviewed\npub struct AcmePayAuthType {")
    history.commit("touch acme_pay")
    assert reasons(history, base) == {"acme_pay": [f"own file changed: {ACME_TRANSFORMERS}"]}


def test_uncommitted_and_untracked_files_count(history: History) -> None:
    history.edit(ACME_TRANSFORMERS, "pub struct AcmePayAuthType {", "// reviewed\npub struct AcmePayAuthType {")
    (history.root / "grace/connector_integration/samplepay/notes.md").write_text("new, untracked\n")
    assert reasons(history, "HEAD") == {
        "acme_pay": [f"own file changed: {ACME_TRANSFORMERS}"],
        "samplepay": ["own file changed: grace/connector_integration/samplepay/notes.md"]}


def test_a_changed_registration_value_names_its_connector(history: History) -> None:
    base = history.git("rev-parse", "HEAD")
    history.edit("config/development.toml", 'samplepay.base_url = "https://api.samplepay.test/"',
                 'samplepay.base_url = "https://api.samplepay.example/"')
    history.edit("crates/router/src/types/api/feature_matrix.rs", "enums::Connector::Samplepay =>",
                 "enums::Connector::Samplepay  =>")  # whitespace only: not a change of the entry
    history.commit("move samplepay")
    assert reasons(history, base) == {"samplepay": ["base_url changed in config/development.toml"]}


def test_a_removed_arm_and_a_control_center_table(history: History) -> None:
    base = history.git("rev-parse", "HEAD")
    history.edit("crates/connector_configs/src/connector.rs",
                 "            Connector::AcmePay => Ok(connector_data.acme_pay),\n", "")
    history.edit("crates/connector_configs/toml/sandbox.toml", '[acme_pay.connector_auth.HeaderKey]\napi_key="API Key"',
                 '[acme_pay.connector_auth.HeaderKey]\napi_key="Acme Key"')
    history.commit("acme_pay loses its config arm")
    assert reasons(history, base) == {"acme_pay": [
        "removed from the match on `connector` in fn get_connector_config of impl ConnectorConfig "
        "(crates/connector_configs/src/connector.rs)",
        "[acme_pay] changed in crates/connector_configs/toml/sandbox.toml"]}


def test_template_code_selects_only_the_new_connector(history: History) -> None:
    base = history.git("rev-parse", "HEAD")
    add_newpay(history)
    history.commit("newpay")
    found = reasons(history, base)
    assert list(found) == ["newpay"]
    assert "added to enum RoutableConnectors" in found["newpay"]
    assert "added to the match on `self` in fn is_separate_authentication_supported of impl Connector " \
           "(crates/common_enums/src/connector_enums.rs)" in found["newpay"]


def test_rustfmt_rewrapping_selects_nobody(history: History) -> None:
    base = history.git("rev-parse", "HEAD")
    rewrap_pub_use_lists(history)
    history.commit("rustfmt")
    assert reasons(history, base) == {}


def test_a_new_shared_point_for_several_connectors_is_core_work(history: History) -> None:
    base = history.git("rev-parse", "HEAD")
    rel = "crates/hyperswitch_connectors/src/default_implementations.rs"
    macro = "\ndefault_imp_for_new_flow!(\n    connectors::AcmePay,\n    connectors::Samplepay\n);\n"
    (history.root / rel).write_text((history.root / rel).read_text() + macro)
    history.commit("a new default macro for every connector")
    baseline = open_baseline(Repository(history.root), base, "--changed-since")
    try:
        attribution = baseline.attribution()
    finally:
        baseline.cleanup()
    assert attribution.reasons == {}
    assert attribution.notes == [f"default_imp_for_new_flow! in {rel} added for 2 connectors at once: core work, "
                                 "selects none of them"]


def test_unrelated_change_selects_nothing(history: History) -> None:
    base = history.git("rev-parse", "HEAD")
    (history.root / "README.md").write_text("docs only\n")
    remove(history, "crates/router/tests/connectors/utils.rs")
    history.commit("docs")
    assert reasons(history, base) == {}


def test_a_missing_ref_says_unknown_revision_and_how_to_fetch_it(history: History) -> None:
    root = history.root
    with pytest.raises(UsageError) as raised:
        open_baseline(Repository(root), "origin/main", "--changed-since")
    assert str(raised.value) == (f"--changed-since: unknown revision 'origin/main' in {root} (this checkout has no "
                                 "remote 'origin': add it, then `git fetch origin main`)")
    history.git("remote", "add", "origin", "https://example.invalid/hyperswitch.git")
    with pytest.raises(UsageError, match=r"unknown revision 'origin/main' .*\(fetch it, e\.g\. `git fetch origin "
                                         r"main`\)$"):
        open_baseline(Repository(root), "origin/main", "--changed-since")
    with pytest.raises(UsageError, match="is not a revision"):
        open_baseline(Repository(root), "--output=x", "--changed-since")  # a ref, never an option


def test_the_base_tree_is_outside_the_target_and_the_target_is_untouched(history: History) -> None:
    history.edit(ACME_TRANSFORMERS, "pub struct AcmePayAuthType {", "// reviewed\npub struct AcmePayAuthType {")
    head = history.commit("touch acme_pay")
    git_dir = history.root / ".git"
    status = history.git("status", "--porcelain")  # (git status itself may refresh the index: first)
    before = {p: p.stat().st_mtime_ns for p in git_dir.rglob("*")}
    baseline = open_baseline(Repository(history.root), "HEAD^", "--changed-since")
    try:
        root = baseline.repo.root
        assert not root.is_relative_to(history.root)
        assert baseline.commit == history.git("rev-parse", "HEAD^") != head
        base_text = (root / ACME_TRANSFORMERS).read_text()
        assert "// reviewed" not in base_text and not (root / ACME_TRANSFORMERS).is_symlink()  # unpacked from git
        assert (root / "crates/hyperswitch_connectors/src/connectors.rs").is_symlink()  # unchanged: shared
        assert baseline.repo.rust("crates/hyperswitch_connectors/src/connectors.rs") is \
            baseline.head.rust("crates/hyperswitch_connectors/src/connectors.rs")  # parsed once for both trees
    finally:
        baseline.cleanup()
    assert not root.exists()
    assert {p: p.stat().st_mtime_ns for p in git_dir.rglob("*")} == before
    assert history.git("status", "--porcelain") == status == ""


def test_stat_dirty_files_neither_count_as_changed_nor_make_git_rewrite_the_index(history: History) -> None:
    """A file whose mtime moved but whose content did not is no change, and .git/ (which cargo build scripts watch)
    is not written even though git would refresh the index for it."""
    history.git("status", "--porcelain")  # a fresh index: every later refresh would have to write it
    (history.root / ACME_TRANSFORMERS).touch()
    history.edit("config/development.toml", 'samplepay.base_url = "https://api.samplepay.test/"',
                 'samplepay.base_url = "https://api.samplepay.example/"')
    git_dir = history.root / ".git"
    before = {p: p.stat().st_mtime_ns for p in git_dir.rglob("*")}
    assert git_tree.changed_files(history.root, history.git("rev-parse", "HEAD").strip(), "--baseline") == [
        "config/development.toml"]
    assert {p: p.stat().st_mtime_ns for p in git_dir.rglob("*")} == before


def test_a_target_inside_a_larger_repository(tmp_path: Path) -> None:
    history = sample_history(tmp_path / "outer" / "hs")
    (tmp_path / "outer" / "hs" / ".git").rename(tmp_path / "outer" / ".git")
    outer = History(tmp_path / "outer")
    outer.git("add", "-A")
    base = outer.commit("the sample lives in hs/")
    outer.edit(f"hs/{ACME_TRANSFORMERS}", "pub struct AcmePayAuthType {", "// x\npub struct AcmePayAuthType {")
    outer.commit("touch acme_pay")
    assert git_tree.location(history.root, "--changed-since")[1] == "hs"
    assert reasons(history, base) == {"acme_pay": [f"own file changed: {ACME_TRANSFORMERS}"]}


def test_a_checkout_without_git_is_a_usage_error(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "plain")
    with pytest.raises(UsageError, match=r"needs a git checkout: .* is not a git work tree"):
        open_baseline(Repository(root), "HEAD", "--baseline")


def _archive_ends_at_a_record_edge(history: History, rel: str) -> bool:
    """True when `git archive` of `rel` has its first end-of-archive zero block as the last block of a 10 KiB tar
    record, so that the second block and the padding come in a record of their own that tarfile never reads."""
    data = subprocess.run(["git", "-C", str(history.root), "archive", "--format=tar", "HEAD", rel],
                          check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        archive.getmembers()
        return archive.offset % tarfile.RECORDSIZE == tarfile.RECORDSIZE - tarfile.BLOCKSIZE


def test_the_base_tree_unpacks_whatever_the_archive_size(tmp_path: Path) -> None:
    """tarfile stops reading at the first zero block; git archive, still writing its last record, died of SIGPIPE
    when the pipe was closed first: a spurious `git archive failed ... exit -13` (flaky, size-dependent)."""
    history = History(tmp_path / "hs")
    history.root.mkdir()
    history.git("init", "-q", "-b", "main")
    rel = "crates/x/src/lib.rs"
    (history.root / rel).parent.mkdir(parents=True)
    for size in range(0, tarfile.RECORDSIZE + 1, tarfile.BLOCKSIZE):
        (history.root / rel).write_text("/" * size)
        history.commit(f"{size} bytes")
        if _archive_ends_at_a_record_edge(history, rel):
            break
    else:
        pytest.fail("no file size puts the end of the archive at a record's edge")
    for _ in range(20):  # it failed about two times in three before git's output was read to its end
        tree = git_tree.materialise(history.root, "HEAD", "--changed-since", changed=[rel])
        try:
            assert (tree.root / rel).read_text() == "/" * size
        finally:
            tree.cleanup()
