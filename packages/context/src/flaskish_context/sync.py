"""Calling ``async def`` functions from synchronous code, without a framework."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from functools import wraps
from typing import Any


def run_sync(func: Callable[..., Any]) -> Callable[..., Any]:
    """``func`` itself, or for an ``async def`` function a wrapper that runs
    it to completion with :func:`asyncio.run` (flaskish helper).

    The ``ensure_sync`` of hosts with no event loop of their own, such as
    :class:`~flaskish_context.ContextMiddleware`.
    """
    if not inspect.iscoroutinefunction(func):
        return func

    @wraps(func)
    def run(*args: Any, **kwargs: Any) -> Any:
        import asyncio  # loaded only for an async function

        return asyncio.run(func(*args, **kwargs))

    return run


__all__ = ["run_sync"]
