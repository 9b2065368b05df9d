"""Opening the session lazily and saving it with the response."""

from __future__ import annotations

import typing as t

from flaskish_sessions import SecureCookieSessionInterface
from flaskish_sessions import SessionInterface
from flaskish_sessions.interface import open_session_or_null

if t.TYPE_CHECKING:
    from werkzeug.wrappers import Response as BaseResponse

    from flaskish_context import RequestContext
    from flaskish_sessions import SessionMixin

    from .wrappers import Request


class SessionSupportMixin:
    """The application's side of sessions.

    The session of a request is opened on first use (``session`` proxy,
    ``ctx.session``) rather than for every request. A request that never
    touched it is saved only when saving could change the response: with a
    custom session interface (its ``save_session`` always runs, as the
    interface may rely on it), or when the cookie interface's
    ``may_save_unread`` says a permanent session may be refreshed.
    """

    #: The interface that opens and saves sessions; replace it to change
    #: how sessions are stored.
    session_interface: SessionInterface = SecureCookieSessionInterface()

    def open_request_session(self, request: Request) -> SessionMixin:
        """Open the session of ``request`` with :attr:`session_interface`,
        falling back to its null session."""
        return open_session_or_null(self.session_interface, self, request)  # type: ignore[arg-type]

    def _opens_session_eagerly(self) -> bool:
        # Custom interfaces keep Flask's order: opened as the request starts.
        return type(self.session_interface) is not SecureCookieSessionInterface

    def _save_request_session(
        self, ctx: RequestContext, response: BaseResponse
    ) -> None:
        interface = self.session_interface
        # An interface that opens eagerly opened the session at push, so an
        # unopened session here is a lazily opened one nobody read.
        if ctx._opened_session is None and not interface.may_save_unread(
            self,  # type: ignore[arg-type]
            ctx.request,
        ):
            return
        # Opens a session the view never read, without marking it accessed.
        session = ctx._session
        if not interface.is_null_session(session):
            interface.save_session(self, session, response)  # type: ignore[arg-type]


__all__ = ["SessionSupportMixin"]
