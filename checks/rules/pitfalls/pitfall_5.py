"""Guide pitfall 5 and the masking rules, by data flow: the card number (PAN) ends in `cards::CardNumber` (or a type
with the card masking strategy), the CVC in `Secret<..>`.

What is flagged (one finding per receiving field, at its first initializer, the expression that decides it):
- `plain`: the PAN or CVC, exposed as text (`peek()`, `expose()`, `get_card_no()`, `to_string()`, `format!`), lands
  in a `String` / `&str` field: Debug and the request log print it in clear. It compiles.
- `rewrap`: the exposed PAN is wrapped again (`Secret::new(..)`, `.into()`, `.map(Secret::new)`) into a
  `Secret<String>` field that only ever carries card numbers: it compiles, but loses CardNumber's Luhn check and
  its card masking strategy. (A mixed-use secret slot, a vault's generic `value`, is not flagged.)
- `truncated`: a field named for part of the number (`last4`, `bin`) receives the whole PAN.
- `typed`: the CardNumber itself fed to a field declared `Secret<String>` / `String` (rustc's E0308; the finding
  points at the declaration, the fix).
"""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule, RustcHint, any_of, rustc_matcher
from ...facts.data_flow import Site, Taint, by_slot, connector_code, flow_sites, is_empty_value
from ...facts.use_paths import file_bindings
from ...target.repository import Repository

LAST_FOUR = ("last4", "lastfour", "last_4", "last_four", "suffix")
FIRST_SIX = ("bin", "isin", "iin", "first6", "first_6", "first_six")


def _part_getter(slot: str) -> str | None:
    """`card_last4` -> get_last4, `card_bin` -> get_card_isin: the CardNumber getter a partial-number field wants."""
    lowered = slot.lower()
    tokens = set(lowered.split("_"))
    if tokens & set(LAST_FOUR) or any(t in lowered for t in LAST_FOUR if "_" in t):
        return "get_last4"
    if tokens & set(FIRST_SIX) or any(t in lowered for t in FIRST_SIX if "_" in t):
        return "get_card_isin"
    return None


def _kind(klass: str, site: Site, taint: Taint, entries: list[Site]) -> str | None:
    if taint.data == "pan" and _part_getter(site.slot) is not None and taint.form != "embedded":
        return "truncated"
    if taint.data == "pan":
        if taint.form == "typed" and klass in ("plain", "masked"):
            return "typed"
        if klass == "plain" and taint.form in ("exposed", "embedded"):
            return "plain"
        if klass == "masked" and (taint.form == "rewrapped" or (taint.form == "exposed" and taint.via_into)):
            others = [s for s in entries if not (isinstance(s.value, Taint) and s.value.data == "pan"
                                                  and s.value.form != "embedded")]
            # a mixed-use secret slot (a vault's generic `value`) really is a Secret<String>
            return None if any(not is_empty_value(s.value_node) for s in others) else "rewrap"
        return None
    if taint.data == "cvc" and taint.form in ("exposed", "embedded") and klass == "plain":
        return "plain"
    return None


def _card_number_type(repo: Repository, rel: str) -> str:
    """`CardNumber` where the declaring file imports it (`cards::CardNumber` there trips unused_qualifications,
    an error under CI's -D warnings), else `cards::CardNumber`."""
    rust_file = repo.rust(rel)
    entry = file_bindings(repo, rust_file).get("CardNumber") if rust_file is not None else None
    return "CardNumber" if entry is not None and entry.path[-1] == "CardNumber" else "cards::CardNumber"


def _finding(repo: Repository, kind: str, hits: list[Site]) -> Finding:
    site = hits[0]
    taint = site.value
    assert isinstance(taint, Taint)
    decl_rel, decl_line = site.declared_at
    where = f"{decl_rel}:{decl_line}"
    fed = [f"{s.rel}:{s.line}" for s in hits]
    shown = " ".join(site.node.text().split())[:120]
    optional = site.declared.startswith("Option<")
    also = f" (also fed at {', '.join(fed[1:])})" if len(fed) > 1 else ""
    at_each = " at each initializer" if len(fed) > 1 else ""
    extra: dict[str, object] = {"kind": kind, "data": taint.data, "declared": site.declared, "declared_at": where,
                                "fed_at": fed, "source": taint.origin, "form": taint.form, "slot": site.slot_name}
    passed = f"Some({taint.origin}.clone())" if optional else f"{taint.origin}.clone()"
    if taint.data == "cvc":
        wanted = "Option<Secret<String>>" if optional else "Secret<String>"
        return Finding(
            RULE.id, site.rel, site.line,
            f"{site.slot_name} is declared `{site.declared}` ({where}) and receives the CVC exposed as text "
            f"(`{shown}`){also}: Debug and the request log print it in clear",
            f"declare `{site.slot}: {wanted},` in {site.target.name} ({where}) and pass `{passed}`"
            f"{at_each}, without expose()/peek()", extra)
    card_number = _card_number_type(repo, decl_rel)
    wanted = f"Option<{card_number}>" if optional else card_number
    if kind == "typed":
        return Finding(
            RULE.id, decl_rel, decl_line,
            f"{site.slot_name} is declared `{site.declared}` but carries the card number (`{shown}` at "
            f"{fed[0]}, a cards::CardNumber){also}: E0308 mismatched types",
            f"declare `{site.slot}: {wanted},` in {site.target.name} (CardNumber is masked and serialises "
            "transparently); keep Secret<String> for expiry and CVC", extra)
    if kind == "truncated":
        getter = _part_getter(site.slot)
        return Finding(
            RULE.id, site.rel, site.line,
            f"{site.slot_name} (`{site.declared}`, {where}) is meant for part of the card number but receives the "
            f"whole PAN (`{shown}`){also}: the full number goes where only the {getter[4:]} is expected",
            f"pass `{taint.origin}.{getter}()`{at_each} instead of the full number", extra)
    if kind == "rewrap":
        what = (f"{site.slot_name} is declared `{site.declared}` ({where}) and receives the card number exposed "
                f"and wrapped again (`{shown}`){also}: it compiles, but the value loses CardNumber's Luhn "
                "validation and its card-number masking")
    else:
        how = "embedded in text built by format!" if taint.form == "embedded" else "exposed as text"
        what = (f"{site.slot_name} is declared `{site.declared}` ({where}) and receives the card number {how} "
                f"(`{shown}`){also}: Debug and the request log print the PAN in clear, and it is serialised "
                "without masking")
    return Finding(
        RULE.id, site.rel, site.line, what,
        f"declare `{site.slot}: {wanted},` in {site.target.name} ({where}) and pass `{passed}`"
        f"{at_each} (CardNumber serialises as the plain number and masks itself in Debug)", extra)


def check_card_data(repo: Repository, name: str) -> list[Finding]:
    """Every slot reached by the card number or CVC has a type that keeps it masked."""
    code = connector_code(repo, name)
    grouped: dict[tuple[str, tuple[str, str, str]], list[Site]] = {}
    for key, entries in by_slot(flow_sites(repo, name)).items():
        klass = code.type_class(entries[0].type_node)
        for site in entries:
            if isinstance(site.value, Taint) and site.value.data in ("pan", "cvc"):
                kind = _kind(klass, site, site.value, entries)
                if kind is not None:
                    grouped.setdefault((kind, key), []).append(site)
    findings = {}
    for (kind, _), hits in grouped.items():
        finding = _finding(repo, kind, sorted(hits, key=lambda s: (s.rel, s.line)))
        findings.setdefault((finding.file, finding.line), finding)
    return sorted(findings.values(), key=lambda f: (f.file, f.line))


# CardNumber's own methods: called on a `Secret<String>` PAN they are E0599 (a consequence of this pitfall).
CARD_NUMBER_METHODS = r"`(get_card_isin|get_extended_card_bin|get_card_no|get_last4|get_card_extended_bin)`"

RULE = Rule(
    id="pitfall-5",
    severity="error",
    title="The card number stays a cards::CardNumber and the CVC a Secret, never exposed text",
    guide="A request field carrying the card number is `cards::CardNumber` (Hyperswitch's type), not "
          "`Secret<String>`; masked card data is never exposed into a plain field.",
    check=check_card_data,
    tags=("pitfall-5",),
    rustc=RustcHint(
        title="Type mismatch for CardNumber",
        fix="type the request's card number as `cards::CardNumber` (what the domain Card holds), not "
            "`Secret<String>`",
        matches=any_of(rustc_matcher("E0308", "E0277", text=(r"\bCardNumber\b", r"Secret<")),
                       rustc_matcher("E0599", text=(CARD_NUMBER_METHODS, r"Secret<"))),
        priority=30),
)
