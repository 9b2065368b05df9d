"""Sending a response over ASGI.

The status, headers and body iterable are werkzeug's own
(``get_wsgi_response``: ``HEAD`` and bodiless statuses send no body,
``Content-Length`` and ``Location`` are fixed up as under WSGI). A body
held in memory is sent at once; an iterator (a generator, a file sent with
``send_file``) is advanced in the thread pool, one chunk at a time, each
sent as produced; an async iterator (an ``async def`` generator) is
advanced on the loop. The body is closed in every case, before the request
context is popped.
"""

from __future__ import annotations

import typing as t
from collections.abc import AsyncIterable
from collections.abc import AsyncIterator

from flaskish_routing.bounded import remember

if t.TYPE_CHECKING:
    from collections.abc import Awaitable
    from collections.abc import Callable
    from collections.abc import Iterable

    from werkzeug.wrappers import Response as BaseResponse

    from .asgi_body import RequestBody
    from .asgi_calls import AsyncCaller

    Send = Callable[[dict[str, t.Any]], Awaitable[None]]

_END = object()

#: A scope extension asking for the response as the application wrote it:
#: the start message then carries, under this same key, a dict with the
#: status line (``"201 CREATED"``; ASGI sends only the code) and the header
#: names in order (ASGI requires them in lower case in ``headers``). The
#: test client's ASGI mode sets it so that tests see what they would see
#: under WSGI; servers neither set nor read it.
AS_WRITTEN_KEY = "flaskish.as_written"
_NO_SCOPE: dict[str, t.Any] = {}


#: The wire form of each response header name seen (``"Content-Type"`` ->
#: ``b"content-type"``); bounded, since applications may make up names.
_WIRE_NAMES: dict[str, bytes] = {}
_MAX_WIRE_NAMES = 512


def _wire_name(name: str) -> bytes:
    return remember(_WIRE_NAMES, name, name.lower().encode("latin-1"), _MAX_WIRE_NAMES)


def _start(
    response: BaseResponse, headers: list[tuple[str, str]], environ: dict[str, t.Any]
) -> dict[str, t.Any]:
    names = _WIRE_NAMES
    message = {
        "type": "http.response.start",
        "status": response.status_code,
        "headers": [
            (names.get(name) or _wire_name(name), value.encode("latin-1"))
            for name, value in headers
        ],
    }
    extensions = environ.get("asgi.scope", _NO_SCOPE).get("extensions")
    if extensions and AS_WRITTEN_KEY in extensions:
        message[AS_WRITTEN_KEY] = {
            "status": response.status,
            "header_names": [name for name, _value in headers],
        }
    return message


def _as_bytes(chunk: t.Any, charset: str = "utf-8") -> bytes:
    return chunk.encode(charset) if isinstance(chunk, str) else bytes(chunk)


async def send_response(
    response: BaseResponse,
    environ: dict[str, t.Any],
    send: Send,
    call: AsyncCaller,
    request_body: RequestBody,
) -> None:
    """Send ``response`` for the request of ``environ`` with ``send``;
    ``request_body.response_sent`` is set as the last message goes out."""
    body = response.response
    # A body that is both (a mock) is iterated as werkzeug would.
    if isinstance(body, AsyncIterable) and not hasattr(body, "__iter__"):
        await _send_async_body(response, body, environ, send, request_body)
        return
    app_iter, _status, headers = response.get_wsgi_response(environ)
    try:
        await send(_start(response, headers, environ))
        if type(app_iter) is list and len(app_iter) == 1:
            # The common case, a body held whole: one message.
            request_body.response_sent = True
            await send({"type": "http.response.body", "body": app_iter[0]})
        elif isinstance(app_iter, (list, tuple)) or response.is_sequence:
            # In memory: iterating it never blocks.
            for chunk in app_iter:
                if chunk:
                    await send(
                        {"type": "http.response.body", "body": chunk, "more_body": True}
                    )
            request_body.response_sent = True
            await send({"type": "http.response.body", "body": b""})
        else:
            await _send_iterated(app_iter, send, call, request_body)
    finally:
        close = getattr(app_iter, "close", None)
        if close is not None:
            # May run user code (call_on_close functions, a
            # stream_with_context body popping its contexts): in the thread
            # pool, in the request's context.
            await call.in_thread(close)


async def _send_iterated(
    app_iter: Iterable[bytes], send: Send, call: AsyncCaller, request_body: RequestBody
) -> None:
    iterator = iter(app_iter)
    while True:
        chunk = await call.in_thread(next, iterator, _END)
        if chunk is _END:
            break
        if chunk:
            await send({"type": "http.response.body", "body": chunk, "more_body": True})
    request_body.response_sent = True
    await send({"type": "http.response.body", "body": b""})


async def _send_async_body(
    response: BaseResponse,
    body: AsyncIterable[t.Any],
    environ: dict[str, t.Any],
    send: Send,
    request_body: RequestBody,
) -> None:
    # werkzeug's iterables are synchronous: the headers are still its own,
    # the body is iterated here.
    headers = response.get_wsgi_headers(environ).to_wsgi_list()
    sends_body = (
        environ["REQUEST_METHOD"] != "HEAD"
        and response.status_code
        not in {
            204,
            304,
        }
        and not (100 <= response.status_code < 200)
    )
    try:
        await send(_start(response, headers, environ))
        if sends_body:
            async for chunk in body:
                data = _as_bytes(chunk)
                if data:
                    await send(
                        {"type": "http.response.body", "body": data, "more_body": True}
                    )
        request_body.response_sent = True
        await send({"type": "http.response.body", "body": b""})
    finally:
        if isinstance(body, AsyncIterator):
            aclose = getattr(body, "aclose", None)
            if aclose is not None:
                await aclose()
        response.close()


__all__ = ["AS_WRITTEN_KEY", "send_response"]
