from __future__ import annotations

import pytest
from werkzeug.test import Client

from flaskish_routing import Router


@pytest.fixture
def app() -> Router:
    return Router(__name__)


@pytest.fixture
def client(app: Router) -> Client:
    return Client(app)
