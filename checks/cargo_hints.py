"""Compiler errors the guide warns about ("Common Issues to Avoid" 1-9), recognised from rustc's own words.

Each hint names the pitfall, so a report can group findings by it (`extra["pitfall"] == "pitfall-9"`), and says
the current fix, which follows the tree where the guide is out of date (hyperswitch_anatomy §5).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .cargo_diagnostics import Diagnostic


@dataclass(frozen=True)
class Pitfall:
    number: int
    title: str  # the guide's words
    fix: str

    @property
    def tag(self) -> str:
        return f"pitfall-{self.number}"

    def hint(self) -> str:
        return f"guide pitfall {self.number} ({self.title}): {self.fix}"


def _has(item: Diagnostic, *patterns: str) -> bool:
    return all(re.search(p, item.text) for p in patterns)


def _code(item: Diagnostic, *codes: str) -> bool:
    return item.code in codes


AMOUNT_UNITS = r"\b(MinorUnit|StringMinorUnit|StringMajorUnit|FloatMajorUnit)\b"
IMPORT_NAMES = r"\b(ExtTraits|masking|RouterData|Engine|RefundsRequestData|BytesExt|ValueExt|OptionExt)\b"
# CardNumber's own methods: called on a `Secret<String>` PAN they are E0599 (a consequence of pitfall 5).
CARD_NUMBER_METHODS = r"`(get_card_isin|get_extended_card_bin|get_card_no|get_last4|get_card_extended_bin)`"
RESOLVE_CODES = ("E0405", "E0412", "E0422", "E0425", "E0432", "E0433", "E0603", "E0252", "E0659")

# Most specific first: the first pitfall whose test matches wins.
PITFALLS: tuple[tuple[Pitfall, Callable[[Diagnostic], bool]], ...] = (
    (Pitfall(9, "Outdated ErrorResponse examples",
             "list every field ErrorResponse declares today (rustc names the missing ones), or end the literal "
             "with `..Default::default()`"),
     lambda d: _code(d, "E0063", "E0560") and _has(d, r"\bErrorResponse\b")),
    (Pitfall(6, "Incorrect function name",
             "use `get_ip_address_as_optional()` (PaymentsAuthorizeRequestData); `get_optional_ip()` does not exist"),
     lambda d: _code(d, "E0599") and _has(d, r"`get_optional_ip`")),
    (Pitfall(5, "Type mismatch for CardNumber",
             "type the request's card number as `cards::CardNumber` (what the domain Card holds), not "
             "`Secret<String>`"),
     lambda d: (_code(d, "E0308", "E0277") and _has(d, r"\bCardNumber\b", r"Secret<"))
     or (_code(d, "E0599") and _has(d, CARD_NUMBER_METHODS, r"Secret<"))),
    (Pitfall(1, "Incorrect type for Cancel",
             "the Void flow is `ConnectorIntegration<Void, PaymentsCancelData, PaymentsResponseData>` with "
             "`PaymentsCancelRouterData` and `PaymentsVoidType`, not the capture types"),
     lambda d: _has(d, r"PaymentsCapture(Data|RouterData|Type)\b")
     and (_has(d, r"\bVoid\b") or _has(d, r"\bPaymentsCancel(Data|RouterData)\b"))),
    (Pitfall(3, "Default implementations for PaymentReject, PaymentApprove, PaymentAuthorizeSessionToken",
             "these come from the default_imp_for_reject / _approve / _authorize_session_token macros in "
             "default_implementations.rs: list the connector there, or implement them yourself, never both"),
     lambda d: _code(d, "E0119", "E0277", "E0046")
     and _has(d, r"\b(PaymentReject|PaymentApprove|PaymentAuthorizeSessionToken|Reject|Approve|"
                 r"AuthorizeSessionToken)\b")),
    (Pitfall(8, "Missing connector from the Connectors struct",
             "add the connector's field to `pub struct Connectors` (connector_endpoints.rs) and its base_url to "
             "the configs"),
     lambda d: _code(d, "E0609", "E0560") and _has(d, r"\bConnectors\b")),
    (Pitfall(7, "customer_id versus connector_customer",
             "`customer_id` is Hyperswitch's CustomerId; the PSP's own customer id is `connector_customer` "
             "(Option<String>)"),
     lambda d: (_code(d, "E0308") and _has(d, r"\bCustomerId\b", r"\bString\b"))
     or (_code(d, "E0609", "E0560", "E0599") and _has(d, r"`(connector_customer|customer_id)`"))),
    (Pitfall(4, "AmountConvertor context (MinorUnit vs StringMajorUnit)",
             "the converter's `Output` type must be the type of the request's amount field "
             "(e.g. StringMinorUnitForConnector -> StringMinorUnit)"),
     lambda d: _code(d, "E0308", "E0271", "E0277")
     and (len(set(re.findall(AMOUNT_UNITS, d.text))) >= 2 or _has(d, r"AmountConvertor"))),
    (Pitfall(2, "Incorrect imports",
             "RouterData is hyperswitch_domain_models::router_data::RouterData (import the utils trait as "
             "`RouterData as _`); parse helpers are in common_utils::ext_traits (there is no crate::utils::ExtTraits); "
             "`use base64::Engine;` for encode/decode; masking is the hyperswitch_masking crate"),
     lambda d: (_code(d, *RESOLVE_CODES) and _has(d, IMPORT_NAMES))
     or (_code(d, "E0599") and _has(d, r"\b(Engine|RefundsRequestData|BytesExt|ByteSliceExt|ValueExt)\b",
                                     r"not in scope|is implemented but"))),
)

LINT_FIXES = {
    "clippy::unwrap_used": "return the error with `?` (mapping it with `change_context`) instead of unwrapping",
    "clippy::expect_used": "return the error with `?` (mapping it with `change_context`) instead of expect()",
    "clippy::panic": "return a ConnectorError instead of panicking",
    "clippy::todo": "implement it, or return `ConnectorError::NotImplemented` instead of todo!()",
    "clippy::unimplemented": "return `ConnectorError::NotImplemented` instead of unimplemented!()",
    "clippy::indexing_slicing": "use `.get(..)` and handle the None case instead of indexing",
    "clippy::as_conversions": "use a checked conversion (`try_from`, `From`) instead of `as`",
    "clippy::print_stdout": "log with router_env::logger instead of printing",
    "clippy::print_stderr": "log with router_env::logger instead of printing",
}


def pitfall_for(item: Diagnostic) -> Pitfall | None:
    return next((pitfall for pitfall, test in PITFALLS if test(item)), None)


def hint_for(item: Diagnostic) -> tuple[str, str | None]:
    """The fix to show, and the pitfall tag (None when the error is not one the guide warns about)."""
    pitfall = pitfall_for(item)
    if pitfall is not None:
        return pitfall.hint(), pitfall.tag
    if item.code in LINT_FIXES:
        return LINT_FIXES[item.code], None
    return item.help(), None
