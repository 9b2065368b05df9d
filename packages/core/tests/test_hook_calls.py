"""Hooks run the same whether the WSGI driver calls them past ``ensure_sync``
(the default), through an overriding or replaced ``ensure_sync``, or under
the ASGI driver."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from flaskish_blueprints import Blueprint
from flaskish_context import g
from flaskish_core.app import Flask


class Overriding(Flask):
    def ensure_sync(self, func: Callable[..., Any]) -> Callable[..., Any]:
        self.asked.append(getattr(func, "__name__", repr(func)))
        return super().ensure_sync(func)


def _plain(name: str) -> Flask:
    return Flask(name)


def _overriding(name: str) -> Flask:
    app = Overriding(name)
    app.asked = []  # type: ignore[attr-defined]
    return app


def _replaced_on_the_instance(name: str) -> Flask:
    app = Flask(name)
    asked: list[str] = []
    own = app.ensure_sync

    def ensure_sync(func: Callable[..., Any]) -> Callable[..., Any]:
        asked.append(func.__name__)
        return own(func)

    app.ensure_sync = ensure_sync  # type: ignore[method-assign]
    app.asked = asked  # type: ignore[attr-defined]
    return app


def _hooked_app(make: Callable[[str], Flask], events: list[str]) -> Flask:
    app = make("hook_calls")
    bp = Blueprint("account", __name__, url_prefix="/account")

    @app.before_request
    def load_user() -> None:
        events.append("app before")
        g.user = "ada"

    @app.before_request
    async def async_before() -> None:
        events.append("app async before")
        g.started = True

    @bp.before_request
    def check_account() -> Any:
        events.append("bp before")
        g.account = g.user.upper()
        return "stopped early" if "stop" in g.get("flags", ()) else None

    @bp.before_request
    async def async_check() -> None:
        events.append(f"bp async before {'account' in g}")

    @app.after_request
    def server_header(response: Any) -> Any:
        events.append("app after")
        response.headers["X-Server"] = "flaskish"
        return response

    @bp.after_request
    async def async_account_header(response: Any) -> Any:
        events.append("bp async after")
        response.headers["X-Account"] = g.account
        return response

    @app.teardown_request
    def count_teardown(exc: BaseException | None) -> None:
        events.append(f"app teardown {exc!r}")

    @bp.teardown_request
    async def async_teardown(exc: BaseException | None) -> None:
        events.append(f"bp async teardown {g.pop('account', None)}")

    @bp.route("/")
    def account() -> str:
        events.append("view")
        return f"account of {g.account} {sorted(g)}"

    @app.route("/plain")
    async def plain() -> str:
        events.append("async view")
        return "plain"

    app.register_blueprint(bp)
    return app


def _run(make: Callable[[str], Flask], asgi: bool) -> list[Any]:
    events: list[str] = []
    app = _hooked_app(make, events)
    client = app.test_client()
    client.asgi = asgi
    outcomes: list[Any] = []

    def get(path: str) -> None:
        response = client.get(path)
        outcomes.append(
            (response.status, response.headers.to_wsgi_list(), response.data)
        )
        outcomes.append(list(events))
        events.clear()

    get("/account/")
    get("/plain")

    # Hooks added to the registries after the first requests (as extensions
    # may) take part in the next ones.
    def late() -> None:
        events.append("late before")
        g.flags = ("stop",)

    app.before_request_funcs[None].append(late)
    app.after_request_funcs["account"].append(_record_after(events))
    get("/account/")
    return outcomes


def _record_after(events: list[str]) -> Callable[[Any], Any]:
    async def late_after(response: Any) -> Any:
        events.append("late async after")
        return response

    return late_after


MAKERS = {
    "plain": _plain,
    "ensure_sync overridden": _overriding,
    "ensure_sync replaced on the instance": _replaced_on_the_instance,
}


@pytest.mark.parametrize("maker", list(MAKERS))
@pytest.mark.parametrize("asgi", [False, True], ids=["wsgi", "asgi"])
def test_hooks_run_alike_along_every_path(maker: str, asgi: bool) -> None:
    expected = _run(_overriding, asgi=False)
    assert _run(MAKERS[maker], asgi) == expected
    first, second, third = expected[1], expected[3], expected[5]
    assert first == [
        "app before",
        "app async before",
        "bp before",
        "bp async before True",
        "view",
        "bp async after",
        "app after",
        "bp async teardown ADA",
        "app teardown None",
    ]
    assert second == [
        "app before",
        "app async before",
        "async view",
        "app after",
        "app teardown None",
    ]
    assert third == [
        "app before",
        "app async before",
        "late before",
        "bp before",
        "late async after",
        "bp async after",
        "app after",
        "bp async teardown ADA",
        "app teardown None",
    ]
    assert expected[4][2] == b"stopped early"


# The functions of one request to /account/ of _hooked_app, in the order
# an ensure_sync is asked for them.
ASKED_IN_ORDER = [
    "load_user",
    "async_before",
    "check_account",
    "async_check",
    "account",
    "async_account_header",
    "server_header",
    "async_teardown",
    "count_teardown",
]


def test_an_overriding_ensure_sync_is_asked_for_every_hook_and_view() -> None:
    app = _overriding("asked")
    events: list[str] = []
    _hooked_app(lambda name: app, events)
    app.test_client().get("/account/")
    asked = [name for name in app.asked if name != "<lambda>"]  # type: ignore[attr-defined]
    assert asked == ASKED_IN_ORDER


def test_an_ensure_sync_replaced_between_requests_is_asked_from_the_next() -> None:
    # The synchronous driver reads ensure_sync once per registry it walks:
    # a replacement made after a request is asked for every function of the
    # next one, and no longer once it is removed.
    class Later(Flask):
        pass

    app = Later("between_requests")
    events: list[str] = []
    _hooked_app(lambda name: app, events)
    client = app.test_client()
    first = client.get("/account/").data
    asked: list[str] = []
    own = app.ensure_sync

    def on_instance(func: Callable[..., Any]) -> Callable[..., Any]:
        asked.append(func.__name__)
        return own(func)

    app.ensure_sync = on_instance  # type: ignore[method-assign]
    assert client.get("/account/").data == first
    assert asked == ASKED_IN_ORDER
    del app.ensure_sync
    asked.clear()
    client.get("/account/")
    assert asked == []

    def on_class(self: Flask, func: Callable[..., Any]) -> Callable[..., Any]:
        asked.append(func.__name__)
        return Flask.ensure_sync(self, func)

    Later.ensure_sync = on_class  # type: ignore[method-assign]
    assert client.get("/account/").data == first
    assert asked == ASKED_IN_ORDER
