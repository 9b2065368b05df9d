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
def no_installed_lookups() -> Iterator[None]:
    """Run each test without the lookups another package may have installed
    (the assembled framework installs them on import), restoring them after."""
    registries = [request_source._lookup, request_source._ensure_sync_lookup]
    saved = [list(registry) for registry in registries]
    for registry in registries:
        registry.clear()
    yield
    for registry, entries in zip(registries, saved, strict=True):
        registry[:] = entries
