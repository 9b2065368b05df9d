"""URL rules: converters, methods, automatic OPTIONS and HEAD, slashes, subdomains."""

from __future__ import annotations

import pytest
from werkzeug.routing import BaseConverter
from werkzeug.routing import Rule

from flaskish import Flask
from flaskish import request
from flaskish import url_for
from flaskish.testing import FlaskClient


@pytest.mark.parametrize(
    ("rule", "path", "body"),
    [
        ("/user/<name>", "/user/ada", "str:ada"),
        ("/user/<int:value>", "/user/42", "int:42"),
        ("/user/<float:value>", "/user/2.5", "float:2.5"),
        ("/user/<path:value>", "/user/a/b/c", "str:a/b/c"),
        (
            "/user/<uuid:value>",
            "/user/12345678-1234-5678-1234-567812345678",
            "UUID:12345678-1234-5678-1234-567812345678",
        ),
    ],
)
def test_converters_pass_typed_values(
    app: Flask, client: FlaskClient, rule: str, path: str, body: str
) -> None:
    @app.route(rule)
    def view(**kwargs: object) -> str:
        (value,) = kwargs.values()
        return f"{type(value).__name__}:{value}"

    response = client.get(path)
    assert response.status_code == 200
    assert response.text == body


def test_int_converter_rejects_text(app: Flask, client: FlaskClient) -> None:
    app.add_url_rule("/n/<int:n>", "n", lambda n: str(n))
    assert client.get("/n/x").status_code == 404
    assert client.get("/n/7").text == "7"


def test_unknown_url_is_404_html(client: FlaskClient) -> None:
    response = client.get("/nowhere")
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert b"Not Found" in response.data


def test_strict_slashes_redirect_with_308(app: Flask, client: FlaskClient) -> None:
    app.add_url_rule("/folder/", "folder", lambda: "folder")
    response = client.get("/folder?x=1")
    assert response.status_code == 308
    assert response.location == "http://localhost/folder/?x=1"
    assert client.get("/folder", follow_redirects=True).text == "folder"


def test_rule_without_slash_is_404_with_slash(app: Flask, client: FlaskClient) -> None:
    app.add_url_rule("/file", "file", lambda: "file")
    assert client.get("/file/").status_code == 404


def test_strict_slashes_false(app: Flask, client: FlaskClient) -> None:
    app.add_url_rule("/loose/", "loose", lambda: "loose", strict_slashes=False)
    assert client.get("/loose").text == "loose"


def test_duplicate_endpoint_with_other_function_fails(app: Flask) -> None:
    app.add_url_rule("/a", "same", lambda: "a")
    with pytest.raises(
        AssertionError,
        match="View function mapping is overwriting an existing endpoint function: same",
    ):
        app.add_url_rule("/b", "same", lambda: "b")


def test_endpoint_decorator(app: Flask, client: FlaskClient) -> None:
    app.url_map.add(app.url_rule_class("/e", endpoint="ep"))

    @app.endpoint("ep")
    def ep() -> str:
        return "from endpoint"

    assert client.get("/e").text == "from endpoint"


def test_custom_converter(app: Flask, client: FlaskClient) -> None:
    class ListConverter(BaseConverter):
        def to_python(self, value: str) -> list[str]:
            return value.split("+")

        def to_url(self, value: list[str]) -> str:
            return "+".join(BaseConverter.to_url(self, v) for v in value)

    app.url_map.converters["list"] = ListConverter

    @app.route("/tags/<list:tags>")
    def tags(tags: list[str]) -> str:
        return ",".join(tags) + " " + url_for("tags", tags=["x", "y"])

    assert client.get("/tags/a+b").text == "a,b /tags/x+y"


def test_subdomain_routing() -> None:
    app = Flask("subdomains", subdomain_matching=True)
    app.config["SERVER_NAME"] = "example.test"

    @app.route("/", subdomain="<user>")
    def profile(user: str) -> str:
        return f"user {user}"

    @app.route("/")
    def index() -> str:
        return "root"

    client = app.test_client()
    assert client.get("/", "http://example.test/").text == "root"
    assert client.get("/", "http://ada.example.test/").text == "user ada"
    with app.app_context():
        assert url_for("profile", user="bob") == "http://bob.example.test/"


def test_subdomain_matching_without_server_name_is_off(app: Flask) -> None:
    app.add_url_rule("/", "index", lambda: "idx")
    client = app.test_client()
    assert client.get("/", "http://any.host.test/").text == "idx"


def test_server_name_does_not_restrict_hosts(app: Flask) -> None:
    app.config["SERVER_NAME"] = "example.test"
    app.add_url_rule("/", "index", lambda: "idx")
    client = app.test_client()
    assert client.get("/", "http://other.test/").text == "idx"
    assert client.get("/", "http://example.test/").text == "idx"


def test_subdomain_matching_rejects_foreign_host() -> None:
    app = Flask("strict_host", subdomain_matching=True)
    app.config["SERVER_NAME"] = "example.test"
    app.add_url_rule("/", "index", lambda: "idx")
    client = app.test_client()
    with pytest.warns(UserWarning, match="doesn't match configured server name"):
        assert client.get("/", "http://other.test/").status_code == 404
    assert client.get("/", "http://example.test/").text == "idx"


def test_request_url_rule_and_view_args(app: Flask, client: FlaskClient) -> None:
    @app.route("/v/<int:n>", endpoint="numbered")
    def view(n: int) -> dict[str, object]:
        assert request.url_rule is not None
        return {
            "endpoint": request.endpoint,
            "rule": request.url_rule.rule,
            "args": request.view_args,
            "blueprint": request.blueprint,
        }

    assert client.get("/v/5").json == {
        "endpoint": "numbered",
        "rule": "/v/<int:n>",
        "args": {"n": 5},
        "blueprint": None,
    }


def test_add_url_rule_after_first_request_fails(
    app: Flask, client: FlaskClient
) -> None:
    app.add_url_rule("/", "index", lambda: "")
    client.get("/")
    with pytest.raises(
        AssertionError, match="The setup method 'add_url_rule' can no longer be called"
    ):
        app.add_url_rule("/late", "late", lambda: "")


def test_endpoint_defaults_to_function_name(app: Flask) -> None:
    def listing() -> str:
        return ""

    app.add_url_rule("/a", view_func=listing)
    app.add_url_rule("/b", view_func=listing)
    assert set(app.view_functions) == {"static", "listing"}
    assert app.view_functions["listing"] is listing
    assert sorted(rule.rule for rule in app.url_map.iter_rules("listing")) == [
        "/a",
        "/b",
    ]


def test_same_name_other_function_clashes(app: Flask) -> None:
    def first() -> str:
        return ""

    def second() -> str:
        return ""

    second.__name__ = "first"
    app.add_url_rule("/a", view_func=first)
    with pytest.raises(AssertionError) as info:
        app.add_url_rule("/b", view_func=second)
    assert (
        str(info.value)
        == "View function mapping is overwriting an existing endpoint function: first"
    )


def test_rule_defaults_redirect_to_canonical_url(
    app: Flask, client: FlaskClient
) -> None:
    def page(number: int) -> str:
        return f"page {number}"

    app.add_url_rule("/pages/", "page", page, defaults={"number": 1})
    app.add_url_rule("/pages/<int:number>", "page", page)
    assert client.get("/pages/").text == "page 1"
    assert client.get("/pages/3").text == "page 3"
    response = client.get("/pages/1")
    assert (response.status_code, response.location) == (308, "http://localhost/pages/")


def test_redirect_to_rule(app: Flask, client: FlaskClient) -> None:
    app.add_url_rule("/old/<int:n>", "old", redirect_to="/new/<n>")
    app.add_url_rule("/new/<int:n>", "new", lambda n: f"new {n}")
    response = client.get("/old/4")
    assert (response.status_code, response.location) == (308, "http://localhost/new/4")
    assert client.get("/old/4", follow_redirects=True).text == "new 4"


def test_each_request_gets_its_own_view_args(app: Flask, client: FlaskClient) -> None:
    seen: list[dict[str, object]] = []

    @app.url_value_preprocessor
    def record(endpoint: str | None, values: dict[str, object] | None) -> None:
        assert values is not None
        seen.append(dict(values))
        values["visit"] = len(seen)

    @app.route("/")
    def index(**kwargs: object) -> dict[str, object]:
        return {"kwargs": kwargs, "view_args": request.view_args}

    for visit in (1, 2, 3):
        assert client.get("/").json == {
            "kwargs": {"visit": visit},
            "view_args": {"visit": visit},
        }
    assert seen == [{}, {}, {}]


def test_rules_added_to_the_map_later_are_matched(
    app: Flask, client: FlaskClient
) -> None:
    app.add_url_rule("/", "index", lambda: "index", methods=["GET"])
    assert client.get("/").text == "index"
    assert client.post("/").status_code == 405
    app.url_map.add(Rule("/", endpoint="create", methods=["POST"]))
    app.url_map.add(Rule("/late", endpoint="late"))
    app.view_functions.update(create=lambda: "created", late=lambda: "late")
    assert client.post("/").text == "created"
    assert client.get("/late").text == "late"
    assert client.get("/").text == "index"
