"""werkzeug's URL map through the router: converters, slashes, hosts, building."""

from __future__ import annotations

from typing import Any

import pytest
from werkzeug.middleware.dispatcher import DispatcherMiddleware
from werkzeug.routing import BaseConverter
from werkzeug.routing import BuildError
from werkzeug.routing import RequestRedirect
from werkzeug.test import Client
from werkzeug.wrappers import Response

from flaskish_routing import Router


class ListConverter(BaseConverter):
    def to_python(self, value: str) -> list[str]:
        return value.split(",")

    def to_url(self, value: Any) -> str:
        return ",".join(BaseConverter.to_url(self, item) for item in value)


def test_custom_converter(app: Router, client: Client) -> None:
    app.url_map.converters["list"] = ListConverter

    @app.route("/items/<list:names>")
    def items(names: list[str]) -> dict[str, Any]:
        return {"names": names}

    assert client.get("/items/a,b,c").get_json() == {"names": ["a", "b", "c"]}
    app.server_name = "localhost"
    assert app.url_for("items", names=["x", "y"]) == "http://localhost/items/x,y"


def test_builtin_converters(app: Router, client: Client) -> None:
    app.add_url_rule("/n/<int:n>", "n", lambda n: f"{n * 2}")
    app.add_url_rule("/p/<path:rest>", "p", lambda rest: rest)
    assert client.get("/n/21").get_data(as_text=True) == "42"
    assert client.get("/n/x").status_code == 404
    assert client.get("/p/a/b/c").get_data(as_text=True) == "a/b/c"


def test_strict_slashes_redirect(app: Router, client: Client) -> None:
    app.add_url_rule("/folder/", "folder", lambda: "folder")
    response = client.get("/folder?x=1")
    assert response.status_code == 308
    assert response.headers["Location"] == "http://localhost/folder/?x=1"
    assert client.get("/folder/").get_data(as_text=True) == "folder"


def test_strict_slashes_off(app: Router, client: Client) -> None:
    app.add_url_rule("/folder/", "folder", lambda: "folder", strict_slashes=False)
    assert client.get("/folder").get_data(as_text=True) == "folder"


def test_merge_slashes(app: Router, client: Client) -> None:
    app.add_url_rule("/a/b", "ab", lambda: "ab")
    app.add_url_rule("/c/d", "cd", lambda: "cd", merge_slashes=False)
    response = client.get("/a//b")
    assert response.status_code == 308
    assert response.headers["Location"] == "http://localhost/a/b"
    assert client.get("/c//d").status_code == 404


def test_redirect_runs_after_request_but_not_error_handlers(
    app: Router, client: Client
) -> None:
    app.add_url_rule("/folder/", "folder", lambda: "folder")
    app.register_error_handler(RequestRedirect, lambda e: "handled")
    app.after_request(_tag)
    response = client.get("/folder")
    assert response.status_code == 308
    assert response.headers["X-After"] == "yes"


def _tag(response: Response) -> Response:
    response.headers["X-After"] = "yes"
    return response


def test_subdomains_need_a_server_name(app: Router) -> None:
    app.server_name = "example.test"
    app.add_url_rule("/", "main", lambda: "main")
    app.add_url_rule("/", "shop", lambda: "shop", subdomain="shop")
    app.add_url_rule("/", "user", lambda user: f"user {user}", subdomain="<user>")
    client = Client(app)
    assert client.get("/", base_url="http://example.test").text == "main"
    assert client.get("/", base_url="http://shop.example.test").text == "shop"
    assert client.get("/", base_url="http://ann.example.test").text == "user ann"
    assert app.url_for("shop") == "http://shop.example.test/"


def test_without_server_name_the_default_subdomain_applies(
    app: Router, client: Client
) -> None:
    app.add_url_rule("/", "main", lambda: "main")
    app.add_url_rule("/", "shop", lambda: "shop", subdomain="shop")
    assert client.get("/", base_url="http://shop.example.test").text == "main"


def test_host_matching() -> None:
    app = Router(__name__, host_matching=True)
    app.add_url_rule("/", "a", lambda: "site a", host="a.test")
    app.add_url_rule("/", "b", lambda: "site b", host="b.test")
    app.add_url_rule("/", "tenant", lambda tenant: tenant, host="<tenant>.example")
    client = Client(app)
    assert client.get("/", base_url="http://a.test").text == "site a"
    assert client.get("/", base_url="http://b.test").text == "site b"
    assert client.get("/", base_url="http://acme.example").text == "acme"
    assert client.get("/", base_url="http://c.test").status_code == 404


def test_url_for_in_a_request_is_relative(app: Router, client: Client) -> None:
    app.add_url_rule("/user/<name>", "user", lambda name: name)

    @app.route("/links")
    def links() -> dict[str, str]:
        return {
            "plain": app.url_for("user", name="ann"),
            "external": app.url_for("user", name="ann", _external=True),
            "anchor": app.url_for("user", name="ann", q="1 2", _anchor="top part"),
            "scheme": app.url_for("user", name="b", _scheme="https", _external=True),
            "scheme only": app.url_for("user", name="c", _scheme="https"),
        }

    assert client.get("/links", base_url="http://site.test").get_json() == {
        "plain": "/user/ann",
        "external": "http://site.test/user/ann",
        "anchor": "/user/ann?q=1+2#top%20part",
        "scheme": "https://site.test/user/b",
        "scheme only": "https://site.test/user/c",
    }


def test_url_for_errors(app: Router) -> None:
    app.add_url_rule("/user/<name>", "user", lambda name: name)
    app.server_name = "localhost"
    with pytest.raises(BuildError):
        app.url_for("user")
    with pytest.raises(ValueError) as info:
        app.url_for("user", name="x", _scheme="https", _external=False)
    assert str(info.value) == "When specifying '_scheme', '_external' must be True."


def test_url_for_applies_url_defaults(app: Router) -> None:
    app.add_url_rule("/<lang>/", "index", lambda lang: lang)

    @app.url_defaults
    def add_lang(endpoint: str, values: dict[str, Any]) -> None:
        values.setdefault("lang", "en")

    app.server_name = "localhost"
    assert app.url_for("index", _external=False) == "/en/"
    assert app.url_for("index", lang="fr") == "http://localhost/fr/"


def test_mounted_under_dispatcher_middleware() -> None:
    api = Router(__name__)

    @api.route("/items/<int:n>")
    def item(n: int) -> dict[str, Any]:
        return {"n": n, "self": api.url_for("item", n=n)}

    def frontend(environ: dict[str, Any], start_response: Any) -> Any:
        return Response("frontend")(environ, start_response)

    client = Client(DispatcherMiddleware(frontend, {"/api": api}))
    assert client.get("/api/items/3").get_json() == {"n": 3, "self": "/api/items/3"}
    assert client.get("/api/missing").status_code == 404
    assert client.get("/items/3").text == "frontend"


def test_url_for_relative_endpoints(app: Router, client: Client) -> None:
    app.add_url_rule("/bp/", "bp.index", lambda: "bp index")
    app.add_url_rule("/", "index", lambda: "index")
    app.add_url_rule("/bp/link", "bp.link", lambda: app.url_for(".index"))
    app.add_url_rule("/link", "link", lambda: app.url_for(".index"))
    assert client.get("/bp/link").text == "/bp/"
    assert client.get("/link").text == "/"
    app.server_name = "localhost"
    assert app.url_for(".index") == "http://localhost/"
