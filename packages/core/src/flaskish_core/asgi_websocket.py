"""WebSocket connections over ASGI: the ``websocket`` scope of ``asgi_app``.

A connection runs in a request context of the handshake request, whose
``websocket`` is the :class:`~flaskish_core.websocket.Websocket`: ``request``
(the handshake), ``session`` (read from the handshake's cookie), ``g``,
``current_app`` and ``url_for`` work in the handler.
Its steps, in order: URL value preprocessors, the ``before_websocket``
hooks (the app's, then each blueprint's from the outside in), the handler,
the ``after_websocket`` hooks (inside out), and when the connection is over
the ``teardown_websocket`` hooks. User code is called through the ASGI
driver's caller, so sync hooks run in the thread pool as for HTTP.

A routing error, an ``abort()`` or a hook's return value before the
handshake is accepted rejects it with that HTTP response (error handlers
apply); any other error is logged and closes the connection with 1011.
"""

from __future__ import annotations

import asyncio
import contextvars
import io
import sys
import typing as t

from werkzeug.exceptions import HTTPException
from werkzeug.exceptions import InternalServerError

from flaskish_routing.calls import call_each

from .asgi_calls import request_caller
from .asgi_driver import ContextDriver
from .asgi_scope import environ_from_scope
from .websocket import INTERNAL_ERROR
from .websocket import Websocket
from .websocket import WebsocketDisconnect

if t.TYPE_CHECKING:
    from collections.abc import Awaitable
    from collections.abc import Callable

    from flaskish_routing.calls import Caller

    from .app import Flask
    from .asgi_body import RequestBody
    from .request_context import RequestContext

    Scope = dict[str, t.Any]
    Message = dict[str, t.Any]
    Receive = Callable[[], Awaitable[Message]]
    Send = Callable[[Message], Awaitable[None]]


def websocket_environ(scope: Scope) -> dict[str, t.Any]:
    """The environ of a ``websocket`` scope's handshake: a ``GET`` with an
    empty body, ``http``/``https`` as the WSGI scheme and the upgrade headers
    werkzeug's URL map looks for to match WebSocket rules."""
    secure = scope.get("scheme") in {"wss", "https"}
    handshake = {**scope, "method": "GET", "scheme": "https" if secure else "http"}
    no_body = t.cast("RequestBody", io.BytesIO())
    environ = environ_from_scope(handshake, no_body)
    environ["asgi.scope"] = scope
    environ["HTTP_UPGRADE"] = "websocket"
    connection = environ.get("HTTP_CONNECTION", "")
    if "upgrade" not in connection.lower():
        environ["HTTP_CONNECTION"] = (
            f"{connection}, Upgrade" if connection else "Upgrade"
        )
    return environ


async def serve_websocket(
    app: Flask, scope: Scope, receive: Receive, send: Send
) -> None:
    """Serve one ``websocket`` scope of ``app`` (see the module docstring)."""
    message = await receive()
    if message["type"] != "websocket.connect":
        return  # the client left before the handshake reached us
    environ = websocket_environ(scope)
    ctx = app.request_context(environ)
    connection = ctx.websocket = app.websocket_class(ctx.request, receive, send)
    driver = ContextDriver(contextvars.copy_context())
    call = request_caller(app, driver, None)
    await driver.run(_websocket_steps(app, ctx, connection, call))


async def _websocket_steps(
    app: Flask, ctx: RequestContext, connection: Websocket, call: Caller
) -> None:
    ended_by: BaseException | None = None
    try:
        ctx.push()
        rv = await _serve_websocket_steps(app, connection, call)
        if connection.accepted or rv is None:
            await connection.close()
        else:
            response = app.make_response(rv)
            app._save_request_session(ctx, response)
            await connection.reject(response)
    except WebsocketDisconnect:
        connection.closed = True  # the client ended it: a normal end
    except asyncio.CancelledError as e:
        ended_by = e
        raise
    except Exception as e:
        ended_by = e
        app.log_exception(sys.exc_info())
        await _end_with_error(connection)
    finally:
        await _end_websocket_steps(app, ctx, ended_by, call)


async def _serve_websocket_steps(
    app: Flask, connection: Websocket, call: Caller
) -> t.Any:
    """The hooks and the handler; their response, or ``None``."""
    blueprints = connection.blueprints
    try:
        if connection.routing_exception is not None:
            app.raise_routing_exception(connection.request)
        if app.url_value_preprocessors:
            app._preprocess_url_values(
                connection.endpoint, connection.view_args, blueprints
            )
        rv = None
        for func in app._outer_to_inner(app.before_websocket_funcs, blueprints):
            rv = await call(func)
            if rv is not None:
                break
        else:
            handler = app.view_functions[connection.url_rule.endpoint]
            rv = await call(handler, **(connection.view_args or {}))
    except HTTPException as e:
        if connection.accepted:
            raise
        # Before accept, the error is the handshake's HTTP answer.
        rv = await app._handle_user_exception_steps(e, call)
    response = None if rv is None else app.make_response(rv)
    for func in app._inner_to_outer(app.after_websocket_funcs, blueprints):
        response = await call(func, response)
    return response


async def _end_websocket_steps(
    app: Flask, ctx: RequestContext, ended_by: BaseException | None, call: Caller
) -> None:
    """Run the ``teardown_websocket`` hooks, then pop ``ctx``."""
    try:
        if ctx.is_last_push() and app.teardown_websocket_funcs:
            funcs = app._inner_to_outer(
                app.teardown_websocket_funcs, ctx.request.blueprints
            )
            await call_each(call, list(funcs), ended_by)
    finally:
        own_app_ctx, replaced = ctx.unset()
        if own_app_ctx is not None:
            await app._pop_app_context_steps(own_app_ctx, ended_by, call)
    ctx.check_popped(replaced)


async def _end_with_error(connection: Websocket) -> None:
    """Close with 1011 once accepted; before, refuse with a 500."""
    try:
        if connection.accepted:
            await connection.close(INTERNAL_ERROR)
        else:
            await connection.reject(InternalServerError().get_response())
    except OSError:
        pass  # the client is gone too: there is no one to tell


__all__ = ["serve_websocket", "websocket_environ"]
