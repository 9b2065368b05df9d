"""The application surface the session component relies on."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any
from typing import Protocol


class SessionApp(Protocol):
    """What a session interface reads from the application it serves.

    A flaskish application satisfies this protocol, and so does
    :class:`~flaskish_sessions.SessionMiddleware`. ``config`` holds the
    ``SECRET_KEY_FALLBACKS``, ``SESSION_*`` and ``APPLICATION_ROOT`` keys
    listed in :data:`~flaskish_sessions.DEFAULT_SESSION_CONFIG`.
    """

    @property
    def secret_key(self) -> str | bytes | None:
        """The key sessions are signed with; no key means no sessions."""

    @property
    def config(self) -> Mapping[str, Any]:
        """The configuration mapping with the session keys."""

    @property
    def permanent_session_lifetime(self) -> timedelta:
        """How long a permanent session (and any signature) stays valid."""
