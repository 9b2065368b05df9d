"""The request being handled, and how to call its views, as seen by
class-based views.

The :class:`~flaskish_routing.Router` publishes its request here for the
duration of each request. An application with its own request context
(flaskish's ``Flask``) installs lookups with :func:`set_request_lookup` and
:func:`set_ensure_sync_lookup` so that :class:`~flaskish_routing.View` and
:class:`~flaskish_routing.MethodView` find its request and call through its
``ensure_sync``.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from .async_bridge import ensure_sync

#: What ``ensure_sync`` is: a function turning a view into a synchronous one.
SyncAdapter = Callable[[Callable[..., Any]], Callable[..., Any]]

#: The request of the router request running in this context.
_router_request: ContextVar[Any] = ContextVar("flaskish_routing.request")

# The installed lookups: empty, or the one lookup.
_lookup: list[Callable[[], Any]] = []
_ensure_sync_lookup: list[Callable[[], SyncAdapter]] = []


def _install(slot: list[Any], lookup: Callable[[], Any] | None) -> None:
    slot[:] = [] if lookup is None else [lookup]


def set_request_lookup(lookup: Callable[[], Any] | None) -> None:
    """Use ``lookup()`` to find the request outside router requests.

    ``lookup`` returns the current request object (anything with
    ``method``) or raises :class:`RuntimeError` when there is none. Pass
    ``None`` to remove it. (flaskish seam.)
    """
    _install(_lookup, lookup)


def current_request() -> Any:
    """The request being handled in this context.

    :raises RuntimeError: outside of a request.
    """
    request = _router_request.get(None)
    if request is not None:
        return request
    if _lookup:
        return _lookup[0]()
    raise RuntimeError(
        "Working outside of a request: current_request() only works while"
        " a flaskish_routing Router (or an application that installed a"
        " request lookup) is handling a request."
    )


def set_ensure_sync_lookup(lookup: Callable[[], SyncAdapter] | None) -> None:
    """Use ``lookup()`` to find the running application's ``ensure_sync``
    outside router requests; ``None`` removes it. (flaskish seam.)"""
    _install(_ensure_sync_lookup, lookup)


def current_ensure_sync() -> SyncAdapter:
    """The ``ensure_sync`` class-based views call their methods through.

    Inside a router request, and wherever no lookup is installed, it is
    :func:`flaskish_routing.ensure_sync`.
    """
    if _ensure_sync_lookup and _router_request.get(None) is None:
        return _ensure_sync_lookup[0]()
    return ensure_sync
