"""The body of a streamed router response, sent with its request current."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Iterator
from typing import Any

from .request_source import _router_request

#: Finishes a request: called once with the error that ended it, if any.
Finisher = Callable[[BaseException | None], None]


class _Finish:
    """Calls the finisher once, whether the body is closed or collected."""

    __slots__ = ("error", "finisher", "request")

    def __init__(self, request: Any, finisher: Finisher) -> None:
        self.request = request
        self.finisher: Finisher | None = finisher
        self.error: BaseException | None = None

    def __call__(self) -> None:
        finisher, self.finisher = self.finisher, None
        if finisher is None:
            return
        token = _router_request.set(self.request)
        try:
            finisher(self.error)
        finally:
            _router_request.reset(token)


class StreamingBody:
    """A response iterable whose every step runs with ``request`` as the
    router's current request, so a generator view can read it while the
    body is sent. Closing it (or, if the server never closes it, its
    collection) finishes the request: teardown functions, then closing.
    """

    __slots__ = ("__weakref__", "_body", "_finish", "_iter")

    def __init__(self, body: Iterable[bytes], request: Any, finisher: Finisher) -> None:
        self._body = body
        self._iter: Iterator[bytes] | None = None
        self._finish = _Finish(request, finisher)
        weakref.finalize(self, self._finish).atexit = False

    def __iter__(self) -> Iterator[bytes]:
        return self

    def __next__(self) -> bytes:
        token = _router_request.set(self._finish.request)
        try:
            if self._iter is None:
                self._iter = iter(self._body)
            return next(self._iter)
        except StopIteration:
            raise
        except BaseException as e:
            self._finish.error = e
            raise
        finally:
            _router_request.reset(token)

    def close(self) -> None:
        """Close the wrapped body, then finish the request."""
        try:
            close = getattr(self._body, "close", None)
            if close is not None:
                token = _router_request.set(self._finish.request)
                try:
                    close()
                finally:
                    _router_request.reset(token)
        finally:
            self._finish()
