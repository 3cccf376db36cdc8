"""The Gherkin scenarios and the rule registry agree: every rule a step names exists, severity tags match the
rules' severities, every rule is reached, each guide pitfall and registration point owns exactly one scenario, and
the run-level scenarios run exactly the rules declared run_level."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .consistency import consistency_problems

FEATURES = Path(__file__).resolve().parent.parent / "features"


def test_features_and_registry_agree() -> None:
    assert consistency_problems(FEATURES) == []


def _broken(tmp_path: Path, feature: str, old: str, new: str) -> Path:
    copy = tmp_path / "features"
    shutil.copytree(FEATURES, copy, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    path = copy / feature
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return copy


@pytest.mark.parametrize(("feature", "old", "new", "expected"), [
    ("registration.feature", "Then registration point P7 holds", "Then registration point P77 holds",
     "names no rule"),
    ("registration.feature", "@warning @P19", "@error @P19", "is warning"),
    ("imports.feature", '  @error\n  Scenario: Every import', '  @error @warning\n  Scenario: Every import',
     "exactly one of @error/@warning"),
    ("pitfalls.feature", "@error @pitfall-9", "@error @pitfall-9 @pitfall-8", "@pitfall-8 must own exactly one"),
    ("registration.feature", "@error @P3\n", "@error\n", "@P3 must own exactly one"),
    ("scaffolding.feature", "Then every one of its Rust files parses", "Then its connector file and transformers "
                                                                       "file exist", "scaffolding.parses is reached"),
    ("pitfalls.feature", "@error @pitfall-7", "@error @pitfall-7 @P2", "does not run"),
    ("shared_files.feature", "@run-level @shared-files", "@shared-files", "a per-connector scenario runs"),
], ids=["unknown-rule", "severity-mismatch", "two-severities", "pitfall-twice", "point-missing", "rule-unreached",
        "tag-without-its-rules", "run-level-rule-per-connector"])
def test_each_broken_condition_is_caught(tmp_path: Path, feature: str, old: str, new: str, expected: str) -> None:
    problems = consistency_problems(_broken(tmp_path, feature, old, new))
    assert any(expected in p for p in problems), problems
