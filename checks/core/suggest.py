"""Near names for a hint, nearest by edit distance."""

from __future__ import annotations

import difflib


def similar(name: str, candidates: set[str] | list[str], n: int = 2) -> list[str]:
    """Closest names: first by the share of the name's `_`-words they contain, rare words weighing more
    (get_optional_ip -> get_ip_address_as_optional; connector_customer -> customer_id), then by difflib's ratio."""
    pool = sorted(set(candidates))
    words = set(name.split("_"))
    frequency = {w: sum(w in c.split("_") for c in pool) for w in words}
    weight = {w: 1.0 / (1 + frequency[w]) for w in words}
    total = sum(weight.values()) or 1.0

    def score(candidate: str) -> tuple[float, float]:
        shared = words & set(candidate.split("_"))
        return sum(weight[w] for w in shared) / total, difflib.SequenceMatcher(None, name, candidate).ratio()

    ranked = sorted(pool, key=lambda c: (tuple(-x for x in score(c)), c))
    return [c for c in ranked[:n] if score(c)[0] >= 0.5 or score(c)[1] >= 0.75]
