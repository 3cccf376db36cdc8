"""What a connector declares about itself in its own files: the capture methods and refund support of its
`*_SUPPORTED_PAYMENT_METHODS`, its `*_SUPPORTED_WEBHOOK_FLOWS`, and its `ConnectorInfo.connector_type`.

The statics are `LazyLock`s, `static` arrays or `lazy_static!` blocks; the last are token trees, so every static
is read as the token sequence of its initialiser.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ast_grep_py import SgNode

from ..target.fact_cache import fact
from ..target.rust import RustFile, line_of
from ..target.rust_tokens import leaves

if TYPE_CHECKING:
    from ..target.repository import Repository

MANUAL_CAPTURE = ("Manual", "ManualMultiple", "Scheduled")  # CaptureMethods that need a Capture call
PAYMENT_METHODS, WEBHOOK_FLOWS = "SUPPORTED_PAYMENT_METHODS", "SUPPORTED_WEBHOOK_FLOWS"  # the statics' name endings
CATEGORY = "HyperswitchConnectorCategory"


@dataclass(frozen=True)
class Static:
    name: str
    file: str
    line: int
    tokens: tuple[str, ...]


@dataclass(frozen=True)
class Declarations:
    """A connector's declared capabilities; `payment_methods` is None when it declares no SupportedPaymentMethods."""

    payment_methods: Static | None = None
    capture_methods: frozenset[str] = frozenset()
    refunds: frozenset[str] = frozenset()  # the FeatureStatus values given to `refunds:` (Supported, NotSupported)
    adds: int = 0  # payment methods added; 0 is the template's empty SupportedPaymentMethods::new
    webhook_flows: Static | None = None
    events: frozenset[str] = frozenset()  # EventClass variants of the supported webhook flows
    category: tuple[str, str, int] | None = None  # (HyperswitchConnectorCategory variant, file, line)

    @property
    def declares_payment_methods(self) -> bool:
        return self.payment_methods is not None and self.adds > 0

    def where(self, static: Static | None) -> str:
        return f"{static.file}:{static.line}" if static is not None else "?"


def _wanted(name: str, text: str) -> bool:
    """The statics `declarations` reads: the two by name, and whichever names a connector category."""
    return name.endswith((PAYMENT_METHODS, WEBHOOK_FLOWS)) or CATEGORY in text


def _token_statics(rust_file: RustFile) -> list[Static]:
    """Every `static NAME .. = ..;` item and every `static ref NAME` inside a `lazy_static!` that `declarations`
    reads, as tokens (the others are left unread: tokenising every static costs more than the rest)."""
    found = []
    for item in rust_file.index.nodes("static_item"):
        name = item.field("name")
        if name is not None and _wanted(name.text(), item.text()):
            found.append(Static(name.text(), rust_file.rel, line_of(item), tuple(t.text() for t in leaves(item))))
    for macro in rust_file.index.nodes("macro_invocation"):
        if macro.field("macro") is None or macro.field("macro").text() != "lazy_static":
            continue
        tokens: list[SgNode] = list(leaves(macro))
        starts = [i for i in range(len(tokens) - 2) if tokens[i].text() == "static" and tokens[i + 1].text() == "ref"]
        for index, start in enumerate(starts):
            end = starts[index + 1] if index + 1 < len(starts) else len(tokens)
            found.append(Static(tokens[start + 2].text(), rust_file.rel, line_of(tokens[start]),
                                tuple(t.text() for t in tokens[start:end])))
    return found


def _variants_after(tokens: tuple[str, ...], enum: str) -> list[str]:
    """`Enum :: Variant` sequences in a token stream."""
    return [tokens[i + 2] for i in range(len(tokens) - 2) if tokens[i] == enum and tokens[i + 1] == "::"]


def _refund_statuses(tokens: tuple[str, ...]) -> set[str]:
    """The `FeatureStatus::X` that follows each `refunds :` field."""
    statuses = set()
    for index in range(len(tokens) - 1):
        if tokens[index] == "refunds" and tokens[index + 1] == ":":
            window = tokens[index + 2:index + 10]
            found = _variants_after(window, "FeatureStatus")
            if found:
                statuses.add(found[0])
    return statuses


@fact
def declarations(repo: Repository, name: str) -> Declarations:
    """The connector's declared capabilities, read from its own files."""
    statics: list[Static] = []
    for rel in repo.connector_files(name):
        rust_file = repo.rust(rel)
        if rust_file is not None:
            statics.extend(_token_statics(rust_file))
    methods = next((s for s in statics if s.name.endswith(PAYMENT_METHODS)), None)
    webhooks = next((s for s in statics if s.name.endswith(WEBHOOK_FLOWS)), None)
    category = None
    for static in statics:
        found = _variants_after(static.tokens, CATEGORY)
        if found:
            category = (found[0], static.file, static.line)
            break
    if methods is None:
        return Declarations(webhook_flows=webhooks, events=frozenset(_variants_after(webhooks.tokens, "EventClass"))
                            if webhooks else frozenset(), category=category)
    tokens = methods.tokens
    adds = sum(1 for i in range(1, len(tokens)) if tokens[i] == "add" and tokens[i - 1] == ".")
    return Declarations(
        methods, frozenset(_variants_after(tokens, "CaptureMethod")), frozenset(_refund_statuses(tokens)), adds,
        webhooks, frozenset(_variants_after(webhooks.tokens, "EventClass")) if webhooks else frozenset(), category)
