"""The static folder and static URL path properties."""

from __future__ import annotations

import os
from pathlib import Path

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
