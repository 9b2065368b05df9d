"""Calling a list of callbacks where every one must get its turn."""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterable
from typing import Any

from .calls import call_each
from .calls import run_sync
from .calls import Signal


class _Direct:
    """A caller that calls plain functions as they are."""

    __slots__ = ()

    def as_sync(self, func: Callable[..., Any]) -> Callable[..., Any]:
        return func

    async def __call__(
        self, func: Callable[..., Any], /, *args: Any, **kwargs: Any
    ) -> Any:
        return func(*args, **kwargs)

    async def send(self, signal: Signal, sender: Any, /, **kwargs: Any) -> Any:
        return signal.send(sender, **kwargs)


_DIRECT = _Direct()


def call_all(funcs: Iterable[Callable[..., Any]], *args: Any) -> None:
    """Call each of ``funcs`` with ``args``, even when some of them raise.

    After all were called, the first exception raised (if any) is raised
    again; later ones are dropped. Used for teardown functions, which must
    all run so that every resource gets released.
    """
    run_sync(call_each(_DIRECT, funcs, *args))
