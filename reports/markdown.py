"""`summary.md`: the verdict as GitHub-flavoured Markdown, for a PR comment or `$GITHUB_STEP_SUMMARY`.

Per connector a line with its completion and counts, a flow table, then every failing finding (file:line, message,
fix) errors first, then warnings. GitHub refuses a step summary over 1 MiB, so the findings stop at a byte budget
with a note that says how many were left out and where they are.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from .counts import counts_text, plural
from .model import ComplianceReport, ConnectorReport
from .sections import (
    FailingFinding,
    all_results,
    connector_verdict,
    display_status,
    failing_findings,
    flow_fails,
    flow_names,
    status_counts,
)

MAX_BYTES = 1_000_000  # GitHub's step-summary limit is 1 MiB (1,048,576 bytes); keep a margin
DETAILED_FLOW_TABLES = 5  # up to this many connectors, each gets its own flow table with locations
CRATE_PREFIX = "crates/hyperswitch_connectors/src/"
VERDICT_ICON = {"failed": "❌", "error": "⚠️", "warning": "🟡", "passed": "✅"}
FLOW_ICON = {"implemented": "✅", "default": "⬜", "stub": "🟠", "missing": "❌"}
FLOW_SHORT = {"implemented": "impl", "default": "default", "stub": "stub", "missing": "missing"}
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


def _finding_lines(item: FailingFinding) -> list[str]:
    finding = item.finding
    where = code(f"{finding.file}:{finding.line}") if finding.file else "(no location)"
    lines = [f"- {where} {text(finding.message)} <sub>{text(finding.rule)} · {text(item.result.scenario)}</sub>"]
    if finding.hint:
        lines.append(f"  <br>**Fix:** {text(finding.hint)}")
    return lines


def _artifact_hint(artifact_url: str | None) -> str:
    where = f"[the run's artifacts]({artifact_url})" if artifact_url else "the report directory / the run's artifacts"
    return (f"Full report with code excerpts, Gherkin steps and filters: `compliance.html` in {where}; "
            "`compliance.sarif` for code scanning; `compliance.json` for machines.")


def render_markdown(report: ComplianceReport, max_bytes: int = MAX_BYTES, artifact_url: str | None = None) -> str:
    """The summary, at most `max_bytes` UTF-8 bytes: the header and tables always, findings until the budget."""
    results = [r for _, r in all_results(report)]
    failing = sum(1 for c in report.connectors.values() if connector_verdict(c) == "failed")
    head = ["## connector-compliance", ""]
    commit = f" at {code(report.commit[:12])}" if report.commit else ""
    head.append(f"{len(report.connectors)} connector{'s' if len(report.connectors) != 1 else ''} checked in "
                f"{code(report.target_path)}{commit}: **{failing} failing** · {counts_text(results)}.")
    head.append("")
    for error in report.harness_errors:
        head.append(f"> ⚠️ harness error: {text(error)}")
    expired = [w for w in report.waivers if w.get("status") == "expired"]
    for waiver in expired:
        head.append(f"> ⚠️ expired waiver: {text(waiver.get('connector'))} / "
                    f"{text(waiver.get('scenario') or waiver.get('tag'))} (expired {text(waiver.get('expires'))})")
    if report.harness_errors or expired:
        head.append("")
    detailed = len(report.connectors) <= DETAILED_FLOW_TABLES
    if not detailed:
        head += ["| | connector | flows done | failed | warnings | could not run | waived | skipped | passed |",
                 "|---|---|---|---|---|---|---|---|---|"]
        for connector in report.connectors.values():
            done, total = connector.completion()
            c = status_counts(connector.scenarios)
            head.append(f"| {VERDICT_ICON[connector_verdict(connector)]} | {text(connector.name)} | {done}/{total} | "
                        f"{c['failed']} | {c['warning']} | {c['error']} | {c['waived']} | {c['skipped']} | "
                        f"{c['passed']} |")
        head += ["", "### Flows", "", "Selected flows in **bold** with an icon; not selected in *italics*.", ""]
        head += _fleet_flow_table(report)
        head.append("")
    else:
        for connector in report.connectors.values():
            head += [f"### {text(connector.name)}", "", _connector_line(connector), "", *_todo_lines(connector)]
            failing = [a.flow for a in connector.flows if flow_fails(connector, a)]
            # an HTML block: GitHub does not read Markdown inside it, so only HTML escaping applies
            label = (f"Flows: {html.escape(', '.join(failing))} not implemented" if failing
                     else "Flows: every selected flow implemented")
            head += [f"<details{' open' if failing else ''}><summary>{label}</summary>", ""]
            head += _connector_flow_table(connector)
            head += ["", "</details>", ""]

    could_not_run: dict[str, list[str]] = {}
    for connector, result in all_results(report):
        if display_status(result) == "error":
            could_not_run.setdefault(result.reason or "no reason given", []).append(
                f"{connector.name}: {result.scenario}")
    tail = [""]
    if report.notes:
        tail += [f"<details><summary>Guide drift: {len(report.notes)} place(s) where the guide and this tree "
                 "disagree</summary>", ""]
        tail += [f"- **{text(n.get('topic', ''))}**: the guide says {text(n.get('guide', ''))}; the tree: "
                 f"{text(n.get('tree', ''))}" for n in report.notes]
        tail += ["", "</details>", ""]
    tail.append(_artifact_hint(artifact_url))
    tail.append("")

    body: list[str] = []
    if could_not_run:
        body += ["### Could not run", ""]
        for reason, where in could_not_run.items():
            shown = ", ".join(text(w) for w in where[:5]) + (f" and {len(where) - 5} more" if len(where) > 5 else "")
            body.append(f"- {text(reason)} <sub>({shown})</sub>")
        body.append("")
    items = failing_findings(report)
    blocks: list[list[str]] = []
    for severity, title in (("error", "Errors"), ("warning", "Warnings")):
        of_level = [i for i in items if i.severity == severity]
        if not of_level:
            continue
        # the same two numbers as the headline's `2 warnings (5 findings)`
        scenarios = len({id(i.result) for i in of_level})
        blocks.append(["", f"### {title}: {plural(scenarios, 'scenario')}, {plural(len(of_level), 'finding')}"])
        current = None
        for item in of_level:
            block = []
            if item.connector.name != current:
                current = item.connector.name
                block += ["", f"**{text(current)}**", ""]
            blocks.append(block + _finding_lines(item))
    if not items and not could_not_run:
        body += ["No failing check. ✅", ""]

    def size(lines: list[str]) -> int:
        return len("\n".join(lines).encode("utf-8")) + 1

    budget = max_bytes - size(head) - size(tail) - size(body) - 400  # room for the truncation note
    kept: list[str] = []
    shown_findings = 0
    for block in blocks:
        if size(kept + block) > budget:
            break
        kept += block
        shown_findings += sum(1 for line in block if line.startswith("- "))
    if shown_findings < len(items):
        kept += ["", f"> **{len(items) - shown_findings} more finding(s) not shown** to stay within GitHub's 1 MiB "
                     "summary limit; every finding is in `compliance.html`, `compliance.sarif` and "
                     "`compliance.json`."]
    document = "\n".join(head + body + kept + tail)
    encoded = document.encode("utf-8")
    if len(encoded) > max_bytes:  # the tables alone are too big (thousands of connectors): cut at a line end
        cut = encoded[: max_bytes - 200].decode("utf-8", errors="ignore")
        document = cut[: cut.rfind("\n")] + "\n\n> **Summary truncated** at GitHub's size limit; see compliance.html.\n"
    return document


def write_markdown(report: ComplianceReport, report_dir: Path, artifact_url: str | None = None) -> Path:
    report_dir.mkdir(parents=True, exist_ok=True)
    path = report_dir / "summary.md"
    path.write_text(render_markdown(report, artifact_url=artifact_url), encoding="utf-8")
    return path
