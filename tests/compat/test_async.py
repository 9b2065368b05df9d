"""async def views, methods, hooks and error handlers."""

from __future__ import annotations

import asyncio
import contextvars
from typing import Any

import pytest
from werkzeug.exceptions import NotFound

from flaskish import after_this_request
from flaskish import Blueprint
from flaskish import current_app
from flaskish import flash
from flaskish import Flask
from flaskish import g
from flaskish import get_flashed_messages
from flaskish import render_template_string
from flaskish import request
from flaskish import Response
from flaskish import session
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


def test_async_context_processor_and_after_this_request(
    app: Flask, client: FlaskClient
) -> None:
    @app.context_processor
    async def values() -> dict[str, str]:
        return {"v": "from async"}

    @app.route("/")
    def index() -> str:
        @after_this_request
        async def mark(response: Response) -> Response:
            response.headers["X-Mark"] = "1"
            return response

        return render_template_string("{{ v }}")

    response = client.get("/")
    assert (response.text, response.headers["X-Mark"]) == ("from async", "1")


def test_async_app_hooks_from_blueprint(app: Flask, client: FlaskClient) -> None:
    log: list[str] = []
    bp = Blueprint("bp", __name__)

    @bp.before_app_request
    async def before() -> None:
        log.append("before_app")

    @app.teardown_appcontext
    async def teardown(exc: BaseException | None) -> None:
        log.append("teardown_appcontext")

    app.register_blueprint(bp)
    app.add_url_rule("/", "index", lambda: log.append("view") or "")
    client.get("/")
    assert log == ["before_app", "view", "teardown_appcontext"]


def test_async_http_error_handler(app: Flask, client: FlaskClient) -> None:
    @app.errorhandler(404)
    async def missing(e: NotFound) -> tuple[str, int]:
        await asyncio.sleep(0)
        return f"async {e.code}", 404

    assert client.get("/nothing").text == "async 404"


def test_async_view_renders_template(app: Flask, client: FlaskClient) -> None:
    @app.route("/")
    async def index() -> str:
        return render_template_string("{{ request.method }} {{ 1 + 1 }}")

    assert client.get("/").text == "GET 2"


def test_async_view_with_session_and_flash(app: Flask, client: FlaskClient) -> None:
    @app.route("/")
    async def index() -> dict[str, object]:
        session["n"] = session.get("n", 0) + 1
        flash("async")
        return {"n": session["n"], "flashes": get_flashed_messages()}

    assert client.get("/").json == {"n": 1, "flashes": ["async"]}
    assert client.get("/").json == {"n": 2, "flashes": ["async"]}


_marker: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "compat_marker", default=None
)


def test_context_variables_set_in_async_functions_reach_the_next_one(
    app: Flask, client: FlaskClient
) -> None:
    @app.before_request
    async def before() -> None:
        _marker.set("hook")

    @app.route("/")
    async def index() -> str:
        seen = _marker.get()
        _marker.set("view")
        return f"{seen}"

    @app.after_request
    def after(response: Response) -> Response:
        response.headers["X-Marker"] = str(_marker.get())
        return response

    response = contextvars.copy_context().run(client.get, "/")
    assert (response.text, response.headers["X-Marker"]) == ("hook", "view")


def test_tasks_an_async_view_leaves_running_are_cancelled(
    app: Flask, client: FlaskClient
) -> None:
    log: list[str] = []

    async def background(path: str) -> None:
        try:
            await asyncio.sleep(3600)
            log.append(f"finished {path}")
        except asyncio.CancelledError:
            log.append(f"cancelled {path}")
            raise

    @app.route("/<name>")
    async def start(name: str) -> str:
        asyncio.get_running_loop().create_task(background(request.path))
        await asyncio.sleep(0)
        return name

    assert client.get("/one").text == "one"
    assert log == ["cancelled /one"]
    assert client.get("/two").text == "two"
    assert log == ["cancelled /one", "cancelled /two"]
