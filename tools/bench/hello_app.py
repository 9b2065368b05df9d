"""The hello app served by gunicorn for the end-to-end figure."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from collections.abc import Iterable
from typing import Any

BODY = b"Hello, World!"


def bare_wsgi_app(
    environ: dict[str, Any], start_response: Callable[..., Any]
) -> Iterable[bytes]:
    """The same answer with no framework at all: the ceiling of the figure."""
    start_response(
        "200 OK",
        [
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Length", str(len(BODY))),
        ],
    )
    return [BODY]


def werkzeug_hello_app() -> Callable[..., Any]:
    """The hello app written with werkzeug alone (Request, Map match,
    Response): the floor for a framework built on werkzeug's objects."""
    from werkzeug.routing import Map
    from werkzeug.routing import Rule
    from werkzeug.wrappers import Request
    from werkzeug.wrappers import Response

    url_map = Map([Rule("/", endpoint="hello")])

    def application(
        environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        request = Request(environ)
        url_map.bind_to_environ(request.environ).match()
        response: Iterable[bytes] = Response("Hello, World!")(environ, start_response)
        return response

    return application


def create_app(framework: str) -> Any:
    """The hello app of ``framework`` (``flask``, ``flaskish``), the
    werkzeug-only app for ``werkzeug``, or the bare WSGI callable for
    ``wsgi``."""
    if framework == "wsgi":
        return bare_wsgi_app
    if framework == "werkzeug":
        return werkzeug_hello_app()
    fw = importlib.import_module(framework)
    app = fw.Flask(__name__)

    @app.route("/")
    def hello() -> str:
        return "Hello, World!"

    return app
