"""A session for any WSGI application, in the flaskish cookie format."""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Iterator
from collections.abc import Mapping
from datetime import timedelta
from typing import Any
from typing import TYPE_CHECKING

from werkzeug.datastructures import CallbackDict
from werkzeug.wrappers import Request
from werkzeug.wrappers import Response

from .config import as_timedelta
from .config import DEFAULT_SESSION_CONFIG
from .interface import open_session_or_null
from .interface import SessionInterface
from .null_session import NullSession
from .secure_cookie import SecureCookieSessionInterface
from .sorted_payload import sorted_session_serializer

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse
    from _typeshed.wsgi import WSGIApplication
    from _typeshed.wsgi import WSGIEnvironment

    from .mixin import SessionMixin

#: The ``environ`` key under which :class:`SessionMiddleware` puts the session.
ENVIRON_KEY = "flaskish.session"

_Write = Callable[[bytes], object]


class MiddlewareNullSession(NullSession):
    """The null session of a :class:`SessionMiddleware` without a secret key;
    its error says where the key goes."""

    unavailable_message = (
        "The session is unavailable because no secret key was set. Pass"
        " secret_key= to SessionMiddleware (or set config['SECRET_KEY']) to"
        " something unique and secret."
    )


class _HeadersOnly(Response):
    # Carries the wrapped app's status and headers so the session
    # interface can add cookies; no default Content-Type is invented.
    default_mimetype = None


def _refuse_late_write(session: Any) -> None:
    raise RuntimeError(
        "The session was changed after its response headers were sent, so"
        " the change cannot be saved. SessionMiddleware saves the session"
        " when the application's body yields its first non-empty chunk:"
        " change the session before that."
    )


class SessionMiddleware:
    """Signed cookie sessions for any WSGI application.

    Each request's session is opened before the application runs and put
    in ``environ["flaskish.session"]``. The headers the application passes
    to ``start_response`` are held back, as PEP 3333 allows, until its body
    yields its first non-empty chunk (or calls ``write``, or ends); the
    session is saved onto them then (``Set-Cookie``, ``Vary: Cookie``). A
    change made to a :class:`~flaskish_sessions.SecureCookieSession` after
    that raises :exc:`RuntimeError` instead of being lost. Without a secret
    key the session is a :class:`MiddlewareNullSession`, whose writes
    raise an error saying to pass ``secret_key``.

    Cookies are the ones a flaskish (or Flask) application with the same
    secret key, salt and cookie settings reads and writes, byte for byte
    (the default interface sorts the payload's keys, as an application's
    JSON provider does), so both can share a session.

    :param app: the WSGI application to wrap.
    :param secret_key: the signing key; overrides ``config["SECRET_KEY"]``.
    :param config: session keys overriding :data:`DEFAULT_SESSION_CONFIG`.
        ``PERMANENT_SESSION_LIFETIME`` may be a timedelta or seconds.
    :param session_interface: the backend; by default a
        :class:`SecureCookieSessionInterface` whose serializer is
        :data:`~flaskish_sessions.sorted_payload.sorted_session_serializer`.
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
            # Byte-identical to the cookies an application writes.
            session_interface.serializer = sorted_session_serializer
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
        session = open_session_or_null(self.session_interface, self, request)
        if type(session) is NullSession and not self.secret_key:
            return MiddlewareNullSession()
        return session

    def __call__(
        self, environ: WSGIEnvironment, start_response: StartResponse
    ) -> Iterable[bytes]:
        session = self.open_session(environ)
        environ[ENVIRON_KEY] = session
        if self.session_interface.is_null_session(session) or isinstance(
            session, NullSession
        ):
            return self.app(environ, start_response)
        start = _HeldStart(self, session, start_response)
        return _SessionBody(self.app(environ, start), start)


class _HeldStart:
    """The ``start_response`` given to the application: keeps the status
    and headers until the first byte of the body, then saves the session
    onto them and starts the real response."""

    def __init__(
        self,
        middleware: SessionMiddleware,
        session: SessionMixin,
        start_response: StartResponse,
    ) -> None:
        self._middleware = middleware
        self._session = session
        self._start_response = start_response
        self._held: tuple[str, list[tuple[str, str]], Any] | None = None
        self._write: _Write | None = None

    def __call__(
        self, status: str, headers: list[tuple[str, str]], exc_info: Any = None
    ) -> _Write:
        if self._write is not None:
            if exc_info is None:
                raise AssertionError("The response has already been started.")
            raise exc_info[1].with_traceback(exc_info[2])
        self._held = (status, headers, exc_info)
        return self.write

    def write(self, data: bytes) -> None:
        """The legacy ``write`` callable: sends the headers first."""
        self.send_headers()
        assert self._write is not None
        self._write(data)

    def send_headers(self) -> None:
        """Save the session onto the held headers and start the response."""
        if self._write is not None:
            return
        if self._held is None:
            raise RuntimeError(
                "The application produced a body without calling start_response."
            )
        status, headers, exc_info = self._held
        response = _HeadersOnly(headers=headers)
        session = self._session
        self._middleware.session_interface.save_session(
            self._middleware, session, response
        )
        if isinstance(session, CallbackDict):
            session.on_update = _refuse_late_write
        new_headers = response.headers.to_wsgi_list()
        self._write = self._start_response(status, new_headers, exc_info)


class _SessionBody:
    """The application's body, starting the response at its first byte."""

    def __init__(self, body: Iterable[bytes], start: _HeldStart) -> None:
        self._body = body
        self._start = start
        self._iter: Iterator[bytes] | None = None

    def __iter__(self) -> Iterator[bytes]:
        return self

    def __next__(self) -> bytes:
        if self._iter is None:
            self._iter = iter(self._body)
        try:
            chunk = next(self._iter)
        except StopIteration:
            self._start.send_headers()
            raise
        if chunk:
            self._start.send_headers()
        return chunk

    def close(self) -> None:
        close = getattr(self._body, "close", None)
        if close is not None:
            close()
