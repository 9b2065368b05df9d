"""Context variables and the proxies that read them."""

from __future__ import annotations

from contextvars import ContextVar
from functools import partial
from operator import attrgetter
from operator import delitem
from operator import getitem
from operator import setitem
from typing import Any
from typing import TYPE_CHECKING

from werkzeug.local import LocalProxy

if TYPE_CHECKING:
    from collections.abc import Callable

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


def _direct_proxy(var: ContextVar[Any], attribute: str, message: str) -> Any:
    """werkzeug's ``LocalProxy(var, attribute, unbound_message=message)``,
    whose attribute reads and writes and item access look the context up
    directly, and whose ``del`` and ``in`` skip werkzeug's generic
    per-operation lookup.

    Views and hooks touch ``request``, ``session``, ``g`` and
    ``current_app`` many times per request; the generic lookup is three
    Python calls per touch. Every operation behaves as through the generic
    proxy, outside a context too; the proxy is still a ``LocalProxy``.
    """
    read = attrgetter(attribute)

    class DirectOperation:
        """An operator method of the proxy (``proxy[key]``...): ``operation``
        bound to the current object, found with one lookup of the context.
        A descriptor, as werkzeug's are, so that Python's search for an
        iteration method fails the same way outside a context."""

        __slots__ = ("operation",)

        def __init__(self, operation: Callable[..., Any]) -> None:
            self.operation = operation

        def __get__(self, proxy: Any, owner: type[Any] | None = None) -> Any:
            if proxy is None:
                return self
            try:
                context = var.get()
            except LookupError:
                raise RuntimeError(message) from None
            return partial(self.operation, read(context))

    class DirectProxy(LocalProxy[Any]):
        __slots__ = ()

        __getitem__ = DirectOperation(getitem)
        __setitem__ = DirectOperation(setitem)
        __delitem__ = DirectOperation(delitem)

        def __getattr__(self, name: str) -> Any:
            try:
                context = var.get()
            except LookupError:
                raise RuntimeError(message) from None
            return getattr(read(context), name)

        def __setattr__(self, name: str, value: Any) -> None:
            try:
                context = var.get()
            except LookupError:
                raise RuntimeError(message) from None
            setattr(read(context), name, value)

        def __delattr__(self, name: str) -> None:
            delattr(self._get_current_object(), name)

        def __contains__(self, item: Any) -> bool:
            return item in self._get_current_object()

    # Python's error messages and werkzeug's unbound repr name the proxy's
    # class: the same name as every other proxy's.
    DirectProxy.__name__ = DirectProxy.__qualname__ = "LocalProxy"
    return DirectProxy(var, attribute, unbound_message=message)


current_app: Any = _direct_proxy(_cv_app, "app", NO_APP_MESSAGE)
g: _AppCtxGlobals = _direct_proxy(_cv_app, "g", NO_APP_MESSAGE)
request_ctx: RequestContext = LocalProxy(  # type: ignore[assignment]
    _cv_request, unbound_message=NO_REQUEST_MESSAGE
)
request: Any = _direct_proxy(_cv_request, "request", NO_REQUEST_MESSAGE)
session: Any = _direct_proxy(_cv_request, "session", NO_REQUEST_MESSAGE)


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
