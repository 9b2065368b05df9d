"""async def views, methods, hooks and error handlers."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from flaskish import current_app
from flaskish import Flask
from flaskish import g
from flaskish import request
from flaskish import Response
from flaskish.testing import FlaskClient
from flaskish.views import MethodView


def test_async_view(app: Flask, client: FlaskClient) -> None:
    @app.route("/<int:n>")
    async def slow(n: int) -> dict[str, Any]:
        await asyncio.sleep(0)
        return {"n": n, "path": request.path}

    assert client.get("/5").json == {"n": 5, "path": "/5"}


def test_async_hooks_and_handlers(app: Flask, client: FlaskClient) -> None:
    log: list[str] = []

    @app.before_request
    async def before() -> None:
        g.seen = "before"
        log.append("before")

    @app.after_request
    async def after(response: Response) -> Response:
        log.append("after")
        response.headers["X-Async"] = g.seen
        return response

    @app.teardown_request
    async def teardown(exc: BaseException | None) -> None:
        log.append("teardown")

    @app.errorhandler(LookupError)
    async def lookup(e: LookupError) -> tuple[str, int]:
        return f"async {type(e).__name__}", 404

    @app.route("/")
    async def index() -> str:
        raise KeyError("k")

    response = client.get("/")
    assert (response.status_code, response.text, response.headers["X-Async"]) == (
        404,
        "async KeyError",
        "before",
    )
    assert log == ["before", "after", "teardown"]


def test_async_method_view(app: Flask, client: FlaskClient) -> None:
    class AsyncItems(MethodView):
        async def get(self) -> str:
            await asyncio.sleep(0)
            return "async get"

    app.add_url_rule("/", view_func=AsyncItems.as_view("items"))
    assert client.get("/").text == "async get"


def test_async_view_exception_propagates(app: Flask, client: FlaskClient) -> None:
    @app.route("/")
    async def index() -> str:
        raise ValueError("async failure")

    with pytest.raises(ValueError, match="async failure"):
        client.get("/")


def test_async_before_request_short_circuit(app: Flask, client: FlaskClient) -> None:
    @app.before_request
    async def gate() -> str:
        return "stopped"

    app.add_url_rule("/", "index", lambda: "view")
    assert client.get("/").text == "stopped"


def test_ensure_sync_and_async_to_sync(app: Flask) -> None:
    async def name() -> str:
        await asyncio.sleep(0)
        return current_app.name

    assert app.ensure_sync(len) is len
    with app.app_context():
        assert app.ensure_sync(name)() == "compat_app"
        assert app.async_to_sync(name)() == "compat_app"
