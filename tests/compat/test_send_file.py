"""send_file and send_from_directory."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from werkzeug.exceptions import NotFound

from flaskish import Flask
from flaskish import send_file
from flaskish import send_from_directory
from flaskish.testing import FlaskClient


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
