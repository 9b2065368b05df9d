"""Functions that inspect or carry the current contexts."""

from __future__ import annotations

from collections.abc import AsyncIterable
from collections.abc import AsyncIterator
from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Iterator
from contextlib import ExitStack
from functools import wraps
from typing import Any
from typing import overload
from typing import TypeVar

from .ctx import AppContext
from .ctx import RequestContext
from .globals import _cv_app
from .globals import _cv_request

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")


def has_app_context() -> bool:
    """Tell whether an application context is active."""
    return _cv_app.get(None) is not None


def has_request_context() -> bool:
    """Tell whether a request context is active."""
    return _cv_request.get(None) is not None


def _require_request(what: str) -> RequestContext:
    ctx = _cv_request.get(None)
    if ctx is None:
        raise RuntimeError(
            f"'{what}' can only be used when a request context is active,"
            " such as in a view function."
        )
    return ctx


def after_this_request(f: F) -> F:
    """Run ``f(response)`` on the response of the current request.

    These functions run before the application's ``after_request`` functions
    and must return a response object.
    """
    _require_request("after_this_request")._after_request_functions.append(f)
    return f


def copy_current_request_context(f: F) -> F:
    """Bind ``f`` to a copy of the current request context.

    Calling the returned function pushes the copy around the call, so ``f``
    can use ``request`` and ``session`` from another thread or greenlet.
    """
    ctx = _require_request("copy_current_request_context").copy()

    @wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with ctx:
            return ctx.app.ensure_sync(f)(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


@overload
def stream_with_context(generator_or_function: Iterable[T]) -> Iterator[T]: ...


@overload
def stream_with_context(
    generator_or_function: AsyncIterable[T],
) -> AsyncIterator[T]: ...


@overload
def stream_with_context(
    generator_or_function: Callable[..., Iterable[T]],
) -> Callable[..., Iterator[T]]: ...


def stream_with_context(
    generator_or_function: Iterable[T] | AsyncIterable[T] | Callable[..., Iterable[T]],
) -> Iterator[T] | AsyncIterator[T] | Callable[..., Iterator[T]]:
    """Keep the current request context pushed while a generator runs.

    Wrap an iterable (usually a generator object), or decorate a generator
    function. Must be called while a request context is active; that context
    is pushed again when iteration starts and stays pushed until the iterable
    is exhausted or the returned iterator is closed (which closes the
    wrapped iterable too). An ``async def`` generator (or function) is
    wrapped the same way, as an async iterator.
    """
    if isinstance(generator_or_function, AsyncIterable):
        return _aiterate_in_context(
            generator_or_function,
            _require_request("stream_with_context"),
            _cv_app.get(),
        )
    if not isinstance(generator_or_function, Iterable):
        func = generator_or_function

        @wraps(func)
        def decorated(*args: Any, **kwargs: Any) -> Iterator[T]:
            return stream_with_context(func(*args, **kwargs))

        return decorated

    wrapped = _iterate_in_context(iter(generator_or_function))
    # Run up to the first ``yield``: this captures the contexts now, and
    # raises at once if there is no request.
    next(wrapped)
    return wrapped


async def _aiterate_in_context(
    it: AsyncIterable[T], req_ctx: RequestContext, app_ctx: AppContext
) -> AsyncIterator[T]:
    # As _iterate_in_context; the contexts were captured by the caller.
    with ExitStack() as stack:
        stack.enter_context(app_ctx)
        stack.enter_context(req_ctx)
        try:
            async for item in it:
                yield item
        finally:
            aclose = getattr(it, "aclose", None)
            if aclose is not None:
                await aclose()


def _iterate_in_context(it: Iterator[T]) -> Iterator[T]:
    req_ctx = _require_request("stream_with_context")
    app_ctx: AppContext = _cv_app.get()
    # The contexts are pushed only once iteration really starts, so their
    # variables are set in the context that consumes the iterator.
    yield None  # type: ignore[misc]
    # The app context first, so the request context does not make its own.
    with ExitStack() as stack:
        stack.enter_context(app_ctx)
        stack.enter_context(req_ctx)
        # Unwound first: a wrapped WSGI iterable is closed inside the contexts.
        if hasattr(it, "close"):
            stack.callback(it.close)
        yield from it
