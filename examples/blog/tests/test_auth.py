from __future__ import annotations

from typing import Any

import pytest
from blog.db import get_db

from flaskish import g
from flaskish import session


def test_register_page_renders(client: Any) -> None:
    response = client.get("/auth/register")
    assert response.status_code == 200
    assert b"<h1>Register</h1>" in response.data


def test_register_stores_hashed_password_and_redirects(client: Any, app: Any) -> None:
    response = client.post(
        "/auth/register", data={"username": "cy", "password": "secret"}
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/auth/login"
    with app.app_context():
        row = get_db().execute("SELECT * FROM user WHERE username = 'cy'").fetchone()
    assert row is not None
    assert row["password"] != "secret"
    assert row["password"].startswith(("scrypt:", "pbkdf2:"))


@pytest.mark.parametrize(
    ("username", "password", "message"),
    [
        ("", "x", b"Username is required."),
        ("cy", "", b"Password is required."),
        ("ada", "x", b"User ada is already registered."),
    ],
)
def test_register_validation(
    client: Any, username: str, password: str, message: bytes
) -> None:
    response = client.post(
        "/auth/register", data={"username": username, "password": password}
    )
    assert response.status_code == 200
    assert message in response.data


def test_login_sets_session_and_loads_user(client: Any, auth: Any) -> None:
    response = auth.login()
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    with client:
        client.get("/")
        assert session["user_id"] == 1
        assert g.user["username"] == "ada"


@pytest.mark.parametrize(
    ("username", "password"), [("nobody", "ada-pw"), ("ada", "wrong"), ("", "x")]
)
def test_login_rejects_bad_credentials(auth: Any, username: str, password: str) -> None:
    response = auth.login(username, password)
    assert response.status_code == 200
    assert b"Log in" in response.data
    assert b"flash-error" in response.data


def test_logout_clears_session(client: Any, auth: Any) -> None:
    auth.login()
    with client:
        response = auth.logout()
        assert response.status_code == 302
        assert "user_id" not in session
    page = client.get("/")
    assert b"You have been logged out." in page.data


def test_flash_after_registration_shows_once(client: Any) -> None:
    client.post("/auth/register", data={"username": "cy", "password": "secret"})
    first = client.get("/auth/login")
    assert b"Registration complete. Please log in." in first.data
    second = client.get("/auth/login")
    assert b"Registration complete" not in second.data
