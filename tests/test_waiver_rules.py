"""Waiver files validated field by field, what a waiver may name, and the limits on findings and names."""

from __future__ import annotations

import datetime as dt

import pytest
from connector_compliance.checks.core.errors import UsageError
from connector_compliance.checks.core.finding import Finding
from connector_compliance.checks.core.limits import MAX_FINDINGS_PER_RULE, clip
from connector_compliance.checks.core.names import printable
from connector_compliance.checks.run.waivers import WaiverRules, parse_waivers, tag_counts
from connector_compliance.reports.model import NEW, PRE_EXISTING, ComplianceReport, ScenarioResult
from connector_compliance.reports.sarif import uri_reference

from .hostile_cases import MALFORMED_WAIVERS

TODAY = dt.date(2027, 1, 1)
RULES = WaiverRules(TODAY, 180, frozenset({"flow-cancel", "P7"}), frozenset({"flows"}))
GOOD = ('[[waiver]]\nconnector = "samplepay"\nrule = "flow.cancel"\njustification = "voids by portal, HS-1"\n'
        'expires = 2027-03-01\n[connectors.samplepay]\nflows = ["authorize", "psync"]\n')


def test_a_good_file_parses() -> None:
    waivers = parse_waivers(GOOD, "w.toml", RULES)
    [waiver] = waivers.waivers
    assert (waiver.rule, waiver.expires) == ("flow.cancel", dt.date(2027, 3, 1))
    assert waivers.flows == {"samplepay": ("authorize", "psync")}


@pytest.mark.parametrize(("text", "reason"), [(t, r) for _, t, r in MALFORMED_WAIVERS],
                         ids=[n for n, _, _ in MALFORMED_WAIVERS])
def test_each_malformed_file_is_one_usage_error(text: str, reason: str) -> None:
    rules = WaiverRules(dt.date.today(), 180, None, frozenset({"flows"}))
    with pytest.raises(UsageError, match=reason.replace("[", r"\[")) as raised:
        parse_waivers(text, "w.toml", rules)
    assert "\n" not in str(raised.value)


def test_a_tag_on_several_scenarios_cannot_be_waived() -> None:
    text = GOOD.replace('rule = "flow.cancel"', 'tag = "registration-toml"')
    with pytest.raises(UsageError, match="does not name exactly one scenario"):
        parse_waivers(text, "w.toml", RULES)
    assert parse_waivers(GOOD.replace('rule = "flow.cancel"', 'tag = "P7"'), "w.toml", RULES).waivers[0].tag == "P7"


def test_a_rule_waiver_covers_a_failure_only_when_every_finding_is_that_rules() -> None:
    [waiver] = parse_waivers(GOOD, "w.toml", RULES).waivers
    assert waiver.matches("samplepay", "any", [], {"flow.cancel"})
    assert not waiver.matches("samplepay", "any", [], {"flow.cancel", "pitfall.void-types"})
    assert not waiver.matches("acme_pay", "any", [], {"flow.cancel"})


def test_waivable_tags_are_those_of_exactly_one_scenario() -> None:
    lines = [(True, ["flows"]), (False, ["error", "flow-cancel"]), (False, ["error", "flow-capture"]),
             (False, ["warning", "shared"]), (False, ["warning", "shared"])]
    waivable, catch_all = tag_counts(lines)
    assert waivable == {"flow-cancel", "flow-capture"} and catch_all == {"flows"}


def _result(findings: list[Finding], statuses: list[str] | None = None) -> ScenarioResult:
    result = ScenarioResult("f", "s", [], "failed", findings)
    if statuses is not None:
        result.statuses, result.fingerprints = statuses, [f"p{i}" for i in range(len(findings))]
    return result


def test_findings_are_capped_per_rule_with_a_count_of_the_rest() -> None:
    result = ComplianceReport("/t", None).admit("a", _result([Finding("r", f"f{n}.md", n, "m" * 5000)
                                                              for n in range(1, 201)]))
    assert len(result.findings) == MAX_FINDINGS_PER_RULE + 1
    assert result.findings[-1].message.startswith("150 more findings not shown") and result.findings[-1].line == 51
    assert len(result.findings[0].message) < 1100 and "more characters not shown" in result.findings[0].message


def test_the_report_keeps_the_first_finding_of_every_failure_when_full() -> None:
    report = ComplianceReport("/t", None)
    first = report.admit("a", _result([Finding(f"r{n % 9}", "x.rs", n, "m") for n in range(1, 301)])).findings
    assert len(first) == 101 and first[-1].extra["not_shown"] == 200
    later = report.admit("a", _result([Finding("r", "x.rs", 1, "m"), Finding("r", "x.rs", 2, "m")])).findings
    assert len(later) == 2 and later[0].line == 1 and later[1].extra["not_shown"] == 1
    assert report.not_shown == 201


def test_capped_findings_keep_their_baseline_statuses_aligned() -> None:
    findings = [Finding("r", f"f{n}.rs", n, "m") for n in range(60)]
    statuses = [PRE_EXISTING] * 55 + [NEW] * 5
    result = ComplianceReport("/t", None).admit("a", _result(findings, statuses))
    assert len(result.findings) == len(result.statuses) == len(result.fingerprints) == MAX_FINDINGS_PER_RULE + 1
    assert result.statuses[:MAX_FINDINGS_PER_RULE] == [PRE_EXISTING] * MAX_FINDINGS_PER_RULE
    assert result.statuses[-1] == NEW  # the count stands for five pre-existing and five new findings


def test_names_are_shown_with_control_characters_escaped() -> None:
    assert printable("x\n::error::y\x1b[2J") == "x\\n::error::y\\x1b[2J"
    assert clip("abcdef", 3) == "abc… (3 more characters not shown)"


def test_sarif_uris_are_percent_encoded() -> None:
    assert uri_reference("a b/<x>\n%#?.rs") == "a%20b/%3Cx%3E%0A%25%23%3F.rs"
    assert uri_reference("crates/x/src/lib.rs") == "crates/x/src/lib.rs"
