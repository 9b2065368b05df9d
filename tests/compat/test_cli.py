"""Application commands: AppGroup, FlaskGroup, the routes command and shell context."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from flaskish import current_app
from flaskish import Flask
from flaskish.cli import AppGroup
from flaskish.cli import FlaskGroup
from flaskish.cli import ScriptInfo
from flaskish.cli import with_appcontext


@pytest.fixture
def commands(app: Flask) -> Flask:
    """``app`` with a command, a group and a routed view."""

    @app.cli.command()
    @click.option("--n", type=int, default=1)
    def double(n: int) -> None:
        """Double a number."""
        click.echo(n * 2)

    tools = AppGroup("tools", help="Maintenance tools.")

    @tools.command("where")
    def where() -> None:
        click.echo(current_app.name)

    app.cli.add_command(tools)
    app.add_url_rule("/items/<int:n>", "item", lambda n: "", methods=["GET", "POST"])
    return app


def test_command_options(commands: Flask) -> None:
    runner = commands.test_cli_runner()
    assert runner.invoke(args=["double", "--n", "21"]).output == "42\n"
    bad = runner.invoke(args=["double", "--n", "x"])
    assert bad.exit_code == 2
    assert bad.output.endswith(
        "Error: Invalid value for '--n': 'x' is not a valid integer.\n"
    )


def test_app_group_commands_get_app_context(commands: Flask) -> None:
    assert (
        commands.test_cli_runner().invoke(args=["tools", "where"]).output
        == "compat_app\n"
    )


def test_app_cli_is_named_after_app(commands: Flask) -> None:
    assert commands.cli.name == "compat_app"
    help_text = commands.test_cli_runner().invoke(args=["--help"]).output
    assert help_text.startswith("Usage: compat_app [OPTIONS] COMMAND [ARGS]...")
    assert "  double  Double a number.\n" in help_text
    assert "  tools   Maintenance tools.\n" in help_text


def test_with_appcontext_on_plain_click_command(app: Flask) -> None:
    @click.command()
    @with_appcontext
    def plain() -> None:
        click.echo(current_app.name)

    assert app.test_cli_runner().invoke(plain).output == "compat_app\n"


def test_flask_group_routes(commands: Flask) -> None:
    group = FlaskGroup(create_app=lambda: commands)
    result = CliRunner().invoke(group, ["routes"])
    assert result.exit_code == 0
    lines = [line.rstrip() for line in result.output.splitlines()]
    assert lines == [
        "Endpoint  Methods    Rule",
        "--------  ---------  -----------------------",
        "item      GET, POST  /items/<int:n>",
        "static    GET        /static/<path:filename>",
    ]


def test_flask_group_has_app_commands(commands: Flask) -> None:
    group = FlaskGroup(create_app=lambda: commands)
    result = CliRunner().invoke(group, ["double", "--n", "2"])
    assert (result.exit_code, result.output) == (0, "4\n")
    listing = CliRunner().invoke(group, ["--help"]).output
    for name in ("double", "routes", "run", "shell", "tools"):
        assert f"\n  {name} " in listing


def test_shell_context(app: Flask) -> None:
    app.shell_context_processor(lambda: {"answer": 42})
    context = app.make_shell_context()
    assert context["app"] is app
    assert context["answer"] == 42
    assert set(context) == {"app", "g", "answer"}


def test_script_info_loads_app(app: Flask) -> None:
    assert ScriptInfo(create_app=lambda: app).load_app() is app
