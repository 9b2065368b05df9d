"""Run ``async def`` views and hooks from synchronous WSGI code.

Each thread keeps one event loop, made on first use and reused for every
later call: creating and closing a loop per call (``asyncio.run``) costs
far more than the coroutine usually does.

A call behaves like a synchronous function of the caller: context variables
it sets stay set for the caller, and tasks it starts without awaiting them
end with it (they are cancelled), so nothing of one request runs later,
inside another.

Sync code that an ASGI server runs in a worker thread for a request of its
loop (see :func:`serve_from_loop`) has its coroutines run on that loop
instead, the thread waiting for each; tasks they start then belong to the
server's loop, as those of ``async def`` views do.
"""

from __future__ import annotations

import contextvars
import inspect
import threading
import weakref
from collections.abc import Callable
from collections.abc import Coroutine
from contextlib import suppress
from functools import wraps
from inspect import CO_COROUTINE
from types import FunctionType
from typing import Any
from typing import TYPE_CHECKING
from typing import TypeVar

if TYPE_CHECKING:
    import asyncio

T = TypeVar("T")


class _ThreadLoop:
    """Owns the loop of one thread; closes it when the thread's storage goes,
    or at interpreter exit, whichever comes first."""

    def __init__(self) -> None:
        import asyncio  # imported on first use: most apps have no async views

        self.loop = asyncio.new_event_loop()
        # A finalizer rather than __del__: at exit it runs before modules are
        # torn down, while closing the loop still finds asyncio intact.
        weakref.finalize(self, self.loop.close)


_local = threading.local()


def _thread_loop() -> _ThreadLoop:
    holder: _ThreadLoop | None = getattr(_local, "holder", None)
    if holder is None or holder.loop.is_closed():
        holder = _local.holder = _ThreadLoop()
    return holder


def thread_event_loop() -> asyncio.AbstractEventLoop:
    """The event loop :func:`run_coroutine` uses on the calling thread."""
    return _thread_loop().loop


#: The loop of the ASGI server whose request this context serves.
_serving_loop: contextvars.ContextVar[asyncio.AbstractEventLoop] = (
    contextvars.ContextVar("flaskish_serving_loop")
)


def serve_from_loop(loop: asyncio.AbstractEventLoop) -> None:
    """Make :func:`run_coroutine` called in the current context (and in
    copies of it) run coroutines on ``loop``, a loop running in another
    thread, while the calling thread waits. (flaskish seam: the ASGI driver
    sets it in each request's context.)"""
    _serving_loop.set(loop)


def run_coroutine(coro: Coroutine[Any, Any, T]) -> T:
    """Run ``coro`` to completion on this thread's loop and return its result.

    The coroutine sees the caller's context variables, and the caller sees
    the ones the coroutine set (also when it raised). Tasks it started and
    left running are cancelled and awaited before this returns.

    In the worker thread of an ASGI request (see :func:`serve_from_loop`),
    the coroutine runs on the server's loop instead; tasks it leaves running
    stay on that loop.
    """
    import asyncio

    running = None
    with suppress(RuntimeError):  # raised when no loop runs here: the usual case
        running = asyncio.get_running_loop()
    if running is not None:
        coro.close()
        raise RuntimeError(
            "Cannot run an async function from synchronous code while an"
            " event loop is already running in this thread. Await it"
            " instead, or call it from a thread without a running loop."
        )
    serving = _serving_loop.get(None)
    if serving is not None and serving.is_running():
        return _run_on(serving, coro)
    loop = _thread_loop().loop
    # A task cannot run in the caller's own context (it is entered already),
    # so it runs in a copy whose changes are copied back afterwards.
    context = contextvars.copy_context()
    main = loop.create_task(coro, context=context)
    try:
        return loop.run_until_complete(main)
    finally:
        try:
            # Every task of this loop still running was started by the call,
            # however it was made: create_task, ensure_future, a task
            # factory or asyncio.Task() directly (which no factory sees).
            _cancel_leftover_tasks(loop)
        finally:
            _adopt_changes(context)


def _run_on(loop: asyncio.AbstractEventLoop, coro: Coroutine[Any, Any, T]) -> T:
    """Run ``coro`` as a task of ``loop`` (running in another thread) and
    wait for its outcome, with :func:`run_coroutine`'s context rules."""
    import asyncio
    from concurrent.futures import Future

    context = contextvars.copy_context()
    outcome: Future[T] = Future()

    def report(task: asyncio.Task[T]) -> None:
        if task.cancelled():
            outcome.set_exception(asyncio.CancelledError())
        elif (error := task.exception()) is not None:
            outcome.set_exception(error)
        else:
            outcome.set_result(task.result())

    def start() -> None:
        try:
            task = loop.create_task(coro, context=context)
        except BaseException as e:
            coro.close()
            outcome.set_exception(e)
        else:
            task.add_done_callback(report)

    try:
        loop.call_soon_threadsafe(start)
    except RuntimeError:  # the loop closed meanwhile
        coro.close()
        raise
    try:
        return outcome.result()
    finally:
        _adopt_changes(context)


def _adopt_changes(context: contextvars.Context) -> None:
    """Set in the current context every variable whose value differs in
    ``context``. (A variable reset to unset there stays as it is here.)"""
    current = contextvars.copy_context()
    missing = _MISSING
    for var, value in context.items():
        if current.get(var, missing) is not value:
            var.set(value)


_MISSING = object()


def _cancel_leftover_tasks(loop: asyncio.AbstractEventLoop) -> None:
    """Cancel the loop's unfinished tasks and run the loop until they end.

    Failures other than the cancellation go to the loop's exception handler,
    which logs them by default.
    """
    import asyncio

    while leftovers := asyncio.all_tasks(loop):
        for task in leftovers:
            task.cancel()
        loop.run_until_complete(asyncio.gather(*leftovers, return_exceptions=True))
        for task in leftovers:
            if not task.cancelled() and (error := task.exception()) is not None:
                loop.call_exception_handler(
                    {
                        "message": "a task left running by an async call"
                        " failed while it was cancelled",
                        "exception": error,
                        "task": task,
                    }
                )


def async_to_sync(func: Callable[..., Coroutine[Any, Any, T]]) -> Callable[..., T]:
    """Wrap the coroutine function ``func`` in a plain function that runs it
    with :func:`run_coroutine`.
    """

    @wraps(func)
    def run(*args: Any, **kwargs: Any) -> T:
        return run_coroutine(func(*args, **kwargs))

    return run


def is_coroutine_function(func: Callable[..., Any]) -> bool:
    """Whether ``func`` is an ``async def`` function (or a partial or method
    of one), as :func:`inspect.iscoroutinefunction` answers."""
    # Fast answer for the common case, a plain function without attributes
    # (an attribute could be a coroutine marker); runs for every hook call.
    if type(func) is FunctionType and not func.__dict__:
        return bool(func.__code__.co_flags & CO_COROUTINE)
    return inspect.iscoroutinefunction(func)


def ensure_sync(func: Callable[..., Any]) -> Callable[..., Any]:
    """Return ``func`` itself, or a synchronous wrapper if it is ``async def``."""
    return async_to_sync(func) if is_coroutine_function(func) else func
