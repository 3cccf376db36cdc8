"""The tech spec names the connector's real base URL, in any of its forms: an inline `**Base URL**:` field, a list
of Sandbox/Live/Production URLs under `**Base URLs:**`, a field under an environment heading, or a table."""

from __future__ import annotations

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.grace_docs import spec_path
from ...facts.spec_reading import spec_reading
from ...target.repository import Repository
from ._applies import grace_documents_expected


def check_spec_base_url(repo: Repository, name: str) -> list[Finding]:
    rel = spec_path(repo, name)
    if rel is None:
        return []
    base_urls = spec_reading(repo, rel).base_urls
    if any(not b.placeholder for b in base_urls):
        return []
    placeholder = next(iter(base_urls), None)
    if placeholder is not None:
        return [Finding(RULE.id, rel, placeholder.line,
                        f"the spec's Base URL is not a real URL: `{placeholder.url}` is a template placeholder",
                        "write the connector's real base URL, e.g. **Base URL**: `https://api.example.com/v1`, or "
                        "one per environment under **Base URLs:** (- **Sandbox:** `https://...`)")]
    return [Finding(RULE.id, rel, 1, "the spec states no **Base URL**",
                    "add `- **Base URL**: `https://...`` under Basic Information, or a **Base URLs:** list with "
                    "Sandbox and Live URLs")]


RULE = Rule(
    id="preparation.spec-base-url",
    severity="error",
    title="The tech spec names a real base URL",
    guide="The tech spec names the connector's real base URL.",
    check=check_spec_base_url,
    tags=("preparation",),
    params=(),
    applies=grace_documents_expected,
)
