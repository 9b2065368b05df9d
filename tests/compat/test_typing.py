"""Static typing: application code that type-checks against Flask type-checks the same.

Flask ships type hints (``py.typed``), so applications run mypy against it.
The snippet below uses the common API the way applications annotate it; it
must pass ``mypy --strict`` with the package under test.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import flaskish

pytest.importorskip("mypy")

APPLICATION = """\
from __future__ import annotations

from werkzeug.exceptions import NotFound
from werkzeug.wrappers import Response as BaseResponse

from {package} import Blueprint, Flask, Response, abort, g, jsonify, make_response, redirect, request, session, url_for
from {package}.testing import FlaskClient
from {package}.views import MethodView, View

app = Flask(__name__)
app.config.from_mapping(SECRET_KEY="dev")
app.config.from_pyfile("settings.cfg", silent=True)
app.config.from_prefixed_env()
debug_settings: dict[str, object] = app.config.get_namespace("DEBUG_")
shop = Blueprint("shop", __name__, url_prefix="/shop")


@app.route("/")
def index() -> str:
    g.name = request.args.get("name", "world")
    session["seen"] = True
    return f"hello {{g.name}}"


@app.get("/items/<int:item_id>")
def item(item_id: int) -> Response:
    if item_id < 0:
        abort(404)
    response = make_response(jsonify(id=item_id))
    response.headers["X-Item"] = str(item_id)
    return response


@app.post("/go")
def go() -> BaseResponse:
    return redirect(url_for("index"))


@app.errorhandler(NotFound)
def missing(error: NotFound) -> tuple[dict[str, str], int]:
    return {{"error": str(error)}}, 404


@app.after_request
def after(response: Response) -> Response:
    response.headers["X-After"] = "1"
    return response


class Items(MethodView):
    def get(self) -> list[int]:
        return [1, 2]


class About(View):
    def dispatch_request(self) -> str:
        return "about"


@app.route("/plain-json")
def plain_json() -> Response:
    return jsonify("hello")


shop.add_url_rule("/items", view_func=Items.as_view("items"))
app.add_url_rule("/about", view_func=About.as_view("about"))
app.register_blueprint(shop)
client: FlaskClient = app.test_client()
data = client.get("/items/1").get_json()
"""


def mypy_strict(tmp_path: Path, name: str, source_text: str) -> str:
    """What ``mypy --strict`` prints for one module, with its path shortened."""
    source = tmp_path / name
    source.write_text(source_text.format(package=flaskish.__name__))
    command = [
        sys.executable,
        "-m",
        "mypy",
        "--strict",
        "--no-error-summary",
        "--cache-dir",
        str(tmp_path / "cache"),
        str(source),
    ]
    result = subprocess.run(
        command, capture_output=True, text=True, check=False, cwd=tmp_path
    )
    return result.stdout.replace(str(source), name)


def test_typical_application_type_checks(tmp_path: Path) -> None:
    assert mypy_strict(tmp_path, "application.py", APPLICATION) == ""


PROXY_TYPES = """\
from __future__ import annotations

from typing import assert_type

from {package} import Flask, Request, current_app, g, request, session
from {package}.ctx import _AppCtxGlobals
from {package}.sessions import SessionMixin
from {package} import globals as proxies

assert_type(current_app, Flask)
assert_type(request, Request)
assert_type(session, SessionMixin)
assert_type(g, _AppCtxGlobals)
assert_type(proxies.current_app, Flask)
assert_type(proxies.request, Request)
assert_type(proxies.session, SessionMixin)
"""


def test_proxies_are_typed_as_what_they_stand_for(tmp_path: Path) -> None:
    # Not Any: code written against Flask's types (including its
    # "type: ignore" comments) must check the same.
    assert mypy_strict(tmp_path, "proxies.py", PROXY_TYPES) == ""
