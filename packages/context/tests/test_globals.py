from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from werkzeug.local import LocalProxy

from flaskish_context import _AppCtxGlobals
from flaskish_context import _cv_app
from flaskish_context import _cv_request
from flaskish_context import app_ctx
from flaskish_context import app_or_none
from flaskish_context import current_app
from flaskish_context import g
from flaskish_context import get_app
from flaskish_context import has_app_context
from flaskish_context import has_request_context
from flaskish_context import request
from flaskish_context import request_ctx
from flaskish_context import request_or_none
from flaskish_context import session

NO_APP = (
    "Working outside of application context.\n\n"
    "This typically means that you attempted to use functionality that needed\n"
    "the current application. To solve this, set up an application context\n"
    "with app.app_context(). See the documentation for more information."
)
NO_REQUEST = (
    "Working outside of request context.\n\n"
    "This typically means that you attempted to use functionality that needed\n"
    "an active HTTP request. Consult the documentation on testing for\n"
    "information about how to avoid this problem."
)


@pytest.mark.parametrize(
    ("proxy", "message"),
    [
        (app_ctx, NO_APP),
        (current_app, NO_APP),
        (g, NO_APP),
        (request_ctx, NO_REQUEST),
        (request, NO_REQUEST),
        (session, NO_REQUEST),
    ],
    ids=["app_ctx", "current_app", "g", "request_ctx", "request", "session"],
)
def test_proxies_outside_context(proxy: Any, message: str) -> None:
    with pytest.raises(RuntimeError) as info:
        proxy.anything  # noqa: B018
    assert str(info.value) == message


def test_request_proxies_need_a_request_not_only_an_app(app: Any) -> None:
    with app.app_context():
        with pytest.raises(RuntimeError) as info:
            request.method  # noqa: B018
        assert str(info.value) == NO_REQUEST


def test_proxies_inside_contexts(app: Any) -> None:
    assert not has_app_context()
    assert not has_request_context()
    with app.test_request_context("/", method="PUT") as ctx:
        assert has_app_context()
        assert has_request_context()
        assert current_app._get_current_object() is app
        assert request_ctx._get_current_object() is ctx
        assert app_ctx.app is app
        assert request._get_current_object() is ctx.request
        assert request.method == "PUT"
        assert g._get_current_object() is app_ctx.g
        session["k"] = "v"
        assert ctx.session == {"k": "v"}
    assert not has_app_context()
    assert not has_request_context()


def test_app_context_alone(app: Any) -> None:
    with app.app_context():
        assert has_app_context()
        assert not has_request_context()
        assert current_app.name == "fake"


def test_app_lookups_without_the_proxy(app: Any) -> None:
    assert app_or_none() is None
    with pytest.raises(RuntimeError) as info:
        get_app()
    assert str(info.value) == NO_APP
    with app.app_context():
        assert app_or_none() is app
        assert get_app() is app


def test_request_lookup_without_the_proxy(app: Any) -> None:
    assert request_or_none() is None
    with app.app_context():
        assert request_or_none() is None
    with app.test_request_context("/items?page=2") as ctx:
        assert request_or_none() is ctx.request
        assert request_or_none().args["page"] == "2"
    assert request_or_none() is None


def test_websocket_proxy_reads_the_request_contexts_connection() -> None:
    from flaskish_context import has_websocket_context
    from flaskish_context import RequestContext
    from flaskish_context import websocket

    assert not has_websocket_context()
    with pytest.raises(RuntimeError, match="outside of websocket context"):
        websocket.accepted  # noqa: B018

    class Connection:
        accepted = True

    ctx = RequestContext.__new__(RequestContext)
    token = _cv_request.set(ctx)
    try:
        assert not has_websocket_context()
        ctx.websocket = Connection()
        assert has_websocket_context()
        assert websocket.accepted is True
    finally:
        _cv_request.reset(token)


# ``g`` looks attributes up without werkzeug's generic per-operation proxy
# lookup; every operation must behave as it does through a generic proxy.
_GENERIC_G = LocalProxy(_cv_app, "g", unbound_message=NO_APP)

_G_OPERATIONS: dict[str, Callable[[Any], Any]] = {
    "read": lambda p: p.user,
    "read missing": lambda p: p.missing,
    "getattr default": lambda p: getattr(p, "missing", "default"),
    "hasattr": lambda p: (hasattr(p, "user"), hasattr(p, "missing")),
    "write": lambda p: setattr(p, "written", 1) or p.written,
    "write method name": lambda p: (
        setattr(p, "get", 2) or vars(p._get_current_object())
    ),
    "delete": lambda p: delattr(p, "user") or "user" in p,
    "delete missing": lambda p: delattr(p, "missing"),
    "in": lambda p: ("user" in p, "missing" in p),
    "iterate": lambda p: list(p),
    "item": lambda p: p["user"],
    "set item": lambda p: p.__setitem__("user", 1),
    "get": lambda p: (p.get("user"), p.get("missing"), p.get("missing", 3)),
    "pop": lambda p: (p.pop("user"), "user" in p),
    "pop default": lambda p: p.pop("missing", 4),
    "pop missing": lambda p: p.pop("missing"),
    "setdefault": lambda p: (p.setdefault("user", "x"), p.setdefault("n", 5), p.n),
    "repr": repr,
    "bool": bool,
    "dict": lambda p: p.__dict__,
    "dir": lambda p: "user" in dir(p),
    "isinstance": lambda p: isinstance(p, _AppCtxGlobals),
    "is proxy": lambda p: isinstance(p, LocalProxy),
}


def _outcome(operation: Callable[[Any], Any], proxy: Any) -> Any:
    try:
        return "returned", operation(proxy)
    except Exception as e:
        return "raised", type(e), str(e), e.__cause__, e.__suppress_context__


@pytest.mark.parametrize("name", list(_G_OPERATIONS))
def test_g_behaves_as_a_generic_proxy(app: Any, name: str) -> None:
    operation = _G_OPERATIONS[name]
    outcomes = []
    for proxy in (g, _GENERIC_G):
        outside = _outcome(operation, proxy)
        with app.app_context():
            g.user = "ada"
            inside = _outcome(operation, proxy)
            left = dict(vars(app_ctx.g))
        outcomes.append((outside, inside, left))
    assert outcomes[0] == outcomes[1]
    if name not in _ANSWERED_OUTSIDE:
        assert outcomes[0][0][:3] == ("raised", RuntimeError, NO_APP)


#: What a proxy answers outside a context without its object (iterating
#: raises a TypeError there: Python's lookup of ``__iter__`` fails).
_ANSWERED_OUTSIDE = {"repr", "bool", "dir", "isinstance", "is proxy", "iterate"}


def test_g_is_a_local_proxy_of_the_app_contexts_g(app: Any) -> None:
    assert isinstance(g, LocalProxy)
    with app.app_context() as ctx:
        assert g._get_current_object() is ctx.g
        assert repr(g) == "<flaskish.g of 'fake'>"
    assert repr(g) == "<LocalProxy unbound>"


# The other attribute proxies take the same direct path; each operation on
# them must also behave as through werkzeug's generic proxy.
_REQUEST_SIDE_OPERATIONS: dict[str, Callable[[Any], Any]] = {
    "read": lambda p: p.marker,
    "read missing": lambda p: p.missing,
    "getattr default": lambda p: getattr(p, "missing", "default"),
    "hasattr": lambda p: (hasattr(p, "marker"), hasattr(p, "missing")),
    "write": lambda p: setattr(p, "written", 1) or p.written,
    "delete": lambda p: delattr(p, "marker") or hasattr(p, "marker"),
    "delete missing": lambda p: delattr(p, "missing"),
    "repr": lambda p: repr(p).split(" object at ")[0],
    "bool": bool,
    "is proxy": lambda p: isinstance(p, LocalProxy),
    "class": lambda p: p.__class__.__name__,
}
_SESSION_OPERATIONS: dict[str, Callable[[Any], Any]] = {
    "item": lambda p: p["user"],
    "item missing": lambda p: p["missing"],
    "set item": lambda p: p.__setitem__("n", 1) or dict(p),
    "delete item": lambda p: p.__delitem__("user") or dict(p),
    "in": lambda p: ("user" in p, "missing" in p),
    "iterate": lambda p: list(p),
    "get": lambda p: (p.get("user"), p.get("missing", 3)),
    "setdefault": lambda p: (p.setdefault("user", "x"), p.setdefault("n", 5)),
    "accessed": lambda p: p.accessed,
    "len": len,
}


def _request_side_outcomes(app: Any, attribute: str, name: str) -> list[Any]:
    operations = {**_REQUEST_SIDE_OPERATIONS, **_SESSION_OPERATIONS}
    operation = operations[name]
    fast = {"request": request, "session": session, "current_app": current_app}
    var = _cv_app if attribute == "app" else _cv_request
    generic = LocalProxy(
        var, attribute, unbound_message=NO_APP if var is _cv_app else NO_REQUEST
    )
    outcomes = []
    for proxy in (fast[{"app": "current_app"}.get(attribute, attribute)], generic):
        outside = _outcome(operation, proxy)
        with app.test_request_context("/user/3") as ctx:
            target = app if attribute == "app" else getattr(ctx, attribute)
            if attribute == "session":
                target["user"] = "ada"
            else:
                target.marker = "set"
            inside = _outcome(operation, proxy)
            left = (
                dict(target)
                if attribute == "session"
                else {key: vars(target).get(key) for key in ("marker", "written")}
            )
        if attribute == "app":
            for key in ("marker", "written"):
                app.__dict__.pop(key, None)
        outcomes.append((outside, inside, left))
    return outcomes


@pytest.mark.parametrize("attribute", ["request", "app"])
@pytest.mark.parametrize("name", list(_REQUEST_SIDE_OPERATIONS))
def test_request_and_app_proxies_behave_as_generic_proxies(
    app: Any, attribute: str, name: str
) -> None:
    fast, generic = _request_side_outcomes(app, attribute, name)
    assert fast == generic


@pytest.mark.parametrize("name", [*_REQUEST_SIDE_OPERATIONS, *_SESSION_OPERATIONS])
def test_session_proxy_behaves_as_a_generic_proxy(app: Any, name: str) -> None:
    if name in ("write", "delete", "read", "hasattr"):
        pytest.skip("a dict session takes no attributes; covered by the request")
    fast, generic = _request_side_outcomes(app, "session", name)
    assert fast == generic
