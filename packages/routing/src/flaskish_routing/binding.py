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
from .static_matches import StaticMatchAdapter

#: Distinct host/server combinations remembered per map. The ``Host``
#: header is chosen by clients, so the cache is emptied when it is full.
BIND_CACHE_SIZE = 256

_Bound = tuple[str, str, "str | None", str]

_WERKZEUG_BIND_TO_ENVIRON = Map.bind_to_environ
_WERKZEUG_BIND = Map.bind


def _wsgi_text(value: str) -> str:
    # WSGI carries URL parts as latin-1 decoded bytes; re-decode as UTF-8.
    return value.encode("latin1").decode(errors="replace")


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
    key = (
        environ.get("HTTP_HOST"),
        environ.get("SERVER_NAME"),
        environ.get("SERVER_PORT"),
        environ.get("wsgi.url_scheme"),
        environ.get("SCRIPT_NAME"),
        server_name,
        subdomain,
    )
    cache = url_map.__dict__.get("_flaskish_binds")
    if cache is None:
        cache = url_map.__dict__["_flaskish_binds"] = {}
    bound = cache.get(key)
    if bound is None:
        adapter = url_map.bind_to_environ(
            environ, server_name=server_name, subdomain=subdomain
        )
        bound = (
            adapter.server_name,
            adapter.script_name,
            adapter.subdomain,
            adapter.url_scheme,
        )
        remember(cache, key, bound, BIND_CACHE_SIZE)

    path_info = environ.get("PATH_INFO", "/")
    query = environ.get("QUERY_STRING")
    return StaticMatchAdapter(
        url_map,
        bound[0],
        bound[1],
        bound[2],
        bound[3],
        path_info if path_info.isascii() else _wsgi_text(path_info),
        environ["REQUEST_METHOD"],
        query if query is None or query.isascii() else _wsgi_text(query),
    )


__all__ = ["BIND_CACHE_SIZE", "bind_environ"]
