"""``app.asgi_app``: the pipeline over ASGI, driven here as a server would."""

from __future__ import annotations

import asyncio
import contextvars
import threading
from dataclasses import dataclass
from dataclasses import field
from typing import Any

import pytest

from flaskish_context import after_this_request
from flaskish_context import copy_current_request_context
from flaskish_context import current_app
from flaskish_context import g
from flaskish_context import request
from flaskish_context import send_file
from flaskish_context import session
from flaskish_context import stream_with_context
from flaskish_core import signals
from flaskish_core.app import Flask
from flaskish_core.helpers import abort
from flaskish_core.helpers import url_for


@dataclass
class Exchange:
    """One request sent to an ASGI app, and what came back."""

    status: int = 0
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)
    chunks: list[bytes] = field(default_factory=list)
    #: How many times the app called ``receive``.
    receives: int = 0

    @property
    def body(self) -> bytes:
        return b"".join(self.chunks)

    def header(self, name: str) -> str | None:
        wanted = name.lower().encode()
        for key, value in self.headers:
            if key == wanted:
                return value.decode("latin-1")
        return None

    def headers_named(self, name: str) -> list[str]:
        wanted = name.lower().encode()
        return [v.decode("latin-1") for k, v in self.headers if k == wanted]


def scope(
    path: str = "/",
    method: str = "GET",
    query: bytes = b"",
    headers: list[tuple[bytes, bytes]] | None = None,
    root_path: str = "",
    scheme: str = "http",
) -> dict[str, Any]:
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": scheme,
        "path": root_path + path,
        "raw_path": (root_path + path).encode(),
        "root_path": root_path,
        "query_string": query,
        "headers": [(b"host", b"testserver"), *(headers or [])],
        "client": ("10.1.2.3", 4567),
        "server": ("testserver", 80),
    }


async def exchange(
    asgi: Any,
    the_scope: dict[str, Any],
    body: list[bytes] | None = None,
    disconnect: asyncio.Event | None = None,
) -> Exchange:
    """Send ``the_scope`` with ``body`` (one message per chunk) to ``asgi``.

    After the body, ``receive`` waits for ``disconnect`` to be set (never,
    by default) and then reports ``http.disconnect``.
    """
    result = Exchange()
    pending = list(body or [b""])
    gone = disconnect or asyncio.Event()

    async def receive() -> dict[str, Any]:
        result.receives += 1
        if pending:
            chunk = pending.pop(0)
            return {"type": "http.request", "body": chunk, "more_body": bool(pending)}
        await gone.wait()
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            result.status = message["status"]
            result.headers = list(message.get("headers", []))
        elif message["type"] == "http.response.body" and message.get("body"):
            result.chunks.append(message["body"])

    await asgi(the_scope, receive, send)
    return result


def run(
    app: Any, path: str = "/", body: list[bytes] | None = None, **kwargs: Any
) -> Exchange:
    """:func:`exchange` on a fresh event loop, against ``app.asgi_app``."""
    return asyncio.run(exchange(app.asgi_app, scope(path, **kwargs), body))


# -- the app used by most tests --------------------------------------------

ORDER: list[str] = []


@pytest.fixture
def app() -> Flask:
    app = Flask("asgi_app_tests")
    app.secret_key = "asgi secret"
    app.config["ASGI_MAX_THREADS"] = 4
    return app


def test_sync_and_async_views_answer(app: Flask) -> None:
    @app.get("/sync")
    def sync_view() -> str:
        return f"sync {request.args['q']}"

    @app.get("/async/<int:n>")
    async def async_view(n: int) -> dict[str, int]:
        await asyncio.sleep(0)
        return {"n": n}

    first = run(app, "/sync", query=b"q=1")
    assert (first.status, first.body) == (200, b"sync 1")
    assert first.header("content-type") == "text/html; charset=utf-8"
    assert first.header("content-length") == "6"
    second = run(app, "/async/7")
    assert (second.status, second.body) == (200, b'{"n":7}\n')
    assert run(app, "/missing").status == 404
    assert run(app, "/sync", method="POST").status == 405


def test_async_code_runs_on_the_loop_and_sync_code_in_the_pool(app: Flask) -> None:
    seen: dict[str, int] = {}

    @app.before_request
    def sync_hook() -> None:
        seen["hook"] = threading.get_ident()

    @app.get("/")
    async def view() -> str:
        seen["view"] = threading.get_ident()
        seen["loop"] = threading.get_ident()
        return "ok"

    async def main() -> Exchange:
        seen["server"] = threading.get_ident()
        return await exchange(app.asgi_app, scope("/"))

    assert asyncio.run(main()).status == 200
    assert seen["view"] == seen["server"]
    assert seen["hook"] != seen["server"]


def test_context_variables_flow_between_sync_and_async_steps(app: Flask) -> None:
    var: contextvars.ContextVar[str] = contextvars.ContextVar("var", default="unset")

    @app.before_request
    def sync_set() -> None:
        var.set("from sync hook")
        g.user = "ann"

    @app.get("/")
    async def view() -> str:
        return f"{var.get()} {g.user} {request.path}"

    @app.after_request
    def sync_after(response: Any) -> Any:
        response.headers["X-Var"] = var.get()
        return response

    result = run(app, "/")
    assert result.body == b"from sync hook ann /"
    assert result.header("x-var") == "from sync hook"
    # Nothing of the request is left in the caller's context.
    assert var.get() == "unset"


def test_hooks_errors_and_teardown_keep_flasks_order(app: Flask) -> None:
    calls: list[str] = []

    @app.before_request
    async def first() -> None:
        calls.append("before async")

    @app.before_request
    def second() -> None:
        calls.append("before sync")

    @app.get("/")
    def view() -> str:
        calls.append("view")
        abort(418)

    @app.errorhandler(418)
    async def teapot(e: Exception) -> tuple[str, int]:
        calls.append("handler")
        return "short and stout", 418

    @app.after_request
    async def after_async(response: Any) -> Any:
        calls.append("after async")
        return response

    @app.after_request
    def after_sync(response: Any) -> Any:
        calls.append("after sync")
        return response

    @app.teardown_request
    async def down(exc: BaseException | None) -> None:
        calls.append(f"teardown {exc!r}")

    @app.teardown_appcontext
    def down_app(exc: BaseException | None) -> None:
        calls.append("teardown app")

    result = run(app, "/")
    assert (result.status, result.body) == (418, b"short and stout")
    assert calls == [
        "before async",
        "before sync",
        "view",
        "handler",
        "after sync",
        "after async",
        "teardown None",
        "teardown app",
    ]


def test_unhandled_error_is_a_500_logged_and_teardown_sees_it(
    app: Flask, caplog: pytest.LogCaptureFixture
) -> None:
    torn: list[BaseException | None] = []

    @app.get("/")
    async def view() -> str:
        raise ValueError("broken view")

    @app.teardown_request
    def down(exc: BaseException | None) -> None:
        torn.append(exc)

    result = run(app, "/")
    assert result.status == 500
    assert b"Internal Server Error" in result.body
    assert "Exception on / [GET]" in caplog.text
    assert isinstance(torn[0], ValueError)


def test_signals_reach_sync_and_async_receivers(app: Flask) -> None:
    got: list[str] = []

    def on_started(sender: Any, **extra: Any) -> None:
        got.append(
            f"started {threading.current_thread().name.startswith('flaskish-asgi')}"
        )

    async def on_finished(sender: Any, response: Any, **extra: Any) -> None:
        got.append(f"finished {response.status_code}")

    @app.get("/")
    async def view() -> str:
        return "ok"

    with signals.request_started.connected_to(on_started, app):
        with signals.request_finished.connected_to(on_finished, app):
            assert run(app, "/").status == 200
    assert got == ["started True", "finished 200"]


def test_session_cookie_round_trip(app: Flask) -> None:
    @app.get("/set")
    async def set_value() -> str:
        session["n"] = 41
        return "set"

    @app.get("/get")
    def get_value() -> str:
        return str(session["n"] + 1)

    first = run(app, "/set")
    cookie = first.header("set-cookie")
    assert cookie is not None
    assert cookie.startswith("session=")
    value = cookie.split(";", 1)[0]
    second = run(app, "/get", headers=[(b"cookie", value.encode())])
    assert second.body == b"42"


def test_url_for_uses_root_path_scheme_and_host(app: Flask) -> None:
    @app.get("/here")
    async def here() -> str:
        return " ".join(
            [
                url_for("here"),
                url_for("here", _external=True),
                request.remote_addr or "",
                request.script_root,
            ]
        )

    result = run(app, "/here", root_path="/mount", scheme="https")
    assert result.body == (b"/mount/here https://testserver/mount/here 10.1.2.3 /mount")


def test_form_files_and_json_in_sync_and_async_views(app: Flask) -> None:
    @app.post("/form-sync")
    def form_sync() -> dict[str, Any]:
        upload = request.files["up"]
        return {"name": request.form["name"], "file": upload.read().decode()}

    @app.post("/form-async")
    async def form_async() -> dict[str, Any]:
        upload = request.files["up"]
        return {"name": request.form["name"], "file": upload.read().decode()}

    @app.post("/json")
    async def json_view() -> Any:
        return request.get_json()

    boundary = "XyZ"
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\nann\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="up"; filename="a.txt"\r\n'
        "Content-Type: text/plain\r\n\r\nfile body\r\n"
        f"--{boundary}--\r\n"
    ).encode()
    headers = [(b"content-type", f"multipart/form-data; boundary={boundary}".encode())]
    chunks = [body[:30], body[30:70], body[70:]]
    for path in ("/form-sync", "/form-async"):
        result = run(app, path, body=list(chunks), method="POST", headers=headers)
        assert result.body == b'{"file":"file body","name":"ann"}\n', path
    result = run(
        app,
        "/json",
        body=[b'{"a": [1,', b" 2]}"],
        method="POST",
        headers=[(b"content-type", b"application/json")],
    )
    assert result.body == b'{"a":[1,2]}\n'


def test_a_sync_view_reads_the_body_as_it_arrives(app: Flask) -> None:
    seen: list[tuple[bytes, int]] = []

    @app.post("/upload")
    def upload() -> str:
        stream = request.stream
        while chunk := stream.read(4):
            # How many chunks the server had handed over when this one was read.
            seen.append((chunk, exchange_state["receives"]))
        return "done"

    exchange_state = {"receives": 0}
    chunks = [b"aaaa", b"bbbb", b"cccc"]

    async def main() -> Exchange:
        pending = list(chunks)

        async def receive() -> dict[str, Any]:
            exchange_state["receives"] += 1
            if pending:
                return {
                    "type": "http.request",
                    "body": pending.pop(0),
                    "more_body": bool(pending),
                }
            await asyncio.Event().wait()
            raise AssertionError

        result = Exchange()

        async def send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.body":
                result.chunks.append(message.get("body", b""))

        await app.asgi_app(scope("/upload", method="POST"), receive, send)
        return result

    assert asyncio.run(main()).body == b"done"
    assert [chunk for chunk, _ in seen] == chunks
    # Each chunk was read before the next one was received.
    assert seen[0][1] == 1
    assert seen[1][1] == 2


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_max_content_length_answers_413_without_reading_the_rest(
    app: Flask, kind: str
) -> None:
    app.config["MAX_CONTENT_LENGTH"] = 10

    if kind == "sync":

        @app.post("/")
        def view() -> str:
            return str(len(request.get_data()))

    else:

        @app.post("/")
        async def view() -> str:
            return str(len(request.get_data()))

    chunks = [b"x" * 6] * 100
    result = run(app, "/", body=chunks, method="POST")
    assert result.status == 413
    # Only the first chunks past the limit were received, not all 100.
    assert result.receives < 5
    declared = run(
        app,
        "/",
        body=[b"x" * 20],
        method="POST",
        headers=[(b"content-length", b"20")],
    )
    assert declared.status == 413


def test_form_limits_answer_413(app: Flask) -> None:
    app.config["MAX_FORM_PARTS"] = 2

    @app.post("/")
    async def view() -> str:
        return str(len(request.form))

    part = 'Content-Disposition: form-data; name="{}"\r\n\r\nv\r\n'
    body = "".join("--B\r\n" + part.format(name) for name in "abc") + "--B--\r\n"
    headers = [(b"content-type", b"multipart/form-data; boundary=B")]
    result = run(app, "/", body=[body.encode()], method="POST", headers=headers)
    assert result.status == 413
    app.config["MAX_FORM_PARTS"] = 3
    result = run(app, "/", body=[body.encode()], method="POST", headers=headers)
    assert result.body == b"3"


def test_generators_stream_chunk_by_chunk(app: Flask) -> None:
    @app.get("/sync")
    def sync_stream() -> Any:
        @stream_with_context
        def generate() -> Any:
            yield "a"
            yield request.args["x"]
            yield "c"

        return generate()

    @app.get("/async")
    async def async_stream() -> Any:
        async def generate() -> Any:
            yield "1"
            await asyncio.sleep(0)
            yield b"2"

        return generate(), {"X-Kind": "async"}

    result = run(app, "/sync", query=b"x=b")
    assert result.chunks == [b"a", b"b", b"c"]
    result = run(app, "/async")
    assert result.chunks == [b"1", b"2"]
    assert result.header("x-kind") == "async"


def test_head_and_options(app: Flask) -> None:
    @app.get("/")
    def view() -> str:
        return "body"

    head = run(app, "/", method="HEAD")
    assert (head.status, head.body, head.header("content-length")) == (200, b"", "4")
    options = run(app, "/", method="OPTIONS")
    assert options.status == 200
    assert sorted((options.header("allow") or "").split(", ")) == [
        "GET",
        "HEAD",
        "OPTIONS",
    ]


def test_static_files_and_send_file(app: Flask, tmp_path: Any) -> None:
    data = bytes(range(256)) * 1000
    (tmp_path / "blob.bin").write_bytes(data)
    app.static_folder = str(tmp_path)

    @app.get("/file")
    async def file_view() -> Any:
        return send_file(tmp_path / "blob.bin", mimetype="application/x-test")

    static = run(app, "/static/blob.bin")
    assert (static.status, static.body) == (200, data)
    sent = run(app, "/file")
    assert sent.body == data
    assert sent.header("content-type") == "application/x-test"
    assert len(sent.chunks) > 1


def test_after_this_request_and_copy_current_request_context(app: Flask) -> None:
    @app.get("/")
    async def view() -> str:
        @after_this_request
        def tag(response: Any) -> Any:
            response.headers["X-Tag"] = request.path
            return response

        @copy_current_request_context
        def in_thread() -> str:
            return request.args["q"]

        return await asyncio.to_thread(in_thread)

    result = run(app, "/", query=b"q=copied")
    assert (result.body, result.header("x-tag")) == (b"copied", "/")


def test_a_client_disconnect_cancels_the_view_and_teardown_runs(app: Flask) -> None:
    events: list[str] = []

    @app.get("/")
    async def view() -> str:
        events.append("started")
        try:
            await asyncio.sleep(60)
        except asyncio.CancelledError:
            events.append("cancelled")
            raise
        return "never"

    @app.teardown_request
    def down(exc: BaseException | None) -> None:
        events.append(f"teardown {type(exc).__name__}")

    async def main() -> Exchange:
        gone = asyncio.Event()
        asyncio.get_running_loop().call_later(0.05, gone.set)
        return await exchange(app.asgi_app, scope("/"), disconnect=gone)

    result = asyncio.run(main())
    assert result.status == 0
    assert events == ["started", "cancelled", "teardown CancelledError"]


def test_a_disconnect_during_a_sync_view_waits_for_it(app: Flask) -> None:
    events: list[str] = []
    release = threading.Event()

    @app.get("/")
    def view() -> str:
        events.append("view started")
        release.wait(10)
        events.append("view finished")
        return "late"

    @app.teardown_request
    def down(exc: BaseException | None) -> None:
        events.append(f"teardown {type(exc).__name__}")

    async def main() -> Exchange:
        gone = asyncio.Event()
        loop = asyncio.get_running_loop()
        loop.call_later(0.05, gone.set)
        loop.call_later(0.1, release.set)
        return await exchange(app.asgi_app, scope("/"), disconnect=gone)

    result = asyncio.run(main())
    assert result.status == 0
    assert events == ["view started", "view finished", "teardown CancelledError"]


def test_the_thread_pool_is_bounded_by_config(app: Flask) -> None:
    app.config["ASGI_MAX_THREADS"] = 2
    lock = threading.Lock()
    running = [0, 0]  # now, most at once

    @app.get("/")
    def view() -> str:
        with lock:
            running[0] += 1
            running[1] = max(running)
        threading.Event().wait(0.02)
        with lock:
            running[0] -= 1
        return "ok"

    async def main() -> list[Exchange]:
        return await asyncio.gather(
            *(exchange(app.asgi_app, scope("/")) for _ in range(6))
        )

    assert [r.status for r in asyncio.run(main())] == [200] * 6
    assert running[1] <= 2


def test_lifespan_runs_serving_hooks_in_an_app_context(app: Flask) -> None:
    calls: list[str] = []

    @app.before_serving
    async def start() -> None:
        calls.append(f"start {current_app.name}")

    @app.before_serving
    def start_sync() -> None:
        calls.append("start sync")

    @app.after_serving
    def stop() -> None:
        calls.append(f"stop {current_app.name}")

    sent = asyncio.run(lifespan(app.asgi_app))
    assert sent == ["lifespan.startup.complete", "lifespan.shutdown.complete"]
    assert calls == ["start asgi_app_tests", "start sync", "stop asgi_app_tests"]


def test_a_failing_startup_is_reported(app: Flask) -> None:
    @app.before_serving
    def start() -> None:
        raise RuntimeError("no database")

    messages: list[dict[str, Any]] = []
    sent = asyncio.run(lifespan(app.asgi_app, messages))
    assert sent == ["lifespan.startup.failed"]
    assert "no database" in messages[0]["message"]


async def lifespan(
    asgi: Any, messages: list[dict[str, Any]] | None = None
) -> list[str]:
    incoming = [{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}]
    sent: list[str] = []

    async def receive() -> dict[str, Any]:
        return incoming.pop(0)

    async def send(message: dict[str, Any]) -> None:
        sent.append(message["type"])
        if messages is not None:
            messages.append(message)

    await asgi({"type": "lifespan", "asgi": {"version": "3.0"}}, receive, send)
    return sent


def test_websocket_scopes_are_refused(app: Flask) -> None:
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "websocket.connect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(app.asgi_app({"type": "websocket", "path": "/"}, receive, send))
    assert sent == [{"type": "websocket.close", "code": 1000}]


def test_middleware_wraps_asgi_app(app: Flask) -> None:
    @app.get("/")
    async def view() -> str:
        return request.headers.get("X-Added", "")

    inner = app.asgi_app

    async def middleware(scope_: Any, receive: Any, send: Any) -> None:
        scope_ = dict(scope_)
        scope_["headers"] = [*scope_["headers"], (b"x-added", b"by middleware")]
        await inner(scope_, receive, send)

    app.asgi_app = middleware  # type: ignore[method-assign]
    assert run(app, "/").body == b"by middleware"


def test_subclass_overrides_are_called_under_asgi(app: Flask) -> None:
    class Custom(Flask):
        def process_response(self, response: Any) -> Any:
            response = super().process_response(response)
            response.headers["X-Custom"] = "yes"
            return response

    custom = Custom("custom")

    @custom.get("/")
    async def view() -> str:
        return "ok"

    assert run(custom, "/").header("x-custom") == "yes"


def test_async_generator_bodies_also_stream_under_wsgi(app: Flask) -> None:
    @app.get("/")
    async def view() -> Any:
        async def generate() -> Any:
            yield "a"
            await asyncio.sleep(0)
            yield "b"

        return generate()

    response = app.test_client().get("/")
    assert response.data == b"ab"


def test_sync_code_of_one_request_runs_on_one_thread(app: Flask) -> None:
    import sqlite3

    threads: list[int] = []

    @app.before_request
    def open_db() -> None:
        threads.append(threading.get_ident())
        g.db = sqlite3.connect(":memory:")  # usable only on this thread

    @app.get("/")
    def view() -> str:
        threads.append(threading.get_ident())
        return str(g.db.execute("select 41 + 1").fetchone()[0])

    @app.teardown_request
    def close_db(exc: BaseException | None) -> None:
        threads.append(threading.get_ident())
        g.db.close()

    assert run(app, "/").body == b"42"
    assert len(threads) == 3
    assert len(set(threads)) == 1


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_the_body_reads_by_line(app: Flask, kind: str) -> None:
    def lines() -> list[str]:
        stream = request.environ["wsgi.input"]
        first = stream.readline()
        return [first.decode(), *(line.decode() for line in stream)]

    if kind == "sync":
        app.get("/")(lambda: {"lines": lines()})
    else:

        async def view() -> dict[str, list[str]]:
            return {"lines": lines()}

        app.get("/")(view)

    result = run(app, "/", body=[b"one\ntw", b"o\nthr", b"ee"])
    assert result.body == b'{"lines":["one\\n","two\\n","three"]}\n'


def test_stream_with_context_wraps_async_generators(app: Flask) -> None:
    @app.get("/")
    async def view() -> Any:
        @stream_with_context
        async def generate() -> Any:
            yield "path="
            await asyncio.sleep(0)
            yield request.path

        return generate()

    assert run(app, "/").chunks == [b"path=", b"/"]
    # Under WSGI the body is iterated after the context was popped.
    assert app.test_client().get("/").data == b"path=/"


def test_stream_with_context_needs_a_request_for_async_generators() -> None:
    async def generate() -> Any:
        yield "x"

    with pytest.raises(RuntimeError, match="request context"):
        stream_with_context(generate())


# -- class-based views with async methods -----------------------------------


def test_async_methods_of_class_views_run_on_the_servers_loop(app: Flask) -> None:
    from flaskish_routing import MethodView

    app.config["ASGI_MAX_THREADS"] = 2
    loops: set[Any] = set()
    running = [0, 0]  # now, most at once

    class Slow(MethodView):
        async def get(self) -> str:
            loops.add(asyncio.get_running_loop())
            running[0] += 1
            running[1] = max(running)
            await asyncio.sleep(0.05)
            running[0] -= 1
            return "slept"

    app.add_url_rule("/slow", view_func=Slow.as_view("slow"))

    async def main() -> tuple[Any, list[Exchange]]:
        replies = await asyncio.gather(
            *(exchange(app.asgi_app, scope("/slow")) for _ in range(100))
        )
        return asyncio.get_running_loop(), replies

    server_loop, replies = asyncio.run(main())
    assert [(r.status, r.body) for r in replies] == [(200, b"slept")] * 100
    assert loops == {server_loop}
    # All 100 slept at once: none waited for one of the 2 threads.
    assert running[1] == 100


def test_class_views_awaited_directly_answer_as_through_ensure_sync(
    app: Flask,
) -> None:
    from flaskish_routing import MethodView
    from flaskish_routing import View

    calls: list[tuple[str, str]] = []

    def identity(view: Any) -> Any:
        # A decorator: the view then runs in a thread through ensure_sync.
        def decorated(**kwargs: Any) -> Any:
            return view(**kwargs)

        return decorated

    class Items(MethodView):
        init_every_request = False

        async def get(self, item: int) -> Any:
            calls.append(("get", request.method))
            return {"item": item}, 201, {"X-Item": str(item)}

        async def post(self, item: int) -> str:
            calls.append(("post", request.get_data(as_text=True)))
            return "posted"

    class Whole(View):
        methods = ["GET", "PUT"]

        def __init__(self, greeting: str) -> None:
            self.greeting = greeting

        async def dispatch_request(self, item: int) -> str:
            calls.append(("whole", request.method))
            return f"{self.greeting} {item}"

    class DecoratedItems(Items):
        decorators = [identity]

    class DecoratedWhole(Whole):
        decorators = [identity]

    app.add_url_rule("/direct/<int:item>", view_func=Items.as_view("items"))
    app.add_url_rule("/whole/<int:item>", view_func=Whole.as_view("whole", "hi"))
    app.add_url_rule(
        "/threaded/<int:item>", view_func=DecoratedItems.as_view("threaded")
    )
    app.add_url_rule(
        "/decorated-whole/<int:item>",
        view_func=DecoratedWhole.as_view("decorated_whole", "hi"),
    )

    def answer(path: str, method: str, body: bytes = b"") -> Any:
        calls.clear()
        reply = run(app, path, method=method, body=[body])
        return reply.status, sorted(reply.headers), reply.body, list(calls)

    for method, body in (("GET", b""), ("HEAD", b""), ("POST", b"data")):
        assert answer("/direct/3", method, body) == answer("/threaded/3", method, body)
    assert answer("/direct/3", "HEAD")[0] == 201
    assert answer("/direct/3", "POST", b"data")[3] == [("post", "data")]
    assert answer("/direct/3", "DELETE") == answer("/threaded/3", "DELETE")
    for method in ("GET", "PUT"):
        assert answer("/whole/4", method) == answer("/decorated-whole/4", method)
    assert answer("/whole/4", "PUT")[2:] == (b"hi 4", [("whole", "PUT")])


def test_a_decorated_class_view_also_awaits_on_the_servers_loop(app: Flask) -> None:
    from flaskish_routing import MethodView

    seen: dict[str, Any] = {}

    def exclaim(view: Any) -> Any:
        def decorated(**kwargs: Any) -> Any:
            seen["decorator thread"] = threading.get_ident()
            return view(**kwargs) + "!"  # sees the handler's result

        return decorated

    class Loud(MethodView):
        decorators = [exclaim]

        async def get(self) -> str:
            seen["loop"] = asyncio.get_running_loop()
            return "hey"

    app.add_url_rule("/loud", view_func=Loud.as_view("loud"))

    async def main() -> Exchange:
        seen["server loop"] = asyncio.get_running_loop()
        seen["server thread"] = threading.get_ident()
        return await exchange(app.asgi_app, scope("/loud"))

    assert asyncio.run(main()).body == b"hey!"
    assert seen["loop"] is seen["server loop"]
    assert seen["decorator thread"] != seen["server thread"]


def test_ensure_sync_in_sync_code_runs_coroutines_on_the_servers_loop(
    app: Flask,
) -> None:
    var: contextvars.ContextVar[str] = contextvars.ContextVar("var", default="unset")
    seen: dict[str, Any] = {}

    async def fetch(value: str) -> str:
        seen["loop"] = asyncio.get_running_loop()
        var.set(value)
        return value.upper()

    async def fail() -> None:
        raise LookupError("from the loop")

    @app.get("/")
    def view() -> str:
        result = app.ensure_sync(fetch)("set")
        try:
            app.ensure_sync(fail)()
        except LookupError as e:
            result += f" {e}"
        return f"{result} {var.get()}"

    async def main() -> Exchange:
        seen["server loop"] = asyncio.get_running_loop()
        return await exchange(app.asgi_app, scope("/"))

    assert asyncio.run(main()).body == b"SET from the loop set"
    assert seen["loop"] is seen["server loop"]
