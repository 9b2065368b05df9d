"""Flashed messages: categories, filters and per-request caching."""

from __future__ import annotations

import pytest
from markupsafe import Markup

from flaskish import flash
from flaskish import Flask
from flaskish import get_flashed_messages
from flaskish import redirect
from flaskish import Response
from flaskish import session
from flaskish import url_for
from flaskish.testing import FlaskClient


def test_flash_messages_with_categories(app: Flask, client: FlaskClient) -> None:
    @app.route("/flash")
    def add() -> str:
        flash("one")
        flash("two", "error")
        flash(Markup("<i>three</i>"), "info")
        return ""

    app.add_url_rule(
        "/all", "all", lambda: {"m": get_flashed_messages(with_categories=True)}
    )
    app.add_url_rule(
        "/errors",
        "errors",
        lambda: {"m": get_flashed_messages(category_filter=["error"])},
    )
    client.get("/flash")
    assert client.get("/all").json == {
        "m": [["message", "one"], ["error", "two"], ["info", "<i>three</i>"]]
    }
    assert client.get("/all").json == {"m": []}
    client.get("/flash")
    assert client.get("/errors").json == {"m": ["two"]}
    assert client.get("/all").json == {"m": []}


def test_flashed_messages_are_cached_per_request(app: Flask) -> None:
    with app.test_request_context():
        flash("x")
        assert get_flashed_messages() == ["x"]
        flash("y")
        assert get_flashed_messages() == ["x"]
        assert session["_flashes"] == [("message", "y")]


def test_flash_needs_request_context(app: Flask) -> None:
    with app.app_context():
        for use in (lambda: flash("x"), get_flashed_messages):
            with pytest.raises(
                RuntimeError, match="Working outside of request context"
            ):
                use()


def test_filter_with_categories(app: Flask) -> None:
    with app.test_request_context():
        flash("a", "info")
        flash("b", "error")
        flash("c", "info")
        assert get_flashed_messages(with_categories=True, category_filter=["info"]) == [
            ("info", "a"),
            ("info", "c"),
        ]
        assert get_flashed_messages(category_filter=["error", "info"]) == [
            "a",
            "b",
            "c",
        ]


def test_filtered_out_messages_are_consumed_too(
    app: Flask, client: FlaskClient
) -> None:
    @app.route("/flash")
    def add() -> str:
        flash("kept", "info")
        flash("dropped", "debug")
        return ""

    app.add_url_rule(
        "/info", "info", lambda: {"m": get_flashed_messages(category_filter=["info"])}
    )
    app.add_url_rule("/all", "all", lambda: {"m": get_flashed_messages()})
    client.get("/flash")
    assert client.get("/info").json == {"m": ["kept"]}
    assert client.get("/all").json == {"m": []}


def test_flashes_survive_redirect(app: Flask, client: FlaskClient) -> None:
    @app.route("/save")
    def save() -> Response:
        flash("saved")
        return redirect(url_for("show"))

    app.add_url_rule("/show", "show", lambda: ", ".join(get_flashed_messages()))
    assert client.get("/save", follow_redirects=True).text == "saved"
    assert client.get("/show").text == ""


def test_flash_in_before_request_visible_in_view(
    app: Flask, client: FlaskClient
) -> None:
    app.before_request(lambda: flash("early"))
    app.add_url_rule("/", "index", lambda: {"m": get_flashed_messages()})
    assert client.get("/").json == {"m": ["early"]}


def test_no_flashes_means_no_session_cookie(app: Flask, client: FlaskClient) -> None:
    app.add_url_rule("/", "index", lambda: {"m": get_flashed_messages()})
    response = client.get("/")
    assert response.json == {"m": []}
    assert "Set-Cookie" not in response.headers


def test_reading_flashes_rewrites_session(app: Flask, client: FlaskClient) -> None:
    app.add_url_rule("/flash", "flash", lambda: flash("x") or "")
    app.add_url_rule("/read", "read", lambda: {"m": get_flashed_messages()})
    client.get("/flash")
    assert client.get_cookie("session") is not None
    response = client.get("/read")
    assert response.headers["Set-Cookie"].startswith(
        "session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT"
    )
