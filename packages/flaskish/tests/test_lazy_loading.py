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


# Modules a WSGI hello app never needs: templates, the command line, ASGI
# serving, signed sessions, blueprints, the import switch, and the
# standard-library modules only they use.
NOT_LOADED_BY_HELLO = [
    "jinja2",
    "click",
    "asyncio",
    "concurrent.futures",
    "itsdangerous",
    "decimal",
    "flaskish_blueprints",
    "flaskish_core.asgi_serving",
    "flaskish_core.asgi_testing",
    "flaskish._switch",
    "flaskish_context.middleware",
]

# Not loaded by importing the framework and building an app (the test
# client reads werkzeug's version from the package metadata, as Flask's does).
NOT_LOADED_BY_IMPORT = [*NOT_LOADED_BY_HELLO, "importlib.metadata", "pathlib"]


def _loaded(code: str, names: list[str]) -> list[str]:
    out = _run(f"{code}\nprint(' '.join(n for n in {names!r} if n in sys.modules))")
    return out.split()


def test_importing_the_framework_loads_none_of_the_optional_parts() -> None:
    assert _loaded("import sys, flaskish", NOT_LOADED_BY_IMPORT) == []


def test_a_hello_request_loads_none_of_the_optional_parts() -> None:
    code = (
        "import sys, flaskish\n"
        "app = flaskish.Flask('hello')\n"
        "app.route('/')(lambda: 'Hello, World!')\n"
        "assert app.test_client().get('/').data == b'Hello, World!'"
    )
    assert _loaded(code, NOT_LOADED_BY_HELLO) == []


def test_each_part_loads_when_first_used() -> None:
    code = (
        "import sys, flaskish\n"
        "app = flaskish.Flask('hello', root_path='.')\n"
        "app.secret_key = 'dev'\n"
        "@app.route('/')\n"
        "def index():\n"
        "    flaskish.session['n'] = flaskish.session.get('n', 0) + 1\n"
        "    return str(flaskish.session['n'])\n"
        "client = app.test_client()\n"
        "assert client.get('/').data == b'1'\n"
        "assert client.get('/').data == b'2'\n"
        "assert 'itsdangerous' in sys.modules\n"
        "assert 'asyncio' not in sys.modules\n"
        "asgi = app.asgi_app\n"
        "assert 'asyncio' in sys.modules and 'flaskish_core.asgi_serving' in sys.modules\n"
        "bp = flaskish.Blueprint('bp', 'hello')\n"
        "assert 'flaskish_blueprints' in sys.modules\n"
        "with app.app_context():\n"
        "    assert flaskish.render_template_string('{{ 6 * 7 }}') == '42'\n"
        "assert 'jinja2' in sys.modules\n"
        "print('ok')"
    )
    assert _run(code) == "ok"


LAZY_NAMES = {
    "flaskish": {
        "Blueprint": "flaskish_blueprints:Blueprint",
        "install_as_flask": "flaskish._switch:install_as_flask",
        "app": "flaskish.app",
        "blueprints": "flaskish.blueprints",
        "cli": "flaskish.cli",
        "config": "flaskish.config",
        "ctx": "flaskish.ctx",
        "helpers": "flaskish.helpers",
        "json": "flaskish.json",
        "logging": "flaskish.logging",
        "sessions": "flaskish.sessions",
        "signals": "flaskish.signals",
        "templating": "flaskish.templating",
        "typing": "flaskish.typing",
        "wrappers": "flaskish.wrappers",
    },
    "flaskish.sessions": {
        "BadSignature": "itsdangerous:BadSignature",
        "URLSafeTimedSerializer": "itsdangerous:URLSafeTimedSerializer",
    },
    "flaskish_context": {
        "ContextMiddleware": "flaskish_context.middleware:ContextMiddleware",
        "ContextApp": "flaskish_context.protocol:ContextApp",
    },
    "flaskish_templating": {
        "TemplatingHost": "flaskish_templating.protocol:TemplatingHost",
    },
}


@pytest.mark.parametrize("module_name", sorted(LAZY_NAMES))
def test_lazy_names_are_listed_and_resolve_to_their_source(module_name: str) -> None:
    # In a fresh interpreter, so that no name was loaded before dir() runs.
    code = (
        "import importlib, sys\n"
        f"module = importlib.import_module({module_name!r})\n"
        f"names = {LAZY_NAMES[module_name]!r}\n"
        "listed = set(dir(module))\n"
        "missing = sorted(set(names) - listed)\n"
        "for name, source in names.items():\n"
        "    path, _, attribute = source.partition(':')\n"
        "    expected = importlib.import_module(path)\n"
        "    if attribute:\n"
        "        expected = getattr(expected, attribute)\n"
        "    assert getattr(module, name) is expected, name\n"
        "    assert vars(module)[name] is expected, name\n"
        "print(missing)"
    )
    assert _run(code) == "[]"


def test_from_imports_of_lazy_names() -> None:
    code = (
        "from flaskish import Blueprint, install_as_flask, json, typing\n"
        "from flaskish.sessions import BadSignature\n"
        "import flaskish_blueprints, flaskish._switch, itsdangerous, sys\n"
        "assert Blueprint is flaskish_blueprints.Blueprint\n"
        "assert install_as_flask is flaskish._switch.install_as_flask\n"
        "assert json is sys.modules['flaskish.json']\n"
        "assert typing is sys.modules['flaskish.typing']\n"
        "assert BadSignature is itsdangerous.BadSignature\n"
        "print('ok')"
    )
    assert _run(code) == "ok"


def test_decimal_imported_after_the_framework_is_still_encoded() -> None:
    # json_default does not import decimal; a Decimal made later is found.
    code = (
        "import sys, flaskish\n"
        "app = flaskish.Flask('hello')\n"
        "assert 'decimal' not in sys.modules\n"
        "import decimal\n"
        "class Price(decimal.Decimal):\n"
        "    pass\n"
        "with app.app_context():\n"
        "    print(flaskish.json.dumps([decimal.Decimal('1.50'), Price('2')]))"
    )
    assert _run(code) == '["1.50", "2"]'
