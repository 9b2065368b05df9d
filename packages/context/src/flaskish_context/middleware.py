"""Contexts and proxies for any WSGI application."""

from __future__ import annotations

import contextvars
import os
import weakref
from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Iterator
from typing import Any
from typing import TYPE_CHECKING

from werkzeug.routing import Map
from werkzeug.routing import MapAdapter
from werkzeug.wrappers import Request
from werkzeug.wrappers import Response

from .ctx import _AppCtxGlobals
from .ctx import AppContext
from .ctx import RequestContext
from .static import StaticFilesMixin
from .sync import run_sync

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse
    from _typeshed.wsgi import WSGIApplication
    from _typeshed.wsgi import WSGIEnvironment

    from .protocol import ContextApp

TeardownCallable = Callable[[BaseException | None], object]
#: Makes the session of a request (``ContextMiddleware(open_session=...)``).
SessionOpener = Callable[[Request], Any]
MaybeText = str | None
MaybeMap = Map | None
MaybeOpener = SessionOpener | None

#: Where a session middleware of the same WSGI stack (flaskish-sessions'
#: ``SessionMiddleware``) puts the session of the request.
SESSION_ENVIRON_KEY = "flaskish.session"


class _HeadersOnly(Response):
    # The wrapped app's status and headers, for after_this_request
    # functions; no default Content-Type is invented.
    default_mimetype = None


class _Started(list[Any]):
    """The ``after_this_request`` list once the response has started."""

    def append(self, f: Any) -> None:
        raise RuntimeError(
            "after_this_request was called after the application started its"
            " response (called start_response), so the function could not"
            " change it. Register it before calling start_response."
        )


class ContextMiddleware(StaticFilesMixin):
    """Run a WSGI application inside a request context.

    While the wrapped application (and its response iterable) runs,
    ``request``, ``session``, ``g`` and ``current_app`` work as in flaskish;
    ``current_app`` is this middleware. Each request gets its own ``g``.
    Functions registered with ``after_this_request`` get a response with
    the status and headers the application passes to ``start_response``
    and return the response whose status and headers are sent (the body is
    the application's). Teardown functions run when the server closes the
    response, or when an unclosed response is collected.

    The session is the one a ``SessionMiddleware`` (flaskish-sessions)
    wrapped around this middleware opened, so it persists::

        app = SessionMiddleware(ContextMiddleware(wsgi_app), secret_key="...")

    Without one (and without ``open_session``), each request gets an empty
    ``dict`` that is not kept.

    :param wsgi_app: the application to wrap.
    :param name: the name shown by ``current_app.name``.
    :param url_map: a werkzeug ``Map``; when given, each request is matched
        and gets ``url_rule`` and ``view_args`` (or ``routing_exception``).
    :param open_session: called with the request the first time ``session``
        is read; by default the session in
        ``environ["flaskish.session"]`` (:data:`SESSION_ENVIRON_KEY`), or an
        empty ``dict``.
    :param root_path: folder for relative paths of the file helpers.
    """

    app_ctx_globals_class: type = _AppCtxGlobals
    response_class: type[Response] = Response
    request_class: type[Request] = Request

    def __init__(
        self,
        wsgi_app: WSGIApplication,
        *,
        name: MaybeText = None,
        url_map: MaybeMap = None,
        open_session: MaybeOpener = None,
        root_path: MaybeText = None,
    ) -> None:
        self.wsgi_app = wsgi_app
        self.name = name or getattr(wsgi_app, "__name__", type(wsgi_app).__name__)
        self.url_map = url_map
        self._open_session = open_session
        self.root_path = os.getcwd() if root_path is None else root_path
        self.static_folder: str | None = None
        self.config: dict[str, Any] = {
            "USE_X_SENDFILE": False,
            "SEND_FILE_MAX_AGE_DEFAULT": None,
        }
        self.teardown_request_funcs: list[TeardownCallable] = []
        self.teardown_appcontext_funcs: list[TeardownCallable] = []

    @property
    def has_static_folder(self) -> bool:
        """Whether ``static_folder`` is set (for ``send_static_file``)."""
        return self.static_folder is not None

    def teardown_request(self, f: TeardownCallable) -> TeardownCallable:
        """Register ``f(exc)`` to run when a request context ends; an
        ``async def`` function is run to completion."""
        self.teardown_request_funcs.append(f)
        return f

    def teardown_appcontext(self, f: TeardownCallable) -> TeardownCallable:
        """Register ``f(exc)`` to run when an application context ends; an
        ``async def`` function is run to completion."""
        self.teardown_appcontext_funcs.append(f)
        return f

    # What the contexts ask of their application (ContextApp).

    def app_context(self) -> AppContext:
        """A new application context for this middleware."""
        return AppContext(self)

    def make_request(self, environ: dict[str, Any]) -> Request:
        return self.request_class(environ)

    def create_url_adapter(self, request: Request | None) -> MapAdapter | None:
        if self.url_map is None or request is None:
            return None
        return self.url_map.bind_to_environ(request.environ)

    def open_request_session(self, request: Request) -> Any:
        if self._open_session is not None:
            return self._open_session(request)
        session = request.environ.get(SESSION_ENVIRON_KEY)
        return {} if session is None else session

    def do_teardown_request(self, exc: BaseException | None) -> None:
        _run_all([self.ensure_sync(f) for f in self.teardown_request_funcs], exc)

    def do_teardown_appcontext(self, exc: BaseException | None) -> None:
        _run_all([self.ensure_sync(f) for f in self.teardown_appcontext_funcs], exc)

    def notify_app_context_pushed(self) -> None:
        pass

    def notify_app_context_popped(self) -> None:
        pass

    def ensure_sync(self, func: Callable[..., Any]) -> Callable[..., Any]:
        return run_sync(func)

    def __call__(
        self, environ: WSGIEnvironment, start_response: StartResponse
    ) -> Iterable[bytes]:
        # Each request runs in its own copy of the contextvars context: the
        # variables never leak into the server's, and the response iterable
        # is consumed, closed or collected in the same context.
        run = contextvars.copy_context().run
        ctx = RequestContext(self, environ)
        run(ctx.push)

        def start(
            status: str, headers: list[tuple[str, str]], exc_info: Any = None
        ) -> Any:
            status, headers = self._after_this_request(ctx, status, headers)
            return start_response(status, headers, exc_info)

        try:
            body = run(self.wsgi_app, environ, start)
        except BaseException as e:
            run(ctx.pop, e)
            raise
        return _ContextBody(run, ctx, body)

    def _after_this_request(
        self, ctx: RequestContext, status: str, headers: list[tuple[str, str]]
    ) -> tuple[str, list[tuple[str, str]]]:
        funcs = ctx._after_request_functions
        ctx._after_request_functions = _Started()
        if not funcs:
            return status, headers
        response: Response = _HeadersOnly(status=status, headers=headers)
        for func in funcs:
            response = self.ensure_sync(func)(response)
        return response.status, response.headers.to_wsgi_list()


class _Finish:
    """Closes a body and pops its context once, in the request's context."""

    __slots__ = ("body", "ctx", "error", "run")

    def __init__(
        self, run: Callable[..., Any], ctx: RequestContext, body: Iterable[bytes]
    ) -> None:
        self.run: Callable[..., Any] | None = run
        self.ctx = ctx
        self.body = body
        self.error: BaseException | None = None

    def __call__(self) -> None:
        run, self.run = self.run, None
        if run is not None:
            run(self._finish)

    def _finish(self) -> None:
        try:
            close = getattr(self.body, "close", None)
            if close is not None:
                close()
        finally:
            self.ctx.pop(self.error)


class _ContextBody:
    """A response iterable consumed inside its request's context.

    Closing it, or collecting it unclosed, closes the wrapped body and pops
    the request context in that same context (a generator wrapped with
    ``stream_with_context`` pops its contexts there too).
    """

    __slots__ = ("__weakref__", "_finish", "_iter", "_run")

    def __init__(
        self,
        run: Callable[..., Any],
        ctx: RequestContext,
        body: Iterable[bytes],
    ) -> None:
        self._run = run
        self._iter: Iterator[bytes] | None = None
        self._finish = _Finish(run, ctx, body)
        weakref.finalize(self, self._finish).atexit = False

    def __iter__(self) -> Iterator[bytes]:
        return self

    def __next__(self) -> bytes:
        try:
            if self._iter is None:
                self._iter = self._run(iter, self._finish.body)
            return self._run(next, self._iter)  # type: ignore[no-any-return]
        except StopIteration:
            raise
        except BaseException as e:
            self._finish.error = e
            raise

    def close(self) -> None:
        self._finish()


def _run_all(funcs: list[TeardownCallable], exc: BaseException | None) -> None:
    # Latest registered first; every function runs, the first error is raised.
    error: Exception | None = None
    for func in reversed(funcs):
        try:
            func(exc)
        except Exception as e:
            if error is None:
                error = e
    if error is not None:
        raise error


if TYPE_CHECKING:
    # The middleware is a host of the contexts: mypy checks it against
    # the protocol.
    _host: type[ContextApp] = ContextMiddleware
