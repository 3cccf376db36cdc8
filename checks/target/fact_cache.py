"""One cache for everything derived from the target: each fact function's result, once per run and arguments."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Concatenate, ParamSpec, TypeVar

if TYPE_CHECKING:
    from .repository import Repository

P = ParamSpec("P")
T = TypeVar("T")


class FactCache:
    """Results keyed by (the fact function, its arguments); one instance per repository, so per run."""

    def __init__(self) -> None:
        self._values: dict[tuple[object, tuple[object, ...]], object] = {}

    def get(self, function: object, args: tuple[object, ...], compute: Callable[[], T]) -> T:
        key = (function, args)
        if key not in self._values:
            self._values[key] = compute()
        return self._values[key]  # type: ignore[return-value]

    def __len__(self) -> int:
        return len(self._values)

    def keys(self) -> list[tuple[object, tuple[object, ...]]]:
        return list(self._values)

    def items(self) -> list[tuple[tuple[object, tuple[object, ...]], object]]:
        return list(self._values.items())

    def setdefault(self, key: tuple[object, tuple[object, ...]], value: object) -> None:
        """A result computed elsewhere (a worker process, run/parallel.py); one already here is kept."""
        self._values.setdefault(key, value)


def fact(function: Callable[Concatenate[Repository, P], T]) -> Callable[Concatenate[Repository, P], T]:
    """Compute `function(repo, *args)` once per repository and arguments (arguments must be hashable)."""

    @functools.wraps(function)
    def cached(repo: Repository, *args: P.args, **kwargs: P.kwargs) -> T:
        key = (*args, *sorted(kwargs.items())) if kwargs else args
        return repo.facts.get(cached, key, lambda: function(repo, *args, **kwargs))

    return cached
