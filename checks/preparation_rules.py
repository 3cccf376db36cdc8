"""Rules of the preparation area: the GRACE tech spec and plan (registered in checks/rules.py)."""

from __future__ import annotations

from . import preparation
from .findings import Finding
from .repository import Repository
from .rule import Rule


def _spec_endpoints(repo: Repository, name: str, selected: str = "") -> list[Finding]:
    return preparation.check_spec_endpoints(repo, name, tuple(f for f in selected.split(",") if f))


RULES: list[Rule] = [
    Rule("preparation.spec-exists", "error",
         "Preparation: grace/connector_integration/<name>/<name>_specs.md is created from tech_spec.md.",
         preparation.check_spec_exists),
    Rule("preparation.plan-exists", "error",
         "Preparation: grace/connector_integration/<name>/<name>_plan.md is created from planner_steps.md.",
         preparation.check_plan_exists),
    Rule("preparation.spec-sections", "warning", "The tech spec has the template's sections.",
         preparation.check_spec_sections),
    Rule("preparation.spec-base-url", "error", "The tech spec names the connector's real base URL.",
         preparation.check_spec_base_url),
    Rule("preparation.spec-endpoints", "error", "The tech spec has an endpoint row for each selected flow.",
         _spec_endpoints),
    Rule("preparation.spec-status-mapping", "error",
         "Status mappings use real AttemptStatus / RefundStatus variants.", preparation.check_spec_status_mapping),
    Rule("preparation.spec-placeholders", "warning", "No template placeholder is left in the tech spec.",
         preparation.check_spec_placeholders),
    Rule("preparation.plan-claims", "error", "A plan step is ticked done only when its flow is implemented.",
         preparation.check_plan_claims),
    Rule("preparation.plan-covers-spec", "warning", "Every endpoint of the spec is covered by a plan step.",
         preparation.check_plan_covers_spec),
    Rule("preparation.plan-step-fields", "warning",
         "Every plan step has Task, Files, Step Dependencies and User Instructions.",
         preparation.check_plan_step_fields),
]
