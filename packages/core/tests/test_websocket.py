"""WebSocket routes over ASGI, driven through the test client in process."""

from __future__ import annotations

import logging
import threading
from typing import Any

import pytest

from flaskish_blueprints import Blueprint
from flaskish_context import current_app
from flaskish_context import g
from flaskish_context import has_request_context
from flaskish_context import has_websocket_context
from flaskish_context import request
from flaskish_context import session
from flaskish_context import websocket
from flaskish_core.app import Flask
from flaskish_core.helpers import abort
from flaskish_core.helpers import url_for
from flaskish_core.testing_websocket import WebsocketClosed
from flaskish_core.testing_websocket import WebsocketRejected
from flaskish_core.websocket import NEEDS_ASGI
from flaskish_core.websocket import NOT_A_WEBSOCKET_ROUTE
from flaskish_core.websocket import WebsocketDisconnect


@pytest.fixture
def app() -> Flask:
    app = Flask(__name__)
    app.secret_key = "test secret"
    return app


def echo_app(app: Flask) -> None:
    @app.websocket("/echo")
    async def echo() -> None:
        await websocket.accept()
        while True:
            await websocket.send(await websocket.receive())


def test_echo_text_and_binary(app: Flask) -> None:
    echo_app(app)
    with app.test_client().websocket("/echo") as ws:
        ws.send("hello")
        assert ws.receive() == "hello"
        ws.send(b"\x00\xffbinary")
        assert ws.receive() == b"\x00\xffbinary"
        ws.send("")
        assert ws.receive() == ""


def test_json_messages(app: Flask) -> None:
    @app.websocket("/json")
    async def json_echo() -> None:
        value = await websocket.receive_json()
        await websocket.send_json({"got": value, "n": len(value)})

    with app.test_client().websocket("/json") as ws:
        ws.send_json([1, "two"])
        assert ws.receive_json() == {"got": [1, "two"], "n": 2}
        with pytest.raises(WebsocketClosed) as closed:
            ws.receive()
        assert closed.value.code == 1000


def test_request_data_contexts_and_url_for(app: Flask) -> None:
    app.config["SERVER_NAME"] = "example.com"

    @app.websocket("/room/<int:room>")
    async def room(room: int) -> None:
        g.seen = room
        await websocket.send(
            "|".join(
                [
                    str(room),
                    websocket.path,
                    websocket.args["name"],
                    websocket.headers["X-Token"],
                    websocket.cookies.get("pref", "-"),
                    request.path,
                    str(websocket.request is request._get_current_object()),
                    str(has_websocket_context() and has_request_context()),
                    current_app.name,
                    str(g.seen),
                    url_for("room", room=7),
                    url_for("page", _external=False),
                ]
            )
        )

    @app.route("/page")
    def page() -> str:
        return str(has_websocket_context())

    client = app.test_client()
    client.set_cookie("pref", "dark", domain="example.com")
    with client.websocket("/room/3?name=ann", headers={"X-Token": "t1"}) as ws:
        assert ws.receive().split("|") == [  # type: ignore[union-attr]
            "3",
            "/room/3",
            "ann",
            "t1",
            "dark",
            "/room/3",
            "True",
            "True",
            app.name,
            "3",
            "ws://example.com/room/7",
            "/page",
        ]
    assert client.get("/page").text == "False"
    with app.test_request_context(base_url="https://example.com"):
        assert url_for("room", room=1) == "wss://example.com/room/1"


def test_proxy_outside_a_websocket(app: Flask) -> None:
    assert not has_websocket_context()
    with pytest.raises(RuntimeError, match="outside of websocket context"):
        websocket.args  # noqa: B018
    with app.test_request_context("/"):
        assert not has_websocket_context()
        with pytest.raises(RuntimeError, match="outside of websocket context"):
            websocket.path  # noqa: B018


def test_session_is_read_from_the_handshake_cookie(app: Flask) -> None:
    @app.route("/login/<name>")
    def login(name: str) -> str:
        session["user"] = name
        return "ok"

    @app.websocket("/whoami")
    async def whoami() -> None:
        await websocket.send(session.get("user", "anonymous"))

    client = app.test_client()
    with client.websocket("/whoami") as ws:
        assert ws.receive() == "anonymous"
    client.get("/login/ann")
    with client.websocket("/whoami") as ws:
        assert ws.receive() == "ann"


def test_subprotocols_and_accept_headers(app: Flask) -> None:
    @app.websocket("/proto")
    async def proto() -> None:
        offered = websocket.requested_subprotocols
        await websocket.accept(subprotocol=offered[-1], headers={"X-Server": "yes"})
        await websocket.send(",".join(offered))

    with app.test_client().websocket("/proto", subprotocols=["a", "b"]) as ws:
        assert ws.subprotocol == "b"
        assert ("x-server", "yes") in ws.accept_headers
        assert ws.receive() == "a,b"


def test_accepting_a_subprotocol_not_offered_is_an_error(
    app: Flask, caplog: pytest.LogCaptureFixture
) -> None:
    @app.websocket("/proto")
    async def proto() -> None:
        await websocket.accept(subprotocol="chat")

    with (
        caplog.at_level(logging.ERROR),
        pytest.raises(WebsocketRejected) as rejected,
    ):
        app.test_client().websocket("/proto", subprotocols=["other"]).__enter__()
    assert rejected.value.response.status_code == 500
    assert "did not offer the subprotocol 'chat'" in caplog.text


def test_close_code_and_reason(app: Flask) -> None:
    @app.websocket("/bye")
    async def bye() -> None:
        await websocket.send("first")
        await websocket.close(4001, "see you")
        await websocket.close(4002)  # closing twice does nothing

    with app.test_client().websocket("/bye") as ws:
        assert ws.receive() == "first"
        with pytest.raises(WebsocketClosed) as closed:
            ws.receive()
    assert (closed.value.code, closed.value.reason) == (4001, "see you")


@pytest.mark.parametrize("where", ["handler", "before_websocket"])
def test_abort_before_accept_rejects_with_the_http_error(
    app: Flask, where: str
) -> None:
    called = []

    if where == "before_websocket":

        @app.before_websocket
        def deny() -> None:
            abort(403)

    @app.websocket("/private")
    async def private() -> None:
        called.append("handler")
        abort(403)

    @app.errorhandler(403)
    def forbidden(e: Exception) -> tuple[str, int]:
        return "keep out", 403

    with pytest.raises(WebsocketRejected) as rejected:
        app.test_client().websocket("/private").__enter__()
    assert rejected.value.response.status_code == 403
    assert rejected.value.response.text == "keep out"
    assert called == ([] if where == "before_websocket" else ["handler"])


def test_a_hook_returning_a_value_rejects_with_that_response(app: Flask) -> None:
    @app.before_websocket
    async def need_token() -> Any:
        if websocket.args.get("token") != "s3cret":
            session["tried"] = True
            return {"error": "token required"}, 401
        return None

    @app.websocket("/feed")
    async def feed() -> None:
        await websocket.send("welcome")

    client = app.test_client()
    with pytest.raises(WebsocketRejected) as rejected:
        client.websocket("/feed").__enter__()
    response = rejected.value.response
    assert response.status_code == 401
    assert response.json == {"error": "token required"}
    # The session changed before the rejection travels in its cookie.
    with client.session_transaction() as saved:
        assert saved["tried"] is True
    with client.websocket("/feed?token=s3cret") as ws:
        assert ws.receive() == "welcome"


def test_routing_errors_reject_the_handshake(app: Flask) -> None:
    @app.route("/page")
    def page() -> str:
        return "page"

    client = app.test_client()
    with pytest.raises(WebsocketRejected) as rejected:
        client.websocket("/missing").__enter__()
    assert rejected.value.response.status_code == 404
    with pytest.raises(WebsocketRejected) as rejected:
        client.websocket("/page").__enter__()
    assert rejected.value.response.status_code == 400
    assert NOT_A_WEBSOCKET_ROUTE in rejected.value.response.text


def test_returning_without_accepting_refuses_the_handshake(app: Flask) -> None:
    @app.websocket("/nothing")
    async def nothing() -> None:
        return None

    with pytest.raises(WebsocketRejected) as rejected:
        app.test_client().websocket("/nothing").__enter__()
    assert rejected.value.response.status_code == 403


def test_an_error_after_accept_closes_with_1011_and_is_logged(
    app: Flask, caplog: pytest.LogCaptureFixture
) -> None:
    torn_down: list[Any] = []

    @app.websocket("/fail")
    async def fail() -> None:
        await websocket.send("about to fail")
        raise ValueError("handler broke")

    @app.teardown_websocket
    def down(exc: BaseException | None) -> None:
        torn_down.append(exc)

    with caplog.at_level(logging.ERROR), app.test_client().websocket("/fail") as ws:
        assert ws.receive() == "about to fail"
        with pytest.raises(WebsocketClosed) as closed:
            ws.receive()
    assert closed.value.code == 1011
    assert "handler broke" in caplog.text
    assert [type(e) for e in torn_down] == [ValueError]


def test_an_error_before_accept_rejects_with_500(
    app: Flask, caplog: pytest.LogCaptureFixture
) -> None:
    @app.websocket("/fail")
    async def fail() -> None:
        raise KeyError("early")

    with caplog.at_level(logging.ERROR), pytest.raises(WebsocketRejected) as rejected:
        app.test_client().websocket("/fail").__enter__()
    assert rejected.value.response.status_code == 500
    assert "KeyError: 'early'" in caplog.text


def test_client_disconnect_ends_the_handler_normally(app: Flask) -> None:
    ended: list[Any] = []

    @app.websocket("/listen")
    async def listen() -> None:
        await websocket.accept()
        try:
            while True:
                await websocket.receive()
        except WebsocketDisconnect as e:
            ended.append(e.code)
            raise

    @app.teardown_websocket
    def down(exc: BaseException | None) -> None:
        ended.append(exc)

    with app.test_client().websocket("/listen") as ws:
        ws.send("one")
        ws.close(4005)
    assert ended == [4005, None]


def test_hooks_run_in_order_for_app_and_blueprints(app: Flask) -> None:
    order: list[str] = []
    outer = Blueprint("outer", __name__, url_prefix="/outer")
    inner = Blueprint("inner", __name__, url_prefix="/inner")

    @app.before_websocket
    def app_before() -> None:
        order.append("app before")

    @outer.before_websocket
    async def outer_before() -> None:
        order.append("outer before")

    @inner.before_websocket
    def inner_before() -> None:
        order.append("inner before")

    @inner.websocket("/<name>")
    async def handler(name: str) -> None:
        order.append(f"handler {name} {request.blueprint}")
        await websocket.send(url_for("outer.inner.handler", name="x"))

    @inner.after_websocket
    def inner_after(response: Any) -> Any:
        order.append(f"inner after {response}")
        return response

    @app.after_websocket
    async def app_after(response: Any) -> Any:
        order.append("app after")
        return response

    @inner.teardown_websocket
    def inner_down(exc: BaseException | None) -> None:
        order.append("inner teardown")

    @outer.teardown_app_websocket
    def app_down(exc: BaseException | None) -> None:
        order.append("app teardown")

    @app.before_request
    def not_for_websockets() -> None:
        order.append("before_request")

    outer.register_blueprint(inner)
    app.register_blueprint(outer)
    with app.test_client().websocket("/outer/inner/ann") as ws:
        assert ws.receive() == "ws://localhost/outer/inner/x"
    assert order == [
        "app before",
        "outer before",
        "inner before",
        "handler ann outer.inner",
        "inner after None",
        "app after",
        "inner teardown",
        "app teardown",
    ]


def test_blueprint_subdomain_applies() -> None:
    app = Flask(__name__, subdomain_matching=True)
    app.config["SERVER_NAME"] = "example.com"
    chat = Blueprint("chat", __name__, subdomain="chat")

    @chat.websocket("/live")
    async def live() -> None:
        await websocket.send(websocket.host)

    app.register_blueprint(chat)
    client = app.test_client()
    with client.websocket("/live", subdomain="chat") as ws:
        assert ws.receive() == "chat.example.com"
    with pytest.raises(WebsocketRejected) as rejected:
        client.websocket("/live").__enter__()
    assert rejected.value.response.status_code == 404
    with app.app_context():
        assert url_for("chat.live") == "ws://chat.example.com/live"


def test_wsgi_answers_400_saying_asgi_is_needed(app: Flask) -> None:
    echo_app(app)

    @app.route("/page")
    def page() -> str:
        return "page"

    client = app.test_client()
    plain = client.get("/echo")
    assert plain.status_code == 400
    assert NEEDS_ASGI.split(".")[0] in plain.text
    upgrade = {"Upgrade": "websocket", "Connection": "Upgrade"}
    upgraded = client.get("/echo", headers=upgrade)
    assert upgraded.status_code == 400
    assert "WSGI servers cannot serve WebSockets" in upgraded.text
    assert client.get("/page", headers=upgrade).status_code == 400
    assert client.get("/page").text == "page"


def test_registration_checks(app: Flask) -> None:
    def sync_handler() -> None:
        pass

    with pytest.raises(TypeError, match="'sync_handler' must be an 'async def'"):
        app.websocket("/sync")(sync_handler)

    async def handler() -> None:
        pass

    with pytest.raises(TypeError, match="does not take 'methods'"):
        app.add_websocket("/x", view_func=handler, methods=["POST"])
    app.add_websocket("/ws", "named", handler)
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == "named")
    assert rule.websocket
    assert rule.methods == {"GET", "HEAD"}


def test_send_refuses_other_types(app: Flask) -> None:
    @app.websocket("/bad")
    async def bad() -> None:
        try:
            await websocket.send(42)  # type: ignore[arg-type]
        except TypeError as e:
            await websocket.send(str(e))

    with app.test_client().websocket("/bad") as ws:
        assert "takes str or bytes, not int" in str(ws.receive())


def test_concurrent_connections_keep_their_own_contexts(app: Flask) -> None:
    @app.websocket("/me/<name>")
    async def me(name: str) -> None:
        g.name = name
        while True:
            message = await websocket.receive()
            await websocket.send(f"{g.name}:{websocket.view_args['name']}:{message}")

    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def talk(name: str) -> None:
        try:
            with app.test_client().websocket(f"/me/{name}") as ws:
                barrier.wait(5)
                for i in range(20):
                    ws.send(str(i))
                    assert ws.receive() == f"{name}:{name}:{i}"
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=talk, args=(f"u{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert errors == []


def test_a_send_the_server_refuses_is_a_disconnect(app: Flask) -> None:
    import asyncio

    seen: list[Any] = []

    @app.websocket("/push")
    async def push() -> None:
        try:
            await websocket.send("one")
        except WebsocketDisconnect as e:
            seen.append(e.code)
            raise

    @app.teardown_websocket
    def down(exc: BaseException | None) -> None:
        seen.append(exc)

    async def receive() -> dict[str, Any]:
        return {"type": "websocket.connect"}

    async def send(message: dict[str, Any]) -> None:
        seen.append(message["type"])
        if message["type"] == "websocket.send":
            raise ConnectionResetError("client gone")

    scope = {"type": "websocket", "path": "/push", "headers": [], "server": None}
    asyncio.run(app.asgi_app(scope, receive, send))
    assert seen == ["websocket.accept", "websocket.send", 1006, None]
