"""Building URLs for endpoints of the router."""

from __future__ import annotations

from functools import lru_cache
from typing import Any
from typing import TYPE_CHECKING
from urllib.parse import quote

from .request_source import _router_request

if TYPE_CHECKING:
    from werkzeug.routing import Map
    from werkzeug.routing import MapAdapter

#: Characters left as they are in a URL fragment.
_ANCHOR_SAFE = "%!#$&'()*+,/:;=?@"
_MaybeStr = str | None


@lru_cache(maxsize=1024)
def resolve_endpoint(endpoint: str, blueprint: str | None) -> str:
    """``endpoint`` with a leading dot resolved against the dotted name of the
    current ``blueprint`` (or dropped when there is none); cached, as
    ``url_for`` asks for the same few names on every request."""
    if endpoint[:1] != ".":
        return endpoint
    return endpoint[1:] if blueprint is None else blueprint + endpoint


def build_url(
    adapter: MapAdapter,
    endpoint: str,
    values: dict[str, Any],
    *,
    method: str | None,
    scheme: str | None,
    external: bool,
    anchor: str | None,
) -> str:
    """Build the URL of ``endpoint`` with ``adapter``, the way ``url_for``
    does for the router and the application: a scheme only with an external
    URL, and ``anchor`` quoted into a fragment. Raises werkzeug's
    ``BuildError`` when no rule fits."""
    if scheme is not None and not external:
        raise ValueError("When specifying '_scheme', '_external' must be True.")
    url: str = adapter.build(
        endpoint, values, method, force_external=external, url_scheme=scheme
    )
    if anchor is not None:
        url += "#" + quote(anchor, safe=_ANCHOR_SAFE)
    return url


class UrlBuilding:
    """``url_for`` for a router, in and outside of its requests."""

    server_name: str | None
    application_root: str
    preferred_url_scheme: str
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
        URL is relative unless ``_external`` or ``_scheme`` is given. Outside
        one, the URL is external, built for :attr:`server_name` under
        :attr:`application_root` with :attr:`preferred_url_scheme` (Flask's
        ``SERVER_NAME``, ``APPLICATION_ROOT`` and ``PREFERRED_URL_SCHEME``).
        A leading dot names an endpoint of the current blueprint.

        :raises RuntimeError: outside a request when :attr:`server_name` is
            not set.
        """
        request = _router_request.get(None)
        if request is not None and request.url_adapter is not None:
            adapter = request.url_adapter
            endpoint = resolve_endpoint(endpoint, request.blueprint)
            # A scheme asks for an external URL, as for the application.
            external = _scheme is not None if _external is None else _external
        else:
            adapter = self._configured_adapter()
            endpoint = resolve_endpoint(endpoint, None)
            external = True if _external is None else _external
        self.inject_url_defaults(endpoint, values)
        return build_url(
            adapter,
            endpoint,
            values,
            method=_method,
            scheme=_scheme,
            external=external,
            anchor=_anchor,
        )

    def _configured_adapter(self) -> MapAdapter:
        # Outside a request only the configuration says where the router is.
        if self.server_name is None:
            raise RuntimeError(
                "Unable to build URLs outside a request without a server name:"
                f" set {type(self).__name__}.server_name (for example"
                " 'example.com'), and application_root (the path it is mounted"
                " under) and preferred_url_scheme as needed."
            )
        return self.url_map.bind(
            self.server_name,
            script_name=self.application_root,
            url_scheme=self.preferred_url_scheme,
        )
