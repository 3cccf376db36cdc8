"""Rules of the flow-selection area (registered in checks/rules.py)."""

from __future__ import annotations

from . import selection_checks
from .rule import Rule

RULES: list[Rule] = [
    Rule("selection.router-invokes", "error",
         "Flow selection: a selected flow must be one the router invokes (AccessTokenAuth needs "
         "supports_access_token; PaymentMethodToken needs the [tokenization] config).",
         selection_checks.check_router_invokes),
]
