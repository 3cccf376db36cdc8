"""Flow selection: --flows, else the GRACE plan, else the six core flows."""

from __future__ import annotations

from pathlib import Path

import pytest
from connector_compliance.checks.core.errors import UsageError
from connector_compliance.checks.facts.flow_catalog import DEFAULT_SELECTION, flows_named_in
from connector_compliance.checks.facts.plan_reading import read_plan
from connector_compliance.checks.facts.selection import parse_flow_list, select_flows
from connector_compliance.checks.target.repository import Repository

from .minitree import write_tree

PLAN = """\
# Implementation Plan

## Phase 2: Flows
- [x] Step 1: Implement Authorize flow
  - **Task**: ...
- [ ] Step 2: Implement Refund Sync (RSync)
- [x] Step 3: Implement Capture and Void flows
- [ ] Step 4: Write the tests
"""


@pytest.mark.parametrize(
    ("title", "flows"),
    [
        ("Implement Refund Sync (RSync)", ["rsync"]),
        ("Implement Refund (Execute) flow", ["refund"]),
        ("Implement Complete Authorize flow", ["complete_authorize"]),
        ("Implement Capture and Void flows", ["capture", "cancel"]),
        ("Implement Tokenization (PaymentMethodToken) flow", ["tokenization"]),
        ("Implement PSync flow", ["psync"]),
        ("Set up authentication headers", []),
        ("Implement PaymentAuthorize connector integration", ["authorize"]),
        ("Implement RefundSync connector integration", ["rsync"]),
        ("Implement PreProcessing flow", ["preprocessing"]),
        ("Implement Pre-processing flow", ["preprocessing"]),
    ],
)
def test_plan_titles_name_flows(title: str, flows: list[str]) -> None:
    assert sorted(flows_named_in(title)) == sorted(flows)


def test_plan_steps_keep_state_and_line() -> None:
    steps = read_plan(PLAN).steps
    assert [(s.line, s.number, s.done) for s in steps] == [(4, "1", True), (6, "2", False), (7, "3", True),
                                                           (8, "4", False)]


def test_selection_from_plan(tmp_path: Path) -> None:
    repo = Repository(write_tree(tmp_path, "", {"grace/connector_integration/acme_pay/acme_pay_plan.md": PLAN}))
    selection = select_flows(repo, "acme_pay", None)
    assert selection.flows == ("authorize", "cancel", "capture", "rsync")
    assert selection.source == "grace/connector_integration/acme_pay/acme_pay_plan.md"


def test_selection_from_flat_legacy_plan(tmp_path: Path) -> None:
    repo = Repository(write_tree(tmp_path, "", {"grace/connector_integration/acme_pay_plan.md": PLAN}))
    assert select_flows(repo, "acme_pay", None).source == "grace/connector_integration/acme_pay_plan.md"


def test_without_plan_the_tree_decides(tmp_path: Path) -> None:
    """A connector that declares nothing and is in no kind enum is held to the guide's core flows."""
    repo = Repository(write_tree(tmp_path, ""))
    selection = select_flows(repo, "acme_pay", None)
    assert (set(selection.flows), selection.source) == (set(DEFAULT_SELECTION), "tree")


def test_cli_flows_win(tmp_path: Path) -> None:
    repo = Repository(write_tree(tmp_path, "", {"grace/connector_integration/acme_pay/acme_pay_plan.md": PLAN}))
    selection = select_flows(repo, "acme_pay", parse_flow_list("access_token, authorize"))
    assert (selection.flows, selection.source) == (("access_token", "authorize"), "--flows")


def test_unknown_flow_is_refused_with_suggestion() -> None:
    with pytest.raises(UsageError, match="did you mean authorize"):
        parse_flow_list("authorise")
