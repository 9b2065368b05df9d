"""The request pipeline: from a WSGI call to a finished response."""

from __future__ import annotations

import contextvars
import sys
import typing as t
from collections.abc import AsyncIterator
from collections.abc import Iterator

from flaskish_context import _cv_app
from flaskish_context import _cv_request
from flaskish_context import AppContext
from flaskish_routing import run_coroutine
from flaskish_routing.calls import call_each
from flaskish_routing.calls import run_steps
from flaskish_routing.calls import run_sync

from .request_context import RequestContext
from .signals import appcontext_popped
from .signals import appcontext_pushed
from .signals import appcontext_tearing_down
from .signals import request_finished
from .signals import request_started
from .signals import request_tearing_down
from .websocket import websocket_mismatch

if t.TYPE_CHECKING:
    import logging
    from collections.abc import Iterable

    from _typeshed.wsgi import StartResponse
    from _typeshed.wsgi import WSGIEnvironment
    from werkzeug.wrappers import Response as BaseResponse

    from flaskish_context import RequestContext as BaseRequestContext
    from flaskish_routing.calls import Caller
    from flaskish_routing.calls import SyncCaller
    from flaskish_routing.scaffold import HookRegistry

    from .wrappers import Request

_unset: t.Any = object()
_FINALIZING_FAILED = "Request finalizing failed with an error while handling an error"

#: The environ key through which the test client keeps contexts alive.
PRESERVE_CONTEXT_KEY = "werkzeug.debug.preserve_context"


def _blueprints_for(registry: HookRegistry) -> t.Sequence[str]:
    """The current request's blueprints, innermost first, or none when
    ``registry`` only holds the app's own functions: the chain would not
    change which of them run, and working it out is a third of the cost
    of a hook."""
    if len(registry) == 1 and None in registry:
        return ()
    return _cv_request.get().request.blueprints  # type: ignore[no-any-return]


class PipelineMixin:
    """``wsgi_app`` and the steps of a request, in Flask's order."""

    if t.TYPE_CHECKING:

        @property
        def logger(self) -> logging.Logger: ...

        view_functions: dict[str, t.Callable[..., t.Any]]
        url_value_preprocessors: dict[str | None, list[t.Callable[..., t.Any]]]
        before_request_funcs: dict[str | None, list[t.Callable[..., t.Any]]]
        after_request_funcs: dict[str | None, list[t.Callable[..., t.Any]]]
        teardown_request_funcs: dict[str | None, list[t.Callable[..., t.Any]]]
        teardown_appcontext_funcs: list[t.Callable[[BaseException | None], t.Any]]
        _got_first_request: bool
        response_class: type[BaseResponse]

        @property
        def _sync_caller(self) -> SyncCaller: ...

        def ensure_sync(
            self, func: t.Callable[..., t.Any]
        ) -> t.Callable[..., t.Any]: ...
        def make_response(self, rv: t.Any) -> BaseResponse: ...
        def handle_user_exception(self, e: Exception) -> t.Any: ...
        def handle_exception(self, e: Exception) -> BaseResponse: ...
        def should_ignore_error(self, error: BaseException | None) -> bool: ...
        def raise_routing_exception(self, request: Request) -> t.NoReturn: ...
        def _opens_session_eagerly(self) -> bool: ...
        def _save_request_session(
            self, ctx: BaseRequestContext, response: BaseResponse
        ) -> None: ...
        def _preprocess_url_values(
            self,
            endpoint: str | None,
            values: dict[str, t.Any] | None,
            blueprints: t.Sequence[str],
        ) -> None: ...
        async def _before_request_steps(
            self, blueprints: t.Sequence[str], call: Caller
        ) -> t.Any: ...
        async def _after_request_steps(
            self, response: t.Any, blueprints: t.Sequence[str], call: Caller
        ) -> t.Any: ...
        async def _teardown_request_steps(
            self, exc: BaseException | None, blueprints: t.Sequence[str], call: Caller
        ) -> None: ...
        async def _handle_exception_steps(
            self, e: Exception, call: Caller
        ) -> BaseResponse: ...
        async def _handle_user_exception_steps(
            self, e: Exception, call: Caller
        ) -> t.Any: ...

    # -- contexts -------------------------------------------------------

    def app_context(self) -> AppContext:
        """A new application context for this app (push it, or use ``with``)."""
        return AppContext(self)  # type: ignore[arg-type]

    def request_context(self, environ: WSGIEnvironment) -> RequestContext:
        """A new request context for the WSGI ``environ``."""
        return RequestContext(self, environ)  # type: ignore[arg-type]

    def make_request(self, environ: WSGIEnvironment) -> Request:
        """Build the request object of a request context (flaskish seam)."""
        request = self.request_class(environ)  # type: ignore[attr-defined]
        request.json_module = self.json  # type: ignore[attr-defined]
        return request  # type: ignore[no-any-return]

    def notify_app_context_pushed(self) -> None:
        """Send :data:`appcontext_pushed` (flaskish seam, called by the context)."""
        if appcontext_pushed.receivers:
            appcontext_pushed.send(self, _async_wrapper=self.ensure_sync)

    def notify_app_context_popped(self) -> None:
        """Send :data:`appcontext_popped` (flaskish seam, called by the context)."""
        if appcontext_popped.receivers:
            appcontext_popped.send(self, _async_wrapper=self.ensure_sync)

    # -- WSGI -------------------------------------------------------------

    def __call__(
        self, environ: WSGIEnvironment, start_response: StartResponse
    ) -> Iterable[bytes]:
        """The WSGI entry point: calls :meth:`wsgi_app`, which middleware can wrap."""
        return self.wsgi_app(environ, start_response)

    def wsgi_app(
        self, environ: WSGIEnvironment, start_response: StartResponse
    ) -> Iterable[bytes]:
        """Handle one WSGI request: push the request context, run the
        pipeline (or :meth:`handle_exception` when it raises), send the
        response, and pop the context with the error that ended it."""
        served: list[Iterable[bytes]] = []
        run_steps(
            self._wsgi_steps(self.request_context(environ), start_response, served)
        )
        return served[0]

    async def _wsgi_steps(
        self,
        ctx: RequestContext,
        start_response: StartResponse,
        served: list[Iterable[bytes]],
    ) -> None:
        # One coroutine for the whole WSGI request, run once; it appends the
        # body iterable to ``served`` rather than returning it (run_steps).
        ended_by: BaseException | None = None
        call = self._sync_caller
        try:
            response, ended_by = await self._request_steps(ctx, call)
            body = response.response
            # A list first, then hasattr: an ABC isinstance check costs more.
            if (
                type(body) is not list
                and hasattr(body, "__anext__")
                and not hasattr(body, "__iter__")
                and isinstance(body, AsyncIterator)
            ):
                response.response = _iterate_async(body)
            served.append(response(ctx.request.environ, start_response))
        except BaseException as e:
            ended_by = e
            raise
        finally:
            await self._end_request_steps(ctx, ended_by, call)

    #: The public steps this class defines differently from flaskish's
    #: mixins (set for each subclass as it is created).
    _step_overrides: frozenset[str] = frozenset()
    #: The public steps this app runs as its own methods: the class's
    #: overrides and the steps replaced on the instance (an extension's
    #: ``app.process_response = ...``). Kept current by ``__setattr__`` and
    #: ``__delattr__`` so a request tests one set instead of two lookups
    #: per step.
    _overridden_steps: frozenset[str] = frozenset()

    def __init_subclass__(cls, **kwargs: t.Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._step_overrides = frozenset(
            name
            for name in _PUBLIC_STEPS
            if getattr(getattr(cls, name, None), "__module__", None) not in _OWN_MODULES
        )
        cls._overridden_steps = cls._step_overrides

    def __setattr__(self, name: str, value: t.Any) -> None:
        super().__setattr__(name, value)
        if name in _STEP_NAMES:
            self._note_step_replacements()

    def __delattr__(self, name: str) -> None:
        super().__delattr__(name)
        if name in _STEP_NAMES:
            self._note_step_replacements()

    def _note_step_replacements(self) -> None:
        attributes = self.__dict__
        replaced = attributes.keys() & _STEP_NAMES
        attributes["_overridden_steps"] = type(self)._step_overrides | replaced

    # -- the steps, shared by WSGI and ASGI ----------------------------------
    #
    # Each public method below runs its ``_..._steps`` coroutine with the
    # synchronous caller. The steps call each other's public method instead
    # when a subclass or the instance replaced it (see _overridden_steps).

    async def _request_steps(
        self, ctx: RequestContext, call: Caller
    ) -> tuple[BaseResponse, BaseException | None]:
        """Push ``ctx`` and run the pipeline, or :meth:`handle_exception`
        when it raises; the response and the exception that ended it."""
        try:
            ctx.push()
            if "full_dispatch_request" not in self._overridden_steps:
                return await self._full_dispatch_steps(call), None
            return await call(self.full_dispatch_request), None
        except Exception:
            # Still inside the except block: the handler may log or
            # re-raise the active exception.
            ended_by = t.cast(Exception, sys.exc_info()[1])
            if "handle_exception" in self._overridden_steps:
                return await call(self.handle_exception, ended_by), ended_by
            return await self._handle_exception_steps(ended_by, call), ended_by

    async def _end_request_steps(
        self, ctx: RequestContext, ended_by: BaseException | None, call: Caller
    ) -> None:
        """Pop ``ctx`` with the error that ended the request: teardown
        functions through ``call``, then the context variables."""
        preserve = ctx.request.environ.get(PRESERVE_CONTEXT_KEY)
        if preserve is not None:
            # The test client pushes these again once the request is over.
            preserve(_cv_app.get())
            preserve(_cv_request.get())
        if ended_by is not None and self.should_ignore_error(ended_by):
            ended_by = None
        overridden = self._overridden_steps
        try:
            if ctx.is_last_push():
                if "do_teardown_request" in overridden:
                    await call(self.do_teardown_request, ended_by)
                elif self.teardown_request_funcs or request_tearing_down.receivers:
                    await self._teardown_request_steps_of_app(ended_by, call)
        finally:
            own_app_ctx, replaced = ctx.unset()
            if own_app_ctx is not None:
                if (
                    self.teardown_appcontext_funcs
                    or appcontext_tearing_down.receivers
                    or "do_teardown_appcontext" in overridden
                ):
                    await self._pop_app_context_steps(own_app_ctx, ended_by, call)
                else:
                    own_app_ctx.unset()
        ctx.check_popped(replaced)

    async def _pop_app_context_steps(
        self, app_ctx: AppContext, exc: BaseException | None, call: Caller
    ) -> None:
        try:
            if app_ctx.is_last_push():
                if "do_teardown_appcontext" in self._overridden_steps:
                    await call(self.do_teardown_appcontext, exc)
                elif (
                    self.teardown_appcontext_funcs or appcontext_tearing_down.receivers
                ):
                    await self._teardown_appcontext_steps(exc, call)
        finally:
            app_ctx.unset()

    def full_dispatch_request(self) -> BaseResponse:
        """Run the pipeline of the current request: :data:`request_started`,
        :meth:`preprocess_request`, the view (unless a ``before_request``
        function answered), error handlers, :meth:`finalize_request`."""
        return run_sync(self._full_dispatch_steps(self._sync_caller))

    async def _full_dispatch_steps(self, call: Caller) -> BaseResponse:
        if not self._got_first_request:
            # Checked first: writing an app attribute runs __setattr__.
            self._got_first_request = True
        overridden = self._overridden_steps
        try:
            if request_started.receivers:
                await call.send(request_started, self)
            if "preprocess_request" in overridden:
                early = await call(self.preprocess_request)
            elif self.url_value_preprocessors or self.before_request_funcs:
                early = await self._preprocess_steps(call)
            else:
                early = None
            if early is not None:
                rv = early
            elif "dispatch_request" in overridden:
                rv = await call(self.dispatch_request)
            elif call is self._sync_caller:
                rv = self._dispatch(call)
            else:
                rv = await self._dispatch(call)
        except Exception as e:
            if "handle_user_exception" in overridden:
                rv = await call(self.handle_user_exception, e)
            else:
                rv = await self._handle_user_exception_steps(e, call)
        if "finalize_request" in overridden:
            return await call(self.finalize_request, rv)  # type: ignore[no-any-return]
        return await self._finalize_steps(rv, call, False)

    async def _finalize(
        self, rv: t.Any, call: Caller, from_error_handler: bool = False
    ) -> BaseResponse:
        if "finalize_request" not in self._overridden_steps:
            return await self._finalize_steps(rv, call, from_error_handler)
        if from_error_handler:
            return await call(self.finalize_request, rv, from_error_handler=True)  # type: ignore[no-any-return]
        return await call(self.finalize_request, rv)  # type: ignore[no-any-return]

    def preprocess_request(self) -> t.Any:
        """Run the URL value preprocessors, then the ``before_request``
        functions of the app and the request's blueprints (outermost first).
        The first value other than ``None`` a function returns is returned
        and ends the chain; the view is then not called."""
        return run_sync(self._preprocess_steps(self._sync_caller))

    async def _preprocess_steps(self, call: Caller) -> t.Any:
        # The steps check for empty registries themselves; checking here too
        # also skips looking up the request and working out the blueprint
        # chain (about 2 us per request across the pipeline's three guards).
        if self.url_value_preprocessors:
            request = _cv_request.get().request
            # Called as they are, as Flask does: URL value preprocessors
            # are plain functions that edit a dict.
            self._preprocess_url_values(
                request.endpoint, request.view_args, request.blueprints
            )
        if self.before_request_funcs:
            blueprints = _blueprints_for(self.before_request_funcs)
            return await self._before_request_steps(blueprints, call)
        return None

    def dispatch_request(self) -> t.Any:
        """Call the view of the matched rule with the URL's arguments (or
        answer ``OPTIONS`` automatically); raises the routing exception when
        the URL did not match. Returns the view's return value."""
        return self._dispatch(self._sync_caller)

    def _dispatch(self, call: Caller) -> t.Any:
        # A plain function, not a step coroutine: with the synchronous caller
        # it returns the view's value itself, with any other an awaitable
        # of it (a coroutine per request saved on the common path).
        request = _cv_request.get().request
        if request.routing_exception is not None:
            self.raise_routing_exception(request)
        rule = request.url_rule
        if rule.websocket:
            # Matched only by an upgrade request, which WSGI cannot serve.
            raise websocket_mismatch(request)
        if request.method == "OPTIONS" and getattr(
            rule, "provide_automatic_options", False
        ):
            response = self.make_default_options_response()
            return response if call is self._sync_caller else _resolved(response)
        view = self.view_functions[rule.endpoint]
        if call is self._sync_caller:
            # What the synchronous caller would do (its as_sync is this
            # ensure_sync), without its coroutine.
            return self.ensure_sync(view)(**request.view_args)
        return call(view, **request.view_args)

    def make_default_options_response(self) -> BaseResponse:
        """The automatic ``OPTIONS`` response: empty, with an ``Allow`` header
        listing the methods the URL accepts."""
        adapter = _cv_request.get().url_adapter
        assert adapter is not None
        response = self.response_class()
        response.allow.update(adapter.allowed_methods())
        return response

    def finalize_request(
        self, rv: t.Any, from_error_handler: bool = False
    ) -> BaseResponse:
        """Convert ``rv`` with :meth:`make_response`, run
        :meth:`process_response` and send :data:`request_finished`.

        For an error handler's response, a failure here is logged and the
        response returned as it is.
        """
        steps = self._finalize_steps(rv, self._sync_caller, from_error_handler)
        return run_sync(steps)

    async def _finalize_steps(
        self, rv: t.Any, call: Caller, from_error_handler: bool
    ) -> BaseResponse:
        response = self.make_response(rv)
        try:
            if "process_response" in self._overridden_steps:
                response = await call(self.process_response, response)
            else:
                response = await self._process_response_steps(response, call)
            if request_finished.receivers:
                await call.send(request_finished, self, response=response)
        except Exception:
            if from_error_handler:
                self.logger.exception(_FINALIZING_FAILED)
            else:
                raise
        return response

    def process_response(self, response: BaseResponse) -> BaseResponse:
        """Run the ``after_this_request`` functions, then the ``after_request``
        functions (innermost blueprint first, each registry in reverse), then
        save the session. Each function may replace the response."""
        return run_sync(self._process_response_steps(response, self._sync_caller))

    async def _process_response_steps(
        self, response: BaseResponse, call: Caller
    ) -> BaseResponse:
        ctx = _cv_request.get()
        for func in ctx._after_request_functions:
            response = await call(func, response)
        if self.after_request_funcs:
            blueprints = _blueprints_for(self.after_request_funcs)
            response = await self._after_request_steps(response, blueprints, call)
        if self._opens_session_eagerly():
            # A custom interface may do I/O: it is called like user code.
            await call(self._save_request_session, ctx, response)
        else:
            self._save_request_session(ctx, response)
        return response

    # -- teardown ---------------------------------------------------------

    def do_teardown_request(self, exc: BaseException | None = _unset) -> None:
        """Run the ``teardown_request`` functions (innermost blueprint
        first, each registry in reverse) and send
        :data:`request_tearing_down`. Called when the request context pops;
        ``exc`` is the error that ended the request. Every function runs;
        the first error one raised is re-raised after the signal."""
        if exc is _unset:
            exc = sys.exc_info()[1]
        run_sync(self._teardown_request_steps_of_app(exc, self._sync_caller))

    async def _teardown_request_steps_of_app(
        self, exc: BaseException | None, call: Caller
    ) -> None:
        try:
            if self.teardown_request_funcs:
                blueprints = _blueprints_for(self.teardown_request_funcs)
                await self._teardown_request_steps(exc, blueprints, call)
        finally:
            if request_tearing_down.receivers:
                await call.send(request_tearing_down, self, exc=exc)

    def do_teardown_appcontext(self, exc: BaseException | None = _unset) -> None:
        """Run the ``teardown_appcontext`` functions in reverse order and
        send :data:`appcontext_tearing_down`, when the app context pops."""
        if exc is _unset:
            exc = sys.exc_info()[1]
        run_sync(self._teardown_appcontext_steps(exc, self._sync_caller))

    async def _teardown_appcontext_steps(
        self, exc: BaseException | None, call: Caller
    ) -> None:
        try:
            funcs = self.teardown_appcontext_funcs
            if funcs:
                await call_each(call, list(reversed(funcs)), exc)
        finally:
            if appcontext_tearing_down.receivers:
                await call.send(appcontext_tearing_down, self, exc=exc)


async def _resolved(value: t.Any) -> t.Any:
    return value


async def _next_of(body: AsyncIterator[t.Any]) -> t.Any:
    return await anext(body)


def _iterate_async(body: AsyncIterator[t.Any]) -> Iterator[t.Any]:
    """An ``async def`` generator body as WSGI servers iterate it: each item
    awaited on the thread's event loop, as ``async def`` views are. Every
    step runs in one context (a task per step would copy it each time), so
    ``stream_with_context`` can push contexts in one and pop them later."""
    from .asgi_driver import ContextDriver

    driver = ContextDriver(contextvars.copy_context())
    try:
        while True:
            try:
                yield run_coroutine(driver.run(_next_of(body)))
            except StopAsyncIteration:
                return
    finally:
        aclose = getattr(body, "aclose", None)
        if aclose is not None:
            run_coroutine(driver.run(aclose()))


_PUBLIC_STEPS = (
    "full_dispatch_request",
    "preprocess_request",
    "dispatch_request",
    "finalize_request",
    "process_response",
    "handle_user_exception",
    "handle_http_exception",
    "handle_exception",
    "do_teardown_request",
    "do_teardown_appcontext",
)
_STEP_NAMES = frozenset(_PUBLIC_STEPS)
_OWN_MODULES = frozenset({__name__, "flaskish_core.errors"})


__all__ = ["PRESERVE_CONTEXT_KEY", "PipelineMixin"]
