"""Each registration point: the untouched sample passes; removing exactly that entry fails at the right place."""

from __future__ import annotations

from pathlib import Path

import pytest
from connector_compliance.checks.core.registry import all_rules
from connector_compliance.checks.facts.guide_drift import guide_drift_notes
from connector_compliance.checks.target.repository import Repository

from .rule_runner import run_rule
from .sample_copy import SAMPLE, copy_sample, edit, line_containing

REGISTRATION_RULES = [rule for rule in all_rules() if rule.startswith("registration.")] + ["scaffolding.module"]

V2_REFUND = "default_imp_for_new_connector_integration_refund"
# (rule, file, text removed, replacement, text on the line the finding must point at)
CASES = [
    ("scaffolding.module", "crates/hyperswitch_connectors/src/connectors.rs",
     "samplepay::Samplepay", "", "pub mod samplepay;"),
    ("registration.router-reexport", "crates/router/src/connector.rs",
     "samplepay, samplepay::Samplepay,", "", "pub use hyperswitch_connectors::connectors"),
    ("registration.connectors-struct", "crates/hyperswitch_domain_models/src/connector_endpoints.rs",
     "    pub samplepay: ConnectorParams,\n", "", "pub struct Connectors"),
    ("registration.base-url", "config/deployments/sandbox.toml",
     'samplepay.base_url = "https://api.samplepay.test/"\n', "", "[connectors]"),
    ("registration.connector-enum", "crates/common_enums/src/connector_enums.rs",
     "    Cardinal,\n    Samplepay,\n", "    Cardinal,\n", "pub enum Connector"),
    ("registration.connector-enum", "crates/common_enums/src/connector_enums.rs",
     "            | Self::Cardinal\n            | Self::Samplepay => false,", "            | Self::Cardinal => false,",
     "fn is_separate_authentication_supported"),
    ("registration.routable-connectors", "crates/euclid/src/enums.rs",
     "            Connector::Samplepay => Ok(Self::Samplepay),\n", "",
     "impl TryFrom<Connector> for RoutableConnectors"),
    ("registration.routable-connectors", "crates/euclid/src/enums.rs",
     "            RoutableConnectors::Samplepay => Self::Samplepay,\n", "",
     "impl From<RoutableConnectors> for Connector"),
    ("registration.connector-transformers", "crates/router/src/types/connector_transformers.rs",
     "            api_enums::Connector::Samplepay => Self::Samplepay,\n", "", "impl ForeignTryFrom"),
    ("registration.auth-validation", "crates/router/src/core/connector_validation.rs",
     "api_enums::Connector::Samplepay =>", "api_enums::Connector::Cardinal | api_enums::Connector::Stripe =>",
     "fn validate_auth_and_metadata_type_with_connector"),
    ("registration.connector-mapping", "crates/router/src/types/api/connector_mapping.rs",
     "enums::Connector::Samplepay =>", "enums::Connector::Cardinal | enums::Connector::Stripe =>",
     "fn convert_connector"),
    ("registration.feature-matrix", "crates/router/src/types/api/feature_matrix.rs",
     "enums::Connector::Samplepay =>", "enums::Connector::Cardinal | enums::Connector::Stripe =>",
     "fn convert_connector"),
    ("registration.connector-configs", "crates/connector_configs/src/connector.rs",
     "            Connector::Samplepay => Ok(connector_data.samplepay),\n", "", "fn get_connector_config"),
    ("registration.default-impls", "crates/hyperswitch_connectors/src/default_implementations.rs",
     "default_imp_for_complete_authorize!(\n    connectors::AcmePay,\n    connectors::Samplepay\n);",
     "default_imp_for_complete_authorize!(\n    connectors::AcmePay\n);", "default_imp_for_complete_authorize!("),
    ("registration.v2-defaults", "crates/hyperswitch_connectors/src/default_implementations_v2.rs",
     "    connectors::AcmePay,\n    connectors::Samplepay\n);\n\nmacro_rules! " + V2_REFUND,
     "    connectors::AcmePay\n);\n\nmacro_rules! " + V2_REFUND,
     "default_imp_for_new_connector_integration_payment!("),
    ("registration.connector-configs-toml", "crates/connector_configs/toml/sandbox.toml",
     "[samplepay.connector_auth.HeaderKey]", "[samplepay.metadata]", "[samplepay]"),
    ("registration.test-module", "crates/router/tests/connectors/main.rs", "mod samplepay;\n", "", "mod utils;"),
    ("registration.test-auth", "crates/test_utils/src/connector_auth.rs",
     "    pub samplepay: Option<HeaderKey>,\n", "", "pub struct ConnectorAuthentication"),
    ("registration.sample-auth", "crates/router/tests/connectors/sample_auth.toml", "[samplepay]", "[samplepay_old]",
     None),
]


def test_untouched_sample_passes_every_registration_point() -> None:
    repo = Repository(SAMPLE)
    for name in ("samplepay", "acme_pay"):
        for rule in REGISTRATION_RULES:
            assert run_rule(rule, repo, name) == [], (name, rule)


def test_every_registration_rule_has_a_failing_case() -> None:
    covered = {case[0] for case in CASES} | {"registration.toml-parses", "registration.embedded-toml-parses",
                                             "registration.test-file"}  # cases.toml
    assert covered == set(REGISTRATION_RULES)


@pytest.mark.parametrize(("rule", "rel", "old", "new", "anchor"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_removing_the_entry_fails_there(tmp_path: Path, rule: str, rel: str, old: str, new: str,
                                        anchor: str | None) -> None:
    root = copy_sample(tmp_path / "hs")
    edit(root, rel, old, new)
    repo = Repository(root)
    findings = run_rule(rule, repo, "samplepay")
    assert findings, f"{rule} did not notice the removal"
    assert {f.file for f in findings} == {rel}
    expected_line = line_containing(root, rel, anchor) if anchor else 1
    assert expected_line in {f.line for f in findings}
    assert all(f.hint for f in findings)
    # Exactly that point fails: every other registration rule still passes.
    for other in REGISTRATION_RULES:
        if other not in (rule, "registration.toml-parses", "registration.embedded-toml-parses"):
            assert run_rule(other, repo, "samplepay") == [], other


def test_listed_and_implemented_is_e0119(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "hs")
    rel = "crates/hyperswitch_connectors/src/default_implementations.rs"
    edit(root, rel, "default_imp_for_pre_processing_steps!(\n    connectors::AcmePay",
         "default_imp_for_pre_processing_steps!(\n    connectors::AcmePay,\n    connectors::Samplepay")
    [finding] = run_rule("registration.default-impls", Repository(root), "samplepay")
    assert finding.file == rel
    assert finding.line == line_containing(root, rel, "default_imp_for_pre_processing_steps!(") + 2
    assert "E0119" in finding.message and "samplepay.rs:" in finding.message


def test_non_routable_connector_needs_no_routable_variant(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "hs")
    rel = "crates/euclid/src/enums.rs"
    edit(root, rel, "            Connector::Samplepay => Ok(Self::Samplepay),\n", "")
    edit(root, rel, "            RoutableConnectors::Samplepay => Self::Samplepay,\n", "")
    edit(root, rel, "    Samplepay,\n", "")
    edit(root, rel, "Connector::Cardinal", "Connector::Cardinal | Connector::Samplepay")
    assert run_rule("registration.routable-connectors", Repository(root), "samplepay") == []


def test_unparsable_toml_is_reported_and_lines_still_checked(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "hs")
    rel = "crates/connector_configs/toml/production.toml"
    (root / rel).write_text((root / rel).read_text() + '\n[dup]\nname = "a"\nname = "b"\n')
    repo = Repository(root)
    # connector_configs embeds its TOMLs (include_str!): a parse error there is the error rule's, not the warning's
    [finding] = run_rule("registration.embedded-toml-parses", repo, "samplepay")
    assert finding.file == rel
    assert finding.line == line_containing(root, rel, 'name = "b"')
    assert "crates/connector_configs/src/connector.rs:46 embeds it with include_str!" in finding.message
    assert run_rule("registration.toml-parses", repo, "samplepay") == []
    # A broken config file with a [connectors] table still has its base_url lines checked.
    config = "config/deployments/production.toml"
    (root / config).write_text((root / config).read_text() + "\nx = 1\nx = 2\n")
    repo = Repository(root)
    [warning] = run_rule("registration.toml-parses", repo, "samplepay")
    assert warning.file == config
    assert run_rule("registration.base-url", repo, "samplepay") == []
    edit(root, config, 'samplepay.base_url = "https://api.samplepay.test/"\n', "")
    [missing] = run_rule("registration.base-url", Repository(root), "samplepay")
    assert missing.file == config


def test_type_name_is_read_from_connectors_rs(tmp_path: Path) -> None:
    # acme_pay's type is AcmePay: capitalising the module name would give Acme_pay and fail every point.
    repo = Repository(SAMPLE)
    assert run_rule("registration.connector-enum", repo, "acme_pay") == []


def test_guide_drift_notes_name_the_current_place(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "hs")
    (root / "scripts").mkdir()
    endpoints = "crates/hyperswitch_domain_models/src/connector_endpoints.rs"
    (root / "scripts/add_connector.sh").write_text(
        'src="crates/router/src"\n'
        "sed -i'' -e \"s/\\(pub enum Connector {\\)/\\1\\n\\t${camel},/\" crates/euclid/src/enums.rs\n"
        f"sed -i'' -e \"s/pub $previous_connector: \\(.*\\)/x/\" {endpoints}\n"
        "sed -i'' -e \"s/x/y/\" $src/core/payments/gone.rs\n")
    notes = guide_drift_notes(Repository(root))
    texts = [n["guide"] + " | " + n["tree"] for n in notes]
    assert any("connector_endpoints.rs:" in n["tree"] and n["topic"].startswith("pitfall 8") for n in notes)
    assert any("add_connector.sh:2" in t and "crates/euclid/src/enums.rs" in t and "no-op" in t for t in texts)
    assert not any("add_connector.sh:3" in t for t in texts)  # `pub acme_pay: ...` still matches there
    assert any("add_connector.sh:4" in t and "no longer exists" in t for t in texts)
    assert any("never edits crates/router/src/types/api/feature_matrix.rs" in t for t in texts)
