"""Serving ASGI calls: what ``app.asgi_app`` runs.

Only the protocol edges live here; the request's steps are the pipeline's
(``_request_steps`` and ``_end_request_steps``), driven by an
:class:`~flaskish_core.asgi_calls.AsyncCaller` instead of the WSGI driver's
synchronous caller. Loaded on first use of ``asgi_app`` (see
:mod:`~flaskish_core.asgi`). See docs/asgi.md.
"""

from __future__ import annotations

import asyncio
import contextvars
import traceback
import typing as t

from flaskish_context import _cv_request

from .asgi_body import RequestBody
from .asgi_calls import request_caller
from .asgi_driver import ContextDriver
from .asgi_response import send_response
from .asgi_scope import environ_from_scope
from .asgi_websocket import serve_websocket

if t.TYPE_CHECKING:
    from collections.abc import Awaitable
    from collections.abc import Callable

    from .app import Flask
    from .asgi_calls import AsyncCaller

    Scope = dict[str, t.Any]
    Message = dict[str, t.Any]
    Receive = Callable[[], Awaitable[Message]]
    Send = Callable[[Message], Awaitable[None]]


async def serve(app: Flask, scope: Scope, receive: Receive, send: Send) -> None:
    """Answer one ASGI call of ``app`` by its scope's type."""
    kind = scope["type"]
    if kind == "http":
        await _serve_http(app, scope, receive, send)
    elif kind == "lifespan":
        await _serve_lifespan(app, receive, send)
    elif kind == "websocket":
        await serve_websocket(app, scope, receive, send)
    else:
        raise ValueError(f"flaskish cannot serve ASGI scopes of type {kind!r}.")


# -- http -----------------------------------------------------------------


async def _serve_http(app: Flask, scope: Scope, receive: Receive, send: Send) -> None:
    loop = asyncio.get_running_loop()
    body = RequestBody(receive, loop, await receive(), limit=_max_content_length)
    # The request's own context: its steps run in it, and so do its
    # sync functions in the thread pool (see asgi_driver).
    driver = ContextDriver(contextvars.copy_context())
    call = request_caller(app, driver, body, loop)
    body.on_disconnect = driver.cancel
    # A request that never waits needs no one listening for a disconnect.
    driver.on_suspend = body.watch_disconnect
    try:
        await driver.run(_request(app, scope, body, send, call))
    except asyncio.CancelledError:
        if not body.disconnected:
            raise
        # The client went away: the request was cancelled on purpose.
    finally:
        body.stop_watching()
        body.close()
        call.release()


def _max_content_length() -> int | None:
    request_ctx = _cv_request.get(None)
    if request_ctx is None:
        return None
    return request_ctx.request.max_content_length  # type: ignore[no-any-return]


async def _request(
    app: Flask, scope: Scope, body: RequestBody, send: Send, call: AsyncCaller
) -> None:
    environ = environ_from_scope(scope, body)
    ctx = app.request_context(environ)
    ended_by: BaseException | None = None
    try:
        response, ended_by = await app._request_steps(ctx, call)
        await send_response(response, environ, send, call, body)
    except BaseException as e:
        ended_by = e
        raise
    finally:
        await app._end_request_steps(ctx, ended_by, call)


# -- lifespan ---------------------------------------------------------------


async def _serve_lifespan(app: Flask, receive: Receive, send: Send) -> None:
    while True:
        message = await receive()
        kind = message["type"]
        if kind == "lifespan.startup":
            failure = await _run_serving_funcs(app, app.before_serving_funcs)
            if failure is not None:
                await send({"type": "lifespan.startup.failed", "message": failure})
                return
            await send({"type": "lifespan.startup.complete"})
        elif kind == "lifespan.shutdown":
            failure = await _run_serving_funcs(app, app.after_serving_funcs)
            pool, app._asgi_threads = app._asgi_threads, None
            if pool is not None:
                await asyncio.get_running_loop().run_in_executor(None, pool.shutdown)
            if failure is not None:
                await send({"type": "lifespan.shutdown.failed", "message": failure})
            else:
                await send({"type": "lifespan.shutdown.complete"})
            return


async def _run_serving_funcs(
    app: Flask, funcs: list[t.Callable[[], t.Any]]
) -> str | None:
    """Run ``funcs`` in an app context; the traceback of an error."""
    if not funcs:
        return None
    driver = ContextDriver(contextvars.copy_context())
    call = request_caller(app, driver, None)

    async def run() -> None:
        app_ctx = app.app_context()
        app_ctx.push()
        ended_by: BaseException | None = None
        try:
            for func in funcs:
                await call(func)
        except BaseException as e:
            ended_by = e
            raise
        finally:
            await app._pop_app_context_steps(app_ctx, ended_by, call)

    try:
        await driver.run(run())
    except Exception:
        return traceback.format_exc()
    finally:
        call.release()
    return None


__all__ = ["serve"]
