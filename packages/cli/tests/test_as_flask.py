"""``--as-flask/--no-as-flask``: the switch registered by the framework is
thrown before the application or plugin commands load."""

from __future__ import annotations

import importlib.metadata
import sys
from types import SimpleNamespace

import click
import pytest
from click.testing import CliRunner

from flaskish_cli import as_flask
from flaskish_cli.as_flask import AsFlaskGroup
from flaskish_cli.as_flask import ENTRY_POINT_GROUP

# Written by the tests' app module: whether the switch ran before it loaded.
APP = """
import sys
from cli_fakeapp import FakeApp as App
switched = sys.modules["switch_log"].thrown
app = App("switched" if switched else "plain")

@app.cli.command()
def where():
    print(app.name)
"""


@pytest.fixture
def switches(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A registered switch that records being thrown."""
    thrown: list[str] = []
    log = SimpleNamespace(thrown=thrown)
    monkeypatch.setitem(sys.modules, "switch_log", log)
    entry = SimpleNamespace(load=lambda: lambda: thrown.append("thrown"))

    def entry_points(group: str) -> list[object]:
        return [entry] if group == ENTRY_POINT_GROUP else []

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    return thrown


@pytest.fixture
def no_switches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda group: [])


def _run(*args: str, env: dict[str, str] | None = None) -> click.testing.Result:
    return CliRunner().invoke(AsFlaskGroup(name="flaskish"), list(args), env=env)


def test_switch_is_thrown_before_the_app_loads(write, switches) -> None:
    write("app.py", APP)
    result = _run("--app", "app", "where")
    assert result.output == "switched\n", result.output
    assert switches == ["thrown"]


def test_switch_is_thrown_before_help_lists_the_app_commands(write, switches) -> None:
    write("app.py", APP)
    result = _run("--app", "app", "--help")
    assert result.exit_code == 0, result.output
    assert "where" in result.output
    assert "--as-flask / --no-as-flask" in result.output
    assert switches == ["thrown"]


@pytest.mark.parametrize(
    ("args", "env"),
    [(("--no-as-flask",), None), ((), {"FLASKISH_AS_FLASK": "0"})],
)
def test_no_as_flask_leaves_imports_alone(write, switches, args, env) -> None:
    write("app.py", APP)
    result = _run(*args, "--app", "app", "where", env=env)
    assert result.output == "plain\n", result.output
    assert switches == []


def test_without_a_registered_switch_a_wsgi_callable_is_served(
    write, no_switches
) -> None:
    write("wsgi_only.py", "def application(environ, start_response): pass\n")
    result = _run("--app", "wsgi_only:application", "routes")
    assert result.exit_code == 2
    assert "It is a plain WSGI application: only the 'run' command" in result.output
    assert "--as-flask" not in result.output


def test_explicit_as_flask_without_a_registered_switch_is_an_error(
    no_switches,
) -> None:
    result = _run("--as-flask", "routes")
    assert result.exit_code == 2
    assert "--as-flask needs the flaskish package (pip install flaskish)" in (
        result.output
    )


def test_a_failing_switch_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> None:
        raise ImportError("flask was imported first, by my_module")

    entry = SimpleNamespace(load=lambda: refuse)
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda group: [entry])
    result = _run("routes")
    assert result.exit_code == 1
    assert "Error: flask was imported first, by my_module" in result.output


def test_unknown_options_are_reported_by_click(switches) -> None:
    result = _run("--bogus")
    assert result.exit_code == 2
    assert "No such option '--bogus'" in result.output


def test_switch_to_flaskish_returns_whether_one_was_thrown(switches) -> None:
    assert as_flask.switch_to_flaskish(False) is False
    assert as_flask.switch_to_flaskish(None) is True
    assert switches == ["thrown"]
