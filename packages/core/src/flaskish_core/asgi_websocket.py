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

from .asgi_driver import ContextDriver
from .asgi_scope import environ_from_scope
from .websocket import INTERNAL_ERROR
from .websocket import Websocket
from .websocket import WebsocketDisconnect

if t.TYPE_CHECKING:
    from collections.abc import Awaitable
    from collections.abc import Callable
    from collections.abc import Iterable

    from werkzeug.wrappers import Response as BaseResponse

    from flaskish_context import AppContext
    from flaskish_context import RequestContext as BaseRequestContext
    from flaskish_routing.calls import Caller
    from flaskish_routing.scaffold import HookRegistry

    from .asgi_body import RequestBody
    from .asgi_calls import AsyncCaller
    from .errors import ExcInfo
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


class WebsocketServingMixin:
    """Serves ``websocket`` scopes (see the module docstring)."""

    if t.TYPE_CHECKING:
        json: t.Any
        view_functions: dict[str, Callable[..., t.Any]]
        before_websocket_funcs: HookRegistry
        after_websocket_funcs: HookRegistry
        teardown_websocket_funcs: HookRegistry

        def _asgi_caller(
            self, driver: ContextDriver, body: RequestBody | None
        ) -> AsyncCaller: ...
        def _outer_to_inner(
            self, registry: HookRegistry, blueprints: t.Sequence[str]
        ) -> Iterable[Callable[..., t.Any]]: ...
        def _inner_to_outer(
            self, registry: HookRegistry, blueprints: t.Sequence[str]
        ) -> Iterable[Callable[..., t.Any]]: ...
        def _preprocess_url_values(
            self,
            endpoint: str | None,
            values: dict[str, t.Any] | None,
            blueprints: t.Sequence[str],
        ) -> None: ...
        def raise_routing_exception(self, request: t.Any) -> t.NoReturn: ...
        def request_context(self, environ: dict[str, t.Any]) -> RequestContext: ...
        def make_response(self, rv: t.Any) -> BaseResponse: ...
        def log_exception(self, exc_info: ExcInfo) -> None: ...
        def _save_request_session(
            self, ctx: BaseRequestContext, response: BaseResponse
        ) -> None: ...
        async def _handle_user_exception_steps(
            self, e: Exception, call: Caller
        ) -> t.Any: ...
        async def _pop_app_context_steps(
            self, app_ctx: AppContext, exc: BaseException | None, call: Caller
        ) -> None: ...

    #: The class of the ``websocket`` object (a request subclass).
    websocket_class: type[Websocket] = Websocket

    async def _asgi_websocket(self, scope: Scope, receive: Receive, send: Send) -> None:
        message = await receive()
        if message["type"] != "websocket.connect":
            return  # the client left before the handshake reached us
        environ = websocket_environ(scope)
        ctx = self.request_context(environ)
        connection = ctx.websocket = self.websocket_class(ctx.request, receive, send)
        driver = ContextDriver(contextvars.copy_context())
        call = self._asgi_caller(driver, None)
        await driver.run(self._websocket_steps(ctx, connection, call))

    async def _websocket_steps(
        self, ctx: RequestContext, connection: Websocket, call: Caller
    ) -> None:
        ended_by: BaseException | None = None
        try:
            ctx.push()
            rv = await self._serve_websocket_steps(connection, call)
            if connection.accepted or rv is None:
                await connection.close()
            else:
                response = self.make_response(rv)
                self._save_request_session(ctx, response)
                await connection.reject(response)
        except WebsocketDisconnect:
            connection.closed = True  # the client ended it: a normal end
        except asyncio.CancelledError as e:
            ended_by = e
            raise
        except Exception as e:
            ended_by = e
            self.log_exception(sys.exc_info())
            await _end_with_error(connection)
        finally:
            await self._end_websocket_steps(ctx, ended_by, call)

    async def _serve_websocket_steps(
        self, connection: Websocket, call: Caller
    ) -> t.Any:
        """The hooks and the handler; their response, or ``None``."""
        blueprints = connection.blueprints
        try:
            if connection.routing_exception is not None:
                self.raise_routing_exception(connection.request)
            if self.url_value_preprocessors:  # type: ignore[attr-defined]
                self._preprocess_url_values(
                    connection.endpoint, connection.view_args, blueprints
                )
            rv = None
            for func in self._outer_to_inner(self.before_websocket_funcs, blueprints):
                rv = await call(func)
                if rv is not None:
                    break
            else:
                handler = self.view_functions[connection.url_rule.endpoint]
                rv = await call(handler, **(connection.view_args or {}))
        except HTTPException as e:
            if connection.accepted:
                raise
            # Before accept, the error is the handshake's HTTP answer.
            rv = await self._handle_user_exception_steps(e, call)
        response = None if rv is None else self.make_response(rv)
        for func in self._inner_to_outer(self.after_websocket_funcs, blueprints):
            response = await call(func, response)
        return response

    async def _end_websocket_steps(
        self, ctx: RequestContext, ended_by: BaseException | None, call: Caller
    ) -> None:
        """Run the ``teardown_websocket`` hooks, then pop ``ctx``."""
        try:
            if ctx.is_last_push() and self.teardown_websocket_funcs:
                funcs = self._inner_to_outer(
                    self.teardown_websocket_funcs, ctx.request.blueprints
                )
                await call_each(call, list(funcs), ended_by)
        finally:
            own_app_ctx, replaced = ctx.unset()
            if own_app_ctx is not None:
                await self._pop_app_context_steps(own_app_ctx, ended_by, call)
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


__all__ = ["WebsocketServingMixin", "websocket_environ"]
