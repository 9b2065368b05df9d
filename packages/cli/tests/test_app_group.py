from __future__ import annotations

import click
import pytest
from cli_fakeapp import FakeApp

from flaskish_cli import AppGroup
from flaskish_cli import NoAppException
from flaskish_cli import pass_script_info
from flaskish_cli import ScriptInfo
from flaskish_cli import with_appcontext
from flaskish_context import app_or_none


def test_with_appcontext_loads_the_app_and_pushes_its_context(runner):
    app = FakeApp()
    seen = []

    @click.command()
    @with_appcontext
    def cmd():
        seen.append(app_or_none())

    result = runner.invoke(cmd, obj=ScriptInfo(create_app=lambda: app))
    assert result.exit_code == 0, result.output
    assert seen == [app]
    assert app.events == ["pushed", "teardown", "popped"]


def test_with_appcontext_reuses_an_active_context(runner):
    app, other = FakeApp("active"), FakeApp("other")
    seen = []

    @click.command()
    @with_appcontext
    def cmd():
        seen.append(app_or_none())

    with app.app_context():
        runner.invoke(cmd, obj=ScriptInfo(create_app=lambda: other))
    assert seen == [app]
    assert other.events == []


def test_with_appcontext_keeps_the_callback_metadata():
    def documented():
        """Does things."""

    wrapped = with_appcontext(documented)
    assert wrapped.__name__ == "documented"
    assert wrapped.__doc__ == "Does things."


def test_with_appcontext_without_app_is_a_usage_error(runner):
    @click.command()
    @with_appcontext
    def cmd():
        raise AssertionError("not reached")

    result = runner.invoke(cmd, obj=ScriptInfo())
    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit)
    assert "Error: Could not locate a Flask application." in result.stderr


def test_app_group_commands_get_the_context_unless_disabled(runner):
    app = FakeApp()
    group = AppGroup()
    seen = {}

    @group.command()
    def wrapped():
        seen["wrapped"] = app_or_none()

    @group.command(with_appcontext=False)
    def plain():
        seen["plain"] = app_or_none()

    @group.command
    def bare():
        seen["bare"] = app_or_none()

    assert isinstance(bare, click.Command)
    info = ScriptInfo(create_app=lambda: app)
    for name in ("wrapped", "plain", "bare"):
        assert runner.invoke(group, [name], obj=info).exit_code == 0
    assert seen == {"wrapped": app, "plain": None, "bare": app}


def test_app_group_subgroups_are_app_groups(runner):
    app = FakeApp()
    group = AppGroup()

    @group.group()
    def db():
        pass

    @db.command()
    def migrate():
        click.echo(f"migrating {app_or_none().name}")

    assert isinstance(db, AppGroup)
    result = runner.invoke(
        group, ["db", "migrate"], obj=ScriptInfo(create_app=lambda: app)
    )
    assert result.output == "migrating fake\n"


def test_pass_script_info_creates_one_when_missing(runner):
    seen = []

    @click.command()
    @pass_script_info
    def cmd(info):
        seen.append(info)

    runner.invoke(cmd)
    assert isinstance(seen[0], ScriptInfo)
    assert seen[0].app_import_path is None


def test_no_app_exception_is_a_usage_error():
    assert issubclass(NoAppException, click.UsageError)
    with pytest.raises(click.UsageError):
        raise NoAppException("x")
