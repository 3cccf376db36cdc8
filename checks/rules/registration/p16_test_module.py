"""Registration point P16: router/tests/connectors/main.rs declares `mod NAME;` (else the test is never compiled)."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...target import layout
from ...target.repository import Repository
from ...target.rust import RustFile, line_of
from ._point import in_rust_file


def _declared(repo: Repository, name: str, rust_file: RustFile, camel: str) -> list[Finding]:
    modules = {m.field("name").text(): m for m in rust_file.index.nodes("mod_item")
               if m.field("name") is not None}
    if name in modules:
        return []
    utils = modules.get("utils")
    return [Finding(RULE.id, layout.ROUTER_TESTS_MAIN_RS, line_of(utils) if utils else 1,
                    f"the sandbox tests do not declare `mod {name};`, so tests/connectors/{name}.rs is never compiled",
                    f"add `mod {name};` before `mod utils;`")]


RULE = Rule(
    id="registration.test-module",
    severity="warning",
    title="The sandbox tests declare the connector's test module",
    guide="router/tests/connectors/main.rs declares `mod NAME;`.",
    check=in_rust_file("registration.test-module", layout.ROUTER_TESTS_MAIN_RS, _declared, required=False),
    tags=("P16",),
)
