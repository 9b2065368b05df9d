"""The middleware as a host: after_this_request, the shared session,
teardown of unclosed responses."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterable
from collections.abc import Iterator
from typing import Any

import pytest
from werkzeug.test import Client
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Response

from flaskish_context import after_this_request
from flaskish_context import ContextMiddleware
from flaskish_context import request
from flaskish_context import session
from flaskish_context import stream_with_context


def _start(status: str, headers: Any, exc_info: Any = None) -> None:
    pass


def test_after_this_request_changes_status_and_headers() -> None:
    calls: list[str] = []

    def app(environ: Any, start_response: Any) -> Iterable[bytes]:
        @after_this_request
        def first(response: Response) -> Response:
            calls.append(f"first {response.status} {response.headers['X-App']}")
            response.headers["X-First"] = "1"
            return response

        @after_this_request
        def second(response: Response) -> Response:
            calls.append(f"second {response.headers['X-First']}")
            replaced = Response(status=201, headers=response.headers)
            replaced.headers["X-Second"] = request.path
            return replaced

        start_response("200 OK", [("X-App", "a"), ("Content-Type", "text/plain")])
        return [b"body"]

    response = Client(ContextMiddleware(app)).get("/where")
    assert calls == ["first 200 OK a", "second 1"]
    assert response.status_code == 201
    assert response.headers["X-App"] == "a"
    assert response.headers["X-First"] == "1"
    assert response.headers["X-Second"] == "/where"
    assert response.headers["Content-Type"] == "text/plain"
    assert response.get_data() == b"body"


def test_after_this_request_after_start_response_is_refused() -> None:
    def app(environ: Any, start_response: Any) -> Iterator[bytes]:
        start_response("200 OK", [])
        yield b"started"
        after_this_request(lambda response: response)

    response = Client(ContextMiddleware(app)).get("/")
    with pytest.raises(RuntimeError) as info:
        response.get_data()
    assert "after the application started its response" in str(info.value)


def test_session_from_a_session_middleware_outside_is_used() -> None:
    stored: dict[str, Any] = {}

    def app(environ: Any, start_response: Any) -> Iterable[bytes]:
        session["n"] = session.get("n", 0) + 1
        start_response("200 OK", [])
        return [str(session["n"]).encode()]

    inner = ContextMiddleware(app)

    def session_layer(environ: Any, start_response: Any) -> Iterable[bytes]:
        environ["flaskish.session"] = stored
        return inner(environ, start_response)

    client = Client(session_layer)
    assert [client.get("/").get_data() for _ in range(3)] == [b"1", b"2", b"3"]
    assert stored == {"n": 3}


def test_unclosed_response_tears_down_when_collected() -> None:
    seen: list[Any] = []
    middleware = ContextMiddleware(lambda e, s: Response(iter(["a", "b"]))(e, s))
    middleware.teardown_request(seen.append)
    body = middleware(EnvironBuilder().get_environ(), _start)
    assert next(iter(body)) == b"a"
    assert seen == []
    del body
    gc.collect()
    assert seen == [None]


def test_unclosed_stream_with_context_pops_cleanly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    unraisable: list[Any] = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    seen: list[Any] = []

    def app(environ: Any, start_response: Any) -> Iterable[bytes]:
        @stream_with_context
        def body() -> Iterator[str]:
            yield "path "
            yield request.path

        return Response(body())(environ, start_response)

    middleware = ContextMiddleware(app)
    middleware.teardown_request(seen.append)
    body = middleware(EnvironBuilder(path="/s").get_environ(), _start)
    assert next(iter(body)) == b"path "
    del body
    gc.collect()
    assert unraisable == []
    assert seen == [None]
