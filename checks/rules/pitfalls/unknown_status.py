"""A status the connector does not know never becomes a success.

A status `match` whose catch-all (`_`, a lone binding, or the connector enum's `#[serde(other)]` / `Unknown`
variant) yields a success status of the target's AttemptStatus / RefundStatus compiles, and reports every status
the PSP adds tomorrow (or declines today under a new name) as captured or refunded money. The status enums and
their variants are read from the target's common_enums.
"""

from __future__ import annotations

from ast_grep_py import SgNode

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.data_flow import impl_type
from ...facts.grace_docs import status_variants
from ...target.repository import Repository
from ...target.rust import attributes_before, last_segment, line_of
from ...target.rust_macros import file_view
from ...target.rust_syntax import norm

# The success statuses of each target enum (those the tree declares are used); the safe status for the unknown.
SUCCESS = {"AttemptStatus": ("Charged", "Authorized", "PartialCharged", "PartiallyAuthorized",
                             "PartialChargedAndChargeable", "AutoRefunded"),
           "RefundStatus": ("Success",)}
SAFE = "Pending"
UNKNOWN_NAMES = frozenset({"Unknown", "Other", "Unrecognized", "Unrecognised"})


def _catch_all_variants(repo: Repository, name: str) -> set[tuple[str, str]]:
    """(Enum, Variant) of the connector's enums marked `#[serde(other)]` or named Unknown / Other."""
    found = set()
    for rel in repo.connector_files(name):
        rust_file = repo.rust(rel)
        for enum in file_view(repo, rust_file).nodes("enum_item") if rust_file is not None else []:
            enum_name, body = enum.field("name"), enum.field("body")
            for variant in body.children() if enum_name is not None and body is not None else []:
                vname = variant.field("name") if variant.kind() == "enum_variant" else None
                if vname is None:
                    continue
                if vname.text() in UNKNOWN_NAMES or any(
                        "serde(other)" in norm(a.text()) for a in attributes_before(variant)):
                    found.add((enum_name.text(), vname.text()))
    return found


def _alternatives(pattern: SgNode) -> list[SgNode]:
    if pattern.kind() == "or_pattern":
        return [a for c in pattern.children() if c.is_named() for a in _alternatives(c)]
    return [pattern]


def _is_catch_all(node: SgNode, arm: SgNode, catch_all: set[tuple[str, str]]) -> bool:
    if node.kind() == "_" or (node.kind() == "identifier" and node.text()[:1].islower()):
        return True
    if node.kind() != "scoped_identifier":
        return False
    parts = norm(node.text()).split("::")
    enum = impl_type(arm) if parts[-2] == "Self" else parts[-2]
    return (enum, parts[-1]) in catch_all


def _success(value: SgNode, arm: SgNode, enums: dict[str, set[str]]) -> tuple[str, str] | None:
    """(enum, variant) when the arm's value is a success status (through a block tail, Some(..), Ok(..))."""
    current = value
    while current.kind() in ("block", "call_expression"):
        if current.kind() == "block":
            inner = [c for c in current.children() if c.is_named()]
            if len(inner) != 1:
                return None
            current = inner[0]
        else:
            function, args = current.field("function"), current.field("arguments")
            named = [c for c in args.children() if c.is_named()] if args is not None else []
            if function is None or function.text() not in ("Some", "Ok") or len(named) != 1:
                return None
            current = named[0]
    if current.kind() != "scoped_identifier":
        return None
    parts = norm(current.text()).split("::")
    enum = impl_type(arm) if parts[-2] == "Self" else last_segment(parts[-2])
    if enum in SUCCESS and parts[-1] in SUCCESS[enum] and parts[-1] in enums.get(enum, set()):
        return enum, parts[-1]
    return None


def _over_bool(body: SgNode) -> bool:
    """A match over a bool (an arm's pattern has `true`/`false`): there `_` is just the other value."""
    return any(a.kind() == "match_arm" and a.field("pattern") is not None
               and a.field("pattern").find(kind="boolean_literal") is not None for a in body.children())


def check_unknown_status(repo: Repository, name: str) -> list[Finding]:
    enums = status_variants(repo)
    catch_all = _catch_all_variants(repo, name)
    findings = []
    over_bool: dict[SgNode, bool] = {}  # per match body, not per arm: a status match has dozens of arms
    for rel in repo.connector_files(name):
        rust_file = repo.rust(rel)
        for arm in file_view(repo, rust_file).nodes("match_arm") if rust_file is not None else []:
            pattern, value = arm.field("pattern"), arm.field("value")
            if pattern is None or value is None or pattern.field("condition") is not None:
                continue
            body = arm.parent()
            if body is not None and body not in over_bool:
                over_bool[body] = _over_bool(body)
            if body is not None and over_bool[body]:
                continue
            inner = [c for c in pattern.children() if c.kind() != "if"]
            alternatives = [a for c in inner for a in _alternatives(c)]
            unknown = [a for a in alternatives if _is_catch_all(a, arm, catch_all)]
            success = _success(value, arm, enums) if unknown else None
            if success is None:
                continue
            alt = unknown[0]
            path = norm(value.text()) if value.kind() == "scoped_identifier" else f"{success[0]}::{success[1]}"
            safe = path.rsplit("::", 1)[0] + f"::{SAFE}"
            if len(alternatives) > 1:
                hint = (f"take `{norm(alt.text())}` out of this arm and map it to `{safe}` (an unknown status waits "
                        "for a sync or webhook); keep only the PSP's real success statuses here")
            else:
                hint = (f"map `{norm(alt.text())}` to `{safe}` and list the PSP's real success statuses explicitly"
                        " above it")
            if alt.kind() in ("_", "identifier"):
                what = f"the catch-all `{norm(alt.text())}` maps every status not listed above (and any the PSP adds)"
            else:
                what = (f"`{norm(alt.text())}`, the enum's catch-all (#[serde(other)] / unknown), maps every status "
                        "the PSP adds")
            findings.append(Finding(
                RULE.id, rel, line_of(alt),
                f"{what} to `{path}`, a success status of {success[0]}: an unknown status is reported as money moved",
                hint, {"pattern": norm(alt.text()), "status": f"{success[0]}::{success[1]}"}))
    return sorted(findings, key=lambda f: (f.file, f.line))


RULE = Rule(
    id="pitfalls.unknown-status",
    severity="error",
    title="An unknown connector status never maps to a success status",
    guide="Status mappings send only the PSP's success statuses to Charged / Authorized / Success; a catch-all "
          "(`_`, #[serde(other)] Unknown) maps to Pending or Failure.",
    check=check_unknown_status,
)
