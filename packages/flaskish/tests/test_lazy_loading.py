"""click and Jinja load when an application first needs them, not on import."""

from __future__ import annotations

import subprocess
import sys

import click
import jinja2
import pytest

import flaskish
from flaskish import Blueprint
from flaskish import Flask
from flaskish.templating import Environment

HELLO_APP = """
import sys
import flaskish

app = flaskish.Flask("hello")
bp = flaskish.Blueprint("bp", "hello")

@bp.route("/")
def index():
    return "Hello, World!"

app.register_blueprint(bp)
response = app.test_client().get("/")
assert response.data == b"Hello, World!", response.data
"""


def _run(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_a_hello_app_serves_without_loading_jinja_or_click() -> None:
    out = _run(HELLO_APP + "print('jinja2' in sys.modules, 'click' in sys.modules)")
    assert out == "False False"


def test_importing_and_building_an_app_does_not_load_click() -> None:
    code = (
        "import sys, flaskish\n"
        "app = flaskish.Flask('hello')\n"
        "app.register_blueprint(flaskish.Blueprint('bp', 'hello'))\n"
        "print('click' in sys.modules)"
    )
    assert _run(code) == "False"


def test_lazy_module_attributes_at_the_public_paths() -> None:
    code = (
        "import flaskish, jinja2, click\n"
        "import flaskish_templating, flaskish_cli\n"
        "assert flaskish.templating.Template is jinja2.Template\n"
        "assert flaskish.templating.BaseEnvironment is jinja2.Environment\n"
        "assert flaskish.templating.TemplateNotFound is jinja2.TemplateNotFound\n"
        "assert flaskish.templating.BaseLoader is jinja2.BaseLoader\n"
        "assert flaskish.templating.Environment is flaskish_templating.Environment\n"
        "assert flaskish.app.Environment is flaskish_templating.Environment\n"
        "assert flaskish.blueprints.AppGroup is flaskish_cli.AppGroup\n"
        "assert issubclass(flaskish.blueprints.AppGroup, click.Group)\n"
        "import flaskish.testing, click.testing, flaskish_core\n"
        "assert flaskish.testing.CliRunner is click.testing.CliRunner\n"
        "assert flaskish.testing.FlaskCliRunner is flaskish_core.FlaskCliRunner\n"
        "assert flaskish.testing.ScriptInfo is flaskish_cli.ScriptInfo\n"
        "print('ok')"
    )
    assert _run(code) == "ok"


def test_app_cli_is_an_app_group_named_after_the_app() -> None:
    app = Flask("shop")
    assert Flask.cli.created(app) is None
    assert isinstance(app.cli, flaskish.cli.AppGroup)
    assert app.cli.name == "shop"
    assert Flask.cli.created(app) is app.cli


def test_blueprint_without_commands_leaves_app_cli_uncreated() -> None:
    app = Flask("shop")
    app.register_blueprint(Blueprint("bp", __name__))
    assert Flask.cli.created(app) is None
    assert app.cli.commands == {}


def test_blueprint_commands_reach_app_cli() -> None:
    app = Flask("shop")
    bp = Blueprint("admin", __name__)

    @bp.cli.command("create-user")
    def create_user() -> None:
        click.echo("created")

    app.register_blueprint(bp)
    result = app.test_cli_runner().invoke(args=["admin", "create-user"])
    assert result.exit_code == 0
    assert result.output == "created\n"


def test_a_replaced_app_cli_is_the_one_used() -> None:
    app = Flask("shop")
    group = flaskish.cli.AppGroup("custom")

    @group.command("ping")
    def ping() -> None:
        click.echo("pong")

    app.cli = group
    assert app.test_cli_runner().invoke(args=["ping"]).output == "pong\n"


def test_default_environment_class_and_subclass_override() -> None:
    assert Flask.jinja_environment is Environment

    class Shouting(Environment):
        pass

    class ShoutingApp(Flask):
        jinja_environment = Shouting

    app = ShoutingApp("shop")
    assert type(app.jinja_env) is Shouting
    assert isinstance(app.jinja_env, jinja2.Environment)
    with app.app_context():
        assert flaskish.render_template_string("{{ 6 * 7 }}") == "42"


@pytest.mark.parametrize("attribute", ["nothing_here", "jinja2"])
def test_unknown_names_still_raise_attribute_error(attribute: str) -> None:
    with pytest.raises(AttributeError, match=attribute):
        getattr(flaskish.templating, attribute)
