"""A copy of the bundled sample that has a pull-request CI: the workflow and justfile of tests/fixtures/ci, a
`release` feature on router that switches hyperswitch_domain_models' `olap` on, and an item of
hyperswitch_domain_models that only compiles with `olap` (the real tree's E0433 under `--features v1`, in
miniature: the harness's old default configuration cannot build it, CI's can)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from .sample_copy import edit

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ci"
WORKFLOW = ".github/workflows/CI-pr.yml"
DOMAIN_LIB = "crates/hyperswitch_domain_models/src/lib.rs"
OLAP_ONLY = "pub fn listing() -> Option<Listing> {"
OLAP_ITEM = """
#[cfg(feature = "olap")]
mod listing {
    /// A list view that only the analytics (olap) build has.
    pub struct Listing;
}
#[cfg(feature = "olap")]
use listing::Listing;

/// Compiles only with the `olap` feature, which only router's `release` feature switches on.
pub fn listing() -> Option<Listing> {
    None
}
"""


def with_ci(root: Path) -> Path:
    (root / ".github" / "workflows").mkdir(parents=True)
    shutil.copy(FIXTURES / "CI-pr.yml", root / WORKFLOW)
    shutil.copy(FIXTURES / "justfile", root / "justfile")
    edit(root, "crates/router/Cargo.toml", 'v1 = ["hyperswitch_connectors/v1"]\n',
         'v1 = ["hyperswitch_connectors/v1"]\nrelease = ["v1", "hyperswitch_domain_models/olap"]\n')
    manifest = root / "crates/hyperswitch_domain_models/Cargo.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "\n[features]\nolap = []\n", encoding="utf-8")
    lib = root / DOMAIN_LIB
    lib.write_text(lib.read_text(encoding="utf-8") + OLAP_ITEM, encoding="utf-8")
    return root


def git(root: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@localhost", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@localhost", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_SYSTEM": os.devnull}
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True,
                          env=env).stdout


def commit_all(root: Path, message: str) -> str:
    if not (root / ".git").exists():
        git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)
    return git(root, "rev-parse", "HEAD").strip()
