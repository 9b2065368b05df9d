"""Applications for blueprint tests: the standalone router of flaskish-routing.

flaskish-templating and flaskish-cli are optional (the extras ``templating``
and ``cli``): the routers with templates or a command group, and the tests
that need them, are skipped when they are not installed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from werkzeug.test import Client

from flaskish_routing import Router


def _template_router(import_name: str, root_path: Path) -> Router:
    """A router with a Jinja environment, as an application with templates has."""
    templating = pytest.importorskip("flaskish_templating")

    class TemplateRouter(
        templating.TemplatingAppMixin, templating.JinjaLoaderMixin, Router
    ):
        def __init__(self) -> None:
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
                templating._default_template_ctx_processor
            )

    return TemplateRouter()


@pytest.fixture
def template_app(tmp_path: Path) -> Any:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "shared.txt").write_text("from the app")
    return _template_router(__name__, tmp_path)


@pytest.fixture
def app() -> Router:
    return Router(__name__)


@pytest.fixture
def cli_app() -> Router:
    """A router with a command group, as an application with a CLI has."""
    cli = pytest.importorskip("flaskish_cli")
    router = Router(__name__)
    router.cli = cli.AppGroup("app")  # type: ignore[attr-defined]
    return router


@pytest.fixture
def client(app: Router) -> Client:
    return Client(app)


@pytest.fixture
def rules() -> Callable[[Router], dict[str, str]]:
    """Map each endpoint of an app's URL map to its rule string."""

    def collect(app: Router) -> dict[str, str]:
        return {rule.endpoint: rule.rule for rule in app.url_map.iter_rules()}

    return collect
