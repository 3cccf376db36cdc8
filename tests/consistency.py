"""Gherkin ↔ rule registry consistency: what tests/test_consistency.py asserts, as a function that lists problems
(so the test can also show that each broken condition is caught)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from connector_compliance.checks.core.registry import all_rules
from connector_compliance.steps.catalogue import RULE_STEPS, WHEN_STEPS, rules_for
from parse import compile as compile_template
from pytest_bdd.feature import get_features

GUIDE_NAMES = [f"P{n}" for n in range(1, 20)] + [f"pitfall-{n}" for n in range(1, 10)]
TEMPLATES = [(t, compile_template(t)) for t in (*RULE_STEPS, *WHEN_STEPS)]


@dataclass(frozen=True)
class Variant:
    """One test a scenario produces: the scenario itself, or one Examples block of an outline."""

    where: str
    tags: frozenset[str]
    steps: tuple[str, ...]


def _render(step: str, values: dict[str, str]) -> str:
    return re.sub(r"<(\w+)>", lambda m: values.get(m.group(1), m.group(0)), step)


def variants(features_dir: Path) -> Iterator[Variant]:
    for feature in get_features([str(features_dir)]):
        for scenario in feature.scenarios.values():
            steps = [s.name for s in (*scenario.all_background_steps, *scenario.steps)]
            base = set(feature.tags) | set(scenario.tags)
            where = f"{Path(feature.filename).name}: {scenario.name}"
            if not scenario.examples:
                yield Variant(where, frozenset(base), tuple(steps))
                continue
            for block in scenario.examples:
                for row in block.examples:
                    values = dict(zip(block.example_params, row, strict=True))
                    rendered = [_render(s, values) for s in steps]
                    yield Variant(f"{where} [{', '.join(row)}]", frozenset(base | set(block.tags)), tuple(rendered))


def reached_rules(variant: Variant, problems: list[str]) -> set[str]:
    reached: set[str] = set()
    for text in variant.steps:
        for template, parser in TEMPLATES:
            match = parser.parse(text)
            if match is None:
                continue
            try:
                reached |= {r.id for r in rules_for(template, **match.named)}
            except KeyError as error:
                problems.append(f"{variant.where}: step {text!r} names no rule ({error})")
    return reached


def consistency_problems(features_dir: Path) -> list[str]:
    problems: list[str] = []
    reached_anywhere: set[str] = set()
    owners: dict[str, list[str]] = {name: [] for name in GUIDE_NAMES}
    for variant in variants(features_dir):
        reached = reached_rules(variant, problems)
        reached_anywhere |= reached
        once = "run-level" in variant.tags
        for rule_id in sorted(r for r in reached if all_rules()[r].run_level != once):
            problems.append(f"{variant.where}: {'a run-level' if once else 'a per-connector'} scenario runs "
                            f"{rule_id}, whose run_level is {all_rules()[rule_id].run_level}")
        severities = variant.tags & {"error", "warning"}
        if reached and len(severities) != 1:
            problems.append(f"{variant.where}: needs exactly one of @error/@warning, has {sorted(severities)}")
        for rule_id in sorted(reached):
            if severities and all_rules()[rule_id].severity not in severities:
                problems.append(f"{variant.where}: tagged @{min(severities)} but rule {rule_id} is "
                                f"{all_rules()[rule_id].severity}")
        for name in GUIDE_NAMES:
            if name in variant.tags:
                owners[name].append(variant.where)
                missing = sorted({r.id for r in all_rules().values() if name in r.tags} - reached)
                if missing:
                    problems.append(f"{variant.where}: tagged @{name} but does not run {missing}")
    for name, where in owners.items():
        if len(where) != 1:
            problems.append(f"@{name} must own exactly one scenario, has {len(where)}: {where}")
    for rule_id in sorted(set(all_rules()) - reached_anywhere):
        problems.append(f"rule {rule_id} is reached by no scenario")
    return problems
