"""The same small ASGI applications on flaskish, Quart and Starlette.

Each module-level factory returns an ASGI 3 callable with three routes:
``/`` (``async def`` hello), ``/sleep`` (``async def`` awaiting
``asyncio.sleep(0.25)``) and ``/block`` (a sync view blocking 0.25 s).
``tools/bench/asgi_serve.py`` serves them with uvicorn.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

PAUSE = 0.25


def flaskish_app() -> Any:
    import flaskish

    app = flaskish.Flask("bench")

    @app.get("/")
    async def hello() -> str:
        return "Hello, World!"

    @app.get("/sleep")
    async def sleep() -> str:
        await asyncio.sleep(PAUSE)
        return "slept"

    @app.get("/block")
    def block() -> str:
        time.sleep(PAUSE)
        return "blocked"

    return app.asgi_app


def quart_app() -> Any:
    import quart

    app = quart.Quart("bench")

    @app.get("/")
    async def hello() -> str:
        return "Hello, World!"

    @app.get("/sleep")
    async def sleep() -> str:
        await asyncio.sleep(PAUSE)
        return "slept"

    @app.get("/block")
    def block() -> str:
        time.sleep(PAUSE)
        return "blocked"

    return app


def starlette_app() -> Any:
    from starlette.applications import Starlette
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route

    async def hello(request: Any) -> Any:
        return PlainTextResponse("Hello, World!")

    async def sleep(request: Any) -> Any:
        await asyncio.sleep(PAUSE)
        return PlainTextResponse("slept")

    def block(request: Any) -> Any:
        time.sleep(PAUSE)
        return PlainTextResponse("blocked")

    return Starlette(
        routes=[Route("/", hello), Route("/sleep", sleep), Route("/block", block)]
    )


def flask_app() -> Any:
    """Flask (WSGI) behind a2wsgi's WSGI-to-ASGI bridge."""
    import flask
    from a2wsgi import WSGIMiddleware

    app = flask.Flask("bench")

    @app.get("/")
    async def hello() -> str:
        return "Hello, World!"

    @app.get("/sleep")
    async def sleep() -> str:
        await asyncio.sleep(PAUSE)
        return "slept"

    @app.get("/block")
    def block() -> str:
        time.sleep(PAUSE)
        return "blocked"

    return WSGIMiddleware(app)


FACTORIES = {
    "flaskish": flaskish_app,
    "quart": quart_app,
    "starlette": starlette_app,
    "flask": flask_app,
}
