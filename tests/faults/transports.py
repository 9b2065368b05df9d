"""How the fault suite reaches an application: one class per protocol.

Each transport sends a request the way a server of its protocol would and
reports what a client would get, plus any exception that escaped the
application into the server. An ASGI transport implements the same two
methods and joins :data:`TRANSPORTS`.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextlib import suppress
from dataclasses import dataclass
from typing import Any
from typing import Protocol

from asgi_server import serve_asgi
from werkzeug.serving import make_server
from werkzeug.test import EnvironBuilder


@dataclass
class Outcome:
    """What the client got, and what the application let escape.

    An exception escaping before the body started makes the server answer
    500 (werkzeug's and gunicorn's do); after that the client only sees the
    connection end early.
    """

    status: int | None
    body: bytes
    escaped: BaseException | None


class Transport(Protocol):
    name: str
    #: Whether the request's teardown runs after the body is sent. Under
    #: WSGI the context pops when the app returns its iterable (and a
    #: streamed body keeps a second one); the ASGI driver keeps the one
    #: request context until the last body message, then tears down once.
    tears_down_after_body: bool

    def call(self, app: Any, path: str, method: str = "GET") -> Outcome:
        """One request in this thread, as the protocol's server makes it."""

    def serve(self, app: Any) -> Any:
        """A context manager serving ``app`` on 127.0.0.1; gives its base URL."""


class WSGITransport:
    name = "wsgi"
    tears_down_after_body = False

    def call(self, app: Any, path: str, method: str = "GET") -> Outcome:
        environ = EnvironBuilder(path=path, method=method).get_environ()
        status: list[str] = []

        def start_response(line: str, headers: Any, exc_info: Any = None) -> Any:
            status[:] = [line]
            return lambda data: None

        body = b""
        escaped: BaseException | None = None
        try:
            iterable = app(environ, start_response)
            try:
                for chunk in iterable:
                    body += chunk
            finally:
                close = getattr(iterable, "close", None)
                if close is not None:
                    close()
        except Exception as error:  # a WSGI server logs it and answers 500
            escaped = error
        if escaped is not None and not body:
            return Outcome(500, b"", escaped)
        code = int(status[0].split()[0]) if status else None
        return Outcome(code, body, escaped)

    @contextmanager
    def serve(self, app: Any) -> Iterator[str]:
        server = make_server("127.0.0.1", 0, app, threaded=True)
        thread = threading.Thread(target=server.serve_forever, name="fault-server")
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_port}"
        finally:
            server.shutdown()
            server.server_close()
            thread.join()


class ASGITransport:
    """Drives ``app.asgi_app`` as an ASGI server does: lifespan startup, the
    request, lifespan shutdown (which stops the app's worker threads)."""

    name = "asgi"
    tears_down_after_body = True

    def call(self, app: Any, path: str, method: str = "GET") -> Outcome:
        return asyncio.run(self._call(app, path, method))

    async def _call(self, app: Any, path: str, method: str) -> Outcome:
        await self._lifespan(app, "startup")
        try:
            return await self._request(app, path, method)
        finally:
            await self._lifespan(app, "shutdown")

    async def _request(self, app: Any, path: str, method: str) -> Outcome:
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": method,
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "query_string": b"",
            "root_path": "",
            "headers": [(b"host", b"127.0.0.1")],
            "client": ("127.0.0.1", 50000),
            "server": ("127.0.0.1", 80),
        }
        sent_request = False
        status: int | None = None
        body = b""

        async def receive() -> dict[str, Any]:
            nonlocal sent_request
            if not sent_request:
                sent_request = True
                return {"type": "http.request", "body": b"", "more_body": False}
            await asyncio.Event().wait()  # the client stays until the end
            raise AssertionError("unreachable")

        async def send(message: dict[str, Any]) -> None:
            nonlocal status, body
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                body += message.get("body", b"")

        escaped: BaseException | None = None
        try:
            await app.asgi_app(scope, receive, send)
        except Exception as error:  # an ASGI server logs it and answers 500
            escaped = error
        if escaped is not None and status is None:
            return Outcome(500, b"", escaped)
        return Outcome(status, body, escaped)

    async def _lifespan(self, app: Any, phase: str) -> None:
        messages = [{"type": f"lifespan.{phase}"}]
        answers: list[str] = []

        async def receive() -> dict[str, Any]:
            if messages:
                return messages.pop()
            await asyncio.Event().wait()
            raise AssertionError("unreachable")

        async def send(message: dict[str, Any]) -> None:
            answers.append(message["type"])

        task = asyncio.ensure_future(
            app.asgi_app(
                {"type": "lifespan", "asgi": {"version": "3.0"}}, receive, send
            )
        )
        while not answers:
            await asyncio.sleep(0)
        task.cancel()
        with suppress(asyncio.CancelledError):
            await task
        assert answers == [f"lifespan.{phase}.complete"], answers

    @contextmanager
    def serve(self, app: Any) -> Iterator[str]:
        with serve_asgi(app.asgi_app, lifespan="on") as address:
            yield f"http://{address}"


TRANSPORTS: list[Transport] = [WSGITransport(), ASGITransport()]
