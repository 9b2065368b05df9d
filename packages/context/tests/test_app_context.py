from __future__ import annotations

from typing import Any

import pytest
from werkzeug.routing import MapAdapter

from flaskish_context import _cv_app
from flaskish_context import AppContext
from flaskish_context import current_app
from flaskish_context import g


def test_enter_returns_context_and_sets_current(app: Any) -> None:
    ctx = app.app_context()
    with ctx as entered:
        assert entered is ctx
        assert _cv_app.get() is ctx
    assert _cv_app.get(None) is None


def test_push_pop_order_of_calls(app: Any) -> None:
    ctx = app.app_context()
    ctx.push()
    assert app.events == ["pushed"]
    ctx.pop()
    assert app.events == ["pushed", ("teardown_appcontext", None), "popped"]


def test_nested_contexts_of_two_apps(app: Any, other_app: Any) -> None:
    with app.app_context():
        with other_app.app_context():
            assert current_app.name == "other"
        assert current_app.name == "fake"
    assert _cv_app.get(None) is None


def test_same_object_pushed_twice_tears_down_once(app: Any) -> None:
    ctx = app.app_context()
    ctx.push()
    ctx.push()
    ctx.pop()
    assert ("teardown_appcontext", None) not in app.events
    assert _cv_app.get() is ctx
    ctx.pop()
    assert app.events.count(("teardown_appcontext", None)) == 1
    assert _cv_app.get(None) is None


def test_pop_wrong_context(app: Any, other_app: Any) -> None:
    outer = app.app_context()
    inner = other_app.app_context()
    outer.push()
    inner.push()
    with pytest.raises(AssertionError) as info:
        outer.pop()
    assert str(info.value) == (
        f"Popped wrong app context. ({inner!r} instead of {outer!r})"
    )


def test_teardown_gets_the_exception(app: Any) -> None:
    seen: list[BaseException | None] = []
    app.teardown_appcontext_funcs.append(seen.append)
    error = ValueError("boom")
    with pytest.raises(ValueError), app.app_context():
        raise error
    assert seen == [error]
    assert app.events[-1] == "popped"


@pytest.mark.parametrize("explicit_none", [False, True])
def test_pop_defaults_to_the_exception_being_handled(
    app: Any, explicit_none: bool
) -> None:
    seen: list[BaseException | None] = []
    app.teardown_appcontext_funcs.append(seen.append)
    ctx = app.app_context()
    ctx.push()
    try:
        raise KeyError("x")
    except KeyError as e:
        handled = e
        if explicit_none:
            ctx.pop(None)
        else:
            ctx.pop()
    assert seen == [None if explicit_none else handled]


def test_teardown_error_still_resets_the_variable(app: Any) -> None:
    def broken(exc: BaseException | None) -> None:
        raise RuntimeError("teardown failed")

    later: list[BaseException | None] = []
    app.teardown_appcontext_funcs += [broken, later.append]
    ctx = app.app_context()
    ctx.push()
    with pytest.raises(RuntimeError, match="teardown failed"):
        ctx.pop()
    assert later == [None]
    assert _cv_app.get(None) is None


def test_url_adapter_is_lazy_and_cached(app: Any) -> None:
    app.config["SERVER_NAME"] = "example.test"
    ctx = app.app_context()
    assert app.events == []
    adapter = ctx.url_adapter
    assert isinstance(adapter, MapAdapter)
    assert adapter.build("user", {"id": 5}) == "/user/5"
    assert ctx.url_adapter is adapter
    assert app.events == [("url_adapter", False)]


def test_url_adapter_none_without_server_name(app: Any) -> None:
    assert app.app_context().url_adapter is None


def test_g_is_fresh_per_context(app: Any) -> None:
    with app.app_context():
        g.value = 1
        assert g.value == 1
    with app.app_context():
        assert "value" not in g
        with pytest.raises(AttributeError) as info:
            g.value  # noqa: B018
        assert str(info.value) == "value"


def test_g_api(app: Any) -> None:
    ctx: AppContext = app.app_context()
    ns = ctx.g
    ns.a = 1
    assert ns.get("a") == 1
    assert ns.get("missing") is None
    assert ns.get("missing", 2) == 2
    assert ns.setdefault("b", 3) == 3
    assert ns.setdefault("b", 4) == 3
    assert "a" in ns
    assert "zz" not in ns
    assert list(ns) == ["a", "b"]
    assert ns.pop("a") == 1
    assert ns.pop("a", "gone") == "gone"
    with pytest.raises(KeyError):
        ns.pop("a")
    del ns.b
    with pytest.raises(AttributeError) as info:
        del ns.b
    assert str(info.value) == "b"
    assert list(ns) == []


def test_g_repr(app: Any) -> None:
    ctx = app.app_context()
    assert repr(ctx.g).startswith("<flaskish_context.g._AppCtxGlobals object at ")
    with ctx:
        assert repr(g) == "<flaskish.g of 'fake'>"


def test_url_adapter_can_be_replaced(app: Any) -> None:
    ctx = app.app_context()
    adapter = app.url_map.bind("replaced.test")
    ctx.url_adapter = adapter
    assert ctx.url_adapter is adapter
    assert ("url_adapter", False) not in app.events
