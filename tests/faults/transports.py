"""How the fault suite reaches an application: one class per protocol.

Each transport sends a request the way a server of its protocol would and
reports what a client would get, plus any exception that escaped the
application into the server. An ASGI transport implements the same two
methods and joins :data:`TRANSPORTS`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from typing import Protocol

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

    def call(self, app: Any, path: str, method: str = "GET") -> Outcome:
        """One request in this thread, as the protocol's server makes it."""

    def serve(self, app: Any) -> Any:
        """A context manager serving ``app`` on 127.0.0.1; gives its base URL."""


class WSGITransport:
    name = "wsgi"

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


TRANSPORTS: list[Transport] = [WSGITransport()]
