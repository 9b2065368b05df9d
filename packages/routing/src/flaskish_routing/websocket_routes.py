"""WebSocket routes and their hooks, registered on apps and blueprints alike.

A WebSocket route is a werkzeug ``Rule`` with ``websocket=True``: URL
converters, blueprint prefixes, subdomains and URL building (``ws://`` and
``wss://`` URLs) work as for HTTP routes. Its handler is an ``async def``
function called with the URL's values once the handshake arrives over ASGI
(see ``flaskish_core.asgi_websocket``). The hook names are Quart's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from typing import TYPE_CHECKING
from typing import TypeVar

from .async_bridge import is_coroutine_function
from .setup_guard import setupmethod

if TYPE_CHECKING:
    HookRegistry = dict[str | None, list[Callable[..., Any]]]

F = TypeVar("F", bound=Callable[..., Any])

#: The options every WebSocket rule gets: a handshake is a ``GET``, and
#: ``OPTIONS`` is not answered for it.
WEBSOCKET_RULE_OPTIONS: dict[str, Any] = {
    "websocket": True,
    "methods": ["GET"],
    "provide_automatic_options": False,
}


def _require_async(handler: Callable[..., Any]) -> None:
    if not is_coroutine_function(handler):
        name = getattr(handler, "__name__", repr(handler))
        raise TypeError(
            f"The WebSocket handler {name!r} must be an 'async def' function:"
            " it awaits websocket.receive() and websocket.send()."
        )


class WebsocketRoutes:
    """``websocket`` routes and the ``before/after/teardown_websocket`` hooks."""

    if TYPE_CHECKING:
        before_websocket_funcs: HookRegistry
        after_websocket_funcs: HookRegistry
        teardown_websocket_funcs: HookRegistry

        def add_url_rule(
            self,
            rule: str,
            endpoint: str | None = None,
            view_func: Callable[..., Any] | None = None,
            provide_automatic_options: bool | None = None,
            **options: Any,
        ) -> None: ...
        def _append_hook(self, registry: HookRegistry, f: F) -> F: ...

    @setupmethod
    def websocket(self, rule: str, **options: Any) -> Callable[[F], F]:
        """Decorate an ``async def`` handler to serve WebSocket connections
        to ``rule`` (over ASGI); ``options`` are :meth:`add_websocket`'s."""

        def decorate(f: F) -> F:
            self.add_websocket(rule, options.pop("endpoint", None), f, **options)
            return f

        return decorate

    @setupmethod
    def add_websocket(
        self,
        rule: str,
        endpoint: str | None = None,
        view_func: Callable[..., Any] | None = None,
        **options: Any,
    ) -> None:
        """Add a WebSocket rule (a werkzeug ``Rule`` with ``websocket=True``)
        for ``endpoint`` with the ``async def`` handler ``view_func``;
        ``options`` are werkzeug ``Rule`` arguments (``defaults``,
        ``subdomain``, ``host``, ``strict_slashes``, ...)."""
        if view_func is not None:
            _require_async(view_func)
        for name in WEBSOCKET_RULE_OPTIONS:
            if name in options:
                raise TypeError(f"A WebSocket route does not take {name!r}.")
        self.add_url_rule(
            rule, endpoint, view_func, **WEBSOCKET_RULE_OPTIONS, **options
        )

    @setupmethod
    def before_websocket(self, f: F) -> F:
        """Run ``f()`` before each WebSocket handler of this app or
        blueprint; a non-``None`` return value rejects the handshake with
        that response (if not accepted yet) and skips the handler."""
        return self._append_hook(self.before_websocket_funcs, f)

    @setupmethod
    def after_websocket(self, f: F) -> F:
        """Run ``f(response)`` after each WebSocket handler; ``response`` is
        what the handler returned (made a response) or ``None``, and ``f``
        returns it (or a replacement)."""
        return self._append_hook(self.after_websocket_funcs, f)

    @setupmethod
    def teardown_websocket(self, f: F) -> F:
        """Run ``f(exc)`` when a WebSocket connection ends, with the
        exception that ended it or ``None``."""
        return self._append_hook(self.teardown_websocket_funcs, f)


__all__ = ["WEBSOCKET_RULE_OPTIONS", "WebsocketRoutes"]
