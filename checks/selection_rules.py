"""Rules of the selection area (registered in checks/rules.py)."""

from __future__ import annotations

from .rule import Rule

RULES: list[Rule] = []
