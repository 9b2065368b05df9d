"""HTTP errors (unmatched URLs, ``abort``, raised or returned exceptions)
with and without error handlers: status line, headers in order, body,
signals and log records as Flask gives them."""

from __future__ import annotations

import logging
from types import ModuleType
from typing import Any

import pytest
from werkzeug.exceptions import HTTPException
from werkzeug.exceptions import NotFound
from werkzeug.test import EnvironBuilder
from werkzeug.test import run_wsgi_app

from .harness import FRAMEWORKS
from .harness import same

_HANDLERS = ["none", "app 404", "blueprint 404", "other code", "HTTPException"]
_RESPONSE_CLASSES = ["default", "plain text", "unmeasured"]
_PATHS = [
    "/missing",
    "/abort",
    "/abort-described",
    "/abort-response",
    "/abort-405",
    "/abort-401",
    "/raise",
    "/return",
    "/shop/abort",
    "/shop/missing",
    "/only-post",
]


def _setup(app: Any, fw: ModuleType, handlers: str, response_class: str) -> None:
    abort = fw.abort
    if response_class == "plain text":

        class PlainText(fw.Response):  # type: ignore[name-defined]
            default_mimetype = "text/plain"

        app.response_class = PlainText
    elif response_class == "unmeasured":

        class Unmeasured(fw.Response):  # type: ignore[name-defined]
            automatically_set_content_length = False

        app.response_class = Unmeasured

    app.add_url_rule("/abort", "abort", lambda: abort(404))
    app.add_url_rule(
        "/abort-described", "described", lambda: abort(404, description="No <b>x</b>")
    )
    app.add_url_rule(
        "/abort-response",
        "response",
        lambda: abort(fw.Response("given body", 404, {"X-Given": "1"})),
    )
    app.add_url_rule("/abort-405", "a405", lambda: abort(405, valid_methods=["PUT"]))
    app.add_url_rule("/abort-401", "a401", lambda: abort(401))

    def raise_not_found() -> Any:
        raise NotFound("raised")

    app.add_url_rule("/raise", "raise", raise_not_found)
    app.add_url_rule("/return", "return", lambda: NotFound("returned"))
    app.add_url_rule("/only-post", "post", lambda: "posted", methods=["POST"])
    shop = fw.Blueprint("shop", __name__, url_prefix="/shop")
    shop.add_url_rule("/abort", "abort", lambda: abort(404))

    if handlers == "app 404":
        app.register_error_handler(404, lambda e: (f"app {e.description}", 404))
    elif handlers == "blueprint 404":
        shop.register_error_handler(404, lambda e: ("shop's own", 410))
    elif handlers == "other code":
        app.register_error_handler(418, lambda e: "teapot")
    elif handlers == "HTTPException":
        app.register_error_handler(
            HTTPException, lambda e: (f"{e.code} handled", e.code or 500)
        )
    app.register_blueprint(shop)


def _observe(app: Any, fw: ModuleType, path: str, method: str) -> tuple[Any, ...]:
    events: list[Any] = []

    def on_exception(sender: Any, exception: Exception, **extra: Any) -> None:
        events.append(("got_request_exception", type(exception).__name__))

    def on_finished(sender: Any, response: Any, **extra: Any) -> None:
        events.append(("request_finished", response.status, type(response).__name__))

    class Records(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            events.append(("log", record.levelname, record.getMessage()))

    handler = Records()
    app.logger.addHandler(handler)
    fw.got_request_exception.connect(on_exception, app)
    fw.request_finished.connect(on_finished, app)
    try:
        environ = EnvironBuilder(path=path, method=method).get_environ()
        body, status, headers = run_wsgi_app(app, environ, buffered=True)
        return status, headers.to_wsgi_list(), b"".join(body), events
    finally:
        fw.got_request_exception.disconnect(on_exception, app)
        fw.request_finished.disconnect(on_finished, app)
        app.logger.removeHandler(handler)


@pytest.mark.parametrize("response_class", _RESPONSE_CLASSES)
@pytest.mark.parametrize("handlers", _HANDLERS)
def test_error_pages(handlers: str, response_class: str) -> None:
    apps = {}
    for name, fw in FRAMEWORKS.items():
        app = fw.Flask("differential")
        _setup(app, fw, handlers, response_class)
        apps[name] = app
    for _ in range(2):  # pages are rendered, then remembered
        for path in _PATHS:
            for method in ("GET", "HEAD", "POST"):
                same(
                    {
                        name: _observe(app, FRAMEWORKS[name], path, method)
                        for name, app in apps.items()
                    }
                )
