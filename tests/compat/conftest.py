"""Fixtures shared by the compatibility suite."""

from __future__ import annotations

import pytest

from flaskish import Flask
from flaskish.testing import FlaskClient


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
