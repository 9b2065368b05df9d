from __future__ import annotations

import importlib.metadata
import platform

import click
import pytest

from flaskish_cli import cli
from flaskish_cli import FlaskGroup
from flaskish_cli import main
from flaskish_cli import ScriptInfo

SHOP = """\
import click
from flaskish_context import current_app
from cli_fakeapp import FakeApp

app = FakeApp("shop")


@app.cli.command("hello")
@click.option("--name", default="world")
def hello(name):
    click.echo(f"hello {name} from {current_app.name}")


@app.cli.command("debug-state")
def debug_state():
    click.echo(f"debug={current_app.debug}")
"""


def test_app_commands_run_in_the_app_context(runner, group, write):
    write("shop.py", SHOP)
    result = runner.invoke(group, ["--app", "shop", "hello", "--name", "ann"])
    assert result.exit_code == 0, result.output
    assert result.output == "hello ann from shop\n"


@pytest.mark.parametrize("variable", ["FLASK_APP", "FLASKISH_APP"])
def test_app_from_environment_variables(runner, group, write, monkeypatch, variable):
    write("shop.py", SHOP)
    monkeypatch.setenv(variable, "shop:app")
    result = runner.invoke(group, ["hello"])
    assert result.output == "hello world from shop\n"


def test_flaskish_app_wins_over_flask_app(runner, group, write, monkeypatch):
    write("shop.py", SHOP)
    monkeypatch.setenv("FLASK_APP", "nowhere")
    monkeypatch.setenv("FLASKISH_APP", "shop")
    assert runner.invoke(group, ["hello"]).output == "hello world from shop\n"


def test_app_py_in_the_working_directory(runner, group, write):
    write("app.py", SHOP)
    assert runner.invoke(group, ["hello"]).output == "hello world from shop\n"


@pytest.mark.parametrize(
    ("args", "flag", "expected"),
    [
        (["--debug"], None, "debug=True\n"),
        (["--no-debug"], "1", "debug=False\n"),
        ([], "1", "debug=True\n"),
        ([], None, "debug=False\n"),
    ],
)
def test_debug_option(runner, group, write, monkeypatch, args, flag, expected):
    import os

    write("shop.py", SHOP)
    if flag is not None:
        monkeypatch.setenv("FLASK_DEBUG", flag)
    result = runner.invoke(group, ["--app", "shop", *args, "debug-state"])
    assert result.output == expected
    assert os.environ.get("FLASK_DEBUG") == {"--debug": "1", "--no-debug": "0"}.get(
        args[0] if args else "", flag
    )


def test_list_commands_merges_app_commands(runner, group, write):
    write("shop.py", SHOP)
    result = runner.invoke(group, ["--app", "shop", "--help"])
    assert result.exit_code == 0
    listing = result.output.split("Commands:\n", 1)[1].splitlines()
    assert [line.split()[0] for line in listing] == [
        "debug-state",
        "hello",
        "routes",
        "run",
        "shell",
    ]


def test_help_without_arguments_sees_app_from_environment(
    runner, group, write, monkeypatch
):
    write("shop.py", SHOP)
    monkeypatch.setenv("FLASK_APP", "shop")
    result = runner.invoke(group, [])
    assert "hello" in result.output
    assert "Usage: flaskish [OPTIONS] COMMAND [ARGS]..." in result.output


def test_unknown_module_is_a_one_line_usage_error(runner, group):
    result = runner.invoke(group, ["--app", "nowhere", "routes"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "Error: Could not import 'nowhere'."
    assert "Traceback" not in result.output


def test_unknown_command_reports_why_the_app_did_not_load(runner, group):
    result = runner.invoke(group, ["--app", "nowhere", "hello"])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0] == "Error: Could not import 'nowhere'."
    assert lines[-1] == "Error: No such command 'hello'. Did you mean 'shell'?"


def test_help_with_a_missing_app_still_lists_builtin_commands(runner, group):
    result = runner.invoke(group, ["--app", "nowhere", "--help"])
    assert result.exit_code == 0
    assert "Error: Could not import 'nowhere'." in result.stderr
    assert "routes" in result.stdout


def test_help_shows_the_traceback_of_errors_inside_the_app(runner, group, write):
    write("crashing.py", "raise RuntimeError('app code failed')\n")
    result = runner.invoke(group, ["--app", "crashing", "--help"])
    assert result.exit_code == 0
    assert "Traceback" in result.stderr
    assert "RuntimeError: app code failed" in result.stderr


def test_import_error_inside_the_module_is_shown_with_traceback(runner, group, write):
    write("broken.py", "import no_such_dependency\n")
    result = runner.invoke(group, ["--app", "broken", "routes"])
    assert result.exit_code == 2
    assert (
        "Error: While importing 'broken', an ImportError was raised:" in result.stderr
    )
    assert "ModuleNotFoundError: No module named 'no_such_dependency'" in result.stderr


def test_version_option(runner, group):
    result = runner.invoke(group, ["--version"])
    try:
        framework = importlib.metadata.version("flaskish")
    except importlib.metadata.PackageNotFoundError:
        framework = importlib.metadata.version("flaskish-cli")
    assert result.exit_code == 0
    assert result.output == (
        f"Python {platform.python_version()}\n"
        f"flaskish {framework}\n"
        f"Werkzeug {importlib.metadata.version('werkzeug')}\n"
    )


def test_group_options_can_be_left_out(runner):
    bare = FlaskGroup(add_default_commands=False, add_version_option=False)
    assert bare.list_commands(bare.make_context("x", [], resilient_parsing=True)) == []
    result = runner.invoke(bare, ["--version"])
    assert result.exit_code == 2
    assert "Error: No such option '--version'." in result.output


def test_create_app_callback_and_custom_params(runner):
    from cli_fakeapp import FakeApp

    app = FakeApp("made")

    @app.cli.command()
    def who():
        click.echo(click.get_current_context().find_object(ScriptInfo).load_app().name)

    seen = []
    group = FlaskGroup(
        create_app=lambda: app,
        params=[click.Option(["--extra"], callback=lambda c, p, v: seen.append(v))],
    )
    result = runner.invoke(group, ["--extra", "yes", "who"])
    assert result.output == "made\n"
    assert seen == ["yes"]


def test_make_context_marks_the_cli_run(group, monkeypatch):
    import os

    monkeypatch.delenv("FLASK_RUN_FROM_CLI", raising=False)
    ctx = group.make_context("flaskish", ["--help"], resilient_parsing=True)
    assert os.environ["FLASK_RUN_FROM_CLI"] == "true"
    assert isinstance(ctx.obj, ScriptInfo)


def test_plugin_commands_from_both_entry_point_groups(
    runner, group, write, monkeypatch, tmp_path
):
    write(
        "plugins.py",
        """\
        import click

        @click.command()
        def classic():
            click.echo("from flask.commands")

        @click.command()
        def native():
            click.echo("from flaskish.commands")
        """,
    )
    import sys

    sys.path.insert(0, str(tmp_path))
    entries = {
        "flask.commands": [
            importlib.metadata.EntryPoint(
                "classic", "plugins:classic", "flask.commands"
            )
        ],
        "flaskish.commands": [
            importlib.metadata.EntryPoint(
                "native-cmd", "plugins:native", "flaskish.commands"
            )
        ],
    }
    asked = []

    def entry_points(*, group):
        asked.append(group)
        return entries.get(group, [])

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    assert runner.invoke(group, ["classic"]).output == "from flask.commands\n"
    assert runner.invoke(group, ["native-cmd"]).output == "from flaskish.commands\n"
    assert asked == ["flask.commands", "flaskish.commands"]  # loaded once


def test_module_level_cli_and_main(runner, monkeypatch):
    assert cli.name == "flaskish"
    assert {"run", "shell", "routes"} <= set(cli.commands)
    monkeypatch.setattr("sys.argv", ["flaskish", "--version"])
    monkeypatch.setenv("FLASKISH_AS_FLASK", "0")  # no process-wide switch here
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 0
