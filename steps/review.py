"""The pytest face of one scenario: the steps ask it to run rules, and it turns the run's verdict into pytest's."""

from __future__ import annotations

import warnings

import pytest
from connector_compliance.checks.core.rule import Rule
from connector_compliance.checks.core.text import inert_lines
from connector_compliance.checks.run.scenario import ScenarioRun, Verdict


class ComplianceWarning(UserWarning):
    """Findings of a @warning scenario when the run fails only on errors (`--fail-on error`)."""


class ScenarioReview(ScenarioRun):
    def only_where_applies(self, rules: list[Rule], **params: str) -> None:
        super().only_where_applies(rules, **params)
        if not self.active():
            _give(self.verdict())

    def require(self, rules: list[Rule], **params: str) -> Verdict:
        verdict = super().require(rules, **params)
        _give(verdict)
        return verdict


def _give(verdict: Verdict) -> None:
    # pytest prints these messages as they are, and they quote the target: make them inert first.
    message = inert_lines(verdict.message)
    if verdict.kind == "fail":
        pytest.fail(message, pytrace=False)
    elif verdict.kind == "warn":
        warnings.warn(ComplianceWarning(message), stacklevel=2)
    elif verdict.kind == "skip":
        pytest.skip(message)
    elif verdict.kind == "xfail":
        pytest.xfail(message)
