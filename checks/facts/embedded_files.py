"""Files the code compiles into itself with `include_str!("...")`: a TOML embedded this way is parsed at run time
(connector_configs embeds its Control Center TOMLs and parses the one its build feature picks), so a TOML syntax
error there breaks a running service, not only a convention."""

from __future__ import annotations

import posixpath

from ..target.fact_cache import fact
from ..target.repository import Repository
from ..target.rust import line_of
from .locations import crate_sources

EMBED_MACRO = "include_str"


@fact
def embedded_files(repo: Repository, suffix: str = ".toml") -> dict[str, tuple[str, int]]:
    """Embedded file (relative to the tree root) -> where the first `include_str!` of it is (file, line)."""
    found: dict[str, tuple[str, int]] = {}
    needle = f"{EMBED_MACRO}!".encode()
    for rel, source in crate_sources(repo).items():
        # Cheap pre-filter on the text; the parse below decides (a comment or a string never counts).
        rust_file = repo.rust(rel) if needle in source else None
        if rust_file is None:
            continue
        for invocation in rust_file.index.nodes("macro_invocation"):
            macro = invocation.field("macro")
            if macro is None or macro.text() != EMBED_MACRO:
                continue
            literal = invocation.find(kind="string_content")
            target = literal.text() if literal is not None else ""
            if not target.endswith(suffix):
                continue
            embedded = posixpath.normpath(posixpath.join(posixpath.dirname(rel), target))
            if not embedded.startswith("../"):
                found.setdefault(embedded, (rel, line_of(invocation)))
    return found
