"""The test client, the CLI runner and the environ builder."""

from __future__ import annotations

import io

import click
import pytest

from flaskish import Flask
from flaskish import redirect
from flaskish import request
from flaskish import session
from flaskish import url_for
from flaskish.cli import ScriptInfo
from flaskish.testing import EnvironBuilder
from flaskish.testing import FlaskClient
from flaskish.testing import FlaskCliRunner


@pytest.fixture
def echo(app: Flask) -> Flask:
    """``app`` with an echo view and a redirect chain."""

    @app.route("/echo", methods=["GET", "POST", "PUT"])
    def echo_view() -> dict[str, object]:
        return {
            "method": request.method,
            "args": request.args.to_dict(),
            "form": request.form.to_dict(),
            "json": request.get_json(silent=True),
            "type": request.mimetype,
            "cookies": request.cookies.to_dict(),
        }

    app.add_url_rule("/a", "a", lambda: redirect(url_for("b")))
    app.add_url_rule(
        "/b", "b", lambda: redirect("/echo?via=b", 307), methods=["GET", "POST"]
    )
    return app


def test_follow_redirects(echo: Flask, client: FlaskClient) -> None:
    response = client.get("/a", follow_redirects=True)
    assert response.json["args"] == {"via": "b"}  # type: ignore[index]
    assert response.request.path == "/echo"
    assert [r.status_code for r in response.history] == [302, 307]
    assert client.get("/a").status_code == 302


def test_307_redirect_keeps_method_and_body(echo: Flask, client: FlaskClient) -> None:
    response = client.post("/b", data={"k": "v"}, follow_redirects=True)
    assert response.json["method"] == "POST"  # type: ignore[index]
    assert response.json["form"] == {"k": "v"}  # type: ignore[index]


def test_json_argument(echo: Flask, client: FlaskClient) -> None:
    data = client.put("/echo", json={"a": [1, 2]}).json
    assert data is not None
    assert (data["json"], data["type"]) == ({"a": [1, 2]}, "application/json")


def test_json_argument_uses_app_provider(echo: Flask, client: FlaskClient) -> None:
    echo.add_url_rule("/raw", "raw", lambda: request.get_data(), methods=["POST"])
    assert client.post("/raw", json={"b": 1, "a": 2}).data == b'{"a": 2, "b": 1}'


def test_form_data_and_files(app: Flask, client: FlaskClient) -> None:
    @app.post("/upload")
    def upload() -> str:
        file = request.files["doc"]
        return f"{request.form['title']}:{file.filename}:{file.read().decode()}"

    response = client.post(
        "/upload", data={"title": "t", "doc": (io.BytesIO(b"content"), "doc.txt")}
    )
    assert response.text == "t:doc.txt:content"


def test_query_string_argument(echo: Flask, client: FlaskClient) -> None:
    assert client.get("/echo", query_string={"q": "x y"}).json["args"] == {"q": "x y"}  # type: ignore[index]


def test_client_cookie_jar(echo: Flask, client: FlaskClient) -> None:
    @echo.route("/set")
    def set_cookie() -> object:
        response = redirect("/echo")
        response.set_cookie("server", "s")
        return response

    client.set_cookie("manual", "m")
    assert client.get("/set", follow_redirects=True).json["cookies"] == {
        "manual": "m",
        "server": "s",
    }  # type: ignore[index]
    cookie = client.get_cookie("server")
    assert cookie is not None
    assert (cookie.value, cookie.path, cookie.domain) == ("s", "/", "localhost")
    client.delete_cookie("manual")
    assert client.get("/echo").json["cookies"] == {"server": "s"}  # type: ignore[index]


def test_client_without_cookies(echo: Flask) -> None:
    client = echo.test_client(use_cookies=False)
    client.get("/echo", headers={"Cookie": "a=1"})
    assert client.get("/echo").json["cookies"] == {}  # type: ignore[index]


def test_default_environ(app: Flask, client: FlaskClient) -> None:
    app.add_url_rule(
        "/",
        "env",
        lambda: {"addr": request.remote_addr, "agent": request.user_agent.string},
    )
    data = client.get("/").json
    assert data is not None
    assert data["addr"] == "127.0.0.1"
    assert data["agent"].startswith("Werkzeug/")
    client.environ_base["REMOTE_ADDR"] = "10.0.0.1"
    assert client.get("/").json["addr"] == "10.0.0.1"  # type: ignore[index]


def test_with_client_preserves_request_context(app: Flask, client: FlaskClient) -> None:
    @app.route("/login")
    def login() -> str:
        session["user"] = request.args["user"]
        return "ok"

    with client:
        client.get("/login?user=ada")
        assert request.args["user"] == "ada"
        assert session["user"] == "ada"
    with pytest.raises(RuntimeError):
        _ = request.args


def test_with_client_keeps_only_last_request(app: Flask, client: FlaskClient) -> None:
    app.add_url_rule("/<n>", "n", lambda n: n)
    teardowns: list[str] = []
    app.teardown_request(lambda exc: teardowns.append(request.path))
    with client:
        client.get("/1")
        assert teardowns == ["/1"]
        client.get("/2")
        assert request.path == "/2"
        # The kept context of /1 is popped (and torn down again) by the next request.
        assert teardowns == ["/1", "/1", "/2"]
    assert teardowns == ["/1", "/1", "/2", "/2"]


def test_nested_client_use_fails(client: FlaskClient) -> None:
    with client:
        with pytest.raises(RuntimeError) as info:
            with client:
                pass
    assert str(info.value) == "Cannot nest client invocations"


def test_environ_builder_uses_app_config(app: Flask) -> None:
    app.config.update(
        SERVER_NAME="example.test:8080",
        APPLICATION_ROOT="/base",
        PREFERRED_URL_SCHEME="https",
    )
    environ = EnvironBuilder(app, "/page", query_string="a=1").get_environ()
    assert environ["HTTP_HOST"] == "example.test:8080"
    assert environ["SCRIPT_NAME"] == "/base"
    assert environ["PATH_INFO"] == "/page"
    assert environ["QUERY_STRING"] == "a=1"
    assert environ["wsgi.url_scheme"] == "https"


def test_environ_builder_subdomain_and_scheme(app: Flask) -> None:
    app.config["SERVER_NAME"] = "example.test"
    environ = EnvironBuilder(app, "/", subdomain="api", url_scheme="http").get_environ()
    assert (environ["HTTP_HOST"], environ["wsgi.url_scheme"]) == (
        "api.example.test",
        "http",
    )
    with pytest.raises(AssertionError) as info:
        EnvironBuilder(app, "/", base_url="http://x/", subdomain="api")
    assert str(info.value) == 'Cannot pass "subdomain" or "url_scheme" with "base_url".'


def test_environ_builder_json_dumps_with_app(app: Flask) -> None:
    builder = EnvironBuilder(app, "/", json={"b": 1, "a": 2})
    assert builder.content_type == "application/json"
    assert builder.input_stream is not None
    assert builder.input_stream.read() == b'{"a": 2, "b": 1}'


def test_custom_test_client_class(app: Flask) -> None:
    class Client(FlaskClient):
        def __init__(self, *args: object, token: str = "", **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            self.environ_base["HTTP_X_TOKEN"] = token

    app.test_client_class = Client
    app.add_url_rule("/", "t", lambda: request.headers["X-Token"])
    client = app.test_client(token="secret")
    assert isinstance(client, Client)
    assert client.get("/").text == "secret"


def test_cli_runner_invokes_app_commands(app: Flask) -> None:
    @app.cli.command("hello")
    @click.option("--name", default="world")
    def hello(name: str) -> None:
        click.echo(f"Hello, {name}!")

    runner = app.test_cli_runner()
    assert isinstance(runner, FlaskCliRunner)
    assert runner.invoke(args=["hello"]).output == "Hello, world!\n"
    assert runner.invoke(args=["hello", "--name", "ada"]).output == "Hello, ada!\n"
    assert runner.invoke(hello, ["--name", "bob"]).output == "Hello, bob!\n"


def test_cli_runner_reports_failures(app: Flask) -> None:
    @app.cli.command("fail")
    def fail() -> None:
        raise click.ClickException("nope")

    @app.cli.command("crash")
    def crash() -> None:
        raise ValueError("broken")

    runner = app.test_cli_runner()
    failed = runner.invoke(args=["fail"])
    assert (failed.exit_code, failed.output) == (1, "Error: nope\n")
    crashed = runner.invoke(args=["crash"])
    assert crashed.exit_code == 1
    assert isinstance(crashed.exception, ValueError)
    unknown = runner.invoke(args=["missing"])
    assert unknown.exit_code == 2
    assert "No such command 'missing'." in unknown.output


def test_cli_runner_passes_script_info(app: Flask) -> None:
    @app.cli.command("info")
    @click.pass_obj
    def info(obj: ScriptInfo) -> None:
        click.echo(str(obj.load_app() is app))

    assert app.test_cli_runner().invoke(args=["info"]).output == "True\n"


def test_base_url_sets_scheme_and_host(echo: Flask, client: FlaskClient) -> None:
    echo.add_url_rule("/where", "where", lambda: f"{request.scheme}://{request.host}")
    assert (
        client.get("/where", base_url="https://secure.test:8443").text
        == "https://secure.test:8443"
    )


def test_external_redirects_are_not_followed(app: Flask, client: FlaskClient) -> None:
    app.add_url_rule("/", "out", lambda: redirect("http://other.test/x"))
    with pytest.raises(RuntimeError) as info:
        client.get("/", follow_redirects=True)
    assert str(info.value) == "Following external redirects is not supported."


def test_open_with_environ_builder(echo: Flask, client: FlaskClient) -> None:
    builder = EnvironBuilder(echo, "/echo", query_string={"a": "1"})
    assert client.open(builder).json["args"] == {"a": "1"}  # type: ignore[index]


def test_response_knows_its_request(echo: Flask, client: FlaskClient) -> None:
    response = client.get("/echo?x=1")
    assert response.request.path == "/echo"
    assert response.request.args["x"] == "1"
