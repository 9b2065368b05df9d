from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from werkzeug.routing import Map
from werkzeug.routing import Rule
from werkzeug.test import Client
from werkzeug.wrappers import Request
from werkzeug.wrappers import Response

from flaskish_context import ContextMiddleware
from flaskish_context import current_app
from flaskish_context import g
from flaskish_context import has_request_context
from flaskish_context import request
from flaskish_context import send_file
from flaskish_context import session


def hello(environ: Any, start_response: Any) -> Iterable[bytes]:
    g.seen = request.args.get("name", "world")
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [f"hello {g.seen} from {current_app.name}".encode()]


def test_plain_wsgi_app_reads_proxies() -> None:
    client = Client(ContextMiddleware(hello))
    rv = client.get("/?name=ann")
    assert rv.status_code == 200
    assert rv.get_data() == b"hello ann from hello"
    assert not has_request_context()


def test_g_and_session_are_per_request() -> None:
    def app(environ: Any, start_response: Any) -> Iterable[bytes]:
        assert "count" not in g
        session["n"] = session.get("n", 0) + 1
        start_response("200 OK", [])
        return [str(session["n"]).encode()]

    client = Client(ContextMiddleware(app, name="counter"))
    assert [client.get("/").get_data() for _ in range(2)] == [b"1", b"1"]


def test_open_session_hook() -> None:
    store: dict[str, int] = {}
    opened: list[str] = []

    def open_session(req: Request) -> dict[str, int]:
        opened.append(req.path)
        return store

    def app(environ: Any, start_response: Any) -> Iterable[bytes]:
        if request.path == "/write":
            session["x"] = 1
        start_response("204 No Content", [])
        return []

    client = Client(ContextMiddleware(app, open_session=open_session))
    client.get("/")
    assert opened == []
    client.get("/write")
    assert opened == ["/write"]
    assert store == {"x": 1}


def test_url_map_matching() -> None:
    url_map = Map([Rule("/item/<int:id>", endpoint="item")])

    def app(environ: Any, start_response: Any) -> Iterable[bytes]:
        error = getattr(request, "routing_exception", None)
        if error is not None:
            return error(environ, start_response)  # type: ignore[no-any-return]
        start_response("200 OK", [])
        return [f"{request.url_rule.endpoint} {request.view_args}".encode()]

    client = Client(ContextMiddleware(app, url_map=url_map))
    assert client.get("/item/4").get_data() == b"item {'id': 4}"
    assert client.get("/nope").status_code == 404


def test_streaming_body_keeps_context_and_tears_down_after_close() -> None:
    events: list[Any] = []

    def app(environ: Any, start_response: Any) -> Iterator[bytes]:
        start_response("200 OK", [])
        events.append("called")
        yield b"a"
        events.append(("iterating", request.path))
        yield b"b"

    mw = ContextMiddleware(app)
    mw.teardown_request(lambda exc: events.append(("teardown_request", exc)))
    mw.teardown_appcontext(lambda exc: events.append(("teardown_app", exc)))
    body = mw(Request.from_values("/s").environ, lambda *a: None)
    assert not has_request_context()
    assert list(body) == [b"a", b"b"]
    assert events == ["called", ("iterating", "/s")]
    body.close()  # type: ignore[attr-defined]
    assert events[2:] == [("teardown_request", None), ("teardown_app", None)]
    assert not has_request_context()


def test_error_in_app_reaches_teardown() -> None:
    seen: list[Any] = []

    def app(environ: Any, start_response: Any) -> Iterable[bytes]:
        raise KeyError("bad")

    mw = ContextMiddleware(app)
    mw.teardown_request(seen.append)
    with pytest.raises(KeyError):
        Client(mw).get("/")
    assert len(seen) == 1
    assert isinstance(seen[0], KeyError)
    assert not has_request_context()


def test_error_while_iterating_reaches_teardown() -> None:
    seen: list[Any] = []

    def app(environ: Any, start_response: Any) -> Iterator[bytes]:
        start_response("200 OK", [])
        yield b"x"
        raise ValueError("late")

    mw = ContextMiddleware(app)
    mw.teardown_request(seen.append)
    body = mw(Request.from_values("/").environ, lambda *a: None)
    with pytest.raises(ValueError, match="late"):
        list(body)
    body.close()  # type: ignore[attr-defined]
    assert [type(e) for e in seen] == [ValueError]


def test_teardown_runs_all_latest_first_then_raises_first_error() -> None:
    order: list[str] = []

    def first(exc: BaseException | None) -> None:
        order.append("first")

    def broken(exc: BaseException | None) -> None:
        order.append("broken")
        raise RuntimeError("teardown failed")

    def last(exc: BaseException | None) -> None:
        order.append("last")

    mw = ContextMiddleware(hello)
    for f in (first, broken, last):
        mw.teardown_request(f)
    rv = Client(mw).get("/")
    assert order == []  # teardown waits for the server to close the body
    with pytest.raises(RuntimeError, match="teardown failed"):
        rv.close()
    assert order == ["last", "broken", "first"]
    assert not has_request_context()


def test_async_teardown_functions_are_awaited() -> None:
    events: list[Any] = []

    async def close_request(exc: BaseException | None) -> None:
        events.append(("request", request.path, exc))

    async def close_app(exc: BaseException | None) -> None:
        events.append(("app", current_app.name, exc))

    mw = ContextMiddleware(hello, name="wrapped")
    mw.teardown_request(close_request)
    mw.teardown_appcontext(close_app)
    Client(mw).get("/t").close()
    assert events == [("request", "/t", None), ("app", "wrapped", None)]


def test_send_file_and_async_ensure_sync(tmp_path: Path) -> None:
    (tmp_path / "f.txt").write_text("file body")

    def app(environ: Any, start_response: Any) -> Any:
        return send_file("f.txt")(environ, start_response)

    mw = ContextMiddleware(app, root_path=str(tmp_path))
    rv = Client(mw, Response).get("/")
    assert rv.get_data() == b"file body"
    assert rv.headers["Cache-Control"] == "no-cache"
    rv.close()

    async def double(x: int) -> int:
        return x * 2

    def plain(x: int) -> int:
        return x

    assert mw.ensure_sync(double)(4) == 8
    assert mw.ensure_sync(plain) is plain


def test_name_defaults() -> None:
    class App:
        def __call__(self, environ: Any, start_response: Any) -> Iterable[bytes]:
            return []

    assert ContextMiddleware(hello).name == "hello"
    assert ContextMiddleware(App()).name == "App"
    assert ContextMiddleware(hello, name="x").name == "x"
