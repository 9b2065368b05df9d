"""The configuration keys sessions read, with their default values."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from types import MappingProxyType
from typing import Any

#: The session keys of an application config and their defaults (the same
#: as Flask's). Read-only; copy it with ``dict(DEFAULT_SESSION_CONFIG)``.
DEFAULT_SESSION_CONFIG: Mapping[str, Any] = MappingProxyType(
    {
        # Signing, and how long a permanent session lasts.
        "SECRET_KEY": None,
        "SECRET_KEY_FALLBACKS": None,
        "PERMANENT_SESSION_LIFETIME": timedelta(days=31),
        "SESSION_REFRESH_EACH_REQUEST": True,
        # The cookie: its name, where it applies, and its flags.
        "SESSION_COOKIE_NAME": "session",
        "SESSION_COOKIE_DOMAIN": None,
        "SESSION_COOKIE_PATH": None,
        "APPLICATION_ROOT": "/",  # the cookie path when SESSION_COOKIE_PATH is None
        "SESSION_COOKIE_SECURE": False,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": None,
        "SESSION_COOKIE_PARTITIONED": False,
    }
)


def as_timedelta(value: timedelta | int | float) -> timedelta:
    """A lifetime given as a :class:`~datetime.timedelta` or in seconds,
    as a :class:`~datetime.timedelta`."""
    if isinstance(value, timedelta):
        return value
    return timedelta(seconds=value)
