"""The request context of a flaskish application."""

from __future__ import annotations

import typing as t

from flaskish_context import RequestContext as BaseRequestContext


class RequestContext(BaseRequestContext):
    """The context component's request context, for ``Flask`` apps.

    The session is normally opened on first use. With a session interface
    other than the default cookie one it is opened as the context is
    pushed, the moment Flask opens it, since a custom interface may count
    on being called for every request.
    """

    app: t.Any

    def push(self) -> None:
        """Push the context (see the base class); open a custom-interface
        session if it is not open yet."""
        super().push()
        if self._opened_session is None and self.app._opens_session_eagerly():
            self._opened_session = self.app.open_request_session(self.request)


__all__ = ["RequestContext"]
