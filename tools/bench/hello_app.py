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


def create_app(framework: str) -> Any:
    """The hello app of ``framework`` (``flask``, ``flaskish``), or the bare
    WSGI callable for ``wsgi``."""
    if framework == "wsgi":
        return bare_wsgi_app
    fw = importlib.import_module(framework)
    app = fw.Flask(__name__)

    @app.route("/")
    def hello() -> str:
        return "Hello, World!"

    return app
