"""The ASGI driver's caller: ``async def`` code on the loop, the rest in threads.

A plain function runs in a worker thread inside the request's own context
object (see :mod:`~flaskish_core.asgi_driver`: the request's coroutine is
suspended meanwhile, so the context is never entered twice at once). It
sees and changes the request's context variables exactly as code on the
loop would; pushing a context in one sync call and popping it in a later
one (``stream_with_context``) works.

Every sync call of one request runs on the *same* worker thread, taken from
the app's bounded pool at the request's first sync call and given back when
the request ends: code written for WSGI may keep per-thread resources for
the length of a request (an SQLite connection in ``g``, a thread-local
session), as it could under a threaded WSGI server. A request that only
runs ``async def`` code never takes a thread.
"""

from __future__ import annotations

import asyncio
import collections
import inspect
import queue
import threading
import typing as t
from concurrent.futures import Future
from functools import partial
from types import FunctionType

from flaskish_routing import class_view_coroutine
from flaskish_routing import is_coroutine_function
from flaskish_routing import serve_from_loop

if t.TYPE_CHECKING:
    from collections.abc import Awaitable
    from collections.abc import Callable

    from flaskish_routing.calls import Signal

    from .app import Flask
    from .asgi_body import RequestBody
    from .asgi_driver import ContextDriver

T = t.TypeVar("T")

#: Threads of the pool when ``ASGI_MAX_THREADS`` is not set.
DEFAULT_MAX_THREADS = 40


class Worker:
    """One thread running the jobs it is given, in order: a thread of its
    own, or (``name=None``) a thread that calls :meth:`work` itself and
    serves jobs until :meth:`stop`."""

    def __init__(self, name: str | None) -> None:
        self._jobs: queue.SimpleQueue[tuple[Callable[[], t.Any], Future[t.Any]] | None]
        self._jobs = queue.SimpleQueue()
        self.thread = threading.current_thread()
        if name is not None:
            self.thread = threading.Thread(target=self.work, name=name, daemon=True)
            self.thread.start()

    def submit(self, func: Callable[[], T]) -> Future[T]:
        future: Future[T] = Future()
        self._jobs.put((func, future))
        return future

    def stop(self) -> None:
        self._jobs.put(None)

    def work(self) -> None:
        """Run jobs until :meth:`stop`."""
        while True:
            job = self._jobs.get()
            if job is None:
                return
            func, future = job
            if not future.set_running_or_notify_cancel():
                continue
            try:
                result = func()
            except BaseException as e:
                future.set_exception(e)
            else:
                future.set_result(result)
            del job, func, future


class ThreadPool:
    """An app's bounded set of worker threads for sync code under ASGI.

    Threads are made on demand, up to the limit, and kept while idle until
    :meth:`shutdown` (at lifespan shutdown). A request waits for a thread
    when all are taken.
    """

    def __init__(self) -> None:
        self._idle: list[Worker] = []
        self._all: list[Worker] = []
        self._waiting: collections.deque[asyncio.Future[Worker]] = collections.deque()
        self._lock = threading.Lock()

    async def acquire(self, max_threads: int | None) -> Worker:
        """A worker for one request (see :meth:`release`)."""
        size = DEFAULT_MAX_THREADS if max_threads is None else max_threads
        if size < 1:
            raise ValueError(f"ASGI_MAX_THREADS must be at least 1, not {size}.")
        with self._lock:
            if self._idle:
                return self._idle.pop()
            if len(self._all) < size:
                worker = Worker(f"flaskish-asgi-{len(self._all)}")
                self._all.append(worker)
                return worker
            waiter: asyncio.Future[Worker] = asyncio.get_running_loop().create_future()
            self._waiting.append(waiter)
        return await waiter

    def release(self, worker: Worker) -> None:
        """Give ``worker`` back, to a waiting request or to the idle set."""
        with self._lock:
            while self._waiting:
                waiter = self._waiting.popleft()
                if not waiter.done():
                    waiter.get_loop().call_soon_threadsafe(
                        _hand_over, waiter, worker, self
                    )
                    return
            self._idle.append(worker)

    def shutdown(self) -> None:
        """Stop every thread once its current job is done, and wait for them."""
        with self._lock:
            workers, self._all, self._idle = self._all, [], []
        for worker in workers:
            worker.stop()
        for worker in workers:
            if worker.thread is not threading.current_thread():
                worker.thread.join()


def _hand_over(
    waiter: asyncio.Future[Worker], worker: Worker, pool: ThreadPool
) -> None:
    if waiter.done():  # the waiting request was cancelled meanwhile
        pool.release(worker)
    else:
        waiter.set_result(worker)


class AsyncCaller:
    """Calls user code for one ASGI request (see the module docstring)."""

    __slots__ = ("body", "driver", "loop", "max_threads", "pool", "worker")

    #: Calls may suspend: every one is awaited (see flaskish_routing.calls).
    as_sync = None

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        pool: ThreadPool,
        max_threads: int | None,
        driver: ContextDriver,
        body: RequestBody | None,
    ) -> None:
        self.loop = loop
        self.pool = pool
        self.max_threads = max_threads
        self.driver = driver
        self.body = body
        #: The request's worker thread, once it needs one.
        self.worker: Worker | None = None

    def release(self) -> None:
        """Give the request's worker thread back (the request is over)."""
        worker, self.worker = self.worker, None
        if worker is not None:
            self.pool.release(worker)

    async def __call__(
        self, func: Callable[..., t.Any], /, *args: t.Any, **kwargs: t.Any
    ) -> t.Any:
        if is_coroutine_function(func):
            await self.ready_for_loop()
            return await func(*args, **kwargs)
        if type(func) is FunctionType and func.__dict__:
            # Perhaps a class-based view whose handler is ``async def``:
            # awaited here, instead of going through ensure_sync in a thread.
            dispatch = class_view_coroutine(func)
            if dispatch is not None:
                await self.ready_for_loop()
                return await dispatch(*args, **kwargs)
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
        worker = self.worker
        if worker is None:
            worker = self.worker = await self.pool.acquire(self.max_threads)
            # Coroutines that the request's sync code runs through
            # ensure_sync are run on this loop (see flaskish_routing).
            serve_from_loop(loop)
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
            future = worker.submit(run)
            driver.thread_call = future
            future.add_done_callback(
                lambda finished: loop.call_soon_threadsafe(settle, finished)
            )

        driver.after_step = submit
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


def request_caller(
    app: Flask,
    driver: ContextDriver,
    body: RequestBody | None,
    loop: asyncio.AbstractEventLoop | None = None,
) -> AsyncCaller:
    """The caller of one ASGI request (or lifespan event) of ``app``, on
    ``loop`` (the running loop by default), with the app's thread pool
    (made on first need) and its ``ASGI_MAX_THREADS``."""
    pool = app._asgi_threads
    if pool is None:
        pool = app._asgi_threads = ThreadPool()
    if loop is None:
        loop = asyncio.get_running_loop()
    max_threads = app.config.get("ASGI_MAX_THREADS")
    return AsyncCaller(loop, pool, max_threads, driver, body)


__all__ = [
    "DEFAULT_MAX_THREADS",
    "AsyncCaller",
    "ThreadPool",
    "Worker",
    "request_caller",
]
