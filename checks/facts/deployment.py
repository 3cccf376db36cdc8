"""What the target's deployable configs say about connectors: the UCS lists, the [tokenization] table, and the
overlay files (config/deployments/env_specific.toml) that the deployments' README says are merged into others."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..target import layout
from ..target.fact_cache import fact
from ..target.toml_files import TomlFile

if TYPE_CHECKING:
    from ..target.repository import Repository

PREFERRED_CONFIG = "config/development.toml"  # the file a fix or a reason names first, when it has the entry
UCS_ONLY_KEY = "ucs_only_connectors"
UCS_PSYNC_DISABLED_KEY = "ucs_psync_disabled_connectors"


@dataclass(frozen=True)
class ConfigEntry:
    """Where a config names a connector: the file and the line of the key (or of the connector's entry)."""

    file: str
    line: int

    def where(self) -> str:
        return f"{self.file}:{self.line}"


@fact
def config_tomls(repo: Repository) -> list[TomlFile]:
    """Every TOML file under the config directories, config/development.toml first."""
    found = []
    for directory in layout.CONFIG_DIRS:
        for rel in repo.walk(directory, ".toml"):
            toml_file = repo.toml(rel)
            if toml_file is not None:
                found.append(toml_file)
    return sorted(found, key=lambda t: t.rel != PREFERRED_CONFIG)


def _values_of(data: object, key: str) -> list[object]:
    """Every value of `key` at any depth of a parsed TOML document."""
    if isinstance(data, dict):
        found = [data[key]] if key in data else []
        for value in data.values():
            found.extend(_values_of(value, key))
        return found
    return []


def _names(value: object) -> list[str]:
    """`"a, b"` (the current form) or `["a", "b"]` (the first form, July 2025) as connector names."""
    items = value if isinstance(value, list) else str(value).split(",")
    return [str(item).strip() for item in items if str(item).strip()]


@fact
def connector_list(repo: Repository, key: str) -> dict[str, ConfigEntry]:
    """Connectors a config list key names (`ucs_only_connectors`), each with the first file and line naming it.

    The configs can disagree (config.example.toml lacks one entry of the others); a connector any deployable
    config lists counts, since that deployment runs it that way.
    """
    found: dict[str, ConfigEntry] = {}
    for toml_file in config_tomls(repo):
        if key not in toml_file.text:
            continue  # cannot name it: no need to parse the file
        values = _values_of(toml_file.data, key) if toml_file.data is not None else []
        line = toml_file.line_matching(rf"^\s*{key}\s*=")
        for value in values:
            for name in _names(value):
                found.setdefault(name, ConfigEntry(toml_file.rel, line or 1))
    return found


def ucs_only(repo: Repository, name: str) -> ConfigEntry | None:
    """Where the configs list the connector as UCS-only (its payment flows run in the Unified Connector Service)."""
    return connector_list(repo, UCS_ONLY_KEY).get(name)


@fact
def tokenization_listing(repo: Repository) -> dict[str, ConfigEntry]:
    """Connectors in a config's [tokenization] table (the router runs PaymentMethodToken only for those)."""
    listed: dict[str, ConfigEntry] = {}
    for toml_file in config_tomls(repo):
        table = (toml_file.data or {}).get("tokenization") if toml_file.may_define("tokenization") else None
        if not isinstance(table, dict):
            continue
        header = toml_file.table_header_line("tokenization") or 1
        lines = toml_file.text.splitlines()
        for name in table:
            line = next((n for n in range(header, len(lines) + 1)
                         if re.match(rf"^\s*{re.escape(name)}\s*=", lines[n - 1])), header)
            listed.setdefault(name, ConfigEntry(toml_file.rel, line))
    return listed


@dataclass(frozen=True)
class Overlay:
    """A partial config merged into full ones, as a README beside it documents (`env_specific.toml`)."""

    file: TomlFile
    targets: tuple[str, ...]
    documented_at: ConfigEntry


_BASE_URL_LINE = re.compile(r"(?m)^\s*\w+\.base_url\s*=")


def _names_connectors(repo: Repository, toml_file: TomlFile) -> set[str]:
    if not toml_file.may_define("connectors") and not _BASE_URL_LINE.search(toml_file.text):
        return set()  # neither a [connectors] table nor a base_url line: nothing to parse the file for
    if toml_file.data is not None:
        table = toml_file.data.get("connectors")
        return set(table) if isinstance(table, dict) else set()
    return {n for n in repo.modules if toml_file.line_matching(rf"^\s*{n}\.base_url\s*=") is not None}


def is_full_config(repo: Repository, toml_file: TomlFile) -> bool:
    """A full connector config, not an overlay: its [connectors] table names at least half the modules, and no
    README documents it as merged into others."""
    if any(o.file.rel == toml_file.rel for o in overlays(repo)):
        return False
    return len(_names_connectors(repo, toml_file) & set(repo.modules)) * 2 >= len(repo.modules)


@fact
def overlays(repo: Repository) -> list[Overlay]:
    """Configs with a [connectors] table that a README.md in their directory says are merged into other configs
    there, the ones that line names (config/deployments/README.md: "The `env_specific.toml` file is merged with
    the `integration_test.toml`, `sandbox.toml`, or `production.toml` file")."""
    tomls = [t for t in config_tomls(repo) if _names_connectors(repo, t)]
    found = []
    for toml_file in tomls:
        directory, file_name = toml_file.rel.rsplit("/", 1) if "/" in toml_file.rel else ("", toml_file.rel)
        readme = f"{directory}/README.md" if directory else "README.md"
        text = repo.text(readme)
        if text is None:
            continue
        lines = text.splitlines()
        for number, line in enumerate(lines, start=1):
            if f"`{file_name}`" in line and re.search(r"\bmerged?\b", line):
                others = [t.rel for t in tomls if t is not toml_file and t.rel.rsplit("/", 1)[0] == directory]
                named = tuple(rel for rel in others if f"`{rel.rsplit('/', 1)[-1]}`" in line)
                found.append(Overlay(toml_file, named or tuple(others),
                                     ConfigEntry(readme, number)))
                break
    return found
