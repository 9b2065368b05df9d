"""The static folder and static URL path properties."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from werkzeug.test import Client

from flaskish_routing import AppScaffold
from flaskish_routing import Router


def test_no_static_folder_by_default_on_the_router(tmp_path: Path) -> None:
    app = Router(__name__, root_path=str(tmp_path))
    assert (app.static_folder, app.static_url_path, app.has_static_folder) == (
        None,
        None,
        False,
    )


def test_app_scaffold_defaults_to_static(tmp_path: Path) -> None:
    app = AppScaffold(__name__, root_path=str(tmp_path))
    assert app.static_folder == os.path.join(str(tmp_path), "static")
    assert app.static_url_path == "/static"
    assert app.template_folder is None
    assert app.blueprints == {}
    assert app.url_map.host_matching is False


def test_static_folder_is_joined_and_stripped(tmp_path: Path) -> None:
    app = Router(__name__, static_folder="assets/", root_path=str(tmp_path))
    assert app.static_folder == os.path.join(str(tmp_path), "assets")
    assert app.has_static_folder is True
    assert app.static_url_path == "/assets"
    app.static_folder = Path("public") / "files"  # type: ignore[assignment]
    assert app.static_folder == os.path.join(str(tmp_path), "public", "files")
    assert app.static_url_path == "/files"
    app.static_folder = str(tmp_path / "absolute")
    assert app.static_folder == str(tmp_path / "absolute")
    app.static_folder = None
    assert app.has_static_folder is False


def test_static_url_path_can_be_set(tmp_path: Path) -> None:
    app = Router(
        __name__, static_folder="static", static_url_path="/s/", root_path=str(tmp_path)
    )
    assert app.static_url_path == "/s"
    app.static_url_path = ""
    assert app.static_url_path == ""
    app.static_url_path = None
    assert app.static_url_path == "/static"


def test_router_serves_its_static_folder(tmp_path: Path) -> None:
    (tmp_path / "public").mkdir()
    (tmp_path / "public" / "site.css").write_text("body {}")
    (tmp_path / "secret.txt").write_text("secret")
    app = Router(
        __name__,
        static_folder="public",
        static_url_path="/assets",
        root_path=str(tmp_path),
    )
    assert {r.endpoint: r.rule for r in app.url_map.iter_rules()} == {
        "static": "/assets/<path:filename>"
    }
    client = Client(app)
    with client.get("/assets/site.css") as response:
        assert (response.status_code, response.get_data()) == (200, b"body {}")
        assert response.mimetype == "text/css"
    assert client.get("/assets/missing.css").status_code == 404
    assert client.get("/assets/../secret.txt").status_code == 404
    app.server_name = "localhost"
    assert app.url_for("static", filename="site.css") == (
        "http://localhost/assets/site.css"
    )


def test_send_static_file_without_a_folder(tmp_path: Path) -> None:
    app = Router(__name__, root_path=str(tmp_path))
    with pytest.raises(RuntimeError) as info:
        app.send_static_file("x.css")
    assert str(info.value) == "'static_folder' must be set to serve static_files."
