"""rustc's JSON diagnostics, their attribution to a connector, the pitfall hints, and libtest's report (no cargo)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from connector_compliance.checks.cargo.diagnostics import (
    Diagnostic,
    Span,
    diagnostic,
    diagnostics,
    own_errors,
    registration_errors,
)
from connector_compliance.checks.cargo.libtest import parse_libtest
from connector_compliance.checks.rules.build._cargo_findings import guide_hint

MAIN = "crates/hyperswitch_connectors/src/connectors/samplepay.rs"
TRANSFORMERS = "crates/hyperswitch_connectors/src/connectors/samplepay/transformers.rs"
DEFAULTS = "crates/hyperswitch_connectors/src/default_implementations.rs"
MAPPING = "crates/router/src/types/api/connector_mapping.rs"


def span(file: str, line: int, column: int = 5, label: str | None = None, primary: bool = True,
         expansion: dict[str, object] | None = None) -> dict[str, object]:
    return {"file_name": file, "line_start": line, "line_end": line, "column_start": column, "column_end": column + 3,
            "is_primary": primary, "label": label, "expansion": expansion, "text": []}


def message(code: str | None, text: str, spans: list[dict[str, object]], level: str = "error",
            children: list[dict[str, object]] | None = None) -> str:
    return json.dumps({"reason": "compiler-message", "package_id": "x", "message": {
        "$message_type": "diagnostic", "level": level, "message": text,
        "code": {"code": code, "explanation": None} if code else None, "spans": spans,
        "children": children or [], "rendered": f"{level}: {text}\n"}})


def at(item: Diagnostic) -> Span:
    assert item.primary is not None
    return item.primary


def one(line: str) -> Diagnostic:
    item = diagnostic(json.loads(line))
    assert item is not None
    return item


def test_primary_span_is_the_location_and_summaries_are_dropped() -> None:
    lines = [
        '{"reason":"compiler-artifact","target":{"name":"cards"}}',
        message("E0308", "mismatched types", [span(TRANSFORMERS, 337, 24, "expected `String`, found integer"),
                                              span(TRANSFORMERS, 330, 1, "expected due to this", primary=False)]),
        message(None, "aborting due to 1 previous error", []),
        message("unused_variables", "unused variable: `x`", [span(MAIN, 3)], level="warning"),
        "running 0 tests",
    ]
    [error] = diagnostics(lines)
    assert (error.code, at(error).file, at(error).line, at(error).column) == ("E0308", TRANSFORMERS, 337, 24)
    assert error.summary() == "E0308 mismatched types: expected `String`, found integer"
    assert [d.code for d in diagnostics(lines, levels=("warning",))] == ["unused_variables"]


def test_duplicates_from_several_targets_are_reported_once() -> None:
    line = message("E0599", "no method named `x`", [span(MAIN, 10)])
    assert len(diagnostics([line, line])) == 1


def test_macro_spans_are_followed_to_the_invocation() -> None:
    invocation: dict[str, object] = {"span": span(DEFAULTS, 212, 1), "macro_decl_name": "default_imp_for_reject!"}
    item = one(message("E0119", "conflicting implementations of trait `PaymentReject` for type `Samplepay`",
                       [span(DEFAULTS, 205, 13, "conflicting implementation", expansion=invocation),
                        span(MAIN, 83, 1, "first implementation here", primary=False)]))
    assert (at(item).file, at(item).line) == (DEFAULTS, 212)


def test_absolute_paths_inside_the_workspace_become_relative(tmp_path: Path) -> None:
    [item] = diagnostics([message("E0308", "mismatched types", [span(str(tmp_path / MAIN), 5)])], tmp_path)
    assert at(item).file == MAIN


def test_own_errors_take_primary_spans_and_shared_code_clashing_with_the_connector() -> None:
    items = diagnostics([
        message("E0308", "mismatched types", [span(TRANSFORMERS, 10)]),
        message("E0119", "conflicting implementations of trait `PaymentReject` for type `samplepay::Samplepay`",
                [span(DEFAULTS, 205, 13), span(MAIN, 83, 1, "first implementation here", primary=False)]),
        message("E0308", "mismatched types", [span("crates/hyperswitch_connectors/src/connectors/acme_pay.rs", 7)]),
        message("E0308", "mismatched types", [span("crates/hyperswitch_connectors/src/connectors/samplepay2.rs", 7)]),
    ])
    located = [(a.span.file, a.span.line) for a in own_errors(items, "samplepay")]
    assert located == [(TRANSFORMERS, 10), (MAIN, 83)]


def test_registration_errors_name_the_connector_at_a_registration_file() -> None:
    items = diagnostics([
        message("E0004", "non-exhaustive patterns: `common_enums::Connector::Samplepay` not covered",
                [span(MAPPING, 32, 31, "pattern `common_enums::Connector::Samplepay` not covered")]),
        message("E0004", "non-exhaustive patterns: `common_enums::Connector::AcmePay` not covered",
                [span(MAPPING, 32, 31)]),
        message("E0308", "mismatched types: Samplepay", [span("crates/router/src/lib.rs", 3)]),
    ])
    [found] = registration_errors(items, "samplepay", "Samplepay")
    assert (found.span.file, found.span.line, found.diagnostic.code) == (MAPPING, 32, "E0004")
    assert registration_errors(items, "acme_pay", "AcmePay")[0].diagnostic.message.endswith("AcmePay` not covered")


@pytest.mark.parametrize(("code", "text", "labels", "children", "pitfall"), [
    ("E0063", "missing field `connector_metadata` in initializer of `ErrorResponse`", [], [], "pitfall-9"),
    ("E0063", "missing fields `a`, `b` and 2 other fields in initializer of "
              "`hyperswitch_domain_models::router_data::ErrorResponse`", [], [], "pitfall-9"),
    ("E0599", "no method named `get_optional_ip` found for struct `PaymentsAuthorizeData` in the current scope",
     [], [], "pitfall-6"),
    ("E0308", "mismatched types", ["expected `Secret<String>`, found `CardNumber`"], [], "pitfall-5"),
    ("E0053", "method `get_headers` has an incompatible type for trait",
     ["expected `PaymentsCaptureData`, found `PaymentsCancelData`"], [], "pitfall-1"),
    ("E0277", "the trait bound `Samplepay: ConnectorIntegration<Void, PaymentsCancelData, PaymentsResponseData>` "
              "is not satisfied", [], ["`Samplepay` implements `ConnectorIntegration<Void, PaymentsCaptureData, "
                                       "PaymentsResponseData>`"], "pitfall-1"),
    ("E0119", "conflicting implementations of trait `PaymentReject` for type `Samplepay`", [], [], "pitfall-3"),
    ("E0277", "the trait bound `Samplepay: PaymentAuthorizeSessionToken` is not satisfied", [], [], "pitfall-3"),
    ("E0609", "no field `samplepay` on type `&Connectors`", [], [], "pitfall-8"),
    ("E0308", "mismatched types", ["expected `Option<String>`, found `Option<CustomerId>`"], [], "pitfall-7"),
    ("E0308", "mismatched types", ["expected `StringMinorUnit`, found `MinorUnit`"], [], "pitfall-4"),
    ("E0433", "failed to resolve: could not find `ExtTraits` in `utils`", [], [], "pitfall-2"),
    ("E0432", "unresolved import `masking`", [], [], "pitfall-2"),
    ("E0308", "mismatched types", ["expected `String`, found integer"], [], None),
    ("E0599", "no method named `get_card_isin` found for struct `Secret<T, S>`", [], [], "pitfall-5"),
    ("E0599", "no method named `peek` found for struct `CardNumber`", [], [], None),
])
def test_pitfall_hints(code: str, text: str, labels: list[str], children: list[str], pitfall: str | None) -> None:
    spans = [span(MAIN, 1, label=labels[0] if labels else None)]
    item = one(message(code, text, spans, children=[{"level": "help", "message": c, "spans": []} for c in children]))
    hint, tag = guide_hint(item)
    assert tag == pitfall
    if pitfall is not None:
        assert hint.startswith(f"guide pitfall {pitfall.split('-')[1]} (")


def test_without_a_pitfall_the_hint_is_rustcs_own_help() -> None:
    item = one(message("E0308", "mismatched types", [span(MAIN, 1)],
                       children=[{"level": "help", "message": "try using a conversion method", "spans": []}]))
    assert guide_hint(item) == ("try using a conversion method", None)


LIBTEST = """\
{"reason":"compiler-artifact","target":{"name":"hyperswitch_connectors"}}
     Running unittests src/lib.rs (target/debug/deps/hyperswitch_connectors-1)

running 3 tests
test connectors::samplepay::transformers::tests::skipped ... ignored
test connectors::samplepay::transformers::tests::passes ... ok
test connectors::samplepay::transformers::tests::fails ... FAILED

failures:

---- connectors::samplepay::transformers::tests::fails stdout ----

thread 'connectors::samplepay::transformers::tests::fails' panicked at \
crates/hyperswitch_connectors/src/connectors/samplepay/transformers.rs:651:9:
assertion `left == right` failed: arithmetic
  left: 2
 right: 3
note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace


failures:
    connectors::samplepay::transformers::tests::fails

test result: FAILED. 1 passed; 1 failed; 1 ignored; 0 measured; 4 filtered out; finished in 0.00s

   Doc-tests hyperswitch_connectors

running 0 tests

test result: ok. 0 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s
"""


def test_libtest_counts_outcomes_and_panic_locations() -> None:
    report = parse_libtest(LIBTEST.splitlines())
    assert report.counts() == {"passed": 1, "failed": 1, "ignored": 1, "filtered_out": 4}
    assert report.binaries == 2
    assert report.outcomes["connectors::samplepay::transformers::tests::skipped"] == "ignored"
    [failure] = report.failures.values()
    assert (failure.file, failure.line, failure.column) == (TRANSFORMERS, 651, 9)
    assert failure.message() == "assertion `left == right` failed: arithmetic"


def test_libtest_old_panic_format_and_a_test_without_location() -> None:
    lines = ["test a::b ... FAILED", "test c ... FAILED", "", "failures:", "", "---- a::b stdout ----",
             "thread 'a::b' panicked at 'boom', crates/x/src/lib.rs:4:5", "", "---- c stdout ----",
             "Error: \"no request built\"", "", "failures:", "    a::b", "    c",
             "test result: FAILED. 0 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s"]
    report = parse_libtest(lines)
    assert (report.failures["a::b"].file, report.failures["a::b"].line) == ("crates/x/src/lib.rs", 4)
    assert report.failures["c"].file is None
    assert report.failures["c"].message() == 'Error: "no request built"'
