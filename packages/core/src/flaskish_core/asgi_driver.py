"""Running one request's coroutine inside a context of its own.

The steps of an ASGI request run in a :class:`contextvars.Context` made for
the request, and its sync functions run in worker threads inside *that same
context object* (see :mod:`~flaskish_core.asgi_calls`), so context
variables behave as in one thread of a WSGI server. A separate task would
give the coroutine its own context but costs several turns of the event
loop per request; instead, :class:`ContextDriver` steps the coroutine
itself from the server's task, entering the request's context for each
step, and waits for whatever the coroutine waits for in between.

Cancellation (the server cancelling its task, or :meth:`ContextDriver.cancel`
when the client went away) reaches the coroutine as it would in a task:
the future it waits for is cancelled. While a worker thread runs in the
context, the coroutine is not resumed (that would enter the context twice):
the cancellation is delivered once the thread's call returns.
"""

from __future__ import annotations

import asyncio
import typing as t

if t.TYPE_CHECKING:
    import contextvars
    from collections.abc import Callable
    from collections.abc import Coroutine
    from concurrent.futures import Future

T = t.TypeVar("T")


class ContextDriver:
    """Drives one coroutine in ``context`` (see the module docstring)."""

    __slots__ = (
        "_cancelling",
        "_waiting_on",
        "after_step",
        "context",
        "on_suspend",
        "thread_call",
    )

    def __init__(self, context: contextvars.Context) -> None:
        self.context = context
        #: The concurrent future of the worker-thread call in progress.
        self.thread_call: Future[t.Any] | None = None
        #: Called the first time the coroutine waits for something.
        self.on_suspend: Callable[[], None] | None = None
        #: Called once the current step has returned, out of the context
        #: (a worker-thread call that enters the context starts there).
        self.after_step: Callable[[], None] | None = None
        self._waiting_on: asyncio.Future[t.Any] | None = None
        self._cancelling = False

    def cancel(self) -> None:
        """Cancel the coroutine where it waits (as ``Task.cancel`` would)."""
        waiting_on = self._waiting_on
        if waiting_on is not None and self.thread_call is None:
            waiting_on.cancel()
        else:
            self._cancelling = True

    async def run(self, coro: Coroutine[t.Any, t.Any, T]) -> T:
        """Run ``coro`` to its end; its result, or its exception raised."""
        step = self.context.run
        error: BaseException | None = None
        while True:
            try:
                if error is None:
                    yielded = step(coro.send, None)
                else:
                    yielded, error = step(coro.throw, error), None
            except StopIteration as done:
                return t.cast(T, done.value)
            after_step = self.after_step
            if after_step is not None:
                self.after_step = None
                after_step()
            if self.on_suspend is not None:
                self.on_suspend()
                self.on_suspend = None
            error = await self._wait(yielded)

    async def _wait(self, yielded: t.Any) -> BaseException | None:
        """Wait for what the coroutine yielded; an error to throw into it."""
        if yielded is None:
            # A bare yield (``asyncio.sleep(0)``): let others run once.
            await asyncio.sleep(0)
            return self._take_cancel()
        # The contract of asyncio futures with the task awaiting them.
        yielded._asyncio_future_blocking = False
        self._waiting_on = yielded
        try:
            await yielded
        except asyncio.CancelledError as e:
            if not yielded.cancelled():
                # Our task was cancelled while the future had completed.
                await self._join_thread()
                return e
            # The coroutine sees the cancelled future when resumed; a
            # thread in the context must finish first.
            await self._join_thread()
        except BaseException:
            pass  # The coroutine takes the result or error from the future.
        finally:
            self._waiting_on = None
        return self._take_cancel()

    def _take_cancel(self) -> BaseException | None:
        if self._cancelling:
            self._cancelling = False
            return asyncio.CancelledError()
        return None

    async def _join_thread(self) -> None:
        call = self.thread_call
        while call is not None and not call.done():
            try:
                await asyncio.wrap_future(call)
            except asyncio.CancelledError:
                self._cancelling = True
            except BaseException:
                return


__all__ = ["ContextDriver"]
