"""The request pipeline of ``Flask``: order, short-circuits, errors, teardown."""

from __future__ import annotations

import logging
import typing as t
from typing import Any

import pytest
from werkzeug.exceptions import Forbidden
from werkzeug.exceptions import HTTPException
from werkzeug.exceptions import InternalServerError
from werkzeug.exceptions import NotFound
from werkzeug.test import EnvironBuilder
from werkzeug.test import run_wsgi_app

from flaskish_blueprints import Blueprint
from flaskish_context import after_this_request
from flaskish_context import g
from flaskish_context import request
from flaskish_core import signals
from flaskish_core.app import Flask
from flaskish_core.helpers import abort


@pytest.fixture
def app() -> Flask:
    return Flask("pipeline_app")


def test_hooks_view_and_teardown_run_in_order(app: Flask) -> None:
    calls: list[str] = []

    @app.url_value_preprocessor
    def pull(endpoint: str | None, values: dict[str, Any] | None) -> None:
        calls.append(f"preprocess {endpoint} {values}")

    @app.before_request
    def first() -> None:
        calls.append("before 1")

    @app.before_request
    def second() -> None:
        calls.append("before 2")

    @app.after_request
    def after_one(response: Any) -> Any:
        calls.append("after 1")
        return response

    @app.after_request
    def after_two(response: Any) -> Any:
        calls.append("after 2")
        return response

    @app.teardown_request
    def teardown(exc: BaseException | None) -> None:
        calls.append(f"teardown {exc!r}")

    @app.teardown_appcontext
    def teardown_app(exc: BaseException | None) -> None:
        calls.append(f"teardown app {exc!r}")

    @app.route("/item/<int:item>")
    def item(item: int) -> str:
        @after_this_request
        def once(response: Any) -> Any:
            calls.append("after this request")
            return response

        calls.append("view")
        return str(item)

    response = app.test_client().get("/item/3")
    assert response.status_code == 200
    assert response.data == b"3"
    assert calls == [
        "preprocess item {'item': 3}",
        "before 1",
        "before 2",
        "view",
        "after this request",
        "after 2",
        "after 1",
        "teardown None",
        "teardown app None",
    ]


def test_before_request_return_value_skips_the_rest(app: Flask) -> None:
    calls: list[str] = []
    app.before_request(lambda: "early")
    app.before_request(lambda: calls.append("second before"))
    app.add_url_rule("/", "index", lambda: calls.append("view") or "view")
    app.after_request(lambda r: calls.append("after") or r)
    response = app.test_client().get("/")
    assert response.data == b"early"
    assert calls == ["after"]


def test_signals_in_order(app: Flask) -> None:
    calls: list[str] = []

    def record(name: str) -> Any:
        def receiver(sender: Any, **extra: Any) -> None:
            calls.append(name)

        return receiver

    receivers = {
        name: record(name)
        for name in (
            "request_started",
            "request_finished",
            "request_tearing_down",
            "appcontext_pushed",
            "appcontext_tearing_down",
            "appcontext_popped",
        )
    }
    for name, receiver in receivers.items():
        getattr(signals, name).connect(receiver, app)
    try:
        app.add_url_rule("/", "index", lambda: calls.append("view") or "ok")
        assert app.test_client().get("/").data == b"ok"
    finally:
        for name, receiver in receivers.items():
            getattr(signals, name).disconnect(receiver, app)
    assert calls == [
        "appcontext_pushed",
        "request_started",
        "view",
        "request_finished",
        "request_tearing_down",
        "appcontext_tearing_down",
        "appcontext_popped",
    ]


def test_unhandled_error_gives_500_and_teardown_sees_it(
    app: Flask, caplog: pytest.LogCaptureFixture
) -> None:
    seen: list[BaseException | None] = []
    app.teardown_request(seen.append)
    failure = ZeroDivisionError("boom")

    @app.route("/fail")
    def fail() -> str:
        raise failure

    with caplog.at_level(logging.ERROR):
        response = app.test_client().get("/fail")
    assert response.status_code == 500
    assert b"Internal Server Error" in response.data
    assert seen == [failure]
    assert caplog.records[-1].getMessage() == "Exception on /fail [GET]"
    assert caplog.records[-1].exc_info is not None


def test_500_handler_gets_internal_server_error_with_original(app: Flask) -> None:
    failure = KeyError("k")

    @app.errorhandler(500)
    def server_error(e: InternalServerError) -> tuple[str, int]:
        assert e.original_exception is failure
        return f"handled {type(e).__name__}", 500

    @app.route("/fail")
    def fail() -> str:
        raise failure

    response = app.test_client().get("/fail")
    assert (response.status_code, response.data) == (
        500,
        b"handled InternalServerError",
    )


def test_testing_mode_propagates(app: Flask) -> None:
    app.testing = True

    @app.route("/fail")
    def fail() -> str:
        raise ValueError("out")

    with pytest.raises(ValueError, match="out"):
        app.test_client().get("/fail")


def test_error_handlers_by_code_and_class(app: Flask) -> None:
    class Base(Exception):
        pass

    class Child(Base):
        pass

    app.register_error_handler(Base, lambda e: (f"base {type(e).__name__}", 418))
    app.register_error_handler(404, lambda e: ("missing", 404))

    @app.route("/child")
    def child() -> str:
        raise Child()

    @app.route("/forbidden")
    def forbidden() -> str:
        raise Forbidden()

    client = app.test_client()
    assert (client.get("/child").status_code, client.get("/child").data) == (
        418,
        b"base Child",
    )
    assert client.get("/nowhere").data == b"missing"
    assert client.get("/forbidden").status_code == 403


def test_not_found_without_handler(app: Flask) -> None:
    response = app.test_client().get("/nowhere")
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert NotFound.description.encode() in response.data


def _error_app(app: Flask) -> Flask:
    app.add_url_rule("/abort", "abort", lambda: abort(404, description="no <x>"))
    shop = Blueprint("shop", __name__, url_prefix="/shop")
    shop.add_url_rule("/abort", "abort", lambda: abort(404))
    shop.add_url_rule("/fail", "fail", lambda: 1 // 0)
    app.register_blueprint(shop)
    return app


def _wsgi(app: Flask, path: str, method: str) -> tuple[Any, ...]:
    environ = EnvironBuilder(path=path, method=method).get_environ()
    body, status, headers = run_wsgi_app(app, environ, buffered=True)
    return status, headers.to_wsgi_list(), b"".join(body)


def test_error_pages_without_handlers_as_with_the_lookup() -> None:
    # With no handler registered the lookup is skipped; with one for
    # another code it runs over the blueprint chain and finds nothing.
    bare = _error_app(Flask("bare"))
    looked_up = _error_app(Flask("looked_up"))
    looked_up.register_error_handler(418, lambda e: "teapot")
    for path in ("/missing", "/abort", "/shop/abort", "/shop/fail", "/shop/x"):
        for method in ("GET", "HEAD", "POST"):
            assert _wsgi(bare, path, method) == _wsgi(looked_up, path, method)


def test_find_error_handler_of_a_subclass_is_asked_without_handlers() -> None:
    asked: list[tuple[str, tuple[str, ...]]] = []

    class Asking(Flask):
        def _find_error_handler(
            self, e: BaseException, blueprints: t.Sequence[str]
        ) -> t.Callable[..., t.Any] | None:
            asked.append((type(e).__name__, tuple(blueprints)))
            return lambda error: (f"asked {type(error).__name__}", 410)

    app = _error_app(Asking("asking"))
    client = app.test_client()
    assert (client.get("/shop/abort").status_code, client.get("/missing").data) == (
        410,
        b"asked NotFound",
    )
    assert client.get("/shop/fail").data == b"asked ZeroDivisionError"
    assert asked == [
        ("NotFound", ("shop",)),
        ("NotFound", ()),
        ("ZeroDivisionError", ("shop",)),
    ]


def test_replaced_handle_http_exception_is_called() -> None:
    seen: list[tuple[str, int | None]] = []

    class Own(Flask):
        def handle_http_exception(self, e: HTTPException) -> t.Any:
            seen.append(("subclass", e.code))
            return f"own {e.code}", 410

    client = _error_app(Own("own")).test_client()
    assert client.get("/missing").data == b"own 404"
    assert client.get("/shop/abort").status_code == 410

    app = _error_app(Flask("replaced"))
    original = app.handle_http_exception

    def replaced(e: HTTPException) -> t.Any:
        seen.append(("instance", e.code))
        return original(e)

    app.handle_http_exception = replaced  # type: ignore[method-assign]
    response = app.test_client().get("/abort")
    assert (response.status_code, b"no &lt;x&gt;" in response.data) == (404, True)
    assert seen == [("subclass", 404), ("subclass", 404), ("instance", 404)]


def test_405_and_automatic_options(app: Flask) -> None:
    app.add_url_rule("/", "index", lambda: "ok", methods=["POST"])
    client = app.test_client()
    response = client.get("/")
    assert response.status_code == 405
    assert sorted(response.allow) == ["OPTIONS", "POST"]
    options = client.options("/")
    assert options.status_code == 200
    assert sorted(options.allow) == ["OPTIONS", "POST"]
    assert options.data == b""


def test_g_is_fresh_per_request(app: Flask) -> None:
    @app.route("/")
    def index() -> str:
        seen = g.get("counter", 0)
        g.counter = seen + 1
        return str(g.counter)

    client = app.test_client()
    assert [client.get("/").data for _ in range(3)] == [b"1", b"1", b"1"]


def test_setup_after_first_request_is_rejected(app: Flask) -> None:
    app.add_url_rule("/", "index", lambda: "ok")
    app.test_client().get("/")
    with pytest.raises(AssertionError) as info:
        app.add_url_rule("/late", "late", lambda: "late")
    assert str(info.value).startswith(
        "The setup method 'add_url_rule' can no longer be called on the application."
    )


def test_async_view_and_hooks(app: Flask) -> None:
    calls: list[str] = []

    @app.before_request
    async def before() -> None:
        calls.append("before")

    @app.route("/")
    async def index() -> str:
        calls.append(f"view {request.path}")
        return "async"

    assert app.test_client().get("/").data == b"async"
    assert calls == ["before", "view /"]


def test_request_finalizing_error_in_500_path_is_logged(
    app: Flask, caplog: pytest.LogCaptureFixture
) -> None:
    @app.after_request
    def broken(response: Any) -> Any:
        raise RuntimeError("after failed")

    @app.route("/")
    def index() -> str:
        raise ValueError("view failed")

    with caplog.at_level(logging.ERROR):
        response = app.test_client().get("/")
    assert response.status_code == 500
    messages = [record.getMessage() for record in caplog.records]
    assert "Request finalizing failed with an error while handling an error" in messages
