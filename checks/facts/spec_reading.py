"""Read a GRACE tech spec by meaning, not by layout: base URLs, endpoints, the endpoint that serves each flow, and
the status mappings.

Real GRACE output comes in several dialects: the HS template's `| Operation | Method | Endpoint | Purpose |` tables
and `**Base URL**:` bullet; the techspec workflow's `**Base URLs:**` list with Sandbox/Live labels,
`### 1. Create an Authorization` sections carrying `**Endpoint:** `POST /authorizations``, cURL examples and bare
inventory lists; hand-written specs with environment tables, prose ("send a POST request to `/v1/charges`") and
code blocks. This module reads all of them into the same dataclasses, each fact with its 1-based line.

A flow is matched to an endpoint by the words that name the *operation* (a table's Operation cell, a list label,
the section heading) and checked against the HTTP method. A path alone never makes a match: an endpoint known only
from its path (an inventory entry such as `POST /transfers/{transfer_id}/reversals` under `### Transfers`) is kept
as a *candidate* for the hint, not as the flow's endpoint.

Markdown facts are line facts, so regular expressions over the document model of target/markdown_doc.py suffice.
Known limits: English verb vocabulary (`_READ`, `_CREATE`, ...); "settle" reads as capture; a bare "reversal" is a
`medium` refund; psync takes the first read of a payment-like object (the others stay in `alternatives`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..facts.flow_catalog import ENFORCED_FLOWS
from ..facts.grace_docs import document
from ..target.fact_cache import fact
from ..target.markdown_doc import Heading, MarkdownDoc, parse_markdown

if TYPE_CHECKING:
    from ..target.repository import Repository

# The nine flows of the guide's "Flow Selection" (facts/flow_catalog.py names the void flow "cancel").
FLOWS = ENFORCED_FLOWS
FLOW_ALIASES = {"void": "cancel", "execute": "refund", "payment_sync": "psync", "refund_sync": "rsync",
                "tokenize": "tokenization", "pre_processing": "preprocessing", "accesstoken": "access_token"}
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
ENVIRONMENTS = ("sandbox", "live", "production", "unknown")
CONFIDENCES = ("explicit", "high", "medium")  # strongest first; "weak" is a candidate only, never a match
# The sections of GRACE's HS template (grace/connector_integration/template/tech_spec.md), by keyword (grace_rules
# §1.5.3): a spec that has most of its H2 sections is in the template's dialect and is held to all of them.
TEMPLATE_H2 = ("Overview", "API Endpoints", "Data Models", "Implementation Details", "Webhook", "Error Handling",
               "Testing", "References")
TEMPLATE_H3 = ("Basic Information", "Authentication", "Supported Features", "Payment Operations", "Refund Operations",
               "Status Mapping", "Error Code Mapping", "Amount Handling", "API Error Response Format")

# --------------------------------------------------------------------------------------------------------------
# Data


@dataclass(frozen=True)
class BaseUrl:
    environment: str  # sandbox | live | production | unknown
    url: str
    line: int
    label: str  # the words the environment was read from ("Live (Production)", "Sandbox", a heading), or ""
    form: str  # inline | list | table | section
    placeholder: bool = False  # `{{connector_base_url}}`, `https://...`, `[Base URL]`: a field, but no real URL


@dataclass(frozen=True)
class Endpoint:
    method: str
    path: str  # always starts with "/"; the host (and a known base URL's path prefix) removed
    line: int
    operation: str  # the words naming the operation: Operation cell, list label, section heading; "" if none
    detail: str  # secondary words: Purpose cell, **Description:**, the rest of the line
    heading: str  # the nearest heading above
    heading_line: int
    form: str  # table | field | list | inventory | prose | code | curl
    url: str = ""  # the absolute URL, when the spec gives one
    flow_hint: str = ""  # an explicit flow name: a Flow column, or "(PSync)" in the row
    example: bool = False  # a cURL example of an endpoint its section already states

    @property
    def template(self) -> str:
        return normalize_path(self.path)


@dataclass(frozen=True)
class FlowMatch:
    flow: str
    endpoint: Endpoint | None
    confidence: str  # explicit | high | medium | none
    reason: str
    alternatives: tuple[Endpoint, ...] = ()  # other endpoints that also serve the flow (weaker, or later)
    candidates: tuple[Endpoint, ...] = ()  # path-only guesses, for a hint; never the match
    mentions: tuple[int, ...] = ()  # lines that talk about the flow without giving an endpoint (unmatched only)

    @property
    def matched(self) -> bool:
        return self.endpoint is not None


@dataclass(frozen=True)
class StatusMapping:
    connector_status: str
    target: str  # the Hyperswitch side, without any `AttemptStatus::` prefix
    enum: str  # AttemptStatus | RefundStatus | "" (unknown), written or guessed from the words around it
    line: int
    form: str  # table | list
    qualified: bool = False  # the enum is written with the variant (`AttemptStatus::Charged`), not guessed


@dataclass
class SpecReading:
    base_urls: list[BaseUrl]
    endpoints: list[Endpoint]
    flows: dict[str, FlowMatch]
    status_mappings: list[StatusMapping]
    headings: list[Heading] = field(default_factory=list)

    def base_url(self, environment: str) -> BaseUrl | None:
        """The first real base URL for `sandbox` or `live`/`production`; a lone unlabelled URL serves both."""
        real = [b for b in self.base_urls if not b.placeholder]
        wanted = {"sandbox": ("sandbox",), "live": ("live", "production"),
                  "production": ("production", "live")}.get(environment, (environment,))
        for env in wanted:
            found = next((b for b in real if b.environment == env), None)
            if found is not None:
                return found
        unknown = [b for b in real if b.environment == "unknown"]
        return unknown[0] if len({b.url for b in unknown}) == 1 else None

    def unmatched(self, flows: Iterable[str] | None = None) -> list[str]:
        names = [canonical_flow(f) for f in flows] if flows is not None else list(self.flows)
        return [f for f in names if f in self.flows and not self.flows[f].matched]

    def heading(self, pattern: str, level: int | None = None) -> Heading | None:
        """The first heading whose words match `pattern` (case-insensitive)."""
        compiled = re.compile(pattern, re.I)
        return next((h for h in self.headings if compiled.search(h.text) and (level is None or h.level == level)),
                    None)

    @property
    def dialect(self) -> str:
        """template (the HS tech_spec.md's numbered sections), techspec (GRACE's techspec workflow: Connector
        Information, Complete Endpoint Inventory) or hand-written (anything else)."""
        found = sum(self.heading(re.escape(k), 2) is not None for k in TEMPLATE_H2)
        if found * 2 >= len(TEMPLATE_H2):
            return "template"
        if self.heading(r"endpoint inventory|connector information") is not None:
            return "techspec"
        return "hand-written"


# --------------------------------------------------------------------------------------------------------------
# A small Markdown line model

@dataclass(frozen=True)
class _Line:
    number: int
    text: str
    code: bool  # inside a fenced block (the fences included)
    lang: str  # the enclosing fence's language
    block: int  # index of the enclosing fenced block, -1 outside
    heading: Heading | None  # nearest heading at or above, its text cleaned of emphasis


@dataclass
class _Table:
    line: int
    headers: list[str]  # cleaned, lower-case
    rows: list[tuple[int, list[str]]]  # (line, cleaned cells)
    heading: Heading | None


def _model(doc: MarkdownDoc) -> tuple[list[_Line], list[Heading], list[_Table]]:
    """The document's lines, headings and tables as the readers use them: heading texts and cells without emphasis."""
    cleaned = {h.line: Heading(h.level, _clean(h.text), h.line) for h in doc.headings}
    lines = []
    for number, text in enumerate(doc.lines, start=1):
        raw = doc.heading_at(number)
        heading = cleaned[raw.line] if raw is not None else None
        block = doc.blocks.get(number)
        lines.append(_Line(number, text, number in doc.code_lines, block.lang if block else "",
                           block.index if block else -1, heading))
    tables = [_Table(t.line, [_clean(h).lower() for h in t.headers],
                     [(r.line, [_clean(c) for c in r.values]) for r in t.rows],
                     cleaned[t.heading.line] if t.heading is not None else None) for t in doc.tables]
    return lines, list(cleaned.values()), tables


def _clean(text: str) -> str:
    """Drop Markdown emphasis and code ticks; collapse spaces."""
    text = re.sub(r"(\*\*|__|`)", "", text)
    text = re.sub(r"(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)", "", text)
    return re.sub(r"\s+", " ", text).strip()


# A `label: rest` line, with the label optionally bold and the colon inside or outside the bold:
# `- **Base URL**: `https://…``, `**Base URLs:**`, `- **Sandbox:** `https://…``, `- Sandbox: https://…`.
_FIELD = re.compile(r"^\s*(?:[-*+]|\d+[.)])?\s*(?:\*\*)?(?P<label>[^:*`|]{1,60}?)(?:\*\*)?\s*:(?!//)\s*(?:\*\*)?"
                    r"\s*(?P<rest>.*)$")
_LIST_ITEM = re.compile(r"^(?P<indent>\s*)(?:[-*+]|\d+[.)])\s+")


def _field(text: str) -> tuple[str, str] | None:
    if text.lstrip().startswith(("|", "#", ">")):
        return None
    match = _FIELD.match(text)
    if match is None:
        return None
    label = _clean(match.group("label"))
    if not label or len(label.split()) > 8:
        return None
    return label, match.group("rest").strip()


# --------------------------------------------------------------------------------------------------------------
# Environments and base URLs

_URL = re.compile(r"https?://[^\s`'\"<>|)\]]+")
_BASE_LABEL = re.compile(r"\bbase[\s_-]*urls?\b|\bbase[\s_-]*(?:end ?point|host|address)s?\b|"
                         r"\b(?:sandbox|test(?:ing)?|staging|live|prod(?:uction)?|api)[\s_-]*(?:urls?|hosts?)\b",
                         re.I)
_ENV_WORDS = (
    ("sandbox", re.compile(r"sandbox|\btest(?:ing|s)?\b|\bstag(?:e|ing)\b|\buat\b|\bdev(?:elopment)?\b|\bdemo\b|"
                           r"pre-?prod", re.I)),
    ("live", re.compile(r"\blive\b", re.I)),
    ("production", re.compile(r"\bprod(?:uction)?\b", re.I)),
)
_PLACEHOLDER_URL = re.compile(r"\{\{|\{[a-z_]+\}|\.\.\.|\u2026|xxx|\[|<|example\.(?:com|org)|your[-_]", re.I)


def environment_of(text: str) -> str:
    """`Live (Production)` -> live, `Base URL (Sandbox/Test)` -> sandbox, `sandboxUrl` -> sandbox, else unknown.

    The first environment word wins, so `Live (Production)` is live and `pre-prod` is sandbox.
    """
    spaced = re.sub(r"([a-z])([A-Z])", r"\1 \2", text).replace("_", " ")
    hits = [(m.start(), env) for env, pattern in _ENV_WORDS if (m := pattern.search(spaced))]
    return min(hits)[1] if hits else "unknown"


def _urls_in(text: str) -> list[str]:
    return [u if u.endswith("...") else u.rstrip(".,;:") for u in _URL.findall(text)]


def _is_placeholder_url(url: str) -> bool:
    host = urlsplit(url).netloc
    return not host or bool(_PLACEHOLDER_URL.search(url))


def _placeholder_in(rest: str) -> bool:
    stripped = _clean(rest)
    return bool(stripped) and (bool(re.search(r"\{\{.*\}\}|\[[^\]]*\]|<[^>]+>", stripped))
                               or bool(_PLACEHOLDER_URL.search(stripped)))


def read_base_urls(text: str) -> list[BaseUrl]:
    lines, _, tables = _model(parse_markdown(text))
    return _base_urls(lines, tables)


def _heading_env(heading: Heading | None) -> tuple[str, str]:
    if heading is None:
        return "unknown", ""
    env = environment_of(heading.text)
    return env, heading.text if env != "unknown" else ""


def _base_urls(lines: Sequence[_Line], tables: Sequence[_Table]) -> list[BaseUrl]:
    found: list[BaseUrl] = []
    seen: set[tuple[int, str]] = set()

    def add(env: str, url: str, line: int, label: str, form: str, placeholder: bool = False) -> None:
        if (line, url) not in seen:
            seen.add((line, url))
            found.append(BaseUrl(env, url, line, label, form, placeholder))

    by_number = {ln.number: ln for ln in lines}
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if line.code:
            continue
        parsed = _field(line.text)
        heading_names_base = (line.heading is not None and line.heading.line == line.number
                              and _BASE_LABEL.search(line.heading.text) is not None)
        if parsed is None and not heading_names_base:
            continue
        if parsed is not None and _BASE_LABEL.search(parsed[0]) is None:
            continue
        if parsed is not None:
            label, rest = parsed
            env = environment_of(label)
            env, env_label = (env, label) if env != "unknown" else _heading_env(line.heading)
            urls = _urls_in(rest)
            for url in urls:
                add(env, url, line.number, env_label, "inline", _is_placeholder_url(url))
            if urls:
                continue
            if _placeholder_in(rest):
                add(env, _clean(rest), line.number, env_label, "inline", True)
                continue
            form, stop_at_blank = "list", True
        else:
            form, stop_at_blank = "section", False
        # The URLs follow on the next lines: list items (`- **Sandbox:** `https://…``), or a heading's section.
        seen_item = False
        while index < len(lines):
            nxt = lines[index]
            if nxt.code or (nxt.heading is not None and nxt.heading.line == nxt.number):
                break
            stripped = nxt.text.strip()
            if not stripped:
                if stop_at_blank and seen_item:
                    break
                index += 1
                continue
            if stripped.startswith("|"):
                break  # a table: read below
            item = _LIST_ITEM.match(nxt.text)
            if stop_at_blank and item is None:
                break
            sub = _field(nxt.text)
            sub_label = sub[0] if sub else ""
            if sub is not None and _BASE_LABEL.search(sub_label) is None and environment_of(sub_label) == "unknown":
                break  # another field (`**Additional URLs:**`, `- **API Documentation**: …`) ends the block
            seen_item = True
            for url in _urls_in(nxt.text):
                env = environment_of(sub_label) if sub_label else environment_of(stripped.split(url)[0])
                label_used = sub_label
                if env == "unknown":
                    env, label_used = _heading_env(by_number[nxt.number].heading)
                add(env, url, nxt.number, label_used, form, _is_placeholder_url(url))
            index += 1

    for table in tables:
        heading_names_base = table.heading is not None and (
            _BASE_LABEL.search(table.heading.text) is not None
            or re.search(r"\benvironments?\b|\bendpoints?\b|\burls?\b|\bhosts?\b", table.heading.text, re.I))
        env_col = next((i for i, h in enumerate(table.headers)
                        if re.search(r"\benv(?:ironment)?s?\b|\bmode\b|\bstage\b", h)), None)
        url_cols = [i for i, h in enumerate(table.headers) if re.search(r"\burls?\b|\bhosts?\b|\bendpoint", h)]
        for number, cells in table.rows:
            key = cells[0] if cells else ""
            for col, cell in enumerate(cells):
                for url in _urls_in(cell):
                    if env_col is not None and (url_cols or heading_names_base) and col != env_col:
                        label = cells[env_col] if env_col < len(cells) else ""
                    elif col != 0 and _BASE_LABEL.search(key):
                        label = key  # key/value: `| Sandbox Base URL | https://… |`, `| baseUrl | … |`
                    elif heading_names_base and col != 0:
                        label = key
                    else:
                        continue
                    env = environment_of(label)
                    add(env, url, number, label, "table", _is_placeholder_url(url))
    found.sort(key=lambda b: b.line)
    return found


# --------------------------------------------------------------------------------------------------------------
# Endpoints

_METHOD_TARGET = re.compile(
    r"(?<![\w/-])[`*]*(?P<method>GET|POST|PUT|PATCH|DELETE)[`*]*(?:\s+requests?)?\s+(?:(?:to|on|at|against)\s+)?"
    r"[`*]*(?P<target>https?://[^\s`'\"|<>)\]]+|/[^\s`'\"|<>)\]]*)")
_CURL = re.compile(r"(?:^|[\s$>])curl\s")
_ENDPOINT_LABEL = re.compile(r"^(?:(?:api|http|rest)\s+)?(?:end ?points?|urls?|uris?|paths?|routes?|requests?|"
                             r"methods?|resources?|calls?)$", re.I)
_DESCRIPTION_LABEL = re.compile(r"^(?:description|purpose|summary|overview|what it does|use)$", re.I)
_PATH_CELL = re.compile(r"^/?[\w{}.:~\-]+(?:/[\w{}.:~\-]*)*$")


def normalize_path(path: str) -> str:
    """`/authorizations/{authorization_id}` -> `/authorizations/{}`; `:id`, `<id>`, `[id]` too; no trailing slash."""
    path = re.sub(r"\{[^}/]*\}|<[^>/]*>|\[[^\]/]*\]|(?<=/):[A-Za-z_]\w*", "{}", path)
    path = re.sub(r"/{2,}", "/", path)
    return path.rstrip("/") or "/"


def absolute_path(endpoint: Endpoint, base_url: str = "") -> str:
    """The endpoint's path from the host root: its own URL's path, else the base URL's path joined with its path.

    `/payments` under `https://api.example.test/v1` is `/v1/payments`; a path already starting with the base's path
    (`/v1/payments`) is not prefixed twice. Compare this with the code's `base_url` path + `format!` suffix.
    """
    if endpoint.url:
        return normalize_path(urlsplit(endpoint.url).path or "/")
    prefix = urlsplit(base_url).path.rstrip("/") if base_url else ""
    path = endpoint.path
    if prefix and not (path == prefix or path.startswith(prefix + "/")):
        path = prefix + path
    return normalize_path(path)


def _split_target(target: str, bases: Sequence[str]) -> tuple[str, str]:
    """(path, absolute url) from a path or URL; a known base URL's own path prefix is removed."""
    target = target.rstrip(".,;:")
    if target.lower().startswith("http"):
        url = re.split(r"[?#]", target)[0]
        for base in sorted(bases, key=len, reverse=True):
            if url.rstrip("/").startswith(base.rstrip("/")) and base.startswith("http"):
                rest = url[len(base.rstrip("/")):]
                return ("/" + rest.lstrip("/")) if rest else "/", url
        return urlsplit(url).path or "/", url
    path = re.split(r"[?#]", target)[0]
    return "/" + path.lstrip("/") if path else "/", ""


def _operation_of_heading(heading: Heading | None) -> str:
    if heading is None:
        return ""
    text = re.sub(r"^(?:step\s+)?[\d.]+[.):]?\s+", "", heading.text, flags=re.I)
    return re.sub(r"\s*\bend ?point\b\s*$", "", text, flags=re.I).strip()


def _section_description(lines: Sequence[_Line], heading: Heading | None) -> str:
    if heading is None:
        return ""
    for line in lines:
        if line.number <= heading.line or line.code:
            continue
        if line.heading is not heading:
            break
        parsed = _field(line.text)
        if parsed and _DESCRIPTION_LABEL.match(parsed[0]):
            return _clean(parsed[1])
    return ""


def read_endpoints(text: str) -> list[Endpoint]:
    lines, _, tables = _model(parse_markdown(text))
    return _endpoints(lines, tables, [b.url for b in _base_urls(lines, tables) if not b.placeholder])


def _table_endpoints(tables: Sequence[_Table], bases: Sequence[str]) -> Iterator[Endpoint]:
    for table in tables:
        headers = table.headers
        method_col = next((i for i, h in enumerate(headers) if re.search(r"\bmethod\b|\bverb\b", h)), None)
        path_col = next((i for i, h in enumerate(headers) if i != method_col
                         and re.search(r"\b(?:end ?points?|paths?|urls?|uris?|routes?)\b", h)
                         and "name" not in h), None)
        flow_col = next((i for i, h in enumerate(headers) if re.search(r"\bflows?\b", h)
                         and i not in (method_col, path_col)), None)
        detail_col = next((i for i, h in enumerate(headers) if re.search(r"purpose|description|notes?|details?", h)
                           and i not in (method_col, path_col, flow_col)), None)
        op_col = next((i for i, h in enumerate(headers) if re.search(r"operation|action|\bname\b|\bapi\b|function",
                                                                     h)
                       and i not in (method_col, path_col, flow_col, detail_col)), None)
        if op_col is None:
            op_col = next((i for i in range(len(headers)) if i not in (method_col, path_col, flow_col, detail_col)),
                          None)
        heading_text = table.heading.text if table.heading else ""
        heading_line = table.heading.line if table.heading else 0
        for number, cells in table.rows:
            def cell(col: int | None, cells: list[str] = cells) -> str:
                return cells[col] if col is not None and col < len(cells) else ""

            found: tuple[str, str] | None = None
            if method_col is not None and path_col is not None:
                method = cell(method_col).upper().strip()
                target = cell(path_col)
                inline = _METHOD_TARGET.search(target)
                if inline:
                    found = inline.group("method"), inline.group("target")
                elif method in METHODS and (target.lower().startswith("http") or _PATH_CELL.match(target)):
                    found = method, target
            if found is None:
                for col, value in enumerate(cells):
                    inline = _METHOD_TARGET.search(value)
                    if inline and col != op_col:
                        found = inline.group("method"), inline.group("target")
                        break
            if found is None:
                continue
            path, url = _split_target(found[1], bases)
            yield Endpoint(found[0], path, number, cell(op_col), cell(detail_col), heading_text, heading_line,
                           "table", url, cell(flow_col))


def _curl_endpoints(lines: Sequence[_Line], bases: Sequence[str], consumed: set[int]) -> Iterator[Endpoint]:
    index = 0
    while index < len(lines):
        line = lines[index]
        if not (line.code and _CURL.search(line.text)):
            index += 1
            continue
        parts, numbers = [line.text], [line.number]
        while parts[-1].rstrip().endswith("\\") and index + 1 < len(lines) and lines[index + 1].code:
            index += 1
            parts.append(lines[index].text)
            numbers.append(lines[index].number)
        index += 1
        command = " ".join(p.rstrip().rstrip("\\") for p in parts)
        urls = _urls_in(command.replace("'", " ").replace('"', " "))
        if not urls:
            continue
        explicit = re.search(r"(?:-X|--request)\s*['\"]?([A-Za-z]+)", command)
        if explicit:
            method = explicit.group(1).upper()
        elif re.search(r"\s(?:-d|--data[\w-]*|-F|--form|--json)\b", command):
            method = "POST"
        else:
            method = "GET"
        if method not in METHODS:
            continue
        consumed.update(numbers)
        path, url = _split_target(urls[0], bases)
        heading = line.heading
        yield Endpoint(method, path, line.number, _operation_of_heading(heading), "",
                       heading.text if heading else "", heading.line if heading else 0, "curl", url)


def _endpoints(lines: Sequence[_Line], tables: Sequence[_Table], bases: Sequence[str]) -> list[Endpoint]:
    found: list[Endpoint] = list(_table_endpoints(tables, bases))
    table_lines = {number for t in tables for number, _ in t.rows} | {t.line for t in tables}
    consumed: set[int] = set()
    found.extend(_curl_endpoints(lines, bases, consumed))
    block_operation: dict[int, str] = {}
    for line in lines:
        if line.number in table_lines or line.number in consumed:
            continue
        heading = line.heading
        heading_text = heading.text if heading else ""
        heading_line = heading.line if heading else 0
        if line.code:
            named = re.match(r"^\s*(?:flow|operation)\s*:\s*(.+)$", line.text, re.I)
            if named:
                block_operation[line.block] = _clean(named.group(1))
            for match in _METHOD_TARGET.finditer(line.text):
                path, url = _split_target(match.group("target"), bases)
                operation = block_operation.get(line.block) or _operation_of_heading(heading)
                found.append(Endpoint(match.group("method"), path, line.number, operation, "", heading_text,
                                      heading_line, "code", url))
            continue
        if heading is not None and heading.line == line.number:
            continue
        for match in _METHOD_TARGET.finditer(line.text):
            path, url = _split_target(match.group("target"), bases)
            parsed = _field(line.text)
            before = line.text[:match.start()]
            after = _clean(line.text[match.end():]).lstrip("`*-:\u2013\u2014 ").strip()
            if parsed is not None and parsed[1] and match.start() >= len(line.text) - len(parsed[1]) - 2:
                label = parsed[0]
                if _ENDPOINT_LABEL.match(label):
                    form, operation = "field", _operation_of_heading(heading)
                    detail = after or _section_description(lines, heading)
                else:
                    form, operation, detail = "list", label, after
            elif _LIST_ITEM.match(line.text) and not _clean(_LIST_ITEM.sub("", before)).strip("`* "):
                form, operation, detail = "inventory", "", after
            else:
                form, operation, detail = "prose", _operation_of_heading(heading), _clean(line.text)
            found.append(Endpoint(match.group("method"), path, line.number, operation, detail, heading_text,
                                  heading_line, form, url))
    # A cURL example repeats the endpoint its section already states.
    stated = {(e.heading_line, e.method) for e in found if e.form in ("field", "list", "table", "prose")}
    found = [Endpoint(e.method, e.path, e.line, e.operation, e.detail, e.heading, e.heading_line, e.form, e.url,
                      e.flow_hint, True) if e.form == "curl" and (e.heading_line, e.method) in stated else e
             for e in found]
    found.sort(key=lambda e: e.line)
    return found


# --------------------------------------------------------------------------------------------------------------
# What an operation means

def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


_ACCESS = _rx(r"access[\s_-]*token|\boauth|client[\s_-]*credentials|bearer[\s_-]*token|"
              r"auth(?:entication)?[\s_-]*token|token[\s_-]*(?:exchange|grant)")
_PREPROCESS = _rx(r"pre[\s_-]*process")
_LIST = _rx(r"\blist\b|\bsearch\b|\ball\s+\w+s\b")
_READ = _rx(r"\b(?:get|gets|getting|fetch\w*|retriev\w*|read|reads|reading|quer(?:y|ies|ying)|check(?!out)\w*|"
            r"sync\w*|look(?:ing)?\s*up|lookup|find|show|view\w*|inquir\w*|status|details?|poll\w*)\b")
_CAPTURE = _rx(r"\bcaptur(?:e|es|ed|ing)\b|\bsettle\b")
_VOID = _rx(r"\bvoid(?:s|ed|ing)?\b|\bcancel\w*|\brelease\b")
_REVERSE = _rx(r"\brevers(?:e|es|al|als|ing)\b")
_REFUND = _rx(r"\brefund\w*")
_CREATE = _rx(r"\b(?:create|creates|creation|make|initiate|submit|new|place|open|perform|process|start)\b")
_AUTHORIZE = _rx(r"\bauthori[sz]e\b|\bauthori[sz]ation\b(?!s)|\bpre-?auth\w*|\bpay\b|\bpurchase\b|\bsale\b|"
                 r"\bcharge\b|\bdebit\b")
_REFUND_OBJ = _rx(r"\brefunds?\b|\breversals?\b")
_AUTH_OBJ = _rx(r"\bauthori[sz]ations?\b|\bauths?\b|\bholds?\b|\bpre-?auth\w*")
_PAY_OBJ = _rx(r"\bpayments?\b|\bcharges?\b|\btransactions?\b|\borders?\b|\btransfers?\b|\bsales?\b|"
               r"\bpurchases?\b|\bintents?\b|\bdebits?\b|\bauthori[sz]ations?\b|\bauths?\b|\bholds?\b")
_TOKEN_OBJ = _rx(r"\btokens?\b|\bvault\w*|payment[\s_-]*instruments?|payment[\s_-]*methods?|\bcards?\b")
_TOKENIZE = _rx(r"tokeni[sz]|payment[\s_-]*method[\s_-]*token|\bvault(?:ing)?\b")
_EXPLICIT = {
    "preprocessing": _rx(r"^pre[\s_-]*processing$"),
    "tokenization": _rx(r"^(?:payment[\s_-]*method[\s_-]*token|tokeni[sz]ation|tokeni[sz]e)$"),
    "authorize": _rx(r"^authori[sz]e$"),
    "cancel": _rx(r"^(?:void|cancel)$"),
    "capture": _rx(r"^capture$"),
    "psync": _rx(r"^(?:psync|payments?[\s_-]*sync)$"),
    "access_token": _rx(r"^(?:access[\s_-]*token(?:[\s_-]*auth)?|create[\s_-]*access[\s_-]*token|"
                        r"access[\s_-]*token[\s_-]*flow)$"),
    "refund": _rx(r"^(?:refund|execute|refund[\s_-]*execute)$"),
    "rsync": _rx(r"^(?:rsync|refunds?[\s_-]*sync)$"),
}
_SYNC_FLOWS = ("psync", "rsync")


def canonical_flow(name: str) -> str:
    key = name.strip().lower().removesuffix("_flow")
    return FLOW_ALIASES.get(key, key)


def explicit_flow(text: str) -> str | None:
    """A flow stated by name: a Flow column's value, or a `(PSync)` marker in a cell or line."""
    candidates = [text.strip(), *re.findall(r"\(([A-Za-z][A-Za-z _-]{1,30})\)", text)]
    for candidate in candidates:
        for flow, pattern in _EXPLICIT.items():
            if pattern.match(candidate.strip()):
                return flow
    return None


def classify_operation(text: str) -> tuple[str | None, str]:
    """The flow an operation's words name, by the verb and its object, and why.

    (None, why) when the words name an operation that is no flow (`List Authorizations`, `Cancel Refund`): the
    words decide, so neither the description nor the path is consulted. (None, "") when they name nothing known.

    `Capture an Authorization` is capture (the verb decides, not the object); `Fetch an Authorization` is psync;
    `List Authorizations` names no flow; `Void an Authorization` and `Reverse an authorization` are cancel;
    `Create a reversal` and `Refund a transfer` are refund; `Get Refund` is rsync.
    """
    words = text.strip()
    if not words:
        return None, ""
    if _ACCESS.search(words):
        return "access_token", "names an access token"
    if _PREPROCESS.search(words):
        return "preprocessing", "names pre-processing"
    if _LIST.search(words):
        return None, "lists resources (not a sync of one payment or refund)"
    if _READ.search(words):
        if _REFUND_OBJ.search(words):
            return "rsync", "reads a refund"
        if _TOKEN_OBJ.search(words) and not _PAY_OBJ.search(words):
            return None, "reads a token or instrument (no flow)"
        if _PAY_OBJ.search(words) or re.search(r"\bstatus\b|\bsync\b", words, re.I):
            return "psync", "reads a payment"
        return None, "reads something that is not a payment or refund"
    if _TOKENIZE.search(words) or (_TOKEN_OBJ.search(words) and _CREATE.search(words)
                                   and not _PAY_OBJ.search(words)):
        return "tokenization", "tokenizes a payment method"
    if _CAPTURE.search(words):
        return "capture", "captures"
    if _VOID.search(words):
        if _REFUND_OBJ.search(words):
            return None, "cancels a refund (no flow)"
        return "cancel", "voids/cancels"
    if _REVERSE.search(words):
        if _AUTH_OBJ.search(words):
            return "cancel", "reverses an authorization"
        return "refund", "reverses a payment (a reversal is a refund)"
    if _REFUND.search(words):
        return "refund", "refunds"
    if _AUTHORIZE.search(words) or (_CREATE.search(words) and _PAY_OBJ.search(words)):
        return "authorize", "creates a payment/authorization"
    return None, ""


def _method_fits(flow: str, method: str) -> str | None:
    """None when the method cannot serve the flow; else "" (fits) or a note (unusual but possible)."""
    if flow in _SYNC_FLOWS:
        if method == "GET":
            return ""
        return "read by POST" if method == "POST" else None
    if method == "GET":
        return None
    if method == "DELETE":
        return "" if flow == "cancel" else None
    return ""


_PATH_WORDS = (
    ("capture", _rx(r"^captures?$")),
    ("cancel", _rx(r"^(?:void|voids|cancel|cancels|cancellation)$")),
    ("refund", _rx(r"^(?:refunds?|reversals?|reverse)$")),
    ("access_token", _rx(r"^(?:oauth2?|access[_-]?tokens?)$")),
    ("tokenization", _rx(r"^(?:tokens?|payment[_-]?instruments?|payment[_-]?methods?|vault)$")),
    ("preprocessing", _rx(r"^pre[_-]?process\w*$")),
    ("payment", _rx(r"^(?:payments?|charges?|transactions?|orders?|transfers?|authori[sz]ations?|sales?|"
                    r"purchases?|payment[_-]?intents?)$")),
)


def _path_guess(method: str, path: str) -> str | None:
    """What a path alone suggests (REST reading); only ever a candidate."""
    segments = [s for s in path.strip("/").split("/") if s]
    literals = [re.sub(r"\.\w+$", "", s).lower() for s in segments if not re.fullmatch(r"\{[^}]*\}|:\w+", s)]
    if not literals:
        return None
    ends_with_id = bool(segments) and bool(re.fullmatch(r"\{[^}]*\}|:\w+", segments[-1]))
    last = literals[-1]
    kind = next((k for k, pattern in _PATH_WORDS if pattern.match(last)), None)
    if kind == "refund":
        return "rsync" if method == "GET" else "refund"
    if kind == "payment":
        if method == "GET" and ends_with_id:
            return "psync"
        if method == "POST" and not ends_with_id:
            return "authorize"
        return None
    if kind in ("capture", "cancel"):
        return kind if method in ("POST", "PUT", "PATCH") or (kind == "cancel" and method == "DELETE") else None
    if kind is not None:  # access_token, tokenization, preprocessing: creating one
        return kind if method == "POST" and not ends_with_id else None
    return None


_FORM_RANK = {"table": 0, "field": 0, "list": 0, "prose": 1, "code": 2, "inventory": 3, "curl": 3}
_MENTION = {
    "refund": _rx(r"\brefunds?\b|\breversals?\b"),
    "rsync": _rx(r"\brefunds?\b|\breversals?\b"),
    "psync": _rx(r"\bsync\b|\bstatus\b"),
    "capture": _CAPTURE,
    "cancel": _rx(r"\bvoid|\bcancel"),
    "authorize": _rx(r"\bauthori[sz]|\bpayments?\b"),
    "tokenization": _rx(r"tokeni[sz]|\bvault"),
    "access_token": _ACCESS,
    "preprocessing": _PREPROCESS,
}


def _judge(endpoint: Endpoint) -> tuple[str, str, str] | None:
    """(flow, confidence, reason) for an endpoint read by its words and method; None when the words name none."""
    where = f"line {endpoint.line}"
    for said, source in ((endpoint.flow_hint, "Flow column"), (endpoint.operation, "operation"),
                         (endpoint.detail, "description")):
        marked = explicit_flow(said) if said else None
        if marked is not None and _method_fits(marked, endpoint.method) is not None:
            return marked, "explicit", (f"{source} {said!r} at {where} names the flow; "
                                        f"`{endpoint.method} {endpoint.path}` at line {endpoint.line}")
        if source == "Flow column" and said and marked is None and re.fullmatch(r"[A-Za-z][\w ]*", said):
            return "", "", f"its Flow column names {said!r}, not a guide flow"
    for text, source, confidence in ((endpoint.operation, "operation", "high"),
                                     (endpoint.detail, "description", "medium")):
        flow, why = classify_operation(text)
        if flow is None:
            if why:
                return "", "", why  # the words name an operation that serves no flow
            continue
        fits = _method_fits(flow, endpoint.method)
        if fits is None:
            continue
        if fits or (flow == "refund" and "reversal" in why and not _REFUND.search(text)):
            confidence = "medium"
        origin = {"table": f"Operation cell, line {endpoint.line}", "list": f"list label, line {endpoint.line}",
                  "inventory": f"line {endpoint.line}"}.get(endpoint.form,
                                                            f"heading at line {endpoint.heading_line}")
        if source == "description":
            origin = f"line {endpoint.line}"
        note = f" ({fits})" if fits else ""
        return flow, confidence, (f"{source} {text!r} ({origin}) {why}; `{endpoint.method} {endpoint.path}` "
                                  f"at line {endpoint.line}{note}")
    return None


def map_flows(endpoints: Sequence[Endpoint], flows: Iterable[str] = FLOWS,
              lines: Sequence[tuple[int, str]] = ()) -> dict[str, FlowMatch]:
    """Each flow's endpoint, by the operation's meaning. `lines` (number, text) feed `mentions` when unmatched."""
    judged: dict[str, list[tuple[int, int, int, Endpoint, str, str]]] = {}
    guessed: dict[str, list[Endpoint]] = {}
    for endpoint in endpoints:
        if endpoint.example:
            continue
        verdict = _judge(endpoint)
        if verdict is not None and not verdict[0]:
            continue  # named, but no flow: no path guess either
        if verdict is not None:
            flow, confidence, reason = verdict
            judged.setdefault(flow, []).append((CONFIDENCES.index(confidence), _FORM_RANK[endpoint.form],
                                                endpoint.line, endpoint, confidence, reason))
            continue
        guess = _path_guess(endpoint.method, endpoint.path)
        if guess is not None:
            guessed.setdefault(guess, []).append(endpoint)
    result: dict[str, FlowMatch] = {}
    endpoint_lines = {e.line for e in endpoints}
    for name in flows:
        flow = canonical_flow(name)
        ranked = sorted(judged.get(flow, []), key=lambda item: item[:3])
        candidates = tuple(guessed.get(flow, ()))
        if ranked:
            best = ranked[0]
            seen = {(best[3].method, best[3].template)}
            alternatives = []
            for item in ranked[1:]:
                key = (item[3].method, item[3].template)
                if key not in seen:
                    seen.add(key)
                    alternatives.append(item[3])
            result[flow] = FlowMatch(flow, best[3], best[4], best[5], tuple(alternatives), candidates)
            continue
        pattern = _MENTION.get(flow)
        mentions = tuple(n for n, text in lines if pattern is not None and n not in endpoint_lines
                         and pattern.search(text))[:5]
        if candidates:
            listed = ", ".join(f"`{c.method} {c.path}` (line {c.line})" for c in candidates)
            reason = (f"no operation in the spec is described as {flow}; only a path suggests it: {listed}, "
                      f"listed without an operation description")
        else:
            reason = f"no endpoint in the spec is described as {flow}"
        result[flow] = FlowMatch(flow, None, "none", reason, (), candidates, mentions)
    return result


# --------------------------------------------------------------------------------------------------------------
# Status mappings (tables or arrow lists pairing connector statuses with AttemptStatus / RefundStatus variants)

_ENUM_REF = re.compile(r"(?:(?:common_)?enums::)?(?P<enum>AttemptStatus|RefundStatus)::(?P<variant>\w+)")
_ARROW = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+[`*\"']*(?P<left>[\w .:/-]+?)[`*\"']*\s*(?:\u2192|->|=>|maps to)\s*"
                    r"[`*]*(?P<right>[\w:]+)[`*]*")


def read_status_mappings(text: str) -> list[StatusMapping]:
    lines, _, tables = _model(parse_markdown(text))
    return _status_mappings(lines, tables)


def _enum_for(context: str) -> str:
    if re.search(r"refund", context, re.I):
        return "RefundStatus"
    if re.search(r"payment|attempt|authori|capture|void|sync|process|authenticat", context, re.I):
        return "AttemptStatus"
    return ""


def _status_mappings(lines: Sequence[_Line], tables: Sequence[_Table]) -> list[StatusMapping]:
    found: list[StatusMapping] = []
    for table in tables:
        target_col = next((i for i, h in enumerate(table.headers)
                           if re.search(r"hyperswitch|attempt ?status|refund ?status|\bhs\b|router|ucs|maps? to|"
                                        r"mapped", h) and "error" not in h), None)
        if target_col is None:
            continue
        source_col = next((i for i, h in enumerate(table.headers) if i != target_col
                           and re.search(r"connector|status|state|code|value", h)), None)
        if source_col is None:
            continue
        if not re.search(r"status|state", " ".join(table.headers) + " " + (table.heading.text if table.heading
                                                                            else ""), re.I):
            continue
        above = [ln.text for ln in lines if table.line - 4 < ln.number < table.line and not ln.code]
        context = " ".join([table.heading.text if table.heading else "", *above, table.headers[target_col]])
        for number, cells in table.rows:
            if max(source_col, target_col) >= len(cells):
                continue
            ref = _ENUM_REF.search(cells[target_col])
            target = ref.group("variant") if ref else cells[target_col].strip("` ").rsplit("::", 1)[-1]
            if not target:
                continue
            enum = ref.group("enum") if ref else _enum_for(context)
            found.append(StatusMapping(cells[source_col], target, enum, number, "table", ref is not None))
    for line in lines:
        if line.code:
            continue
        match = _ARROW.match(line.text)
        if match is None:
            continue
        right = match.group("right")
        ref = _ENUM_REF.search(right)
        heading = line.heading.text if line.heading else ""
        if ref is None and not (re.fullmatch(r"[A-Z][A-Za-z]+", right) and re.search(r"status|state", heading, re.I)):
            continue
        enum = ref.group("enum") if ref else _enum_for(heading)
        found.append(StatusMapping(match.group("left").strip(), ref.group("variant") if ref else right, enum,
                                   line.number, "list", ref is not None))
    found.sort(key=lambda m: m.line)
    return found


# --------------------------------------------------------------------------------------------------------------
# The whole reading


def read_spec_doc(doc: MarkdownDoc, flows: Iterable[str] = FLOWS) -> SpecReading:
    lines, headings, tables = _model(doc)
    base_urls = _base_urls(lines, tables)
    endpoints = _endpoints(lines, tables, [b.url for b in base_urls if not b.placeholder])
    prose = [(ln.number, ln.text) for ln in lines if not ln.code]
    return SpecReading(base_urls, endpoints, map_flows(endpoints, flows, prose), _status_mappings(lines, tables),
                       headings)


def read_spec(text: str, flows: Iterable[str] = FLOWS) -> SpecReading:
    return read_spec_doc(parse_markdown(text), flows)


@fact
def spec_reading(repo: Repository, rel: str) -> SpecReading:
    """The tech spec at `rel`, read once per run for every guide flow (rules pick the selected ones)."""
    return read_spec_doc(document(repo, rel))
