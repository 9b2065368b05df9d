"""The application served over ASGI by a real server, and ``run --asgi``."""

from __future__ import annotations

import asyncio
import sys
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import uvicorn
from asgi_server import serve_asgi
from click.testing import CliRunner

from flaskish import Flask
from flaskish import g
from flaskish import request
from flaskish import stream_with_context
from flaskish_cli import FlaskGroup
from flaskish_cli import ScriptInfo
from flaskish_cli.asgi_run import APP_VARIABLE
from flaskish_cli.asgi_run import load_served_asgi_app


def make_app(events: list[str]) -> Flask:
    app = Flask(__name__)

    @app.before_serving
    async def started() -> None:
        events.append("before serving")

    @app.after_serving
    def stopped() -> None:
        events.append("after serving")

    @app.before_request
    def who() -> None:
        g.who = request.args.get("who", "world")

    @app.get("/")
    async def hello() -> str:
        await asyncio.sleep(0.01)
        return f"hello {g.who}"

    @app.get("/sync")
    def sync_view() -> dict[str, Any]:
        return {"thread": threading.current_thread().name, "root": request.script_root}

    @app.post("/echo")
    def echo() -> bytes:
        return request.get_data()

    @app.get("/stream")
    def stream() -> Any:
        @stream_with_context
        def generate() -> Iterator[str]:
            yield from ("a", request.args.get("x", "?"), "c")

        return generate()

    return app


@pytest.fixture
def served() -> Iterator[tuple[str, list[str]]]:
    events: list[str] = []
    app = make_app(events)
    with serve_asgi(app.asgi_app, lifespan="on") as address:
        yield f"http://{address}", events
    assert events[-1] == "after serving"


def test_uvicorn_serves_asgi_app(served: tuple[str, list[str]]) -> None:
    base, events = served
    assert events == ["before serving"]
    with httpx.Client(base_url=base) as client:
        assert client.get("/", params={"who": "ann"}).text == "hello ann"
        sync = client.get("/sync").json()
        assert sync["thread"].startswith("flaskish-asgi")
        assert sync["root"] == ""
        payload = b"x" * 300_000
        assert client.post("/echo", content=payload).content == payload
        assert client.get("/stream", params={"x": "b"}).text == "abc"
        assert client.get("/missing").status_code == 404


def test_concurrent_async_requests_share_the_loop(
    served: tuple[str, list[str]],
) -> None:
    base, _ = served

    async def main() -> list[str]:
        async with httpx.AsyncClient(base_url=base) as client:
            replies = await asyncio.gather(
                *(client.get("/", params={"who": str(n)}) for n in range(20))
            )
        return [reply.text for reply in replies]

    assert asyncio.run(main()) == [f"hello {n}" for n in range(20)]


def _cli(app: Flask) -> FlaskGroup:
    return FlaskGroup(create_app=lambda: app)


def test_run_asgi_serves_the_apps_asgi_app_with_uvicorn(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    app = make_app([])
    result = CliRunner().invoke(
        _cli(app), ["run", "--asgi", "--port", "5123", "--no-reload"]
    )
    assert result.exit_code == 0, result.output
    served, settings = calls[0]
    assert served == app.asgi_app
    assert (settings["host"], settings["port"]) == ("127.0.0.1", 5123)


def test_run_asgi_reloads_through_an_import_string(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    calls: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    monkeypatch.delenv(APP_VARIABLE, raising=False)
    (tmp_path / "asgi_target.py").write_text(
        "from flaskish import Flask\napp = Flask(__name__)\n"
        "@app.get('/')\ndef index():\n    return 'target'\n"
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    result = CliRunner().invoke(
        FlaskGroup(),
        ["--app", "asgi_target:app", "run", "--asgi", "--reload"],
    )
    assert result.exit_code == 0, result.output
    target, settings = calls[0]
    assert target == "flaskish_cli.asgi_run:load_served_asgi_app"
    assert settings["factory"] is True
    assert settings["reload"] is True
    # What uvicorn's child process calls.
    served = load_served_asgi_app()
    assert served.app.import_name == "asgi_target"
    sys.modules.pop("asgi_target", None)


def test_run_asgi_without_uvicorn_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)
    result = CliRunner().invoke(_cli(make_app([])), ["run", "--asgi"])
    assert result.exit_code == 2
    assert "needs uvicorn, which is not installed" in result.output
    assert "pip install uvicorn" in result.output


def test_script_info_loads_the_app_for_the_factory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = make_app([])
    info = ScriptInfo(create_app=lambda: app)
    assert info.load_app() is app
