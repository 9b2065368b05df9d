"""The WebSocket connection a handler talks through (the ``websocket`` proxy).

A :class:`Websocket` holds the handshake's request (``websocket.request``,
which is also what ``request`` is in the handler) and exposes its common
attributes (``args``, ``headers``, ``path``, ``cookies``, ...), plus the
connection's messages, exchanged with the ASGI server through its
``receive`` and ``send`` callables. Frames are the server's business; this
class only speaks ASGI messages.
"""

from __future__ import annotations

import typing as t

from werkzeug.exceptions import BadRequest
from werkzeug.routing import WebsocketMismatch

if t.TYPE_CHECKING:
    from collections.abc import Awaitable
    from collections.abc import Callable

    from werkzeug.wrappers import Response as BaseResponse

    from .wrappers import Request

    Message = dict[str, t.Any]

#: The close code of a connection ended by an error in the application.
INTERNAL_ERROR = 1011

#: Why a WebSocket route answers 400 to a plain HTTP request (or any
#: request under WSGI).
NEEDS_ASGI = (
    "This URL is a WebSocket endpoint. Connect to it with a WebSocket client,"
    " and serve the application over ASGI (app.asgi_app, with an ASGI server"
    " such as uvicorn): WSGI servers cannot serve WebSockets."
)
#: Why an HTTP route answers 400 to a WebSocket handshake.
NOT_A_WEBSOCKET_ROUTE = "This URL does not accept WebSocket connections."


def websocket_mismatch(request: t.Any) -> WebsocketMismatch:
    """The 400 error for a WebSocket handshake to an HTTP route, or for an
    HTTP request (or any request under WSGI) to a WebSocket route, with a
    description that says which."""
    upgrade = request.environ.get("HTTP_UPGRADE", "").lower() == "websocket"
    matched = request.url_rule is not None and request.url_rule.websocket
    if upgrade and not matched:
        return WebsocketMismatch(NOT_A_WEBSOCKET_ROUTE)
    return WebsocketMismatch(NEEDS_ASGI)


class WebsocketDisconnect(Exception):
    """The client closed the connection (raised by :meth:`Websocket.receive`).

    A handler that lets it propagate ends normally: the connection is over.
    """

    def __init__(self, code: int = 1005, reason: str = "") -> None:
        super().__init__(f"The WebSocket client disconnected with code {code}.")
        #: The close code the client sent (1005: none given).
        self.code = code
        #: The close reason the client sent, if any.
        self.reason = reason


class _FromRequest:
    """An attribute of the handshake request, read through the connection."""

    def __set_name__(self, owner: type[t.Any], name: str) -> None:
        self.name = name

    def __get__(self, obj: Websocket | None, owner: type[t.Any]) -> t.Any:
        if obj is None:
            return self
        return getattr(obj.request, self.name)


class Websocket:
    """A WebSocket connection: the handshake request and its messages.

    ``receive`` and ``send`` accept the handshake first if the handler has
    not called :meth:`accept` yet.
    """

    environ = _FromRequest()
    args = _FromRequest()
    headers = _FromRequest()
    cookies = _FromRequest()
    path = _FromRequest()
    full_path = _FromRequest()
    root_path = _FromRequest()
    query_string = _FromRequest()
    url = _FromRequest()
    base_url = _FromRequest()
    host = _FromRequest()
    host_url = _FromRequest()
    scheme = _FromRequest()
    remote_addr = _FromRequest()
    authorization = _FromRequest()
    user_agent = _FromRequest()
    url_rule = _FromRequest()
    view_args = _FromRequest()
    endpoint = _FromRequest()
    blueprint = _FromRequest()
    blueprints = _FromRequest()
    routing_exception = _FromRequest()

    def __init__(
        self,
        request: Request,
        receive: Callable[[], Awaitable[Message]],
        send: Callable[[Message], Awaitable[None]],
    ) -> None:
        #: The handshake request (``request`` in the handler).
        self.request = request
        self._receive = receive
        self._send = send
        #: Whether the handshake was accepted.
        self.accepted = False
        #: Whether the connection is over (closed by either side, or rejected).
        self.closed = False

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.request.url!r}>"

    @property
    def scope(self) -> dict[str, t.Any]:
        """The ASGI ``websocket`` scope of the connection."""
        return self.environ["asgi.scope"]  # type: ignore[no-any-return]

    @property
    def requested_subprotocols(self) -> list[str]:
        """The subprotocols the client offered, in its order of preference."""
        return list(self.scope.get("subprotocols") or ())

    async def accept(
        self,
        subprotocol: str | None = None,
        headers: t.Mapping[str, str] | t.Iterable[tuple[str, str]] | None = None,
    ) -> None:
        """Accept the handshake, choosing ``subprotocol`` (one the client
        offered) and adding ``headers`` to the server's answer. Accepting
        twice does nothing."""
        if self.accepted:
            return
        if self.closed:
            raise RuntimeError("The WebSocket connection is closed.")
        if subprotocol is not None and subprotocol not in self.requested_subprotocols:
            raise ValueError(
                f"The client did not offer the subprotocol {subprotocol!r}"
                f" (it offered {self.requested_subprotocols!r})."
            )
        items = headers.items() if isinstance(headers, t.Mapping) else headers or ()
        await self._send(
            {
                "type": "websocket.accept",
                "subprotocol": subprotocol,
                "headers": [
                    (name.lower().encode("latin-1"), value.encode("latin-1"))
                    for name, value in items
                ],
            }
        )
        self.accepted = True

    async def receive(self) -> str | bytes:
        """The next message from the client: ``str`` for a text frame,
        ``bytes`` for a binary one. Raises :class:`WebsocketDisconnect`
        when the client closed the connection."""
        if not self.accepted:
            await self.accept()
        if self.closed:
            raise WebsocketDisconnect(1006, "The connection is closed.")
        message = await self._receive()
        kind = message["type"]
        if kind == "websocket.receive":
            text = message.get("text")
            return text if text is not None else message.get("bytes") or b""
        self.closed = True
        if kind == "websocket.disconnect":
            raise WebsocketDisconnect(
                message.get("code", 1005), message.get("reason") or ""
            )
        raise RuntimeError(f"Unexpected ASGI message {kind!r} on a WebSocket.")

    async def send(self, data: str | bytes) -> None:
        """Send ``data`` to the client: a text frame for ``str``, a binary
        frame for ``bytes``."""
        if isinstance(data, str):
            message: Message = {"type": "websocket.send", "text": data}
        elif isinstance(data, bytes | bytearray | memoryview):
            message = {"type": "websocket.send", "bytes": bytes(data)}
        else:
            raise TypeError(
                f"websocket.send() takes str or bytes, not {type(data).__name__};"
                " use websocket.send_json() for other values."
            )
        if not self.accepted:
            await self.accept()
        if self.closed:
            raise WebsocketDisconnect(1006, "The connection is closed.")
        try:
            await self._send(message)
        except OSError as e:
            # Servers raise an OSError (uvicorn: ClientDisconnected) for a
            # send to a client that went away.
            self.closed = True
            raise WebsocketDisconnect(1006, "The client went away.") from e

    async def receive_json(self) -> t.Any:
        """The next message, parsed as JSON (with the app's JSON provider)."""
        data = await self.receive()
        try:
            return self.request.json_module.loads(data)
        except ValueError as e:
            raise BadRequest(f"The WebSocket message is not valid JSON: {e}") from e

    async def send_json(self, value: t.Any) -> None:
        """Send ``value`` as a JSON text message (the app's JSON provider)."""
        await self.send(self.request.json_module.dumps(value))

    async def close(self, code: int = 1000, reason: str = "") -> None:
        """Close the connection with ``code`` and ``reason``. Before
        :meth:`accept`, this rejects the handshake (servers answer 403).
        Closing a closed connection does nothing."""
        if self.closed:
            return
        self.closed = True
        message: Message = {"type": "websocket.close", "code": code}
        if reason:
            message["reason"] = reason
        await self._send(message)

    async def reject(self, response: BaseResponse) -> None:
        """Refuse the handshake with an HTTP ``response`` (its status,
        headers and body) when the server offers the ASGI
        ``websocket.http.response`` extension; otherwise close it, which
        servers answer with 403."""
        if self.accepted:
            raise RuntimeError("The WebSocket handshake was already accepted.")
        if self.closed:
            return
        if "websocket.http.response" not in (self.scope.get("extensions") or {}):
            await self.close()
            return
        self.closed = True
        headers = [
            (name.lower().encode("latin-1"), value.encode("latin-1"))
            for name, value in response.headers.items()
        ]
        await self._send(
            {
                "type": "websocket.http.response.start",
                "status": response.status_code,
                "headers": headers,
            }
        )
        body = b"".join(response.iter_encoded())
        await self._send({"type": "websocket.http.response.body", "body": body})


__all__ = [
    "INTERNAL_ERROR",
    "NEEDS_ASGI",
    "NOT_A_WEBSOCKET_ROUTE",
    "Websocket",
    "WebsocketDisconnect",
    "websocket_mismatch",
]
