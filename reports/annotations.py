"""GitHub Actions annotations (`::error file=…,line=…::`) for the findings of failed scenarios; with a baseline,
only the new ones (a PR is annotated with what it introduced, not with what it inherited).

GitHub keeps 10 error and 10 warning annotations per step (50 per job) and drops the rest silently, so this emits
at most 10 of each, errors first, and then one `::notice::` that says how many more are in the SARIF and HTML.
"""

from __future__ import annotations

from collections.abc import Mapping

from .model import NEW, ComplianceReport
from .sections import column_of, judged_findings

MAX_PER_LEVEL = 10


def escape_data(text: str) -> str:
    """A workflow command's message (tooling_notes §3.5)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: the message escapes, plus `:` and `,`."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(level: str, properties: dict[str, str], message: str) -> str:
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items() if value)
    return f"::{level} {props}::{escape_data(message)}" if props else f"::{level}::{escape_data(message)}"


def render_annotations(report: ComplianceReport, prefix: str = "", limit: int = MAX_PER_LEVEL) -> list[str]:
    """One `::error`/`::warning` line per failing finding (errors first, at most `limit` of each level), paths
    relative to the target root behind `prefix` (the target's folder in the GitHub workspace, e.g. `hyperswitch/`),
    then a `::notice::` when some were left out."""
    if prefix and not prefix.endswith("/"):
        prefix += "/"
    lines: list[str] = []
    emitted = {"error": 0, "warning": 0}
    left_out = {"error": 0, "warning": 0}
    for item in judged_findings(report, (NEW,)):
        level = item.severity
        if emitted[level] >= limit:
            left_out[level] += 1
            continue
        emitted[level] += 1
        finding = item.finding
        properties = {"title": f"{item.owner}: {item.result.scenario} [{finding.rule}]"}
        message = f"{finding.message}\nFix: {finding.hint}" if finding.hint else finding.message
        if finding.file.startswith("/"):  # outside the checkout (cargo's registry): GitHub cannot place it
            message = f"{finding.file}:{finding.line}: {message}"
        elif finding.file:
            properties = {"file": prefix + finding.file, "line": str(max(1, finding.line)),
                          **({"col": str(col)} if (col := column_of(finding)) else {}), **properties}
        lines.append(_command(level, properties, message))
    if left_out["error"] or left_out["warning"]:
        parts = [f"{n} more {level}{'s' if n != 1 else ''}" for level, n in left_out.items() if n]
        lines.append(_command("notice", {"title": "connector-compliance"},
                              f"{' and '.join(parts)} not annotated (GitHub shows {limit} of each per step); "
                              "every finding is in compliance.sarif, compliance.html and summary.md"))
    return lines


def github_annotations(report: ComplianceReport, env: Mapping[str, str], prefix: str = "") -> list[str]:
    """The annotation lines to print, only when running in GitHub Actions (`GITHUB_ACTIONS=true`)."""
    if env.get("GITHUB_ACTIONS", "").lower() != "true":
        return []
    return render_annotations(report, prefix)
