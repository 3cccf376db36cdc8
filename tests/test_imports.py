"""The import rules: the untouched sample passes; each broken import fails at its file and line, nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest
from connector_compliance.checks.core.registry import all_rules
from connector_compliance.checks.facts.use_paths import resolver, use_entries
from connector_compliance.checks.target.repository import Repository

from .rule_runner import rules_named, run_rule
from .sample_copy import SAMPLE, copy_sample, edit, line_containing

IMPORT_RULES = [rule for rule in all_rules() if rule.startswith("imports.")]
MAIN = "crates/hyperswitch_connectors/src/connectors/samplepay.rs"
TRANSFORMERS = "crates/hyperswitch_connectors/src/connectors/samplepay/transformers.rs"
UTILS_USE = "    utils::{self, PaymentsSyncRequestData, RefundsRequestData, RouterData as OtherRouterData},"

# (rule, file, text replaced, replacement, text on the line the finding must point at)
CASES = [
    ("imports.resolve", MAIN, UTILS_USE,
     "    utils::{self, ExtTraits, PaymentsSyncRequestData, RefundsRequestData, RouterData as OtherRouterData},",
     "utils::{self, ExtTraits"),
    ("imports.resolve", MAIN, "        PaymentsCancelData, PaymentsCaptureData, PaymentsPreProcessingData,",
     "        PaymentsVoidData, PaymentsCaptureData, PaymentsPreProcessingData,", "PaymentsVoidData,"),
    ("imports.router-data", MAIN, UTILS_USE,
     "    utils::{self, PaymentsSyncRequestData, RefundsRequestData, RouterData},", "RefundsRequestData, RouterData}"),
    ("imports.router-data", TRANSFORMERS,
     "    router_data::{AccessToken, ConnectorAuthType, ErrorResponse, PaymentMethodToken, RouterData},",
     "    router_data::{AccessToken, ConnectorAuthType, ErrorResponse, PaymentMethodToken},",
     "    for RouterData<F, T, PaymentsResponseData>"),
    ("imports.base64-engine", MAIN, "use base64::Engine;\n", "", "BASE64_ENGINE.encode("),
    ("imports.refunds-request-data", MAIN, UTILS_USE,
     "    utils::{self, PaymentsSyncRequestData, RouterData as OtherRouterData},", "get_connector_refund_id()"),
]


def _findings(repo: Repository, rule: str) -> list:
    return [f for name in ("samplepay", "acme_pay") for f in run_rule(rule, repo, name)]


def test_untouched_sample_passes_every_import_rule() -> None:
    repo = Repository(SAMPLE)
    for name in ("samplepay", "acme_pay"):
        for rule in [*IMPORT_RULES, "pitfall-2"]:
            assert run_rule(rule, repo, name) == [], (name, rule)


def test_every_import_rule_has_a_failing_case() -> None:
    assert {case[0] for case in CASES} == set(IMPORT_RULES)


@pytest.mark.parametrize(("rule", "rel", "old", "new", "anchor"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_broken_import_fails_there(tmp_path: Path, rule: str, rel: str, old: str, new: str, anchor: str) -> None:
    root = copy_sample(tmp_path / "hs")
    edit(root, rel, old, new)
    repo = Repository(root)
    [finding] = _findings(repo, rule)
    assert (finding.rule, finding.file, finding.line) == (rule, rel, line_containing(root, rel, anchor))
    assert finding.hint
    # Exactly that rule fails; pitfall 2's scenario owns the three names it warns about, imports.feature the rest.
    for other in IMPORT_RULES:
        if other != rule:
            assert _findings(repo, other) == [], other
    owned_by_pitfall_2 = rule in {r.id for r in rules_named("pitfall-2")}
    assert run_rule("pitfall-2", repo, "samplepay") == ([finding] if owned_by_pitfall_2 else [])


def test_ext_traits_hint_points_to_common_utils(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "hs")
    edit(root, MAIN, UTILS_USE, UTILS_USE.replace("self,", "self, ExtTraits,"))
    [finding] = run_rule("imports.resolve", Repository(root), "samplepay")
    assert "ExtTraits" in finding.message and "crates/hyperswitch_connectors/src/utils.rs" in finding.message
    assert "common_utils::ext_traits" in finding.hint and "BytesExt" in finding.hint


def test_comments_and_aliases_do_not_count(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "hs")
    # A commented-out bad import, and an engine call in a comment and in a string, change nothing.
    edit(root, MAIN, "use base64::Engine;\n",
         "use base64::Engine;\n// use crate::utils::ExtTraits;\n/* BASE64_ENGINE.decode(x) */\n")
    edit(root, MAIN, "    fn id(&self) -> &'static str {\n        \"samplepay\"",
         "    fn id(&self) -> &'static str {\n        \"samplepay\" // req.request.get_connector_refund_id()")
    repo = Repository(root)
    for rule in IMPORT_RULES:
        assert run_rule(rule, repo, "samplepay") == [], rule


def test_helper_trait_imported_by_its_own_name_for_methods_only_is_fine(tmp_path: Path) -> None:
    # payone and stripe/connect do this upstream: the trait is in scope under its own name, the struct unused.
    root = copy_sample(tmp_path / "hs")
    rel = "crates/hyperswitch_connectors/src/connectors/acme_pay/transformers.rs"
    edit(root, rel, "    utils::PaymentsAuthorizeRequestData,",
         "    utils::{PaymentsAuthorizeRequestData, RouterData},")
    edit(root, rel, "    router_data::{ConnectorAuthType, RouterData},", "    router_data::ConnectorAuthType,")
    edit(root, rel, "for RouterData<F, T, PaymentsResponseData>",
         "for hyperswitch_domain_models::router_data::RouterData<F, T, PaymentsResponseData>")
    assert run_rule("imports.router-data", Repository(root), "acme_pay") == []


def test_reexports_and_macro_made_names_resolve(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "hs")
    # `types::RouterData` is a `pub use` of the struct; a macro-exported name lives at the crate root.
    edit(root, MAIN, "    router_data::{AccessToken, ConnectorAuthType, ErrorResponse, RouterData},",
         "    router_data::{AccessToken, ConnectorAuthType, ErrorResponse},\n    types::RouterData,")
    repo = Repository(root)
    assert run_rule("imports.resolve", repo, "samplepay") == []
    assert run_rule("imports.router-data", repo, "samplepay") == []


def test_use_tree_flattening() -> None:
    from ast_grep_py import SgRoot

    source = "use crate::{types::{A, B as C}, utils::{self, RouterData as _, *}};\npub use base64::Engine;\n"
    root = SgRoot(source, "rust").root()
    entries = [e for d in root.find_all(kind="use_declaration") for e in use_entries(d)]
    assert [(e.path, e.alias, e.glob, e.binding) for e in entries] == [
        (("crate", "types", "A"), None, False, "A"),
        (("crate", "types", "B"), "C", False, "C"),
        (("crate", "utils"), None, False, "utils"),
        (("crate", "utils", "RouterData"), "_", False, "_"),
        (("crate", "utils"), None, True, None),
        (("base64", "Engine"), None, False, "Engine"),
    ]
    assert [e.public for e in entries] == [False] * 5 + [True]


def test_resolver_follows_lib_rs_mods_and_reexports() -> None:
    repo = Repository(SAMPLE)
    res = resolver(repo)
    module = res.module_of_file(MAIN)
    assert module is not None
    found = res.resolve(module, ("hyperswitch_domain_models", "types", "RouterData"))
    assert found.kind == "item" and found.module is not None
    assert found.module.rel == "crates/hyperswitch_domain_models/src/router_data.rs"
    assert res.resolve(module, ("serde", "Serialize")).kind == "external"
    missing = res.resolve(module, ("crate", "utils", "ExtTraits"))
    assert missing.kind == "missing" and missing.missing_index == 2


def test_engine_call_inside_format_is_seen(tmp_path: Path) -> None:
    # Macro arguments are token trees to the parser; the rules re-parse them, so this call counts.
    root = copy_sample(tmp_path / "hs")
    edit(root, MAIN, "use base64::Engine;\n", "")
    edit(root, MAIN, '        let encoded = BASE64_ENGINE.encode(format!("{}:", auth.api_key.expose()));\n', "")
    edit(root, MAIN, 'format!("Basic {encoded}").into_masked(),',
         'format!(\n                "Basic {}",\n'
         '                BASE64_ENGINE.encode(format!("{}:", auth.api_key.expose()))\n'
         '            )\n            .into_masked(),')
    [finding] = run_rule("imports.base64-engine", Repository(root), "samplepay")
    assert finding.line == line_containing(root, MAIN, "BASE64_ENGINE.encode(")
