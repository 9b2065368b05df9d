"""StaticMatchAdapter answers as werkzeug does, remembering static matches only."""

from __future__ import annotations

from typing import Any

import pytest
from werkzeug.exceptions import HTTPException
from werkzeug.exceptions import MethodNotAllowed
from werkzeug.exceptions import NotFound
from werkzeug.routing import Map
from werkzeug.routing import MapAdapter
from werkzeug.routing import RequestRedirect
from werkzeug.routing import Rule
from werkzeug.routing import WebsocketMismatch
from werkzeug.test import EnvironBuilder

from flaskish_routing import static_matches
from flaskish_routing.binding import bind_environ
from flaskish_routing.static_matches import StaticMatchAdapter
from flaskish_routing.static_matches import VersionedMap


def make_map(**options: Any) -> Map:
    return VersionedMap(
        [
            Rule("/", endpoint="index", methods=["GET"]),
            Rule("/post", endpoint="post", methods=["POST"]),
            Rule("/dir/", endpoint="dir"),
            Rule("/item/<int:n>", endpoint="item"),
            Rule("/page", endpoint="page", defaults={"n": 1}),
            Rule("/page/<int:n>", endpoint="page"),
            Rule("/old", redirect_to="/"),
            Rule("/ws", endpoint="ws", websocket=True),
            Rule("/", endpoint="api", subdomain="api"),
        ],
        **options,
    )


class CountingMatcher:
    """Wraps a map's werkzeug matcher and counts the matches it runs."""

    def __init__(self, url_map: Map) -> None:
        self.inner = url_map._matcher
        self.calls = 0
        url_map._matcher = self  # type: ignore[assignment]

    def match(self, *args: Any) -> Any:
        self.calls += 1
        return self.inner.match(*args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def adapter(url_map: Map, path: str, **kwargs: Any) -> Any:
    environ = EnvironBuilder(path=path, **kwargs).get_environ()
    return bind_environ(url_map, environ, **_binding(kwargs))


def _binding(kwargs: dict[str, Any]) -> dict[str, Any]:
    return {"subdomain": None} if "base_url" in kwargs else {}


def outcome(url_adapter: Any, **kwargs: Any) -> Any:
    try:
        return url_adapter.match(**kwargs)
    except RequestRedirect as e:
        return type(e), e.new_url
    except HTTPException as e:
        return type(e), getattr(e, "valid_methods", None)


REQUESTS: list[dict[str, Any]] = [
    {"path": "/"},
    {"path": "/", "method": "HEAD"},
    {"path": "/", "method": "DELETE"},
    {"path": "/post", "method": "POST"},
    {"path": "/post"},
    {"path": "/dir"},
    {"path": "/dir/"},
    {"path": "/item/5"},
    {"path": "/item/x"},
    {"path": "/page"},
    {"path": "/page/1"},
    {"path": "/old"},
    {"path": "/ws"},
    {"path": "//"},
    {"path": "/missing"},
    {"path": "/", "base_url": "http://api.example.org"},
]


@pytest.mark.parametrize("request_kwargs", REQUESTS)
@pytest.mark.parametrize("return_rule", [False, True])
def test_answers_as_werkzeug_every_time(
    request_kwargs: dict[str, Any], return_rule: bool
) -> None:
    url_map = make_map()
    environ = EnvironBuilder(**request_kwargs).get_environ()
    expected = outcome(
        url_map.bind_to_environ(environ, **_binding(request_kwargs)),
        return_rule=return_rule,
    )
    for _ in range(3):  # werkzeug's answer, then remembered ones
        url_adapter = adapter(url_map, **request_kwargs)
        assert isinstance(url_adapter, StaticMatchAdapter)
        assert outcome(url_adapter, return_rule=return_rule) == expected


def test_static_rule_is_matched_once() -> None:
    url_map = make_map()
    counter = CountingMatcher(url_map)
    results = [adapter(url_map, "/").match(return_rule=True) for _ in range(3)]
    assert counter.calls == 1
    rule = url_map._rules_by_endpoint["index"][0]
    assert all(result == (rule, {}) for result in results)
    # Each request gets its own arguments dict.
    results[0][1]["changed"] = True  # type: ignore[index]
    assert adapter(url_map, "/").match() == ("index", {})


@pytest.mark.parametrize(
    ("path", "method"),
    [
        ("/item/5", "GET"),  # converter
        ("/page", "GET"),  # defaults
        ("/dir", "GET"),  # redirect to /dir/
        ("/old", "GET"),  # redirect_to
        ("/post", "GET"),  # 405
        ("/missing", "GET"),  # 404
    ],
)
def test_other_outcomes_go_through_werkzeug_each_time(path: str, method: str) -> None:
    url_map = make_map()
    counter = CountingMatcher(url_map)
    first = outcome(adapter(url_map, path, method=method))
    second = outcome(adapter(url_map, path, method=method))
    assert first == second
    assert counter.calls == 2


def test_memo_is_per_method_host_and_websocket() -> None:
    url_map = make_map(host_matching=True)
    url_map.add(Rule("/", endpoint="a", host="a.test"))
    url_map.add(Rule("/", endpoint="b", host="b.test", methods=["GET"]))
    url_map.add(Rule("/", endpoint="b-post", host="b.test", methods=["POST"]))
    for _ in range(2):
        assert adapter(url_map, "/", base_url="http://a.test").match() == ("a", {})
        assert adapter(url_map, "/", base_url="http://b.test").match() == ("b", {})
        posted = adapter(url_map, "/", base_url="http://b.test", method="POST")
        assert posted.match() == ("b-post", {})


def bound(url_map: Map, path: str, websocket: bool = False) -> StaticMatchAdapter:
    scheme = "ws" if websocket else "http"
    return StaticMatchAdapter(url_map, "example.org", "/", "", scheme, path, "GET")


def test_websocket_bind_is_not_answered_from_an_http_match() -> None:
    url_map = VersionedMap(
        [
            Rule("/chat", endpoint="http"),
            Rule("/chat", endpoint="ws", websocket=True),
            Rule("/plain", endpoint="plain"),
        ]
    )
    for _ in range(2):
        assert bound(url_map, "/chat").match() == ("http", {})
        assert bound(url_map, "/chat", websocket=True).match() == ("ws", {})
        assert bound(url_map, "/plain").match() == ("plain", {})
        with pytest.raises(WebsocketMismatch):
            bound(url_map, "/plain", websocket=True).match()


def test_explicit_arguments_bypass_the_memo() -> None:
    url_map = make_map()
    counter = CountingMatcher(url_map)
    url_adapter = adapter(url_map, "/")
    url_adapter.match()
    assert url_adapter.match("/post", "POST") == ("post", {})
    assert url_adapter.match("/", method="GET") == ("index", {})
    with pytest.raises(MethodNotAllowed):
        url_adapter.match(method="DELETE")
    assert counter.calls == 4


def test_versioned_map_counts_additions() -> None:
    url_map = VersionedMap([Rule("/a", endpoint="a"), Rule("/b", endpoint="b")])
    assert url_map.rules_version == 2
    url_map.add(Rule("/c", endpoint="c"))
    assert url_map.rules_version == 3
    assert isinstance(url_map, Map)


def test_a_plain_werkzeug_map_is_matched_every_time() -> None:
    url_map = Map([Rule("/", endpoint="index")])
    counter = CountingMatcher(url_map)
    for _ in range(2):
        assert adapter(url_map, "/").match() == ("index", {})
    assert counter.calls == 2
    assert "_flaskish_static_matches" not in url_map.__dict__


def test_rules_added_later_empty_the_memo() -> None:
    url_map = make_map()
    adapter(url_map, "/").match()
    memo = url_map.__dict__["_flaskish_static_matches"]
    assert len(memo) == 1
    url_map.add(Rule("/late", endpoint="late"))
    assert adapter(url_map, "/late").match() == ("late", {})
    assert [rule.endpoint for rule in memo.values()] == ["late"]
    assert adapter(url_map, "/").match() == ("index", {})


def test_rules_added_then_built_with_still_empty_the_memo() -> None:
    # Building a URL runs Map.update(), which clears werkzeug's flag for
    # added rules before any request sees it.
    url_map = VersionedMap([Rule("/x/", endpoint="dir", strict_slashes=False)])
    assert adapter(url_map, "/x").match() == ("dir", {})
    url_map.add(Rule("/x", endpoint="exact"))
    assert url_map.bind("example.org").build("dir") == "/x/"
    for _ in range(2):
        assert adapter(url_map, "/x").match() == ("exact", {})


def test_leading_slashes_share_one_entry() -> None:
    url_map = make_map()
    counter = CountingMatcher(url_map)
    werkzeug_adapter = Map.bind(url_map, "example.org", subdomain="")
    for path in ("/dir/", "//dir/", "////dir/"):
        assert MapAdapter.match(werkzeug_adapter, path) == ("dir", {})
    counter.calls = 0
    for path in ("/dir/", "//dir/", "////dir/"):
        assert bound(url_map, path).match() == ("dir", {})
    assert counter.calls == 1
    assert len(url_map.__dict__["_flaskish_static_matches"]) == 1


def test_a_rule_added_during_a_match_is_not_remembered_stale() -> None:
    url_map = make_map()
    inner = url_map._matcher

    class AddingMatcher(CountingMatcher):
        def match(self, *args: Any) -> Any:
            result = super().match(*args)
            if self.calls == 1:  # another thread adds a rule meanwhile
                url_map.add(Rule("/late", endpoint="late"))
            return result

    counter = AddingMatcher(url_map)
    assert counter.inner is inner
    assert adapter(url_map, "/").match() == ("index", {})
    assert url_map.__dict__["_flaskish_static_matches"] == {}
    assert adapter(url_map, "/").match() == ("index", {})
    assert counter.calls == 2


def test_a_map_updating_itself_its_own_way_is_not_remembered() -> None:
    class Lazy(VersionedMap):
        def update(self) -> None:
            super().update()

    url_map = Lazy([Rule("/", endpoint="index")])
    counter = CountingMatcher(url_map)
    for _ in range(2):
        assert adapter(url_map, "/").match() == ("index", {})
    assert counter.calls == 2
    assert "_flaskish_static_matches" not in url_map.__dict__


def test_memo_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(static_matches, "STATIC_MATCHES_LIMIT", 4)
    url_map = VersionedMap(
        [Rule(f"/p{number}", endpoint=f"p{number}") for number in range(6)]
    )
    for number in range(6):
        assert adapter(url_map, f"/p{number}").match() == (f"p{number}", {})
        assert len(url_map.__dict__["_flaskish_static_matches"]) <= 4


def test_custom_map_class_binds_its_own_way() -> None:
    class Tracing(VersionedMap):
        binds = 0

        def bind_to_environ(self, *args: Any, **kwargs: Any) -> Any:
            Tracing.binds += 1
            return super().bind_to_environ(*args, **kwargs)

    url_map = Tracing([Rule("/", endpoint="index")])
    for _ in range(2):
        bound = adapter(url_map, "/")
        assert type(bound) is not StaticMatchAdapter
        assert bound.match() == ("index", {})
    assert Tracing.binds == 2


def test_not_found_is_not_remembered() -> None:
    url_map = make_map()
    with pytest.raises(NotFound):
        adapter(url_map, "/missing").match()
    assert url_map.__dict__["_flaskish_static_matches"] == {}
