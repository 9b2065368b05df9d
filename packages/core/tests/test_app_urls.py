"""URL building and matching configuration of the application."""

from __future__ import annotations

from pathlib import Path

import pytest
from werkzeug.routing import BuildError

from flaskish_core.app import Flask
from flaskish_core.helpers import url_for


@pytest.fixture
def app() -> Flask:
    app = Flask("urls_app")
    app.add_url_rule("/", "index", lambda: "index")
    app.add_url_rule("/user/<name>", "user", lambda name: name)
    return app


def test_url_for_in_a_request_is_relative(app: Flask) -> None:
    with app.test_request_context("/"):
        assert url_for("user", name="ada") == "/user/ada"
        assert url_for("user", name="ada", page=2) == "/user/ada?page=2"
        assert url_for("index", _external=True) == "http://localhost/"
        assert url_for("index", _anchor="a b") == "/#a%20b"
        assert url_for("index", _scheme="https", _external=True) == "https://localhost/"


def test_scheme_without_external_is_an_error(app: Flask) -> None:
    with app.test_request_context(), pytest.raises(ValueError) as info:
        url_for("index", _scheme="https", _external=False)
    assert str(info.value) == "When specifying '_scheme', '_external' must be True."


def test_url_for_outside_a_request_needs_server_name(app: Flask) -> None:
    with app.app_context(), pytest.raises(RuntimeError) as info:
        url_for("index")
    assert str(info.value).startswith(
        "Unable to build URLs outside an active request without 'SERVER_NAME'"
    )
    app.config.update(SERVER_NAME="example.org", PREFERRED_URL_SCHEME="https")
    with app.app_context():
        assert url_for("user", name="x") == "https://example.org/user/x"
    assert app.url_for("index") == "https://example.org/"


def test_build_error_handlers(app: Flask) -> None:
    with app.test_request_context():
        with pytest.raises(BuildError):
            url_for("missing")
        app.url_build_error_handlers.append(
            lambda error, endpoint, values: f"/fallback/{endpoint}"
        )
        assert url_for("missing") == "/fallback/missing"


def test_url_defaults_fill_values(app: Flask) -> None:
    @app.url_defaults
    def default_name(endpoint: str, values: dict[str, str]) -> None:
        if endpoint == "user":
            values.setdefault("name", "guest")

    with app.test_request_context():
        assert url_for("user") == "/user/guest"


def test_static_route_and_file(tmp_path: Path) -> None:
    root = tmp_path
    (root / "static").mkdir()
    (root / "static" / "site.css").write_text("body {}")
    app = Flask("static_app", root_path=str(root))
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == "static")
    assert rule.rule == "/static/<path:filename>"
    client = app.test_client()
    response = client.get("/static/site.css")
    assert response.status_code == 200
    assert response.data == b"body {}"
    assert response.mimetype == "text/css"
    response.close()
    assert client.get("/static/missing.css").status_code == 404


def test_trusted_hosts(app: Flask) -> None:
    app.config["TRUSTED_HOSTS"] = ["good.example"]
    client = app.test_client()
    assert client.get("/", base_url="http://good.example").status_code == 200
    assert client.get("/", base_url="http://evil.example").status_code == 400


def test_subdomain_matching_needs_to_be_enabled() -> None:
    app = Flask("sub_app", subdomain_matching=True)
    app.config["SERVER_NAME"] = "example.org"
    app.add_url_rule("/", "api_index", lambda: "api", subdomain="api")
    app.add_url_rule("/", "index", lambda: "www")
    client = app.test_client()
    assert client.get("/", base_url="http://api.example.org").data == b"api"
    assert client.get("/", base_url="http://example.org").data == b"www"
