"""WebSocket routes served by uvicorn on loopback, talked to by ``websockets``."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from asgi_server import serve_asgi
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed
from websockets.exceptions import ConnectionClosedError
from websockets.exceptions import InvalidStatus

from flaskish import abort
from flaskish import Blueprint
from flaskish import Flask
from flaskish import session
from flaskish import url_for
from flaskish import websocket


def make_app() -> Flask:
    app = Flask(__name__)
    app.secret_key = "live secret"

    @app.route("/login/<name>")
    def login(name: str) -> str:
        session["user"] = name
        return "ok"

    @app.websocket("/echo")
    async def echo() -> None:
        offered = websocket.requested_subprotocols
        await websocket.accept(subprotocol=offered[0] if offered else None)
        while True:
            await websocket.send(await websocket.receive())

    @app.websocket("/whoami")
    async def whoami() -> None:
        await websocket.send(session.get("user", "anonymous"))
        await websocket.send(url_for("whoami"))

    @app.websocket("/close/<int:code>")
    async def close(code: int) -> None:
        await websocket.accept()
        await websocket.close(code, "done here")

    @app.websocket("/fail")
    async def fail() -> None:
        await websocket.accept()
        raise RuntimeError("handler failed on purpose")

    admin = Blueprint("admin", __name__, url_prefix="/admin")

    @admin.before_websocket
    def only_admins() -> None:
        if session.get("user") != "root":
            abort(403)

    @admin.websocket("/console")
    async def console() -> None:
        await websocket.send("welcome root")

    app.register_blueprint(admin)
    return app


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serve_asgi(make_app().asgi_app) as address:
        yield address


def run(coro: Any) -> Any:
    return asyncio.run(asyncio.wait_for(coro, 20))


def test_echo_text_and_binary_frames(base: str) -> None:
    async def main() -> list[Any]:
        async with connect(f"ws://{base}/echo") as ws:
            await ws.send("hello")
            text = await ws.recv()
            await ws.send(b"\x00\x01\xfe\xff" * 1000)
            binary = await ws.recv()
            return [text, binary, ws.subprotocol]

    assert run(main()) == ["hello", b"\x00\x01\xfe\xff" * 1000, None]


def test_subprotocol_is_negotiated(base: str) -> None:
    async def main() -> Any:
        async with connect(f"ws://{base}/echo", subprotocols=["v2", "v1"]) as ws:  # type: ignore[list-item]
            return ws.subprotocol

    assert run(main()) == "v2"


def test_close_code_and_reason_reach_the_client(base: str) -> None:
    async def main() -> Any:
        async with connect(f"ws://{base}/close/4321") as ws:
            with pytest.raises(ConnectionClosed):
                await ws.recv()
            assert ws.close_reason == "done here"
            return ws.close_code

    assert run(main()) == 4321


def test_handler_error_closes_with_1011_and_is_logged(
    base: str, caplog: pytest.LogCaptureFixture
) -> None:
    async def main() -> Any:
        async with connect(f"ws://{base}/fail") as ws:
            with pytest.raises(ConnectionClosedError):
                await ws.recv()
            return ws.close_code

    with caplog.at_level(logging.ERROR):
        assert run(main()) == 1011
    assert "handler failed on purpose" in caplog.text


def test_rejection_before_accept_answers_http(base: str) -> None:
    async def status(path: str) -> int:
        with pytest.raises(InvalidStatus) as rejected:
            async with connect(f"ws://{base}{path}"):
                pass
        return rejected.value.response.status_code

    assert run(status("/admin/console")) == 403
    assert run(status("/nowhere")) == 404
    assert run(status("/login/x")) == 400


def test_session_comes_from_the_handshake_cookie(base: str) -> None:
    login = httpx.get(f"http://{base}/login/root")
    cookie = login.headers["set-cookie"].split(";")[0]

    async def main() -> list[Any]:
        headers = {"Cookie": cookie}
        async with connect(f"ws://{base}/whoami", additional_headers=headers) as ws:
            who = [await ws.recv(), await ws.recv()]
        async with connect(
            f"ws://{base}/admin/console", additional_headers=headers
        ) as ws:
            who.append(await ws.recv())
        async with connect(f"ws://{base}/whoami") as ws:
            who.append(await ws.recv())
        return who

    assert run(main()) == [
        "root",
        f"ws://{base}/whoami",
        "welcome root",
        "anonymous",
    ]


def test_plain_http_to_a_websocket_route_is_400(base: str) -> None:
    response = httpx.get(f"http://{base}/echo")
    assert response.status_code == 400
    assert "WebSocket endpoint" in response.text


def test_many_concurrent_connections_echo_correctly(base: str) -> None:
    async def client(n: int) -> bool:
        async with connect(f"ws://{base}/echo") as ws:
            for i in range(5):
                await ws.send(f"{n}-{i}")
                if await ws.recv() != f"{n}-{i}":
                    return False
        return True

    async def main() -> list[bool]:
        return await asyncio.gather(*(client(n) for n in range(50)))

    assert all(run(main()))
