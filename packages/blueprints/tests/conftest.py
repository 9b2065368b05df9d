"""Applications for blueprint tests: the standalone router of flaskish-routing."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from werkzeug.test import Client

from flaskish_cli import AppGroup
from flaskish_routing import Router


class CliRouter(Router):
    """A router with a command group, as an application with a CLI has."""

    def __init__(self, import_name: str) -> None:
        super().__init__(import_name)
        self.cli = AppGroup("app")


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
