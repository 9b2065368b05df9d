"""The Jinja environment: filters, tests, globals, context processors and options."""

from __future__ import annotations

import pytest

from flaskish import Flask
from flaskish import render_template_string


def test_filters_tests_and_globals(app: Flask) -> None:
    @app.template_filter()
    def reverse(value: str) -> str:
        return value[::-1]

    @app.template_filter("double")
    def double_it(value: int) -> int:
        return value * 2

    @app.template_test("odd")
    def is_odd(value: int) -> bool:
        return value % 2 == 1

    @app.template_global()
    def site() -> str:
        return "compat"

    app.add_template_filter(str.title, "title_case")
    app.add_template_test(lambda v: v == 0, "zero")
    app.add_template_global(3, "three")
    template = "{{ 'abc'|reverse }} {{ 2|double }} {{ 3 is odd }} {{ 0 is zero }} {{ site() }} {{ 'a b'|title_case }} {{ three }}"
    with app.app_context():
        assert render_template_string(template) == "cba 4 True True compat A B 3"
    assert app.jinja_env.filters["reverse"] is reverse


def test_context_processors_and_explicit_values(app: Flask) -> None:
    app.context_processor(lambda: {"a": "processor", "b": "first"})
    app.context_processor(lambda: {"b": "second"})
    with app.test_request_context():
        assert render_template_string("{{ a }} {{ b }}") == "processor second"
        assert (
            render_template_string("{{ a }} {{ b }}", a="explicit") == "explicit second"
        )


def test_context_processor_must_return_dict(app: Flask) -> None:
    app.context_processor(lambda: None)  # type: ignore[arg-type, return-value]
    with app.app_context(), pytest.raises(TypeError):
        render_template_string("x")


def test_auto_reload_follows_config(app: Flask) -> None:
    app.config["TEMPLATES_AUTO_RELOAD"] = True
    assert app.jinja_env.auto_reload is True


def test_auto_reload_defaults_to_debug() -> None:
    app = Flask("reload")
    app.debug = True
    assert app.jinja_env.auto_reload is True
    assert Flask("plain").jinja_env.auto_reload is False


def test_jinja_options(app: Flask) -> None:
    app.jinja_options = {"trim_blocks": True}
    with app.app_context():
        assert render_template_string("{% if true %}\nx{% endif %}") == "x"


def test_default_globals(app: Flask) -> None:
    assert {
        "url_for",
        "get_flashed_messages",
        "config",
        "request",
        "session",
        "g",
    } <= set(app.jinja_env.globals)
    assert "tojson" in app.jinja_env.filters


ESCAPED_NAMES = ["page.html", "old.htm", "feed.xml", "doc.xhtml", "icon.svg", None]
PLAIN_NAMES = ["notes.txt", "mail.eml", "app.js", "page.html.jinja"]


@pytest.mark.parametrize("name", ESCAPED_NAMES + PLAIN_NAMES)
def test_select_jinja_autoescape(app: Flask, name: str | None) -> None:
    assert app.select_jinja_autoescape(name) is (name in ESCAPED_NAMES)  # type: ignore[arg-type]


def test_update_template_context_keeps_explicit_values(app: Flask) -> None:
    with app.test_request_context():
        context: dict[str, object] = {"x": 1, "g": "mine"}
        app.update_template_context(context)
    assert sorted(context) == ["g", "request", "x"]
    assert context["g"] == "mine"
