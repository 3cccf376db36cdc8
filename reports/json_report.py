"""`compliance.json`: the machine-readable report (schema `connector-compliance/1`)."""

from __future__ import annotations

from json.encoder import encode_basestring_ascii as _text  # the C encoder json.dumps uses for strings
from pathlib import Path

from .model import ComplianceReport
from .output_file import write_report_file


def write_json(report: ComplianceReport, report_dir: Path) -> Path:
    return write_report_file(report_dir, "compliance.json", dumps_indented(report.as_dict()) + "\n")


def dumps_indented(value: object) -> str:
    """Exactly `json.dumps(value, indent=2)`, twice as fast: with an indent, the standard library encodes in pure
    Python through generators, and a whole real tree's report is 8 MB of mostly passed scenarios."""
    out: list[str] = []
    _encode(value, out, "\n")
    return "".join(out)


def _encode(value: object, out: list[str], newline: str) -> None:
    if isinstance(value, str):
        out.append(_text(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner, opening = newline + "  ", "{"
        for key, item in value.items():
            out.append(opening + inner + _text(key if isinstance(key, str) else _scalar(key, key=True)) + ": ")
            opening = ","
            _encode(item, out, inner)
        out.append(newline + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner, opening = newline + "  ", "["
        for item in value:
            out.append(opening + inner)
            opening = ","
            _encode(item, out, inner)
        out.append(newline + "]")
    else:
        out.append(_scalar(value))


def _scalar(value: object, key: bool = False) -> str:
    """None, booleans and numbers as json.dumps writes them (as values, or as keys)."""
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        if value != value:
            return "NaN"
        if value in (float("inf"), float("-inf")):
            return "Infinity" if value > 0 else "-Infinity"
        return float.__repr__(value)
    what = "keys must be str, int, float, bool or None" if key else "Object of type"
    raise TypeError(f"{what} {type(value).__name__}" + ("" if key else " is not JSON serializable"))
