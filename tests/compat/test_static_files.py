"""The static route: files, caching headers, conditional requests, folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from flaskish import Flask
from flaskish import url_for
from flaskish.testing import FlaskClient


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


def test_static_at_root_url(tmp_path: Path) -> None:
    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "robots.txt").write_text("User-agent: *")
    app = Flask("root_static", root_path=str(tmp_path), static_url_path="")
    assert [rule.rule for rule in app.url_map.iter_rules()] == ["/<path:filename>"]
    with app.test_client().get("/robots.txt") as response:
        assert response.data == b"User-agent: *"
