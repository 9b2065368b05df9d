"""Blueprints: prefixes, names, nesting and scoped hooks and processors."""

from __future__ import annotations

import pytest

from flaskish import abort
from flaskish import Blueprint
from flaskish import Flask
from flaskish import g
from flaskish import render_template_string
from flaskish import request
from flaskish import url_for
from flaskish.blueprints import BlueprintSetupState
from flaskish.testing import FlaskClient


def _endpoint_and_url() -> str:
    assert request.endpoint is not None
    return (
        f"{request.endpoint} {url_for(request.endpoint, **(request.view_args or {}))}"
    )


@pytest.mark.parametrize(
    ("prefix", "rule", "path"),
    [
        ("/shop", "/items", "/shop/items"),
        ("/shop/", "/items", "/shop/items"),
        ("/shop", "/", "/shop/"),
        ("/shop", "", "/shop"),
        (None, "/items", "/items"),
    ],
)
def test_url_prefix_joining(
    app: Flask, prefix: str | None, rule: str, path: str
) -> None:
    bp = Blueprint("shop", __name__, url_prefix=prefix)
    bp.add_url_rule(rule, "view", _endpoint_and_url)
    app.register_blueprint(bp)
    assert app.test_client().get(path).text == f"shop.view {path}"


def test_prefix_given_at_registration_wins(app: Flask, client: FlaskClient) -> None:
    bp = Blueprint("bp", __name__, url_prefix="/ignored")
    bp.add_url_rule("/x", "x", _endpoint_and_url)
    app.register_blueprint(bp, url_prefix="/used")
    assert client.get("/used/x").text == "bp.x /used/x"
    assert client.get("/ignored/x").status_code == 404


def test_same_blueprint_under_two_names(app: Flask, client: FlaskClient) -> None:
    bp = Blueprint("api", __name__)
    bp.add_url_rule("/v", "v", _endpoint_and_url)
    app.register_blueprint(bp, url_prefix="/v1")
    app.register_blueprint(bp, url_prefix="/v2", name="api2")
    assert client.get("/v1/v").text == "api.v /v1/v"
    assert client.get("/v2/v").text == "api2.v /v2/v"
    assert set(app.blueprints) == {"api", "api2"}


def test_registration_name_clashes(app: Flask) -> None:
    bp = Blueprint("bp", __name__)
    app.register_blueprint(bp)
    with pytest.raises(ValueError) as same:
        app.register_blueprint(bp)
    assert str(same.value) == (
        "The name 'bp' is already registered for this blueprint. Use 'name=' to"
        " provide a unique name."
    )
    with pytest.raises(ValueError) as other:
        app.register_blueprint(Blueprint("bp", __name__))
    assert str(other.value) == (
        "The name 'bp' is already registered for a different blueprint. Use"
        " 'name=' to provide a unique name."
    )


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("a.b", "'name' may not contain a dot '.' character."),
        ("", "'name' may not be empty."),
    ],
)
def test_invalid_blueprint_names(name: str, message: str) -> None:
    with pytest.raises(ValueError) as info:
        Blueprint(name, __name__)
    assert str(info.value) == message


def test_dotted_endpoint_rejected() -> None:
    bp = Blueprint("bp", __name__)
    with pytest.raises(ValueError) as info:
        bp.add_url_rule("/", "a.b", lambda: "")
    assert str(info.value) == "'endpoint' may not contain a dot '.' character."


def test_blueprint_cannot_contain_itself() -> None:
    bp = Blueprint("bp", __name__)
    with pytest.raises(ValueError) as info:
        bp.register_blueprint(bp)
    assert str(info.value) == "Cannot register a blueprint on itself"


def test_setup_after_registration_fails(app: Flask, client: FlaskClient) -> None:
    bp = Blueprint("bp", __name__)
    bp.add_url_rule("/", "index", lambda: "")
    app.register_blueprint(bp)
    client.get("/")
    with pytest.raises(
        AssertionError, match="can no longer be called on the blueprint 'bp'"
    ):
        bp.add_url_rule("/late", "late", lambda: "")


def test_nested_blueprints(app: Flask, client: FlaskClient) -> None:
    parent = Blueprint("parent", __name__, url_prefix="/p")
    child = Blueprint("child", __name__, url_prefix="/c")
    grandchild = Blueprint("grand", __name__, url_prefix="/g")

    @grandchild.route("/<int:n>")
    def leaf(n: int) -> dict[str, object]:
        return {
            "endpoint": request.endpoint,
            "blueprint": request.blueprint,
            "blueprints": request.blueprints,
            "relative": url_for(".leaf", n=n + 1),
        }

    child.register_blueprint(grandchild)
    parent.register_blueprint(child)
    app.register_blueprint(parent)
    assert client.get("/p/c/g/1").json == {
        "endpoint": "parent.child.grand.leaf",
        "blueprint": "parent.child.grand",
        "blueprints": ["parent.child.grand", "parent.child", "parent"],
        "relative": "/p/c/g/2",
    }


def test_blueprint_scoped_context_processor(app: Flask, client: FlaskClient) -> None:
    bp = Blueprint("bp", __name__, url_prefix="/bp")
    bp.context_processor(lambda: {"where": "blueprint"})
    app.context_processor(lambda: {"app_value": "app"})
    template = "{{ where|default('none') }} {{ app_value }}"
    bp.add_url_rule("/", "index", lambda: render_template_string(template))
    app.register_blueprint(bp)
    app.add_url_rule("/", "index", lambda: render_template_string(template))
    assert client.get("/bp/").text == "blueprint app"
    assert client.get("/").text == "none app"


def test_app_context_processor_from_blueprint(app: Flask, client: FlaskClient) -> None:
    bp = Blueprint("bp", __name__)
    bp.app_context_processor(lambda: {"everywhere": "yes"})
    app.register_blueprint(bp)
    app.add_url_rule("/", "index", lambda: render_template_string("{{ everywhere }}"))
    assert client.get("/").text == "yes"


def test_blueprint_url_processors(app: Flask, client: FlaskClient) -> None:
    bp = Blueprint("lang", __name__, url_prefix="/<lang>")

    @bp.url_defaults
    def add_lang(endpoint: str, values: dict[str, object]) -> None:
        values.setdefault("lang", g.lang)

    @bp.url_value_preprocessor
    def pull_lang(endpoint: str | None, values: dict[str, object] | None) -> None:
        assert values is not None
        g.lang = values.pop("lang")

    @bp.route("/about")
    def about() -> str:
        return f"{g.lang} {url_for('.about')} {url_for('.about', lang='fr')}"

    app.register_blueprint(bp)
    app.add_url_rule("/", "index", lambda: str("lang" in g))
    assert client.get("/de/about").text == "de /de/about /fr/about"
    assert client.get("/").text == "False"


def test_blueprint_subdomain(app: Flask) -> None:
    app = Flask("subs", subdomain_matching=True)
    app.config["SERVER_NAME"] = "example.test"
    bp = Blueprint("api", __name__, subdomain="api")
    bp.add_url_rule("/", "index", lambda: "api")
    app.register_blueprint(bp)
    client = app.test_client()
    assert client.get("/", "http://api.example.test/").text == "api"
    with app.app_context():
        assert url_for("api.index") == "http://api.example.test/"


def test_record_and_record_once(app: Flask) -> None:
    states: list[tuple[str, BlueprintSetupState]] = []
    bp = Blueprint("bp", __name__)
    bp.record(lambda state: states.append(("every", state)))
    bp.record_once(lambda state: states.append(("once", state)))
    app.register_blueprint(bp, url_prefix="/a", answer=42)
    app.register_blueprint(bp, url_prefix="/b", name="bp2")
    assert [kind for kind, _ in states] == ["every", "once", "every"]
    first = states[0][1]
    assert (first.app, first.blueprint, first.url_prefix, first.first_registration) == (
        app,
        bp,
        "/a",
        True,
    )
    assert first.options["answer"] == 42
    assert states[2][1].first_registration is False


def test_url_defaults_at_creation_and_registration(
    app: Flask, client: FlaskClient
) -> None:
    made = Blueprint(
        "made", __name__, url_prefix="/made", url_defaults={"kind": "book"}
    )
    made.add_url_rule("/", "index", lambda kind: kind)
    later = Blueprint("later", __name__)
    later.add_url_rule("/<int:n>", "item", lambda kind, n: f"{kind} {n}")
    app.register_blueprint(made)
    app.register_blueprint(later, url_prefix="/later", url_defaults={"kind": "pen"})
    assert client.get("/made/").text == "book"
    assert client.get("/later/3").text == "pen 3"


def test_blueprint_404_handler_only_for_its_views(
    app: Flask, client: FlaskClient
) -> None:
    bp = Blueprint("bp", __name__, url_prefix="/bp")
    bp.register_error_handler(404, lambda e: ("bp 404", 404))
    bp.add_url_rule("/gone", "gone", lambda: abort(404))
    app.register_blueprint(bp)
    assert client.get("/bp/gone").text == "bp 404"
    unknown = client.get("/bp/unknown")
    assert unknown.status_code == 404
    assert b"<title>404 Not Found</title>" in unknown.data


def test_nested_registration_names(app: Flask, client: FlaskClient) -> None:
    parent = Blueprint("parent", __name__)
    child = Blueprint("child", __name__)
    child.add_url_rule("/", "index", lambda: str(request.blueprint))
    parent.register_blueprint(child, name="renamed", url_prefix="/c")
    app.register_blueprint(parent, url_prefix="/p")
    assert sorted(app.blueprints) == ["parent", "parent.renamed"]
    assert "parent.renamed.index" in app.view_functions
    assert client.get("/p/c/").text == "parent.renamed"


def test_blueprint_repr_and_names() -> None:
    bp = Blueprint("shop", "some.module")
    assert repr(bp) == "<Blueprint 'shop'>"
    assert (bp.name, bp.import_name, bp.url_prefix, bp.subdomain) == (
        "shop",
        "some.module",
        None,
        None,
    )


def test_nested_blueprint_inherits_handlers_processors_and_preprocessors(
    app: Flask, client: FlaskClient
) -> None:
    parent = Blueprint("parent", __name__, url_prefix="/p")
    child = Blueprint("child", __name__, url_prefix="/c")
    parent.register_error_handler(KeyError, lambda e: "parent handled")
    app.register_error_handler(KeyError, lambda e: "app handled")
    parent.context_processor(lambda: {"from_parent": "p"})
    child.context_processor(lambda: {"from_child": "c"})
    for bp in (parent, child):
        bp.url_value_preprocessor(
            lambda e, v, name=bp.name: g.setdefault("pre", []).append(f"{name}:{e}")
        )
    child.add_url_rule("/err", "err", lambda: {}["x"])
    child.add_url_rule(
        "/tpl",
        "tpl",
        lambda: render_template_string(
            "{{ from_parent }}{{ from_child }} {{ g.pre|join(',') }}"
        ),
    )
    parent.register_blueprint(child)
    app.register_blueprint(parent)
    assert client.get("/p/c/err").text == "parent handled"
    assert (
        client.get("/p/c/tpl").text
        == "pc parent:parent.child.tpl,child:parent.child.tpl"
    )
