"""``app.asgi_app``: the application as an ASGI 3 application.

Only the protocol edges live here; the request's steps are the pipeline's
(``_request_steps`` and ``_end_request_steps``), driven by an
:class:`~flaskish_core.asgi_calls.AsyncCaller` instead of the WSGI driver's
synchronous caller. See docs/asgi.md.
"""

from __future__ import annotations

import asyncio
import contextvars
import traceback
import typing as t

from flaskish_context import _cv_request
from flaskish_routing import setupmethod

from .asgi_body import RequestBody
from .asgi_calls import AsyncCaller
from .asgi_calls import ThreadPool
from .asgi_driver import ContextDriver
from .asgi_response import send_response
from .asgi_scope import environ_from_scope

if t.TYPE_CHECKING:
    from collections.abc import Awaitable
    from collections.abc import Callable

    from werkzeug.wrappers import Response as BaseResponse

    from flaskish_context import AppContext
    from flaskish_routing.calls import Caller

    from .request_context import RequestContext

    Scope = dict[str, t.Any]
    Message = dict[str, t.Any]
    Receive = Callable[[], Awaitable[Message]]
    Send = Callable[[Message], Awaitable[None]]

F = t.TypeVar("F", bound=t.Callable[..., t.Any])


class AsgiApp:
    """``app.asgi_app``: the ASGI 3 application of ``app`` (``http`` and
    ``lifespan`` scopes).

    An object whose ``__call__`` is ``async def``, so that servers that
    inspect the application (uvicorn) see an ASGI 3 callable. Wrap it as WSGI
    middleware wraps ``wsgi_app``: ``app.asgi_app = Middleware(app.asgi_app)``;
    serve it with ``uvicorn module:app.asgi_app``.
    """

    __slots__ = ("app",)

    def __init__(self, app: AsgiMixin) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app._asgi_dispatch(scope, receive, send)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AsgiApp) and other.app is self.app

    def __hash__(self) -> int:
        return hash((AsgiApp, id(self.app)))

    def __repr__(self) -> str:
        return f"<asgi_app of {self.app!r}>"


class _AsgiAppAttribute:
    """Gives each app its :class:`AsgiApp`; assigning ``app.asgi_app``
    replaces it for that app (a non-data descriptor)."""

    def __get__(self, app: AsgiMixin | None, owner: type) -> t.Any:
        if app is None:
            return self
        return AsgiApp(app)


class AsgiMixin:
    """The ASGI entry point of the application and its lifespan hooks."""

    #: The application's ASGI 3 callable (see :class:`AsgiApp`).
    asgi_app: t.Any = _AsgiAppAttribute()

    if t.TYPE_CHECKING:
        config: dict[str, t.Any]

        def request_context(self, environ: dict[str, t.Any]) -> RequestContext: ...
        def app_context(self) -> AppContext: ...
        async def _request_steps(
            self, ctx: RequestContext, call: Caller
        ) -> tuple[BaseResponse, BaseException | None]: ...
        async def _end_request_steps(
            self, ctx: RequestContext, ended_by: BaseException | None, call: Caller
        ) -> None: ...
        async def _pop_app_context_steps(
            self, app_ctx: AppContext, exc: BaseException | None, call: Caller
        ) -> None: ...
        async def _asgi_websocket(
            self, scope: Scope, receive: Receive, send: Send
        ) -> None: ...

    _asgi_threads: ThreadPool | None = None

    def _asgi_pool(self) -> ThreadPool:
        pool = self._asgi_threads
        if pool is None:
            pool = self._asgi_threads = ThreadPool()
        return pool

    #: Functions run once when an ASGI server starts (lifespan startup).
    before_serving_funcs: list[t.Callable[[], t.Any]]
    #: Functions run once when an ASGI server shuts down.
    after_serving_funcs: list[t.Callable[[], t.Any]]

    @setupmethod
    def before_serving(self, f: F) -> F:
        """Register ``f`` (sync or ``async def``, no arguments) to run in an
        app context when the ASGI server starts, before the first request.
        An error fails the server's startup."""
        self.before_serving_funcs.append(f)
        return f

    @setupmethod
    def after_serving(self, f: F) -> F:
        """Register ``f`` to run in an app context when the ASGI server
        shuts down, after the last request."""
        self.after_serving_funcs.append(f)
        return f

    async def _asgi_dispatch(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer one ASGI call by its scope's type (what ``asgi_app`` runs)."""
        kind = scope["type"]
        if kind == "http":
            await self._asgi_http(scope, receive, send)
        elif kind == "lifespan":
            await self._asgi_lifespan(receive, send)
        elif kind == "websocket":
            await self._asgi_websocket(scope, receive, send)
        else:
            raise ValueError(f"flaskish cannot serve ASGI scopes of type {kind!r}.")

    # -- http -------------------------------------------------------------

    def _asgi_caller(
        self,
        driver: ContextDriver,
        body: RequestBody | None,
        loop: asyncio.AbstractEventLoop | None = None,
    ) -> AsyncCaller:
        if loop is None:
            loop = asyncio.get_running_loop()
        max_threads = self.config.get("ASGI_MAX_THREADS")
        return AsyncCaller(loop, self._asgi_pool(), max_threads, driver, body)

    async def _asgi_http(self, scope: Scope, receive: Receive, send: Send) -> None:
        loop = asyncio.get_running_loop()
        body = RequestBody(
            receive, loop, await receive(), limit=self._max_content_length
        )
        # The request's own context: its steps run in it, and so do its
        # sync functions in the thread pool (see asgi_driver).
        driver = ContextDriver(contextvars.copy_context())
        call = self._asgi_caller(driver, body, loop)
        body.on_disconnect = driver.cancel
        # A request that never waits needs no one listening for a disconnect.
        driver.on_suspend = body.watch_disconnect
        try:
            await driver.run(self._asgi_request(scope, body, send, call))
        except asyncio.CancelledError:
            if not body.disconnected:
                raise
            # The client went away: the request was cancelled on purpose.
        finally:
            body.stop_watching()
            body.close()
            call.release()

    def _max_content_length(self) -> int | None:
        request_ctx = _cv_request.get(None)
        if request_ctx is None:
            return None
        return request_ctx.request.max_content_length  # type: ignore[no-any-return]

    async def _asgi_request(
        self, scope: Scope, body: RequestBody, send: Send, call: AsyncCaller
    ) -> None:
        environ = environ_from_scope(scope, body)
        ctx = self.request_context(environ)
        ended_by: BaseException | None = None
        try:
            response, ended_by = await self._request_steps(ctx, call)
            await send_response(response, environ, send, call, body)
        except BaseException as e:
            ended_by = e
            raise
        finally:
            await self._end_request_steps(ctx, ended_by, call)

    # -- lifespan -----------------------------------------------------------

    async def _asgi_lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            kind = message["type"]
            if kind == "lifespan.startup":
                failure = await self._run_serving_funcs(self.before_serving_funcs)
                if failure is not None:
                    await send({"type": "lifespan.startup.failed", "message": failure})
                    return
                await send({"type": "lifespan.startup.complete"})
            elif kind == "lifespan.shutdown":
                failure = await self._run_serving_funcs(self.after_serving_funcs)
                pool, self._asgi_threads = self._asgi_threads, None
                if pool is not None:
                    await asyncio.get_running_loop().run_in_executor(
                        None, pool.shutdown
                    )
                if failure is not None:
                    await send({"type": "lifespan.shutdown.failed", "message": failure})
                else:
                    await send({"type": "lifespan.shutdown.complete"})
                return

    async def _run_serving_funcs(
        self, funcs: list[t.Callable[[], t.Any]]
    ) -> str | None:
        """Run ``funcs`` in an app context; the traceback of an error."""
        if not funcs:
            return None
        driver = ContextDriver(contextvars.copy_context())
        call = self._asgi_caller(driver, None)

        async def run() -> None:
            app_ctx = self.app_context()
            app_ctx.push()
            ended_by: BaseException | None = None
            try:
                for func in funcs:
                    await call(func)
            except BaseException as e:
                ended_by = e
                raise
            finally:
                await self._pop_app_context_steps(app_ctx, ended_by, call)

        try:
            await driver.run(run())
        except Exception:
            return traceback.format_exc()
        finally:
            call.release()
        return None


__all__ = ["AsgiApp", "AsgiMixin"]
