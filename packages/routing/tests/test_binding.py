"""bind_environ gives the adapters bind_to_environ gives."""

from __future__ import annotations

import warnings
from typing import Any

import pytest
from werkzeug.routing import Map
from werkzeug.routing import Rule
from werkzeug.test import EnvironBuilder

from flaskish_routing.binding import BIND_CACHE_SIZE
from flaskish_routing.binding import bind_environ

ADAPTER_FIELDS = (
    "server_name",
    "script_name",
    "subdomain",
    "url_scheme",
    "path_info",
    "default_method",
    "query_args",
)


def _fields(adapter: Any) -> tuple[Any, ...]:
    return tuple(getattr(adapter, name) for name in ADAPTER_FIELDS)


def _environ(**kwargs: Any) -> dict[str, Any]:
    return EnvironBuilder(**kwargs).get_environ()


@pytest.fixture
def url_map() -> Map:
    return Map(
        [
            Rule("/", endpoint="index"),
            Rule("/café/<int:n>", endpoint="cafe"),
            Rule("/", endpoint="api", subdomain="api"),
        ]
    )


@pytest.mark.parametrize(
    "kwargs",
    [
        {"path": "/"},
        {"path": "/café/3", "query_string": "a=%C3%A9&b=2"},
        {"path": "/x", "base_url": "https://Example.ORG:443/root/"},
        {"path": "/", "base_url": "http://api.example.org:8080"},
        {"path": "/", "method": "POST"},
    ],
)
@pytest.mark.parametrize(
    ("server_name", "subdomain"),
    [(None, None), ("example.org", None), (None, ""), ("example.org:8080", None)],
)
def test_same_adapter_as_werkzeug(
    url_map: Map, kwargs: dict[str, Any], server_name: str | None, subdomain: str | None
) -> None:
    # A host that does not match server_name warns (werkzeug, first bind only).
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = url_map.bind_to_environ(
            _environ(**kwargs), server_name=server_name, subdomain=subdomain
        )
        for _ in range(2):  # the first call fills the cache, the second uses it
            adapter = bind_environ(url_map, _environ(**kwargs), server_name, subdomain)
            assert _fields(adapter) == _fields(expected)
            # Every attribute werkzeug's constructor sets, and nothing more.
            assert vars(adapter) == vars(expected)


def test_cached_adapter_matches_each_request(url_map: Map) -> None:
    first = bind_environ(url_map, _environ(path="/café/1"))
    second = bind_environ(url_map, _environ(path="/café/2", method="PUT"))
    assert first.match() == ("cafe", {"n": 1})
    assert second.default_method == "PUT"
    assert second.path_info == "/café/2"


def test_rules_added_later_are_seen(url_map: Map) -> None:
    bind_environ(url_map, _environ(path="/"))
    url_map.add(Rule("/late", endpoint="late"))
    assert bind_environ(url_map, _environ(path="/late")).match() == ("late", {})


def test_websocket_upgrade_uses_werkzeug(url_map: Map) -> None:
    environ = _environ(
        path="/", headers={"Upgrade": "websocket", "Connection": "Upgrade"}
    )
    assert bind_environ(url_map, environ).url_scheme == "ws"


def test_cache_is_bounded(url_map: Map) -> None:
    for number in range(BIND_CACHE_SIZE + 10):
        bind_environ(url_map, _environ(base_url=f"http://host{number}.test"))
    assert 0 < len(url_map.__dict__["_flaskish_binds"]) <= BIND_CACHE_SIZE
