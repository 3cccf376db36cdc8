"""Every rule of the harness, collected from the modules under `checks/rules/` (each defines `RULE`)."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from pathlib import Path

from .rule import Rule, RustcHint


@cache
def rule_modules() -> dict[str, Path]:
    """Rule id -> the module file that defines it (for the consistency test and the cases beside it)."""
    return {rule.id: path for rule, path in _discover()}


@cache
def _discover() -> tuple[tuple[Rule, Path], ...]:
    package = importlib.import_module(f"{__package__.rsplit('.', 1)[0]}.rules")
    found: list[tuple[Rule, Path]] = []
    for info in pkgutil.walk_packages(package.__path__, prefix=f"{package.__name__}."):
        if info.name.rsplit(".", 1)[-1].startswith("_"):
            continue  # shared helpers of an area, not rules
        module = importlib.import_module(info.name)
        rule = getattr(module, "RULE", None)
        if isinstance(rule, Rule):
            found.append((rule, Path(module.__file__ or "")))
    ids = [rule.id for rule, _ in found]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise RuntimeError(f"rule ids defined twice: {duplicates}")
    return tuple(sorted(found, key=lambda pair: pair[0].id))


@cache
def all_rules() -> dict[str, Rule]:
    return {rule.id: rule for rule, _ in _discover()}


def rule(rule_id: str) -> Rule:
    return all_rules()[rule_id]


def tagged(tag: str) -> list[Rule]:
    """The rules that answer to a guide name (`P7`, `pitfall-4`), in id order."""
    return [r for r in all_rules().values() if tag in r.tags]


def rustc_hints() -> list[tuple[Rule, RustcHint]]:
    """Rules that explain compiler errors, most specific recogniser first."""
    pairs = [(r, r.rustc) for r in all_rules().values() if r.rustc is not None]
    return sorted(pairs, key=lambda pair: pair[1].priority)  # type: ignore[union-attr]
