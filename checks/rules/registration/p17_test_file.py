"""Registration point P17: the connector has its sandbox test file, crates/router/tests/connectors/NAME.rs
(a convention; upstream 140 of 148 connectors have one)."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...target import layout
from ...target.repository import Repository


def check_test_file(repo: Repository, name: str) -> list[Finding]:
    folder = layout.ROUTER_TESTS_MAIN_RS.rsplit("/", 1)[0]
    rel = f"{folder}/{name}.rs"
    if not repo.exists(layout.ROUTER_TESTS_MAIN_RS) or repo.exists(rel):
        return []  # a tree without the router's sandbox tests has nothing to add the file to
    return [Finding(RULE.id, layout.ROUTER_TESTS_MAIN_RS, 1, f"{rel} is missing: the connector has no sandbox tests",
                    f"create {rel} from connector-template/test.rs (authorize, capture, void, refund and sync "
                    "tests against the sandbox)")]


RULE = Rule(
    id="registration.test-file",
    severity="warning",
    title="The connector has its sandbox test file",
    guide="crates/router/tests/connectors/NAME.rs holds the connector's sandbox tests.",
    check=check_test_file,
    tags=("P17",),
)
