from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("flaskish_cli", reason="the cli extra is not installed")

import click
from click.testing import CliRunner

from flaskish_blueprints import Blueprint
from flaskish_cli import AppGroup


def _blueprint(**kwargs: object) -> Blueprint:
    bp = Blueprint("bp", __name__, **kwargs)  # type: ignore[arg-type]

    @bp.cli.command("hello", with_appcontext=False)
    @click.argument("who")
    def hello(who: str) -> None:
        click.echo(f"hello {who}")

    return bp


def test_blueprint_cli_is_an_app_group_named_after_it() -> None:
    bp = Blueprint("bp", __name__)
    assert isinstance(bp.cli, AppGroup)
    assert bp.cli.name == "bp"


def test_default_group_is_named_after_the_blueprint(cli_app: Any) -> None:
    cli_app.register_blueprint(_blueprint())
    result = CliRunner().invoke(cli_app.cli, ["bp", "hello", "you"])
    assert result.exit_code == 0, result.output
    assert result.output == "hello you\n"
    assert set(cli_app.cli.commands) == {"bp"}


def test_default_group_takes_the_registered_name(cli_app: Any) -> None:
    cli_app.register_blueprint(_blueprint(), name="renamed")
    result = CliRunner().invoke(cli_app.cli, ["renamed", "hello", "x"])
    assert result.output == "hello x\n"
    assert set(cli_app.cli.commands) == {"renamed"}


def test_named_group(cli_app: Any) -> None:
    cli_app.register_blueprint(_blueprint(cli_group="tools"))
    result = CliRunner().invoke(cli_app.cli, ["tools", "hello", "x"])
    assert result.exit_code == 0, result.output
    assert result.output == "hello x\n"
    assert set(cli_app.cli.commands) == {"tools"}


def test_none_merges_commands_into_the_app_group(cli_app: Any) -> None:
    cli_app.register_blueprint(_blueprint(cli_group=None))
    result = CliRunner().invoke(cli_app.cli, ["hello", "x"])
    assert result.exit_code == 0, result.output
    assert result.output == "hello x\n"
    assert set(cli_app.cli.commands) == {"hello"}


def test_registration_option_overrides_cli_group(cli_app: Any) -> None:
    cli_app.register_blueprint(_blueprint(cli_group="tools"), cli_group=None)
    assert set(cli_app.cli.commands) == {"hello"}


def test_unknown_group_fails(cli_app: Any) -> None:
    cli_app.register_blueprint(_blueprint())
    result = CliRunner().invoke(cli_app.cli, ["nope"])
    assert result.exit_code == 2
    assert "No such command 'nope'" in result.output


def test_blueprint_without_commands_adds_nothing(cli_app: Any) -> None:
    cli_app.register_blueprint(Blueprint("bp", __name__))
    assert cli_app.cli.commands == {}


def test_nested_blueprint_commands(cli_app: Any) -> None:
    parent = Blueprint("parent", __name__)
    parent.register_blueprint(_blueprint())
    cli_app.register_blueprint(parent)
    assert set(cli_app.cli.commands) == {"parent.bp"}
    result = CliRunner().invoke(cli_app.cli, ["parent.bp", "hello", "n"])
    assert result.output == "hello n\n"


def test_cli_group_is_named_after_the_blueprint() -> None:
    assert Blueprint("bp", __name__, cli_group="g").cli.name == "bp"
