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
        if self.app._opens_session_eagerly():
            # Reading Flask's attribute opens the session if it is not open.
            self._session  # noqa: B018


__all__ = ["RequestContext"]
