from __future__ import annotations

import code
import sys

import pytest
from cli_fakeapp import FakeApp

from flaskish_cli import FlaskGroup
from flaskish_context import app_or_none


@pytest.fixture
def interact(monkeypatch):
    calls = []

    def fake_interact(banner=None, local=None, **kwargs):
        calls.append({"banner": banner, "local": local, "app": app_or_none()})

    monkeypatch.setattr(code, "interact", fake_interact)
    monkeypatch.delattr(sys, "__interactivehook__", raising=False)
    monkeypatch.delenv("PYTHONSTARTUP", raising=False)
    return calls


def test_shell_runs_in_the_app_context_with_its_shell_context(runner, interact):
    app = FakeApp("shop")
    app.shell_names = {"answer": 42}
    result = runner.invoke(FlaskGroup(create_app=lambda: app), ["shell"])
    assert result.exit_code == 0, result.output
    [call] = interact
    assert call["app"] is app
    assert call["local"] == {"app": app, "answer": 42}
    assert call["banner"] == (
        f"Python {sys.version} on {sys.platform}\nApp: shop\nInstance: /instance/shop"
    )
    assert app.events == ["pushed", "teardown", "popped"]


def test_shell_runs_pythonstartup_first(runner, interact, write, monkeypatch):
    startup = write("startup.py", "answer = 'from startup'\nhelper = 'kept'\n")
    monkeypatch.setenv("PYTHONSTARTUP", str(startup))
    app = FakeApp()
    app.shell_names = {"answer": 42}
    runner.invoke(FlaskGroup(create_app=lambda: app), ["shell"])
    namespace = interact[0]["local"]
    assert namespace["answer"] == 42
    assert namespace["helper"] == "kept"


def test_shell_calls_the_interactive_hook(runner, interact, monkeypatch):
    hooked = []
    monkeypatch.setattr(
        sys, "__interactivehook__", lambda: hooked.append(True), raising=False
    )
    readline = pytest.importorskip("readline")
    completers = []
    monkeypatch.setattr(readline, "set_completer", completers.append)
    runner.invoke(FlaskGroup(create_app=FakeApp), ["shell"])
    assert hooked == [True]
    # (Importing rlcompleter installs a default completer first.)
    assert completers[-1].__self__.namespace is interact[0]["local"]


def test_shell_without_an_app_is_a_usage_error(runner, interact):
    result = runner.invoke(FlaskGroup(), ["shell"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1].startswith(
        "Error: Could not locate a Flask application."
    )
    assert interact == []
