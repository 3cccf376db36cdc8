"""Waiver files validated field by field, what a waiver may name, and the limits on findings and names."""

from __future__ import annotations

import datetime as dt

import pytest
from connector_compliance.checks.core.errors import UsageError
from connector_compliance.checks.core.finding import Finding
from connector_compliance.checks.core.limits import MAX_FINDINGS_PER_RULE, cap_rule_findings, clip
from connector_compliance.checks.core.names import printable
from connector_compliance.checks.run.waivers import WaiverRules, parse_waivers, tag_counts
from connector_compliance.reports.model import ComplianceReport
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


def test_findings_are_capped_per_rule_with_a_count_of_the_rest() -> None:
    findings = [Finding("r", "f.md", n, "m" * 5000) for n in range(1, 201)]
    capped = cap_rule_findings(findings)
    assert len(capped) == MAX_FINDINGS_PER_RULE + 1
    assert capped[-1].message.startswith("150 more findings not shown") and capped[-1].line == 51
    assert len(capped[0].message) < 1100 and "more characters not shown" in capped[0].message


def test_the_report_keeps_the_first_finding_of_every_failure_when_full() -> None:
    report = ComplianceReport("/t", None)
    first = report.admit("a", [Finding("r", "x.rs", n, "m") for n in range(1, 301)])
    assert len(first) == 101 and first[-1].extra["not_shown"] == 200
    later = report.admit("a", [Finding("r", "x.rs", 1, "m"), Finding("r", "x.rs", 2, "m")])
    assert len(later) == 2 and later[0].line == 1 and later[1].extra["not_shown"] == 1
    assert report.not_shown == 201


def test_names_are_shown_with_control_characters_escaped() -> None:
    assert printable("x\n::error::y\x1b[2J") == "x\\n::error::y\\x1b[2J"
    assert clip("abcdef", 3) == "abc… (3 more characters not shown)"


def test_sarif_uris_are_percent_encoded() -> None:
    assert uri_reference("a b/<x>\n%#?.rs") == "a%20b/%3Cx%3E%0A%25%23%3F.rs"
    assert uri_reference("crates/x/src/lib.rs") == "crates/x/src/lib.rs"
