"""compliance.html: flow matrix and completion, the guide's section order with failures first, findings with
location, excerpt, rule and fix, filters, the fleet view, self-containment and escaping."""

from __future__ import annotations

import re
import time
from html.parser import HTMLParser
from pathlib import Path

from connector_compliance.reports.html import FLEET_THRESHOLD, render_html, write_html
from connector_compliance.reports.model import ComplianceReport
from connector_compliance.reports.sections import sections

from .report_samples import (
    ACME_RS,
    GUIDE_FLOWS,
    VOID_BUILD_LINE,
    XSS,
    baseline_report,
    failing_report,
    fleet_report,
    passing_report,
    xss_report,
)

VOID_ELEMENTS = {"meta", "br", "col", "img", "input", "hr", "link", "wbr"}


class Structure(HTMLParser):
    """Checks that every element closes in order, and collects the text of <script> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.scripts: list[str] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids += [v for k, v in attrs if k == "id" and v]
        if tag not in VOID_ELEMENTS:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1] if self.stack else 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == "script":
            self.scripts.append(data)


def parse(page: str) -> Structure:
    parser = Structure()
    parser.feed(page)
    parser.close()
    return parser


def test_passing_report_shows_the_flow_matrix_and_full_completion() -> None:
    page = render_html(passing_report())
    structure = parse(page)
    assert structure.errors == [] and structure.stack == []
    card = page[page.index('<article class="card v-passed">'):page.index("</article>")]
    assert '<span class="big">6/6</span>' in card and "PASSED" in card
    for flow in GUIDE_FLOWS:  # the nine guide flows are rows of the matrix, each with one status dot
        row = re.search(rf"<tr[^>]*><td>{flow}</td>.*?</tr>", card)
        assert row is not None, flow
        assert row.group(0).count('class="dot ') == 1
    authorize = re.search(r"<tr[^>]*><td>authorize</td>.*?</tr>", card).group(0)
    cells = re.findall(r"<td>(.*?)</td>", authorize)
    assert '<span class="sel">yes</span>' in cells[1] and "dot implemented" in cells[2]  # selected, implemented
    preprocessing = re.search(r'<tr class="off"[^>]*><td>preprocessing</td>', card)
    assert preprocessing is not None  # not selected: greyed
    assert "flows the guide marks [Ignore]" in card and "<td>setup_mandate</td>" in card  # collapsed, not dropped
    assert 'class="bad"' not in card


def test_failing_flow_is_marked_in_the_matrix_and_its_finding_has_location_excerpt_rule_and_fix() -> None:
    report = failing_report()
    page = render_html(report)
    assert parse(page).errors == []
    assert '<span class="verdict v-failed">FAILED</span>' in page
    cancel = re.search(r'<tr class="bad"[^>]*><td>cancel</td>(.*?)</tr>', page)
    assert cancel is not None
    cells = re.findall(r"<td>(.*?)</td>", cancel.group(1))
    assert "dot stub" in cells[4]  # selected | implemented | flawed | default | stub | missing
    assert f"acme_pay.rs:{VOID_BUILD_LINE}</code>" in cancel.group(1)
    assert '<span class="big">5/6</span>' in page
    finding = page[page.index(f'<code class="loc">{ACME_RS}:{VOID_BUILD_LINE}</code>'):]
    finding = finding[:finding.index('<div class="fd">') if '<div class="fd">' in finding else len(finding)]
    excerpt = re.search(r'<pre class="ex">(.*?)</pre>', finding).group(1)
    numbers = [int(n) for n in re.findall(r"<i>(\d+)</i>", excerpt)]
    assert numbers == list(range(VOID_BUILD_LINE - 2, VOID_BUILD_LINE + 3))
    highlighted = re.findall(r'<span class="hl"><i>(\d+)</i>(.*?)</span>', excerpt)
    assert highlighted == [(str(VOID_BUILD_LINE), "    fn build_request(")]
    assert "<b>fix</b>override build_request" in finding
    assert ("<b>rule</b><code>flow.cancel</code> (error) — Every selected flow has a ConnectorIntegration impl"
            in finding)
    assert "status: stub · models: tsys, placetopay" in finding
    problems = re.search(r'<ul class="problems">(.*?)</ul>', page).group(1)  # the card's to-do list
    links = re.findall(r'<span class="badge s-(\w+)">\w+</span><a href="#([^"]+)">([^<]+)</a>', problems)
    assert [status for status, _, _ in links] == ["failed", "failed", "failed", "error", "warning"]
    assert links[0][2] == "Cancel flow is implemented when selected"
    ids = parse(page).ids
    assert all(target in ids for _, target, _ in links)
    column = page[page.index(f"{ACME_RS}:414:5</code>"):]  # a compiler error's column is part of its location
    assert "code: E0308" in column[:3000]


def test_sections_follow_the_guide_and_failures_come_first() -> None:
    report = failing_report()
    connector = report.connectors["acme_pay"]
    labels = [s.label for s in sections(connector)]
    assert labels == ["Scaffolding", "Preparation", "Imports", "Flows", "Pitfalls", "Registration",
                      "Build (cargo)", "Custom checks"]
    page = render_html(report)
    headings = re.findall(r'<section class="sec[^"]*" data-key="([^"]*)"', page)
    assert headings == ["scaffolding", "preparation", "imports", "flows", "pitfalls", "registration", "cargo", ""]
    flows = page[page.index('data-key="flows"'):page.index('data-key="pitfalls"')]
    statuses = re.findall(r'<div class="scn s-(\w+)"', flows)
    assert statuses[0] == "failed" and statuses.index("skipped") < statuses.index("passed")
    registration = page[page.index('data-key="registration"'):page.index('data-key="cargo"')]
    assert re.findall(r'<div class="scn s-(\w+)"', registration) == ["warning", "passed"]
    cargo = page[page.index('data-key="cargo"'):page.index('data-key=""')]
    assert re.findall(r'<div class="scn s-(\w+)"', cargo) == ["failed", "error"]
    # a section with a failure is open, an all-passed section is collapsed; shared skip reasons are said once
    assert re.search(r'data-key="flows"><details open>', page)
    assert re.search(r'data-key="imports"><details>', page)
    preparation = page[page.index('data-key="preparation"'):page.index('data-key="imports"')]
    assert preparation.count("no grace/connector_integration/ folder") == 1


def test_scenarios_carry_steps_with_status_outcome_and_filter_data() -> None:
    page = render_html(failing_report())
    scenario = page[page.index('data-t="error flow-cancel flows"'):]
    scenario = scenario[:scenario.index("</details></div>")]
    assert '<span class="badge s-failed">failed</span>' in scenario
    assert re.findall(r'<li class="(\w)"><b>(\w+)</b>', scenario) == [("p", "Given"), ("f", "Then")]
    assert 'data-s="warning"' in page and 'data-s="waived"' in page and 'data-s="error"' in page
    assert "waiver: vendor files land next sprint" in page
    assert '<option value="flow-cancel">@flow-cancel (1)</option>' in page
    assert '<div class="filters" id="filters" hidden>' in page  # shown by the script; without it, plain reading
    for status in ("failed", "error", "warning", "waived", "skipped", "passed"):
        assert f'data-s="{status}"' in page
    assert "Guide drift: 1 place where" in page and "it has 11" in page
    assert "<b>expired</b>" in page


def test_page_is_self_contained() -> None:
    page = render_html(failing_report())
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", page)
    style = page[page.index("<style>"):page.index("</style>")]
    assert "@import" not in style and "url(" not in style
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert page.count("<style>") == 1 and page.count("<script>") == 1


def test_everything_from_the_target_is_escaped() -> None:
    page = render_html(xss_report())
    structure = parse(page)
    assert structure.errors == [] and structure.stack == []
    assert XSS not in page and "<script>alert" not in page
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert len(structure.scripts) == 1 and "alert" not in structure.scripts[0]  # our script holds no target data
    assert page.count("<script") == 1
    # attributes are quoted and escaped too: nothing breaks out of data-* or title
    assert not re.search(r'="[^"]*<script', page)
    for xss_in in ("message", "hint", "Scenario", "Feature", "guide"):
        assert f"{xss_in} &lt;/script&gt;" in page
    assert '    let s = &quot;&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;;' in page


def test_fleet_view_for_many_connectors_is_sortable_collapsible_and_small() -> None:
    report = fleet_report(150)
    started = time.perf_counter()
    page = render_html(report)
    elapsed = time.perf_counter() - started
    assert len(page.encode("utf-8")) < 5_000_000
    assert elapsed < 5
    structure = parse(page)
    assert structure.errors == [] and structure.stack == []
    assert len(set(structure.ids)) == len(structure.ids)
    table = page[page.index('<table class="fleet" id="fleet">'):page.index("</table>", page.index('id="fleet"'))]
    rows = re.findall(r'<tr data-i="\d+">', table)
    assert len(rows) == 150
    headers = re.findall(r"<th[^>]*>(?:<span>)?([^<]*)(?:</span>)?</th>", table)
    assert headers[:8] == ["connector", "done", "failed", "could not run", "warnings", "waived", "skipped", "passed"]
    # rotated headers: every column but the connector's stays narrow, so the matrix fits 1280 px
    assert len(re.findall(r'<th class="rot', table)) == len(headers) - 1
    assert {"auth", "void", "rsync", "Flows", "Registration", "Build (cargo)"} <= set(headers)
    assert re.search(r'<td data-v="connector_007"><a href="#c7-connector_007">', table)
    assert re.search(r'<span class="fc stub" title="cancel: stub \(selected\)', table)
    assert len(re.findall(r'<details class="conn v-\w+" id="c\d+-connector_\d+">', page)) == 150  # collapsed
    assert "<article class=\"card" not in page


def test_a_handful_of_connectors_gets_cards_not_the_fleet_table() -> None:
    report = fleet_report(FLEET_THRESHOLD, scenarios_each=5)
    page = render_html(report)
    assert 'id="fleet"' not in page
    assert page.count('<article class="card') == FLEET_THRESHOLD
    assert len(re.findall(r'<details class="conn v-\w+" id="[^"]+" open>', page)) == FLEET_THRESHOLD


def test_empty_report_renders() -> None:
    page = render_html(ComplianceReport("/x", None))
    assert parse(page).errors == [] and "PASSED" in page and "0 scenarios" in page


def test_write_html(tmp_path: Path) -> None:
    path = write_html(passing_report(), tmp_path / "out")
    assert path == tmp_path / "out" / "compliance.html"
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_with_a_baseline_the_page_splits_new_pre_existing_and_fixed_and_says_why_selected() -> None:
    from connector_compliance.reports.links import SourceLinks

    report = baseline_report()
    report.links = SourceLinks("https://forge/x/blob/{commit}/{path}#L{line}", "h" * 40)
    page = render_html(report)
    parsed = parse(page)
    assert parsed.errors == [] and parsed.stack == []
    assert len(parsed.ids) == len(set(parsed.ids))
    change = page[page.index('<section class="box change">'):]
    change = change[:change.index("</section>")]
    assert "<h3>New findings (3)</h3>" in change and "<h3>Progress</h3>" in change
    assert "<h3>Fixed (1)</h3>" in change and "Pre-existing: 2 finding(s)" in change
    assert change.index("New findings") < change.index("Progress") < change.index("Fixed") < change.index("Pre-")
    assert "judged against <code>bbbbbbbbbbbb</code>" in page
    assert '<p class="whysel"><b>Why selected:</b> own file changed: ' in page
    assert f'href="https://forge/x/blob/{"h" * 40}/{ACME_RS}#L{VOID_BUILD_LINE}"' in page
    assert f'href="https://forge/x/blob/{"b" * 40}/{ACME_RS}#L120"' in page  # fixed: at the base
    assert page.count('class="st st-new"') >= 3 and 'class="st st-pre-existing"' in page
    assert 'class="st st-fixed"' in page and 'id="run-level"' in page
    assert "Shared files (run level)" in page and "is not valid TOML" in page
    assert 'data-s="pre-existing"' in page  # its own status chip and filter value
