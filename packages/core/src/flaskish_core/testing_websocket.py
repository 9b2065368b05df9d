"""``client.websocket(path)``: a WebSocket to the app, in process.

The app's ``asgi_app`` runs on an event loop in a thread of its own; the
test talks to it synchronously through two queues of ASGI messages. The
handshake is the request the test client would send for ``path`` (its
cookies included), turned into a ``websocket`` scope that offers the
``websocket.http.response`` extension, so a rejected handshake comes back
as a full HTTP response.
"""

from __future__ import annotations

import asyncio
import queue
import threading
import typing as t

from werkzeug.test import TestResponse

from .asgi_testing import scope_from_environ as http_scope_from_environ

if t.TYPE_CHECKING:
    from collections.abc import Iterable

    from werkzeug.test import Client

    Message = dict[str, t.Any]
    AsgiApp = t.Callable[..., t.Awaitable[None]]

#: Seconds a test waits for the app's next message before giving up.
DEFAULT_TIMEOUT = 5.0
_DONE = "flaskish.test.done"


class WebsocketRejected(Exception):
    """The app refused the handshake; :attr:`response` is its HTTP answer."""

    def __init__(self, response: TestResponse) -> None:
        super().__init__(f"The WebSocket handshake was rejected: {response.status}.")
        self.response = response


class WebsocketClosed(Exception):
    """The app closed the connection with :attr:`code` and :attr:`reason`."""

    def __init__(self, code: int, reason: str = "") -> None:
        super().__init__(f"The app closed the WebSocket with code {code}.")
        self.code = code
        self.reason = reason


def scope_from_environ(
    environ: dict[str, t.Any], subprotocols: Iterable[str] = ()
) -> dict[str, t.Any]:
    """The ASGI ``websocket`` scope of a handshake built as ``environ``: the
    ``http`` scope the ASGI test client would send, made a WebSocket one."""
    scope = http_scope_from_environ(environ)
    del scope["method"]
    offered = list(subprotocols)
    headers = scope["headers"]
    headers += [(b"upgrade", b"websocket"), (b"connection", b"Upgrade")]
    headers.append((b"sec-websocket-version", b"13"))
    if offered:
        headers.append((b"sec-websocket-protocol", ", ".join(offered).encode()))
    secure = scope["scheme"] == "https"
    scope.update(
        type="websocket",
        scheme="wss" if secure else "ws",
        subprotocols=offered,
        extensions={"websocket.http.response": {}},
    )
    if scope["client"] is None:
        scope["client"] = ("127.0.0.1", 0)
    if "SERVER_PORT" not in environ and secure:
        scope["server"] = (scope["server"][0], 443)
    return scope


class WebsocketTestSession:
    """One WebSocket connection to the app; use it as a context manager.

    Entering it sends the handshake and waits for the app's answer
    (:class:`WebsocketRejected` if it refuses); leaving it disconnects and
    waits for the handler to end.
    """

    def __init__(
        self,
        app: AsgiApp,
        scope: dict[str, t.Any],
        client: Client | None = None,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        self.scope = scope
        self.timeout = timeout
        #: The subprotocol the app chose, once accepted.
        self.subprotocol: str | None = None
        #: The headers the app added to its accept, once accepted.
        self.accept_headers: list[tuple[str, str]] = []
        self._app = app
        self._client = client
        self._loop = asyncio.new_event_loop()
        self._to_app: asyncio.Queue[Message] | None = None
        self._from_app: queue.Queue[Message] = queue.Queue()
        self._ready = threading.Event()
        self._thread: threading.Thread | None = None
        self._finished = False

    # -- the app's side, in its thread --------------------------------------

    def _serve(self) -> None:
        async def main() -> None:
            self._to_app = asyncio.Queue()
            self._ready.set()
            try:
                await self._app(self.scope, self._to_app.get, self._app_sends)
            except BaseException as e:
                self._from_app.put({"type": _DONE, "error": e})
            else:
                self._from_app.put({"type": _DONE, "error": None})

        try:
            self._loop.run_until_complete(main())
        finally:
            self._loop.close()

    async def _app_sends(self, message: Message) -> None:
        self._from_app.put(message)

    # -- the test's side ----------------------------------------------------

    def _put(self, message: Message) -> None:
        to_app = self._to_app
        assert to_app is not None
        try:
            self._loop.call_soon_threadsafe(to_app.put_nowait, message)
        except RuntimeError:
            # The handler has ended and its loop is closed: nobody listens.
            if not self._loop.is_closed():
                raise

    def _next(self, timeout: float | None) -> Message:
        try:
            message = self._from_app.get(timeout=timeout or self.timeout)
        except queue.Empty:
            raise TimeoutError(
                "The WebSocket handler sent nothing within"
                f" {timeout or self.timeout} seconds."
            ) from None
        if message["type"] == _DONE:
            self._finished = True
            error = message["error"]
            if error is not None:
                raise error
            raise WebsocketClosed(1006, "The handler ended without closing.")
        return message

    def __enter__(self) -> WebsocketTestSession:
        self._thread = threading.Thread(
            target=self._serve, name="flaskish-test-websocket", daemon=True
        )
        self._thread.start()
        self._ready.wait()
        self._put({"type": "websocket.connect"})
        message = self._next(None)
        kind = message["type"]
        if kind == "websocket.accept":
            self.subprotocol = message.get("subprotocol")
            self.accept_headers = [
                (k.decode("latin-1"), v.decode("latin-1"))
                for k, v in message.get("headers") or ()
            ]
            return self
        if kind == "websocket.close":
            response = TestResponse(b"", 403, [], request=None)  # type: ignore[arg-type]
        else:
            response = self._http_response(message)
        self._wait_for_app()
        raise WebsocketRejected(response)

    def _http_response(self, start: Message) -> TestResponse:
        body = b""
        while True:
            message = self._next(None)
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        headers = [
            (k.decode("latin-1"), v.decode("latin-1")) for k, v in start["headers"]
        ]
        response = TestResponse(body, start["status"], headers, request=None)  # type: ignore[arg-type]
        cookies = response.headers.getlist("Set-Cookie")
        if self._client is not None and cookies:
            host = dict(self.scope["headers"]).get(b"host", b"localhost")
            self._client._update_cookies_from_response(
                host.decode("latin-1").partition(":")[0], self.scope["path"], cookies
            )
        return response

    def send(self, data: str | bytes) -> None:
        """Send a text (``str``) or binary (``bytes``) message to the app."""
        if isinstance(data, str):
            self._put({"type": "websocket.receive", "text": data})
        else:
            self._put({"type": "websocket.receive", "bytes": bytes(data)})

    def send_json(self, value: t.Any) -> None:
        """Send ``value`` as a JSON text message."""
        import json

        self.send(json.dumps(value))

    def receive(self, timeout: float | None = None) -> str | bytes:
        """The app's next message; :class:`WebsocketClosed` if it closed
        the connection instead."""
        message = self._next(timeout)
        if message["type"] == "websocket.send":
            text = message.get("text")
            return text if text is not None else message.get("bytes") or b""
        if message["type"] == "websocket.close":
            raise WebsocketClosed(message.get("code", 1000), message.get("reason", ""))
        raise RuntimeError(f"Unexpected ASGI message from the app: {message!r}")

    def receive_json(self, timeout: float | None = None) -> t.Any:
        """The app's next message, parsed as JSON."""
        import json

        return json.loads(self.receive(timeout))

    def close(self, code: int = 1000) -> None:
        """Disconnect with ``code`` and wait for the handler to end."""
        if self._thread is not None and not self._finished:
            self._put({"type": "websocket.disconnect", "code": code})
        self._wait_for_app()

    def _wait_for_app(self) -> None:
        thread = self._thread
        if thread is None:
            return
        thread.join(self.timeout)
        if thread.is_alive():
            raise TimeoutError(
                f"The WebSocket handler did not end within {self.timeout} seconds"
                " of the client disconnecting."
            )
        self._thread = None
        while not self._finished:
            message = self._from_app.get_nowait()
            if message["type"] == _DONE:
                self._finished = True
                if message["error"] is not None:
                    raise message["error"]

    def __exit__(self, *exc_info: object) -> None:
        self.close()


__all__ = [
    "WebsocketClosed",
    "WebsocketRejected",
    "WebsocketTestSession",
    "scope_from_environ",
]
