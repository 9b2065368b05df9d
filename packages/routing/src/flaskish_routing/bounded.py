"""Per-process caches whose keys come partly from requests."""

from __future__ import annotations

from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


def remember(cache: dict[K, V], key: K, value: V, limit: int) -> V:
    """Store ``value`` under ``key`` and return it, emptying ``cache`` first
    when it already holds ``limit`` entries: clients choose hosts, paths and
    error descriptions, so a cache must not grow with them."""
    if len(cache) >= limit:
        cache.clear()
    cache[key] = value
    return value
