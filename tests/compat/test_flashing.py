"""Flashed messages: categories, filters and per-request caching."""

from __future__ import annotations

from markupsafe import Markup

from flaskish import flash
from flaskish import Flask
from flaskish import get_flashed_messages
from flaskish import session
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
