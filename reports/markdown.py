"""`summary.md`: the PR verdict as GitHub-flavoured Markdown, for a PR comment or `$GITHUB_STEP_SUMMARY`.

It leads with the verdict and the findings that gate it: with a baseline (`--changed-since`, `--baseline`) the
*new* findings, then the progress (flows the change implemented), the findings it fixed, and a collapsed count of
the pre-existing ones; then why each connector was checked, the flow tables, what could not run and the guide
drift. A PR comment holds at most 65,536 characters, so the document stops at that budget, lowest priority
first, with a pointer to the HTML artifact.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from .counts import counts_text, plural
from .links import SourceLinks
from .model import FIXED, NEW, PRE_EXISTING, ComplianceReport, ConnectorReport
from .output_file import write_report_file
from .sections import (
    FailingFinding,
    all_results,
    condensed_why,
    connector_verdict,
    display_status,
    flow_fails,
    flow_names,
    judged_findings,
    progress,
    run_verdict,
    status_counts,
)

MAX_CHARS = 65_536  # a GitHub PR comment holds 65,536 characters (the step summary's 1 MiB is far above it)
WHY_SHOWN = 3  # reasons per connector in the connectors table
DETAILED_FLOW_TABLES = 5  # up to this many connectors, each gets its own flow table with locations
CRATE_PREFIX = "crates/hyperswitch_connectors/src/"
VERDICT_ICON = {"failed": "❌", "error": "⚠️", "warning": "🟡", "passed": "✅"}
VERDICT_WORD = {"failed": "FAILED", "error": "COULD NOT RUN", "warning": "PASSED WITH WARNINGS", "passed": "PASSED"}
FLOW_ICON = {"implemented": "✅", "flawed": "⚠️", "default": "⬜", "stub": "🟠", "missing": "❌"}
FLOW_SHORT = {"implemented": "impl", "flawed": "flawed", "default": "default", "stub": "stub", "missing": "missing"}
_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_MENTION = re.compile(r"@(?=[A-Za-z0-9])")


def text(value: object) -> str:
    """Target text made inert in Markdown, on one line: HTML entities for `& < >`, a backslash before the
    punctuation that starts emphasis, code, links or table cells (text never starts a line, so `#`, `-`, `+` are
    safe), and a word joiner after `@` so a message cannot mention a GitHub user."""
    raw = " ".join(str(value).split())
    raw = raw.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MENTION.sub("@\u2060", _SPECIAL.sub(r"\\\1", raw))


def code(value: object) -> str:
    """An inline code span that no backtick in the value can close; `|` escaped for tables."""
    raw = " ".join(str(value).split()).replace("|", "\\|")
    fence = "`" * (max((len(m) for m in re.findall(r"`+", raw)), default=0) + 1)
    pad = " " if raw.startswith("`") or raw.endswith("`") else ""
    return f"{fence}{pad}{raw}{pad}{fence}"


def _connector_line(connector: ConnectorReport) -> str:
    done, total = connector.completion()
    verdict = connector_verdict(connector)
    type_name = f" ({text(connector.type_name)})" if connector.type_name else ""
    stage = connector.stage
    staged = f" · **{text(stage.stage)}**: {text(stage.because)}" if stage is not None and stage.stage != "live" else ""
    return (f"{VERDICT_ICON[verdict]} **{text(connector.name)}**{type_name}: **{done}/{total}** selected flows "
            f"implemented · {counts_text(connector.scenarios)} · selection: "
            f"{text(connector.selection.source)}{staged}")


def _todo_lines(connector: ConnectorReport) -> list[str]:
    """A template-stage connector's to-do list, in the guide's order."""
    if connector.stage is None or not connector.stage.template or not connector.stage.todo:
        return []
    return ["Template stage: to do before it goes live, in the guide's order:", "",
            *(f"1. {text(item)}" for item in connector.stage.todo), ""]


def _flow_cell(connector: ConnectorReport, flow: str) -> str:
    assessment = next((a for a in connector.flows if a.flow == flow), None)
    if assessment is None:
        return "—"
    status = str(assessment.status)
    if flow in connector.selection.flows:
        return f"{FLOW_ICON.get(status, '')} **{FLOW_SHORT.get(status, status)}**"
    return f"*{FLOW_SHORT.get(status, status)}*"


def _fleet_flow_table(report: ComplianceReport) -> list[str]:
    guide, _ = flow_names(report)
    lines = ["| connector | done | " + " | ".join(guide) + " |", "|---|---|" + "---|" * len(guide)]
    for connector in report.connectors.values():
        done, total = connector.completion()
        cells = " | ".join(_flow_cell(connector, flow) for flow in guide)
        lines.append(f"| {text(connector.name)} | {done}/{total} | {cells} |")
    return lines


def _connector_flow_table(connector: ConnectorReport) -> list[str]:
    lines = ["| flow | selected | status | where | why | expected because |", "|---|---|---|---|---|---|"]
    for assessment in connector.flows:
        if assessment.ignored:
            continue
        status = str(assessment.status)
        selected = "yes" if assessment.flow in connector.selection.flows else "no"
        shown = f"{FLOW_ICON.get(status, '')} {status}" if selected == "yes" else f"*{status}*"
        where = code(f"{assessment.file.removeprefix(CRATE_PREFIX)}:{assessment.evidence_line}")
        expectation = connector.expectations.get(assessment.flow)
        because = text(expectation.because) if expectation is not None else ""
        lines.append(f"| {text(assessment.flow)} | {selected} | {shown} | {where} | {text(assessment.reason)} | "
                     f"{because} |")
    ignored = [a for a in connector.flows if a.ignored]
    if ignored:
        listed = ", ".join(f"{text(a.flow)} ({text(str(a.status))})" for a in ignored)
        lines += ["", f"<sub>[Ignore] flows, never failing: {listed}</sub>"]
    return lines


def _finding_lines(item: FailingFinding, links: SourceLinks | None, base_commit: str | None) -> list[str]:
    finding = item.finding
    where = code(f"{finding.file}:{finding.line}") if finding.file else "(no location)"
    url = links.url(finding.file, finding.line, base_commit if item.status == FIXED else None) if links else None
    if url:
        where = f"[{where}]({url})"
    lines = [f"- {where} {text(finding.message)} <sub>{text(finding.rule)} · {text(item.result.scenario)}</sub>"]
    if finding.hint and item.status != FIXED:
        lines.append(f"  <br>**Fix:** {text(finding.hint)}")
    return lines


def _finding_blocks(items: list[FailingFinding], links: SourceLinks | None, base_commit: str | None
                    ) -> list[list[str]]:
    """One block per finding (the first of an owner carries the owner's name), errors before warnings."""
    blocks: list[list[str]] = []
    current: tuple[str, str] | None = None
    for item in items:
        block: list[str] = []
        key = (item.severity, item.owner)
        if key != current:
            if current is None or current[0] != item.severity:
                block += ["", f"**{'Errors' if item.severity == 'error' else 'Warnings'}**"]
            current = key
            owner = "run level" if item.connector is None else item.owner
            block += ["", f"*{text(owner)}*", ""]
        blocks.append(block + _finding_lines(item, links, base_commit))
    return blocks


def _artifact_hint(artifact_url: str | None) -> str:
    where = f"[the run's artifacts]({artifact_url})" if artifact_url else "the report directory / the run's artifacts"
    return (f"Full report with code excerpts, Gherkin steps and filters: `compliance.html` in {where}; "
            "`compliance.sarif` for code scanning; `compliance.json` for machines.")


def _verdict_lines(report: ComplianceReport) -> list[str]:
    verdict = run_verdict(report)
    new = judged_findings(report, (NEW,))
    errors = sum(1 for i in new if i.severity == "error")
    warnings = len(new) - errors
    word = "new " if report.baseline else ""
    counts = [plural(errors, f"{word}error"), plural(warnings, f"{word}warning")]
    if report.baseline:
        counts.append(f"{len(judged_findings(report, (FIXED,)))} fixed")
        counts.append(f"{len(judged_findings(report, (PRE_EXISTING,)))} pre-existing")
    lines = [f"## connector-compliance: {VERDICT_ICON[verdict]} {VERDICT_WORD[verdict]}", ""]
    commit = f" at {code(report.commit[:12])}" if report.commit else ""
    checked = f"{len(report.connectors)} connector{'s' if len(report.connectors) != 1 else ''} checked"
    if report.baseline:
        base = report.baseline
        against = (f", judged against {code(str(base['commit'])[:12])} (`git merge-base {text(base['ref'])} HEAD`, "
                   f"{text(base['option'])}; {base['changed_files']} file(s) changed)")
    else:
        against = ""
    lines.append(f"{checked} in {code(report.target_path)}{commit}{against}: **{' · '.join(counts)}**.")
    results = [*report.run_scenarios, *(r for _, r in all_results(report))]
    failing = sum(1 for c in report.connectors.values() if connector_verdict(c) == "failed")
    lines += ["", f"Scenarios: {plural(failing, 'failing connector')} · {counts_text(results)}.", ""]
    for error in report.harness_errors:
        lines.append(f"> ⚠️ harness error: {text(error)}")
    expired = [w for w in report.waivers if w.get("status") == "expired"]
    for waiver in expired:
        lines.append(f"> ⚠️ expired waiver: {text(waiver.get('connector'))} / "
                     f"{text(waiver.get('scenario') or waiver.get('tag'))} (expired {text(waiver.get('expires'))})")
    if report.harness_errors or expired:
        lines.append("")
    return lines


def _progress_lines(report: ComplianceReport) -> list[str]:
    lines = [f"- **{text(connector.name)}**: "
             + ", ".join(f"{text(flow)}: {text(before)} → **{text(after)}**{' (regression)' if lost else ''}"
                         for flow, before, after, lost in moves) for connector, moves in progress(report)]
    return ["", "### Progress", "", *lines] if lines else []


def _connector_table(report: ComplianceReport) -> list[str]:
    with_base = report.baseline is not None
    counted = "new | pre-existing | fixed | " if with_base else "failed | warnings | "
    lines = [f"| | connector | flows done | {counted}why checked |",
             "|---|---|---|---|---|" + ("---|---|" if with_base else "---|")]
    for connector in report.connectors.values():
        done, total = connector.completion()
        statuses = [i.status for i in judged_findings(_only(report, connector))] if with_base else []
        c = status_counts(connector.scenarios)
        cells = (f"{statuses.count(NEW)} | {statuses.count(PRE_EXISTING)} | {statuses.count(FIXED)}" if with_base
                 else f"{c['failed']} | {c['warning']}")
        why = "; ".join(text(w) for w in condensed_why(connector.why, WHY_SHOWN))
        lines.append(f"| {VERDICT_ICON[connector_verdict(connector)]} | {text(connector.name)} | {done}/{total} | "
                     f"{cells} | {why or '—'} |")
    return lines


def _only(report: ComplianceReport, connector: ConnectorReport) -> ComplianceReport:
    """A view of the report with one connector and no run-level results (for per-connector counts)."""
    return ComplianceReport(report.target_path, report.commit, {connector.name: connector}, baseline=report.baseline)


def render_markdown(report: ComplianceReport, max_chars: int = MAX_CHARS, artifact_url: str | None = None) -> str:
    """The summary, at most `max_chars` characters: the verdict always, then the sections in priority order until
    the budget, and the pointer to the full report always."""
    links, base_commit = report.links, report.base_commit
    head = _verdict_lines(report)
    tail = ["", _artifact_hint(artifact_url), ""]
    sections: list[list[list[str]]] = []  # each section: its blocks (a heading block, then one per item)
    if report.policy or report.not_shown:  # what the PR changed in waivers/selection comes first: it needs a reviewer
        block = [f"- ⚠️ {text(line)}" for line in report.policy]
        if report.not_shown:
            block.append(f"- {report.not_shown} more findings not shown (caps per rule, file and report)")
        sections.append([[*block, ""]])

    new = judged_findings(report, (NEW,))
    title = "New findings" if report.baseline else "Findings"
    if new:
        sections.append([[f"### {title} ({len(new)})"], *_finding_blocks(new, links, base_commit)])
    else:
        sections.append([[f"No {'new ' if report.baseline else ''}failing check. ✅"]])
    could_not_run: dict[str, list[str]] = {}
    for owner, result in [(None, r) for r in report.run_scenarios] + list(all_results(report)):
        if display_status(result) == "error":
            name = owner.name if owner is not None else "run"
            could_not_run.setdefault(result.reason or "no reason given", []).append(f"{name}: {result.scenario}")
    if could_not_run:
        block = ["", "### Could not run", ""]
        for reason, where in could_not_run.items():
            shown = ", ".join(text(w) for w in where[:5]) + (f" and {len(where) - 5} more" if len(where) > 5 else "")
            block.append(f"- {text(reason)} <sub>({shown})</sub>")
        sections.append([block])
    if report.baseline:
        sections.append([_progress_lines(report)])
        fixed = judged_findings(report, (FIXED,))
        if fixed:
            sections.append([["", f"### Fixed ({len(fixed)})"], *_finding_blocks(fixed, links, base_commit)])
        known = judged_findings(report, (PRE_EXISTING,))
        if known:
            sections.append([["", f"<details><summary>Pre-existing: {len(known)} finding(s) already in the base "
                              "tree (reported, never gating)</summary>", ""],
                             *_finding_blocks(known, links, base_commit), ["", "</details>"]])
        notes = [str(n) for n in report.baseline.get("notes") or []]  # type: ignore[union-attr]
        if notes:
            sections.append([["", "<details><summary>Baseline notes</summary>", "",
                              *(f"- {text(n)}" for n in notes), "", "</details>"]])
    if report.connectors:
        detailed = len(report.connectors) <= DETAILED_FLOW_TABLES
        block = ["", "### Connectors", "", *_connector_table(report), ""]
        if detailed:
            for connector in report.connectors.values():
                failing = [a.flow for a in connector.flows if flow_fails(connector, a)]
                # an HTML block: GitHub does not read Markdown inside it, so only HTML escaping applies
                label = (f"{html.escape(connector.name)} flows: {html.escape(', '.join(failing))} not implemented"
                         if failing else f"{html.escape(connector.name)} flows: every selected flow implemented")
                block += [_connector_line(connector), "", *_todo_lines(connector),
                          f"<details><summary>{label}</summary>", ""]
                block += _connector_flow_table(connector)
                block += ["", "</details>", ""]
        else:
            block += ["<details><summary>Flows of every connector</summary>", "",
                      "Selected flows in **bold** with an icon; not selected in *italics*.", "",
                      *_fleet_flow_table(report), "", "</details>"]
        sections.append([block])
    if report.notes:
        sections.append([["", f"<details><summary>Guide drift: {len(report.notes)} place(s) where the guide and "
                          "this tree disagree</summary>", "",
                          *(f"- **{text(n.get('topic', ''))}**: the guide says {text(n.get('guide', ''))}; the "
                            f"tree: {text(n.get('tree', ''))}" for n in report.notes), "", "</details>"]])

    def size(lines: list[str]) -> int:
        return len("\n".join(lines)) + 1

    budget = max_chars - size(head) - size(tail) - 400  # room for the truncation note
    kept: list[str] = []
    left_out = 0
    for section in sections:
        if left_out:
            left_out += sum(1 for block in section for line in block if line.startswith("- "))
            continue
        opened = section[0]
        for index, block in enumerate(section):
            if size(kept + block) > budget:
                left_out = sum(1 for b in section[index:] for line in b if line.startswith("- "))
                if opened and "<details>" in "".join(opened) and index > 0:
                    kept += ["", "</details>"]
                break
            kept += block
    if left_out:
        kept += ["", f"> **Summary truncated: {left_out} more item(s) not shown** to fit a PR comment "
                     f"({max_chars:,} characters); every finding is in `compliance.html`, `compliance.sarif` and "
                     "`compliance.json`."]
    document = "\n".join(head + kept + tail)
    if len(document) > max_chars:  # the verdict alone is too big: cut at a line end
        cut = document[: max_chars - 200]
        document = cut[: cut.rfind("\n")] + "\n\n> **Summary truncated**; see compliance.html.\n"
    return document


def write_markdown(report: ComplianceReport, report_dir: Path, artifact_url: str | None = None) -> Path:
    return write_report_file(report_dir, "summary.md", render_markdown(report, artifact_url=artifact_url))
