"""Contexts and proxies for any WSGI application."""

from __future__ import annotations

import contextvars
import inspect
import os
from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Iterator
from functools import wraps
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

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse
    from _typeshed.wsgi import WSGIApplication
    from _typeshed.wsgi import WSGIEnvironment

TeardownCallable = Callable[[BaseException | None], object]
#: Makes the session of a request (``ContextMiddleware(open_session=...)``).
SessionOpener = Callable[[Request], Any]
MaybeText = str | None
MaybeMap = Map | None
MaybeOpener = SessionOpener | None


class ContextMiddleware(StaticFilesMixin):
    """Run a WSGI application inside a request context.

    While the wrapped application (and its response iterable) runs,
    ``request``, ``session``, ``g`` and ``current_app`` work as in flaskish;
    ``current_app`` is this middleware. Each request gets its own ``g``.

    :param wsgi_app: the application to wrap.
    :param name: the name shown by ``current_app.name``.
    :param url_map: a werkzeug ``Map``; when given, each request is matched
        and gets ``url_rule`` and ``view_args`` (or ``routing_exception``).
    :param open_session: called with the request the first time ``session``
        is read; by default each request gets an empty ``dict``.
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
        if self._open_session is None:
            return {}
        return self._open_session(request)

    def do_teardown_request(self, exc: BaseException | None) -> None:
        _run_all([self.ensure_sync(f) for f in self.teardown_request_funcs], exc)

    def do_teardown_appcontext(self, exc: BaseException | None) -> None:
        _run_all([self.ensure_sync(f) for f in self.teardown_appcontext_funcs], exc)

    def notify_app_context_pushed(self) -> None:
        pass

    def notify_app_context_popped(self) -> None:
        pass

    def ensure_sync(self, func: Callable[..., Any]) -> Callable[..., Any]:
        if not inspect.iscoroutinefunction(func):
            return func

        @wraps(func)
        def run(*args: Any, **kwargs: Any) -> Any:
            import asyncio  # loaded only for an async function

            return asyncio.run(func(*args, **kwargs))

        return run

    def __call__(
        self, environ: WSGIEnvironment, start_response: StartResponse
    ) -> Iterable[bytes]:
        # Each request runs in its own copy of the contextvars context: the
        # variables never leak into the server's, and the response iterable
        # can be consumed later in the same context.
        run = contextvars.copy_context().run
        ctx = RequestContext(self, environ)
        run(ctx.push)
        try:
            body = run(self.wsgi_app, environ, start_response)
        except BaseException as e:
            run(ctx.pop, e)
            raise
        return _ContextBody(run, ctx, body)


class _ContextBody:
    """A response iterable consumed inside its request's context."""

    def __init__(
        self,
        run: Callable[..., Any],
        ctx: RequestContext,
        body: Iterable[bytes],
    ) -> None:
        self._run = run
        self._ctx = ctx
        self._body = body
        self._iter: Iterator[bytes] | None = None
        self._error: BaseException | None = None

    def __iter__(self) -> Iterator[bytes]:
        return self

    def __next__(self) -> bytes:
        try:
            if self._iter is None:
                self._iter = self._run(iter, self._body)
            return self._run(next, self._iter)  # type: ignore[no-any-return]
        except StopIteration:
            raise
        except BaseException as e:
            self._error = e
            raise

    def close(self) -> None:
        self._run(self._finish)

    def _finish(self) -> None:
        try:
            close = getattr(self._body, "close", None)
            if close is not None:
                close()
        finally:
            self._ctx.pop(self._error)


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
