"""The ``url_for`` helper builds URLs without calling ``app.url_for`` when the
app does not replace it; the results are those of ``app.url_for``."""

from __future__ import annotations

from typing import Any

import pytest
from werkzeug.routing import BuildError

from flaskish_blueprints import Blueprint
from flaskish_context import g
from flaskish_core.app import Flask
from flaskish_core.helpers import url_for

#: (endpoint, keyword arguments) given to ``url_for`` in every context.
CASES: list[tuple[str, dict[str, Any]]] = [
    ("index", {}),
    ("index", {"page": 2, "tags": ["a", "b"], "none": None}),
    ("index", {"_external": True}),
    ("index", {"_external": False}),
    ("index", {"_scheme": "https", "_external": True}),
    ("index", {"_scheme": "https"}),
    ("index", {"_scheme": "https", "_external": False}),
    ("index", {"_anchor": "a b/#?"}),
    ("index", {"_method": "GET"}),
    ("form", {"_method": "POST"}),
    ("form", {"_method": "GET"}),
    ("form", {}),
    (".index", {}),
    (".page", {"name": "x y"}),
    (".leaf", {"n": 3, "_anchor": "top"}),
    ("shop.page", {"name": "ada"}),
    ("shop.page", {"name": "ada", "lang": "de"}),
    ("shop.child.leaf", {"n": 4}),
    ("shop.child.leaf", {"n": "not a number"}),
    ("shop.child.leaf", {}),
    ("api", {}),
    ("api", {"_external": False}),
    ("missing", {}),
    ("handled", {"x": 1, "_anchor": "here"}),
    ("", {}),
]


def make_app(app_class: type[Flask], **config: Any) -> Flask:
    """An app with url_defaults and url_value_preprocessor functions on the
    app and on nested blueprints, a subdomain rule and a build error handler."""
    app = app_class("url_for_helper")
    app.config.update(config)
    app.add_url_rule("/", "index", lambda: "index")
    app.add_url_rule("/form", "form", lambda: "form", methods=["POST"])
    app.add_url_rule("/api", "api", lambda: "api", subdomain="api")

    @app.url_defaults
    def app_defaults(endpoint: str, values: dict[str, Any]) -> None:
        if "tags" in values:
            values["seen_by_app"] = endpoint

    shop = Blueprint("shop", __name__, url_prefix="/<lang>/shop")
    child = Blueprint("child", __name__, url_prefix="/child")

    @shop.url_value_preprocessor
    def pull_lang(endpoint: str | None, values: dict[str, Any] | None) -> None:
        g.lang = (values or {}).pop("lang", None)

    @shop.url_defaults
    def add_lang(endpoint: str, values: dict[str, Any]) -> None:
        values.setdefault("lang", g.get("lang", "en"))

    @shop.route("/page/<name>")
    def page(name: str) -> str:
        return name

    @child.route("/leaf/<int:n>")
    def leaf(n: int) -> str:
        return str(n)

    shop.register_blueprint(child)
    app.register_blueprint(shop)

    def handle(error: BuildError, endpoint: str, values: dict[str, Any]) -> Any:
        if endpoint == "handled":
            return f"/handled?{sorted(values.items())!r}"
        return None

    app.url_build_error_handlers.append(handle)
    return app


def outcomes(build: Any) -> list[tuple[str, str]]:
    """``url_for``'s result, or the class of the error it raised, per case."""
    results = []
    for endpoint, options in CASES:
        try:
            results.append(("value", build(endpoint, **options)))
        except Exception as error:  # compared between the two apps
            results.append(("raised", type(error).__name__))
    return results


class KeywordApp(Flask):
    """Replaces ``url_for``, so the helper passes its keywords on to it."""

    calls = 0

    def url_for(self, /, endpoint: str, **values: Any) -> str:  # type: ignore[override]
        KeywordApp.calls += 1
        return super().url_for(endpoint, **values)


def in_each_context(app: Flask) -> dict[str, Any]:
    """The helper's outcomes in a view of a nested blueprint (after its
    URL value preprocessor), an app view, a test request context, and an
    app context."""
    seen: dict[str, Any] = {}

    def record(name: str) -> str:
        seen[name] = outcomes(url_for)
        return ""

    app.view_functions["shop.child.leaf"] = lambda n: record("blueprint view")
    app.view_functions["index"] = lambda: record("app view")
    client = app.test_client()
    assert client.get("/fr/shop/child/leaf/1").status_code == 200
    assert client.get("/").status_code == 200
    with app.test_request_context("/de/shop/page/x"):
        seen["request context"] = outcomes(url_for)
    with app.app_context():
        seen["app context"] = outcomes(url_for)
    return seen


@pytest.mark.parametrize(
    "config",
    [
        {},
        {"SERVER_NAME": "example.test", "APPLICATION_ROOT": "/root"},
        {"SERVER_NAME": "example.test", "PREFERRED_URL_SCHEME": "https"},
    ],
)
def test_helper_gives_what_app_url_for_gives(config: dict[str, Any]) -> None:
    KeywordApp.calls = 0
    direct = in_each_context(make_app(Flask, **config))
    assert KeywordApp.calls == 0
    through_url_for = in_each_context(make_app(KeywordApp, **config))
    assert KeywordApp.calls == 4 * len(CASES)
    assert direct == through_url_for
    # The cases reach every branch: results, build errors, bad arguments.
    kinds = {kind for results in direct.values() for kind, _ in results}
    assert kinds == {"value", "raised"}
    # The blueprint's URL value preprocessor ran before its view's url_for.
    kind, leaf = direct["blueprint view"][
        CASES.index((".leaf", {"n": 3, "_anchor": "top"}))
    ]
    assert kind == "value"
    assert leaf.endswith("/fr/shop/child/leaf/3#top")


def test_helper_results() -> None:
    app = make_app(Flask, SERVER_NAME="example.test")
    # URL value preprocessors run at dispatch: not in a test request context.
    with app.test_request_context("/de/shop/child/leaf/1"):
        assert url_for(".leaf", n=2) == "/en/shop/child/leaf/2"
        assert url_for(".leaf", n=2, lang="it") == "/it/shop/child/leaf/2"
        assert url_for("shop.page", name="a b") == "/en/shop/page/a%20b"
        assert url_for("index", _anchor="x y") == "/#x%20y"
        assert url_for("index", _scheme="https") == "https://example.test/"
        assert url_for("api") == "http://api.example.test/api"
        assert url_for("handled", _anchor="a") == (
            "/handled?[('_anchor', 'a'), ('_external', False),"
            " ('_method', None), ('_scheme', None)]"
        )
        with pytest.raises(BuildError):
            url_for("missing")
    with app.app_context():
        assert url_for("index", q=1) == "http://example.test/?q=1"


def test_helper_calls_a_url_for_set_on_the_app() -> None:
    app = make_app(Flask)
    calls: list[tuple[str, dict[str, Any]]] = []

    def replaced(endpoint: str, **values: Any) -> str:
        calls.append((endpoint, values))
        return "/replaced"

    app.url_for = replaced  # type: ignore[method-assign]
    with app.test_request_context("/"):
        assert url_for("index", x=1, _anchor="a") == "/replaced"
    assert calls == [
        (
            "index",
            {
                "x": 1,
                "_anchor": "a",
                "_method": None,
                "_scheme": None,
                "_external": None,
            },
        )
    ]
