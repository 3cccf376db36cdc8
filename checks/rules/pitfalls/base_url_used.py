"""Every request URL starts from the connector's configured base URL (`connectors.<name>.base_url`).

Three forms compile and still send sandbox and production traffic to one host (or to another PSP):
- a flow's `get_url` returns an `http(s)://` literal and never reads its `connectors` parameter or a `base_url`;
- a `get_url` reads another connector's entry (`connectors.stax.base_url`, a copy-paste);
- `ConnectorCommon::base_url` returns a literal instead of reading `connectors.<name>`.
Reading another connector's entry inside `base_url()` itself is pitfall 8's finding (one mistake, one finding).
"""

from __future__ import annotations

import re

from ast_grep_py import SgNode

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.data_flow import fn_params
from ...target.repository import Repository
from ...target.rust import last_segment, line_of
from ...target.rust_macros import CodeView, code_views, file_view
from ...target.rust_syntax import enclosing, field_chain

URL_LITERAL = re.compile(r'^r?#*"https?://')


def _connectors_param(function: SgNode) -> str | None:
    """The name of the fn's `&Connectors` parameter."""
    return next((p for p, t in fn_params(function)[0]
                 if t is not None and last_segment(re.sub(r"^&('\w+\s+)?(mut\s+)?", "", t.text())) == "Connectors"),
                None)


def _url_literals(view_nodes: list[SgNode], function: SgNode) -> list[SgNode]:
    start, end = function.range().start.index, function.range().end.index
    return [s for s in view_nodes if start <= s.range().start.index < end and URL_LITERAL.match(s.text())]


def _reads_config(function: SgNode, param: str | None) -> bool:
    """The fn's body mentions its Connectors parameter or a `base_url` (macro arguments included: tokens)."""
    body = function.field("body")
    names = {"base_url"} | ({param} if param else set())
    return body is not None and any(body.find(kind=kind, regex=f"^{n}$") is not None
                                    for n in names for kind in ("identifier", "field_identifier"))


def _path_of(literal: str) -> str:
    """`"https://api.x.com/v1/refund"` -> `v1/refund` (what follows the host)."""
    body = re.sub(r'^r?#*"', "", literal).rstrip('"#')
    return re.sub(r"^https?://[^/]*/?", "", body)


def _roles(repo: Repository, name: str) -> list[tuple[str, str, SgNode]]:
    """(file, "get_url" | "base_url", fn) for every flow's get_url and the ConnectorCommon base_url."""
    found = []
    for rel in repo.connector_files(name):
        rust_file = repo.rust(rel)
        for function in file_view(repo, rust_file).nodes("function_item") if rust_file is not None else []:
            fname, impl = function.field("name"), enclosing(function, "impl_item")
            trait = last_segment(impl.field("trait").text()) if impl is not None and impl.field("trait") else ""
            if fname is None:
                continue
            if fname.text() == "get_url" and trait == "ConnectorIntegration":
                found.append((rel, "get_url", function))
            elif fname.text() == "base_url" and trait == "ConnectorCommon":
                found.append((rel, "base_url", function))
    return found


def _field_reads(repo: Repository, rel: str) -> dict[str, list[tuple[CodeView, SgNode, int]]]:
    """`x.field` reads of a file (format! arguments included) whose receiver is a plain name, by that name, with
    where each stands in the file: looked up per get_url instead of walking the file's reads per get_url."""
    reads: dict[str, list[tuple[CodeView, SgNode, int]]] = {}
    rust_file = repo.rust(rel)
    for view in code_views(repo, rust_file) if rust_file is not None else []:
        for node in view.nodes("field_expression"):
            value = node.field("value")
            if value is not None and value.kind() == "identifier":
                reads.setdefault(value.text(), []).append((view, node, view.context(node).range().start.index))
    return reads


def _other_entry_reads(name: str, rel: str, function: SgNode, param: str,
                       reads: dict[str, list[tuple[CodeView, SgNode, int]]]) -> list[Finding]:
    """`connectors.<other>...` inside a get_url (format! arguments included)."""
    findings = []
    start, end = function.range().start.index, function.range().end.index
    for view, node, at in reads.get(param, []):
        other = node.field("field").text() if node.field("field") is not None else name
        if not start <= at < end or other == name:
            continue
        parent = node.parent()
        whole = field_chain(parent) if parent is not None and parent.kind() == "field_expression" else []
        rest = "." + ".".join(whole[2:]) if len(whole) > 2 else ""
        findings.append(Finding(
            RULE.id, rel, view.line(node),
            f"get_url reads `{param}.{other}{rest}`, another connector's configured entry; {name}'s own is "
            f"`{param}.{name}`: {name}'s requests go to {other}'s host",
            f"read `{param}.{name}{rest}` (the connector's own entry, set as `{name}.base_url` in the configs)",
            {"reads": other}))
    return findings


def check_base_url_used(repo: Repository, name: str) -> list[Finding]:
    findings = []
    literal_nodes: dict[str, list[SgNode]] = {}
    reads: dict[str, dict[str, list[tuple[CodeView, SgNode, int]]]] = {}
    for rel, role, function in _roles(repo, name):
        if rel not in literal_nodes:
            view = file_view(repo, repo.rust(rel))
            literal_nodes[rel] = view.nodes("string_literal") + view.nodes("raw_string_literal")
        param = _connectors_param(function)
        if role == "get_url" and param is not None:
            if rel not in reads:
                reads[rel] = _field_reads(repo, rel)
            findings += _other_entry_reads(name, rel, function, param, reads[rel])
        literals = _url_literals(literal_nodes[rel], function)
        if not literals or _reads_config(function, param):
            continue
        literal = literals[0]
        shown = param or "connectors"
        rename = f" (rename `{shown}` to `{shown.lstrip('_')}`)" if shown.startswith("_") else ""
        used = shown.lstrip("_")
        if role == "base_url":
            findings.append(Finding(
                RULE.id, rel, line_of(literal),
                f"base_url() returns the literal {literal.text()} instead of `{used}.{name}.base_url`: the "
                f"`{name}.base_url` of the configs is never read, so sandbox and production reach one host",
                f"return `{used}.{name}.base_url.as_ref()`{rename} and keep the host in `{name}.base_url` of "
                "the configs", {"literal": literal.text()}))
            continue
        findings.append(Finding(
            RULE.id, rel, line_of(literal),
            f"get_url returns the hard-coded host {literal.text()} and never reads `{used}` or a base_url: the "
            f"configured `{name}.base_url` is ignored, so sandbox, production and tests all reach this one host",
            f'return `Ok(format!("{{}}{_path_of(literal.text())}", self.base_url({used})))`{rename}; the host '
            f"belongs in `{name}.base_url` of the configs", {"literal": literal.text()}))
    return sorted(findings, key=lambda f: (f.file, f.line))


RULE = Rule(
    id="pitfalls.base-url-used",
    severity="error",
    title="Every URL starts from the connector's configured base_url",
    guide="URLs are built from `self.base_url(connectors)`, which reads `connectors.<name>.base_url` (set per "
          "environment in the configs), never from a hard-coded host or another connector's entry.",
    check=check_base_url_used,
    see_also=("pitfall-8", "P4"),
)
