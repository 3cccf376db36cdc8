"""rustc's diagnostics out of `cargo --message-format=json`: located, deduplicated, attributed to a connector.

Facts used (tooling_notes §2.3): stdout carries one JSON object per line; `compiler-message` objects hold the
rustc diagnostic; `file_name` is relative to the workspace root; a diagnostic belongs where its span has
`is_primary`; macro-generated spans are followed through `expansion.span` back to the invocation.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..target import layout

# Files outside the connector folder whose exhaustive matches and lists a new connector must join (§2.2).
REGISTRATION_FILES: tuple[str, ...] = (
    layout.CONNECTORS_RS, layout.ROUTER_CONNECTOR_RS, layout.CONNECTOR_ENDPOINTS_RS, layout.CONNECTOR_ENUMS_RS,
    layout.EUCLID_ENUMS_RS, layout.CONNECTOR_TRANSFORMERS_RS, layout.CONNECTOR_VALIDATION_RS,
    layout.CONNECTOR_MAPPING_RS, layout.FEATURE_MATRIX_RS, layout.CONNECTOR_CONFIGS_RS,
    layout.DEFAULT_IMPLEMENTATIONS_RS, layout.DEFAULT_IMPLEMENTATIONS_V2_RS, layout.ROUTER_TESTS_MAIN_RS,
    layout.TEST_AUTH_RS,
)


@dataclass(frozen=True)
class Span:
    file: str  # relative to the workspace root (absolute for files outside it, e.g. the cargo registry)
    line: int
    column: int
    label: str
    primary: bool


@dataclass(frozen=True)
class Diagnostic:
    level: str  # error | warning | note | help | failure-note
    code: str | None  # E0308, or a lint name such as clippy::unwrap_used
    message: str
    spans: tuple[Span, ...]  # the primary span first (after following macro expansions to the call site)
    notes: tuple[str, ...]  # the children's messages and their spans' labels
    rendered: str

    @property
    def primary(self) -> Span | None:
        return next((s for s in self.spans if s.primary), self.spans[0] if self.spans else None)

    @property
    def text(self) -> str:
        """Everything rustc said about it except the quoted source: what hints and attribution match against."""
        return "\n".join([self.message, *(s.label for s in self.spans if s.label), *self.notes])

    def summary(self) -> str:
        primary = self.primary
        label = f": {primary.label}" if primary is not None and primary.label else ""
        return f"{self.code + ' ' if self.code else ''}{self.message}{label}"

    def help(self) -> str:
        """rustc's own first `help:` child (its suggested fix), if it gave one."""
        return next((n.removeprefix("help: ") for n in self.notes if n.startswith("help: ")), "")


def json_messages(lines: Iterable[str]) -> Iterator[dict[str, object]]:
    """The JSON objects of cargo's stdout; other lines (libtest's report under `cargo test`) are skipped."""
    for line in lines:
        if not line.startswith("{"):
            continue
        try:
            message = json.loads(line)
        except ValueError:
            continue
        if isinstance(message, dict) and "reason" in message:
            yield message


def _relative(file_name: str, root: Path | None) -> str:
    if root is not None and Path(file_name).is_absolute():
        try:
            return str(Path(file_name).resolve().relative_to(root.resolve()))
        except ValueError:
            return file_name
    return file_name


def _call_site(span: dict[str, object]) -> dict[str, object]:
    """Follow macro expansions out to the outermost invocation (the line a reader can change)."""
    current = span
    for _ in range(32):  # expansion chains are short; bound them anyway
        expansion = current.get("expansion")
        if not isinstance(expansion, dict) or not isinstance(expansion.get("span"), dict):
            break
        current = expansion["span"]
    return current


def _span(raw: dict[str, object], root: Path | None, primary: bool) -> Span:
    site = _call_site(raw) if primary else raw
    label = raw.get("label")
    return Span(_relative(str(site.get("file_name", "")), root), int(str(site.get("line_start", 1))),
                int(str(site.get("column_start", 1))), label if isinstance(label, str) else "", primary)


def _notes(children: object) -> tuple[str, ...]:
    notes: list[str] = []
    for child in children if isinstance(children, list) else []:
        if not isinstance(child, dict):
            continue
        notes.append(f"{child.get('level', 'note')}: {child.get('message', '')}")
        notes.extend(str(s["label"]) for s in child.get("spans", []) if isinstance(s, dict) and s.get("label"))
    return tuple(notes)


def diagnostic(message: dict[str, object], root: Path | None = None) -> Diagnostic | None:
    """A `compiler-message` as a Diagnostic, or None when it is not a located rustc diagnostic."""
    body = message.get("message")
    if message.get("reason") != "compiler-message" or not isinstance(body, dict):
        return None
    raw_spans = [s for s in body.get("spans", []) if isinstance(s, dict)]
    if not raw_spans:  # "aborting due to N previous errors" and other summaries
        return None
    spans = [_span(s, root, bool(s.get("is_primary"))) for s in raw_spans]
    spans.sort(key=lambda s: not s.primary)
    code = body.get("code")
    return Diagnostic(str(body.get("level", "")), str(code["code"]) if isinstance(code, dict) else None,
                      str(body.get("message", "")), tuple(spans), _notes(body.get("children")),
                      str(body.get("rendered") or ""))


def diagnostics(lines: Iterable[str], root: Path | None = None, levels: tuple[str, ...] = ("error",)
                ) -> list[Diagnostic]:
    """The located diagnostics of the given levels, each once (cargo repeats them for several targets)."""
    seen: set[tuple[object, ...]] = set()
    found = []
    for message in json_messages(lines):
        item = diagnostic(message, root)
        if item is None or item.level not in levels:
            continue
        primary = item.primary
        key = (item.code, item.message, primary.file if primary else None, primary.line if primary else None,
               primary.column if primary else None)
        if key not in seen:
            seen.add(key)
            found.append(item)
    return found


def built_libraries(lines: Iterable[str]) -> set[str]:
    """The library targets cargo built (or found fresh): `compiler-artifact` messages of lib-like targets."""
    found = set()
    for message in json_messages(lines):
        target = message.get("target")
        if message.get("reason") == "compiler-artifact" and isinstance(target, dict) and \
                any(k in ("lib", "rlib", "proc-macro") for k in target.get("kind", [])):
            found.add(str(target.get("name", "")))
    return found


def signature(item: Diagnostic) -> tuple[str | None, str | None, str]:
    """What makes two errors "the same" across commits: code, file and message (lines move)."""
    primary = item.primary
    return item.code, primary.file if primary is not None else None, item.message


def build_failed(lines: Iterable[str]) -> bool | None:
    """cargo's own verdict from its `build-finished` message (None if it never got that far)."""
    for message in json_messages(lines):
        if message.get("reason") == "build-finished":
            return not message.get("success")
    return None


# --- attribution -------------------------------------------------------------------------------------------


def is_connector_file(file: str, connector: str) -> bool:
    return file == layout.connector_main_file(connector) or file.startswith(layout.connector_folder(connector) + "/")


def mentions(item: Diagnostic, type_name: str) -> bool:
    return re.search(rf"\b{re.escape(type_name)}\b", item.text) is not None


@dataclass(frozen=True)
class Attribution:
    """A diagnostic charged to the connector, at the span in its files (or at the registration point)."""

    diagnostic: Diagnostic
    span: Span


def own_errors(items: list[Diagnostic], connector: str) -> list[Attribution]:
    """Errors in the connector's own files: the primary span is there, or (for an error raised in shared code,
    such as a `default_imp_for_*!` expansion clashing with the connector's own impl) another span is."""
    found = []
    for item in items:
        primary = item.primary
        if primary is not None and is_connector_file(primary.file, connector):
            found.append(Attribution(item, primary))
            continue
        secondary = next((s for s in item.spans if is_connector_file(s.file, connector)), None)
        if secondary is not None:
            found.append(Attribution(item, secondary))
    return found


def registration_errors(items: list[Diagnostic], connector: str, type_name: str,
                        registration_files: tuple[str, ...] = REGISTRATION_FILES) -> list[Attribution]:
    """Errors at a registration point that name the connector (E0004 `Connector::Camel` not covered, ...)."""
    own = {id(a.diagnostic) for a in own_errors(items, connector)}
    found = []
    for item in items:
        primary = item.primary
        if (id(item) not in own and primary is not None and primary.file in registration_files
                and (mentions(item, type_name) or mentions(item, connector))):
            found.append(Attribution(item, primary))
    return found


def unattributed(items: list[Diagnostic], attributed: list[Attribution]) -> list[Diagnostic]:
    taken = {id(a.diagnostic) for a in attributed}
    return [item for item in items if id(item) not in taken]
