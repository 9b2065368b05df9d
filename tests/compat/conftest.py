"""Fixtures shared by the compatibility suite."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

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


@pytest.fixture
def site(tmp_path: Path) -> Flask:
    """An app rooted in a temporary folder with static and data files."""
    (tmp_path / "static" / "css").mkdir(parents=True)
    (tmp_path / "static" / "css" / "site.css").write_text("body { color: red }")
    (tmp_path / "static" / "index.html").write_text("<h1>static</h1>")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "report.txt").write_text("0123456789")
    (tmp_path / "secret.txt").write_text("do not serve")
    app = Flask("site", root_path=str(tmp_path))
    app.config["TESTING"] = True
    return app


@pytest.fixture
def site_client(site: Flask) -> FlaskClient:
    return site.test_client()
