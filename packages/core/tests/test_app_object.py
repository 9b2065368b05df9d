"""The application object itself: construction, config, files, shell, run."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from flaskish_context import g
from flaskish_core.app import Flask
from flaskish_core.serving import server_address


def test_defaults() -> None:
    app = Flask("object_app")
    assert app.name == "object_app"
    assert app.import_name == "object_app"
    assert app.debug is False
    assert app.testing is False
    assert app.secret_key is None
    assert app.permanent_session_lifetime == timedelta(days=31)
    assert app.config["MAX_COOKIE_SIZE"] == 4093
    assert app.static_url_path == "/static"
    assert app.template_folder == "templates"
    assert app.cli.name == "object_app"
    assert repr(app) == "<Flask 'object_app'>"


def test_permanent_session_lifetime_accepts_seconds() -> None:
    app = Flask("object_app")
    app.config["PERMANENT_SESSION_LIFETIME"] = 60
    assert app.permanent_session_lifetime == timedelta(seconds=60)


def test_permanent_session_lifetime_unset_stays_none() -> None:
    app = Flask("object_app")
    app.config["PERMANENT_SESSION_LIFETIME"] = None
    assert app.permanent_session_lifetime is None


def test_debug_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLASK_DEBUG", "1")
    assert Flask("object_app").debug is True


def test_debug_setter_updates_template_reloading() -> None:
    app = Flask("object_app")
    app.debug = True
    assert app.config["DEBUG"] is True
    assert app.jinja_env.auto_reload is True


def test_instance_path(tmp_path: Path) -> None:
    app = Flask("object_app", root_path=str(tmp_path))
    assert app.instance_path.endswith("instance")
    with pytest.raises(ValueError) as info:
        Flask("object_app", instance_path="relative")
    assert str(info.value) == (
        "If an instance path is provided it must be absolute."
        " A relative path was given instead."
    )
    absolute = Flask("object_app", instance_path=str(tmp_path / "inst"))
    assert absolute.instance_path == str(tmp_path / "inst")


def test_instance_relative_config(tmp_path: Path) -> None:
    (tmp_path / "settings.py").write_text("ANSWER = 42\n")
    app = Flask(
        "object_app", instance_path=str(tmp_path), instance_relative_config=True
    )
    assert app.config.from_pyfile("settings.py") is True
    assert app.config["ANSWER"] == 42


def test_open_instance_resource_can_write(tmp_path: Path) -> None:
    app = Flask("object_app", instance_path=str(tmp_path))
    with app.open_instance_resource("notes.txt", "w") as f:
        f.write("é")
    with app.open_instance_resource("notes.txt", "r") as f:
        assert f.read() == "é"
    with app.open_instance_resource("notes.txt") as f:
        assert f.read() == "é".encode()


def test_open_resource_is_read_only(tmp_path: Path) -> None:
    (tmp_path / "schema.sql").write_text("create table t;")
    app = Flask("object_app", root_path=str(tmp_path))
    with app.open_resource("schema.sql") as f:
        assert f.read() == b"create table t;"
    with pytest.raises(ValueError) as info:
        app.open_resource("schema.sql", "w")
    assert str(info.value) == "Resources can only be opened for reading."


def test_static_host_requires_host_matching() -> None:
    with pytest.raises(AssertionError) as info:
        Flask("object_app", static_host="static.example")
    assert str(info.value) == "Invalid static_host/host_matching combination"
    app = Flask("object_app", host_matching=True, static_host="static.example")
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == "static")
    assert rule.host == "static.example"


def test_no_static_folder_no_route() -> None:
    app = Flask("object_app", static_folder=None)
    assert list(app.url_map.iter_rules()) == []


def test_shell_context() -> None:
    app = Flask("object_app")
    app.shell_context_processor(lambda: {"answer": 42})
    names = app.make_shell_context()
    assert names["app"] is app
    assert names["g"] is g
    assert names["answer"] == 42


@pytest.mark.parametrize(
    ("server_name", "host", "port", "expected"),
    [
        (None, None, None, ("127.0.0.1", 5000)),
        ("example.org:8080", None, None, ("example.org", 8080)),
        ("example.org", None, None, ("example.org", 5000)),
        ("example.org:8080", "0.0.0.0", 0, ("0.0.0.0", 0)),
        (None, "localhost", "9000", ("localhost", 9000)),
    ],
)
def test_server_address(
    server_name: str | None, host: str | None, port: Any, expected: tuple[str, int]
) -> None:
    assert server_address(server_name, host, port) == expected


def test_run_is_ignored_under_the_cli(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("FLASK_RUN_FROM_CLI", "true")
    monkeypatch.delenv("WERKZEUG_RUN_MAIN", raising=False)
    Flask("object_app").run()
    assert "Ignoring a call to 'app.run()'" in capsys.readouterr().out


def test_run_passes_options_to_werkzeug(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[Any, ...]] = []
    monkeypatch.delenv("FLASK_RUN_FROM_CLI", raising=False)
    monkeypatch.setattr(
        "werkzeug.serving.run_simple",
        lambda host, port, app, **options: calls.append((host, port, app, options)),
    )
    app = Flask("object_app")
    app.run(port=8123, debug=True, load_dotenv=False)
    assert calls == [
        (
            "127.0.0.1",
            8123,
            app,
            {"use_reloader": True, "use_debugger": True, "threaded": True},
        )
    ]
    assert os.environ.get("FLASK_RUN_FROM_CLI") is None
