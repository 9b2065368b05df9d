from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from werkzeug.exceptions import NotFound
from werkzeug.wrappers import Response

from flaskish_context import send_file
from flaskish_context import send_from_directory


@pytest.fixture
def files(app: Any) -> Path:
    root = Path(app.root_path)
    (root / "static").mkdir()
    (root / "static" / "a.txt").write_text("static a")
    (root / "hello.txt").write_text("hello file")
    return root


class Custom(Response):
    pass


def read(rv: Response) -> bytes:
    """The body of a file response, closing the file."""
    rv.direct_passthrough = False
    try:
        return rv.get_data()
    finally:
        rv.close()


def test_send_file_relative_to_root_path(app: Any, files: Path) -> None:
    with app.test_request_context("/"):
        rv = send_file("hello.txt")
    assert rv.status_code == 200
    assert read(rv) == b"hello file"
    assert rv.mimetype == "text/plain"
    assert rv.cache_control.no_cache is True
    assert rv.cache_control.max_age is None


def test_send_file_uses_app_response_class_and_max_age(app: Any, files: Path) -> None:
    app.response_class = Custom
    app.config["SEND_FILE_MAX_AGE_DEFAULT"] = 60
    with app.test_request_context("/"):
        rv = send_file("hello.txt")
        explicit = send_file("hello.txt", max_age=5)
    assert type(rv) is Custom
    assert rv.cache_control.max_age == 60
    assert explicit.cache_control.max_age == 5
    assert read(rv) == read(explicit) == b"hello file"


def test_send_file_x_sendfile(app: Any, files: Path) -> None:
    app.config["USE_X_SENDFILE"] = True
    with app.test_request_context("/"):
        rv = send_file("hello.txt")
    assert rv.headers["X-Sendfile"] == str(files / "hello.txt")
    assert read(rv) == b""


def test_send_file_object_as_attachment(app: Any) -> None:
    with app.test_request_context("/"):
        rv = send_file(io.BytesIO(b"data"), as_attachment=True, download_name="r.csv")
    assert read(rv) == b"data"
    assert rv.headers["Content-Disposition"] == "attachment; filename=r.csv"
    assert rv.mimetype == "text/csv"


def test_conditional_request_gives_304(app: Any, files: Path) -> None:
    with app.test_request_context("/"):
        first = send_file("hello.txt")
    read(first)
    with app.test_request_context(
        "/", headers={"If-None-Match": first.headers["ETag"]}
    ):
        rv = send_file("hello.txt")
    assert rv.status_code == 304
    assert rv.headers["ETag"] == first.headers["ETag"]
    read(rv)  # the WSGI layer drops a 304's body; here only close the file


def test_send_from_directory(app: Any, files: Path) -> None:
    with app.test_request_context("/"):
        rv = send_from_directory("static", "a.txt")
        assert rv.status_code == 200
        assert read(rv) == b"static a"
        with pytest.raises(NotFound):
            send_from_directory("static", "missing.txt")
        with pytest.raises(NotFound):
            send_from_directory("static", "../hello.txt")


def test_send_file_outside_request(app: Any, files: Path) -> None:
    with app.app_context(), pytest.raises(RuntimeError, match="request context"):
        send_file("hello.txt")
    with pytest.raises(RuntimeError, match="application context"):
        send_file("hello.txt")


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, None), (3600, 3600), (timedelta(hours=2), 7200)],
)
def test_get_send_file_max_age(app: Any, value: Any, expected: Any) -> None:
    app.config["SEND_FILE_MAX_AGE_DEFAULT"] = value
    with app.app_context():
        assert app.get_send_file_max_age("x.txt") == expected


def test_send_static_file(app: Any, files: Path) -> None:
    app.static_folder = str(files / "static")
    app.config["SEND_FILE_MAX_AGE_DEFAULT"] = timedelta(minutes=1)
    with app.test_request_context("/"):
        rv = app.send_static_file("a.txt")
        assert read(rv) == b"static a"
        assert rv.cache_control.max_age == 60
        with pytest.raises(NotFound):
            app.send_static_file("nope.txt")


def test_send_static_file_asks_its_own_max_age(app: Any, files: Path) -> None:
    app.static_folder = str(files / "static")
    asked: list[str | None] = []

    def max_age(filename: str | None) -> int:
        asked.append(filename)
        return 9

    app.get_send_file_max_age = max_age
    with app.test_request_context("/"):
        rv = app.send_static_file("a.txt")
    assert asked == ["a.txt"]
    assert rv.cache_control.max_age == 9
    assert read(rv) == b"static a"


def test_send_static_file_without_folder(app: Any) -> None:
    # Raised before any context is needed.
    with pytest.raises(RuntimeError) as info:
        app.send_static_file("a.txt")
    assert str(info.value) == "'static_folder' must be set to serve static_files."


def test_open_resource(app: Any, files: Path) -> None:
    (files / "latin.txt").write_bytes("café".encode("latin-1"))
    with app.open_resource("hello.txt") as f:
        assert f.read() == b"hello file"
    with app.open_resource("hello.txt", "rt") as f:
        assert f.read() == "hello file"
    with app.open_resource("latin.txt", "r", encoding="latin-1") as f:
        assert f.read() == "café"
    for mode in ("w", "wb", "a", "r+", "rb+", "x"):
        with pytest.raises(ValueError) as info:
            app.open_resource("hello.txt", mode)
        assert str(info.value) == "Resources can only be opened for reading."
