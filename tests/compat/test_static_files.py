"""The static route and the file-sending helpers."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from werkzeug.exceptions import NotFound

from flaskish import Flask
from flaskish import send_file
from flaskish import send_from_directory
from flaskish import url_for
from flaskish.testing import FlaskClient


@pytest.fixture
def site(tmp_path: Path) -> Flask:
    """An app rooted in a temporary folder with static and data files."""
    (tmp_path / "static" / "css").mkdir(parents=True)
    (tmp_path / "static" / "css" / "site.css").write_text("body { color: red }")
    (tmp_path / "static" / "index.html").write_text("<h1>static</h1>")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "report.txt").write_text("0123456789")
    (tmp_path / "secret.txt").write_text("do not serve")
    app = Flask("site", root_path=str(tmp_path))
    app.config["TESTING"] = True
    return app


@pytest.fixture
def site_client(site: Flask) -> FlaskClient:
    return site.test_client()


def test_static_route(site: Flask, site_client: FlaskClient) -> None:
    response = site_client.get("/static/css/site.css")
    assert response.status_code == 200
    assert response.mimetype == "text/css"
    assert response.data == b"body { color: red }"
    assert response.headers["Cache-Control"] == "no-cache"
    assert "ETag" in response.headers
    assert "Last-Modified" in response.headers
    response.close()
    assert site.url_map.bind("").match("/static/a.txt") == (
        "static",
        {"filename": "a.txt"},
    )


def test_static_url_for(site: Flask) -> None:
    with site.test_request_context():
        assert url_for("static", filename="css/site.css") == "/static/css/site.css"


def test_missing_static_file(site_client: FlaskClient) -> None:
    assert site_client.get("/static/nothing.css").status_code == 404


def test_static_path_traversal(site_client: FlaskClient) -> None:
    assert site_client.get("/static/../secret.txt").status_code == 404
    assert site_client.get("/static/%2e%2e/secret.txt").status_code == 404


def test_static_route_methods(site_client: FlaskClient) -> None:
    response = site_client.post("/static/index.html")
    assert response.status_code == 405
    assert sorted(response.allow) == ["GET", "HEAD", "OPTIONS"]


def test_conditional_static_request(site_client: FlaskClient) -> None:
    with site_client.get("/static/index.html") as first:
        etag = first.headers["ETag"]
    with site_client.get(
        "/static/index.html", headers={"If-None-Match": etag}
    ) as second:
        assert second.status_code == 304
        assert second.data == b""


def test_static_max_age_config(site: Flask, site_client: FlaskClient) -> None:
    site.config["SEND_FILE_MAX_AGE_DEFAULT"] = 60
    response = site_client.get("/static/index.html")
    assert response.headers["Cache-Control"] == "public, max-age=60"
    assert "Expires" in response.headers
    response.close()


def test_get_send_file_max_age_override(tmp_path: Path) -> None:
    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "app.js").write_text("1")
    (tmp_path / "static" / "app.css").write_text("2")

    class App(Flask):
        def get_send_file_max_age(self, filename: str | None) -> int | None:
            return 10 if filename and filename.endswith(".js") else None

    client = App("custom", root_path=str(tmp_path)).test_client()
    with client.get("/static/app.js") as js, client.get("/static/app.css") as css:
        assert js.headers["Cache-Control"] == "public, max-age=10"
        assert css.headers["Cache-Control"] == "no-cache"


def test_custom_static_url_path_and_folder(tmp_path: Path) -> None:
    (tmp_path / "public").mkdir()
    (tmp_path / "public" / "a.txt").write_text("a")
    app = Flask(
        "custom",
        root_path=str(tmp_path),
        static_folder="public",
        static_url_path="/assets",
    )
    with app.test_client().get("/assets/a.txt") as response:
        assert response.data == b"a"
    with app.test_request_context():
        assert url_for("static", filename="a.txt") == "/assets/a.txt"


def test_no_static_folder_means_no_route(tmp_path: Path) -> None:
    app = Flask("bare", root_path=str(tmp_path), static_folder=None)
    assert "static" not in app.view_functions
    assert app.has_static_folder is False
    with pytest.raises(RuntimeError) as info, app.test_request_context():
        app.send_static_file("x")
    assert str(info.value) == "'static_folder' must be set to serve static_files."


def test_static_host_needs_host_matching() -> None:
    with pytest.raises(AssertionError) as info:
        Flask("hosts", static_host="cdn.example.test")
    assert str(info.value) == "Invalid static_host/host_matching combination"


def test_send_file_path(site: Flask, tmp_path: Path) -> None:
    with site.test_request_context():
        response = send_file(tmp_path / "data" / "report.txt")
        response.direct_passthrough = False
        assert response.data == b"0123456789"
        assert response.mimetype == "text/plain"
        assert response.headers["Content-Disposition"] == "inline; filename=report.txt"
        response.close()


@pytest.mark.parametrize(
    ("name", "disposition"),
    [
        ("report.txt", "attachment; filename=report.txt"),
        (
            "résumé.txt",
            "attachment; filename=resume.txt; filename*=UTF-8''r%C3%A9sum%C3%A9.txt",
        ),
    ],
)
def test_send_file_as_attachment(
    site: Flask, tmp_path: Path, name: str, disposition: str
) -> None:
    with site.test_request_context():
        response = send_file(
            tmp_path / "data" / "report.txt", as_attachment=True, download_name=name
        )
        assert response.headers["Content-Disposition"] == disposition
        response.close()


def test_send_file_object(site: Flask) -> None:
    with site.test_request_context():
        response = send_file(io.BytesIO(b"{}"), mimetype="application/json")
        response.direct_passthrough = False
        assert (response.data, response.mimetype) == (b"{}", "application/json")
        named = send_file(io.BytesIO(b"x"), download_name="data.csv")
        assert named.mimetype == "text/csv"
        with pytest.raises(TypeError) as info:
            send_file(io.BytesIO(b"x"))
    assert str(info.value) == (
        "Unable to detect the MIME type because a file name is not available."
        " Either set 'download_name', pass a path instead of a file, or set 'mimetype'."
    )


def test_send_file_range_request(site: Flask, tmp_path: Path) -> None:
    site.add_url_rule(
        "/report", "report", lambda: send_file(tmp_path / "data" / "report.txt")
    )
    with site.test_client().get("/report", headers={"Range": "bytes=2-4"}) as response:
        assert response.status_code == 206
        assert response.data == b"234"
        assert response.headers["Content-Range"] == "bytes 2-4/10"


def test_send_file_max_age_argument(site: Flask, tmp_path: Path) -> None:
    with site.test_request_context():
        response = send_file(tmp_path / "data" / "report.txt", max_age=120)
        assert response.cache_control.max_age == 120
        assert response.cache_control.public is True
        response.close()


def test_send_from_directory(
    site: Flask, site_client: FlaskClient, tmp_path: Path
) -> None:
    site.add_url_rule(
        "/files/<path:name>",
        "files",
        lambda name: send_from_directory(tmp_path / "data", name),
    )
    with site_client.get("/files/report.txt") as response:
        assert response.data == b"0123456789"
    assert site_client.get("/files/nothing.txt").status_code == 404
    assert site_client.get("/files/../secret.txt").status_code == 404


def test_send_from_directory_raises_not_found(site: Flask, tmp_path: Path) -> None:
    with site.test_request_context(), pytest.raises(NotFound):
        send_from_directory(tmp_path / "data", "../secret.txt")


def test_open_resource(site: Flask) -> None:
    with site.open_resource("data/report.txt") as handle:
        assert handle.read() == b"0123456789"
    with site.open_resource("data/report.txt", "r") as text:
        assert text.read() == "0123456789"
    with pytest.raises(ValueError) as info:
        site.open_resource("data/report.txt", "w")
    assert str(info.value) == "Resources can only be opened for reading."


def test_x_sendfile(site: Flask, site_client: FlaskClient, tmp_path: Path) -> None:
    site.config["USE_X_SENDFILE"] = True
    with site_client.get("/static/index.html") as response:
        assert response.headers["X-Sendfile"] == str(tmp_path / "static" / "index.html")
        assert response.data == b""
        assert response.content_length == 15


def test_send_file_without_etag(site: Flask, tmp_path: Path) -> None:
    site.add_url_rule(
        "/plain",
        "plain",
        lambda: send_file(
            tmp_path / "data" / "report.txt",
            etag=False,
            last_modified=1_700_000_000,
            conditional=False,
        ),
    )
    with site.test_client().get("/plain") as response:
        assert "ETag" not in response.headers
        assert response.headers["Last-Modified"] == "Tue, 14 Nov 2023 22:13:20 GMT"


def test_send_file_object_defaults(site: Flask) -> None:
    site.add_url_rule(
        "/blob", "blob", lambda: send_file(io.BytesIO(b"abc"), download_name="x.bin")
    )
    with site.test_client().get("/blob") as response:
        assert response.mimetype == "application/octet-stream"
        assert response.headers["Content-Disposition"] == "inline; filename=x.bin"
        assert "ETag" not in response.headers
        assert response.headers["Cache-Control"] == "no-cache"


def test_send_from_directory_as_attachment(site: Flask, tmp_path: Path) -> None:
    site.add_url_rule(
        "/dl",
        "dl",
        lambda: send_from_directory(
            tmp_path / "data", "report.txt", as_attachment=True
        ),
    )
    with site.test_client().get("/dl") as response:
        assert (
            response.headers["Content-Disposition"] == "attachment; filename=report.txt"
        )


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({"Range": "bytes=100-200"}, 416),
        ({"If-Modified-Since": "Wed, 01 Jan 2100 00:00:00 GMT"}, 304),
    ],
)
def test_static_conditional_headers(
    site_client: FlaskClient, headers: dict[str, str], status: int
) -> None:
    with site_client.get("/static/index.html", headers=headers) as response:
        assert response.status_code == status


@pytest.mark.parametrize("path", ["/static/", "/static"])
def test_static_folder_itself_is_404(site_client: FlaskClient, path: str) -> None:
    assert site_client.get(path).status_code == 404
