"""Where the guide, or the scaffolding script it relies on, is out of date against the target tree.

These are notes for the report, not failing checks: the harness follows the tree and says what changed.
"""

from __future__ import annotations

import re
import shlex

from ..facts.flow_catalog import flow_specs
from ..facts.flow_status import implemented_at
from ..facts.guide_text import GUIDE_ERROR_RESPONSE_FIELDS, GUIDE_EXT_TRAITS, GUIDE_MASKING_CRATE
from ..facts.locations import connectors_struct
from ..facts.registration import required_traits
from ..target import layout
from ..target.repository import Repository
from ..target.rust import line_of
from ..target.rust_locate import find_struct

ASSIGNMENT = re.compile(r'^\s*(\w+)="?([\w./-]+)"?\s*$')
SED_LINE = re.compile(r"^\s*sed\s")


def _note(topic: str, guide: str, tree: str) -> dict[str, str]:
    return {"kind": "guide-drift", "topic": topic, "guide": guide, "tree": tree}


def connectors_struct_note(repo: Repository) -> list[dict[str, str]]:
    """Guide pitfall 8 says "the Connectors struct list" without a place; say where it is today."""
    struct = connectors_struct(repo)
    if struct is None:
        return []
    return [_note("pitfall 8: Connectors struct",
                  "'Missing connector from the Connectors struct list (for specifying the base_url)'",
                  f"`pub struct Connectors` is at {struct.where()}; "
                  "crates/hyperswitch_interfaces/src/configs.rs only re-exports it")]


def _sed_pattern(line: str) -> tuple[list[str], str | None]:
    """The files a sed line edits (resolved to repo paths) and the search pattern of its first -e script."""
    try:
        words = shlex.split(line, posix=True)
    except ValueError:
        return [], None
    script = next((w for i, w in enumerate(words) if i > 0 and words[i - 1] == "-e"), None)
    targets = [w for w in reversed(words) if re.match(r"^(crates|config|loadtest)/[\w./-]+\.(rs|toml)$", w)]
    if script is None or len(script) < 3:
        return targets, None
    body = script[1:] if script.startswith("s") and not script[1].isalnum() else script
    delimiter, pattern, index = body[0], [], 1
    while index < len(body) and body[index] != delimiter:
        step = 2 if body[index] == "\\" and index + 1 < len(body) else 1  # keep escapes (`\/`) for later
        pattern.append(body[index:index + step])
        index += step
    return targets, "".join(pattern)


def _pattern_regex(pattern: str, names: dict[str, list[str]]) -> re.Pattern[str] | None:
    """Translate a sed BRE into a Python regex; `$previous_connector(_camelcase)` matches any connector."""
    out, index = [], 0
    while index < len(pattern):
        var = re.match(r"\$\{?(\w+)\}?", pattern[index:])
        if var:
            alternatives = names.get(var.group(1))
            if alternatives is None:
                return None  # a variable we cannot resolve: say nothing rather than guess
            out.append("(?:" + "|".join(map(re.escape, alternatives)) + ")")
            index += var.end()
            continue
        two = pattern[index:index + 2]
        if two in ("\\(", "\\)"):
            out.append(two[1])
            index += 2
        elif two == "\\/":
            out.append("/")
            index += 2
        elif pattern[index] in ".*^[]":
            out.append(pattern[index])
            index += 1
        else:
            out.append(re.escape(pattern[index]))
            index += 1
    try:
        return re.compile("".join(out), re.MULTILINE)
    except re.error:
        return None


def add_connector_script_notes(repo: Repository) -> list[dict[str, str]]:
    """scripts/add_connector.sh: files it edits that are gone, or that no longer hold the line it looks for."""
    text = repo.text(layout.ADD_CONNECTOR_SCRIPT)
    if text is None:
        return []
    variables = {m.group(1): m.group(2) for m in map(ASSIGNMENT.match, text.splitlines()) if m}
    camels = [m.camel for m in repo.modules.values() if m.camel]
    names = {"previous_connector": list(repo.modules), "previous_connector_camelcase": camels}
    notes = []
    seen: set[tuple[str, str | None]] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        if not SED_LINE.match(line):
            continue
        resolved = re.sub(r"\$\{?(src|conn)\}?", lambda m: variables.get(m.group(1), m.group(0)), line)
        targets, pattern = _sed_pattern(resolved)
        regex = _pattern_regex(pattern, names) if pattern else None
        for target in targets:
            if (target, pattern) in seen:
                continue
            seen.add((target, pattern))
            where = f"{layout.ADD_CONNECTOR_SCRIPT}:{number}"
            if not repo.exists(target):
                notes.append(_note("add_connector.sh", f"{where} edits {target}", "that file no longer exists"))
            elif regex is not None and not regex.search(repo.text(target) or ""):
                notes.append(_note("add_connector.sh", f"{where} looks for `{pattern}` in {target}",
                                   "nothing there matches any more, so the edit is a no-op: add the entry by hand"))
    mentioned = text.replace("$src", "crates/router/src").replace("$conn", layout.CONNECTORS_DIR)
    for rel in (layout.CONNECTOR_ENUMS_RS, layout.CONNECTOR_VALIDATION_RS, layout.FEATURE_MATRIX_RS,
                layout.CONNECTOR_TRANSFORMERS_RS, layout.CONNECTOR_MAPPING_RS):
        if repo.exists(rel) and not _edits(mentioned, rel):
            notes.append(_note("add_connector.sh", f"{layout.ADD_CONNECTOR_SCRIPT} is the scaffolding step",
                               f"it never edits {rel}; that registration point must be added by hand"))
    return notes


def _edits(script_text: str, rel: str) -> bool:
    """True when some sed/awk line of the script names the file (a `git checkout` alone does not edit it)."""
    return any(rel in line and re.match(r"^\s*(sed|awk)\b", line) for line in script_text.splitlines())


def _declared_names(repo: Repository, rel: str, kinds: tuple[str, ...]) -> list[str]:
    rust_file = repo.rust(rel)
    names = []
    for kind in kinds:
        for item in rust_file.index.nodes(kind) if rust_file is not None else []:
            if item.field("name") is not None:
                names.append(item.field("name").text())
    return names


def error_response_note(repo: Repository) -> list[dict[str, str]]:
    rust_file = repo.rust(layout.ROUTER_DATA_RS)
    struct = find_struct(rust_file, "ErrorResponse") if rust_file is not None else None
    body = struct.field("body") if struct is not None else None
    if body is None:
        return []
    fields = [c.field("name").text() for c in body.children()
              if c.kind() == "field_declaration" and c.field("name") is not None]
    extra = [f for f in fields if f not in GUIDE_ERROR_RESPONSE_FIELDS]
    if not extra:
        return []
    return [_note("pitfall 9: ErrorResponse fields",
                  f"ErrorResponse has these {len(GUIDE_ERROR_RESPONSE_FIELDS)} fields",
                  f"`pub struct ErrorResponse` ({layout.ROUTER_DATA_RS}:{line_of(struct)}) has {len(fields)}: "
                  f"it adds {', '.join(extra)}; list them all or end the literal with ..Default::default()")]


def ext_traits_note(repo: Repository) -> list[dict[str, str]]:
    module, name = GUIDE_EXT_TRAITS
    declared = _declared_names(repo, layout.CONNECTORS_UTILS_RS, ("trait_item", "struct_item", "type_item"))
    if not repo.exists(layout.CONNECTORS_UTILS_RS) or name in declared:
        return []
    traits = _declared_names(repo, layout.EXT_TRAITS_RS, ("trait_item",))
    return [_note("pitfall 2: ExtTraits", f"use `{module}::{name}` for extended trait functionality",
                  f"{module}::{name} does not exist ({layout.CONNECTORS_UTILS_RS} declares no {name}); the "
                  f"extension traits are in common_utils::ext_traits: {', '.join(traits) or 'see that module'}")]


def masking_crate_note(repo: Repository) -> list[dict[str, str]]:
    """The guide imports `masking::`; read which masking crate the connectors crate really depends on."""
    manifest = repo.toml("crates/hyperswitch_connectors/Cargo.toml")
    deps = (manifest.data or {}).get("dependencies", {}) if manifest is not None else {}
    masking = [d for d in deps if "masking" in d and d != GUIDE_MASKING_CRATE]
    if GUIDE_MASKING_CRATE in deps or not masking:
        return []
    return [_note("imports: masking", f"`use {GUIDE_MASKING_CRATE}::{{ExposeInterface, PeekInterface, Secret}};`",
                  f"crates/hyperswitch_connectors/Cargo.toml depends on {masking[0]}, not {GUIDE_MASKING_CRATE}: "
                  f"`use {masking[0]}::{{...}}`")]


def guide_drift_notes(repo: Repository) -> list[dict[str, str]]:
    return [*connectors_struct_note(repo), *error_response_note(repo), *ext_traits_note(repo),
            *masking_crate_note(repo), *add_connector_script_notes(repo)]


def preprocessing_is_dead(repo: Repository) -> bool:
    """True when the tree's `api::Payment` no longer requires PaymentsPreProcessing (the core stopped calling it)."""
    marker = flow_specs(repo)["preprocessing"].guide.marker_trait
    return flow_specs(repo)["preprocessing"].marker is not None and marker not in required_traits(repo)


def preprocessing_drift_note(repo: Repository, connectors: list[str]) -> list[dict[str, str]]:
    users = [n for n in connectors if implemented_at(repo, n, "preprocessing") is not None]
    if not users or not preprocessing_is_dead(repo):
        return []
    return [{"kind": "guide-drift", "topic": "preprocessing_flow",
             "guide": "'preprocessing_flow' in its Flow Selection",
             "tree": "PaymentsPreProcessing is no longer a supertrait of api::Payment, so the router core never "
                     f"invokes the flow (#10987); the PreProcessing impls of {', '.join(users)} are dead code"}]
