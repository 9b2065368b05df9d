"""Lookups the reference framework makes at call time stay at call time.

Tests and extensions patch them (``mock.patch("werkzeug.utils.send_file")``,
a stand-in request on the context), and expect the patch to take effect.
"""

from __future__ import annotations

import io
from pathlib import Path
from unittest import mock

import werkzeug.utils
from werkzeug.wrappers import Response

import flaskish
import flaskish.helpers
from flaskish import Flask
from flaskish.globals import request_ctx


def test_helpers_module_has_werkzeug() -> None:
    assert flaskish.helpers.werkzeug is werkzeug


def test_patched_send_from_directory_serves_static_files(tmp_path: Path) -> None:
    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "a.txt").write_text("real")
    app = Flask(__name__, root_path=str(tmp_path))
    patched = Response("patched", status=203)
    with mock.patch("werkzeug.utils.send_from_directory", return_value=patched) as sent:
        response = app.test_client().get("/static/a.txt")
    assert (response.status_code, response.data) == (203, b"patched")
    directory, path = sent.call_args.args
    assert (Path(directory), path) == (tmp_path / "static", "a.txt")
    assert sent.call_args.kwargs["environ"]["PATH_INFO"] == "/static/a.txt"
    with app.test_client().get("/static/a.txt") as real:
        assert real.data == b"real"


def test_patched_send_file_reaches_the_helper(tmp_path: Path) -> None:
    app = Flask(__name__, root_path=str(tmp_path))

    @app.get("/")
    def index() -> Response:
        return flaskish.send_file("missing.txt", download_name="x.txt")

    patched = Response("patched")
    with mock.patch.object(flaskish.helpers.werkzeug.utils, "send_file") as sent:
        sent.return_value = patched
        assert app.test_client().get("/").data == b"patched"
    assert sent.call_args.args == ("missing.txt",)
    assert sent.call_args.kwargs["download_name"] == "x.txt"
    assert sent.call_args.kwargs["_root_path"] == str(tmp_path)


def test_popping_closes_a_stand_in_request() -> None:
    app = Flask(__name__)
    stand_in = mock.MagicMock()
    with app.test_request_context("/"):
        request_ctx.request = stand_in
    stand_in.close.assert_called_once_with()


def test_popping_tolerates_a_request_without_close() -> None:
    app = Flask(__name__)

    class Bare:
        environ: dict[str, object] = {}

    bare = Bare()
    with app.test_request_context("/"):
        request_ctx.request = bare
    assert bare.environ == {"werkzeug.request": None}


def test_popping_closes_uploaded_files() -> None:
    app = Flask(__name__)
    with app.test_request_context(
        "/", method="POST", data={"f": (io.BytesIO(b"x"), "f.txt")}
    ) as ctx:
        upload = ctx.request.files["f"]
    assert upload.stream.closed
