"""How the application turns exceptions into responses."""

from __future__ import annotations

import sys
import typing as t

from werkzeug.exceptions import BadRequest
from werkzeug.exceptions import BadRequestKeyError
from werkzeug.exceptions import HTTPException
from werkzeug.exceptions import InternalServerError
from werkzeug.routing import RequestRedirect
from werkzeug.routing import RoutingException
from werkzeug.routing import WebsocketMismatch

from flaskish_context import request_or_none
from flaskish_routing.calls import run_sync
from flaskish_routing.pipeline import PipelineSteps

from .signals import got_request_exception
from .websocket import websocket_mismatch

if t.TYPE_CHECKING:
    from types import TracebackType

    from werkzeug.wrappers import Response as BaseResponse

    from flaskish_routing.calls import Caller
    from flaskish_routing.calls import SyncCaller
    from flaskish_routing.scaffold import ErrorHandlerSpec

    from .wrappers import Request

_FIND_ERROR_HANDLER: object = PipelineSteps._find_error_handler

ExcInfo = (
    tuple[type[BaseException], BaseException, "TracebackType"] | tuple[None, None, None]
)


def _request_blueprints() -> tuple[str, ...] | list[str]:
    request = request_or_none()
    return () if request is None else request.blueprints


class ErrorHandlingMixin:
    """``handle_exception`` and the other error-handling methods of the app."""

    if t.TYPE_CHECKING:
        config: dict[str, t.Any]
        error_handler_spec: ErrorHandlerSpec

        @property
        def debug(self) -> bool: ...
        @property
        def testing(self) -> bool: ...

        def _find_error_handler(
            self, e: BaseException, blueprints: t.Sequence[str]
        ) -> t.Callable[..., t.Any] | None: ...
        @property
        def _sync_caller(self) -> SyncCaller: ...

        _overridden_steps: frozenset[str]

        def log_exception(self, exc_info: ExcInfo) -> None: ...
        async def _finalize(
            self, rv: t.Any, call: Caller, from_error_handler: bool = False
        ) -> BaseResponse: ...

    def _request_error_handler(self, e: BaseException) -> t.Callable[..., t.Any] | None:
        """The handler :meth:`_find_error_handler` gives for ``e`` and the
        current request's blueprints; ``None`` straight away when no handler
        is registered at all, without working out the blueprints (which
        costs more than the lookup)."""
        if (
            not self.error_handler_spec
            and type(self)._find_error_handler is _FIND_ERROR_HANDLER
        ):
            return None
        return self._find_error_handler(e, _request_blueprints())

    def trap_http_exception(self, e: Exception) -> bool:
        """Whether ``e`` (an HTTP exception) bypasses the error handlers and
        propagates like any other error.

        ``TRAP_HTTP_EXCEPTIONS`` traps all of them. ``TRAP_BAD_REQUEST_ERRORS``
        traps bad request errors; when it is ``None`` (the default) only the
        key errors of request data are trapped, and only in debug mode.
        """
        config = self.config
        if config["TRAP_HTTP_EXCEPTIONS"]:
            return True
        trap_bad_request = config["TRAP_BAD_REQUEST_ERRORS"]
        if trap_bad_request is None:
            return isinstance(e, BadRequestKeyError) and self.debug
        return bool(trap_bad_request) and isinstance(e, BadRequest)

    def should_ignore_error(self, error: BaseException | None) -> bool:
        """Whether teardown should see ``error`` as ``None``; never, by default."""
        return False

    def handle_http_exception(self, e: HTTPException) -> t.Any:
        """The registered handler's return value for ``e``, or ``e`` itself
        (a valid response) when there is none. Routing redirects and
        exceptions without a code are returned as they are."""
        return run_sync(self._handle_http_exception_steps(e, self._sync_caller))

    async def _handle_http_exception_steps(
        self, e: HTTPException, call: Caller
    ) -> t.Any:
        handler = self._http_exception_handler(e)
        if handler is None:
            return e
        return await call(handler, e)

    def _http_exception_handler(
        self, e: HTTPException
    ) -> t.Callable[..., t.Any] | None:
        """The handler :meth:`handle_http_exception` calls with ``e``;
        ``None`` when ``e`` is the answer itself."""
        if e.code is None or isinstance(e, RoutingException):
            return None
        return self._request_error_handler(e)

    def handle_user_exception(self, e: Exception) -> t.Any:
        """Handle an exception raised by a view or a ``before_request``
        function with its registered handler; HTTP exceptions that are not
        trapped go to :meth:`handle_http_exception`. Without a handler the
        exception is re-raised."""
        return run_sync(self._handle_user_exception_steps(e, self._sync_caller))

    async def _handle_user_exception_steps(self, e: Exception, call: Caller) -> t.Any:
        if isinstance(e, HTTPException):
            # Key errors of request data name the missing key when debugging
            # or when bad requests are trapped.
            if isinstance(e, BadRequestKeyError) and (
                self.debug or self.config["TRAP_BAD_REQUEST_ERRORS"]
            ):
                e.show_exception = True
            if not self.trap_http_exception(e):
                if "handle_http_exception" in self._overridden_steps:
                    return await call(self.handle_http_exception, e)
                # handle_http_exception's steps, without a coroutine of their own.
                handler = self._http_exception_handler(e)
                return e if handler is None else await call(handler, e)
        handler = self._request_error_handler(e)
        if handler is None:
            raise e
        return await call(handler, e)

    def handle_exception(self, e: Exception) -> BaseResponse:
        """Turn an unhandled exception into a 500 response.

        :data:`got_request_exception` is sent first. With
        ``PROPAGATE_EXCEPTIONS`` (by default: in testing or debug mode) the
        exception is re-raised instead. Otherwise it is logged and an
        ``InternalServerError`` whose ``original_exception`` is ``e`` goes to
        the 500 handler, if one is registered, and is finalized as usual.
        """
        return run_sync(self._handle_exception_steps(e, self._sync_caller))

    async def _handle_exception_steps(self, e: Exception, call: Caller) -> BaseResponse:
        exc_info = sys.exc_info()
        if got_request_exception.receivers:
            await call.send(got_request_exception, self, exception=e)
        if self._propagates_exceptions():
            if exc_info[1] is not e:
                raise e
            raise

        self.log_exception(exc_info)
        wrapped = InternalServerError(original_exception=e)
        handler = self._request_error_handler(wrapped)
        outcome: t.Any = wrapped if handler is None else await call(handler, wrapped)
        return await self._finalize(outcome, call, from_error_handler=True)

    def _propagates_exceptions(self) -> bool:
        """``PROPAGATE_EXCEPTIONS``; when unset, on in testing or debug mode."""
        configured = self.config["PROPAGATE_EXCEPTIONS"]
        if configured is None:
            return self.testing or self.debug
        return bool(configured)

    def raise_routing_exception(self, request: Request) -> t.NoReturn:
        """Raise the exception URL matching stored on ``request``.

        In debug mode a redirect that would drop a form body (anything but
        307/308, for a non-GET/HEAD/OPTIONS request) raises an explanatory
        error instead.
        """
        exc = request.routing_exception
        assert exc is not None
        if isinstance(exc, WebsocketMismatch):
            raise websocket_mismatch(request) from None
        if (
            not isinstance(exc, RequestRedirect)
            or not self.debug
            or exc.code in {307, 308}
            or request.method in {"GET", "HEAD", "OPTIONS"}
        ):
            raise exc
        from .debughelpers import FormDataRoutingRedirect

        raise FormDataRoutingRedirect(request)


__all__ = ["ErrorHandlingMixin"]
