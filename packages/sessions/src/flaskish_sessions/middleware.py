"""A session for any WSGI application, in the flaskish cookie format."""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Mapping
from datetime import timedelta
from typing import Any
from typing import TYPE_CHECKING

from werkzeug.wrappers import Request
from werkzeug.wrappers import Response

from .config import as_timedelta
from .config import DEFAULT_SESSION_CONFIG
from .interface import open_session_or_null
from .interface import SessionInterface
from .secure_cookie import SecureCookieSessionInterface

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse
    from _typeshed.wsgi import WSGIApplication
    from _typeshed.wsgi import WSGIEnvironment

    from .mixin import SessionMixin

#: The ``environ`` key under which :class:`SessionMiddleware` puts the session.
ENVIRON_KEY = "flaskish.session"


class _HeadersOnly(Response):
    # Carries the wrapped app's status and headers so the session
    # interface can add cookies; no default Content-Type is invented.
    default_mimetype = None


class SessionMiddleware:
    """Give the wrapped WSGI application a session.

    Each request's session is opened before the application runs and put
    in ``environ["flaskish.session"]``. When the application calls
    ``start_response``, the session is saved onto its headers
    (``Set-Cookie``, ``Vary: Cookie``), so changes made after that call
    are not saved. Without a secret key the session is a
    :class:`~flaskish_sessions.NullSession`.

    Cookies are the ones a flaskish application with the same secret key,
    salt and cookie settings reads and writes, so both can share a session.

    :param app: the WSGI application to wrap.
    :param secret_key: the signing key; overrides ``config["SECRET_KEY"]``.
    :param config: session keys overriding :data:`DEFAULT_SESSION_CONFIG`.
        ``PERMANENT_SESSION_LIFETIME`` may be a timedelta or seconds.
    :param session_interface: the backend; a
        :class:`SecureCookieSessionInterface` by default.
    """

    def __init__(
        self,
        app: WSGIApplication,
        secret_key: str | bytes | None = None,
        config: Mapping[str, Any] | None = None,
        session_interface: SessionInterface | None = None,
    ) -> None:
        self.app = app
        #: The session settings (a complete copy, never the caller's dict).
        self.config: dict[str, Any] = {**DEFAULT_SESSION_CONFIG, **(config or {})}
        if secret_key is not None:
            self.config["SECRET_KEY"] = secret_key
        if session_interface is None:
            session_interface = SecureCookieSessionInterface()
        self.session_interface = session_interface

    @property
    def secret_key(self) -> str | bytes | None:
        """``config["SECRET_KEY"]``."""
        key: str | bytes | None = self.config["SECRET_KEY"]
        return key

    @property
    def permanent_session_lifetime(self) -> timedelta:
        """``config["PERMANENT_SESSION_LIFETIME"]`` as a timedelta."""
        return as_timedelta(self.config["PERMANENT_SESSION_LIFETIME"])

    def open_session(self, environ: WSGIEnvironment) -> SessionMixin:
        """The session of the request in ``environ`` (a null session when
        the interface cannot open one)."""
        request = Request(environ, shallow=True)
        return open_session_or_null(self.session_interface, self, request)

    def __call__(
        self, environ: WSGIEnvironment, start_response: StartResponse
    ) -> Iterable[bytes]:
        interface = self.session_interface
        session = self.open_session(environ)
        environ[ENVIRON_KEY] = session

        def start_with_session(
            status: str, headers: list[tuple[str, str]], exc_info: Any = None
        ) -> Any:
            if interface.is_null_session(session):
                return start_response(status, headers, exc_info)
            response = _HeadersOnly(headers=headers)
            interface.save_session(self, session, response)
            new_headers = response.headers.to_wsgi_list()
            return start_response(status, new_headers, exc_info)

        return self.app(environ, start_with_session)
