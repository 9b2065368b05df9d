from __future__ import annotations

from typing import Any

import pytest
from blog.db import get_db


def test_index_anonymous(client: Any) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert b"Log in" in response.data
    assert b"Register" in response.data
    assert b"First post" in response.data
    assert b"by ada on 2026-01-01" in response.data
    assert b"New post" not in response.data


def test_index_logged_in_shows_edit_for_own_posts(client: Any, auth: Any) -> None:
    auth.login()
    response = client.get("/")
    assert b"Log out" in response.data
    assert b"New post" in response.data
    assert b'href="/1/update"' in response.data


def test_index_hides_edit_link_from_other_users(client: Any, auth: Any) -> None:
    auth.login("bob", "bob-pw")
    assert b'href="/1/update"' not in client.get("/").data


@pytest.mark.parametrize("path", ["/create", "/1/update"])
def test_login_required_redirects(client: Any, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 302
    assert response.headers["Location"] == "/auth/login"


def test_delete_requires_login(client: Any, app: Any) -> None:
    response = client.post("/1/delete")
    assert response.headers["Location"] == "/auth/login"
    with app.app_context():
        assert get_db().execute("SELECT COUNT(*) FROM post").fetchone()[0] == 1


def test_other_users_post_is_forbidden(client: Any, auth: Any, app: Any) -> None:
    auth.login("bob", "bob-pw")
    assert client.get("/1/update").status_code == 403
    assert (
        client.post("/1/update", data={"title": "hijack", "body": ""}).status_code
        == 403
    )
    assert client.post("/1/delete").status_code == 403
    with app.app_context():
        assert (
            get_db().execute("SELECT title FROM post WHERE id = 1").fetchone()[0]
            == "First post"
        )


@pytest.mark.parametrize("path", ["/2/update", "/2/delete"])
def test_missing_post_is_404(client: Any, auth: Any, path: str) -> None:
    auth.login()
    response = client.post(path, data={"title": "t", "body": "b"})
    assert response.status_code == 404
    assert b"Post id 2 doesn&#39;t exist." in response.data


def test_create(client: Any, auth: Any, app: Any) -> None:
    auth.login()
    assert client.get("/create").status_code == 200
    response = client.post("/create", data={"title": "Second", "body": "More words"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    with app.app_context():
        row = get_db().execute("SELECT * FROM post WHERE id = 2").fetchone()
    assert (row["title"], row["body"], row["author_id"]) == ("Second", "More words", 1)
    assert b"Post published." in client.get("/").data


def test_update(client: Any, auth: Any, app: Any) -> None:
    auth.login()
    assert client.get("/1/update").status_code == 200
    client.post("/1/update", data={"title": "Renamed", "body": "New body"})
    with app.app_context():
        row = get_db().execute("SELECT title, body FROM post WHERE id = 1").fetchone()
    assert tuple(row) == ("Renamed", "New body")


@pytest.mark.parametrize("path", ["/create", "/1/update"])
def test_title_is_required(client: Any, auth: Any, path: str) -> None:
    auth.login()
    response = client.post(path, data={"title": "  ", "body": "x"})
    assert response.status_code == 200
    assert b"Title is required." in response.data


def test_delete(client: Any, auth: Any, app: Any) -> None:
    auth.login()
    response = client.post("/1/delete")
    assert response.headers["Location"] == "/"
    with app.app_context():
        assert get_db().execute("SELECT * FROM post WHERE id = 1").fetchone() is None


def test_post_body_is_escaped(client: Any, auth: Any) -> None:
    auth.login()
    client.post("/create", data={"title": "<script>x</script>", "body": "a & b"})
    page = client.get("/").data
    assert b"&lt;script&gt;x&lt;/script&gt;" in page
    assert b"a &amp; b" in page
    assert b"<script>x</script>" not in page


def test_static_stylesheet(client: Any) -> None:
    response = client.get("/static/style.css")
    assert response.status_code == 200
    assert response.mimetype == "text/css"
    response.close()
