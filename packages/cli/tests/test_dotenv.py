from __future__ import annotations

import os
import sys

import click
import pytest

from flaskish_cli import load_dotenv

TIP = " * Tip: There are .env files present. Install python-dotenv to use them.\n"


@pytest.fixture
def env_files(write):
    write(".flaskenv", "SHARED=flaskenv\nONLY_FLASKENV=1\n")
    write(".env", "SHARED=env\nONLY_ENV=1\nPRESET=from-file\n")
    write("custom.env", "SHARED=custom\nONLY_CUSTOM=1\n")


@pytest.mark.usefixtures("env_files")
def test_env_wins_over_flaskenv_and_existing_variables_win(monkeypatch):
    monkeypatch.setenv("PRESET", "from-environment")
    assert load_dotenv() is True
    assert os.environ["SHARED"] == "env"
    assert os.environ["ONLY_FLASKENV"] == "1"
    assert os.environ["ONLY_ENV"] == "1"
    assert os.environ["PRESET"] == "from-environment"
    assert "ONLY_CUSTOM" not in os.environ


@pytest.mark.usefixtures("env_files")
def test_given_path_wins_over_default_files():
    assert load_dotenv("custom.env") is True
    assert os.environ["SHARED"] == "custom"
    assert os.environ["ONLY_ENV"] == "1"


@pytest.mark.usefixtures("env_files")
def test_given_path_alone_without_defaults():
    assert load_dotenv("custom.env", load_defaults=False) is True
    assert os.environ["SHARED"] == "custom"
    assert "ONLY_ENV" not in os.environ


def test_default_files_are_found_in_parent_directories(write, monkeypatch, tmp_path):
    write(".env", "FROM_PARENT=yes\n")
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "sub" / "deeper")
    assert load_dotenv() is True
    assert os.environ["FROM_PARENT"] == "yes"


def test_nothing_to_load(write):
    assert load_dotenv() is False
    assert load_dotenv("missing.env") is False
    write("empty.env", "")
    assert load_dotenv("empty.env", load_defaults=False) is False


def test_value_less_keys_are_skipped(write):
    write(".env", "NO_VALUE\nWITH_VALUE=1\n")
    assert load_dotenv() is True
    assert "NO_VALUE" not in os.environ
    assert os.environ["WITH_VALUE"] == "1"


def test_without_python_dotenv_a_hint_is_printed(write, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "dotenv", None)
    assert load_dotenv() is False
    assert capsys.readouterr().err == ""
    write(".flaskenv", "A=1\n")
    assert load_dotenv() is False
    assert capsys.readouterr().err == TIP
    assert "A" not in os.environ


@pytest.mark.usefixtures("env_files")
def test_group_loads_default_files_and_env_file(runner, group, write):
    write("shop.py", "from cli_fakeapp import FakeApp\napp = FakeApp('shop')\n")
    write(".flaskenv", "FLASK_APP=shop\n")

    @group.command(with_appcontext=False)
    def show():
        click.echo(f"{os.environ['SHARED']} {os.environ.get('ONLY_ENV')}")

    result = runner.invoke(group, ["-e", "custom.env", "show"])
    assert result.output == "custom 1\n"


def test_flaskenv_can_name_the_app(runner, group, write):
    write("shop.py", "from cli_fakeapp import FakeApp\napp = FakeApp('shop')\n")
    write(".flaskenv", "FLASK_APP=shop\n")
    result = runner.invoke(group, ["routes"])
    assert result.exit_code == 0, result.output
    assert result.output == "No routes were registered.\n"


@pytest.mark.usefixtures("env_files")
def test_group_skips_defaults_when_asked(runner, monkeypatch):
    from flaskish_cli import FlaskGroup

    group = FlaskGroup(load_dotenv=False)

    @group.command(with_appcontext=False)
    def show():
        click.echo(f"{os.environ.get('SHARED')} {os.environ.get('ONLY_CUSTOM')}")

    assert runner.invoke(group, ["show"]).output == "None None\n"
    assert runner.invoke(group, ["-e", "custom.env", "show"]).output == "custom 1\n"


@pytest.mark.usefixtures("env_files")
def test_flask_skip_dotenv_disables_default_files(runner, group, monkeypatch):
    monkeypatch.setenv("FLASK_SKIP_DOTENV", "1")

    @group.command(with_appcontext=False)
    def show():
        click.echo(f"{os.environ.get('SHARED')}")

    assert runner.invoke(group, ["show"]).output == "None\n"


def test_env_file_needs_python_dotenv(runner, group, write, monkeypatch):
    write("custom.env", "A=1\n")
    monkeypatch.setitem(sys.modules, "dotenv", None)
    result = runner.invoke(group, ["-e", "custom.env", "routes"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for '-e' / '--env-file':"
        " python-dotenv must be installed to load an env file."
    )


def test_env_file_must_exist(runner, group):
    result = runner.invoke(group, ["-e", "missing.env", "routes"])
    assert result.exit_code == 2
    assert "File 'missing.env' does not exist." in result.stderr
