"""The request being handled, as seen by class-based views.

The :class:`~flaskish_routing.Router` publishes its request here for the
duration of each request. An application with its own request context
(flaskish's ``Flask``) installs a lookup with :func:`set_request_lookup` so
that :class:`~flaskish_routing.MethodView` finds its request too.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

#: The request of the router request running in this context.
_router_request: ContextVar[Any] = ContextVar("flaskish_routing.request")

_lookup: list[Callable[[], Any]] = []


def set_request_lookup(lookup: Callable[[], Any] | None) -> None:
    """Use ``lookup()`` to find the request outside router requests.

    ``lookup`` returns the current request object (anything with
    ``method``) or raises :class:`RuntimeError` when there is none. Pass
    ``None`` to remove it. (flaskish seam.)
    """
    _lookup.clear()
    if lookup is not None:
        _lookup.append(lookup)


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
