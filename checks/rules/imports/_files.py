"""The connector's own Rust files, parsed (what every import rule walks)."""

from __future__ import annotations

from ...target.repository import Repository
from ...target.rust import RustFile


def connector_rust_files(repo: Repository, name: str) -> list[RustFile]:
    return [f for f in (repo.rust(rel) for rel in repo.connector_files(name)) if f is not None]
