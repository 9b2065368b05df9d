from __future__ import annotations

from typing import Any

import flask
from bookshelf.models import Book
from bookshelf.models import db
from conftest import csrf_token


def test_flask_is_the_framework_the_switch_chose() -> None:
    # Run with ``pytest -p flaskish.as_flask``: the same code, on flaskish.
    assert flask.Flask.__module__ == "flaskish_core.app"


def test_shelf_needs_a_login(client: Any) -> None:
    response = client.get("/")
    assert response.status_code == 302
    assert response.headers["Location"] == "/login?next=%2F"


def test_login_page_has_a_csrf_token(client: Any) -> None:
    response = client.get("/login")
    assert response.status_code == 200
    assert "<h1>Log in</h1>" in response.text
    assert len(csrf_token(response.text)) > 20


def test_wrong_password_is_refused(login: Any) -> None:
    response = login(password="nope")
    assert response.status_code == 200
    assert "Unknown name or wrong password." in response.text


def test_login_then_add_a_book(app: Any, client: Any, login: Any) -> None:
    response = login()
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    page = client.get("/")
    assert "<h1>ada's shelf</h1>" in page.text
    assert "No books yet." in page.text
    added = client.post(
        "/", data={"title": "Dune", "csrf_token": csrf_token(page.text)}
    )
    assert (added.status_code, added.headers["Location"]) == (302, "/")
    shelf = client.get("/").text
    assert "<li>Dune</li>" in shelf
    assert '<p class="flash">Added Dune.</p>' in shelf
    with app.app_context():
        assert [book.title for book in db.session.scalars(db.select(Book))] == ["Dune"]


def test_a_post_without_the_csrf_token_is_rejected(client: Any, login: Any) -> None:
    login()
    response = client.post("/", data={"title": "Dune"})
    assert response.status_code == 400
    assert "The CSRF token is missing." in response.text
    assert "<li>No books yet.</li>" in client.get("/").text


def test_an_empty_title_is_reported(client: Any, login: Any) -> None:
    login()
    page = client.get("/").text
    response = client.post("/", data={"title": "", "csrf_token": csrf_token(page)})
    assert '<span class="error">This field is required.</span>' in response.text


def test_logout(client: Any, login: Any) -> None:
    login()
    token = csrf_token(client.get("/").text)
    response = client.post("/logout", data={"csrf_token": token})
    assert (response.status_code, response.headers["Location"]) == (302, "/login")
    assert client.get("/").status_code == 302


def test_logout_without_token_is_a_bad_request(client: Any, login: Any) -> None:
    login()
    response = client.post("/logout")
    assert response.status_code == 400
    assert "The CSRF token is missing." in response.text
