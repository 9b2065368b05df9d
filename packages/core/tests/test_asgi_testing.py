"""The test client's ASGI mode shows what the WSGI client shows."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from flaskish_core.app import Flask
from flaskish_core.asgi_testing import scope_from_environ
from flaskish_core.testing import EnvironBuilder


@pytest.fixture
def app() -> Flask:
    app = Flask("asgi_testing_tests")
    app.secret_key = "asgi testing secret"

    @app.get("/")
    def index() -> Any:
        response = app.make_response("hello")
        response.headers["X-Custom"] = "1"
        response.headers["x-lower"] = "2"
        response.headers.add("X-Twice", "a")
        response.headers.add("x-twice", "b")
        response.set_cookie("flavour", "oat")
        return response

    @app.post("/made")
    def made() -> Any:
        return "", "201 CREATED"

    @app.get("/custom")
    def custom() -> Any:
        return "", "299 Custom Phrase"

    return app


def test_header_names_are_the_ones_the_app_wrote(app: Flask) -> None:
    over_wsgi = app.test_client().get("/")
    client = app.test_client()
    client.asgi = True
    over_asgi = client.get("/")
    assert over_asgi.headers.to_wsgi_list() == over_wsgi.headers.to_wsgi_list()
    names = [name for name, _value in over_asgi.headers.to_wsgi_list()]
    assert "Set-Cookie" in names
    assert "Content-Type" in names
    assert names.count("X-Twice") == names.count("x-twice") == 1
    assert "x-lower" in names


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("POST", "/made", "201 CREATED"),
        ("GET", "/custom", "299 Custom Phrase"),
        ("GET", "/", "200 OK"),
        ("GET", "/missing", "404 NOT FOUND"),
    ],
)
def test_the_status_line_is_the_one_the_app_wrote(
    app: Flask, method: str, path: str, status: str
) -> None:
    client = app.test_client()
    assert client.open(path, method=method).status == status
    client.asgi = True
    assert client.open(path, method=method).status == status


def test_servers_get_lower_case_names_only(app: Flask) -> None:
    # A server's scope does not ask for the names as written.
    scope = scope_from_environ(EnvironBuilder(app, "/").get_environ())
    del scope["extensions"]
    starts: list[dict[str, Any]] = []
    messages = [{"type": "http.request", "body": b"", "more_body": False}]

    async def receive() -> dict[str, Any]:
        if messages:
            return messages.pop()
        await asyncio.Event().wait()  # never disconnects
        raise AssertionError("unreachable")

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            starts.append(message)

    asyncio.run(app.asgi_app(scope, receive, send))
    (start,) = starts
    assert set(start) == {"type", "status", "headers"}
    names = [name for name, _value in start["headers"]]
    assert names == [name.lower() for name in names]
    assert b"set-cookie" in names


def test_what_a_middleware_changes_is_shown_as_sent(app: Flask) -> None:
    inner = app.asgi_app

    async def middleware(scope: Any, receive: Any, send: Any) -> None:
        async def send_more(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message["headers"], (b"server", b"mw")]
                if scope["path"] == "/custom":
                    message["status"] = 203
            await send(message)

        await inner(scope, receive, send_more)

    app.asgi_app = middleware
    client = app.test_client()
    client.asgi = True
    headers = client.get("/").headers.to_wsgi_list()
    assert ("server", "mw") in headers
    assert ("X-Custom", "1") in headers
    # A status the middleware changed has the standard phrase of its code.
    assert client.get("/custom").status == "203 Non Authoritative Information"
