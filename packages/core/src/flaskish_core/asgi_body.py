"""An ASGI request body as the ``wsgi.input`` stream werkzeug reads.

The body arrives as ``http.request`` messages from ``receive``. werkzeug's
request reads it through ``environ["wsgi.input"]`` (``request.stream``,
``get_data``, ``form``, ``files``, ``get_json``) with its own limits
(``MAX_CONTENT_LENGTH``, ``MAX_FORM_MEMORY_SIZE``, ``MAX_FORM_PARTS``),
so those behave exactly as under WSGI.

- Read from a worker thread (sync views and hooks), the stream takes each
  chunk from the loop as it is needed: an upload is never held whole.
- Code on the event loop cannot wait for a chunk, so before an ``async
  def`` view or hook runs, :meth:`RequestBody.prefetch` receives the rest
  of the body into a spooled temporary file (memory up to
  :data:`SPOOL_MEMORY`, then disk). It stops once more than
  ``MAX_CONTENT_LENGTH`` arrived: werkzeug then answers 413 from what it
  has, and the rest is never read.
"""

from __future__ import annotations

import asyncio
import io
import tempfile
import threading
import typing as t

from werkzeug.exceptions import ClientDisconnected
from werkzeug.exceptions import RequestEntityTooLarge

if t.TYPE_CHECKING:
    from collections.abc import Awaitable
    from collections.abc import Callable

    Receive = Callable[[], Awaitable[dict[str, t.Any]]]

#: Bytes of a prefetched body kept in memory before it goes to a file.
SPOOL_MEMORY = 1024 * 1024


class RequestBody:
    """The body of one ASGI request (see the module docstring): a binary
    stream with ``read``, ``readinto``, ``readline`` and iteration by line.

    A plain class rather than an :class:`io.RawIOBase`: one is made for
    every request, and the io base class costs more than the rest of it.
    """

    __slots__ = (
        "_disconnected",
        "_limit",
        "_loop",
        "_loop_thread",
        "_more",
        "_pending",
        "_prefetched_to",
        "_receive",
        "_received",
        "_spool",
        "_watcher",
        "closed",
        "on_disconnect",
        "response_sent",
    )

    def __init__(
        self,
        receive: Receive,
        loop: asyncio.AbstractEventLoop,
        first: dict[str, t.Any] | None = None,
        limit: Callable[[], int | None] | None = None,
    ) -> None:
        self._receive = receive
        self._loop = loop
        self._loop_thread = threading.get_ident()
        self._limit = limit
        #: Received bytes not read yet.
        self._pending = b""
        self._more = True
        self._disconnected = False
        self._spool: t.IO[bytes] | None = None
        self._prefetched_to: t.IO[bytes] | None = None
        self.closed = False
        self._received = 0
        self._watcher: asyncio.Task[None] | None = None
        #: Set when the last message of the response is sent.
        self.response_sent = False
        #: Called once when the client disconnects.
        self.on_disconnect: Callable[[], None] | None = None
        if first is not None:
            self._pending = self._take(first)

    # -- receiving (on the loop) -----------------------------------------

    def _take(self, message: dict[str, t.Any]) -> bytes:
        if message["type"] == "http.disconnect":
            self._more = False
            self._gone()
            return b""
        chunk: bytes = message.get("body", b"")
        self._more = bool(message.get("more_body", False))
        self._received += len(chunk)
        if not self._more:
            self.watch_disconnect()
        return chunk

    def _check_size(self) -> None:
        limit = self._limit() if self._limit is not None else None
        if limit is not None and self._received > limit:
            raise RequestEntityTooLarge()

    def _gone(self) -> None:
        if not self._disconnected:
            self._disconnected = True
            # After the last body message, a disconnect is the normal end
            # (servers report it once the response is complete): the
            # request's teardown must not be cancelled by it.
            if self.on_disconnect is not None and not self.response_sent:
                self.on_disconnect()

    # -- noticing a disconnect -----------------------------------------------

    def watch_disconnect(self) -> None:
        """Once the whole body is received, wait for ``http.disconnect``
        (the only message left) and call :attr:`on_disconnect`. Before
        that, the body's own reads notice a disconnect."""
        if self._more or self._watcher is not None or self.on_disconnect is None:
            return
        self._watcher = self._loop.create_task(self._watch())

    async def _watch(self) -> None:
        while True:
            message = await self._receive()
            if message["type"] == "http.disconnect":
                self._gone()
                return

    def stop_watching(self) -> None:
        """Stop waiting for a disconnect: the response is complete."""
        watcher, self._watcher = self._watcher, None
        if watcher is not None:
            watcher.cancel()

    async def _next_chunk(self) -> bytes:
        while self._more:
            chunk = self._take(await self._receive())
            if chunk:
                return chunk
        return b""

    @property
    def complete(self) -> bool:
        """Whether every message of the body was received."""
        return not self._more

    @property
    def disconnected(self) -> bool:
        """Whether the client went away while the body was received."""
        return self._disconnected

    async def prefetch(self) -> None:
        """Receive the rest of the body now, into memory or a temporary
        file, so that code on the loop can read it without waiting."""
        if not self._more:
            return
        limit = self._limit() if self._limit is not None else None
        spool = self._spool
        if spool is None:
            spool = self._spool = tempfile.SpooledTemporaryFile(SPOOL_MEMORY)  # noqa: SIM115 (closed by close())
            spool.write(self._pending)
            self._pending = b""
        else:
            spool.seek(0, io.SEEK_END)
        while self._more:
            if limit is not None and self._received > limit:
                break  # Reading will answer 413; the rest is left unread.
            spool.write(await self._next_chunk())
        spool.seek(0)
        # From here on, reads come from the file; _pending stays empty.
        self._prefetched_to = spool

    # -- reading (werkzeug's side) -----------------------------------------

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: t.Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def read(self, size: int | None = -1) -> bytes:
        self._check_size()
        if self._prefetched_to is not None:
            return self._prefetched_to.read(-1 if size is None else size)
        if size is None or size < 0:
            parts = [self._pending]
            self._pending = b""
            while True:
                chunk = self._wait_for_chunk()
                if not chunk:
                    break
                parts.append(chunk)
            return b"".join(parts)
        if not self._pending:
            self._pending = self._wait_for_chunk()
        data, self._pending = self._pending[:size], self._pending[size:]
        return data

    def _wait_for_chunk(self) -> bytes:
        if not self._more:
            if self._disconnected:
                raise ClientDisconnected()
            return b""
        if threading.get_ident() == self._loop_thread:
            raise RuntimeError(
                "The request body was read on the event loop before it was"
                " received. Read it in an 'async def' view or hook (flaskish"
                " receives the body before those run), or in a sync one."
            )
        chunk = asyncio.run_coroutine_threadsafe(
            self._next_chunk(), self._loop
        ).result()
        if not chunk and self._disconnected:
            raise ClientDisconnected()
        self._check_size()
        return chunk

    def readline(self, size: int | None = -1) -> bytes:
        if self._prefetched_to is not None:
            self._check_size()
            return self._prefetched_to.readline(-1 if size is None else size)
        limit = -1 if size is None else size
        line = b""
        while limit < 0 or len(line) < limit:
            chunk = self.read(8192)
            if not chunk:
                break
            end = chunk.find(b"\n")
            if end >= 0:
                # What follows the line is read next time.
                self._pending = chunk[end + 1 :] + self._pending
                line += chunk[: end + 1]
                break
            line += chunk
        if 0 <= limit < len(line):
            self._pending = line[limit:] + self._pending
            line = line[:limit]
        return line

    def __iter__(self) -> t.Iterator[bytes]:
        while line := self.readline():
            yield line

    def close(self) -> None:
        self.closed = True
        spool = self._spool
        if spool is not None:
            spool.close()


__all__ = ["SPOOL_MEMORY", "RequestBody"]
