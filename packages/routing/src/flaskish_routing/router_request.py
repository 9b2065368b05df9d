"""The request object of the standalone router."""

from __future__ import annotations

from werkzeug.routing import MapAdapter

from .environ_request import EnvironRequest
from .routed_request import RoutedRequestMixin


class RouterRequest(RoutedRequestMixin, EnvironRequest):
    """werkzeug's request plus what URL matching found for it."""

    #: The URL adapter bound to this request's environ.
    url_adapter: MapAdapter | None = None
