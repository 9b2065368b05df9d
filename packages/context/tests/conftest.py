"""A small application implementing ContextApp, recording what it is asked."""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from werkzeug.routing import Map
from werkzeug.routing import MapAdapter
from werkzeug.routing import Rule
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request
from werkzeug.wrappers import Response

from flaskish_context import _AppCtxGlobals
from flaskish_context import AppContext
from flaskish_context import RequestContext
from flaskish_context import StaticFilesMixin


class Session(dict[str, Any]):
    accessed = False


class FakeApp(StaticFilesMixin):
    app_ctx_globals_class = _AppCtxGlobals
    response_class = Response

    def __init__(self, name: str = "fake", root_path: str = ".") -> None:
        self.name = name
        self.root_path = root_path
        self.static_folder: str | None = None
        self.config: dict[str, Any] = {
            "USE_X_SENDFILE": False,
            "SEND_FILE_MAX_AGE_DEFAULT": None,
            "SERVER_NAME": None,
        }
        self.url_map = Map(
            [
                Rule("/", endpoint="index"),
                Rule("/user/<int:id>", endpoint="user"),
                Rule("/post", endpoint="post", methods=["POST"]),
                Rule("/moved/", endpoint="moved"),
            ]
        )
        self.events: list[Any] = []
        self.sessions_opened = 0
        self.teardown_request_funcs: list[Callable[[BaseException | None], None]] = []
        self.teardown_appcontext_funcs: list[
            Callable[[BaseException | None], None]
        ] = []

    @property
    def has_static_folder(self) -> bool:
        return self.static_folder is not None

    def app_context(self) -> AppContext:
        return AppContext(self)

    def test_request_context(self, *args: Any, **kwargs: Any) -> RequestContext:
        return RequestContext(self, EnvironBuilder(*args, **kwargs).get_environ())

    def make_request(self, environ: dict[str, Any]) -> Request:
        self.events.append("make_request")
        return Request(environ)

    def create_url_adapter(self, request: Request | None) -> MapAdapter | None:
        self.events.append(("url_adapter", request is not None))
        if request is None:
            name = self.config["SERVER_NAME"]
            return None if name is None else self.url_map.bind(name)
        return self.url_map.bind_to_environ(request.environ)

    def open_request_session(self, request: Request) -> Session:
        self.sessions_opened += 1
        return Session()

    def _teardown(
        self, kind: str, funcs: list[Callable[[BaseException | None], None]], exc: Any
    ) -> None:
        self.events.append((kind, exc))
        first: BaseException | None = None
        for func in funcs:
            try:
                func(exc)
            except Exception as e:
                first = first or e
        if first is not None:
            raise first

    def do_teardown_request(self, exc: BaseException | None) -> None:
        self._teardown("teardown_request", self.teardown_request_funcs, exc)

    def do_teardown_appcontext(self, exc: BaseException | None) -> None:
        self._teardown("teardown_appcontext", self.teardown_appcontext_funcs, exc)

    def notify_app_context_pushed(self) -> None:
        self.events.append("pushed")

    def notify_app_context_popped(self) -> None:
        self.events.append("popped")

    def ensure_sync(self, func: Callable[..., Any]) -> Callable[..., Any]:
        self.events.append(("ensure_sync", func.__name__))
        return func


@pytest.fixture
def app(tmp_path: Path) -> FakeApp:
    return FakeApp(root_path=str(tmp_path))


@pytest.fixture
def other_app(tmp_path: Path) -> FakeApp:
    return FakeApp("other", root_path=str(tmp_path))


@pytest.fixture
def req_ctx(app: FakeApp) -> Iterator[RequestContext]:
    with app.test_request_context("/user/3?q=1") as ctx:
        app.events.clear()
        yield ctx


@pytest.fixture
def make_app() -> type[FakeApp]:
    return FakeApp
