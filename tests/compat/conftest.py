"""Fixtures shared by the compatibility suite."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flaskish import Flask
from flaskish.testing import FlaskClient
from flaskish.wrappers import Response


@pytest.fixture
def app() -> Flask:
    """A fresh application in testing mode, with a secret key for sessions."""
    app = Flask("compat_app")
    app.config.update(TESTING=True, SECRET_KEY="compat-secret")
    return app


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A test client of :func:`app`."""
    return app.test_client()


@pytest.fixture
def serve(app: Flask) -> Callable[[object], Response]:
    """Return a function that serves a value as the view result and GETs it."""

    def serve(value: object) -> Response:
        app.add_url_rule("/", "index", lambda: value)
        return app.test_client().get("/")

    return serve
