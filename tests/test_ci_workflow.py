"""The drop-in CI workflow runs on pull_request and only uses options the harness really has."""

from __future__ import annotations

import re
from pathlib import Path

HARNESS = Path(__file__).resolve().parent.parent
WORKFLOW = HARNESS / "ci" / "github" / "connector-compliance.yml"
PYTEST_OPTIONS = {"--junitxml"}


def harness_options() -> set[str]:
    sources = [HARNESS / "steps" / "options.py"]
    return {m for source in sources for m in re.findall(r'addoption\(\s*"(--[a-z-]+)"', source.read_text())}


def test_workflow_runs_on_pull_request_not_pull_request_target() -> None:
    text = WORKFLOW.read_text()
    assert re.search(r"^on:\n  pull_request:\n", text, re.MULTILINE)
    assert not re.search(r"^\s*pull_request_target:", text, re.MULTILINE)


def test_workflow_uses_only_existing_options() -> None:
    text = WORKFLOW.read_text()
    command = text[text.index("python -m pytest features/"):text.index("$cargo_flag")]
    used = set(re.findall(r"(--[a-z-]+)", command)) | {"--no-cargo"}
    assert used - PYTEST_OPTIONS <= harness_options(), used - PYTEST_OPTIONS - harness_options()
