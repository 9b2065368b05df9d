"""Application and request contexts, the proxies and g."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from flaskish import current_app
from flaskish import Flask
from flaskish import g
from flaskish import has_app_context
from flaskish import has_request_context
from flaskish import request
from flaskish import session
from flaskish.globals import app_ctx
from flaskish.globals import request_ctx
from flaskish.testing import FlaskClient

NO_REQUEST = (
    "Working outside of request context.\n\nThis typically means that you"
    " attempted to use functionality that needed\nan active HTTP request."
    " Consult the documentation on testing for\ninformation about how to"
    " avoid this problem."
)
NO_APP = (
    "Working outside of application context.\n\nThis typically means that you"
    " attempted to use functionality that needed\nthe current application. To"
    " solve this, set up an application context\nwith app.app_context(). See"
    " the documentation for more information."
)


@pytest.mark.parametrize(
    ("use", "message"),
    [
        (lambda: request.path, NO_REQUEST),
        (lambda: session.get("x"), NO_REQUEST),
        (lambda: request_ctx.request, NO_REQUEST),
        (lambda: current_app.name, NO_APP),
        (lambda: g.user, NO_APP),
        (lambda: app_ctx.app, NO_APP),
    ],
)
def test_proxies_outside_context(use: object, message: str) -> None:
    with pytest.raises(RuntimeError) as info:
        use()  # type: ignore[operator]
    assert str(info.value) == message


def test_request_proxy_needs_request_even_in_app_context(app: Flask) -> None:
    with app.app_context():
        assert current_app.name == "compat_app"
        with pytest.raises(RuntimeError) as info:
            _ = request.method
        assert str(info.value) == NO_REQUEST


def test_has_context_helpers(app: Flask) -> None:
    assert (has_app_context(), has_request_context()) == (False, False)
    with app.app_context():
        assert (has_app_context(), has_request_context()) == (True, False)
    with app.test_request_context():
        assert (has_app_context(), has_request_context()) == (True, True)
    assert (has_app_context(), has_request_context()) == (False, False)


def test_g_is_per_request(app: Flask, client: FlaskClient) -> None:
    @app.before_request
    def load() -> None:
        if "who" in request.args:
            g.who = request.args["who"]

    app.add_url_rule("/", "index", lambda: g.get("who", "nobody"))
    assert client.get("/?who=ada").text == "ada"
    assert client.get("/").text == "nobody"


def test_g_namespace_methods(app: Flask) -> None:
    with app.app_context():
        g.a = 1
        assert "a" in g
        assert g.get("a") == 1
        assert g.get("b", 2) == 2
        assert g.setdefault("c", 3) == 3
        assert sorted(g) == ["a", "c"]
        assert g.pop("a") == 1
        assert g.pop("a", "gone") == "gone"
        with pytest.raises(KeyError):
            g.pop("a")
        with pytest.raises(AttributeError):
            _ = g.missing


def test_proxies_resolve_to_real_objects(app: Flask) -> None:
    with app.test_request_context("/p?q=1") as ctx:
        assert current_app._get_current_object() is app  # type: ignore[attr-defined]
        assert request._get_current_object() is ctx.request  # type: ignore[attr-defined]
        assert request_ctx._get_current_object() is ctx  # type: ignore[attr-defined]
        assert app_ctx.app is app
        assert app_ctx.g is g._get_current_object()  # type: ignore[attr-defined]


def test_test_request_context_builds_request(app: Flask) -> None:
    with app.test_request_context(
        "/search?q=x",
        method="POST",
        base_url="https://example.test/root",
        headers={"X-Token": "t"},
        data={"field": "v"},
    ):
        assert request.url == "https://example.test/root/search?q=x"
        assert request.script_root == "/root"
        assert request.path == "/search"
        assert request.method == "POST"
        assert request.args["q"] == "x"
        assert request.form["field"] == "v"
        assert request.headers["X-Token"] == "t"


def test_request_context_matches_url(app: Flask) -> None:
    app.add_url_rule("/u/<int:n>", "user", lambda n: "")
    with app.test_request_context("/u/3"):
        assert request.endpoint == "user"
        assert request.view_args == {"n": 3}
    with app.test_request_context("/nowhere"):
        assert request.endpoint is None
        assert request.routing_exception is not None
        assert request.routing_exception.code == 404  # type: ignore[attr-defined]


def test_nested_app_contexts(app: Flask) -> None:
    other = Flask("other")
    with app.app_context():
        g.value = "outer"
        with other.app_context():
            assert current_app.name == "other"
            assert "value" not in g
        assert current_app.name == "compat_app"
        assert g.value == "outer"


def test_request_context_reuses_app_context_of_same_app(app: Flask) -> None:
    with app.app_context():
        g.shared = "yes"
        with app.test_request_context():
            assert g.shared == "yes"
        with Flask("other").test_request_context():
            assert "shared" not in g


def test_manual_push_and_pop(app: Flask) -> None:
    ctx = app.app_context()
    ctx.push()
    try:
        assert current_app.name == "compat_app"
    finally:
        ctx.pop()
    assert not has_app_context()


def test_each_app_context_has_fresh_g(app: Flask) -> None:
    with app.app_context():
        g.value = 1
    with app.app_context():
        assert g.get("value") is None


def test_teardown_appcontext_on_exit(app: Flask) -> None:
    seen: list[object] = []
    app.teardown_appcontext(seen.append)
    with app.app_context():
        pass
    with pytest.raises(KeyError), app.app_context():
        raise KeyError("x")
    assert seen[0] is None
    assert isinstance(seen[1], KeyError)


def test_stream_without_context_fails(app: Flask, client: FlaskClient) -> None:
    @app.route("/")
    def index() -> Iterator[str]:
        def generate() -> Iterator[str]:
            yield "start"
            yield request.path

        return generate()

    response = client.get("/")
    with pytest.raises(RuntimeError) as info:
        response.get_data()
    assert str(info.value) == NO_REQUEST


def test_session_in_test_request_context(app: Flask) -> None:
    with app.test_request_context():
        session["k"] = "v"
        assert session.modified
        assert dict(session) == {"k": "v"}


def test_context_alive_in_after_and_teardown(app: Flask, client: FlaskClient) -> None:
    log: list[tuple[object, ...]] = []

    @app.route("/")
    def index() -> str:
        g.x = 1
        session["k"] = "v"
        return "x"

    app.after_request(lambda r: log.append(("after", g.x, request.path)) or r)
    app.teardown_request(
        lambda e: log.append(("request", g.x, request.path, session["k"]))
    )
    app.teardown_appcontext(
        lambda e: log.append(("app", g.x, has_request_context(), current_app.name))
    )
    client.get("/")
    assert log == [
        ("after", 1, "/"),
        ("request", 1, "/", "v"),
        ("app", 1, False, "compat_app"),
    ]


def test_request_url_parts(app: Flask) -> None:
    with app.test_request_context("/a/b?x=1", base_url="http://h.test:8080/r"):
        assert (request.url, request.base_url, request.url_root) == (
            "http://h.test:8080/r/a/b?x=1",
            "http://h.test:8080/r/a/b",
            "http://h.test:8080/r/",
        )
        assert (request.host_url, request.host, request.full_path) == (
            "http://h.test:8080/",
            "h.test:8080",
            "/a/b?x=1",
        )
        assert (request.blueprint, request.blueprints, request.remote_addr) == (
            None,
            [],
            None,
        )


def test_request_limits_come_from_config(app: Flask) -> None:
    with app.test_request_context():
        assert (
            request.max_content_length,
            request.max_form_memory_size,
            request.max_form_parts,
        ) == (None, 500_000, 1_000)
    app.config.update(MAX_CONTENT_LENGTH=10, MAX_FORM_MEMORY_SIZE=20, MAX_FORM_PARTS=30)
    with app.test_request_context():
        assert (
            request.max_content_length,
            request.max_form_memory_size,
            request.max_form_parts,
        ) == (10, 20, 30)


def test_request_limit_can_be_raised_per_view(app: Flask, client: FlaskClient) -> None:
    app.config["MAX_CONTENT_LENGTH"] = 5

    @app.post("/upload")
    def upload() -> str:
        request.max_content_length = 100
        return str(len(request.get_data()))

    app.add_url_rule("/small", "small", lambda: request.get_data(), methods=["POST"])
    assert client.post("/upload", data=b"x" * 50).text == "50"
    assert client.post("/small", data=b"x" * 50).status_code == 413


def test_untrusted_host_is_rejected(app: Flask, client: FlaskClient) -> None:
    app.config["TRUSTED_HOSTS"] = ["good.test", ".sub.test"]
    app.add_url_rule("/", "index", lambda: request.host)
    statuses = [
        client.get("/", f"http://{host}/").status_code
        for host in ("good.test", "bad.test", "a.sub.test")
    ]
    assert statuses == [200, 400, 200]
