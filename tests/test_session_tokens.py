"""The session middleware writes the very tokens an application writes."""

from __future__ import annotations

import importlib.metadata
from typing import Any

import pytest
from itsdangerous import TimestampSigner
from werkzeug.test import Client
from werkzeug.wrappers import Response

import flaskish
from flaskish_sessions import ENVIRON_KEY
from flaskish_sessions import SessionMiddleware

DATA: dict[str, Any] = {"zeta": 1, "alpha": [1, (2, b"\x00")], "mid": {"b": 1, "a": 2}}


@pytest.fixture(autouse=True)
def fixed_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: 1_700_000_000)


def middleware_token() -> str:
    def app(environ: dict[str, Any], start_response: Any) -> Any:
        environ[ENVIRON_KEY].update(DATA)
        return Response("ok")(environ, start_response)

    client = Client(SessionMiddleware(app, secret_key="shared"))
    client.get("/")
    cookie = client.get_cookie("session")
    assert cookie is not None
    return cookie.value


def app_token(flask_module: Any) -> str:
    app = flask_module.Flask(__name__)
    app.secret_key = "shared"

    @app.route("/")
    def index() -> str:
        flask_module.session.update(DATA)
        return "ok"

    client = app.test_client()
    client.get("/")
    cookie = client.get_cookie("session")
    assert cookie is not None
    return str(cookie.value)


def test_middleware_token_is_byte_identical_to_flaskish_apps() -> None:
    assert middleware_token() == app_token(flaskish)


def test_middleware_token_is_byte_identical_to_flasks() -> None:
    try:
        version = importlib.metadata.version("flask")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("Flask is not installed")
    flask = pytest.importorskip("flask")
    if flask.Flask is flaskish.Flask or not version.startswith("3.1."):
        pytest.skip("Flask 3.1 is not installed")
    assert middleware_token() == app_token(flask)
