"""compliance.json is written by a faster encoder that must give exactly what `json.dumps(..., indent=2)` gives."""

from __future__ import annotations

import json
import math

import pytest
from connector_compliance.reports.json_report import dumps_indented, write_json

from .report_samples import baseline_report, failing_report, fleet_report, xss_report


@pytest.mark.parametrize("build", [failing_report, xss_report, baseline_report, lambda: fleet_report(12)])
def test_the_report_is_byte_for_byte_what_json_dumps_writes(build, tmp_path) -> None:
    report = build()
    assert dumps_indented(report.as_dict()) == json.dumps(report.as_dict(), indent=2)
    path = write_json(report, tmp_path)
    assert json.loads(path.read_text(encoding="utf-8")) == json.loads(json.dumps(report.as_dict()))


def test_every_json_value_and_key_kind_is_written_as_json_dumps_writes_it() -> None:
    value = {
        "text": 'quote " backslash \\ newline \n tab \t control \x01 non-ascii é — 😀',
        "numbers": [0, -1, 2**70, 1.5, -0.0, 1e100, math.inf, -math.inf, math.nan],
        "flags": [True, False, None],
        "empty": [[], {}, ()],
        "nested": {"a": [{"b": ({"c": []},)}]},
        1: "int key", 2.5: "float key", None: "none key",
    }
    assert dumps_indented(value) == json.dumps(value, indent=2)
    assert dumps_indented({False: "bool key"}) == json.dumps({False: "bool key"}, indent=2)


def test_what_json_cannot_write_is_an_error_as_with_json_dumps() -> None:
    with pytest.raises(TypeError):
        dumps_indented({"set": {1}})
    with pytest.raises(TypeError):
        dumps_indented({(1, 2): "tuple key"})
