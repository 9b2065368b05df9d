from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from flaskish_blueprints import Blueprint
from flaskish_routing import Router

Rules = Callable[[Router], dict[str, str]]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "app.css").write_text("body { color: red }")
    (tmp_path / "data.txt").write_text("héllo", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("url_prefix", "static_url_path", "expected"),
    [
        (None, None, "/static/<path:filename>"),
        ("/bp", None, "/bp/static/<path:filename>"),
        ("/bp/", None, "/bp/static/<path:filename>"),
        ("/bp", "/assets", "/bp/assets/<path:filename>"),
        ("/bp", "", "/bp/<path:filename>"),
    ],
)
def test_static_route(
    app: Router,
    rules: Rules,
    root: Path,
    url_prefix: str | None,
    static_url_path: str | None,
    expected: str,
) -> None:
    bp = Blueprint(
        "bp",
        __name__,
        static_folder="static",
        static_url_path=static_url_path,
        url_prefix=url_prefix,
        root_path=str(root),
    )
    app.register_blueprint(bp)
    assert rules(app) == {"bp.static": expected}
    assert app.view_functions["bp.static"] == bp.send_static_file


def test_static_route_per_registration_name(
    app: Router, rules: Rules, root: Path
) -> None:
    bp = Blueprint("bp", __name__, static_folder="static", root_path=str(root))
    app.register_blueprint(bp, url_prefix="/one")
    app.register_blueprint(bp, name="two", url_prefix="/two")
    assert rules(app) == {
        "bp.static": "/one/static/<path:filename>",
        "two.static": "/two/static/<path:filename>",
    }


def test_nested_static_route(app: Router, rules: Rules, root: Path) -> None:
    parent = Blueprint("parent", __name__, url_prefix="/parent")
    child = Blueprint(
        "child",
        __name__,
        static_folder="static",
        url_prefix="/child",
        root_path=str(root),
    )
    parent.register_blueprint(child)
    app.register_blueprint(parent)
    assert rules(app) == {"parent.child.static": "/parent/child/static/<path:filename>"}


def test_no_static_folder_no_route(app: Router, rules: Rules) -> None:
    bp = Blueprint("bp", __name__)
    app.register_blueprint(bp)
    assert rules(app) == {}
    assert bp.has_static_folder is False
    with pytest.raises(RuntimeError) as info:
        bp.send_static_file("x.css")
    assert str(info.value) == "'static_folder' must be set to serve static_files."


def test_static_folder_is_relative_to_root_path(root: Path) -> None:
    bp = Blueprint("bp", __name__, static_folder="static", root_path=str(root))
    assert bp.static_folder == str(root / "static")
    assert bp.static_url_path == "/static"
    assert bp.has_static_folder is True


def test_open_resource(root: Path) -> None:
    bp = Blueprint("bp", __name__, root_path=str(root))
    with bp.open_resource("data.txt") as f:
        assert f.read() == "héllo".encode()
    with bp.open_resource("data.txt", "r") as f:
        assert f.read() == "héllo"
    with bp.open_resource("data.txt", "rt", encoding="latin-1") as f:
        assert f.read() == "héllo".encode().decode("latin-1")
    for mode in ("w", "a", "r+", "wb"):
        with pytest.raises(ValueError) as info:
            bp.open_resource("data.txt", mode)
        assert str(info.value) == "Resources can only be opened for reading."
