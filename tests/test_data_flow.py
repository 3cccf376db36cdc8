"""The data flow behind pitfall 5 and pitfall-4.raw-minor (checks/facts/data_flow.py), on small Rust snippets written
for these tests: each flagged variant at the line of the expression that decides it, each legitimate one quiet.

A snippet is a file `samplepay/probe.rs` added to a copy of the bundled sample (every file under the connector's
folder is the connector's code), so the card and amount vocabulary is the sample's own.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from connector_compliance.checks.core.finding import Finding
from connector_compliance.checks.facts.data_flow import Taint, flow_sites
from connector_compliance.checks.target.repository import Repository

from .rule_runner import run_rule
from .sample_copy import copy_sample

CONNECTOR = "crates/hyperswitch_connectors/src/connectors/samplepay"
PROBE = f"{CONNECTOR}/probe.rs"


@pytest.fixture(scope="module")
def trees(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample as is (a StringMinorUnit converter), and with samplepay switched to FloatMajorUnit."""
    minor = copy_sample(tmp_path_factory.mktemp("minor") / "hs")
    major = tmp_path_factory.mktemp("major") / "hs"
    shutil.copytree(minor, major)
    for rel in (f"{CONNECTOR}.rs", f"{CONNECTOR}/transformers.rs"):
        path = major / rel
        path.write_text(path.read_text(encoding="utf-8").replace("StringMinorUnit", "FloatMajorUnit"), encoding="utf-8")
    return {"minor": minor, "major": major}


def probe(root: Path, text: str, rule: str = "pitfall-5") -> list[Finding]:
    (root / PROBE).write_text(text, encoding="utf-8")
    return [f for f in run_rule(rule, Repository(root), "samplepay") if f.file == PROBE]


def line_of(text: str, needle: str) -> int:
    assert text.count(needle) == 1, needle
    return text[: text.index(needle)].count("\n") + 1


REQUEST = """use hyperswitch_domain_models::payment_method_data::Card;
use hyperswitch_masking::{ExposeInterface, PeekInterface, Secret, StrongSecret};

pub struct GizmoCard {
    pub pan: String,
    pub pan_opt: Option<String>,
    pub sealed: Secret<String>,
    pub sealed_opt: Option<Secret<String>>,
    pub code: String,
    pub code_opt: Option<String>,
    pub note: String,
    pub good_pan: cards::CardNumber,
    pub good_code: Secret<String>,
    pub last4_digits: Option<Secret<String>>,
}

fn d() -> GizmoCard {
    unimplemented!()
}
"""


def wrap(body: str) -> str:
    return REQUEST + f"\nfn build(card: &Card, order: &str) -> GizmoCard {{\n    {body}\n}}\n"


# (id, kind, datum, body of a fn with `card: &Card` in scope, the text on the deciding line)
FLAGGED = [
    ("peek-to-string", "plain", "pan", "GizmoCard { pan: card.card_number.peek().to_string(), ..d() }",
     "pan: card.card_number.peek().to_string()"),
    ("deref-clone-expose", "plain", "pan", "GizmoCard { pan: (*card.card_number).clone().expose(), ..d() }",
     "pan: (*card.card_number).clone()"),
    ("let-then-shorthand", "plain", "pan",
     "let pan = card.card_number.peek().clone();\n    GizmoCard { pan, ..d() }", "GizmoCard { pan, ..d() }"),
    ("format-pure", "plain", "pan", 'GizmoCard { pan: format!("{}", card.card_number.peek()), ..d() }',
     "pan: format!"),
    ("format-inline-capture", "plain", "pan",
     'let digits = card.card_number.peek().to_string();\n    GizmoCard { note: format!("card {digits} ok"), ..d() }',
     "note: format!"),
    ("format-embedded", "plain", "pan",
     'GizmoCard { note: format!("{}|{}", order, card.card_number.peek()), ..d() }', "note: format!"),
    ("if-let-some", "plain", "pan",
     "let maybe = Some(card.card_number.peek().to_string());\n    if let Some(text) = maybe {\n"
     "        return GizmoCard { pan: text, ..d() };\n    }\n    d()", "return GizmoCard { pan: text"),
    ("match-arm", "plain", "pan",
     "let maybe = Some(card.card_number.peek().to_string());\n    let text = match maybe {\n"
     "        Some(t) => t,\n        None => String::new(),\n    };\n    GizmoCard { pan: text, ..d() }",
     "GizmoCard { pan: text"),
    ("closure-map", "plain", "pan",
     "let owned = Some(card.card_number.clone());\n    GizmoCard { pan_opt: owned.map(|n| n.peek().to_string()),"
     " ..d() }", "pan_opt: owned.map"),
    ("into-string", "plain", "pan", "GizmoCard { pan: card.card_number.peek().to_string().into(), ..d() }",
     "pan: card.card_number.peek().to_string().into()"),
    ("rewrap-secret-new", "rewrap", "pan",
     "GizmoCard { sealed: Secret::new(card.card_number.peek().to_string()), ..d() }", "sealed: Secret::new("),
    ("rewrap-into", "rewrap", "pan", "GizmoCard { sealed: card.card_number.peek().to_string().into(), ..d() }",
     "sealed: card.card_number"),
    ("rewrap-map-secret-new", "rewrap", "pan",
     "GizmoCard { sealed_opt: Some(card.card_number.peek().to_string()).map(Secret::new), ..d() }",
     "sealed_opt: Some("),
    ("cvc-expose", "plain", "cvc", "GizmoCard { code: card.card_cvc.clone().expose(), ..d() }",
     "code: card.card_cvc.clone().expose()"),
    ("cvc-peek-owned-some", "plain", "cvc", "GizmoCard { code_opt: Some(card.card_cvc.peek().to_owned()), ..d() }",
     "code_opt: Some("),
    ("wrong-getter-last4", "truncated", "pan",
     "GizmoCard { last4_digits: Some(Secret::new(card.card_number.peek().to_string())), ..d() }",
     "last4_digits: Some(Secret::new("),
    ("destructured-card", "plain", "pan",
     "let Card { card_number, .. } = card.clone();\n    GizmoCard { pan: card_number.peek().to_string(), ..d() }",
     "GizmoCard { pan: card_number"),
]


@pytest.mark.parametrize(("kind", "data", "body", "needle"), [c[1:] for c in FLAGGED], ids=[c[0] for c in FLAGGED])
def test_flagged_variant_at_its_line(trees: dict[str, Path], kind: str, data: str, body: str, needle: str) -> None:
    text = wrap(body)
    [finding] = probe(trees["minor"], text)
    assert (finding.extra["kind"], finding.extra["data"]) == (kind, data)
    assert finding.line == line_of(text, needle), finding
    assert str(finding.extra["declared_at"]).startswith(f"{PROBE}:")


VALID = [
    ("card-number-kept", "GizmoCard { good_pan: card.card_number.clone(), ..d() }"),
    ("cvc-kept", "GizmoCard { good_code: card.card_cvc.clone(), ..d() }"),
    ("last4", "GizmoCard { note: card.card_number.get_last4(), ..d() }"),
    ("last4-slot", "GizmoCard { last4_digits: Some(Secret::new(card.card_number.clone().get_last4())), ..d() }"),
    ("bin", "GizmoCard { note: card.card_number.get_card_isin(), ..d() }"),
    ("hash", "GizmoCard { note: sha256_hex(card.card_number.peek()), ..d() }"),
    ("length-after-shadowing", "let pan = card.card_number.peek().to_string();\n    let pan = pan.len().to_string();\n"
                               "    GizmoCard { note: pan, ..d() }"),
    ("cvc-rewrapped", "GizmoCard { good_code: Secret::new(card.card_cvc.clone().expose()), ..d() }"),
    ("cvc-emptiness", "GizmoCard { code_opt: if card.card_cvc.peek().is_empty() { None } else "
                      "{ Some(String::from(\"present\")) }, ..d() }"),
    ("comment-and-string", "// note: card.card_number.peek().to_string()\n"
                           "    GizmoCard { note: String::from(\"card.card_number.peek()\"), ..d() }"),
    ("secret-composite", 'GizmoCard { sealed: Secret::new(format!("{}:{}", card.card_number.peek(), '
                         'card.card_cvc.peek())), ..d() }'),
]


@pytest.mark.parametrize("body", [c[1] for c in VALID], ids=[c[0] for c in VALID])
def test_legitimate_variant_is_quiet(trees: dict[str, Path], body: str) -> None:
    assert probe(trees["minor"], wrap(body)) == []


FOLLOWED = [
    ("helper-return", "fn pan_text(card: &Card) -> String {\n    card.card_number.peek().to_string()\n}\n\n"
                      "fn build(card: &Card) -> GizmoCard {\n    GizmoCard { pan: pan_text(card), ..d() }\n}\n",
     "GizmoCard { pan: pan_text"),
    ("helper-parameter", "fn assemble(number: String) -> GizmoCard {\n    GizmoCard { pan: number, ..d() }\n}\n\n"
                         "fn build(card: &Card) -> GizmoCard {\n    assemble(card.card_number.peek().to_string())\n}\n",
     "GizmoCard { pan: number"),
    ("associated-fn", "impl GizmoCard {\n    fn with_number(number: String, code: Secret<String>) -> Self {\n"
                      "        Self { pan: number, good_code: code, ..d() }\n    }\n}\n\n"
                      "fn build(card: &Card) -> GizmoCard {\n"
                      "    GizmoCard::with_number(card.card_number.peek().to_string(), card.card_cvc.clone())\n}\n",
     "Self { pan: number"),
    ("tuple-helper", "fn parts(card: &Card) -> Result<(String, Secret<String>), ()> {\n"
                     "    Ok((card.card_number.peek().to_string(), card.card_cvc.clone()))\n}\n\n"
                     "fn build(card: &Card) -> Result<GizmoCard, ()> {\n    let (digits, cvc) = parts(card)?;\n"
                     "    Ok(GizmoCard { pan: digits, good_code: cvc, ..d() })\n}\n",
     "Ok(GizmoCard { pan: digits"),
    ("inside-vec-macro", "fn build(card: &Card) -> Vec<GizmoCard> {\n"
                         "    vec![GizmoCard { pan: card.card_number.peek().to_string(), ..d() }]\n}\n",
     "vec![GizmoCard"),
]


@pytest.mark.parametrize(("code", "needle"), [c[1:] for c in FOLLOWED], ids=[c[0] for c in FOLLOWED])
def test_followed_through_the_connector_s_own_code(trees: dict[str, Path], code: str, needle: str) -> None:
    text = REQUEST + "\n" + code
    [finding] = probe(trees["minor"], text)
    assert finding.line == line_of(text, needle), finding


def test_one_finding_per_field_listing_every_site(trees: dict[str, Path]) -> None:
    text = REQUEST + """
fn one(card: &Card) -> GizmoCard { GizmoCard { pan: card.card_number.peek().to_string(), ..d() } }
fn two(card: &Card) -> GizmoCard { GizmoCard { pan: format!("{}", card.card_number.peek()), ..d() } }
"""
    [finding] = probe(trees["minor"], text)
    assert finding.line == line_of(text, "fn one")
    assert len(finding.extra["fed_at"]) == 2 and "at each initializer" in finding.hint


def test_tuple_wildcards_keep_positions(trees: dict[str, Path]) -> None:
    text = REQUEST + """
fn parts(card: &Card) -> (String, String) {
    (card.card_number.peek().to_string(), card.card_number.get_last4())
}

fn build(card: &Card) -> GizmoCard {
    let (_, last_four) = parts(card);
    GizmoCard { note: last_four, ..d() }
}
"""
    assert probe(trees["minor"], text) == []


def test_tuple_struct_and_variant_constructors(trees: dict[str, Path]) -> None:
    text = REQUEST + """
pub struct PanText(String);
pub enum Source {
    Raw(String, Secret<String>),
    Keyed { number: String },
}

fn a(card: &Card) -> PanText { PanText(card.card_number.peek().to_string()) }
fn b(card: &Card) -> Source { Source::Raw(String::new(), Secret::new(card.card_cvc.peek().to_string())) }
fn c(card: &Card) -> Source { Source::Keyed { number: card.card_number.peek().to_string() } }
"""
    assert [f.line for f in probe(trees["minor"], text)] == [line_of(text, "PanText(card"),
                                                              line_of(text, "Source::Keyed { number")]


def test_quiet_shapes(trees: dict[str, Path]) -> None:
    """A vault's mixed-use secret slot, a PSP's own echoed number, a hand-built body that never reaches a struct,
    StrongSecret with the card strategy."""
    text = """use hyperswitch_domain_models::payment_method_data::Card;
use hyperswitch_masking::{PeekInterface, Secret, StrongSecret};

pub struct VaultEntry { pub value: Secret<String>, pub label: String }
pub struct GizmoResponse { pub card_number: String }
pub struct Summary { pub shown: String }
pub struct Legacy { pub number: StrongSecret<String, cards::CardNumberStrategy> }

fn entries(card: &Card) -> Vec<VaultEntry> {
    vec![
        VaultEntry { value: Secret::new(card.card_number.peek().to_string()), label: String::from("pan") },
        VaultEntry { value: card.card_cvc.clone(), label: String::from("cvc") },
    ]
}
fn summary(resp: &GizmoResponse) -> Summary { Summary { shown: resp.card_number.clone() } }
fn body(card: &Card) -> Vec<u8> {
    format!("<Pan>{}</Pan><Cvn>{}</Cvn>", card.card_number.peek(), card.card_cvc.peek()).into_bytes()
}
fn legacy(card: &Card) -> Legacy { Legacy { number: (*card.card_number).clone() } }
"""
    assert probe(trees["minor"], text) == []


def test_the_analysis_reaches_the_sample_s_card_slots(trees: dict[str, Path]) -> None:
    """What the rules judge is measured, not assumed: the sample's own card fields are reached, typed right."""
    (trees["minor"] / PROBE).unlink(missing_ok=True)
    reached = {(s.slot_name, s.value.data) for s in flow_sites(Repository(trees["minor"]), "samplepay")
               if isinstance(s.value, Taint) and s.value.data in ("pan", "cvc")}
    assert reached == {("SamplepayCard.number", "pan"), ("SamplepayCard.cvc", "cvc")}


# -- amounts ------------------------------------------------------------------------------------------------------
AMOUNTS = """use common_utils::types::FloatMajorUnit;
use hyperswitch_domain_models::types::{PaymentsAuthorizeRouterData, PaymentsCancelRouterData};

pub struct WidgetRouterData<T> { pub amount: FloatMajorUnit, pub router_data: T }
pub struct WidgetPayment { pub total: FloatMajorUnit, pub amount: i64, pub amount_text: String }
pub struct WidgetVoid { pub amount: Option<String> }
"""


def test_raw_minor_amounts_with_a_major_converter(trees: dict[str, Path]) -> None:
    text = AMOUNTS + """
fn pay(item: &WidgetRouterData<&PaymentsAuthorizeRouterData>) -> WidgetPayment {
    WidgetPayment {
        total: item.amount,
        amount: item.router_data.request.minor_amount.get_amount_as_i64(),
        amount_text: item.router_data.request.minor_amount.to_string(),
    }
}
fn void(router: &PaymentsCancelRouterData) -> WidgetVoid {
    WidgetVoid { amount: router.request.minor_amount.map(|a| a.to_string()) }
}
"""
    findings = probe(trees["major"], text, "pitfall-4.raw-minor")
    assert [f.line for f in findings] == [line_of(text, "amount: item.router_data"),
                                          line_of(text, "amount_text: item.router_data"),
                                          line_of(text, "router.request.minor_amount.map(")]
    assert "pass `item.amount`" in findings[0].hint and "FloatMajorUnit" in findings[0].hint
    assert "utils::convert_amount(self.amount_converter, router.request.minor_amount" in findings[2].hint


def test_raw_minor_amounts_with_a_minor_converter_are_the_right_unit(trees: dict[str, Path]) -> None:
    text = AMOUNTS + """
fn pay(item: &WidgetRouterData<&PaymentsAuthorizeRouterData>) -> WidgetPayment {
    WidgetPayment { total: item.amount, amount: item.router_data.request.minor_amount.get_amount_as_i64(),
                    amount_text: String::new() }
}
"""
    assert probe(trees["minor"], text, "pitfall-4.raw-minor") == []
