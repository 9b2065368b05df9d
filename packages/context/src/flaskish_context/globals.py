"""Context variables and the proxies that read them."""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any
from typing import TYPE_CHECKING

from werkzeug.local import LocalProxy

if TYPE_CHECKING:
    from .ctx import _AppCtxGlobals
    from .ctx import AppContext
    from .ctx import RequestContext

NO_APP_MESSAGE = (
    "Working outside of application context.\n"
    "\n"
    "This typically means that you attempted to use functionality that needed\n"
    "the current application. To solve this, set up an application context\n"
    "with app.app_context(). See the documentation for more information."
)
NO_REQUEST_MESSAGE = (
    "Working outside of request context.\n"
    "\n"
    "This typically means that you attempted to use functionality that needed\n"
    "an active HTTP request. Consult the documentation on testing for\n"
    "information about how to avoid this problem."
)

NO_WEBSOCKET_MESSAGE = (
    "Working outside of websocket context.\n"
    "\n"
    "This typically means that you attempted to use the websocket proxy\n"
    "outside a WebSocket handler (or its before/after/teardown_websocket\n"
    "hooks), or in an HTTP request. WebSocket connections are served over\n"
    "ASGI (app.asgi_app)."
)

_cv_app: ContextVar[AppContext] = ContextVar("flaskish.app_ctx")
_cv_request: ContextVar[RequestContext] = ContextVar("flaskish.request_ctx")

# The proxies are typed as what they stand for. The application, request and
# session are Any: their concrete classes live in higher layers.
app_ctx: AppContext = LocalProxy(  # type: ignore[assignment]
    _cv_app, unbound_message=NO_APP_MESSAGE
)
current_app: Any = LocalProxy(_cv_app, "app", unbound_message=NO_APP_MESSAGE)


class _GlobalsProxy(LocalProxy[Any]):
    """The ``g`` proxy: werkzeug's proxy of the current app context's ``g``,
    with attribute reads and writes looking the context up directly instead
    of through the generic per-operation lookup (hooks and views touch
    ``g`` several times per request), and ``del`` and ``in`` skipping part
    of it. Every other operation is the generic proxy's; all
    behave as the generic proxy's do, outside an application context too.
    """

    __slots__ = ()

    def __getattr__(self, name: str) -> Any:
        try:
            ctx = _cv_app.get()
        except LookupError:
            raise RuntimeError(NO_APP_MESSAGE) from None
        return getattr(ctx.g, name)

    def __setattr__(self, name: str, value: Any) -> None:
        try:
            ctx = _cv_app.get()
        except LookupError:
            raise RuntimeError(NO_APP_MESSAGE) from None
        setattr(ctx.g, name, value)

    def __delattr__(self, name: str) -> None:
        delattr(self._get_current_object(), name)

    def __contains__(self, item: Any) -> bool:
        return item in self._get_current_object()


# Python's error messages and werkzeug's unbound repr name the proxy's
# class: the same name as every other proxy's.
_GlobalsProxy.__name__ = "LocalProxy"

g: _AppCtxGlobals = _GlobalsProxy(  # type: ignore[assignment]
    _cv_app, "g", unbound_message=NO_APP_MESSAGE
)
request_ctx: RequestContext = LocalProxy(  # type: ignore[assignment]
    _cv_request, unbound_message=NO_REQUEST_MESSAGE
)
request: Any = LocalProxy(_cv_request, "request", unbound_message=NO_REQUEST_MESSAGE)
session: Any = LocalProxy(_cv_request, "session", unbound_message=NO_REQUEST_MESSAGE)


def _current_websocket() -> Any:
    request_context = _cv_request.get(None)
    connection = None if request_context is None else request_context.websocket
    if connection is None:
        raise RuntimeError(NO_WEBSOCKET_MESSAGE)
    return connection


#: The WebSocket connection of the current handshake's context (its class,
#: core's ``Websocket``, lives in a higher layer).
websocket: Any = LocalProxy(_current_websocket)


def app_or_none() -> Any:
    """The current application, or ``None`` outside an application context.

    What the proxies do without the proxy: for code on the request path
    that runs several times per request (flaskish helper).
    """
    app_context = _cv_app.get(None)
    return None if app_context is None else app_context.app


def request_or_none() -> Any:
    """The current request, or ``None`` outside a request context (flaskish
    helper, the request counterpart of :func:`app_or_none`)."""
    request_context = _cv_request.get(None)
    return None if request_context is None else request_context.request


def get_app() -> Any:
    """The current application; outside an application context, the
    ``RuntimeError`` the ``current_app`` proxy raises (flaskish helper)."""
    app_context = _cv_app.get(None)
    if app_context is None:
        raise RuntimeError(NO_APP_MESSAGE)
    return app_context.app
