"""Templates: escaping, template folders, streaming, macros and request objects."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from jinja2 import Template
from jinja2 import TemplateNotFound
from markupsafe import Markup

from flaskish import flash
from flaskish import Flask
from flaskish import g
from flaskish import get_template_attribute
from flaskish import render_template
from flaskish import render_template_string
from flaskish import session
from flaskish import stream_template
from flaskish import stream_template_string
from flaskish import template_rendered
from flaskish.testing import FlaskClient


@pytest.fixture
def folder_app(tmp_path: Path) -> Flask:
    """An app whose templates live in a temporary folder."""
    templates = tmp_path / "templates"
    (templates / "parts").mkdir(parents=True)
    (templates / "page.html").write_text("<p>{{ text }}</p>")
    (templates / "page.txt").write_text("{{ text }}")
    (templates / "base.html").write_text("[{% block body %}base{% endblock %}]")
    (templates / "child.html").write_text(
        "{% extends 'base.html' %}{% block body %}child {{ super() }}{% endblock %}"
    )
    (templates / "parts" / "macros.html").write_text(
        "{% macro hello(name) %}Hello {{ name }}!{% endmacro %}{% set answer = 42 %}"
    )
    app = Flask("folder_app", root_path=str(tmp_path))
    app.config.update(TESTING=True, SECRET_KEY="s")
    return app


def test_string_templates_autoescape(app: Flask) -> None:
    with app.test_request_context():
        assert render_template_string("{{ v }}", v="<b>&'") == "&lt;b&gt;&amp;&#39;"
        assert render_template_string("{{ v }}", v=Markup("<b>")) == "<b>"
        assert render_template_string("{{ v|safe }}", v="<i>") == "<i>"
        assert (
            render_template_string(
                "{% autoescape false %}{{ v }}{% endautoescape %}", v="<i>"
            )
            == "<i>"
        )


@pytest.mark.parametrize(
    ("name", "expected"), [("page.html", "<p>&lt;x&gt;</p>"), ("page.txt", "<x>")]
)
def test_file_autoescape_by_extension(
    folder_app: Flask, name: str, expected: str
) -> None:
    with folder_app.app_context():
        assert render_template(name, text="<x>") == expected


def test_template_inheritance_and_list_of_names(folder_app: Flask) -> None:
    with folder_app.app_context():
        assert render_template("child.html") == "[child base]"
        assert (
            render_template(["missing.html", "page.txt"], text="fallback") == "fallback"
        )


def test_missing_template(folder_app: Flask) -> None:
    with folder_app.app_context(), pytest.raises(TemplateNotFound) as info:
        render_template("absent.html")
    assert info.value.name == "absent.html"


def test_render_needs_app_context(folder_app: Flask) -> None:
    with pytest.raises(RuntimeError, match="Working outside of application context"):
        render_template_string("x")


def test_template_response_from_view(folder_app: Flask) -> None:
    folder_app.add_url_rule(
        "/", "index", lambda: render_template("page.html", text="hi")
    )
    response = folder_app.test_client().get("/")
    assert (response.status_code, response.mimetype, response.text) == (
        200,
        "text/html",
        "<p>hi</p>",
    )


def test_request_objects_in_templates(app: Flask, client: FlaskClient) -> None:
    app.config["SITE"] = "compat"
    app.add_url_rule("/target", "target", lambda: "")

    @app.route("/page")
    def page() -> str:
        g.user = "ada"
        session["theme"] = "dark"
        flash("hey")
        return render_template_string(
            "{{ config.SITE }}|{{ request.path }}|{{ request.args.q }}|{{ session.theme }}|"
            "{{ g.user }}|{{ url_for('target') }}|{{ get_flashed_messages() }}"
        )

    assert (
        client.get("/page?q=1").text
        == "compat|/page|1|dark|ada|/target|[&#39;hey&#39;]"
    )


def test_app_context_templates_without_request(app: Flask) -> None:
    with app.app_context():
        g.x = "gx"
        assert render_template_string("{{ config.TESTING }} {{ g.x }}") == "True gx"
        with pytest.raises(RuntimeError, match="Working outside of request context"):
            render_template_string("{{ request.path }}")


def test_tojson_filter(app: Flask) -> None:
    with app.app_context():
        rendered = render_template_string(
            "{{ data|tojson }}", data={"b": "</script>", "a": "'&"}
        )
        assert rendered == '{"a": "\\u0027\\u0026", "b": "\\u003c/script\\u003e"}'
        assert render_template_string("{{ 'x'|tojson }}") == '"x"'


def test_stream_template_string(app: Flask, client: FlaskClient) -> None:
    @app.route("/")
    def index() -> Iterator[str]:
        return stream_template_string(
            "{% for i in items %}{{ i }}{{ request.args.sep }}{% endfor %}",
            items=[1, 2, 3],
        )

    response = client.get("/?sep=,")
    assert response.is_streamed
    assert response.text == "1,2,3,"


def test_stream_template_file(folder_app: Flask) -> None:
    folder_app.add_url_rule(
        "/", "index", lambda: stream_template("page.html", text="streamed")
    )
    assert folder_app.test_client().get("/").text == "<p>streamed</p>"


def test_get_template_attribute(folder_app: Flask) -> None:
    with folder_app.app_context():
        hello = get_template_attribute("parts/macros.html", "hello")
        assert hello("ada") == "Hello ada!"
        assert get_template_attribute("parts/macros.html", "answer") == 42


def test_include_and_tojson_indent(folder_app: Flask, tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    (templates / "outer.html").write_text("[{% include 'inner.html' %}]")
    (templates / "inner.html").write_text("{{ v }}")
    (templates / "data.html").write_text("{{ d|tojson(indent=2) }}")
    with folder_app.app_context():
        assert render_template("outer.html", v="<") == "[&lt;]"
        assert (
            render_template("data.html", d={"a": [1]}) == '{\n  "a": [\n    1\n  ]\n}'
        )


def test_render_returns_text_and_stream_returns_iterator(app: Flask) -> None:
    with app.test_request_context():
        assert type(render_template_string("x")) is str
        stream = stream_template_string("{{ a }}{{ b }}", a=1, b=2)
        assert not isinstance(stream, str)
        assert "".join(stream) == "12"


def test_markup_flash_is_not_escaped(app: Flask) -> None:
    with app.test_request_context():
        flash(Markup("<b>bold</b>"))
        flash("<i>plain</i>")
        rendered = render_template_string(
            "{% for m in get_flashed_messages() %}{{ m }}|{% endfor %}"
        )
    assert rendered == "<b>bold</b>|&lt;i&gt;plain&lt;/i&gt;|"


def test_template_folder_none(tmp_path: Path) -> None:
    app = Flask("no_templates", root_path=str(tmp_path), template_folder=None)
    assert app.jinja_loader is None
    with app.app_context(), pytest.raises(TemplateNotFound):
        render_template("x.html")


def test_template_rendered_reports_template_name(folder_app: Flask) -> None:
    names: list[str | None] = []

    def record(sender: Flask, template: Template, context: dict[str, object]) -> None:
        names.append(template.name)

    with template_rendered.connected_to(record, folder_app), folder_app.app_context():
        render_template("child.html")
        render_template_string("inline")
    assert names == ["child.html", None]
