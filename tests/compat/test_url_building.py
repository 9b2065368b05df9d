"""URL building: url_for, build errors, URL defaults and value preprocessors."""

from __future__ import annotations

import re

import pytest
from werkzeug.routing import BuildError

from flaskish import Blueprint
from flaskish import Flask
from flaskish import Request
from flaskish import url_for
from flaskish.testing import FlaskClient


def test_url_for_variants(app: Flask) -> None:
    @app.route("/post/<int:pid>", methods=["GET", "POST"])
    def post(pid: int) -> str:
        return ""

    app.add_url_rule("/post/<int:pid>/edit", "post", post, methods=["PUT"])
    with app.test_request_context():
        assert url_for("post", pid=3) == "/post/3"
        assert url_for("post", pid=3, q="a b") == "/post/3?q=a+b"
        assert url_for("post", pid=3, _anchor="c 1") == "/post/3#c%201"
        assert url_for("post", pid=3, _external=True) == "http://localhost/post/3"
        assert url_for("post", pid=3, _scheme="https") == "https://localhost/post/3"
        assert url_for("post", pid=3, _method="PUT") == "/post/3/edit"
        assert url_for("post", pid=3, _method="POST") == "/post/3"


def test_url_for_scheme_requires_external(app: Flask) -> None:
    app.add_url_rule("/", "index", lambda: "")
    with (
        app.test_request_context(),
        pytest.raises(
            ValueError,
            match=re.escape("When specifying '_scheme', '_external' must be True."),
        ),
    ):
        url_for("index", _scheme="https", _external=False)


def test_url_for_in_app_context_needs_server_name(app: Flask) -> None:
    app.add_url_rule("/", "index", lambda: "")
    with app.app_context():
        with pytest.raises(
            RuntimeError, match="Unable to build URLs outside an active request"
        ):
            url_for("index")
    app.config["SERVER_NAME"] = "example.com"
    with app.app_context():
        assert url_for("index") == "http://example.com/"


def test_build_error_for_unknown_endpoint(app: Flask) -> None:
    with app.test_request_context(), pytest.raises(BuildError) as info:
        url_for("missing")
    assert "Could not build url for endpoint 'missing'" in str(info.value)


def test_build_error_handler_can_supply_url(app: Flask) -> None:
    def fallback(error: BuildError, endpoint: str, values: dict[str, object]) -> str:
        return f"/fallback/{endpoint}"

    app.url_build_error_handlers.append(fallback)
    with app.test_request_context():
        assert url_for("missing") == "/fallback/missing"


def test_url_defaults_and_value_preprocessor(app: Flask, client: FlaskClient) -> None:
    seen: list[object] = []

    @app.url_defaults
    def add_lang(endpoint: str, values: dict[str, object]) -> None:
        if "lang" in values or not app.url_map.is_endpoint_expecting(endpoint, "lang"):
            return
        values["lang"] = "en"

    @app.url_value_preprocessor
    def pull_lang(endpoint: str | None, values: dict[str, object] | None) -> None:
        assert values is not None
        seen.append(values.pop("lang"))

    @app.route("/<lang>/page")
    def page() -> str:
        return url_for("page")

    assert client.get("/fr/page").text == "/en/page"
    assert seen == ["fr"]


def test_blueprint_relative_url_for(app: Flask) -> None:
    bp = Blueprint("shop", __name__, url_prefix="/shop")
    bp.add_url_rule("/", "index", lambda: url_for(".item", n=1))
    bp.add_url_rule("/item/<int:n>", "item", lambda n: "")
    app.register_blueprint(bp)
    client = app.test_client()
    assert client.get("/shop/").text == "/shop/item/1"


def test_url_for_query_values(app: Flask) -> None:
    app.add_url_rule("/s", "search", lambda: "")
    with app.test_request_context():
        assert url_for("search", tag=["a", "b"]) == "/s?tag=a&tag=b"
        assert url_for("search", skipped=None) == "/s"
        assert url_for("search", n=1, flag=True) == "/s?n=1&flag=True"


def test_url_for_under_script_root(app: Flask) -> None:
    app.add_url_rule("/page", "page", lambda: "")
    with app.test_request_context("/", base_url="http://h.test:8080/mount/"):
        assert url_for("page") == "/mount/page"
        assert url_for("page", _external=True) == "http://h.test:8080/mount/page"


def test_url_for_in_app_context_uses_config(app: Flask) -> None:
    app.add_url_rule("/x", "x", lambda: "")
    app.config.update(
        SERVER_NAME="srv.test", APPLICATION_ROOT="/app", PREFERRED_URL_SCHEME="https"
    )
    with app.app_context():
        assert url_for("x") == "https://srv.test/app/x"
        assert url_for("x", _external=False) == "/app/x"


def test_url_for_static(app: Flask) -> None:
    with app.test_request_context():
        assert url_for("static", filename="css/a b.css") == "/static/css/a%20b.css"


def test_app_url_defaults_from_blueprint(app: Flask, client: FlaskClient) -> None:
    bp = Blueprint("bp", __name__)
    bp.app_url_defaults(lambda endpoint, values: values.setdefault("v", "2"))
    app.register_blueprint(bp)
    app.add_url_rule("/api/<v>/", "api", lambda v: url_for("api"))
    assert client.get("/api/1/").text == "/api/2/"


def test_url_for_helper_calls_an_overridden_app_url_for() -> None:
    calls: list[tuple[str, dict[str, object]]] = []

    class Recording(Flask):
        def url_for(self, /, endpoint: str, **values: object) -> str:
            calls.append((endpoint, values))
            return f"built {endpoint}"

    app = Recording("recording")
    with app.test_request_context("/"):
        assert url_for("index", page=2, _external=True) == "built index"
    assert calls == [
        (
            "index",
            {
                "_anchor": None,
                "_method": None,
                "_scheme": None,
                "_external": True,
                "page": 2,
            },
        )
    ]


def test_relative_endpoints_use_the_request_classs_blueprint() -> None:
    class Pinned(Request):
        @property
        def blueprint(self) -> str | None:
            return "pinned"

    app = Flask("pinned_app")
    app.request_class = Pinned
    pinned = Blueprint("pinned", __name__)
    pinned.add_url_rule("/p", "page", lambda: "")
    app.register_blueprint(pinned)
    app.add_url_rule("/", "index", lambda: "")
    with app.test_request_context("/"):
        assert url_for(".page") == "/p"
        assert url_for("index") == "/"
        assert url_for("pinned.page") == "/p"
