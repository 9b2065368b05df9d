"""An exception in each kind of hook: the client gets the documented answer,
every teardown runs, contexts are popped, the app keeps serving, nothing
leaks."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from flaskish import Flask
from flaskish import g
from flaskish import has_request_context
from flaskish import render_template_string
from flaskish import request
from flaskish import Response

from .transports import Transport


class Boom(Exception):
    """The fault injected into a hook."""


def _fail(where: str) -> Any:
    """Raise in every request but the health check on ``/ok``."""
    path = request.path if has_request_context() else g.path
    if path != "/ok":
        raise Boom(where)


@dataclass
class Fault:
    install: Callable[[Flask], None]
    status: int | None
    escapes: bool = False


def _before(app: Flask) -> None:
    app.before_request(lambda: _fail("before_request"))


def _after(app: Flask) -> None:
    app.after_request(lambda response: _fail("after_request") or response)


def _teardown_request(app: Flask) -> None:
    app.teardown_request(lambda exc: _fail("teardown_request"))


def _teardown_appcontext(app: Flask) -> None:
    app.teardown_appcontext(lambda exc: _fail("teardown_appcontext"))


def _url_value_preprocessor(app: Flask) -> None:
    app.url_value_preprocessor(lambda endpoint, values: _fail("url_value_preprocessor"))


def _error_handler(app: Flask) -> None:
    app.register_error_handler(LookupError, lambda e: _fail("error_handler"))


def _context_processor(app: Flask) -> None:
    app.context_processor(lambda: _fail("context_processor"))


def _async_view_with_stray_task(app: Flask) -> None:
    async def stray() -> None:
        await asyncio.sleep(3600)

    @app.route("/async-fault")
    async def async_fault() -> str:
        asyncio.get_running_loop().create_task(stray())
        await asyncio.sleep(0)
        raise Boom("async view")


FAULTS = {
    "before_request": Fault(_before, 500),
    "after_request": Fault(_after, 500),
    # The error escapes into the server, which answers 500, as under Flask.
    "teardown_request": Fault(_teardown_request, 500, escapes=True),
    "teardown_appcontext": Fault(_teardown_appcontext, 500, escapes=True),
    "url_value_preprocessor": Fault(_url_value_preprocessor, 500),
    "error_handler": Fault(_error_handler, 500),
    "context_processor": Fault(_context_processor, 500),
    "async view": Fault(_async_view_with_stray_task, 500),
}


@pytest.mark.parametrize("name", FAULTS)
@pytest.mark.usefixtures("no_leaks")
def test_fault_in_a_hook(name: str, app: Flask, transport: Transport) -> None:
    fault = FAULTS[name]
    log: list[str] = []
    # Registered first, so it runs before a failing preprocessor; the app
    # context's teardown finds the path in g.
    app.url_value_preprocessor(
        lambda endpoint, values: setattr(g, "path", request.path)
    )

    @app.route("/")
    def index() -> str:
        return render_template_string("{{ 'page' }}")

    @app.route("/missing")
    def missing() -> str:
        raise LookupError("no such thing")

    @app.after_request
    def record(response: Response) -> Response:
        log.append(f"after {response.status_code}")
        return response

    @app.teardown_request
    def first_teardown(exc: BaseException | None) -> None:
        log.append(f"teardown_request {exc!r}")

    @app.teardown_appcontext
    def app_teardown(exc: BaseException | None) -> None:
        log.append(f"teardown_appcontext {exc!r}")

    fault.install(app)
    path = {"error_handler": "/missing", "async view": "/async-fault"}.get(name, "/")

    outcome = transport.call(app, path)
    assert outcome.status == fault.status
    if fault.escapes:
        assert repr(outcome.escaped) == f"Boom({name!r})"
    else:
        assert outcome.escaped is None
    if not fault.escapes:
        assert b"Internal Server Error" in outcome.body
        assert b"Boom" not in outcome.body  # no traceback for the client
    # Each teardown ran once, with the error that ended the request.
    # (A teardown's own error is not passed to teardown functions.)
    ended_by = "None" if fault.escapes else f"Boom({name!r})"
    assert log.count(f"teardown_request {ended_by}") == 1
    assert log.count(f"teardown_appcontext {ended_by}") == 1

    # Still serving, with clean contexts.
    again = transport.call(app, "/ok")
    assert (again.status, again.body, again.escaped) == (200, b"ok", None)
