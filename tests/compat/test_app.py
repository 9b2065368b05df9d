"""The application object: names and paths, the instance folder, helpers on the app."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from flaskish import Flask
from flaskish import url_for
from flaskish.helpers import get_debug_flag
from flaskish.helpers import get_load_dotenv
from flaskish.helpers import get_root_path


@pytest.fixture
def rooted(tmp_path: Path) -> Flask:
    """An app with its root and instance folders in ``tmp_path``."""
    (tmp_path / "instance").mkdir()
    (tmp_path / "instance" / "settings.cfg").write_text("FROM_INSTANCE = 1\n")
    return Flask(
        "rooted",
        root_path=str(tmp_path),
        instance_path=str(tmp_path / "instance"),
        instance_relative_config=True,
    )


def test_names_and_paths(rooted: Flask, tmp_path: Path) -> None:
    assert (rooted.name, rooted.import_name) == ("rooted", "rooted")
    assert rooted.root_path == str(tmp_path)
    assert rooted.instance_path == str(tmp_path / "instance")
    assert rooted.config.root_path == str(tmp_path / "instance")
    assert repr(rooted) == "<Flask 'rooted'>"


def test_instance_relative_config(rooted: Flask) -> None:
    assert rooted.config.from_pyfile("settings.cfg") is True
    assert rooted.config["FROM_INSTANCE"] == 1


def test_relative_instance_path_rejected() -> None:
    with pytest.raises(ValueError) as info:
        Flask("relative", instance_path="relative")
    assert str(info.value) == (
        "If an instance path is provided it must be absolute. A relative path was given instead."
    )


def test_open_instance_resource(rooted: Flask, tmp_path: Path) -> None:
    with rooted.open_instance_resource("settings.cfg") as handle:
        assert handle.read() == b"FROM_INSTANCE = 1\n"
    with rooted.open_instance_resource("notes.txt", "w") as writer:
        writer.write("written")
    assert (tmp_path / "instance" / "notes.txt").read_text() == "written"


def test_config_backed_attributes_defaults() -> None:
    app = Flask("attrs")
    assert (app.testing, app.secret_key, app.permanent_session_lifetime.days) == (
        False,
        None,
        31,
    )
    assert list(app.iter_blueprints()) == []


def test_default_options_response(app: Flask) -> None:
    app.add_url_rule("/", "index", lambda: "", methods=["GET", "PUT"])
    with app.test_request_context("/"):
        response = app.make_default_options_response()
    assert (response.status_code, response.data) == (200, b"")
    assert sorted(response.allow) == ["GET", "HEAD", "OPTIONS", "PUT"]


def test_app_redirect_and_aborter(app: Flask) -> None:
    assert app.redirect("/x", 303).status_code == 303
    with pytest.raises(LookupError):
        app.aborter(999)


def test_url_adapter_without_request(app: Flask) -> None:
    assert app.create_url_adapter(None) is None
    app.config["SERVER_NAME"] = "x.test"
    adapter = app.create_url_adapter(None)
    assert adapter is not None
    assert adapter.server_name == "x.test"


def test_handle_url_build_error_reraises(app: Flask) -> None:
    calls: list[str] = []
    app.url_build_error_handlers.append(
        lambda error, endpoint, values: calls.append(endpoint)
    )
    with (
        app.test_request_context(),
        pytest.raises(Exception, match="Could not build url for endpoint 'nope'"),
    ):
        url_for("nope")
    assert calls == ["nope"]


def test_helper_functions(monkeypatch: pytest.MonkeyPatch) -> None:
    assert get_root_path("os") == os.path.dirname(os.__file__)
    monkeypatch.setenv("FLASK_DEBUG", "0")
    assert get_debug_flag() is False
    monkeypatch.setenv("FLASK_DEBUG", "yes")
    assert get_debug_flag() is True
    monkeypatch.setenv("FLASK_SKIP_DOTENV", "1")
    assert get_load_dotenv() is False
    assert get_load_dotenv(False) is False
