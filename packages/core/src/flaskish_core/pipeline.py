"""The request pipeline: from a WSGI call to a finished response."""

from __future__ import annotations

import sys
import typing as t

from flaskish_context import _cv_app
from flaskish_context import _cv_request
from flaskish_context import AppContext
from flaskish_routing import call_all

from .request_context import RequestContext
from .signals import appcontext_popped
from .signals import appcontext_pushed
from .signals import appcontext_tearing_down
from .signals import request_finished
from .signals import request_started
from .signals import request_tearing_down

if t.TYPE_CHECKING:
    import logging
    from collections.abc import Iterable

    from _typeshed.wsgi import StartResponse
    from _typeshed.wsgi import WSGIEnvironment
    from werkzeug.wrappers import Response as BaseResponse

    from flaskish_context import RequestContext as BaseRequestContext
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

        def ensure_sync(
            self, func: t.Callable[..., t.Any]
        ) -> t.Callable[..., t.Any]: ...
        def make_response(self, rv: t.Any) -> BaseResponse: ...
        def handle_user_exception(self, e: Exception) -> t.Any: ...
        def handle_exception(self, e: Exception) -> BaseResponse: ...
        def should_ignore_error(self, error: BaseException | None) -> bool: ...
        def raise_routing_exception(self, request: Request) -> t.NoReturn: ...
        def _save_request_session(
            self, ctx: BaseRequestContext, response: BaseResponse
        ) -> None: ...
        def _preprocess_url_values(
            self,
            endpoint: str | None,
            values: dict[str, t.Any] | None,
            blueprints: t.Sequence[str],
        ) -> None: ...
        def _run_before_request(self, blueprints: t.Sequence[str]) -> t.Any: ...
        def _run_after_request(
            self, response: BaseResponse, blueprints: t.Sequence[str]
        ) -> BaseResponse: ...
        def _run_teardown_request(
            self, exc: BaseException | None, blueprints: t.Sequence[str]
        ) -> None: ...

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
        ended_by: BaseException | None = None
        ctx = self.request_context(environ)
        try:
            try:
                ctx.push()
                response = self.full_dispatch_request()
            except Exception:
                # Still inside the except block: the handler may log or
                # re-raise the active exception.
                ended_by = sys.exc_info()[1]
                response = self.handle_exception(t.cast(Exception, ended_by))
            return response(environ, start_response)
        except BaseException as e:
            ended_by = e
            raise
        finally:
            preserve = environ.get(PRESERVE_CONTEXT_KEY)
            if preserve is not None:
                preserve(_cv_app.get())
                preserve(_cv_request.get())
            if ended_by is not None and self.should_ignore_error(ended_by):
                ended_by = None
            ctx.pop(ended_by)

    def full_dispatch_request(self) -> BaseResponse:
        """Run the pipeline of the current request: :data:`request_started`,
        :meth:`preprocess_request`, the view (unless a ``before_request``
        function answered), error handlers, :meth:`finalize_request`."""
        self._got_first_request = True
        try:
            if request_started.receivers:
                request_started.send(self, _async_wrapper=self.ensure_sync)
            early = self.preprocess_request()
            rv = self.dispatch_request() if early is None else early
        except Exception as e:
            rv = self.handle_user_exception(e)
        return self.finalize_request(rv)

    def preprocess_request(self) -> t.Any:
        """Run the URL value preprocessors, then the ``before_request``
        functions of the app and the request's blueprints (outermost first).
        The first value other than ``None`` a function returns is returned
        and ends the chain; the view is then not called."""
        # The steps check for empty registries themselves; checking here too
        # also skips looking up the request and working out the blueprint
        # chain (about 2 us per request across the pipeline's three guards).
        if self.url_value_preprocessors:
            request = _cv_request.get().request
            self._preprocess_url_values(
                request.endpoint, request.view_args, request.blueprints
            )
        if self.before_request_funcs:
            return self._run_before_request(_blueprints_for(self.before_request_funcs))
        return None

    def dispatch_request(self) -> t.Any:
        """Call the view of the matched rule with the URL's arguments (or
        answer ``OPTIONS`` automatically); raises the routing exception when
        the URL did not match. Returns the view's return value."""
        request = _cv_request.get().request
        if request.routing_exception is not None:
            self.raise_routing_exception(request)
        rule = request.url_rule
        if request.method == "OPTIONS" and getattr(
            rule, "provide_automatic_options", False
        ):
            return self.make_default_options_response()
        view = self.view_functions[rule.endpoint]
        return self.ensure_sync(view)(**request.view_args)

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
        response = self.make_response(rv)
        try:
            response = self.process_response(response)
            if request_finished.receivers:
                request_finished.send(
                    self, _async_wrapper=self.ensure_sync, response=response
                )
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
        ctx = _cv_request.get()
        for func in ctx._after_request_functions:
            response = self.ensure_sync(func)(response)
        if self.after_request_funcs:
            blueprints = _blueprints_for(self.after_request_funcs)
            response = self._run_after_request(response, blueprints)
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
        try:
            if self.teardown_request_funcs:
                blueprints = _blueprints_for(self.teardown_request_funcs)
                self._run_teardown_request(exc, blueprints)
        finally:
            if request_tearing_down.receivers:
                request_tearing_down.send(
                    self, _async_wrapper=self.ensure_sync, exc=exc
                )

    def do_teardown_appcontext(self, exc: BaseException | None = _unset) -> None:
        """Run the ``teardown_appcontext`` functions in reverse order and
        send :data:`appcontext_tearing_down`, when the app context pops."""
        if exc is _unset:
            exc = sys.exc_info()[1]
        try:
            funcs = self.teardown_appcontext_funcs
            if funcs:
                call_all([self.ensure_sync(f) for f in reversed(funcs)], exc)
        finally:
            if appcontext_tearing_down.receivers:
                appcontext_tearing_down.send(
                    self, _async_wrapper=self.ensure_sync, exc=exc
                )


__all__ = ["PRESERVE_CONTEXT_KEY", "PipelineMixin"]
