"""The benchmark applications, written once against Flask's API.

``build(fw)`` receives the framework module (``flask`` or ``flaskish``):
that is the only thing that changes between the two runs.

Every scenario belongs to a family (hello, path variable, JSON, ...) that
shares one target. Beside the first scenario of each family, variants
(``_variants``) exercise the same feature the way other applications use
it: other converters, a larger JSON body, several nested blueprints,
several hooks, a session of a few keys, a larger form, template
inheritance. The spread of a family's ratios says whether a figure holds
for applications of that kind or only for one request.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from hello_app import werkzeug_hello_app
from werkzeug.test import EnvironBuilder

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
SECRET_KEY = "benchmark secret"
ITEMS = [{"name": f"item {i}", "price": i * 3} for i in range(20)]
ITEMS_SOURCE = (TEMPLATES / "items.html").read_text()
ITEMS_CONTEXT = {"title": "Items", "items": ITEMS}
JSON_FIELDS = {"id": 1, "name": "flaskish", "tags": ["wsgi", "web"], "active": True}
SESSION_SEED = {"visits": 1}
FORM = {"name": "Ada", "age": "36"}

# The path each scenario requests (library_work.py reads them too).
PATHS = {
    "hello": "/",
    "path variable": "/user/ada",
    "jsonify": "/json",
    "200 routes, last": "/r199/42",
    "404": "/missing",
    "render_template": "/template",
    "render_template_string": "/template-string",
    "session read+write": "/session",
    "form POST": "/form",
    "blueprint + url_for": "/shop/item/7",
    "async view": "/async",
    "before+after hooks": "/",
    "path variable (2 strings)": "/posts/ada/notes-on-the-engine",
    "path variable (path)": "/docs/guide/api/v2/index.html",
    "path variable (uuid)": "/orders/6f1c2a4e-8d3b-4c1e-9b7a-2f5d8e0c1a3b",
    "path variable (float)": "/price/19.99",
    "JSON (50 dicts)": "/catalogue.json",
    "JSON (dict returned)": "/status.json",
    "200 routes (2 variables), last": "/section199/books/3",
    "404 (abort in view)": "/items/3",
    "render_template (extends)": "/catalogue",
    "session (5 keys)": "/cart",
    "form POST (20 fields)": "/signup",
    "blueprints (5, nested) + url_for": "/api/orders/7",
    "hooks (3+3+2, app+blueprint)": "/account/",
}

WSGIApp = Callable[..., Any]


@dataclass
class Scenario:
    """A WSGI app and the request that exercises it."""

    name: str
    app: WSGIApp
    path: str = ""
    method: str = "GET"
    data: dict[str, str] | None = None
    headers: dict[str, str] | None = None
    expected_status: int = 200
    family: str = ""

    def __post_init__(self) -> None:
        if not self.family:
            self.family = self.name
        if not self.path:
            self.path = PATHS[self.name]

    def environ_factory(self) -> Callable[[], dict[str, Any]]:
        return environ_factory(self.path, self.method, self.data, self.headers)


def environ_factory(
    path: str,
    method: str = "GET",
    data: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
) -> Callable[[], dict[str, Any]]:
    """A function returning a fresh WSGI environ of the request each call
    (its body stream unread)."""
    builder = EnvironBuilder(path=path, method=method, data=data, headers=headers)
    template = builder.get_environ()
    body = template["wsgi.input"].read()

    def make() -> dict[str, Any]:
        environ = dict(template)
        environ["wsgi.input"] = io.BytesIO(body)
        return environ

    return make


def _session_cookie(app: Any, seed_path: str = "/session/seed") -> str:
    """A valid session cookie for ``app``, made by the app itself."""
    client = app.test_client()
    client.get(seed_path)
    cookie = client.get_cookie("session")
    assert cookie is not None, "the seed request did not set a session cookie"
    return f"session={cookie.value}"


def build(fw: ModuleType) -> list[Scenario]:
    """Every scenario of the suite, on framework ``fw``."""
    Flask = fw.Flask
    app = Flask(__name__, template_folder=str(TEMPLATES))
    app.secret_key = SECRET_KEY

    @app.route("/")
    def hello() -> str:
        return "Hello, World!"

    @app.route("/user/<name>")
    def user(name: str) -> str:
        return f"Hello, {name}!"

    @app.route("/json")
    def json_view() -> Any:
        return fw.jsonify(**JSON_FIELDS)

    for number in range(200):
        app.add_url_rule(
            f"/r{number}/<int:ident>",
            f"r{number}",
            lambda ident, number=number: f"route {number} {ident}",
        )

    @app.route("/template")
    def template() -> str:
        return fw.render_template("items.html", **ITEMS_CONTEXT)

    @app.route("/template-string")
    def template_string() -> str:
        return fw.render_template_string(ITEMS_SOURCE, **ITEMS_CONTEXT)

    @app.route("/session/seed")
    def session_seed() -> str:
        fw.session.update(SESSION_SEED)
        return "seeded"

    @app.route("/session")
    def session_view() -> str:
        visits = fw.session.get("visits", 0) + 1
        fw.session["visits"] = visits
        return f"visits {visits}"

    @app.route("/form", methods=["POST"])
    def form() -> str:
        return f"{fw.request.form['name']} is {fw.request.form['age']}"

    bp = fw.Blueprint("shop", __name__, url_prefix="/shop")

    @bp.route("/item/<int:ident>")
    def item(ident: int) -> str:
        return fw.url_for(".item", ident=ident + 1)

    app.register_blueprint(bp)

    @app.route("/async")
    async def async_view() -> str:
        await asyncio.sleep(0)
        return "async hello"

    hooked = Flask(__name__)

    @hooked.before_request
    def before() -> None:
        fw.g.started = True

    @hooked.after_request
    def after(response: Any) -> Any:
        response.headers["X-Hooked"] = "1"
        return response

    @hooked.route("/")
    def hooked_view() -> str:
        return "hooked"

    cookie = _session_cookie(app)
    return [
        Scenario("hello", app),
        Scenario("path variable", app),
        Scenario("jsonify", app, family="JSON"),
        Scenario("200 routes, last", app, family="200 routes"),
        Scenario("404", app, expected_status=404),
        Scenario("render_template", app),
        Scenario("render_template_string", app),
        Scenario(
            "session read+write",
            app,
            headers={"Cookie": cookie},
            family="session",
        ),
        Scenario(
            "form POST",
            app,
            method="POST",
            data=FORM,
            family="form",
        ),
        Scenario("blueprint + url_for", app, family="blueprint"),
        Scenario("async view", app),
        Scenario("before+after hooks", hooked, family="hooks"),
        *_variants(fw),
    ]


CATALOGUE = [
    {
        "id": i,
        "name": f"item {i}",
        "price": i * 2.5,
        "tags": ["new", "sale"] if i % 2 else ["stock"],
        "stock": {"warehouse": i % 3, "shop": i % 5},
    }
    for i in range(50)
]
FORM_FIELDS = {f"field{i}": f"value number {i} & more" for i in range(20)}
STATUS = {"ok": True, "version": "1.2.3", "counts": {"users": 3, "orders": 9}}
CATALOGUE_CONTEXT = {
    "title": "Catalogue",
    "items": ITEMS,
    "nav": ["home", "shop", "about"],
    "note": "Prices include tax.",
}
CART_SEED = {
    "user_id": 42,
    "name": "Ada",
    "cart": [3, 5, 8],
    "prefs": {"theme": "dark", "lang": "en", "page_size": 20},
    "visits": 1,
}


def _variants(fw: ModuleType) -> list[Scenario]:
    """The other members of each family, on apps of their own."""
    app = fw.Flask(__name__, template_folder=str(TEMPLATES))
    app.secret_key = SECRET_KEY

    @app.route("/posts/<string:author>/<string:slug>")
    def post(author: str, slug: str) -> str:
        return f"{slug} by {author}"

    @app.route("/docs/<path:page>")
    def docs(page: str) -> str:
        return f"page {page}"

    @app.route("/orders/<uuid:ident>")
    def order(ident: Any) -> str:
        return f"order {ident.hex}"

    @app.route("/price/<float:amount>")
    def price(amount: float) -> str:
        return f"price {amount * 1.2:.2f}"

    @app.route("/catalogue.json")
    def catalogue_json() -> Any:
        return fw.jsonify(CATALOGUE)

    @app.route("/status.json")
    def status_json() -> Any:
        return STATUS

    @app.route("/items/<int:ident>")
    def missing_item(ident: int) -> None:
        fw.abort(404)

    @app.route("/catalogue")
    def catalogue() -> str:
        return fw.render_template("catalogue.html", **CATALOGUE_CONTEXT)

    @app.route("/cart/seed")
    def cart_seed() -> str:
        fw.session.update(CART_SEED)
        return "seeded"

    @app.route("/cart")
    def cart() -> str:
        session = fw.session
        session["visits"] = session["visits"] + 1
        theme = session["prefs"]["theme"]
        return f"{session['name']} ({theme}): {len(session['cart'])} items"

    @app.route("/signup", methods=["POST"])
    def signup() -> str:
        form = fw.request.form
        return ", ".join(form[key] for key in sorted(form))

    cookie = _session_cookie(app, "/cart/seed")
    return [
        Scenario(
            "path variable (2 strings)",
            app,
            family="path variable",
        ),
        Scenario(
            "path variable (path)",
            app,
            family="path variable",
        ),
        Scenario(
            "path variable (uuid)",
            app,
            family="path variable",
        ),
        Scenario("path variable (float)", app, family="path variable"),
        Scenario("JSON (50 dicts)", app, family="JSON"),
        Scenario("JSON (dict returned)", app, family="JSON"),
        _many_string_routes(fw),
        Scenario("404 (abort in view)", app, expected_status=404, family="404"),
        Scenario("render_template (extends)", app, family="render_template"),
        Scenario(
            "session (5 keys)",
            app,
            headers={"Cookie": cookie},
            family="session",
        ),
        Scenario(
            "form POST (20 fields)",
            app,
            method="POST",
            data=FORM_FIELDS,
            family="form",
        ),
        _nested_blueprints(fw),
        _many_hooks(fw),
    ]


def _many_string_routes(fw: ModuleType) -> Scenario:
    """200 routes of two variables each, the request matching the last."""
    app = fw.Flask(__name__)
    for number in range(200):
        app.add_url_rule(
            f"/section{number}/<category>/<int:page>",
            f"section{number}",
            lambda category, page, number=number: f"{number} {category} {page}",
        )
    return Scenario(
        "200 routes (2 variables), last",
        app,
        family="200 routes",
    )


def _nested_blueprints(fw: ModuleType) -> Scenario:
    """Five blueprints, three nested one level inside a fourth; the view
    builds URLs into two other blueprints."""
    app = fw.Flask(__name__)
    api = fw.Blueprint("api", __name__, url_prefix="/api")
    users = fw.Blueprint("users", __name__, url_prefix="/users")
    orders = fw.Blueprint("orders", __name__, url_prefix="/orders")
    items = fw.Blueprint("items", __name__, url_prefix="/items")
    admin = fw.Blueprint("admin", __name__, url_prefix="/admin")

    @users.route("/<name>")
    def profile(name: str) -> str:
        return name

    @items.route("/<int:ident>")
    def item(ident: int) -> str:
        return str(ident)

    @orders.route("/<int:ident>")
    def show(ident: int) -> str:
        owner = fw.url_for("api.users.profile", name="ada")
        back = fw.url_for("admin.index")
        return f"order {ident}: {owner} {back}"

    @admin.route("/")
    def index() -> str:
        return "admin"

    for child in (users, orders, items):
        api.register_blueprint(child)
    app.register_blueprint(api)
    app.register_blueprint(admin)
    return Scenario("blueprints (5, nested) + url_for", app, family="blueprint")


def _many_hooks(fw: ModuleType) -> Scenario:
    """Three before_request, three after_request and two teardown_request
    functions, split between the app and the blueprint of the view."""
    app = fw.Flask(__name__)
    bp = fw.Blueprint("account", __name__, url_prefix="/account")
    counts = {"teardown": 0}

    @app.before_request
    def load_user() -> None:
        fw.g.user = "ada"

    @app.before_request
    def start_timer() -> None:
        fw.g.started = 1.0

    @bp.before_request
    def check_account() -> None:
        fw.g.account = fw.g.user.upper()

    @app.after_request
    def server_header(response: Any) -> Any:
        response.headers["X-Server"] = "bench"
        return response

    @app.after_request
    def no_store(response: Any) -> Any:
        response.headers["Cache-Control"] = "no-store"
        return response

    @bp.after_request
    def account_header(response: Any) -> Any:
        response.headers["X-Account"] = fw.g.account
        return response

    @app.teardown_request
    def count_teardown(exc: BaseException | None) -> None:
        counts["teardown"] += 1

    @bp.teardown_request
    def account_teardown(exc: BaseException | None) -> None:
        fw.g.pop("account", None)

    @bp.route("/")
    def account() -> str:
        return f"account of {fw.g.account}"

    app.register_blueprint(bp)
    return Scenario("hooks (3+3+2, app+blueprint)", app, family="hooks")


def werkzeug_floor() -> Scenario:
    """Request + Map match + Response with werkzeug alone: the floor."""
    return Scenario("hello", werkzeug_hello_app())
