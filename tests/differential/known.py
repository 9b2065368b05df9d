"""The one list of known, documented differences from Flask 3.1.3.

Each entry names the area of the differential suite it applies to, says
which inputs it covers, and why flaskish differs (see docs/differences.md).
A test calls :func:`excluded` with its input and skips inputs listed here;
everything else must give Flask's result exactly.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Difference:
    area: str
    reason: str
    applies: Callable[..., bool]


def _has_empty_tagged_dict(value: Any) -> bool:
    if isinstance(value, dict):
        tagged = value.get(" di")
        if len(value) == 1 and isinstance(tagged, dict | list | str) and not tagged:
            return True
        return any(map(_has_empty_tagged_dict, value.values()))
    if isinstance(value, list):
        return any(map(_has_empty_tagged_dict, value))
    return False


def _signed_non_object(incoming: Any) -> bool:
    return (
        incoming is not None
        and incoming[0] != "garbage"
        and not isinstance(incoming[1], dict)
    )


KNOWN_DIFFERENCES: list[Difference] = [
    Difference(
        area="session cookie",
        reason=(
            "A cookie signed with the key whose payload is JSON but not an"
            " object: flaskish opens an empty session, Flask raises while"
            " opening it (a 500). Only the key holder can make such a cookie."
        ),
        applies=lambda incoming: _signed_non_object(incoming),
    ),
    Difference(
        area="tagged JSON loads",
        reason=(
            'A tagged dict with no key ({" di": {}}, or [] or ""): flaskish raises'
            " a ValueError that says so, Flask lets a bare StopIteration escape."
        ),
        applies=lambda text: _has_empty_tagged_dict(json.loads(text)),
    ),
]


def excluded(area: str, **inputs: Any) -> bool:
    """Whether a known difference covers ``inputs`` in ``area``."""
    return any(
        difference.applies(**inputs)
        for difference in KNOWN_DIFFERENCES
        if difference.area == area
    )
