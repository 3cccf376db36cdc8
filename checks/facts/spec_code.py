"""Where the tech spec and the code both speak (grace_rules WI-03, HC-01): the spec's sandbox and live base URLs
against the connector's `base_url` in config/development.toml and config/deployments/production.toml, and each
flow's spec endpoint against the `format!` its `get_url` builds.

The code side is read with ast-grep: the flow's `impl ConnectorIntegration<Flow, ..>` (facts/flow_status.py), every
`format!` in its `get_url` whose arguments put the connector's `base_url` first (directly, through a local such as
`let base = self.base_url(connectors)`, or inline `{base_url}`), and the literal suffix after it. A local bound to
string literals (`let flow = match .. { .. => "transfers", .. => "authorizations" }`) expands into alternative
suffixes; every other placeholder is `{}`. URLs built any other way (helpers, `push_str`, a secondary base URL) are
not compared: where one side is silent there is no comparison, and the existence rules judge the silence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ast_grep_py import SgNode

from ..facts.flow_catalog import ENFORCED_FLOWS, flow_specs
from ..facts.flow_status import connector_impls, pick_impl
from ..facts.grace_docs import spec_path
from ..facts.spec_reading import Endpoint, SpecReading, absolute_path, normalize_path, spec_reading
from ..target import layout
from ..target.fact_cache import fact
from ..target.rust import last_segment, line_of

if TYPE_CHECKING:
    from ..target.repository import Repository

BASE = "\x00BASE\x00"  # where the base URL sits in an expanded format string
# Which config's `[connectors]` base URL the spec's environment is compared with.
ENVIRONMENT_CONFIGS = (("sandbox", layout.DEVELOPMENT_TOML), ("live", layout.PRODUCTION_TOML))
_VERSION_SEGMENT = re.compile(r"^(?:v\d+(?:\.\d+)*|api|rest|version|\d+(?:\.\d+)*)$", re.I)


@dataclass(frozen=True)
class UrlTemplate:
    flow: str
    file: str
    format_string: str  # as written: "{}/authorizations/{}"
    suffixes: tuple[str, ...]  # what follows the base URL, `{}` for dynamic parts, literal alternatives expanded
    line: int
    method: str  # from build_request's `Method::X`, "" when it names none
    method_line: int


@dataclass(frozen=True)
class ConfigBaseUrl:
    environment: str
    file: str
    url: str
    line: int


@dataclass(frozen=True)
class Comparison:
    kind: str  # base_url | path | method
    subject: str  # the flow; for base_url the environment (sandbox | live)
    verdict: str  # match | prefix | mismatch | unstated
    spec_line: int
    code_file: str
    code_line: int
    message: str
    note: str = ""  # prefix: the version segments only one side has

    @property
    def code_location(self) -> str:
        return f"{self.code_file}:{self.code_line}"


# ----------------------------------------------------------------------------------------------------------------
# The code side


@fact
def config_base_urls(repo: Repository, name: str) -> dict[str, ConfigBaseUrl]:
    """`<name>.base_url` of the `[connectors]` table in the development (sandbox) and production (live) configs."""
    found: dict[str, ConfigBaseUrl] = {}
    for environment, rel in ENVIRONMENT_CONFIGS:
        toml_file = repo.toml(rel)
        if toml_file is None:
            continue
        line = toml_file.line_matching(rf"^\s*{re.escape(name)}\.base_url\s*=")
        url: object = None
        if toml_file.data is not None:
            url = ((toml_file.data.get("connectors") or {}).get(name) or {}).get("base_url")
        elif line is not None:  # an unparsable file keeps its line facts
            literal = re.search(r'=\s*"([^"]*)"', toml_file.text.splitlines()[line - 1])
            url = literal.group(1) if literal else None
        if isinstance(url, str) and line is not None:
            found[environment] = ConfigBaseUrl(environment, rel, url, line)
    return found


def _mentions_base(node: SgNode) -> bool:
    if node.kind() in ("identifier", "field_identifier") and node.text() == "base_url":
        return True
    return any(node.find(kind=kind, regex="^base_url$") is not None for kind in ("identifier", "field_identifier"))


def _string_value(node: SgNode | None) -> str | None:
    """The text of a string literal, or of a block whose only expression is one (`{ "authorizations" }`)."""
    if node is None:
        return None
    if node.kind() == "block":
        inner = [c for c in node.children() if c.kind() not in ("{", "}")]
        node = inner[0] if len(inner) == 1 else None
    if node is None or node.kind() != "string_literal":
        return None
    return node.text()[1:-1]


def _bindings(function: SgNode) -> dict[str, tuple[str, ...]]:
    """Locals of `get_url` that are the base URL (`(BASE,)`) or string literals, alternatives for a `match`."""
    found: dict[str, tuple[str, ...]] = {}
    for let in function.find_all(kind="let_declaration"):
        pattern, value = let.field("pattern"), let.field("value")
        if pattern is None or value is None or pattern.kind() != "identifier":
            continue
        if _mentions_base(value):
            found[pattern.text()] = (BASE,)
        elif (literal := _string_value(value)) is not None:
            found[pattern.text()] = (literal,)
        elif value.kind() == "match_expression":
            arms = [_string_value(arm.field("value")) for arm in value.find_all(kind="match_arm")]
            if arms and all(a is not None for a in arms):
                found[pattern.text()] = tuple(dict.fromkeys(a for a in arms if a is not None))
    return found


def _arguments(token_tree: SgNode) -> list[list[SgNode]]:
    """The top-level, comma-separated arguments of a macro call's token tree."""
    args: list[list[SgNode]] = [[]]
    for child in token_tree.children()[1:-1]:
        if child.kind() == ",":
            args.append([])
        else:
            args[-1].append(child)
    return [a for a in args if a]


def _suffixes(format_string: str, args: Sequence[list[SgNode]], bound: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """What the format string appends to the base URL, each literal alternative expanded; () without a base URL."""
    def is_named(group: Sequence[SgNode]) -> bool:  # `name = value`
        return len(group) > 2 and group[0].kind() == "identifier" and group[1].text() == "="

    named = {a[0].text(): a[2:] for a in args if is_named(a)}
    positional = iter(a for a in args if not is_named(a))

    def value_of(group: Sequence[SgNode]) -> tuple[str, ...]:
        if any(_mentions_base(n) for n in group):
            return (BASE,)
        if len(group) == 1 and group[0].kind() == "identifier" and group[0].text() in bound:
            return bound[group[0].text()]
        return ("{}",)

    parts: list[tuple[str, ...]] = []
    for piece in re.split(r"(\{\{|\}\}|\{[^{}]*\})", format_string):
        if piece in ("{{", "}}"):
            parts.append((piece[0],))
        elif piece.startswith("{") and piece.endswith("}"):
            key = piece[1:-1].split(":")[0].strip()
            if not key:
                parts.append(value_of(next(positional, [])))
            elif key == "base_url" or bound.get(key) == (BASE,):
                parts.append((BASE,))
            elif key in named:
                parts.append(value_of(named[key]))
            else:
                parts.append(bound.get(key, ("{}",)))
        elif piece:
            parts.append((piece,))
    results = [""]
    for options in parts:
        results = [r + o for r in results for o in options]
    return tuple(dict.fromkeys(r.split(BASE, 1)[1] for r in results if BASE in r))


def _method(build_request: SgNode | None) -> tuple[str, int]:
    """`Method::Post` in build_request -> ("POST", its line)."""
    if build_request is None:
        return "", 0
    for node in build_request.find_all(kind="scoped_identifier"):
        path, name = node.field("path"), node.field("name")
        if path is not None and name is not None and last_segment(path.text()) == "Method":
            return name.text().upper(), line_of(node)
    return "", 0


@fact
def url_templates(repo: Repository, name: str) -> dict[str, list[UrlTemplate]]:
    """Guide flow -> the `format!` URLs of its `get_url` that start at the connector's base URL."""
    found: dict[str, list[UrlTemplate]] = {}
    specs = flow_specs(repo)
    impls = connector_impls(repo, name)
    for flow in ENFORCED_FLOWS:
        spec = specs.get(flow)
        matching = [i for i in impls if spec is not None and i.triple == spec.triple]
        if not matching:
            continue
        impl = pick_impl(matching)
        get_url = impl.methods.get("get_url")
        if get_url is None:
            continue
        method, method_line = _method(impl.methods.get("build_request"))
        bound = _bindings(get_url)
        for macro in get_url.find_all(kind="macro_invocation"):
            macro_name = macro.field("macro")
            tree = next((c for c in macro.children() if c.kind() == "token_tree"), None)
            if macro_name is None or macro_name.text() != "format" or tree is None:
                continue
            args = _arguments(tree)
            if not args or len(args[0]) != 1 or args[0][0].kind() != "string_literal":
                continue
            format_string = args[0][0].text()[1:-1]
            suffixes = _suffixes(format_string, args[1:], bound)
            if suffixes:
                found.setdefault(flow, []).append(UrlTemplate(flow, impl.file, format_string, suffixes,
                                                              line_of(macro), method, method_line))
    return found


# ----------------------------------------------------------------------------------------------------------------
# The comparison


def same_url(a: str, b: str) -> bool:
    """Scheme and host case-insensitively, the path without its trailing slash."""
    def key(url: str) -> tuple[str, str, str]:
        parts = urlsplit(url.strip())
        return parts.scheme.lower(), parts.netloc.lower(), parts.path.rstrip("/")
    return key(a) == key(b)


def code_path(base_url: str, suffix: str) -> str:
    """The config base URL's path joined with a `get_url` suffix: `{}v1/payments` and `{}/v1/payments` agree."""
    prefix = urlsplit(base_url).path.strip("/")
    rest = suffix.split("?")[0].strip("/")
    return normalize_path("/" + "/".join(p for p in (prefix, rest) if p))


def version_prefix(a: str, b: str) -> str | None:
    """The leading segments one path has over the other when they are version-like only (`/v2`, `/api/v1`,
    `/api/rest/version/100`); None when the paths differ otherwise."""
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    if shorter == "/" or longer == shorter or not longer.endswith(shorter):
        return None
    extra = longer[: len(longer) - len(shorter)]
    segments = [s for s in extra.split("/") if s]
    return extra if segments and all(_VERSION_SEGMENT.match(s) for s in segments) else None


def paths_agree(spec_full: str, code_full: str, example: bool = False) -> bool:
    """Equal paths; a spec example's concrete id (`/payments/sp_pay_1` in a cURL) fills the code's `{}`."""
    if spec_full == code_full:
        return True
    spec_parts, code_parts = spec_full.split("/"), code_full.split("/")
    return example and len(spec_parts) == len(code_parts) and all(
        s == c or (c == "{}" and s != "") for s, c in zip(spec_parts, code_parts, strict=True))


def _show(templates: Iterable[UrlTemplate], base: str) -> str:
    return ", ".join(f'format!("{t.format_string}") -> {" | ".join(code_path(base, s) for s in t.suffixes)} '
                     f"({t.file}:{t.line})" for t in templates)


def _path_comparison(flow: str, endpoint: Endpoint, spec_rel: str, spec_full: str, code: list[UrlTemplate],
                     code_base: str) -> Comparison:
    said = f"`{endpoint.method} {endpoint.path}` ({spec_rel}:{endpoint.line})"
    built = [(t, code_path(code_base, s)) for t in code for s in t.suffixes]
    example = endpoint.form == "curl" or bool(endpoint.url)
    exact = next(((t, full) for t, full in built if paths_agree(spec_full, full, example)), None)
    if exact is not None:
        template, full = exact
        return Comparison("path", flow, "match", endpoint.line, template.file, template.line,
                          f'{flow}: the spec\'s {said} is what get_url builds: format!("{template.format_string}") '
                          f"-> {full}")
    prefixed = next(((t, full, extra) for t, full in built if (extra := version_prefix(full, spec_full))), None)
    if prefixed is not None:
        template, full, extra = prefixed
        side = "the code" if len(full) > len(spec_full) else "the spec"
        note = (f"only {side} has the version prefix {extra.rstrip('/')!r}: spec {spec_full}, code {full}; "
                "the spec's base URL and the code disagree about where the version lives")
        return Comparison("path", flow, "prefix", endpoint.line, template.file, template.line,
                          f'{flow}: the spec\'s {said} is get_url\'s format!("{template.format_string}") except for '
                          f"a version prefix", note)
    return Comparison("path", flow, "mismatch", endpoint.line, code[0].file, code[0].line,
                      f"{flow}: the spec's {said} is {spec_full}, but get_url builds {_show(code, code_base)}")


def _unstated(flow: str, reading: SpecReading, spec_rel: str, code: list[UrlTemplate], spec_base: str,
              code_base: str) -> list[Comparison]:
    """A flow the spec describes nowhere whose code URL is one of the spec's path-only entries: evidence for the
    hint ("describe `POST /x` as the refund operation"), never a match."""
    out = []
    for candidate in reading.flows[flow].candidates:
        spec_full = absolute_path(candidate, spec_base)
        for template in code:
            if any(code_path(code_base, s) == spec_full for s in template.suffixes) and (
                    not template.method or template.method == candidate.method):
                out.append(Comparison(
                    "path", flow, "unstated", candidate.line, template.file, template.line,
                    f"{flow}: the spec describes no {flow} operation, but the code calls `{candidate.method} "
                    f"{candidate.path}`, which the spec lists without a description at {spec_rel}:{candidate.line} "
                    f'(format!("{template.format_string}") at {template.file}:{template.line})'))
    return out


@fact
def spec_code_comparisons(repo: Repository, name: str, spec_rel: str) -> list[Comparison]:
    """Every place where the spec at `spec_rel` and the connector's code both speak, for every flow."""
    reading = spec_reading(repo, spec_rel)
    configs = config_base_urls(repo, name)
    out: list[Comparison] = []
    for environment, config in configs.items():
        spec_base = reading.base_url(environment)
        if spec_base is None:
            continue
        verdict = "match" if same_url(spec_base.url, config.url) else "mismatch"
        relation = "=" if verdict == "match" else "but"
        out.append(Comparison("base_url", environment, verdict, spec_base.line, config.file, config.line,
                              f"the spec's {environment} base URL {spec_base.url} ({spec_rel}:{spec_base.line}) "
                              f"{relation} {name}.base_url = {config.url!r} ({config.file}:{config.line})"))
    templates = url_templates(repo, name)
    code_base = configs["sandbox"].url if "sandbox" in configs else ""
    sandbox = reading.base_url("sandbox")
    spec_base = sandbox.url if sandbox is not None else ""
    for flow, match in reading.flows.items():
        code = templates.get(flow, [])
        if not code:
            continue
        endpoint = match.endpoint
        if endpoint is None:
            out.extend(_unstated(flow, reading, spec_rel, code, spec_base, code_base))
            continue
        path = _path_comparison(flow, endpoint, spec_rel, absolute_path(endpoint, spec_base), code, code_base)
        out.append(path)
        method = next((t for t in code if t.method), None)
        if method is not None:
            verdict = "match" if method.method == endpoint.method else "mismatch"
            out.append(Comparison("method", flow, verdict, endpoint.line, method.file, method.method_line,
                                  f"{flow}: the spec says {endpoint.method} ({spec_rel}:{endpoint.line}), "
                                  f"build_request sends Method::{method.method.title()} "
                                  f"({method.file}:{method.method_line})", path.note))
    return out


@fact
def spec_overview(repo: Repository, name: str) -> dict[str, object]:
    """For the report: the spec's base URLs and each flow's endpoint, with what the code says about them."""
    rel = spec_path(repo, name)
    if rel is None:
        return {}
    reading = spec_reading(repo, rel)
    comparisons = spec_code_comparisons(repo, name, rel)
    by_subject = {(c.kind, c.subject): c for c in comparisons if c.verdict != "unstated"}
    base_urls = []
    for environment in ("sandbox", "live"):
        base = reading.base_url(environment)
        if base is None:
            continue
        row: dict[str, object] = {"environment": environment, "url": base.url, "spec_line": base.line}
        if (compared := by_subject.get(("base_url", environment))) is not None:
            row.update(config=compared.code_location, verdict=compared.verdict)
        base_urls.append(row)
    flows: dict[str, dict[str, object]] = {}
    for flow, match in reading.flows.items():
        endpoint = match.endpoint
        if endpoint is None:
            flows[flow] = {"matched": False, "reason": match.reason,
                           "candidates": [f"{c.method} {c.path} (line {c.line})" for c in match.candidates]}
            evidence = [c.message for c in comparisons if c.subject == flow and c.verdict == "unstated"]
            if evidence:
                flows[flow]["code"] = evidence
            continue
        row = {"matched": True, "endpoint": f"{endpoint.method} {endpoint.path}", "spec_line": endpoint.line,
               "confidence": match.confidence, "reason": match.reason}
        for kind in ("path", "method"):
            if (compared := by_subject.get((kind, flow))) is not None:
                row[f"{kind}_verdict"] = compared.verdict
                row[f"{kind}_code"] = compared.code_location
                if compared.note:
                    row["note"] = compared.note
        flows[flow] = row
    return {"file": rel, "base_urls": base_urls, "flows": flows}
