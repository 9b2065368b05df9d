"""The test client's ASGI mode: every request through ``app.asgi_app``.

With ``FLASKISH_TEST_CLIENT=asgi`` in the environment (or
``FlaskClient.asgi = True``), the test client turns the WSGI environ it
built into an ASGI ``http`` scope, runs ``app.asgi_app`` on an event loop
and hands the response back as a WSGI response. A test suite written for
the WSGI client then exercises the ASGI driver unchanged.

What a scope cannot carry is passed along so that tests see the same
request: the environ keys that are neither CGI variables derived from the
scope nor headers (``werkzeug.debug.preserve_context``, ``REMOTE_USER``,
an extension's own keys) travel in ``scope["flaskish.environ"]``.
ASGI sends no reason phrase and sends header names in lower case. The
client asks for the response as the application wrote it (the
``flaskish.as_written`` scope extension, which servers never set) and
shows its status line and header names, as the WSGI client does; a header
that a middleware added or renamed keeps its name as sent, and a response
that does not say (from an ASGI app of another kind) gets werkzeug's
phrase for its code.

The event loop runs in a helper thread, and the request's sync code (its
worker thread, see :mod:`~flaskish_core.asgi_calls`) runs on the test's own
thread, which waits for the response anyway: as with the WSGI client, a
test and the requests it sends share thread-bound resources (an in-memory
SQLite database, thread-local sessions).
"""

from __future__ import annotations

import asyncio
import contextvars
import threading
import typing as t

from werkzeug.http import HTTP_STATUS_CODES

from .asgi_calls import ThreadPool
from .asgi_calls import Worker
from .asgi_response import AS_WRITTEN_KEY
from .asgi_scope import ENVIRON_EXTRA_KEY

if t.TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse
    from _typeshed.wsgi import WSGIEnvironment

_DERIVED = frozenset(
    {
        "REQUEST_METHOD",
        "SCRIPT_NAME",
        "PATH_INFO",
        "QUERY_STRING",
        "SERVER_NAME",
        "SERVER_PORT",
        "SERVER_PROTOCOL",
        "REMOTE_ADDR",
        "REMOTE_PORT",
        "CONTENT_TYPE",
        "CONTENT_LENGTH",
        "REQUEST_URI",
        "RAW_URI",
    }
)
_BODY_CHUNK = 64 * 1024
_calling_worker: contextvars.ContextVar[Worker | None] = contextvars.ContextVar(
    "flaskish_test_calling_worker", default=None
)


class _CallingThreadPool(ThreadPool):
    """Hands a request the test's thread (set in :data:`_calling_worker`)
    as its worker; outside the test client, an ordinary pool."""

    async def acquire(self, max_threads: int | None) -> Worker:
        worker = _calling_worker.get()
        if worker is None:
            return await super().acquire(max_threads)
        return worker

    def release(self, worker: Worker) -> None:
        if worker is not _calling_worker.get():
            super().release(worker)


_TEST_POOL = _CallingThreadPool()


def _text(value: str) -> str:
    # WSGI strings are latin-1 decoded bytes; ASGI paths are UTF-8 text.
    return value.encode("latin-1").decode("utf-8", "replace")


def scope_from_environ(environ: WSGIEnvironment) -> dict[str, t.Any]:
    """The ``http`` scope of a request described by a WSGI environ."""
    script_name = _text(environ.get("SCRIPT_NAME", ""))
    headers = []
    for key, value in environ.items():
        if key.startswith("HTTP_"):
            name = key[5:].replace("_", "-").lower()
        elif key in ("CONTENT_TYPE", "CONTENT_LENGTH") and value:
            name = key.replace("_", "-").lower()
        else:
            continue
        headers.append((name.encode("latin-1"), str(value).encode("latin-1")))
    client = None
    if environ.get("REMOTE_ADDR"):
        client = (environ["REMOTE_ADDR"], int(environ.get("REMOTE_PORT") or 0))
    protocol = environ.get("SERVER_PROTOCOL", "HTTP/1.1")
    return {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": protocol.partition("/")[2] or "1.1",
        "method": environ["REQUEST_METHOD"],
        "scheme": environ.get("wsgi.url_scheme", "http"),
        "path": script_name + _text(environ.get("PATH_INFO", "")),
        "raw_path": (
            environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")
        ).encode("latin-1"),
        "root_path": script_name,
        "query_string": environ.get("QUERY_STRING", "").encode("latin-1"),
        "headers": headers,
        "extensions": {AS_WRITTEN_KEY: {}},
        "client": client,
        "server": (
            environ.get("SERVER_NAME", "localhost"),
            int(environ.get("SERVER_PORT") or 80),
        ),
        ENVIRON_EXTRA_KEY: {
            key: value
            for key, value in environ.items()
            if key not in _DERIVED
            and (
                key == "wsgi.errors" or not key.startswith(("HTTP_", "wsgi.", "asgi."))
            )
        },
    }


class AsgiAsWsgi:
    """A WSGI callable that answers by running ``app.asgi_app`` (the test
    client's ASGI mode; the response body is collected whole)."""

    def __init__(self, app: t.Any) -> None:
        self.app = app

    def __call__(
        self, environ: WSGIEnvironment, start_response: StartResponse
    ) -> list[bytes]:
        stream = environ["wsgi.input"]
        body = stream.read()
        if stream.seekable():
            # As werkzeug's client finds it after a WSGI app read it (it
            # sends the body again when it follows a 307 or 308).
            stream.seek(0)
        status, headers, chunks = _run(
            self._exchange(scope_from_environ(environ), body)
        )
        start_response(status, headers)
        return chunks

    async def _exchange(
        self, scope: dict[str, t.Any], body: bytes
    ) -> tuple[str, list[tuple[str, str]], list[bytes]]:
        messages = [
            {
                "type": "http.request",
                "body": body[start : start + _BODY_CHUNK],
                "more_body": start + _BODY_CHUNK < len(body),
            }
            for start in range(0, max(len(body), 1), _BODY_CHUNK)
        ]
        finished = asyncio.Event()
        status = ""
        headers: list[tuple[str, str]] = []
        chunks: list[bytes] = []

        async def receive() -> dict[str, t.Any]:
            if messages:
                return messages.pop(0)
            await finished.wait()
            return {"type": "http.disconnect"}

        async def send(message: dict[str, t.Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = _status_line(message)
                headers.extend(_named_as_written(message))
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    finished.set()

        if self.app._asgi_threads is None:
            # Requests of the test client run their sync code on the
            # test's thread (see _run); other callers get a shared pool.
            self.app._asgi_threads = _TEST_POOL
        try:
            await self.app.asgi_app(scope, receive, send)
        finally:
            finished.set()
        return status, headers, chunks


def _status_line(message: dict[str, t.Any]) -> str:
    """The status line of a start message (see the module docstring)."""
    code = message["status"]
    as_written = message.get(AS_WRITTEN_KEY)
    # Unless a middleware changed the code meanwhile.
    if as_written is not None and as_written["status"].startswith(f"{code} "):
        return t.cast(str, as_written["status"])
    return f"{code} {HTTP_STATUS_CODES.get(code, 'UNKNOWN')}"


def _named_as_written(message: dict[str, t.Any]) -> list[tuple[str, str]]:
    """The headers of a start message, each name spelled as the application
    wrote it when the message says (see the module docstring)."""
    written: dict[str, list[str]] = {}
    as_written = message.get(AS_WRITTEN_KEY) or {}
    for name in as_written.get("header_names", ()):
        written.setdefault(name.lower(), []).append(name)
    headers = []
    for raw_name, raw_value in message.get("headers", ()):
        name = raw_name.decode("latin-1")
        spellings = written.get(name.lower())
        if spellings:
            name = spellings.pop(0)
        headers.append((name, raw_value.decode("latin-1")))
    return headers


_T = t.TypeVar("_T")


def _run(coro: t.Coroutine[t.Any, t.Any, _T]) -> _T:
    """Run ``coro`` on a new event loop in a helper thread (with this
    thread's context variables), while this thread serves as the request's
    worker thread."""
    worker = Worker(None)
    context = contextvars.copy_context()
    outcome: list[t.Any] = []

    def on_loop() -> _T:
        _calling_worker.set(worker)
        return asyncio.run(coro)

    def target() -> None:
        try:
            outcome.append((True, context.run(on_loop)))
        except BaseException as e:
            outcome.append((False, e))
        finally:
            worker.stop()

    thread = threading.Thread(target=target, name="flaskish-test-loop")
    thread.start()
    worker.work()
    thread.join()
    ok, value = outcome[0]
    if not ok:
        raise value
    return t.cast(_T, value)
