"""The test client and the environ builder of an application."""

from __future__ import annotations

import os
import typing as t
from contextlib import contextmanager
from contextlib import ExitStack
from copy import copy
from functools import cache
from urllib.parse import urlsplit

import werkzeug.test
from werkzeug.test import Client
from werkzeug.wrappers import Request as BaseRequest

from .pipeline import PRESERVE_CONTEXT_KEY

if t.TYPE_CHECKING:
    from collections.abc import Iterator

    from _typeshed.wsgi import WSGIEnvironment
    from werkzeug.datastructures import Headers
    from werkzeug.test import TestResponse

    from flaskish_sessions import SessionMixin

    from .app import Flask
    from .testing_websocket import WebsocketTestSession

#: The environment variable that switches the test client to ASGI (the
#: ASGI mode and asyncio load only then, see asgi_testing).
MODE_VARIABLE = "FLASKISH_TEST_CLIENT"

_MaybeStr: t.TypeAlias = "str | None"
_Extra: t.TypeAlias = t.Any


@cache
def _werkzeug_version() -> str:
    # Loaded here: package metadata is a slow import, needed once per process.
    import importlib.metadata

    return importlib.metadata.version("werkzeug")


def asgi_mode_from_environment() -> bool:
    """Whether :data:`MODE_VARIABLE` asks for the ASGI mode."""
    return os.environ.get(MODE_VARIABLE, "").lower() == "asgi"


def _base_url(
    app: Flask, path: str, subdomain: str | None, url_scheme: str | None
) -> tuple[str, str]:
    """Split ``path`` into the base URL and the path the builder gets,
    filling in the host and scheme from the app's config."""
    config = app.config
    host = config.get("SERVER_NAME") or "localhost"
    if subdomain:
        host = f"{subdomain}.{host}"
    scheme = url_scheme or config["PREFERRED_URL_SCHEME"]
    parts = urlsplit(path)
    root = config["APPLICATION_ROOT"].lstrip("/")
    base_url = f"{parts.scheme or scheme}://{parts.netloc or host}/{root}"
    local_path = f"{parts.path}?{parts.query}" if parts.query else parts.path
    return base_url, local_path


class EnvironBuilder(werkzeug.test.EnvironBuilder):
    """werkzeug's environ builder with defaults from ``app``: the host from
    ``SERVER_NAME`` (or ``localhost``, with ``subdomain`` before it), the
    scheme from ``PREFERRED_URL_SCHEME``, the script root from
    ``APPLICATION_ROOT``; ``json=`` is serialized with the app's provider.
    ``base_url`` replaces all of those and excludes ``subdomain`` and
    ``url_scheme``.
    """

    app: Flask

    def __init__(
        self,
        app: Flask,
        path: str = "/",
        base_url: _MaybeStr = None,
        subdomain: _MaybeStr = None,
        url_scheme: _MaybeStr = None,
        *args: _Extra,
        **kwargs: _Extra,
    ) -> None:
        self.app = app
        if base_url is None:
            base_url, path = _base_url(app, path, subdomain, url_scheme)
        elif subdomain or url_scheme:
            raise AssertionError(
                'Cannot pass "subdomain" or "url_scheme" with "base_url".'
            )
        super().__init__(path, base_url, *args, **kwargs)

    def json_dumps(self, obj: t.Any, **kwargs: t.Any) -> str:
        """Serialize a ``json=`` body with the app's JSON provider."""
        return self.app.json.dumps(obj, **kwargs)


def _built(builder: werkzeug.test.EnvironBuilder) -> BaseRequest:
    """The request of ``builder``, closing the builder's files afterwards."""
    try:
        return builder.get_request()
    finally:
        builder.close()


class FlaskClient(Client):
    """werkzeug's test client for an application.

    Inside ``with client:`` the contexts of the last request stay pushed
    until the next request or the end of the block, so ``request``,
    ``session`` and ``g`` can be inspected after a call.
    :meth:`session_transaction` edits the session the client sends.
    """

    application: Flask
    #: Send every request through ``app.asgi_app`` instead of
    #: ``app.wsgi_app``; ``None`` reads ``FLASKISH_TEST_CLIENT=asgi`` from
    #: the environment (flaskish addition).
    asgi: bool | None = None

    def __init__(self, *args: _Extra, **kwargs: _Extra) -> None:
        self.environ_base = {
            "REMOTE_ADDR": "127.0.0.1",
            "HTTP_USER_AGENT": f"Werkzeug/{_werkzeug_version()}",
        }
        self._preserved: list[t.ContextManager[t.Any]] = []
        self._pushed_again = ExitStack()
        self.preserve_context = False
        super().__init__(*args, **kwargs)

    @contextmanager
    def session_transaction(
        self, *args: _Extra, **kwargs: _Extra
    ) -> Iterator[SessionMixin]:
        """Open the client's session for editing; it is saved back into
        the client's cookies when the block ends. Arguments are those of
        ``app.test_request_context``."""
        if self._cookies is None:
            raise TypeError(
                "Cookies are disabled. Create a client with 'use_cookies=True'."
            )
        app = self.application
        interface = app.session_interface
        ctx = app.test_request_context(*args, **kwargs)
        environ = ctx.request.environ
        self._add_cookies_to_wsgi(environ)
        with ctx:
            opened = interface.open_session(app, ctx.request)
        if opened is None:
            raise RuntimeError("Session backend did not open a session.")
        yield opened
        if interface.is_null_session(opened):
            return
        carrier = app.response_class()
        with ctx:
            interface.save_session(app, opened, carrier)
        host = ctx.request.host.partition(":")[0]
        cookies = carrier.headers.getlist("Set-Cookie")
        self._update_cookies_from_response(host, ctx.request.path, cookies)

    def _with_base(self, environ: t.Mapping[str, t.Any]) -> dict[str, t.Any]:
        merged = {**self.environ_base, **environ}
        if self.preserve_context:
            merged[PRESERVE_CONTEXT_KEY] = self._preserved.append
        return merged

    def _build_request(
        self, args: tuple[t.Any, ...], kwargs: dict[str, t.Any]
    ) -> BaseRequest:
        first = args[0] if args else None
        if isinstance(first, BaseRequest):
            request = copy(first)
            request.environ = self._with_base(request.environ)
            return request
        if isinstance(first, dict):
            base = self._with_base({})
            return _built(
                EnvironBuilder.from_environ(
                    first, app=self.application, environ_base=base
                )
            )
        if isinstance(first, werkzeug.test.EnvironBuilder):
            builder = copy(first)
            builder.environ_base = self._with_base(builder.environ_base or {})
            return builder.get_request()
        return self._request_from_builder_args(args, kwargs)

    def _request_from_builder_args(
        self, args: tuple[t.Any, ...], kwargs: dict[str, t.Any]
    ) -> BaseRequest:
        # Private in Flask too, but extensions (Flask-SocketIO's test
        # client) call it to build a request the way this client would.
        base = self._with_base(kwargs.pop("environ_base", {}))
        builder = EnvironBuilder(self.application, *args, environ_base=base, **kwargs)
        return _built(builder)

    def run_wsgi_app(
        self, environ: WSGIEnvironment, buffered: bool = False
    ) -> tuple[t.Iterable[bytes], str, Headers]:
        """Run the app for ``environ`` (werkzeug's), through ``asgi_app``
        in the ASGI mode (see :attr:`asgi`)."""
        asgi = self.asgi
        if asgi is None:
            asgi = asgi_mode_from_environment()
        if not asgi:
            return super().run_wsgi_app(environ, buffered)
        from .asgi_testing import AsgiAsWsgi

        app = self.application
        self.application = AsgiAsWsgi(app)  # type: ignore[assignment]
        try:
            return super().run_wsgi_app(environ, buffered)
        finally:
            self.application = app

    def open(
        self,
        *args: _Extra,
        follow_redirects: bool = False,
        buffered: bool = False,
        **kwargs: _Extra,
    ) -> TestResponse:
        """Send a request to the app (see :meth:`werkzeug.test.Client.open`)."""
        request = self._build_request(args, kwargs)
        # Contexts kept from an earlier request end before the next one.
        self._pushed_again.close()
        sent = super().open
        response = sent(request, buffered=buffered, follow_redirects=follow_redirects)
        response.json_module = self.application.json  # type: ignore[assignment]
        kept, self._preserved = self._preserved, []
        for context in kept:
            self._pushed_again.enter_context(context)
        return response

    def websocket(
        self,
        *args: _Extra,
        subprotocols: t.Iterable[str] = (),
        timeout: float | None = None,
        **kwargs: _Extra,
    ) -> WebsocketTestSession:
        """Open a WebSocket to the app's ``asgi_app``, in process: the
        handshake is the request ``open`` would send for ``args`` and
        ``kwargs`` (path, ``query_string``, ``headers``, ...), with the
        client's cookies. Use it as a context manager::

            with client.websocket("/echo") as ws:
                ws.send("hi")
                assert ws.receive() == "hi"
        """
        from .testing_websocket import DEFAULT_TIMEOUT
        from .testing_websocket import scope_from_environ
        from .testing_websocket import WebsocketTestSession

        environ = self._request_from_builder_args(args, kwargs).environ
        if self._cookies is not None:
            self._add_cookies_to_wsgi(environ)
        scope = scope_from_environ(environ, subprotocols)
        app = self.application
        return WebsocketTestSession(
            app.asgi_app, scope, self, timeout or DEFAULT_TIMEOUT
        )

    def __enter__(self) -> FlaskClient:
        if not self.preserve_context:
            self.preserve_context = True
            return self
        raise RuntimeError("Cannot nest client invocations")

    def __exit__(self, *exc_info: object) -> None:
        self.preserve_context = False
        self._pushed_again.close()


def build_environ(app: Flask, *args: _Extra, **kwargs: _Extra) -> WSGIEnvironment:
    """A WSGI environ made by :class:`EnvironBuilder` from ``args``."""
    builder = EnvironBuilder(app, *args, **kwargs)
    try:
        return builder.get_environ()
    finally:
        builder.close()


__all__ = ["EnvironBuilder", "FlaskClient", "build_environ"]
