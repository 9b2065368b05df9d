"""Blueprint resources: template folders, static files, template helpers and CLI groups."""

from __future__ import annotations

from pathlib import Path

import click

from flaskish import Blueprint
from flaskish import Flask
from flaskish import render_template
from flaskish import render_template_string
from flaskish import url_for


def test_blueprint_templates(tmp_path: Path) -> None:
    (tmp_path / "app_templates").mkdir()
    (tmp_path / "bp_templates" / "bp").mkdir(parents=True)
    (tmp_path / "app_templates" / "shared.html").write_text("from app")
    (tmp_path / "bp_templates" / "shared.html").write_text("from blueprint")
    (tmp_path / "bp_templates" / "bp" / "own.html").write_text(
        "own {{ request.blueprint }}"
    )
    app = Flask("tpl", root_path=str(tmp_path), template_folder="app_templates")
    bp = Blueprint(
        "bp", __name__, root_path=str(tmp_path), template_folder="bp_templates"
    )
    bp.add_url_rule("/own", "own", lambda: render_template("bp/own.html"))
    bp.add_url_rule("/shared", "shared", lambda: render_template("shared.html"))
    app.register_blueprint(bp)
    client = app.test_client()
    assert client.get("/own").text == "own bp"
    assert client.get("/shared").text == "from app"


def test_blueprint_static_files(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "site.css").write_text("body{}")
    app = Flask("static_bp", root_path=str(tmp_path))
    bp = Blueprint(
        "theme",
        __name__,
        root_path=str(tmp_path),
        static_folder="assets",
        static_url_path="/files",
        url_prefix="/theme",
    )
    app.register_blueprint(bp)
    client = app.test_client()
    response = client.get("/theme/files/site.css")
    assert (response.status_code, response.data, response.mimetype) == (
        200,
        b"body{}",
        "text/css",
    )
    response.close()
    assert client.get("/theme/files/missing.css").status_code == 404
    with app.test_request_context():
        assert url_for("theme.static", filename="site.css") == "/theme/files/site.css"


def test_blueprint_app_template_filter(app: Flask) -> None:
    bp = Blueprint("bp", __name__)

    @bp.app_template_filter("shout")
    def shout(value: str) -> str:
        return value.upper() + "!"

    bp.app_template_global("answer")(lambda: 42)
    bp.app_template_test("even")(lambda n: n % 2 == 0)
    app.register_blueprint(bp)
    with app.test_request_context():
        assert (
            render_template_string("{{ 'hi'|shout }} {{ answer() }} {{ 4 is even }}")
            == "HI! 42 True"
        )


def test_blueprint_cli_group(app: Flask) -> None:
    grouped = Blueprint("users", __name__)
    flat = Blueprint("tools", __name__, cli_group=None)
    grouped.cli.command("create")(lambda: click.echo("created"))
    flat.cli.command("tidy")(lambda: click.echo("tidied"))
    app.register_blueprint(grouped)
    app.register_blueprint(flat)
    runner = app.test_cli_runner()
    assert runner.invoke(args=["users", "create"]).output == "created\n"
    assert runner.invoke(args=["tidy"]).output == "tidied\n"


def test_first_registered_blueprint_template_wins(tmp_path: Path) -> None:
    for folder, text in (("a_templates", "from a"), ("b_templates", "from b")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.html").write_text(text)
    app = Flask("order", root_path=str(tmp_path))
    for name in ("b", "a"):
        app.register_blueprint(
            Blueprint(
                name,
                __name__,
                root_path=str(tmp_path),
                template_folder=f"{name}_templates",
            )
        )
    with app.app_context():
        assert render_template("same.html") == "from b"


def test_blueprint_static_route_and_attributes(tmp_path: Path) -> None:
    (tmp_path / "static").mkdir()
    bp = Blueprint(
        "x", __name__, root_path=str(tmp_path), static_folder="static", url_prefix="/x"
    )
    assert (bp.static_url_path, bp.has_static_folder, bp.static_folder) == (
        "/static",
        True,
        str(tmp_path / "static"),
    )
    app = Flask("with_bp_static", root_path=str(tmp_path))
    app.register_blueprint(bp)
    assert sorted(rule.rule for rule in app.url_map.iter_rules()) == [
        "/static/<path:filename>",
        "/x/static/<path:filename>",
    ]
