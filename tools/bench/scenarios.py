"""The benchmark applications, written once against Flask's API.

``build(fw)`` receives the framework module (``flask`` or ``flaskish``):
that is the only thing that changes between the two runs.
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
ITEMS = [{"name": f"item {i}", "price": i * 3} for i in range(20)]
ITEMS_SOURCE = (HERE / "templates" / "items.html").read_text()

WSGIApp = Callable[..., Any]


@dataclass
class Scenario:
    """A WSGI app and the request that exercises it."""

    name: str
    app: WSGIApp
    path: str
    method: str = "GET"
    data: dict[str, str] | None = None
    headers: dict[str, str] | None = None
    expected_status: int = 200

    def environ_factory(self) -> Callable[[], dict[str, Any]]:
        builder = EnvironBuilder(
            path=self.path, method=self.method, data=self.data, headers=self.headers
        )
        template = builder.get_environ()
        body = template["wsgi.input"].read()

        def make() -> dict[str, Any]:
            environ = dict(template)
            environ["wsgi.input"] = io.BytesIO(body)
            return environ

        return make


def _session_cookie(app: Any) -> str:
    """A valid session cookie for ``app``, made by the app itself."""
    client = app.test_client()
    client.get("/session/seed")
    cookie = client.get_cookie("session")
    assert cookie is not None, "the seed request did not set a session cookie"
    return f"session={cookie.value}"


def build(fw: ModuleType) -> list[Scenario]:
    """Every scenario of the suite, on framework ``fw``."""
    Flask = fw.Flask
    app = Flask(__name__, template_folder=str(HERE / "templates"))
    app.secret_key = "benchmark secret"

    @app.route("/")
    def hello() -> str:
        return "Hello, World!"

    @app.route("/user/<name>")
    def user(name: str) -> str:
        return f"Hello, {name}!"

    @app.route("/json")
    def json_view() -> Any:
        return fw.jsonify(id=1, name="flaskish", tags=["wsgi", "web"], active=True)

    for number in range(200):
        app.add_url_rule(
            f"/r{number}/<int:ident>",
            f"r{number}",
            lambda ident, number=number: f"route {number} {ident}",
        )

    @app.route("/template")
    def template() -> str:
        return fw.render_template("items.html", title="Items", items=ITEMS)

    @app.route("/template-string")
    def template_string() -> str:
        return fw.render_template_string(ITEMS_SOURCE, title="Items", items=ITEMS)

    @app.route("/session/seed")
    def session_seed() -> str:
        fw.session["visits"] = 1
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
        Scenario("hello", app, "/"),
        Scenario("path variable", app, "/user/ada"),
        Scenario("jsonify", app, "/json"),
        Scenario("200 routes, last", app, "/r199/42"),
        Scenario("404", app, "/missing", expected_status=404),
        Scenario("render_template", app, "/template"),
        Scenario("render_template_string", app, "/template-string"),
        Scenario("session read+write", app, "/session", headers={"Cookie": cookie}),
        Scenario(
            "form POST", app, "/form", method="POST", data={"name": "Ada", "age": "36"}
        ),
        Scenario("blueprint + url_for", app, "/shop/item/7"),
        Scenario("async view", app, "/async"),
        Scenario("before+after hooks", hooked, "/"),
    ]


def werkzeug_floor() -> Scenario:
    """Request + Map match + Response with werkzeug alone: the floor."""
    return Scenario("hello", werkzeug_hello_app(), "/")
