"""Checks that let the tagged JSON serializer skip its per-value walk.

Most session data is plain JSON: strings, numbers, booleans, ``None``
and dicts and lists of those. The built-in tags leave such values as
they are, except a one-key dict whose key is a tag, so when a value has
nothing else the tagged form is the value itself. Likewise, decoded JSON
without such a dict has nothing to restore.
"""

from __future__ import annotations

from collections.abc import Container
from typing import Any

# Exact types: subclasses (``Markup`` is a ``str``) may need a tag.
_SCALARS = frozenset({str, int, float, bool, type(None)})


def is_plain(value: Any, tags: Container[str]) -> bool:
    """Whether ``value`` is made only of JSON scalars, dicts and lists
    (exact types) and has no one-key dict keyed by one of ``tags``."""
    kind = type(value)
    if kind in _SCALARS:
        return True
    if kind is dict:
        if len(value) == 1 and next(iter(value)) in tags:
            return False
        items = value.values()
    elif kind is list:
        items = value
    else:
        return False
    for item in items:
        if type(item) not in _SCALARS and not is_plain(item, tags):
            return False
    return True
