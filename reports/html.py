"""`compliance.html`: one self-contained page (inline CSS and JS, no network) a reviewer reads top-down.

At the top: the verdict, counts per status (they double as filters) and, per connector, its flow matrix and
completion; with more than a handful of connectors, one sortable matrix of connectors x flows x rule groups
instead. Then each connector's scenarios in the guide's section order, failures first, each with its Gherkin
steps and every finding: file:line, the code excerpt with the line highlighted, the rule and the fix.

Everything that comes from the target or the run (names, code, messages, hints, paths, notes) goes through
`html.escape`; the script holds no data (it reads data-* attributes), so nothing from the target is ever inside
a `<script>` element.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from connector_compliance.checks.core.finding import Finding
from connector_compliance.checks.facts.flow_status import FlowAssessment

from .counts import count_word, finding_counts, plural, shown_statuses
from .html_assets import CSS, JS
from .model import FIXED, NEW, PRE_EXISTING, ComplianceReport, ConnectorReport, ScenarioResult, StepResult
from .output_file import write_report_file
from .sections import (
    FLOW_STATUSES,
    STATUSES,
    FailingFinding,
    Section,
    all_results,
    column_of,
    condensed_why,
    connector_verdict,
    display_status,
    feature_groups,
    flow_fails,
    flow_names,
    is_selected,
    judged_findings,
    progress,
    run_verdict,
    sections,
    split_flows,
    status_counts,
    verdict_of,
)

FLEET_THRESHOLD = 5  # more connectors than this: the fleet matrix, and each connector's detail starts collapsed
STATUS_TITLE = {
    "failed": "a check failed (@error scenario)",
    "error": "could not run (infrastructure or harness error)",
    "warning": "a @warning scenario failed (does not fail the gate unless --fail-on warning)",
    "pre-existing": "its findings were all in the base tree already (reported, never gating)",
    "waived": "failed, but a live waiver covers it",
    "skipped": "does not apply (reason given)",
    "passed": "passed",
}
VERDICT_TEXT = {"failed": "FAILED", "error": "COULD NOT RUN", "warning": "PASSED WITH WARNINGS", "passed": "PASSED"}
FLOW_SHORT = {"preprocessing": "preproc", "tokenization": "token", "authorize": "auth", "cancel": "void",
              "capture": "capture", "psync": "psync", "access_token": "acc.token", "refund": "refund",
              "rsync": "rsync"}
FLOW_LETTER = {"implemented": "I", "flawed": "F", "default": "D", "stub": "S", "missing": "M"}
STEP_CLASS = {"passed": "p", "failed": "f"}
SEVERITY_TAGS = frozenset({"error", "warning"})
PROBLEMS = ("failed", "error", "warning")  # the statuses a reviewer acts on
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")


def e(value: object) -> str:
    """Escape for HTML text and attribute values (quotes included)."""
    return html.escape(str(value), quote=True)


def _anchor(name: str, index: int) -> str:
    return f"c{index}-{_ID_UNSAFE.sub('_', name)[:60]}"


def _short_path(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def _label(status: str, n: int) -> str:
    """`<b>2</b> warnings`: a count in the words every report uses (reports/counts.py)."""
    number, words = count_word(status, n).split(" ", 1)
    return f"<b>{number}</b> {e(words)}"


def _counts_chips(counts: dict[str, int]) -> str:
    """The non-zero counts of a connector, one chip per status."""
    return "".join(f'<span class="chip s-{s}" title="{e(STATUS_TITLE[s])}">{_label(s, counts[s])}</span>'
                   for s in STATUSES if counts[s])


def _flow_row(connector: ConnectorReport, assessment: FlowAssessment, slim: bool = False) -> str:
    status = str(assessment.status)
    selected = is_selected(connector, assessment.flow)
    classes = [c for c, on in (("ign", assessment.ignored), ("off", not selected and not assessment.ignored),
                               ("bad", flow_fails(connector, assessment))) if on]
    where = f"{assessment.file}:{assessment.evidence_line}"
    dot = f'<span class="dot {e(status)}"></span>'
    cells = "".join(f"<td>{dot if s == status else ''}</td>" for s in FLOW_STATUSES)
    sel = '<span class="sel">yes</span>' if selected else "&ndash;"
    expectation = connector.expectations.get(assessment.flow)
    because = f"; {'expected' if expectation.expected else 'not expected'}: {expectation.because}" \
        if expectation is not None else ""
    title = "" if slim else f' title="{e(status)} ({e(assessment.cause)}): {e(assessment.reason)}{e(because)}"'
    code_title = "" if slim else f' title="{e(where)}"'
    return (f'<tr class="{" ".join(classes)}"{title}><td>{e(assessment.flow)}</td><td>{sel}</td>{cells}'
            f'<td class="where"><code{code_title}>{e(_short_path(assessment.file))}:{e(assessment.evidence_line)}'
            "</code></td></tr>")


def _flow_table(connector: ConnectorReport, flows: list[FlowAssessment], slim: bool = False) -> str:
    head = "".join(f'<th class="rot"><span>{s}</span></th>' for s in FLOW_STATUSES)
    rows = "".join(_flow_row(connector, a, slim) for a in flows)
    return ('<table class="flows"><colgroup><col class="c-flow"><col class="c-sel">'
            + '<col class="c-st">' * len(FLOW_STATUSES) + '<col class="c-where"></colgroup>'
            + f'<thead><tr><th>flow</th><th class="rot"><span>selected</span></th>{head}'
            f"<th>where (file:line)</th></tr></thead><tbody>{rows}</tbody></table>")


def _completion(connector: ConnectorReport) -> str:
    done, total = connector.completion()
    if total == 0:
        return '<div class="completion"><span class="big">&ndash;</span> no guide flow selected</div>'
    ratio = done / total
    tone = "" if ratio >= 1 else (" part" if ratio >= 0.5 else " low")
    return (f'<div class="completion"><span class="big">{done}/{total}</span><span>selected flows<br>implemented'
            f'</span><div class="meter{tone}"><i style="width:{ratio * 100:.0f}%"></i></div></div>')


def _scenario_anchors(connector: ConnectorReport, anchor: str) -> dict[int, str]:
    """Each scenario's element id, by object identity (scenario names repeat across connectors)."""
    return {id(result): f"{anchor}-s{index}" for index, result in enumerate(connector.scenarios)}


def _problems(connector: ConnectorReport, anchor: str, limit: int = 6) -> str:
    """The card's short list of what to fix: failing, erroring and warning scenarios in the page's order."""
    anchors = _scenario_anchors(connector, anchor)
    items = [(display_status(r), r) for section in sections(connector) for r in section.results
             if display_status(r) in PROBLEMS]
    items.sort(key=lambda item: PROBLEMS.index(item[0]))
    if not items:
        return ""
    shown = "".join(f'<li><span class="badge s-{status}">{status}</span><a href="#{anchors[id(r)]}">'
                    f"{e(r.scenario)}</a></li>" for status, r in items[:limit])
    more = f"<li>and {len(items) - limit} more below</li>" if len(items) > limit else ""
    return f'<ul class="problems">{shown}{more}</ul>'


def _stage(connector: ConnectorReport) -> str:
    """A connector that is not live yet: why, and at template stage its to-do list in the guide's order."""
    stage = connector.stage
    if stage is None or stage.stage == "live":
        return ""
    todo = "".join(f"<li>{e(item)}</li>" for item in stage.todo)
    listed = f"<ol>{todo}</ol>" if todo else ""
    return f'<div class="stage"><p><b>{e(stage.stage)}</b>: {e(stage.because)}</p>{listed}</div>'


def _card(connector: ConnectorReport, anchor: str) -> str:
    verdict = connector_verdict(connector)
    guide, ignored = split_flows(connector)
    type_name = f" <small>{e(connector.type_name)}</small>" if connector.type_name else ""
    parts = [f'<article class="card v-{verdict}"><h2><a href="#{anchor}">{e(connector.name)}</a>{type_name} '
             f'<span class="verdict v-{verdict}">{VERDICT_TEXT[verdict]}</span></h2>', _why(connector),
             _completion(connector),
             f'<div class="counts">{_counts_chips(status_counts(connector.scenarios))}</div>',
             _stage(connector), _problems(connector, anchor), _flow_table(connector, guide)]
    if ignored:
        parts.append(f'<details class="ignored"><summary>{len(ignored)} flows the guide marks [Ignore] '
                     f"(reported, never failing)</summary>{_flow_table(connector, ignored)}</details>")
    parts.append(f'<p class="legend">selection: <code>{e(connector.selection.source)}</code> '
                 f"({e(', '.join(connector.selection.flows) or 'none')})</p></article>")
    return "".join(parts)


def _why(connector: ConnectorReport) -> str:
    """The "Why selected" line: what about the change concerns this connector."""
    if not connector.why:
        return ""
    short = "; ".join(condensed_why(connector.why))
    if len(connector.why) <= 3:
        return f'<p class="whysel"><b>Why selected:</b> {e(short)}</p>'
    items = "".join(f"<li>{e(w)}</li>" for w in connector.why)
    return (f'<details class="whysel"><summary><b>Why selected:</b> {e(short)}</summary><ul>{items}</ul>'
            "</details>")


def _fleet(report: ComplianceReport, anchors: dict[str, str]) -> str:
    guide, _ = flow_names(report)
    groups = feature_groups(report)
    # Every column but the connector's has a rotated header, so the matrix fits 1280 px; wider fleets scroll
    # sideways inside .fleet-wrap with the connector column pinned.
    head = ['<th data-first="asc">connector</th>',
            '<th class="rot" data-first="asc" title="selected flows implemented"><span>done</span></th>']
    for i, status in enumerate(shown_statuses(report)):
        words = count_word(status, 2).split(" ", 1)[1]
        head.append(f'<th class="rot{" grp0" if i == 0 else ""}" title="{e(STATUS_TITLE[status])}"><span>'
                    f"{e(words)}</span></th>")
    for i, flow in enumerate(guide):
        head.append(f'<th class="rot{" grp0" if i == 0 else ""}" title="{e(flow)}"><span>'
                    f"{e(FLOW_SHORT.get(flow, flow))}</span></th>")
    for i, (feature, label) in enumerate(groups):
        head.append(f'<th class="rot{" grp0" if i == 0 else ""}" title="{e(feature)}"><span>{e(label)}</span></th>')
    rows = []
    for index, connector in enumerate(report.connectors.values()):
        done, total = connector.completion()
        counts = status_counts(connector.scenarios)
        by_flow = {a.flow: a for a in connector.flows}
        cells = [f'<td data-v="{e(connector.name)}"><a href="#{anchors[connector.name]}">{e(connector.name)}</a></td>',
                 f'<td data-v="{done / total if total else 1:.4f}">{done}/{total}</td>']
        for i, status in enumerate(shown_statuses(report)):
            n = counts[status]
            marks = [c for c, on in (("grp0", i == 0), (f"n-{status}", n and status in ("failed", "warning", "error")),
                                     ("zero", not n)) if on]
            cells.append(f'<td data-v="{n}" class="{" ".join(marks)}">{n}</td>')
        for i, flow in enumerate(guide):
            grp = "grp0" if i == 0 else ""
            a = by_flow.get(flow)
            if a is None:
                cells.append(f'<td class="{grp}" data-v="-1">&ndash;</td>')
                continue
            status = str(a.status)
            selected = is_selected(connector, flow)
            rank = FLOW_STATUSES.index(status) if status in FLOW_STATUSES else 3
            tip = f"{flow}: {status}{' (selected)' if selected else ' (not selected)'} - {a.file}:{a.evidence_line}"
            cells.append(f'<td class="{grp}" data-v="{rank + (10 if selected else 0)}"><span class="fc {e(status)}'
                         f'{"" if selected else " off"}" title="{e(tip)}">{FLOW_LETTER.get(status, "?")}</span></td>')
        by_feature: dict[str, list[ScenarioResult]] = {}
        for result in connector.scenarios:
            by_feature.setdefault(result.feature, []).append(result)
        for i, (feature, _) in enumerate(groups):
            cells.append(_group_cell(by_feature.get(feature, []), "grp0" if i == 0 else ""))
        rows.append(f'<tr data-i="{index}">{"".join(cells)}</tr>')
    return ('<section class="fleet"><h2>Fleet: ' + str(len(report.connectors)) + " connectors</h2>"
            '<p class="legend">Click a column header to sort (first click: worst first). Flows: '
            + "".join(f'<span class="fc {s}">{FLOW_LETTER[s]}</span> {s} ' for s in FLOW_STATUSES)
            + '— faded: not selected. Rule groups: <span class="gc s-failed">✗n</span> failed, '
            '<span class="gc s-warning">!n</span> warnings, <span class="gc s-error">E</span> could not run, '
            '<span class="gc s-passed">✓</span> passed, &ndash; skipped. Click a connector for its details.</p>'
            f'<div class="fleet-wrap"><table class="fleet" id="fleet"><thead><tr>{"".join(head)}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div></section>')


def _group_cell(results: list[ScenarioResult], grp: str) -> str:
    if not results:
        return f'<td class="{grp}" data-v="-1"></td>'
    counts = status_counts(results)
    value = counts["failed"] * 10000 + counts["error"] * 100 + counts["warning"]
    if counts["failed"]:
        text, status = f"✗{counts['failed']}", "failed"
    elif counts["error"]:
        text, status = "E", "error"
    elif counts["warning"]:
        text, status = f"!{counts['warning']}", "warning"
    elif counts["passed"]:
        text, status = "✓", "passed"
    else:
        text, status = "&ndash;", "skipped"
    title = ", ".join(f"{n} {s}" for s, n in counts.items() if n)
    return f'<td class="{grp}" data-v="{value}" title="{e(title)}"><span class="gc s-{status}">{text}</span></td>'


def _excerpt(report: ComplianceReport, finding: Finding) -> str:
    excerpt = report.excerpts.get((finding.file, finding.line))
    if excerpt is None or not excerpt.lines:
        return ""
    lines = []
    for offset, line in enumerate(excerpt.lines):
        number = excerpt.start + offset
        mark = ' class="hl"' if number == finding.line else ""
        lines.append(f"<span{mark}><i>{number}</i>{e(line)}</span>")
    return f'<pre class="ex">{"".join(lines)}</pre>'


def _extra_value(value: object) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, sort_keys=True)
    return str(value)


def _location(report: ComplianceReport, finding: Finding, status: str | None) -> str:
    """`file:line[:column]`, a link to that line online when the run knows where the tree is published."""
    column = column_of(finding)
    where = f"{finding.file}:{finding.line}" + (f":{column}" if column else "") if finding.file else "(no location)"
    url = report.links.url(finding.file, finding.line, report.base_commit if status == FIXED else None) \
        if report.links is not None else None
    loc = f'<code class="loc">{e(where)}</code>'
    return f'<a href="{e(url)}" rel="noopener">{loc}</a>' if url else loc


def _status_badge(status: str | None) -> str:
    if status is None:
        return ""
    titles = {NEW: "not in the base tree: introduced by this change", PRE_EXISTING: "already in the base tree",
              FIXED: "in the base tree, gone now: fixed by this change"}
    return f'<span class="st st-{e(status)}" title="{e(titles.get(status, status))}">{e(status)}</span>'


def _finding(report: ComplianceReport, finding: Finding, status: str | None = None) -> str:
    rule = report.rules.get(finding.rule, {})
    excerpt = _excerpt(report, finding) if status != FIXED else ""
    parts = [f'<div class="fd{f" st-{e(status)}" if status else ""}"><div>{_status_badge(status)}'
             f"{_location(report, finding, status)}</div>",
             f'<p class="msg">{e(finding.message)}</p>', excerpt]
    if finding.hint and status != FIXED:
        parts.append(f'<p class="fix"><b>fix</b>{e(finding.hint)}</p>')
    guide = rule.get("guide")
    severity = f" ({e(rule['severity'])})" if rule.get("severity") else ""
    parts.append(f'<p class="rule"><b>rule</b><code>{e(finding.rule)}</code>{severity}'
                 f"{' — ' + e(guide) if guide else ''}</p>")
    if finding.extra:
        extra = " · ".join(f"{e(k)}: {e(_extra_value(v))}" for k, v in finding.extra.items() if k != "column")
        if extra:
            parts.append(f'<p class="extra">{extra}</p>')
    parts.append("</div>")
    return "".join(parts)


def _steps(steps: list[StepResult]) -> str:
    if not steps:
        return ""
    items = "".join(f'<li class="{STEP_CLASS.get(s.status, "k")}"><b>{e(s.keyword)}</b>'
                    f"{e(s.text)}</li>" for s in steps)
    return f'<ol class="steps">{items}</ol>'


def _scenario(report: ComplianceReport, result: ScenarioResult, shared: frozenset[str], compact: bool,
              anchor: str) -> str:
    """One scenario. `shared`: reasons the section states once; `compact`: a passed or skipped scenario on one
    line, without its steps (the fleet view, to stay a few MB for ~150 connectors)."""
    status = display_status(result)
    tags = "".join(f'<span class="tag">@{e(t)}</span>' for t in result.tags if t not in SEVERITY_TAGS)
    sev = ('<span class="sev" title="a @warning scenario: reported, fails the gate only with --fail-on warning">'
           "warning-level</span>" if result.severity == "warning" else "")
    ident = f' id="{anchor}"' if status in PROBLEMS else ""
    head = f'<div class="scn s-{status}"{ident} data-s="{status}" data-t="{e(" ".join(result.tags))}">'
    label = f'<span class="badge s-{status}">{status}</span><span class="name">{e(result.scenario)}</span>{sev}'
    # tags stay in data-t for the filter
    if compact and status in ("passed", "skipped") and not result.findings and not result.fixed:
        why = (f'<span class="whyi">{e(result.reason)}</span>' if result.reason and result.reason not in shared
               else "")
        short = f'<span class="badge s-{status}">{status}</span><span class="name">{e(result.scenario)}</span>'
        return f'{head}<div class="one">{short}{why}</div></div>'
    count = len(result.findings)
    nf = (f'<span class="nf">{count} finding{"s" if count != 1 else ""}</span>'
          if count and status in ("failed", "warning", "pre-existing", "waived") else "")
    if result.fixed:
        nf += f'<span class="nf st-fixed">{len(result.fixed)} fixed</span>'

    opened = " open" if status in ("failed", "error", "warning") else ""
    parts = [f'{head}<details{opened}><summary>{label}<span class="tags">{tags}</span>{nf}</summary>'
             '<div class="scn-body">', _steps(result.steps)]
    if result.reason and result.reason not in shared:
        prefix = {"waived": "waiver: ", "skipped": "skipped: "}.get(status, "")
        parts.append(f'<p class="why">{e(prefix)}{e(result.reason)}</p>')
    judged = report.baseline is not None
    parts.extend(_finding(report, f, result.status_of(i) if judged else None) for i, f in enumerate(result.findings))
    parts.extend(_finding(report, f, FIXED) for f in result.fixed)
    parts.append("</div></details></div>")
    return "".join(parts)


def _quiet(result: ScenarioResult, shared: frozenset[str]) -> bool:
    """A scenario with nothing to read in the fleet view: passed, or skipped for a reason its section states once."""
    status = display_status(result)
    return not result.findings and not result.fixed and (
        status == "passed" or (status == "skipped" and (not result.reason or result.reason in shared)))


def _quiet_line(status: str, results: list[ScenarioResult]) -> str:
    """The fleet view's one line for a section's quiet scenarios: their count, not each of them (the fleet report
    grows with the findings, not with connectors x scenarios; compliance.json lists every scenario)."""
    if not results:
        return ""
    tags = " ".join(dict.fromkeys(t for r in results for t in r.tags))
    return (f'<div class="scn s-{status}" data-s="{status}" data-n="{len(results)}" data-t="{e(tags)}"><div '
            f'class="one"><span class="badge s-{status}">{status}</span><span class="name">'
            f'{plural(len(results), "scenario")}</span></div></div>')


def _section(report: ComplianceReport, section: Section, compact: bool, anchors: dict[int, str]) -> str:
    counts = section.counts
    summary = " · ".join(f"{n} {s}" for s, n in counts.items() if n)
    kicker = f'<span class="kicker">{e(section.label)}</span>' if section.label != section.feature else ""
    by_reason: dict[str, list[str]] = {}
    for result in section.results:
        if result.reason:
            by_reason.setdefault(result.reason, []).append(display_status(result))
    shared = frozenset(reason for reason, statuses in by_reason.items() if len(statuses) > 1)
    notes = "".join(
        f'<p class="why sw">{len(by_reason[reason])} {" / ".join(dict.fromkeys(by_reason[reason]))}: '
        f"{e(reason)}</p>" for reason in by_reason if reason in shared)
    quiet = [r for r in section.results if compact and _quiet(r, shared)]
    body = "".join(_scenario(report, r, shared, compact, anchors[id(r)]) for r in section.results if r not in quiet)
    body += "".join(_quiet_line(status, [r for r in quiet if display_status(r) == status])
                    for status in ("skipped", "passed"))
    opened = " open" if section.worst in ("failed", "error", "warning") else ""
    return (f'<section class="sec w-{section.worst}" data-key="{e(section.key or "")}"><details{opened}><summary>'
            f'<h3>{kicker}{e(section.feature)}<span class="c">{e(summary)}</span></h3>{notes}</summary>{body}'
            "</details></section>")


def _connector_detail(report: ComplianceReport, connector: ConnectorReport, anchor: str, opened: bool,
                      with_flows: bool) -> str:
    verdict = connector_verdict(connector)
    done, total = connector.completion()
    counts = status_counts(connector.scenarios)
    summary = " · ".join(f"{n} {s}" for s, n in counts.items() if n)
    type_name = f" ({e(connector.type_name)})" if connector.type_name else ""
    parts = [f'<details class="conn v-{verdict}" id="{anchor}"{" open" if opened else ""}><summary>'
             f"<h2>{e(connector.name)}{type_name}</h2>"
             f'<span class="verdict v-{verdict}">{VERDICT_TEXT[verdict]}</span> '
             f'<span class="sum">{done}/{total} selected flows implemented · {e(summary)}</span></summary>'
             '<div class="conn-body">', _why(connector), _stage(connector)]
    if with_flows:
        guide, ignored = split_flows(connector)
        listed = ", ".join(f"{a.flow} ({a.status})" for a in ignored)
        parts.append(f'<div class="cards"><div>{_completion(connector)}{_flow_table(connector, guide, slim=True)}'
                     f'<p class="legend">[Ignore] flows (never failing): {e(listed or "none")}</p></div></div>')
    scenario_anchors = _scenario_anchors(connector, anchor)
    parts.extend(_section(report, s, with_flows, scenario_anchors) for s in sections(connector))
    parts.append("</div></details>")
    return "".join(parts)


def _policy(report: ComplianceReport) -> str:
    """What the pull request changes in waivers or flow selection: shown first, never applied."""
    extra = (f"<li>{report.not_shown} more findings not shown (per-file and per-report caps); every failing "
             "scenario still fails the run</li>" if report.not_shown else "")
    if not report.policy and not extra:
        return ""
    items = "".join(f"<li>{e(line)}</li>" for line in report.policy)
    return f'<div class="box drift"><ul>{items}{extra}</ul></div>'


def _notes(report: ComplianceReport) -> str:
    if not report.notes:
        return ""
    items = "".join(f"<li><b>{e(n.get('topic', ''))}</b>: the guide says {e(n.get('guide', ''))}; "
                    f"this tree: {e(n.get('tree', ''))}</li>" for n in report.notes)
    opened = " open" if len(report.notes) <= 5 else ""
    return (f'<details class="box drift"{opened}><summary>Guide drift: {len(report.notes)} place'
            f'{"s" if len(report.notes) != 1 else ""} where the integration guide and this Hyperswitch tree '
            f"disagree (the checks follow the tree)</summary><ul>{items}</ul></details>")


def _waivers(report: ComplianceReport) -> str:
    if not report.waivers:
        return ""
    expired = sum(1 for w in report.waivers if w.get("status") == "expired")
    items = "".join(
        f"<li><b>{e(w.get('status', ''))}</b> · {e(w.get('connector', ''))} / "
        f"{e(w.get('scenario') or ('@' + str(w.get('tag') or '')))} · expires {e(w.get('expires') or 'never')} · "
        f"{e(w.get('justification', ''))}</li>" for w in report.waivers)
    if expired:  # an expired waiver fails the gate: say so up front
        return (f'<details class="box harness" open><summary>Waivers ({len(report.waivers)}): {expired} expired, '
                f"which fails the run</summary><ul>{items}</ul></details>")
    return f'<details class="box"><summary>Waivers ({len(report.waivers)})</summary><ul>{items}</ul></details>'


def _harness_errors(report: ComplianceReport) -> str:
    if not report.harness_errors:
        return ""
    items = "".join(f"<li><code>{e(x)}</code></li>" for x in report.harness_errors)
    return (f'<div class="box harness"><b>The harness itself failed on {len(report.harness_errors)} item(s)</b> '
            f"(no rule ran for them; the gate counts them as failures):<ul>{items}</ul></div>")


def _tag_options(report: ComplianceReport) -> str:
    counts: dict[str, int] = {}
    for _, result in all_results(report):
        for tag in result.tags:
            counts[tag] = counts.get(tag, 0) + 1
    return "".join(f'<option value="{e(t)}">@{e(t)} ({n})</option>' for t, n in sorted(counts.items()))


def _against(report: ComplianceReport) -> str:
    if report.baseline is None:
        return ""
    base = report.baseline
    return (f" · judged against <code>{e(str(base['commit'])[:12])}</code> (<code>git merge-base "
            f"{e(base['ref'])} HEAD</code>, {e(base['option'])}; {e(base['changed_files'])} file(s) changed)")


def _listed(report: ComplianceReport, items: list[FailingFinding], anchors: dict[str, str]) -> str:
    rows = []
    for item in items:
        owner = (f'<a href="#{anchors[item.owner]}">{e(item.owner)}</a>' if item.owner in anchors
                 else "run level")
        rows.append(f"<li>{_status_badge(item.status)}{_location(report, item.finding, item.status)} "
                    f"{e(item.finding.message)} <small>({owner} · {e(item.finding.rule)} · "
                    f"{e(item.severity)})</small></li>")
    return f"<ul>{''.join(rows)}</ul>"


def _change(report: ComplianceReport, anchors: dict[str, str]) -> str:
    """With a baseline, what the change did: its new findings, the flows it implemented, what it fixed, and how
    many findings it inherited."""
    if report.baseline is None:
        return ""
    new = judged_findings(report, (NEW,))
    fixed = judged_findings(report, (FIXED,))
    known = judged_findings(report, (PRE_EXISTING,))
    parts = ['<section class="box change"><h2>This change</h2>']
    parts.append(f"<h3>New findings ({len(new)})</h3>" + (_listed(report, new, anchors) if new else
                                                            "<p>None: the change introduces no finding.</p>"))
    moved = [f"<li><b>{e(connector.name)}</b>: "
             + ", ".join(f"{e(flow)}: {e(before)} &rarr; <b>{e(after)}</b>{' (regression)' if lost else ''}"
                         for flow, before, after, lost in moves) + "</li>" for connector, moves in progress(report)]
    if moved:
        parts.append(f"<h3>Progress</h3><ul>{''.join(moved)}</ul>")
    if fixed:
        parts.append(f"<h3>Fixed ({len(fixed)})</h3>{_listed(report, fixed, anchors)}")
    if known:
        parts.append(f"<details><summary>Pre-existing: {len(known)} finding(s) already in the base tree (reported, "
                     f"never gating)</summary>{_listed(report, known, anchors)}</details>")
    notes = [str(n) for n in report.baseline.get("notes") or []]  # type: ignore[union-attr]
    if notes:
        items = "".join(f"<li>{e(n)}</li>" for n in notes)
        parts.append(f"<details><summary>Baseline notes ({len(notes)})</summary><ul>{items}</ul></details>")
    parts.append("</section>")
    return "".join(parts)


def _run_level(report: ComplianceReport) -> str:
    """The run-level scenarios: findings that belong to no single connector, once per run."""
    if not report.run_scenarios:
        return ""
    verdict = verdict_of(report.run_scenarios)
    body = "".join(_scenario(report, r, frozenset(), False, f"run-s{i}") for i, r in enumerate(report.run_scenarios))
    return (f'<section class="runlevel"><details class="conn v-{verdict}" id="run-level"'
            f'{" open" if verdict != "passed" else ""}><summary><h2>Shared files (run level)</h2>'
            f'<span class="verdict v-{verdict}">{VERDICT_TEXT[verdict]}</span> <span class="sum">judged once per '
            f'run, not per connector</span></summary><div class="conn-body">{body}</div></details></section>')


def render_html(report: ComplianceReport, title: str = "Connector compliance") -> str:
    connectors = list(report.connectors.values())
    anchors = {c.name: _anchor(c.name, i) for i, c in enumerate(connectors)}
    fleet = len(connectors) > FLEET_THRESHOLD
    results = [*report.run_scenarios, *(r for _, r in all_results(report))]
    counts = status_counts(results)
    verdicts = [connector_verdict(c) for c in connectors]
    verdict = run_verdict(report)
    findings = finding_counts(results)
    new = len(judged_findings(report, (NEW,)))
    names = ", ".join(c.name for c in connectors[:4]) + (f" and {len(connectors) - 4} more" if len(connectors) > 4
                                                          else "")
    commit = f" · commit <code>{e(report.commit[:12])}</code>" if report.commit else ""
    failing = sum(1 for v in verdicts if v == "failed")
    chips = "".join(f'<button type="button" class="chip s-{s}{" zero" if not counts[s] else ""}" data-s="{s}" '
                    f'title="{e(STATUS_TITLE[s])}">{_label(s, counts[s])}</button>' for s in shown_statuses(report))
    out = [
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}: {e(names)} — {VERDICT_TEXT[verdict]}</title>",
        f"<style>{CSS}</style></head><body>",
        f'<header class="top"><div class="wrap"><h1>{e(title)} <span class="verdict v-{verdict}">'
        f"{VERDICT_TEXT[verdict]}</span></h1>",
        f'<p class="meta">{len(connectors)} connector{"s" if len(connectors) != 1 else ""} '
        f"({failing} failing) · {len(results)} scenarios · {plural(findings['error'], 'finding')} in failed "
        f"scenarios, {findings['warning']} in warnings{f' · {new} new' if report.baseline else ''} · target "
        f"<code>{e(report.target_path)}</code>{commit}{_against(report)}</p>",
        f'<div class="bar">{chips}</div>',
        '<div class="filters" id="filters" hidden>tag <select id="tagf"><option value="">any tag</option>'
        f"{_tag_options(report)}</select>"
        '<button type="button" id="problems">only problems</button><button type="button" id="showall">show all'
        '</button><button type="button" id="expand">expand all connectors</button><button type="button" '
        'id="collapse">collapse all</button><span id="shown"></span></div></div></header><main class="wrap">',
        _harness_errors(report),
        _policy(report),
        _waivers(report),
        _change(report, anchors),
        _run_level(report),
    ]
    if fleet:
        out.append(_fleet(report, anchors))
    else:
        out.append('<section class="cards">' + "".join(_card(c, anchors[c.name]) for c in connectors) + "</section>")
    out.append(_notes(report))
    out.append('<p class="legend">Flow status: '
               + "".join(f'<span class="dot {s}"></span>{s}' for s in FLOW_STATUSES)
               + ". Scenarios follow the guide: scaffolding, preparation, imports, flows, flow selection, pitfalls "
                 "1-9, registration, build; failures first in each."
               + (" In this fleet view a connector's passed scenarios, and those skipped for a reason its section "
                  "states, are counted on one line per section (compliance.json lists each; run with fewer "
                  "connectors for their steps)." if fleet else "")
               + "</p>")
    for connector in connectors:
        out.append(_connector_detail(report, connector, anchors[connector.name], opened=not fleet, with_flows=fleet))
    out.append('<footer>connector-compliance · the same data is in compliance.json; findings of failed scenarios '
               "also in compliance.sarif and summary.md.</footer></main>")
    out.append(f"<script>{JS}</script></body></html>\n")
    return "".join(out)


def write_html(report: ComplianceReport, report_dir: Path) -> Path:
    return write_report_file(report_dir, "compliance.html", render_html(report))
