"""The overridable interface between an application and its sessions."""

from __future__ import annotations

from datetime import datetime
from datetime import UTC
from typing import TYPE_CHECKING

from .mixin import SessionMixin
from .null_session import NullSession

if TYPE_CHECKING:
    from werkzeug.wrappers import Request
    from werkzeug.wrappers import Response

    from .protocol import SessionApp


class SessionInterface:
    """Base class of session backends.

    A backend implements :meth:`open_session` and :meth:`save_session`;
    every other method has a default read from the application config and
    may be overridden. ``open_session`` returning ``None`` makes the caller
    fall back to :meth:`make_null_session`. Sessions of concurrent requests
    are opened and saved in whatever order those requests run.
    """

    #: Class of the session made by :meth:`make_null_session`.
    null_session_class: type[NullSession] = NullSession

    #: Whether the backend pickles session data (kept for compatibility).
    pickle_based = False

    def make_null_session(self, app: SessionApp) -> NullSession:
        """Return the stand-in session used when sessions cannot work."""
        return self.null_session_class()

    def is_null_session(self, obj: object) -> bool:
        """Whether ``obj`` is a null session; those are never saved."""
        return isinstance(obj, self.null_session_class)

    def get_cookie_name(self, app: SessionApp) -> str:
        """The cookie name: ``SESSION_COOKIE_NAME``."""
        name: str = app.config["SESSION_COOKIE_NAME"]
        return name

    def get_cookie_domain(self, app: SessionApp) -> str | None:
        """The cookie's ``Domain``: ``SESSION_COOKIE_DOMAIN`` (``None``
        limits the cookie to the host that set it)."""
        domain: str | None = app.config["SESSION_COOKIE_DOMAIN"]
        return domain

    def get_cookie_path(self, app: SessionApp) -> str:
        """The cookie's ``Path``: ``SESSION_COOKIE_PATH``, or
        ``APPLICATION_ROOT`` when that is unset."""
        config = app.config
        path: str = config["SESSION_COOKIE_PATH"] or config["APPLICATION_ROOT"]
        return path

    def get_cookie_httponly(self, app: SessionApp) -> bool:
        """The ``HttpOnly`` flag: ``SESSION_COOKIE_HTTPONLY``."""
        return bool(app.config["SESSION_COOKIE_HTTPONLY"])

    def get_cookie_secure(self, app: SessionApp) -> bool:
        """The ``Secure`` flag: ``SESSION_COOKIE_SECURE``."""
        return bool(app.config["SESSION_COOKIE_SECURE"])

    def get_cookie_samesite(self, app: SessionApp) -> str | None:
        """The ``SameSite`` value: ``SESSION_COOKIE_SAMESITE``."""
        samesite: str | None = app.config["SESSION_COOKIE_SAMESITE"]
        return samesite

    def get_cookie_partitioned(self, app: SessionApp) -> bool:
        """The ``Partitioned`` flag: ``SESSION_COOKIE_PARTITIONED``."""
        return bool(app.config["SESSION_COOKIE_PARTITIONED"])

    def get_expiration_time(
        self, app: SessionApp, session: SessionMixin
    ) -> datetime | None:
        """When the cookie expires: now plus the permanent session
        lifetime for permanent sessions, ``None`` (end of the browser
        session) otherwise."""
        if not session.permanent:
            return None
        return datetime.now(UTC) + app.permanent_session_lifetime

    def should_set_cookie(self, app: SessionApp, session: SessionMixin) -> bool:
        """Whether the response sets the cookie: when the session was
        modified, or when it is permanent and ``SESSION_REFRESH_EACH_REQUEST``
        is true. Not consulted when an emptied session deletes the cookie."""
        if session.modified:
            return True
        return session.permanent and bool(app.config["SESSION_REFRESH_EACH_REQUEST"])

    def may_save_unread(self, app: SessionApp, request: Request) -> bool:
        """Whether :meth:`save_session` could write anything for a session
        nobody read during ``request``; a framework opening sessions on first
        use skips opening and saving when this is false (flaskish seam).
        ``True`` unless an interface knows better."""
        return True

    def open_session(self, app: SessionApp, request: Request) -> SessionMixin | None:
        """Load the session of ``request``; ``None`` asks for a null session."""
        raise NotImplementedError

    def save_session(
        self, app: SessionApp, session: SessionMixin, response: Response
    ) -> None:
        """Persist ``session`` on ``response``; skipped for null sessions."""
        raise NotImplementedError


def open_session_or_null(
    interface: SessionInterface, app: SessionApp, request: Request
) -> SessionMixin:
    """``interface``'s session for ``request``, or its null session when
    :meth:`~SessionInterface.open_session` returns ``None``."""
    session = interface.open_session(app, request)
    if session is None:
        session = interface.make_null_session(app)
    return session
