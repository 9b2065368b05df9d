"""Building URLs for endpoints of the router."""

from __future__ import annotations

from typing import Any
from typing import TYPE_CHECKING
from urllib.parse import quote

from .request_source import _router_request

if TYPE_CHECKING:
    from werkzeug.routing import Map

#: Characters left as they are in a URL fragment.
_ANCHOR_SAFE = "%!#$&'()*+,/:;=?@"
_MaybeStr = str | None


class UrlBuilding:
    """``url_for`` for a router, in and outside of its requests."""

    server_name: str | None
    url_map: Map

    if TYPE_CHECKING:

        def inject_url_defaults(
            self, endpoint: str, values: dict[str, Any]
        ) -> None: ...

    def url_for(
        self,
        endpoint: str,
        *,
        _anchor: _MaybeStr = None,
        _method: _MaybeStr = None,
        _scheme: _MaybeStr = None,
        _external: bool | None = None,
        **values: Any,
    ) -> str:
        """Build the URL of ``endpoint`` with ``values``.

        In a request the request's host and mount point are used and the
        URL is relative unless ``_external``; outside one, the URL is built
        for :attr:`server_name` (``localhost`` if unset) and is external.
        A leading dot names an endpoint of the current blueprint.
        """
        request = _router_request.get(None)
        if request is not None and request.url_adapter is not None:
            adapter = request.url_adapter
            if endpoint.startswith("."):
                blueprint = request.blueprint
                endpoint = endpoint[1:] if blueprint is None else blueprint + endpoint
            external = bool(_external)
        else:
            adapter = self.url_map.bind(self.server_name or "localhost")
            endpoint = endpoint.lstrip(".")
            external = True if _external is None else _external
        if _scheme is not None and not external:
            raise ValueError("When specifying '_scheme', '_external' must be True.")
        self.inject_url_defaults(endpoint, values)
        url: str = adapter.build(
            endpoint, values, _method, force_external=external, url_scheme=_scheme
        )
        if _anchor is not None:
            url += "#" + quote(_anchor, safe=_ANCHOR_SAFE)
        return url
