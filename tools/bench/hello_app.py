"""The hello apps served for the end-to-end figures (granian, gunicorn)."""

from __future__ import annotations

import importlib
import json
import os
import threading
import time
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


class Timed:
    """A WSGI app that times the calls of another, in the serving process.

    It sums the wall-clock and CPU time (of the calling thread) spent in
    the app's call (the body is iterated by the server afterwards; for
    these apps it is already built) and every ``every`` calls writes the
    sums, and the ids of the threads that made calls, to ``path`` as JSON.
    """

    def __init__(self, app: Callable[..., Any], path: str, every: int = 1000):
        self.app = app
        self.path = path
        self.every = every
        self.calls = 0
        self.wall_ns = 0
        self.cpu_ns = 0
        self.threads: set[int] = set()
        self.lock = threading.Lock()

    def __call__(
        self, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Any:
        wall = time.perf_counter_ns()
        cpu = time.thread_time_ns()
        try:
            return self.app(environ, start_response)
        finally:
            cpu = time.thread_time_ns() - cpu
            wall = time.perf_counter_ns() - wall
            with self.lock:
                self.calls += 1
                self.wall_ns += wall
                self.cpu_ns += cpu
                self.threads.add(threading.get_native_id())
                if self.calls % self.every == 0:
                    self._write()

    def _write(self) -> None:
        figures = {
            "calls": self.calls,
            "wall_ns": self.wall_ns,
            "cpu_ns": self.cpu_ns,
            "threads": sorted(self.threads),
        }
        partial = f"{self.path}.partial"
        with open(partial, "w", encoding="utf-8") as file:
            json.dump(figures, file)
        os.replace(partial, self.path)


def from_environment() -> Any:
    """``create_app`` of the framework named by ``BENCH_APP``: the factory
    a server given an import path (granian's ``--factory``) calls. With
    ``BENCH_TIMING`` set to a file path, the app is wrapped in ``Timed``."""
    app = create_app(os.environ["BENCH_APP"])
    timing = os.environ.get("BENCH_TIMING")
    return Timed(app, timing) if timing else app
