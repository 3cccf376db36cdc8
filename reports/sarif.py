"""`compliance.sarif`: SARIF 2.1.0 for GitHub code scanning (tooling_notes §5).

One run. Each finding of a failed (or, with a baseline, pre-existing) scenario is a result at its file and line in
the target (uriBaseId %SRCROOT%, paths relative to the target root, percent-encoded as URI references); its rule
comes from the report's rule catalogue. A run-level finding is one result, not one per connector. With a baseline
each result carries `baselineState` (`new` or `unchanged`); with source links, `hostedViewerUri` and
`properties.url`. Passed, skipped, waived and errored scenarios produce no result.

Within GitHub code scanning's documented limits: at most 25,000 results per run (5,000 displayed, so this keeps
MAX_RESULTS, errors first), 20 tags per rule (10 displayed), 1,000 locations per result (one here), and a 10 MB
(gzip) upload; messages are clipped, so the file stays far below that.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from urllib.parse import quote

from connector_compliance.checks.core.finding import Finding
from connector_compliance.checks.core.limits import clip

from .model import NEW, ComplianceReport
from .output_file import write_report_file
from .sections import SEVERITY_RANK, FailingFinding, column_of, failing_findings, line_text

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
TOOL_NAME = "connector-compliance"
TOOL_VERSION = "0.1.0"
CATEGORY = "connector-compliance"  # the workflow's upload-sarif category; automationDetails.id wins over it
SEVERITY_TAGS = frozenset({"error", "warning"})
MAX_RESULTS = 5_000  # code scanning displays the top 5,000 results of a run
MAX_TAGS = 10  # tags per rule code scanning displays (20 accepted)
MAX_TEXT = 2_000  # characters of a result message or a rule's help


def uri_reference(rel: str) -> str:
    """A checkout-relative path as a relative URI reference: spaces, newlines, `<>`, `%`, `#`, `?` encoded."""
    return quote(rel, safe="/-._~!$&'()*+,;=:@")


def _short(text: str) -> str:
    """The first sentence, for shortDescription."""
    text = " ".join(text.split())
    end = text.find(". ")
    return text[: end + 1] if end > 0 else text


def _rule_name(rule_id: str) -> str:
    """`registration.v2-defaults` -> `RegistrationV2Defaults` (SARIF's optional readable name)."""
    return "".join(part[:1].upper() + part[1:] for part in rule_id.replace("-", ".").replace("_", ".").split("."))


def fingerprint(connector: str, finding: Finding, line: str | None) -> str:
    """Stable across runs while the flagged line's text is unchanged, even when it moves: rule, connector, file and
    the line's text (the message when the text is unknown). The connector is in it because one line of a shared
    file (a default_imp_for_* macro) can carry findings for many connectors."""
    anchor = " ".join(line.split()) if line is not None else finding.message
    digest = hashlib.sha256("\0".join((finding.rule, connector, finding.file, anchor)).encode("utf-8"))
    return digest.hexdigest()[:32]


def _location(finding: Finding) -> dict[str, object]:
    region: dict[str, object] = {"startLine": max(1, finding.line)}
    if (column := column_of(finding)) is not None:
        region["startColumn"] = column
    if finding.file.startswith("/"):  # outside the target (cargo's registry): an absolute file URI
        artifact: dict[str, object] = {"uri": Path(finding.file).as_uri()}
    else:
        artifact = {"uri": uri_reference(finding.file), "uriBaseId": "%SRCROOT%"}
    return {"physicalLocation": {"artifactLocation": artifact, "region": region}}


def _related(finding: Finding) -> list[dict[str, object]]:
    """`extra["related"]`: other `file:line` places the finding is about (the code a spec line disagrees with)."""
    related = finding.extra.get("related") if finding.extra else None
    locations: list[dict[str, object]] = []
    for place in related if isinstance(related, list) else []:
        file, _, line = str(place).rpartition(":")
        if file and line.isdigit():
            location = _location(Finding(finding.rule, file, int(line), ""))
            locations.append({"id": len(locations), **location, "message": {"text": str(place)}})
    return locations


def _rule(report: ComplianceReport, rule_id: str, items: list[FailingFinding]) -> dict[str, object]:
    catalogue = report.rules.get(rule_id, {})
    guide = catalogue.get("guide") or f"{items[0].result.feature}: {items[0].result.scenario}"
    severity = catalogue.get("severity") or min((i.severity for i in items), key=SEVERITY_RANK.__getitem__)
    level = "warning" if severity == "warning" else "error"
    hints = {i.finding.hint for i in items if i.finding.hint}
    scenarios = sorted({i.result.scenario for i in items})
    help_lines = [f"**{guide}**", "", f"Checked by the scenario{'s' if len(scenarios) > 1 else ''}: "
                  + "; ".join(f"*{s}*" for s in scenarios) + "."]
    help_text = guide
    if len(hints) == 1:
        hint = hints.pop()
        help_lines += ["", f"**Fix:** {hint}"]
        help_text += f" Fix: {hint}"
    else:
        help_lines += ["", "**Fix:** each result's message ends with the fix for that location."]
    tags = sorted({t for i in items for t in i.result.tags if t not in SEVERITY_TAGS})[:MAX_TAGS - 1]
    tags = sorted({*tags, "connector-compliance"})
    return {
        "id": rule_id,
        "name": _rule_name(rule_id),
        "shortDescription": {"text": _short(guide)},
        "fullDescription": {"text": guide},
        "help": {"text": clip(help_text, MAX_TEXT), "markdown": clip("\n".join(help_lines), MAX_TEXT)},
        "defaultConfiguration": {"level": level},
        "properties": {"tags": tags, "precision": "high"},
    }


def sarif_document(report: ComplianceReport, run_id: str | None = None,
                   category: str = CATEGORY) -> dict[str, object]:
    """The SARIF log as a dict. `run_id` names this run in automationDetails.id (`<category>/<run_id>`); by
    default the target's commit, else `local`."""
    items = failing_findings(report)
    omitted = 0
    if len(items) > MAX_RESULTS:
        ranked = sorted(items, key=lambda i: SEVERITY_RANK[i.severity])  # stable: errors first, in report order
        omitted = len(items) - MAX_RESULTS
        items = ranked[:MAX_RESULTS]
    by_rule: dict[str, list[FailingFinding]] = {}
    for item in items:
        by_rule.setdefault(item.finding.rule, []).append(item)
    rule_ids = sorted(by_rule)
    index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    results = []
    for item in items:
        finding = item.finding
        text = f"{item.owner}: {finding.message}" if item.connector is not None else finding.message
        if finding.hint:
            text += f" Fix: {finding.hint}"
        result: dict[str, object] = {
            "ruleId": finding.rule,
            "ruleIndex": index[finding.rule],
            "level": "warning" if item.severity == "warning" else "error",
            "message": {"text": clip(text, MAX_TEXT)},
            "partialFingerprints": {
                "primaryLocationLineHash": fingerprint(item.owner, finding, line_text(report, finding))},
            "properties": {"connector": item.owner if item.connector is not None else None,
                           "scenario": item.result.scenario, "feature": item.result.feature,
                           "tags": list(item.result.tags)},
        }
        if report.baseline is not None:
            result["baselineState"] = "new" if item.status == NEW else "unchanged"
        url = report.links.url(finding.file, finding.line) if report.links is not None else None
        if url:
            result["hostedViewerUri"] = url
            result["properties"]["url"] = url  # type: ignore[index]
        if finding.file:
            result["locations"] = [_location(finding)]
        if related := _related(finding):
            result["relatedLocations"] = related
        results.append(result)
    run: dict[str, object] = {
        "tool": {"driver": {
            "name": TOOL_NAME, "semanticVersion": TOOL_VERSION,
            "rules": [_rule(report, rule_id, by_rule[rule_id]) for rule_id in rule_ids],
        }},
        "automationDetails": {"id": f"{category}/{run_id or (report.commit or 'local')[:40]}"},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    if omitted:
        run["properties"] = {"resultsNotShown": omitted}
    if Path(report.target_path).is_absolute():  # lets a local SARIF viewer open the files; GitHub ignores it
        run["originalUriBaseIds"] = {"%SRCROOT%": {"uri": Path(report.target_path).as_uri().rstrip("/") + "/"}}
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render_sarif(report: ComplianceReport, run_id: str | None = None, category: str = CATEGORY) -> str:
    return json.dumps(sarif_document(report, run_id, category), indent=2, ensure_ascii=False) + "\n"


def write_sarif(report: ComplianceReport, report_dir: Path, run_id: str | None = None) -> Path:
    return write_report_file(report_dir, "compliance.sarif", render_sarif(report, run_id))
