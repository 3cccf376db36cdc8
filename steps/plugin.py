"""The pytest plugin of the harness (entry point `pytest11: connector_compliance`). Each hook delegates in one
line to steps/harness.py, as pytest-bdd's own plugin does; the step definitions are the modules listed below."""

from __future__ import annotations

from collections.abc import Generator

import pytest

from . import harness
from .cargo_wiring import summarize_cargo, write_cargo_report
from .options import add_options
from .review import ScenarioReview

# pytest-bdd finds step definitions through fixtures, so every step module is registered as a plugin.
pytest_plugins = [
    "connector_compliance.steps.common_steps",
    "connector_compliance.steps.scaffolding_steps",
    "connector_compliance.steps.registration_steps",
    "connector_compliance.steps.flow_steps",
    "connector_compliance.steps.selection_steps",
    "connector_compliance.steps.import_steps",
    "connector_compliance.steps.pitfall_steps",
    "connector_compliance.steps.preparation_steps",
    "connector_compliance.steps.build_steps",
]


def pytest_addoption(parser: pytest.Parser) -> None:
    add_options(parser)


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config: pytest.Config) -> None:
    harness.keep_cache_out_of_target(config)


def pytest_configure(config: pytest.Config) -> None:
    harness.register_tags(config)


def pytest_sessionstart(session: pytest.Session) -> None:
    harness.start(session)


@pytest.hookimpl(tryfirst=True)
def pytest_collection(session: pytest.Session) -> bool | None:
    return harness.skip_collection(session)


def pytest_deselected(items: list[pytest.Item]) -> None:
    if items:
        harness.count_deselected(items[0].config, items)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    harness.deselect_without_connector(items)
    harness.check_selection(config, items)


def pytest_report_teststatus(report: pytest.TestReport) -> tuple[str, str, str] | None:
    return harness.infra_status(report)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    harness.parametrize_connectors(metafunc)


@pytest.fixture
def review(request: pytest.FixtureRequest, connector_batch: tuple[str, ...]) -> ScenarioReview:
    return harness.new_review(request, connector_batch)


def pytest_bdd_before_scenario(request: pytest.FixtureRequest, feature: object, scenario: object) -> None:
    harness.before_scenario(request, feature, scenario)


def pytest_bdd_before_step(request: pytest.FixtureRequest, feature: object, scenario: object, step: object,
                           step_func: object) -> None:
    harness.before_step(request, step)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, object, object]:
    report = yield
    harness.record(item, call, report)  # type: ignore[arg-type]
    return report


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session) -> None:
    write_cargo_report(session.config.stash.get(harness.RUN_KEY, None))
    harness.finish(session)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    harness.summarize(terminalreporter)
    summarize_cargo(terminalreporter, terminalreporter.config.stash.get(harness.RUN_KEY, None))


def pytest_unconfigure(config: pytest.Config) -> None:
    harness.print_last_line(config)
