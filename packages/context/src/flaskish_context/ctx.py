"""The application context and the request context."""

from __future__ import annotations

import sys
from contextvars import Token
from functools import cached_property
from typing import Any
from typing import Self
from typing import TYPE_CHECKING

from werkzeug.exceptions import HTTPException
from werkzeug.routing import MapAdapter
from werkzeug.wrappers import Request as _WerkzeugRequest

from .g import _app_name
from .g import _AppCtxGlobals
from .globals import _cv_app
from .globals import _cv_request

if TYPE_CHECKING:
    from .protocol import ContextApp

__all__ = ["AppContext", "RequestContext", "_AppCtxGlobals"]

# Default of ``pop(exc)``: take the exception being handled, if any.
_sentinel: Any = object()


def _mismatch(kind: str, current: object, popped: object) -> AssertionError:
    """The error for popping a context that is not the current one."""
    return AssertionError(
        f"Popped wrong {kind} context. ({current!r} instead of {popped!r})"
    )


class _Pushable:
    """``with ctx:`` pushes ``ctx`` and pops it with the exception, if any."""

    def push(self) -> None:
        raise NotImplementedError

    def pop(self, exc: BaseException | None = _sentinel) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        self.push()
        return self

    def __exit__(self, *exc_info: Any) -> None:
        # exc_info is (type, value, traceback); teardown gets the value.
        self.pop(exc_info[1])


class AppContext(_Pushable):
    """Makes ``app`` the current application while pushed.

    Holds the ``g`` namespace and, computed on first use, a URL adapter bound
    to the application's configuration. One object may be pushed several
    times; teardown runs when the last of those pushes is popped.
    """

    def __init__(self, app: ContextApp) -> None:
        # Typed Any: the concrete application class lives in a higher layer.
        self.app: Any = app
        self.g: _AppCtxGlobals = app.app_ctx_globals_class()
        self._cv_tokens: list[Token[AppContext]] = []

    @cached_property
    def url_adapter(self) -> MapAdapter | None:
        """URL adapter built by ``app.create_url_adapter(None)`` when first read."""
        adapter: MapAdapter | None = self.app.create_url_adapter(None)
        return adapter

    def push(self) -> None:
        """Make this context the current application context."""
        self._cv_tokens.append(_cv_app.set(self))
        self.app.notify_app_context_pushed()

    def pop(self, exc: BaseException | None = _sentinel) -> None:
        """Undo the matching :meth:`push`, running teardown on the last one.

        ``exc`` is given to the teardown functions; by default it is the
        exception currently being handled, or ``None``.
        """
        if exc is _sentinel:
            exc = sys.exc_info()[1]
        try:
            if self.is_last_push():
                self.app.do_teardown_appcontext(exc)
        finally:
            self.unset()

    def is_last_push(self) -> bool:
        """Whether popping now ends the last push, so teardown is due
        (flaskish seam: an asynchronous pop runs teardown its own way, then
        calls :meth:`unset`)."""
        return len(self._cv_tokens) == 1

    def unset(self) -> None:
        """The part of :meth:`pop` after teardown (flaskish seam): restore
        the context variable and tell the application."""
        current = _cv_app.get(None)
        _cv_app.reset(self._cv_tokens.pop())
        if current is not self:
            raise _mismatch("app", current, self)
        self.app.notify_app_context_popped()


_BASE_CLOSE = _WerkzeugRequest.close


def _close_request(request: Any) -> None:
    # werkzeug's close() only closes uploaded files, which exist once the
    # form was parsed; skip the call (run for every request) when it would
    # do nothing. Requests with their own close() (class or instance) get it.
    own = request.__dict__
    if "files" in own or "close" in own or type(request).close is not _BASE_CLOSE:
        request.close()


class RequestContext(_Pushable):
    """Makes one request current while pushed.

    Built from a WSGI environ: ``app.make_request`` creates the request and
    ``app.create_url_adapter`` binds the URL map to it. Pushing it pushes an
    application context too when none of the same application is active, and
    matches the URL. The session is opened only when ``session`` is first read.
    """

    def __init__(
        self,
        app: ContextApp,
        environ: dict[str, Any],
        request: Any = None,
        session: Any = None,
    ) -> None:
        self.app: Any = app
        if request is None:
            request = app.make_request(environ)
        self.request: Any = request
        self.url_adapter: MapAdapter | None = None
        try:
            self.url_adapter = app.create_url_adapter(request)
        except HTTPException as e:
            request.routing_exception = e
        #: Flashed messages loaded from the session, cached for the request.
        self.flashes: list[tuple[str, str]] | None = None
        #: Functions registered with ``after_this_request``.
        self._after_request_functions: list[Any] = []
        #: The session once opened; ``None`` until then (flaskish name).
        self._opened_session: Any = session
        self._cv_tokens: list[tuple[Token[RequestContext], AppContext | None]] = []

    @property
    def session(self) -> Any:
        """The session of this request, opened by the application on first read.

        Reading it marks the session as accessed.
        """
        session = self._opened_session
        if session is None:
            session = self._session
        # try/except rather than contextlib.suppress: this runs on every read.
        try:  # noqa: SIM105
            session.accessed = True
        except AttributeError:  # a plain mapping used as the session
            pass
        return session

    @session.setter
    def session(self, value: Any) -> None:
        self._opened_session = value

    @property
    def _session(self) -> Any:
        # The attribute Flask keeps the session in, which some extensions and
        # tests read: opens the session without marking it accessed.
        session = self._opened_session
        if session is None:
            session = self._opened_session = self.app.open_request_session(self.request)
        return session

    @_session.setter
    def _session(self, value: Any) -> None:
        self._opened_session = value

    def copy(self) -> RequestContext:
        """Return a new context for the same request object and session
        (opened now, so that both contexts share it)."""
        req = self.request
        return type(self)(self.app, req.environ, req, self._session)

    def match_request(self) -> None:
        """Match the URL, setting ``url_rule`` and ``view_args`` on the request.

        A routing error (404, 405, redirect) is stored as
        ``request.routing_exception`` for the application to raise later.
        """
        try:
            rule, args = self.url_adapter.match(return_rule=True)  # type: ignore[union-attr]
        except HTTPException as e:
            self.request.routing_exception = e
        else:
            self.request.url_rule = rule
            self.request.view_args = args

    def push(self) -> None:
        """Make this the current request, with an application context for its app."""
        app_ctx: AppContext | None = _cv_app.get(None)
        if app_ctx is not None and app_ctx.app is self.app:
            app_ctx = None
        else:
            app_ctx = self.app.app_context()
            app_ctx.push()
        self._cv_tokens.append((_cv_request.set(self), app_ctx))
        if self.url_adapter is not None:
            self.match_request()

    def pop(self, exc: BaseException | None = _sentinel) -> None:
        """Undo the matching :meth:`push`.

        The last pop of this object runs the request teardown with ``exc``
        (by default the exception being handled) and closes the request. The
        context variables are restored even if teardown raises.
        """
        if exc is _sentinel:
            exc = sys.exc_info()[1]
        try:
            if self.is_last_push():
                self.app.do_teardown_request(exc)
        finally:
            own_app_ctx, replaced = self.unset()
            if own_app_ctx is not None:
                own_app_ctx.pop(exc)
        self.check_popped(replaced)

    def is_last_push(self) -> bool:
        """Whether popping now ends the last push, so teardown is due
        (flaskish seam, as :meth:`AppContext.is_last_push`)."""
        return len(self._cv_tokens) == 1

    def unset(self) -> tuple[AppContext | None, RequestContext | None]:
        """The part of :meth:`pop` after teardown (flaskish seam): close the
        request on the last pop and restore the context variable. Returns
        the application context the matching push made, for the caller to
        pop, and the request context that was current, for
        :meth:`check_popped`."""
        tokens = self._cv_tokens
        token, own_app_ctx = tokens[-1]
        replaced = _cv_request.get(None)
        try:
            if len(tokens) == 1:
                request = self.request
                _close_request(request)
                # Drop werkzeug's environ -> request link: no cycle for the GC.
                request.environ["werkzeug.request"] = None
        finally:
            tokens.pop()
            _cv_request.reset(token)
        return own_app_ctx, replaced

    def check_popped(self, replaced: RequestContext | None) -> None:
        """Raise if ``replaced`` (from :meth:`unset`) is not this context."""
        if replaced is not self:
            raise _mismatch("request", replaced, self)

    def __repr__(self) -> str:
        return (
            f"<{type(self).__name__} {self.request.url!r}"
            f" [{self.request.method}] of {_app_name(self.app)}>"
        )
