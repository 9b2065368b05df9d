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
