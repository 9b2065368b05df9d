"""The JSON ``default`` hook shared by sessions and the JSON provider."""

from __future__ import annotations

import dataclasses
import sys
import uuid
from datetime import date
from typing import Any

from werkzeug.http import http_date


def _is_decimal(o: Any) -> bool:
    # Nothing can be a Decimal before the decimal module is imported, so
    # this module does not import it for applications that never use it.
    decimal = sys.modules.get("decimal")
    return decimal is not None and isinstance(o, decimal.Decimal)


def json_default(o: Any) -> Any:
    """Turn an object :mod:`json` cannot encode into one it can.

    Dates and datetimes become HTTP date strings, ``Decimal`` and ``UUID``
    become strings, dataclass instances become dicts and objects with an
    ``__html__`` method become the string it returns. Anything else raises
    :exc:`TypeError`.
    """
    if isinstance(o, date):
        return http_date(o)
    if isinstance(o, uuid.UUID) or _is_decimal(o):
        return str(o)
    if dataclasses.is_dataclass(o) and not isinstance(o, type):
        return dataclasses.asdict(o)
    if hasattr(o, "__html__"):
        return str(o.__html__())
    name = type(o).__name__
    raise TypeError(f"Object of type {name} is not JSON serializable")
