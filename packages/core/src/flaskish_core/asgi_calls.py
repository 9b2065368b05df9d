"""The ASGI driver's caller: ``async def`` code on the loop, the rest in threads.

A plain function runs in the app's bounded thread pool inside the request's
own context object (see :mod:`~flaskish_core.asgi_driver`: the request's
coroutine is suspended meanwhile, so the context is never entered twice at
once). It sees and changes the request's context variables exactly as code
on the loop would; pushing a context in one sync call and popping it in a
later one (``stream_with_context``) works.
"""

from __future__ import annotations

import asyncio
import inspect
import typing as t
from concurrent.futures import Future
from concurrent.futures import ThreadPoolExecutor
from functools import partial

from flaskish_routing import is_coroutine_function

if t.TYPE_CHECKING:
    from collections.abc import Awaitable
    from collections.abc import Callable

    from flaskish_routing.calls import Signal

    from .asgi_body import RequestBody
    from .asgi_driver import ContextDriver

T = t.TypeVar("T")

#: Threads of the pool when ``ASGI_MAX_THREADS`` is not set.
DEFAULT_MAX_THREADS = 40


class ThreadPool:
    """An app's bounded pool for sync code under ASGI, made on first use."""

    def __init__(self) -> None:
        self._executor: ThreadPoolExecutor | None = None

    def executor(self, max_threads: int | None) -> ThreadPoolExecutor:
        executor = self._executor
        if executor is None:
            size = max_threads or DEFAULT_MAX_THREADS
            if size < 1:
                raise ValueError(f"ASGI_MAX_THREADS must be at least 1, not {size}.")
            executor = self._executor = ThreadPoolExecutor(
                max_workers=size, thread_name_prefix="flaskish-asgi"
            )
        return executor

    def shutdown(self) -> None:
        """Wait for running calls and stop the threads (at lifespan end)."""
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True)


class AsyncCaller:
    """Calls user code for one ASGI request (see the module docstring)."""

    __slots__ = ("body", "driver", "executor", "loop")

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        executor: ThreadPoolExecutor,
        driver: ContextDriver,
        body: RequestBody | None,
    ) -> None:
        self.loop = loop
        self.executor = executor
        self.driver = driver
        self.body = body

    async def __call__(
        self, func: Callable[..., t.Any], /, *args: t.Any, **kwargs: t.Any
    ) -> t.Any:
        if is_coroutine_function(func):
            await self.ready_for_loop()
            return await func(*args, **kwargs)
        rv = await self.in_thread(func, *args, **kwargs)
        if inspect.isawaitable(rv):
            # A plain function that returned an awaitable (a wrapped
            # coroutine function): awaited here, on the loop.
            await self.ready_for_loop()
            rv = await rv
        return rv

    async def ready_for_loop(self) -> None:
        """Make the body readable by code on the loop (see RequestBody)."""
        body = self.body
        if body is not None and not body.complete:
            await body.prefetch()

    async def in_thread(
        self, func: Callable[..., T], /, *args: t.Any, **kwargs: t.Any
    ) -> T:
        """Run ``func`` in the pool, inside the request's context."""
        loop = self.loop
        driver = self.driver
        done: asyncio.Future[T] = loop.create_future()
        run = partial(driver.context.run, func, *args, **kwargs)

        def settle(finished: Future[T]) -> None:
            if done.cancelled():
                return
            error = finished.exception()
            if error is None:
                done.set_result(finished.result())
            else:
                done.set_exception(error)

        def submit() -> None:
            # Runs once the request's coroutine has suspended on ``done``:
            # only then has it left the context the thread enters.
            if done.cancelled():
                return
            try:
                future = self.executor.submit(run)
            except BaseException as e:  # a pool shut down under us
                done.set_exception(e)
                return
            driver.thread_call = future
            future.add_done_callback(
                lambda finished: loop.call_soon_threadsafe(settle, finished)
            )

        loop.call_soon(submit)
        try:
            return await done
        finally:
            driver.thread_call = None

    async def send(self, signal: Signal, sender: t.Any, /, **kwargs: t.Any) -> t.Any:
        return await signal.send_async(sender, _sync_wrapper=self._as_async, **kwargs)

    def _as_async(self, func: Callable[..., t.Any]) -> Callable[..., Awaitable[t.Any]]:
        async def run(*args: t.Any, **kwargs: t.Any) -> t.Any:
            return await self.in_thread(func, *args, **kwargs)

        return run


__all__ = ["DEFAULT_MAX_THREADS", "AsyncCaller", "ThreadPool"]
