"""Cookie sessions: persistence, expiry, cookie options and key rotation."""

from __future__ import annotations

import uuid
from datetime import datetime
from datetime import timedelta
from datetime import UTC

import pytest
from markupsafe import Markup
from werkzeug.http import parse_date

from flaskish import Flask
from flaskish import make_response
from flaskish import render_template_string
from flaskish import Response
from flaskish import session
from flaskish.sessions import SecureCookieSession
from flaskish.testing import FlaskClient

DELETED = "session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/"


@pytest.fixture
def store(app: Flask) -> Flask:
    """``app`` with views that write, read and clear the session."""

    @app.route("/set/<key>/<value>")
    def set_value(key: str, value: str) -> str:
        session[key] = value
        return "set"

    @app.route("/get/<key>")
    def get_value(key: str) -> str:
        return str(session.get(key))

    @app.route("/clear")
    def clear() -> str:
        session.clear()
        return "cleared"

    @app.route("/permanent")
    def permanent() -> str:
        session.permanent = True
        session["p"] = 1
        return "ok"

    app.add_url_rule("/untouched", "untouched", lambda: "nothing")
    return app


def test_values_persist_across_requests(store: Flask, client: FlaskClient) -> None:
    response = client.get("/set/user/ada")
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("session=")
    assert cookie.endswith("; HttpOnly; Path=/")
    assert response.headers["Vary"] == "Cookie"
    assert client.get("/get/user").text == "ada"
    assert client.get("/get/other").text == "None"


def test_read_only_access_varies_but_sets_no_cookie(
    store: Flask, client: FlaskClient
) -> None:
    client.get("/set/a/1")
    response = client.get("/get/a")
    assert response.headers["Vary"] == "Cookie"
    assert "Set-Cookie" not in response.headers


def test_untouched_session_has_no_cookie_or_vary(
    store: Flask, client: FlaskClient
) -> None:
    client.get("/set/a/1")
    response = client.get("/untouched")
    assert "Set-Cookie" not in response.headers
    assert "Vary" not in response.headers


def test_emptied_session_deletes_cookie(store: Flask, client: FlaskClient) -> None:
    client.get("/set/a/1")
    response = client.get("/clear")
    assert response.headers["Set-Cookie"] == DELETED
    assert client.get_cookie("session") is None
    assert client.get("/get/a").text == "None"


def test_clearing_an_empty_session_still_deletes(
    store: Flask, client: FlaskClient
) -> None:
    response = client.get("/clear")
    assert response.headers["Set-Cookie"] == DELETED
    assert response.headers["Vary"] == "Cookie"


def test_permanent_session_expires_after_lifetime(
    store: Flask, client: FlaskClient
) -> None:
    store.config["PERMANENT_SESSION_LIFETIME"] = timedelta(days=2)
    response = client.get("/permanent")
    cookie = response.headers["Set-Cookie"]
    assert "Expires=" in cookie
    expires = parse_date(cookie.split("Expires=")[1].split(";")[0])
    assert expires is not None
    expected = datetime.now(UTC) + timedelta(days=2)
    assert abs((expires - expected).total_seconds()) < 120


def test_permanent_session_is_refreshed_on_each_access(
    store: Flask, client: FlaskClient
) -> None:
    client.get("/permanent")
    assert "Set-Cookie" in client.get("/get/p").headers
    store.config["SESSION_REFRESH_EACH_REQUEST"] = False
    assert "Set-Cookie" not in client.get("/get/p").headers


def test_non_permanent_cookie_is_a_browser_session_cookie(
    store: Flask, client: FlaskClient
) -> None:
    assert "Expires" not in client.get("/set/a/1").headers["Set-Cookie"]


def test_expired_signature_gives_empty_session(
    store: Flask, client: FlaskClient
) -> None:
    client.get("/set/a/1")
    store.config["PERMANENT_SESSION_LIFETIME"] = timedelta(seconds=-1)
    assert client.get("/get/a").text == "None"


def test_tampered_cookie_gives_empty_session(store: Flask, client: FlaskClient) -> None:
    client.get("/set/a/1")
    cookie = client.get_cookie("session")
    assert cookie is not None
    # A changed character inside the signature (the last one carries unused
    # bits, and the old ending may already be the replacement).
    swapped = "A" if cookie.value[-5] != "A" else "B"
    client.set_cookie("session", cookie.value[:-5] + swapped + cookie.value[-4:])
    assert client.get("/get/a").text == "None"


def test_missing_secret_key_fails_on_write(store: Flask, client: FlaskClient) -> None:
    store.config["SECRET_KEY"] = None
    assert client.get("/get/a").text == "None"
    with pytest.raises(RuntimeError) as info:
        client.get("/set/a/1")
    assert str(info.value) == (
        "The session is unavailable because no secret key was set.  Set the"
        " secret_key on the application to something unique and secret."
    )


def test_secret_key_fallbacks_accept_old_cookies(
    store: Flask, client: FlaskClient
) -> None:
    client.get("/set/a/old")
    store.config["SECRET_KEY"] = "new-secret"
    assert client.get("/get/a").text == "None"
    client.get("/set/a/old")
    store.config.update(SECRET_KEY="newest", SECRET_KEY_FALLBACKS=["new-secret"])
    assert client.get("/get/a").text == "old"


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ({"SESSION_COOKIE_NAME": "sid"}, "sid="),
        ({"SESSION_COOKIE_DOMAIN": "example.test"}, "Domain=example.test"),
        ({"SESSION_COOKIE_PATH": "/app"}, "Path=/app"),
        ({"SESSION_COOKIE_SECURE": True}, "Secure"),
        ({"SESSION_COOKIE_SAMESITE": "Lax"}, "SameSite=Lax"),
        ({"SESSION_COOKIE_PARTITIONED": True}, "Partitioned"),
    ],
)
def test_cookie_options(
    store: Flask, client: FlaskClient, config: dict[str, object], expected: str
) -> None:
    store.config.update(config)
    cookie = client.get("/set/a/1").headers["Set-Cookie"]
    assert expected in cookie


def test_httponly_can_be_disabled(store: Flask, client: FlaskClient) -> None:
    store.config["SESSION_COOKIE_HTTPONLY"] = False
    assert "HttpOnly" not in client.get("/set/a/1").headers["Set-Cookie"]


def test_application_root_is_default_path(store: Flask, client: FlaskClient) -> None:
    store.config["APPLICATION_ROOT"] = "/root"
    assert client.get("/set/a/1").headers["Set-Cookie"].endswith("Path=/root")


def test_nested_mutation_needs_modified_flag(app: Flask, client: FlaskClient) -> None:
    @app.route("/init")
    def init() -> str:
        session["items"] = []
        return ""

    @app.route("/append/<flag>")
    def append(flag: str) -> str:
        session["items"].append(flag)
        session.modified = flag == "mark"
        return ""

    app.add_url_rule("/items", "items", lambda: {"items": session["items"]})
    client.get("/init")
    client.get("/append/lost")
    assert client.get("/items").json == {"items": []}
    client.get("/append/mark")
    assert client.get("/items").json == {"items": ["mark"]}


def test_tagged_values_round_trip(app: Flask, client: FlaskClient) -> None:
    values = {
        "tuple": (1, 2),
        "bytes": b"\xff\x00",
        "markup": Markup("<b>x</b>"),
        "uuid": uuid.UUID(int=7),
        "when": datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
        "dict": {" t": "looks like a tag"},
    }

    @app.route("/store")
    def store_values() -> str:
        session.update(values)
        return ""

    @app.route("/check")
    def check() -> str:
        assert {key: session[key] for key in values} == values
        assert type(session["markup"]) is Markup
        return "same"

    client.get("/store")
    assert client.get("/check").text == "same"


def test_session_transaction(store: Flask, client: FlaskClient) -> None:
    with client.session_transaction() as sess:
        sess["user"] = "grace"
    assert client.get("/get/user").text == "grace"
    client.get("/set/user/linus")
    with client.session_transaction() as sess:
        assert sess["user"] == "linus"


def test_session_transaction_without_cookies(app: Flask) -> None:
    client = app.test_client(use_cookies=False)
    with pytest.raises(TypeError) as info:
        with client.session_transaction():
            pass
    assert (
        str(info.value)
        == "Cookies are disabled. Create a client with 'use_cookies=True'."
    )


def test_vary_is_merged_with_existing(app: Flask, client: FlaskClient) -> None:
    @app.route("/")
    def index() -> Response:
        response = make_response("x")
        response.vary.add("Accept")
        session["a"] = 1
        return response

    assert client.get("/").headers.get_all("Vary") == ["Accept, Cookie"]


def test_server_name_does_not_set_cookie_domain(
    store: Flask, client: FlaskClient
) -> None:
    store.config["SERVER_NAME"] = "example.test"
    cookie = client.get("/set/a/1", "http://example.test/").headers["Set-Cookie"]
    assert "Domain" not in cookie


@pytest.mark.parametrize("value", ["garbage", "eyJhIjoxfQ.bad.sig", "\u00ff\u0000; x"])
def test_malformed_cookie_gives_empty_session(
    store: Flask, client: FlaskClient, value: str
) -> None:
    response = client.get("/get/a", headers={"Cookie": f"session={value}"})
    assert (response.status_code, response.text) == (200, "None")


def test_permanent_flag_survives_transaction(store: Flask, client: FlaskClient) -> None:
    client.get("/permanent")
    with client.session_transaction() as sess:
        assert sess.permanent is True
        assert dict(sess) == {"_permanent": True, "p": 1}


def test_session_transaction_before_any_request(
    app: Flask, client: FlaskClient
) -> None:
    with client.session_transaction() as sess:
        assert isinstance(sess, SecureCookieSession)
        assert dict(sess) == {}
    assert client.get_cookie("session") is None


def test_session_read_in_template_varies(app: Flask, client: FlaskClient) -> None:
    app.add_url_rule(
        "/reads", "reads", lambda: render_template_string("{{ session.get('x') }}")
    )
    app.add_url_rule("/plain", "plain", lambda: render_template_string("{{ 1 }}"))
    response = client.get("/reads")
    assert (response.text, response.headers["Vary"]) == ("None", "Cookie")
    assert "Vary" not in client.get("/plain").headers


def test_renamed_cookie_starts_a_new_session(store: Flask, client: FlaskClient) -> None:
    client.get("/set/a/1")
    store.config["SESSION_COOKIE_NAME"] = "other"
    response = client.get("/get/a")
    assert response.text == "None"
    assert "Set-Cookie" not in response.headers
