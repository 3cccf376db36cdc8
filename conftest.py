"""Options and wiring for `pytest features/` (the compliance run) and `pytest tests/` (the harness's tests)."""

from __future__ import annotations

import pytest

# pytest-bdd finds step definitions through fixture scope, so every step module is imported here.
from steps.build_steps import *  # noqa: F403
from steps.common_steps import *  # noqa: F403
from steps.flow_steps import *  # noqa: F403
from steps.import_steps import *  # noqa: F403
from steps.pitfall_steps import *  # noqa: F403
from steps.preparation_steps import *  # noqa: F403
from steps.registration_steps import *  # noqa: F403
from steps.scaffolding_steps import *  # noqa: F403
from steps.selection_steps import *  # noqa: F403

pytest_plugins = ["steps.plugin", "steps.build_plugin"]


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("connector-compliance")
    group.addoption("--hs-repo", metavar="PATH", default=None,
                    help="Hyperswitch checkout to inspect (default: the bundled examples/sample-hyperswitch)")
    group.addoption("--connector", metavar="NAME", action="append", default=[],
                    help="connector module to check; repeatable (default on the sample: samplepay)")
    group.addoption("--all-connectors", action="store_true", default=False,
                    help="check every connector module of the target")
    group.addoption("--flows", metavar="a,b,...", default=None,
                    help="flows every checked connector must implement (default: the connector's GRACE plan, "
                         "else authorize,psync,capture,cancel,refund,rsync)")
    group.addoption("--report-dir", metavar="DIR", default="compliance-report",
                    help="where compliance.json is written (default: ./compliance-report)")
    group.addoption("--waivers", metavar="PATH", default=None,
                    help="waiver file (default: .connector-compliance.toml in the target, if present)")
    group.addoption("--changed-since", metavar="REF", default=None,
                    help="check only the connectors that `git diff REF...HEAD` in the target touches")
    group.addoption("--annotation-prefix", metavar="DIR/", default="",
                    help="prefix for paths in GitHub annotations, when the target is checked out in a subdirectory "
                         "of the workspace (e.g. hyperswitch/)")
    group.addoption("--require-docs", action="store_true", default=False,
                    help="fail the preparation scenarios when the checkout has no grace/ folder (default: skip)")
    group.addoption("--fail-on", choices=("error", "warning"), default="error",
                    help="lowest severity whose failing scenarios fail the run (default: error; @warning "
                         "scenarios are then reported but do not fail)")
    group.addoption("--no-cargo", action="store_true", default=False,
                    help="skip every scenario that runs cargo")
