"""The steps of the request pipeline, shared by the router and the app.

Every step takes what it needs (the endpoint, the request's blueprint
names) as arguments, and reads the registries afresh on each call:
extensions may edit them at any time. Empty registries cost one check.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Coroutine
from collections.abc import Iterable
from collections.abc import Sequence
from functools import cached_property
from itertools import chain
from itertools import repeat
from typing import Any
from typing import TYPE_CHECKING

from werkzeug.exceptions import HTTPException

from . import async_bridge
from .calls import call_each
from .calls import run_sync
from .calls import SyncCaller
from .paths import blueprint_chain

if TYPE_CHECKING:
    from .calls import Caller
    from .scaffold import ErrorHandlerSpec
    from .scaffold import HookRegistry

_NO_FUNCS: tuple[Callable[..., Any], ...] = ()


class PipelineSteps:
    """Hook chains, error handler lookup and URL defaults over the registries.

    ``blueprints`` arguments are the request's blueprint names, innermost
    first, as :meth:`_blueprint_chain` gives them (a list works too).
    """

    if TYPE_CHECKING:
        error_handler_spec: ErrorHandlerSpec
        before_request_funcs: HookRegistry
        after_request_funcs: HookRegistry
        teardown_request_funcs: HookRegistry
        url_value_preprocessors: HookRegistry
        url_default_functions: HookRegistry

    def ensure_sync(self, func: Callable[..., Any]) -> Callable[..., Any]:
        """``func`` itself, or :meth:`async_to_sync` of it for an ``async def``
        function; used for every view, hook and handler."""
        if async_bridge.is_coroutine_function(func):
            return self.async_to_sync(func)
        return func

    def async_to_sync(
        self, func: Callable[..., Coroutine[Any, Any, Any]]
    ) -> Callable[..., Any]:
        """A plain function running the coroutine function ``func`` to
        completion on the thread's persistent event loop; override it to run
        async code another way."""
        return async_bridge.async_to_sync(func)

    # -- pipeline steps ---------------------------------------------------

    def _blueprint_chain(self, endpoint: str | None) -> tuple[str, ...]:
        """The blueprints of ``endpoint``, innermost first."""
        return blueprint_chain(endpoint)

    @staticmethod
    def _outer_to_inner(
        registry: HookRegistry, blueprints: Sequence[str]
    ) -> Iterable[Callable[..., Any]]:
        """Functions of the app, then of each blueprint from the outside in."""
        funcs = registry.get(None, _NO_FUNCS)
        if not blueprints:  # most requests: no iterator needed
            return funcs
        # map and repeat rather than a generator: no Python frame per name.
        lists = map(registry.get, reversed(blueprints), repeat(_NO_FUNCS))
        return chain(funcs, *lists)

    @staticmethod
    def _inner_to_outer(
        registry: HookRegistry, blueprints: Sequence[str]
    ) -> Iterable[Callable[..., Any]]:
        """Functions of each blueprint from the inside out, then of the app,
        each list latest registration first.
        """
        if not blueprints:
            return reversed(registry.get(None, _NO_FUNCS))
        # Each list is read when the chain reaches it, as a generator would.
        lists = map(registry.get, (*blueprints, None), repeat(_NO_FUNCS))
        return chain.from_iterable(map(reversed, lists))

    def _preprocess_url_values(
        self,
        endpoint: str | None,
        view_args: dict[str, Any] | None,
        blueprints: Sequence[str],
    ) -> None:
        """Let URL value preprocessors edit ``view_args`` before the view."""
        if self.url_value_preprocessors:
            for func in self._outer_to_inner(self.url_value_preprocessors, blueprints):
                func(endpoint, view_args)

    @cached_property
    def _sync_caller(self) -> SyncCaller:
        """The caller of the synchronous (WSGI) driver."""
        return SyncCaller(self)

    def _run_before_request(self, blueprints: Sequence[str]) -> Any:
        """Run ``before_request`` functions; return the first non-``None``
        value (the remaining functions are skipped), or ``None``.
        """
        if self.before_request_funcs:
            return run_sync(self._before_request_steps(blueprints, self._sync_caller))
        return None

    def _run_after_request(self, response: Any, blueprints: Sequence[str]) -> Any:
        """Pass ``response`` through the ``after_request`` functions."""
        if self.after_request_funcs:
            steps = self._after_request_steps(response, blueprints, self._sync_caller)
            return run_sync(steps)
        return response

    def _run_teardown_request(
        self, exc: BaseException | None, blueprints: Sequence[str]
    ) -> None:
        """Call every teardown function with ``exc``; re-raise the first error."""
        if self.teardown_request_funcs:
            steps = self._teardown_request_steps(exc, blueprints, self._sync_caller)
            run_sync(steps)

    # The steps above, with the call of each function left to ``call`` (see
    # flaskish_routing.calls): the one implementation under WSGI and ASGI.
    # A caller that never suspends gives plain functions to call at once
    # (``as_sync``), without a coroutine per function.

    async def _before_request_steps(
        self, blueprints: Sequence[str], call: Caller
    ) -> Any:
        as_sync = call.as_sync
        for func in self._outer_to_inner(self.before_request_funcs, blueprints):
            rv = await call(func) if as_sync is None else as_sync(func)()
            if rv is not None:
                return rv
        return None

    async def _after_request_steps(
        self, response: Any, blueprints: Sequence[str], call: Caller
    ) -> Any:
        as_sync = call.as_sync
        for func in self._inner_to_outer(self.after_request_funcs, blueprints):
            if as_sync is None:
                response = await call(func, response)
            else:
                response = as_sync(func)(response)
        return response

    async def _teardown_request_steps(
        self, exc: BaseException | None, blueprints: Sequence[str], call: Caller
    ) -> None:
        funcs = self._inner_to_outer(self.teardown_request_funcs, blueprints)
        await call_each(call, funcs, exc)

    def _find_error_handler(
        self, e: BaseException, blueprints: Sequence[str]
    ) -> Callable[..., Any] | None:
        """The handler for ``e``: by status code before the ``None`` code,
        blueprint (innermost first) before app, class before its bases.
        """
        spec = self.error_handler_spec
        if not spec:
            return None
        code = e.code if isinstance(e, HTTPException) else None
        mro = type(e).__mro__
        for key in (code, None) if code is not None else (None,):
            for name in (*blueprints, None):
                by_code = spec.get(name)
                handlers = by_code.get(key) if by_code is not None else None
                if not handlers:
                    continue
                for cls in mro:
                    handler = handlers.get(cls)
                    if handler is not None:
                        return handler
        return None

    def inject_url_defaults(self, endpoint: str, values: dict[str, Any]) -> None:
        """Let ``url_defaults`` functions of the app and of the endpoint's
        blueprints (outer first) fill in ``values`` for building a URL.
        """
        if self.url_default_functions:
            chain = self._blueprint_chain(endpoint)
            for func in self._outer_to_inner(self.url_default_functions, chain):
                func(endpoint, values)
