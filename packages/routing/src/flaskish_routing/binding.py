"""Binding a URL map to WSGI requests, with the host part worked out once.

``Map.bind_to_environ`` derives the server name, script root, subdomain
and scheme from the environ on every call, although they only change with
the ``Host`` header and the server's own variables. :func:`bind_environ`
lets werkzeug do that derivation once per distinct set of those values and
builds later adapters directly from the remembered result. The adapters
are :class:`~flaskish_routing.static_matches.StaticMatchAdapter` objects.
"""

from __future__ import annotations

from typing import Any

from werkzeug.routing import Map
from werkzeug.routing import MapAdapter

from .bounded import remember
from .environ_request import wsgi_text
from .static_matches import StaticMatchAdapter

#: Distinct host/server combinations remembered per map. The ``Host``
#: header is chosen by clients, so the cache is emptied when it is full.
BIND_CACHE_SIZE = 256

#: The adapter attributes that come from the request rather than the host.
_PER_REQUEST = frozenset({"path_info", "default_method", "query_args"})

_new_adapter = object.__new__

_WERKZEUG_BIND_TO_ENVIRON = Map.bind_to_environ
_WERKZEUG_BIND = Map.bind


def bind_environ(
    url_map: Map,
    environ: dict[str, Any],
    server_name: str | None = None,
    subdomain: str | None = None,
) -> MapAdapter:
    """The same adapter as ``url_map.bind_to_environ(environ, server_name,
    subdomain)``, computed faster for hosts seen before.

    WebSocket upgrade requests, and maps whose class binds its own way,
    always take the map's ``bind_to_environ``.
    """
    map_class = type(url_map)
    if (
        "HTTP_UPGRADE" in environ
        or map_class.bind_to_environ is not _WERKZEUG_BIND_TO_ENVIRON
        or map_class.bind is not _WERKZEUG_BIND
    ):
        return url_map.bind_to_environ(
            environ, server_name=server_name, subdomain=subdomain
        )
    get = environ.get
    key = (
        get("HTTP_HOST"),
        get("SERVER_NAME"),
        get("SERVER_PORT"),
        get("wsgi.url_scheme"),
        get("SCRIPT_NAME"),
        server_name,
        subdomain,
    )
    cache = url_map.__dict__.get("_flaskish_binds")
    if cache is None:
        cache = url_map.__dict__["_flaskish_binds"] = {}
    host_part = cache.get(key)
    if host_part is None:
        adapter = url_map.bind_to_environ(
            environ, server_name=server_name, subdomain=subdomain
        )
        # What werkzeug derived, less what each request sets below.
        host_part = {
            name: value
            for name, value in vars(adapter).items()
            if name not in _PER_REQUEST
        }
        remember(cache, key, host_part, BIND_CACHE_SIZE)

    path_info = get("PATH_INFO", "/")
    query = get("QUERY_STRING")
    # An adapter with the attributes werkzeug's constructor would give it,
    # copied from the remembered ones: no constructor call per request.
    bound = _new_adapter(StaticMatchAdapter)
    bound.__dict__ = {
        **host_part,
        "path_info": path_info if path_info.isascii() else wsgi_text(path_info),
        "default_method": environ["REQUEST_METHOD"],
        "query_args": query if query is None or query.isascii() else wsgi_text(query),
    }
    return bound


__all__ = ["BIND_CACHE_SIZE", "bind_environ"]
