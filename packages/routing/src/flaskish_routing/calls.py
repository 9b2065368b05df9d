"""How the pipeline calls application code: one set of steps, two drivers.

The steps of a request are written once as coroutines that hand every
call of user code (views, hooks, error handlers, signal receivers) to a
:class:`Caller`. Under WSGI the caller is a :class:`SyncCaller`: it calls
the function at once (``async def`` ones through ``ensure_sync``) and never
suspends, so :func:`run_sync` finishes the steps without an event loop.
Under ASGI, core's caller awaits coroutine functions on the server's loop
and runs plain functions in a thread pool.
"""

from __future__ import annotations

from collections.abc import Awaitable
from collections.abc import Callable
from collections.abc import Coroutine
from collections.abc import Iterable
from typing import Any
from typing import Protocol
from typing import TypeVar

T = TypeVar("T")


class Signal(Protocol):
    """The part of a blinker signal the callers use."""

    def send(self, sender: Any, /, **kwargs: Any) -> Any: ...

    async def send_async(self, sender: Any, /, **kwargs: Any) -> Any: ...


class Caller(Protocol):
    """Calls one piece of application code for a pipeline step."""

    def __call__(
        self, func: Callable[..., Any], /, *args: Any, **kwargs: Any
    ) -> Awaitable[Any]:
        """Call ``func(*args, **kwargs)`` (sync or ``async def``); await the
        result."""
        ...

    def send(self, signal: Signal, sender: Any, /, **kwargs: Any) -> Awaitable[Any]:
        """Send ``signal`` to its receivers (sync or ``async def``)."""
        ...

    @property
    def as_sync(self) -> Callable[[Callable[..., Any]], Callable[..., Any]] | None:
        """For a caller that never suspends, a function giving the plain
        function to call for ``func``: ``call.as_sync(func)(*args)`` makes
        the call ``await call(func, *args)`` makes, without a coroutine (a
        step calling many functions saves one per call). ``None`` for a
        caller that may suspend."""
        ...


class _EnsureSyncOwner(Protocol):
    def ensure_sync(self, func: Callable[..., Any]) -> Callable[..., Any]: ...


class SyncCaller:
    """The WSGI driver's caller: calls at once through ``owner.ensure_sync``.

    ``owner.ensure_sync`` is read once for each :attr:`as_sync` (a step
    reads that once per registry it walks), so an ``ensure_sync``
    overridden, or replaced on the instance or its class, is used from the
    next walk on.
    """

    __slots__ = ("owner",)

    def __init__(self, owner: _EnsureSyncOwner) -> None:
        self.owner = owner

    @property
    def as_sync(self) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """``owner.ensure_sync`` as it is now."""
        return self.owner.ensure_sync

    async def __call__(
        self, func: Callable[..., Any], /, *args: Any, **kwargs: Any
    ) -> Any:
        return self.owner.ensure_sync(func)(*args, **kwargs)

    async def send(self, signal: Signal, sender: Any, /, **kwargs: Any) -> Any:
        return signal.send(sender, _async_wrapper=self.owner.ensure_sync, **kwargs)


def run_sync(coro: Coroutine[Any, Any, T]) -> T:
    """Run pipeline steps driven by a :class:`SyncCaller` to their end.

    Such steps never wait for anything, so one ``send`` finishes them; a
    step that does suspend is a bug, reported instead of hanging.
    """
    try:
        coro.send(None)
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]
    coro.close()
    raise RuntimeError(_SUSPENDED)


_SUSPENDED = (
    "A synchronous pipeline step awaited something; steps driven by a"
    " SyncCaller must not suspend."
)


def run_steps(steps: Coroutine[Any, Any, None]) -> None:
    """:func:`run_sync` for steps that return nothing (they hand their
    result over another way).

    Iterating a coroutine that returns ``None`` ends without the
    ``StopIteration`` that ``send`` raises and this module would catch:
    that exception costs as much as a few pipeline steps.
    """
    for _ in steps.__await__():
        steps.close()
        raise RuntimeError(_SUSPENDED)


async def call_each(
    call: Caller, funcs: Iterable[Callable[..., Any]], *args: Any
) -> None:
    """Call each of ``funcs`` with ``args`` through ``call``, even when some
    of them raise; then raise the first error again (later ones are
    dropped). Used for teardown functions, which must all run."""
    first_error: BaseException | None = None
    as_sync = call.as_sync
    for func in funcs:
        try:
            if as_sync is None:
                await call(func, *args)
            else:
                as_sync(func)(*args)
        except Exception as e:
            if first_error is None:
                first_error = e
    if first_error is not None:
        raise first_error


__all__ = ["Caller", "Signal", "SyncCaller", "call_each", "run_steps", "run_sync"]
