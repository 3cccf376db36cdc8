"""When the preparation rules apply: upstream connectors have no GRACE documents."""

from __future__ import annotations

from ...core.rule import Scope
from ...facts.grace_docs import grace_folder_present
from ...target.layout import GRACE_DIR


def grace_documents_expected(scope: Scope, params: dict[str, str]) -> str | None:
    """Without a grace/ folder the documents are not expected, unless --require-docs."""
    if scope.require_docs or grace_folder_present(scope.repo):
        return None
    return f"the checkout has no {GRACE_DIR}/ folder (pass --require-docs to require it)"
