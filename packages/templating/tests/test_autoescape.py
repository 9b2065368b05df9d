from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from flaskish_templating import Environment
from flaskish_templating import render_template
from flaskish_templating import render_template_string

if TYPE_CHECKING:
    from conftest import FakeApp
    from conftest import Writer


@pytest.mark.parametrize(
    ("name", "escaped"),
    [
        ("a.html", True),
        ("a.htm", True),
        ("a.xml", True),
        ("a.xhtml", True),
        ("a.svg", True),
        ("a.txt", False),
        ("a.js", False),
        ("a.css", False),
        ("a.html.j2", False),
        ("html", False),
    ],
)
def test_autoescape_by_extension(
    app: FakeApp, templates: Path, write: Writer, name: str, escaped: bool
) -> None:
    write(templates, name, "{{ v }}")
    assert app.select_jinja_autoescape(name) is escaped
    with app.app_context():
        out = render_template(name, v="<b>&")
    assert out == ("&lt;b&gt;&amp;" if escaped else "<b>&")


def test_strings_are_escaped(app: FakeApp) -> None:
    assert app.select_jinja_autoescape(None) is True
    with app.app_context():
        assert render_template_string("{{ v }}", v="<i>") == "&lt;i&gt;"
        assert render_template_string("{{ v|safe }}", v="<i>") == "<i>"


def test_jinja_options_override_autoescape(
    app: FakeApp, templates: Path, write: Writer
) -> None:
    app.jinja_options = {"autoescape": False}
    write(templates, "a.html", "{{ v }}")
    with app.app_context():
        assert render_template("a.html", v="<b>") == "<b>"
        assert render_template_string("{{ v }}", v="<b>") == "<b>"


def test_environment_is_created_once(app: FakeApp) -> None:
    env = app.jinja_env
    assert isinstance(env, Environment)
    assert env.app is app
    app.jinja_options = {"autoescape": False}
    assert app.jinja_env is env
    assert env.autoescape == app.select_jinja_autoescape


def test_environment_class_and_options(app: FakeApp) -> None:
    class MyEnvironment(Environment):
        pass

    app.jinja_environment = MyEnvironment  # type: ignore[misc]
    app.jinja_options = {"trim_blocks": True, "extensions": ["jinja2.ext.do"]}
    env = app.jinja_env
    assert type(env) is MyEnvironment
    assert env.trim_blocks is True
    assert "jinja2.ext.ExprStmtExtension" in env.extensions


@pytest.mark.parametrize(
    ("setting", "debug", "expected"),
    [
        (None, False, False),
        (None, True, True),
        (True, False, True),
        (False, True, False),
    ],
)
def test_auto_reload(
    app: FakeApp, setting: bool | None, debug: bool, expected: bool
) -> None:
    app.config["TEMPLATES_AUTO_RELOAD"] = setting
    app.config["DEBUG"] = debug
    assert app.jinja_env.auto_reload is expected


def test_auto_reload_from_jinja_options(app: FakeApp) -> None:
    app.config["TEMPLATES_AUTO_RELOAD"] = True
    app.jinja_options = {"auto_reload": False}
    assert app.jinja_env.auto_reload is False


def test_proxy_globals(app: FakeApp) -> None:
    from flaskish_context import g
    from flaskish_context import request
    from flaskish_context import session

    env_globals = app.jinja_env.globals
    assert env_globals["request"] is request
    assert env_globals["session"] is session
    assert env_globals["g"] is g


def test_populate_seam_adds_globals(tmp_path: Path, make_app: type[FakeApp]) -> None:
    class App(make_app):  # type: ignore[misc,valid-type]
        def populate_jinja_environment(self, env: Environment) -> None:
            super().populate_jinja_environment(env)
            env.globals["config"] = self.config
            env.policies["json.dumps_kwargs"] = {"separators": (",", ":")}

    app = App(tmp_path)
    assert app.jinja_env.globals["config"] is app.config
    assert "request" in app.jinja_env.globals
    with app.app_context():
        assert render_template_string("{{ config.DEBUG }}") == "False"
        assert render_template_string("{{ {'b': 1, 'a': 2}|tojson }}") == (
            '{"b":1,"a":2}'
        )
