"""Names the harness reads from the tree are plain: connector modules are `[a-z0-9_]+`, and no file of the
connector has a control character (a newline, an escape sequence) in its name.

A `pub mod` whose name has a Cyrillic look-alike letter, or a file named `x\n::warning ...\n.rs`, is a problem of
the tree, so it is a finding here, not a command-line error, and the name is shown escaped.
"""

from __future__ import annotations

import re

from ...core.finding import RUN_LEVEL, Finding
from ...core.names import is_module_name, printable
from ...core.rule import Rule
from ...target import layout
from ...target.repository import Repository

CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def check_module_names(repo: Repository, name: str) -> list[Finding]:
    findings = []
    for module in repo.modules.values():
        if not is_module_name(module.name):
            findings.append(Finding(
                RULE.id, layout.CONNECTORS_RS, module.mod_line,
                f"`pub mod {printable(module.name)};` is not a plain module name: connector modules are "
                "[a-z0-9_]+ (ASCII lowercase letters, digits and underscores); it is not checked",
                "rename the module with ASCII letters only (a look-alike letter, such as a Cyrillic one, hides it)",
                {RUN_LEVEL: True}))  # about connectors.rs, the same for every connector: once per run
    for rel in repo.walk(layout.connector_folder(name)):
        if CONTROL.search(rel):
            findings.append(Finding(
                RULE.id, rel, 1,
                f"the file name {printable(rel)} holds control characters (a newline or an escape sequence)",
                "rename the file: Rust module files are named [a-z0-9_]+.rs"))
    return findings


RULE = Rule(
    id="scaffolding.module-names",
    severity="error",
    title="Module and file names read from the tree are plain",
    guide="Connector modules are named [a-z0-9_]+ in connectors.rs, and the connector's files have plain names.",
    check=check_module_names,
)
