"""URLs built outside a request, and streamed bodies that read the request."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest
from werkzeug.middleware.dispatcher import DispatcherMiddleware
from werkzeug.test import Client
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Response

from flaskish_routing import current_request
from flaskish_routing import Router


def test_url_for_outside_a_request_needs_a_server_name(app: Router) -> None:
    app.add_url_rule("/items/<int:n>", "item", lambda n: str(n))
    with pytest.raises(RuntimeError) as info:
        app.url_for("item", n=1)
    message = str(info.value)
    assert "server_name" in message
    assert "application_root" in message
    assert "preferred_url_scheme" in message


def test_url_for_outside_a_request_uses_root_and_scheme(app: Router) -> None:
    app.add_url_rule("/items/<int:n>", "item", lambda n: str(n))
    app.server_name = "example.test"
    assert app.url_for("item", n=1) == "http://example.test/items/1"
    app.application_root = "/api"
    app.preferred_url_scheme = "https"
    assert app.url_for("item", n=2) == "https://example.test/api/items/2"
    assert app.url_for("item", n=3, _external=False) == "/api/items/3"
    assert app.url_for("item", n=4, _scheme="http", _external=True) == (
        "http://example.test/api/items/4"
    )


def test_mounted_router_builds_the_same_url_in_and_outside_a_request() -> None:
    api = Router(__name__)
    api.server_name = "localhost"
    api.application_root = "/api"

    @api.route("/items/<int:n>")
    def item(n: int) -> str:
        return api.url_for("item", n=n, _external=True)

    client = Client(DispatcherMiddleware(Response("front"), {"/api": api}))
    inside = client.get("/api/items/5").text
    assert inside == "http://localhost/api/items/5"
    assert api.url_for("item", n=5) == inside


def test_generator_view_reads_the_request_while_streaming(app: Router) -> None:
    seen: list[str] = []

    @app.route("/stream")
    def stream() -> Response:
        def body() -> Iterator[str]:
            yield "hello "
            yield current_request().args["name"]
            yield f" at {current_request().path}"

        return Response(body())

    @app.teardown_request
    def teardown(exc: BaseException | None) -> None:
        seen.append(f"teardown {current_request().path} {exc}")

    response = Client(app).get("/stream?name=ann")
    assert response.status_code == 200
    assert seen == []
    assert response.get_data(as_text=True) == "hello ann at /stream"
    response.close()
    assert seen == ["teardown /stream None"]
    with pytest.raises(RuntimeError):
        current_request()


def test_streamed_body_error_reaches_teardown(app: Router) -> None:
    seen: list[Any] = []

    @app.route("/broken")
    def broken() -> Response:
        def body() -> Iterator[str]:
            yield "start"
            raise KeyError("mid-stream")

        return Response(body())

    app.teardown_request(seen.append)
    response = Client(app).get("/broken")
    with pytest.raises(KeyError):
        response.get_data()
    response.close()
    assert len(seen) == 1
    assert isinstance(seen[0], KeyError)


def _start(status: str, headers: Any, exc_info: Any = None) -> None:
    pass


def test_unclosed_streamed_body_runs_teardown_when_collected(app: Router) -> None:
    seen: list[Any] = []
    app.add_url_rule("/s", "s", lambda: Response(iter(["a", "b"])))
    app.teardown_request(seen.append)
    body = app(EnvironBuilder(path="/s").get_environ(), _start)
    assert next(iter(body)) == b"a"
    assert seen == []
    del body
    gc.collect()
    assert seen == [None]


def test_computed_body_tears_down_before_it_is_sent(app: Router) -> None:
    seen: list[Any] = []
    app.add_url_rule("/", "index", lambda: "done")
    app.teardown_request(seen.append)
    body = app(EnvironBuilder(path="/").get_environ(), _start)
    assert seen == [None]
    assert list(body) == [b"done"]


def test_interleaved_streams_each_see_their_own_request(app: Router) -> None:
    @app.route("/s/<name>")
    def stream(name: str) -> Response:
        def body() -> Iterator[str]:
            for _ in range(3):
                yield current_request().path + ";"

        return Response(body())

    first = iter(app(EnvironBuilder(path="/s/a").get_environ(), _start))
    second = iter(app(EnvironBuilder(path="/s/b").get_environ(), _start))
    chunks = [next(body) for _ in range(3) for body in (first, second)]
    assert chunks == [b"/s/a;", b"/s/b;"] * 3
    with pytest.raises(RuntimeError):
        current_request()
