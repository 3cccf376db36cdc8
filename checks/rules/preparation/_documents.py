"""The one way a missing GRACE document is reported (the spec and the plan rules share it)."""

from __future__ import annotations

from ...core.finding import Finding
from ...target import layout


def missing_document(rule_id: str, what: str, expected: str, template: str) -> list[Finding]:
    return [Finding(rule_id, layout.GRACE_DIR, 1, f"no {what}: {expected} is missing",
                    f"run grace/connector_integration/template/{template} and store its output at {expected}")]
