"""Every file the harness reads is a file of the checkout: no symlink out of it, nothing too large to check.

A pull request can commit a symlink (`transformers.rs -> /proc/self/environ`, a connector folder -> `/`). The
harness never follows one (checks/target/files.py) and this rule says so at the symlink's own path, so the gate
fails instead of quietly checking less. Files over the read limit are reported the same way.
"""

from __future__ import annotations

from ...core.finding import RUN_LEVEL, Finding
from ...core.names import printable
from ...core.rule import Rule
from ...target import layout
from ...target.fact_cache import fact
from ...target.files import MAX_FILE_BYTES
from ...target.repository import Repository

# Everything the static checks read lives under these (checks/target/layout.py); the waiver file is read apart.
READ_ROOTS = ("crates", *layout.CONFIG_DIRS, "grace", layout.ADD_CONNECTOR_SCRIPT, layout.CONNECTOR_TEMPLATE_RS,
              ".connector-compliance.toml")


@fact
def escaping_symlinks(repo: Repository) -> dict[str, str]:
    """Every symlink under the read roots whose target leaves the checkout -> its link text."""
    found = sorted({rel for root in READ_ROOTS for rel in repo.read.symlinks_leaving(root)})
    return {rel: repo.read.escapes.get(rel, "?") for rel in found}


def own_paths(name: str) -> tuple[str, ...]:
    """Paths (files or folder prefixes) that belong to one connector."""
    return (layout.connector_main_file(name), layout.connector_folder(name) + "/", layout.connector_folder(name),
            f"crates/router/tests/connectors/{name}.rs", f"{layout.GRACE_DIR}/{name}/", f"{layout.GRACE_DIR}/{name}",
            *layout.plan_candidates(name), *layout.spec_candidates(name))


def check_inside_checkout(repo: Repository, name: str) -> list[Finding]:
    findings = []
    mine = own_paths(name)
    for rel, link in escaping_symlinks(repo).items():
        own = rel in mine or rel.startswith(tuple(p for p in mine if p.endswith("/")))
        findings.append(Finding(
            RULE.id, rel, 1,
            f"symlink points outside the checkout: {printable(rel)} -> {printable(link)}; the harness does not "
            "follow it and reads the path as missing",
            "commit the file itself, not a link: the checks read only files inside the repository",
            {} if own else {RUN_LEVEL: True}))  # a shared file: reported once per run, not per connector
    documents = [rel for rel in (*layout.plan_candidates(name), *layout.spec_candidates(name)) if repo.is_file(rel)]
    for rel in [*repo.connector_files(name), *documents]:
        if repo.read.size(rel) > MAX_FILE_BYTES:
            findings.append(Finding(
                RULE.id, rel, 1,
                f"{printable(rel)} is {repo.read.size(rel):,} bytes, over the {MAX_FILE_BYTES:,}-byte limit of a "
                "file the harness checks; it is read as empty",
                "split the file (the largest file of a Hyperswitch tree is about 0.6 MB)"))
    return findings


RULE = Rule(
    id="scaffolding.inside-checkout",
    severity="error",
    title="Every file the harness reads is a file of the checkout",
    guide="The connector's files, and the shared files its checks read, are files of the repository: no symlink "
          "out of the checkout and no file too large to check.",
    check=check_inside_checkout,
)
