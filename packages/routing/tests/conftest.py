from __future__ import annotations

from collections.abc import Iterator

import pytest
from werkzeug.test import Client

from flaskish_routing import request_source
from flaskish_routing import Router


@pytest.fixture
def app() -> Router:
    return Router(__name__)


@pytest.fixture
def client(app: Router) -> Client:
    return Client(app)


@pytest.fixture(autouse=True)
def no_installed_request_lookup() -> Iterator[None]:
    """Run each test without a lookup another package may have installed
    (the assembled framework installs one on import), restoring it after."""
    saved = list(request_source._lookup)
    request_source._lookup.clear()
    yield
    request_source._lookup[:] = saved
