"""Links from a finding to its file and line online: the blob at the checked commit.

In GitHub Actions (`GITHUB_SERVER_URL`, `GITHUB_REPOSITORY`, `GITHUB_SHA` set) every finding links to
`<server>/<repo>/blob/<sha>/<path>#L<line>`; `--source-url TEMPLATE` sets any other forge's form, with
`{commit}`, `{path}` and `{line}` (e.g. `https://gitlab.example/g/hs/-/blob/{commit}/{path}#L{line}`). A fixed
finding links to the base commit, where it still is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote

from connector_compliance.checks.core.errors import UsageError

PLACEHOLDERS = ("{commit}", "{path}", "{line}")


@dataclass(frozen=True)
class SourceLinks:
    template: str  # with {commit}, {path}, {line}
    commit: str

    def url(self, path: str, line: int, commit: str | None = None) -> str | None:
        """The link to a file of the target at a line; None for a path outside the target (cargo's registry)."""
        if not path or path.startswith("/"):
            return None
        return (self.template.replace("{commit}", quote(commit or self.commit, safe=""))
                .replace("{path}", quote(path, safe="/")).replace("{line}", str(max(1, line))))


def validate_template(template: str) -> None:
    missing = [p for p in PLACEHOLDERS if p not in template]
    if missing or not template.startswith(("https://", "http://")):
        raise UsageError(f"--source-url {template!r}: an http(s) URL with {', '.join(PLACEHOLDERS)} "
                         f"(missing {', '.join(missing) or 'the scheme'})")


def source_links(template: str | None, commit: str | None, env: Mapping[str, str]) -> SourceLinks | None:
    """The run's links: the --source-url template, else GitHub's blob URLs when Actions sets the variables."""
    server, repo, sha = env.get("GITHUB_SERVER_URL"), env.get("GITHUB_REPOSITORY"), env.get("GITHUB_SHA")
    if template:
        head = commit or sha
        return SourceLinks(template, head) if head else None
    if server and repo and sha:
        return SourceLinks(f"{server.rstrip('/')}/{repo}/blob/{{commit}}/{{path}}#L{{line}}", sha)
    return None
