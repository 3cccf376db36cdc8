"""The gate judges what a change introduces: small git histories of the sample, run as CI runs the gate
(`--changed-since <base> --no-cargo`), in-process."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from .git_history import History, add_newpay, remove, rewrap_pub_use_lists, sample_history
from .sample_copy import line_containing

pytestmark = pytest.mark.slow  # git histories and whole gate runs: end to end

HARNESS = Path(__file__).resolve().parent.parent
SAMPLEPAY_RS = "crates/hyperswitch_connectors/src/connectors/samplepay.rs"
SAMPLEPAY_TRANSFORMERS = "crates/hyperswitch_connectors/src/connectors/samplepay/transformers.rs"
ACME_TRANSFORMERS = "crates/hyperswitch_connectors/src/connectors/acme_pay/transformers.rs"
PRODUCTION_TOML = "crates/connector_configs/toml/production.toml"
# Guide pitfall 9 on samplepay: its ErrorResponse literal loses a field (an @error finding at `Ok(ErrorResponse {`).
DROP_FIELD = (SAMPLEPAY_RS, "            connector_response_reference_id: None,\n            network_advice_code",
              "            network_advice_code")
RESTORE_FIELD = (SAMPLEPAY_RS, DROP_FIELD[2], DROP_FIELD[1])
STUB_CAPTURE_URL = (SAMPLEPAY_RS, '        Ok(format!(\n            "{}v1/payments/{}/capture",\n'
                    "            self.base_url(connectors),\n"
                    "            req.request.connector_transaction_id\n        ))",
                    '        Err(errors::ConnectorError::NotImplemented("get_url method".to_string()).into())')
IMPLEMENT_CAPTURE = (SAMPLEPAY_RS, STUB_CAPTURE_URL[2], STUB_CAPTURE_URL[1])
# Guide pitfall 1: a Void impl keyed with the capture types still builds a request (a "flawed" cancel flow).
FLAW_VOID = (SAMPLEPAY_RS, "impl api::ConnectorIntegration<Void, PaymentsCancelData, PaymentsResponseData> for",
             "impl api::ConnectorIntegration<Void, PaymentsCaptureData, PaymentsResponseData> for")
VOID_REQUEST = ("        Ok(Some(\n            RequestBuilder::new()\n                .method(Method::Post)\n"
                "                .url(&types::PaymentsVoidType::get_url(self, req, connectors)?)\n"
                "                .attach_default_headers()\n"
                "                .headers(types::PaymentsVoidType::get_headers(self, req, connectors)?)\n"
                "                .set_body(types::PaymentsVoidType::get_request_body(\n"
                "                    self, req, connectors,\n                )?)\n"
                "                .build(),\n        ))")
STUB_VOID = (SAMPLEPAY_RS, VOID_REQUEST, "        let _ = (req, connectors);\n        Ok(None)")
DUPLICATE_KEY = (PRODUCTION_TOML, '[samplepay.connector_auth.HeaderKey]\napi_key="API Key"',
                 '[samplepay.connector_auth.HeaderKey]\napi_key="API Key"\napi_key="Secret Key"')


class Gate:
    """One run of the gate: its exit code, compliance.json, summary.md and SARIF."""

    def __init__(self, code: int, report_dir: Path, output: str) -> None:
        self.code = code
        self.output = output
        self.report: dict[str, Any] = json.loads((report_dir / "compliance.json").read_text())
        self.summary = (report_dir / "summary.md").read_text()
        self.sarif = json.loads((report_dir / "compliance.sarif").read_text())

    def connectors(self) -> list[str]:
        return [c["name"] for c in self.report["connectors"]]

    def connector(self, name: str) -> dict[str, Any]:
        [found] = [c for c in self.report["connectors"] if c["name"] == name]
        return found

    def findings(self, name: str) -> list[dict[str, Any]]:
        return [f for s in self.connector(name)["scenarios"] for f in s["findings"]]

    def fixed(self, name: str) -> list[dict[str, Any]]:
        return [f for s in self.connector(name)["scenarios"] for f in s.get("fixed", [])]


def gate(pytester: pytest.Pytester, history: History, *args: str) -> Gate:
    report_dir = history.root.parent / f"report-{len(list(history.root.parent.glob('report-*')))}"
    result = pytester.runpytest_inprocess(str(HARNESS / "features"), "--hs-repo", str(history.root), "--no-cargo",
                                          "--report-dir", str(report_dir), "-p", "no:randomly", *args)
    return Gate(int(result.ret), report_dir, "\n".join(result.outlines))


@pytest.fixture
def history(tmp_path: Path) -> History:
    return sample_history(tmp_path / "hs")


Edit = tuple[str, str, str]  # (file, old text, new text)


def judge(pytester: pytest.Pytester, history: History, before: tuple[Edit, ...], change: tuple[Edit, ...],
          *args: str) -> Gate:
    """Commit `before` on the sample as the base (none: the sample itself), then `change` on top; run the gate
    with `--changed-since <base>` as CI does."""
    for edit in before:
        history.edit(*edit)
    base = history.commit("base") if before else history.git("rev-parse", "HEAD")
    for edit in change:
        history.edit(*edit)
    history.commit("the change")
    return gate(pytester, history, "--changed-since", base, *args)


def test_template_code_with_rewrapped_neighbours_selects_exactly_the_new_connector(
        pytester: pytest.Pytester, history: History) -> None:
    base = history.git("rev-parse", "HEAD")
    add_newpay(history)
    history.commit("newpay: template code")
    run = gate(pytester, history, "--changed-since", base)
    assert run.connectors() == ["newpay"], run.output  # acme_pay and samplepay share its re-wrapped lines
    why = run.connector("newpay")["why"]
    assert "own file changed: crates/hyperswitch_connectors/src/connectors/newpay.rs" in why
    assert "added to enum Connector" in why and "base_url added in config/development.toml" in why
    assert "added to the use declarations of crates/hyperswitch_connectors/src/connectors.rs" in why
    assert run.code == 0, run.output
    assert "Why selected:" in (history.root.parent / "report-0" / "compliance.html").read_text()
    assert "5 own files changed; added to" in run.summary


def test_a_reformat_only_change_of_a_registration_list_selects_nobody(pytester: pytest.Pytester,
                                                                      history: History) -> None:
    base = history.git("rev-parse", "HEAD")
    rewrap_pub_use_lists(history)
    history.commit("rustfmt")
    run = gate(pytester, history, "--changed-since", base)
    assert run.connectors() == [] and run.code == 0, run.output
    assert run.report["baseline"]["changed_files"] == 2
    assert [s["outcome"] for s in run.report["run_scenarios"]] == ["passed", "passed"]  # run level still judged


def test_a_fix_to_a_connector_with_a_pre_existing_failure_is_green(pytester: pytest.Pytester,
                                                                   history: History) -> None:
    run = judge(pytester, history, (DROP_FIELD,), ((SAMPLEPAY_TRANSFORMERS, "pub struct SamplepayAuthType {",
                                                     "// reviewed\npub struct SamplepayAuthType {"),))
    assert run.connectors() == ["samplepay"]
    assert run.code == 0, run.output
    [finding] = run.findings("samplepay")
    assert finding["rule"] == "pitfall-9" and finding["status"] == "pre-existing"
    [scenario] = [s for s in run.connector("samplepay")["scenarios"] if s["findings"]]
    assert scenario["outcome"] == "pre-existing"
    assert "Pre-existing: 1 finding(s) already in the base tree" in run.summary
    assert "No new failing check. ✅" in run.summary
    assert [r["baselineState"] for r in run.sarif["runs"][0]["results"]] == ["unchanged"]


def test_a_change_that_introduces_an_error_is_red_and_marks_it_new(pytester: pytest.Pytester,
                                                                   history: History) -> None:
    run = judge(pytester, history, (), (DROP_FIELD,))
    assert run.code == 1, run.output
    [finding] = run.findings("samplepay")
    assert finding["status"] == "new" and finding["line"] == line_containing(history.root, SAMPLEPAY_RS,
                                                                            "Ok(ErrorResponse {")
    summary = run.summary
    assert summary.startswith("## connector-compliance: ❌ FAILED")
    assert summary.index("### New findings (1)") < summary.index("### Connectors")
    assert f"`{SAMPLEPAY_RS}:{finding['line']}`" in summary


def test_a_change_that_fixes_an_error_is_green_and_marks_it_fixed(pytester: pytest.Pytester,
                                                                  history: History) -> None:
    run = judge(pytester, history, (DROP_FIELD,), (RESTORE_FIELD,))
    assert run.code == 0, run.output
    assert run.findings("samplepay") == []
    [fixed] = run.fixed("samplepay")
    assert fixed["rule"] == "pitfall-9" and fixed["status"] == "fixed"
    assert "### Fixed (1)" in run.summary


def test_a_flow_regression_from_implemented_to_stub_is_red(pytester: pytest.Pytester, history: History) -> None:
    run = judge(pytester, history, (), (STUB_CAPTURE_URL,))
    assert run.code == 1, run.output
    statuses = {f["rule"]: f["status"] for f in run.findings("samplepay")}
    # the flow, and the GRACE plan that ticks it done (a preparation rule): both new
    assert statuses == {"flow-feature.capture": "new", "preparation.plan-claims": "new"}
    assert {"flow": "capture", "before": "implemented", "after": "stub"} in run.connector("samplepay")["flow_deltas"]
    assert "capture: implemented → **stub** (regression)" in run.summary


def test_a_flow_newly_implemented_is_progress(pytester: pytest.Pytester, history: History) -> None:
    run = judge(pytester, history, (STUB_CAPTURE_URL,), (IMPLEMENT_CAPTURE,))
    assert run.code == 0, run.output
    assert run.connector("samplepay")["flow_deltas"] == [{"flow": "capture", "before": "stub",
                                                          "after": "implemented"}]
    assert "### Progress" in run.summary and "capture: stub → **implemented**" in run.summary


def test_a_stub_flow_that_was_a_stub_before_is_pre_existing(pytester: pytest.Pytester, history: History) -> None:
    run = judge(pytester, history, (STUB_CAPTURE_URL,), ((SAMPLEPAY_TRANSFORMERS, "pub struct SamplepayAuthType {",
                                                           "// reviewed\npub struct SamplepayAuthType {"),))
    assert run.code == 0, run.output
    statuses = {f["rule"]: f["status"] for f in run.findings("samplepay")}
    assert statuses == {"flow-feature.capture": "pre-existing", "preparation.plan-claims": "pre-existing"}


def test_a_flawed_flow_that_stops_sending_requests_is_a_new_regression(pytester: pytest.Pytester,
                                                                      history: History) -> None:
    """A flawed flow (pitfall 1 on its Void impl) still sent a request at the base: the change that makes it a stub
    regresses it, so the flow's finding is new; the pitfall the base already had stays pre-existing."""
    run = judge(pytester, history, (FLAW_VOID,), (STUB_VOID,))
    statuses = {f["rule"]: f["status"] for f in run.findings("samplepay")}
    assert statuses.get("flow-feature.cancel") == "new", statuses
    assert statuses.get("pitfall-1") == "pre-existing", statuses
    assert {"flow": "cancel", "before": "flawed", "after": "stub"} in run.connector("samplepay")["flow_deltas"]


def test_a_shared_toml_made_unparsable_is_red_once_at_run_level(pytester: pytest.Pytester,
                                                                history: History) -> None:
    run = judge(pytester, history, (), (DUPLICATE_KEY,), "--connector", "acme_pay", "--connector", "samplepay")
    assert run.code == 1, run.output
    [finding] = run.report["run_findings"]
    assert finding["rule"] == "registration.embedded-toml-parses" and finding["status"] == "new"
    assert finding["severity"] == "error" and finding["file"] == PRODUCTION_TOML
    assert all(f["rule"] != finding["rule"] for c in run.connectors() for f in run.findings(c))  # not per connector
    results = [r for r in run.sarif["runs"][0]["results"] if r["ruleId"] == finding["rule"]]
    assert len(results) == 1 and results[0]["properties"]["connector"] is None
    assert run.summary.count("is not valid TOML") == 1 and "*run level*" in run.summary


def test_a_shared_toml_change_alone_selects_no_connector_but_is_judged(pytester: pytest.Pytester,
                                                                       history: History) -> None:
    run = judge(pytester, history, (), ((PRODUCTION_TOML, '[samplepay.connector_auth.HeaderKey]\napi_key="API Key"',
                                         '[samplepay.connector_auth.HeaderKey]\napi_key="API Key"\n\n[dup]\n'
                                         'name = "a"\nname = "b"'),))
    assert run.connectors() == [] and run.code == 1, run.output
    assert [f["status"] for f in run.report["run_findings"]] == ["new"]


def test_a_finding_moved_by_40_lines_stays_pre_existing(pytester: pytest.Pytester, history: History) -> None:
    before = line_containing(history.root, SAMPLEPAY_RS, "Ok(ErrorResponse {")
    run = judge(pytester, history, (DROP_FIELD,),
                ((SAMPLEPAY_RS, "impl Samplepay {", "// moved\n" * 40 + "impl Samplepay {"),))
    [finding] = run.findings("samplepay")
    assert finding["line"] == before + 40
    assert finding["status"] == "pre-existing" and run.fixed("samplepay") == []
    assert run.code == 0, run.output


def test_baseline_without_narrowing_the_selection(pytester: pytest.Pytester, history: History) -> None:
    history.edit(*DROP_FIELD)
    base = history.commit("samplepay with a pitfall 9 finding")
    history.edit(ACME_TRANSFORMERS, "pub struct AcmePayAuthType {", "// reviewed\npub struct AcmePayAuthType {")
    history.commit("acme_pay only")
    run = gate(pytester, history, "--baseline", base, "--connector", "samplepay", "--connector", "acme_pay")
    assert run.connectors() == ["samplepay", "acme_pay"] and run.code == 0, run.output
    assert [f["status"] for f in run.findings("samplepay")] == ["pre-existing"]
    assert run.report["baseline"]["option"] == "--baseline"


def test_findings_link_to_the_blob_at_the_commit(pytester: pytest.Pytester, history: History,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    base = history.git("rev-parse", "HEAD")
    history.edit(*DROP_FIELD)
    head = history.commit("samplepay: drop a field")
    for name in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"):
        monkeypatch.delenv(name, raising=False)
    template = "https://forge.example/hs/blob/{commit}/{path}#L{line}"
    run = gate(pytester, history, "--changed-since", base, "--source-url", template)
    [finding] = run.findings("samplepay")
    url = f"https://forge.example/hs/blob/{head}/{SAMPLEPAY_RS}#L{finding['line']}"
    assert finding["url"] == url
    assert f"]({url})" in run.summary
    assert run.sarif["runs"][0]["results"][0]["hostedViewerUri"] == url
    html = (history.root.parent / "report-0" / "compliance.html").read_text()
    assert f'href="{url}"' in html
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    monkeypatch.setenv("GITHUB_REPOSITORY", "o/hs")
    monkeypatch.setenv("GITHUB_SHA", "f" * 40)
    run = gate(pytester, history, "--changed-since", base)
    assert run.findings("samplepay")[0]["url"] == f"https://github.com/o/hs/blob/{'f' * 40}/{SAMPLEPAY_RS}" \
                                                  f"#L{finding['line']}"


@pytest.mark.parametrize(("args", "message"), [
    (("--changed-since", "origin/nope"), "unknown revision"),
    (("--changed-since=--output=/tmp/x",), "is not a revision"),
    (("--changed-since", "HEAD", "--baseline", "HEAD"), "drop --baseline"),
    (("--changed-since", "HEAD", "--all-connectors"), "drop --all-connectors"),
    (("--baseline", "HEAD", "--source-url", "ftp://x/{path}"), "--source-url"),
])
def test_bad_input_is_one_line_and_exit_2(pytester: pytest.Pytester, history: History, args: tuple[str, ...],
                                          message: str) -> None:
    result = pytester.runpytest_inprocess(str(HARNESS / "features"), "--hs-repo", str(history.root), "--no-cargo",
                                          "--report-dir", str(history.root.parent / "r"), *args)
    assert int(result.ret) == 2
    assert message in "\n".join(result.outlines + result.errlines)
    assert not (history.root.parent / "r").exists()


def test_a_removed_shared_file_is_one_run_level_finding_then_an_absent_point(pytester: pytest.Pytester,
                                                                              history: History) -> None:
    base = history.git("rev-parse", "HEAD")
    mapping = "crates/router/src/types/api/connector_mapping.rs"
    remove(history, mapping)
    history.commit("connector_mapping.rs is gone")
    both = ("--connector", "samplepay", "--connector", "acme_pay")
    run = gate(pytester, history, "--changed-since", base, *both)
    assert run.code == 1, run.output
    [finding] = run.report["run_findings"]
    assert (finding["rule"], finding["file"], finding["status"]) == ("registration.connector-mapping", mapping, "new")
    assert all(f["file"] != mapping for name in run.connectors() for f in run.findings(name))
    later = history.git("rev-parse", "HEAD")
    history.edit(ACME_TRANSFORMERS, "pub struct AcmePayAuthType {", "// reviewed\npub struct AcmePayAuthType {")
    history.commit("acme_pay only")
    run = gate(pytester, history, "--changed-since", later, *both)
    assert run.code == 0, run.output
    # Absent at the base too: like a layout that never had the point, nothing to register there (skipped).
    assert all(f["rule"] != "registration.connector-mapping" for f in run.report["run_findings"])


def test_a_missing_shared_file_is_never_fixed_per_connector(pytester: pytest.Pytester, history: History) -> None:
    remove(history, "crates/router/src/types/api/connector_mapping.rs")
    base = history.commit("connector_mapping.rs is gone")
    history.edit(ACME_TRANSFORMERS, "pub struct AcmePayAuthType {", "// reviewed\npub struct AcmePayAuthType {")
    history.commit("acme_pay only")
    run = gate(pytester, history, "--changed-since", base)
    assert run.connectors() == ["acme_pay"] and run.code == 0, run.output
    assert run.fixed("acme_pay") == [] and all(f["status"] == "pre-existing" for f in run.findings("acme_pay"))
    assert all(f["rule"] != "registration.connector-mapping" for f in run.findings("acme_pay"))
    assert all(f["rule"] != "registration.connector-mapping" for f in run.report["run_findings"])
