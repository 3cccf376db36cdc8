"""The tech spec's base URLs are the ones the tree configures: the sandbox URL is the connector's `base_url` in
config/development.toml, the live (or production) URL the one in config/deployments/production.toml (grace_rules
HC-01: the base URL comes from config). Compared only where both say something."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.grace_docs import spec_path
from ...facts.spec_code import spec_code_comparisons
from ...target.repository import Repository
from ._applies import grace_documents_expected


def check_spec_base_url_matches_config(repo: Repository, name: str) -> list[Finding]:
    rel = spec_path(repo, name)
    if rel is None:
        return []
    return [Finding(RULE.id, rel, c.spec_line, c.message,
                    f"make the spec and {c.code_file} agree on the {c.subject} base URL: fix whichever is wrong",
                    {"spec": f"{rel}:{c.spec_line}", "config": c.code_location, "related": [c.code_location]})
            for c in spec_code_comparisons(repo, name, rel) if c.kind == "base_url" and c.verdict == "mismatch"]


RULE = Rule(
    id="preparation.spec-base-url-matches-config",
    severity="warning",
    title="The tech spec's base URLs are the configured ones",
    guide="The spec's sandbox and live base URLs equal the connector's base_url in the development and production "
          "configs.",
    check=check_spec_base_url_matches_config,
    tags=("preparation",),
    params=(),
    applies=grace_documents_expected,
)
