"""A small application and blueprint built only on flaskish-context and this package."""

from __future__ import annotations

import logging
from collections.abc import Callable
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

from flaskish_context import AppContext
from flaskish_context import RequestContext
from flaskish_templating import _default_template_ctx_processor
from flaskish_templating import JinjaLoaderMixin
from flaskish_templating import TemplatingAppMixin


class FakeRequest(Request):
    """A request whose blueprint comes from the ``test.blueprint`` environ key."""

    @property
    def blueprint(self) -> str | None:
        return self.environ.get("test.blueprint")

    @property
    def blueprints(self) -> list[str]:
        name = self.blueprint
        if name is None:
            return []
        parts = name.split(".")
        return [".".join(parts[:i]) for i in range(len(parts), 0, -1)]


class FakeSession(dict[str, Any]):
    accessed = False


class Globals:
    """Stand-in for the application's ``g`` class."""


class FakeBlueprint(JinjaLoaderMixin):
    def __init__(
        self, name: str, root_path: Path, template_folder: str | None = "templates"
    ) -> None:
        self.name = name
        self.import_name = f"tests.{name}"
        self.root_path = str(root_path)
        self.template_folder = template_folder


class FakeApp(TemplatingAppMixin, JinjaLoaderMixin):
    """The attributes the templating mixins and the contexts expect."""

    app_ctx_globals_class = Globals

    def __init__(
        self, root_path: Path, template_folder: str | None = "templates"
    ) -> None:
        self.import_name = "tests.fakeapp"
        self.root_path = str(root_path)
        self.template_folder = template_folder
        self.config: dict[str, Any] = {
            "DEBUG": False,
            "TEMPLATES_AUTO_RELOAD": None,
            "EXPLAIN_TEMPLATE_LOADING": False,
        }
        self.template_context_processors: dict[
            str | None, list[Callable[[], dict[str, Any]]]
        ] = {None: [_default_template_ctx_processor]}
        self.blueprints: dict[str, FakeBlueprint] = {}
        self.logger = logging.getLogger("tests.fakeapp")
        self.sessions_opened = 0
        self.ensure_sync_calls: list[Callable[..., Any]] = []

    @property
    def debug(self) -> bool:
        return bool(self.config["DEBUG"])

    def register(self, blueprint: FakeBlueprint) -> FakeBlueprint:
        self.blueprints[blueprint.name] = blueprint
        return blueprint

    def iter_blueprints(self) -> Iterator[FakeBlueprint]:
        return iter(self.blueprints.values())

    def context_processor(
        self, f: Callable[[], dict[str, Any]], blueprint: str | None = None
    ) -> Callable[[], dict[str, Any]]:
        self.template_context_processors.setdefault(blueprint, []).append(f)
        return f

    # ContextApp protocol of flaskish_context
    def ensure_sync(self, func: Callable[..., Any]) -> Callable[..., Any]:
        self.ensure_sync_calls.append(func)
        return func

    def app_context(self) -> AppContext:
        return AppContext(self)

    def request_context(
        self, path: str = "/", blueprint: str | None = None
    ) -> RequestContext:
        environ = EnvironBuilder(path=path).get_environ()
        if blueprint is not None:
            environ["test.blueprint"] = blueprint
        return RequestContext(self, environ)

    def make_request(self, environ: dict[str, Any]) -> FakeRequest:
        return FakeRequest(environ)

    def create_url_adapter(self, request: Request | None) -> None:
        return None

    def open_request_session(self, request: Request) -> FakeSession:
        self.sessions_opened += 1
        return FakeSession()

    def do_teardown_request(self, exc: BaseException | None = None) -> None:
        pass

    def do_teardown_appcontext(self, exc: BaseException | None = None) -> None:
        pass

    def notify_app_context_pushed(self) -> None:
        pass

    def notify_app_context_popped(self) -> None:
        pass


Writer = Callable[[Path, str, str], Path]


def _write(folder: Path, name: str, source: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source, encoding="utf-8")
    return path


@pytest.fixture
def write() -> Writer:
    """Write a template file ``folder/name``, creating its folders."""
    return _write


@pytest.fixture
def make_app() -> type[FakeApp]:
    return FakeApp


@pytest.fixture
def make_blueprint() -> type[FakeBlueprint]:
    return FakeBlueprint


@pytest.fixture
def app(tmp_path: Path) -> FakeApp:
    (tmp_path / "templates").mkdir()
    return FakeApp(tmp_path)


@pytest.fixture
def templates(app: FakeApp) -> Path:
    return Path(app.root_path) / "templates"


@pytest.fixture
def app_ctx(app: FakeApp) -> Iterator[AppContext]:
    with app.app_context() as ctx:
        yield ctx
