"""The test client, the CLI runner and test request contexts."""

from __future__ import annotations

import click
import pytest
from werkzeug.test import EnvironBuilder as WerkzeugEnvironBuilder

from flaskish_context import current_app
from flaskish_context import has_request_context
from flaskish_context import request
from flaskish_core.app import Flask
from flaskish_core.testing import EnvironBuilder


@pytest.fixture
def app() -> Flask:
    app = Flask("testing_app")

    @app.route("/echo", methods=["GET", "POST"])
    def echo() -> dict[str, object]:
        return {"method": request.method, "json": request.get_json(silent=True)}

    return app


def test_client_sends_json_and_reads_it_back(app: Flask) -> None:
    response = app.test_client().post("/echo", json={"a": 1})
    assert response.status_code == 200
    assert response.json == {"method": "POST", "json": {"a": 1}}


def test_client_default_environ(app: Flask) -> None:
    @app.route("/who")
    def who() -> str:
        return f"{request.remote_addr} {request.user_agent.string.split('/')[0]}"

    assert app.test_client().get("/who").data == b"127.0.0.1 Werkzeug"


def test_with_client_keeps_the_last_request_context(app: Flask) -> None:
    client = app.test_client()
    with client:
        client.get("/echo?x=1")
        assert request.args["x"] == "1"
        client.get("/echo?x=2")
        assert request.args["x"] == "2"
    assert not has_request_context()


def test_nested_client_blocks_are_rejected(app: Flask) -> None:
    client = app.test_client()
    with (
        client,
        pytest.raises(RuntimeError, match="Cannot nest client invocations"),
        client,
    ):
        pass


def test_test_request_context_uses_config(app: Flask) -> None:
    app.config.update(SERVER_NAME="example.org", APPLICATION_ROOT="/root")
    with app.test_request_context("/page?q=1", method="POST"):
        assert request.url == "http://example.org/root/page?q=1"
        assert request.method == "POST"
        assert current_app._get_current_object() is app  # type: ignore[attr-defined]


def test_environ_builder_rejects_base_url_with_subdomain(app: Flask) -> None:
    with pytest.raises(AssertionError) as info:
        EnvironBuilder(app, "/", base_url="http://x", subdomain="api")
    assert str(info.value) == 'Cannot pass "subdomain" or "url_scheme" with "base_url".'
    builder = EnvironBuilder(app, "/p", subdomain="api", url_scheme="https")
    assert builder.base_url == "https://api.localhost/"
    assert isinstance(builder, WerkzeugEnvironBuilder)


def test_cli_runner_invokes_app_commands(app: Flask) -> None:
    @app.cli.command("hello")
    @click.argument("name")
    def hello(name: str) -> None:
        click.echo(f"hello {name} from {current_app.name}")

    result = app.test_cli_runner().invoke(args=["hello", "ada"])
    assert result.exit_code == 0
    assert result.output == "hello ada from testing_app\n"


def test_custom_client_class(app: Flask) -> None:
    from flaskish_core.testing import FlaskClient

    class Custom(FlaskClient):
        pass

    app.test_client_class = Custom
    assert type(app.test_client()) is Custom


def test_client_builds_a_request_from_builder_args(app: Flask) -> None:
    # Extensions' own test clients call this to get the request the client
    # would send, with its default environ.
    app.config["SERVER_NAME"] = "example.test"
    client = app.test_client()
    client.environ_base["HTTP_X_EXTRA"] = "1"
    built = client._request_from_builder_args(
        (), {"path": "/socket?sid=1", "headers": {"X-Token": "t"}}
    )
    assert built.path == "/socket"
    assert built.args["sid"] == "1"
    assert built.host == "example.test"
    assert built.headers["X-Token"] == "t"
    assert built.environ["REMOTE_ADDR"] == "127.0.0.1"
    assert built.environ["HTTP_X_EXTRA"] == "1"
    assert built.user_agent.string.startswith("Werkzeug/")
