"""Which connectors a change touches: `git diff REF...HEAD` in the target, mapped to connector modules.

A connector is touched when its own files change (connectors/NAME.rs, connectors/NAME/**, its router test, its GRACE
documents) or when a changed line of a registration file names it (its module name or its type name, as a word).
"""

from __future__ import annotations

import re
import subprocess

from ..core.errors import UsageError
from ..target import layout
from ..target.repository import Repository

OWN_FILE = (
    re.compile(rf"^{re.escape(layout.CONNECTORS_DIR)}/(?P<name>\w+)(\.rs$|/)"),
    re.compile(r"^crates/router/tests/connectors/(?P<name>\w+)\.rs$"),
    re.compile(rf"^{re.escape(layout.GRACE_DIR)}/(?P<name>\w+)(/|_specs\.md$|_plan\.md$)"),
)


def _git(repo: Repository, *args: str) -> str:
    try:
        proc = subprocess.run(["git", *args], cwd=repo.root, capture_output=True, text=True, timeout=60,
                              check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise UsageError(f"--changed-since needs git in the target: {error}") from error
    if proc.returncode != 0:
        message = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else f"exit {proc.returncode}"
        raise UsageError(f"--changed-since: git {' '.join(args[:2])} failed in {repo.root}: {message}")
    return proc.stdout


def changed_connectors(repo: Repository, ref: str) -> list[str]:
    span = f"{ref}...HEAD"
    files = [f for f in _git(repo, "diff", "--name-only", "--relative", span).splitlines() if f]
    touched: set[str] = set()
    others = []
    for rel in files:
        match = next((m for m in (p.match(rel) for p in OWN_FILE) if m), None)
        if match and match["name"] in repo.modules:
            touched.add(match["name"])
        elif rel.endswith((".rs", ".toml")):
            others.append(rel)
    if others:
        names = {name: name for name in repo.modules}
        names.update({m.camel: name for name, m in repo.modules.items() if m.camel})
        word = re.compile(r"\b(" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")\b")
        diff = _git(repo, "diff", "-U0", "--relative", span, "--", *others)
        for line in diff.splitlines():
            if line.startswith(("+", "-")) and not line.startswith(("+++", "---")):
                touched.update(names[m] for m in word.findall(line))
    return sorted(touched)
