"""Guide pitfall 5: a request field that carries the card number (PAN) is `cards::CardNumber`, not `Secret<String>`."""

from __future__ import annotations

from ast_grep_py import SgNode

from ...core.finding import Finding
from ...core.rule import Rule, RustcHint, any_of, rustc_matcher
from ...facts.connector_code import connector_structs, literal_fields, struct_literals
from ...target.repository import Repository
from ...target.rust import line_of
from ...target.rust_syntax import (
    binding_type,
    declared_type,
    enclosing,
    field_chain,
    initializers,
    strip_option,
    struct_fields,
    unwrap_value,
)

PAN_FIELD = "card_number"  # the domain Card's PAN field (payment_method_data.rs: `card_number: cards::CardNumber`)


def _is_plain_secret(type_text: str) -> bool:
    """`Secret<String>`, `masking::Secret<String>`, `String` (optionally in Option): a PAN typed as text."""
    inner = strip_option(type_text)
    return inner == "String" or inner.endswith("Secret<String>")


def _source_is_connector_text(repo: Repository, name: str, chain: list[str], context: SgNode) -> bool:
    """`resp.card_number` where `resp` is a parameter of a connector type that itself declares a text PAN.

    Copying the connector's own (masked, returned) number is not the pitfall; only the domain card's is.
    """
    function = enclosing(context, "function_item")
    param = binding_type(function, chain[0]) if function is not None and len(chain) == 2 else None
    if param is None:
        return False
    structs = connector_structs(repo, name)
    for ident in [param, *param.find_all(kind="type_identifier")]:
        found = structs.get(ident.text())
        declaration = struct_fields(found[1]).get(PAN_FIELD) if found is not None else None
        if declaration is not None and _is_plain_secret(declared_type(declaration)):
            return True
    return False


def check_card_number_type(repo: Repository, name: str) -> list[Finding]:
    """Struct literals of the connector fed from `x.card_number`: the receiving field is CardNumber, not text."""
    findings: dict[tuple[str, int], Finding] = {}
    for rel, view, literal in struct_literals(repo, name):
        target = None
        for field_name, value, node in initializers(literal):
            chain = field_chain(unwrap_value(value)) if value is not None else []
            if len(chain) < 2 or chain[-1] != PAN_FIELD:
                continue
            target = target or literal_fields(repo, name, literal, view.context(literal))
            declaration = target.fields.get(field_name) if target is not None else None
            if target is None or declaration is None or not _is_plain_secret(declared_type(declaration)):
                continue
            if _source_is_connector_text(repo, name, chain, view.context(literal)):
                continue
            declared = declared_type(declaration)
            wanted = "Option<cards::CardNumber>" if declared.startswith("Option<") else "cards::CardNumber"
            # The fix is the declaration, so that is where the finding points (once, however often it is fed).
            findings.setdefault((target.rel, line_of(declaration)), Finding(
                RULE.id, target.rel, line_of(declaration),
                f"{target.name}.{field_name} is declared `{declared}` but carries the card number "
                f"(`{field_name}: {'.'.join(chain)}` at {rel}:{view.line(node)}, a cards::CardNumber): "
                "E0308 mismatched types",
                f"declare `{field_name}: {wanted},` in {target.name} (CardNumber is masked and serialises "
                "transparently); keep Secret<String> for expiry and CVC",
                {"struct": target.name, "declared": declared, "fed_at": f"{rel}:{view.line(node)}"}))
    return sorted(findings.values(), key=lambda f: (f.file, f.line))

# CardNumber's own methods: called on a `Secret<String>` PAN they are E0599 (a consequence of this pitfall).
CARD_NUMBER_METHODS = r"`(get_card_isin|get_extended_card_bin|get_card_no|get_last4|get_card_extended_bin)`"



RULE = Rule(
    id="pitfall-5",
    severity="error",
    title="The card number is sent as cards::CardNumber, not Secret<String>",
    guide="A request field carrying the card number is `cards::CardNumber` (Hyperswitch's type), not "
          "`Secret<String>`.",
    check=check_card_number_type,
    tags=("pitfall-5",),
    rustc=RustcHint(
        title="Type mismatch for CardNumber",
        fix="type the request's card number as `cards::CardNumber` (what the domain Card holds), not "
            "`Secret<String>`",
        matches=any_of(rustc_matcher("E0308", "E0277", text=(r"\bCardNumber\b", r"Secret<")),
                       rustc_matcher("E0599", text=(CARD_NUMBER_METHODS, r"Secret<"))),
        priority=30),
)
