"""``app.asgi_app``: the application as an ASGI 3 application.

This module holds what every application has (the ``asgi_app`` attribute,
the lifespan hook registration, the WebSocket connection class); the
serving code (:mod:`~flaskish_core.asgi_serving`) and asyncio load when
``asgi_app`` is first used, so a WSGI application never imports them.
See docs/asgi.md.
"""

from __future__ import annotations

import typing as t

from flaskish_routing import setupmethod

from .websocket import Websocket

if t.TYPE_CHECKING:
    from collections.abc import Awaitable
    from collections.abc import Callable

    from .app import Flask
    from .asgi_calls import ThreadPool

    Scope = dict[str, t.Any]
    Message = dict[str, t.Any]
    Receive = Callable[[], Awaitable[Message]]
    Send = Callable[[Message], Awaitable[None]]
    Serve = Callable[[Flask, Scope, Receive, Send], Awaitable[None]]

F = t.TypeVar("F", bound=t.Callable[..., t.Any])


class AsgiApp:
    """``app.asgi_app``: the ASGI 3 application of ``app`` (``http``,
    ``lifespan`` and ``websocket`` scopes).

    An object whose ``__call__`` is ``async def``, so that servers that
    inspect the application (uvicorn) see an ASGI 3 callable. Wrap it as WSGI
    middleware wraps ``wsgi_app``: ``app.asgi_app = Middleware(app.asgi_app)``;
    serve it with ``uvicorn module:app.asgi_app``.
    """

    __slots__ = ("_serve", "app")

    def __init__(self, app: AsgiMixin) -> None:
        # Reading ``app.asgi_app`` is what loads the ASGI serving code.
        from .asgi_serving import serve

        self.app = app
        self._serve: Serve = serve

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self._serve(t.cast("Flask", self.app), scope, receive, send)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AsgiApp) and other.app is self.app

    def __hash__(self) -> int:
        return hash((AsgiApp, id(self.app)))

    def __repr__(self) -> str:
        return f"<asgi_app of {self.app!r}>"


class _AsgiAppAttribute:
    """Gives each app its :class:`AsgiApp`; assigning ``app.asgi_app``
    replaces it for that app (a non-data descriptor)."""

    def __get__(self, app: AsgiMixin | None, owner: type) -> t.Any:
        if app is None:
            return self
        return AsgiApp(app)


class AsgiMixin:
    """The ASGI entry point of the application and its lifespan hooks."""

    #: The application's ASGI 3 callable (see :class:`AsgiApp`).
    asgi_app: t.Any = _AsgiAppAttribute()

    #: The class of the ``websocket`` object (a request subclass).
    websocket_class: type[Websocket] = Websocket

    #: The worker threads of sync code under ASGI, made on first need.
    _asgi_threads: ThreadPool | None = None

    #: Functions run once when an ASGI server starts (lifespan startup).
    before_serving_funcs: list[t.Callable[[], t.Any]]
    #: Functions run once when an ASGI server shuts down.
    after_serving_funcs: list[t.Callable[[], t.Any]]

    @setupmethod
    def before_serving(self, f: F) -> F:
        """Register ``f`` (sync or ``async def``, no arguments) to run in an
        app context when the ASGI server starts, before the first request.
        An error fails the server's startup."""
        self.before_serving_funcs.append(f)
        return f

    @setupmethod
    def after_serving(self, f: F) -> F:
        """Register ``f`` to run in an app context when the ASGI server
        shuts down, after the last request."""
        self.after_serving_funcs.append(f)
        return f


__all__ = ["AsgiApp", "AsgiMixin"]
