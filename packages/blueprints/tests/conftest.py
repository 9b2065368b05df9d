"""Applications for blueprint tests: the standalone router of flaskish-routing."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from werkzeug.test import Client

from flaskish_cli import AppGroup
from flaskish_routing import Router
from flaskish_templating import _default_template_ctx_processor
from flaskish_templating import JinjaLoaderMixin
from flaskish_templating import TemplatingAppMixin


class CliRouter(Router):
    """A router with a command group, as an application with a CLI has."""

    def __init__(self, import_name: str) -> None:
        super().__init__(import_name)
        self.cli = AppGroup("app")


class TemplateRouter(TemplatingAppMixin, JinjaLoaderMixin, Router):
    """A router with a Jinja environment, as an application with templates has."""

    def __init__(self, import_name: str, root_path: Path) -> None:
        super().__init__(import_name)
        self.root_path = str(root_path)
        self.template_folder = "templates"
        self.config: dict[str, Any] = {
            "DEBUG": False,
            "TEMPLATES_AUTO_RELOAD": None,
            "EXPLAIN_TEMPLATE_LOADING": False,
        }
        self.debug = False
        self.logger = logging.getLogger("tests.template_router")
        self.template_context_processors.setdefault(None, []).append(
            _default_template_ctx_processor
        )


@pytest.fixture
def template_app(tmp_path: Path) -> TemplateRouter:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "shared.txt").write_text("from the app")
    return TemplateRouter(__name__, tmp_path)


@pytest.fixture
def app() -> Router:
    return Router(__name__)


@pytest.fixture
def cli_app() -> CliRouter:
    return CliRouter(__name__)


@pytest.fixture
def client(app: Router) -> Client:
    return Client(app)


@pytest.fixture
def rules() -> Callable[[Router], dict[str, str]]:
    """Map each endpoint of an app's URL map to its rule string."""

    def collect(app: Router) -> dict[str, str]:
        return {rule.endpoint: rule.rule for rule in app.url_map.iter_rules()}

    return collect
