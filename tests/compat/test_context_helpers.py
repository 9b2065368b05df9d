"""Context helpers: copied and streamed contexts, threads and CLI commands."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import click
import pytest

from flaskish import copy_current_request_context
from flaskish import current_app
from flaskish import Flask
from flaskish import g
from flaskish import has_app_context
from flaskish import has_request_context
from flaskish import request
from flaskish import Response
from flaskish import session
from flaskish import stream_with_context
from flaskish.testing import FlaskClient


def test_copy_current_request_context_in_thread(
    app: Flask, client: FlaskClient
) -> None:
    results: list[str] = []

    @app.route("/")
    def index() -> str:
        @copy_current_request_context
        def work() -> None:
            results.append(f"{request.args['n']} {current_app.name}")

        thread = threading.Thread(target=work)
        thread.start()
        thread.join()
        return "done"

    assert client.get("/?n=7").text == "done"
    assert results == ["7 compat_app"]


def test_copy_current_request_context_outside_request() -> None:
    with pytest.raises(RuntimeError) as info:
        copy_current_request_context(lambda: None)
    assert str(info.value) == (
        "'copy_current_request_context' can only be used when a request"
        " context is active, such as in a view function."
    )


def test_stream_with_context_keeps_request(app: Flask, client: FlaskClient) -> None:
    @app.route("/")
    def index() -> Iterator[str]:
        def generate() -> Iterator[str]:
            yield "hello "
            yield request.args["name"]

        return stream_with_context(generate())

    assert client.get("/?name=ada").text == "hello ada"


def test_stream_with_context_as_decorator(app: Flask, client: FlaskClient) -> None:
    @app.route("/")
    def index() -> Iterator[str]:
        @stream_with_context
        def generate() -> Iterator[str]:
            yield request.method
            yield g.get("x", "-")

        g.x = "g"
        return generate()  # type: ignore[no-any-return]

    assert client.get("/").text == "GETg"


def test_stream_with_context_outside_request(app: Flask) -> None:
    with pytest.raises(RuntimeError) as info:
        stream_with_context(iter(["x"]))
    assert str(info.value) == (
        "'stream_with_context' can only be used when a request context is"
        " active, such as in a view function."
    )


def test_concurrent_requests_are_isolated(app: Flask) -> None:
    barrier = threading.Barrier(2)
    results: dict[str, str] = {}

    @app.route("/<name>")
    def view(name: str) -> str:
        g.name = name
        session["name"] = name
        barrier.wait(timeout=10)
        return f"{request.view_args['name']}|{g.name}|{session['name']}"  # type: ignore[index]

    def call(name: str) -> None:
        results[name] = app.test_client().get(f"/{name}").text

    threads = [threading.Thread(target=call, args=(n,)) for n in ("left", "right")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == {"left": "left|left|left", "right": "right|right|right"}


def test_current_app_in_cli_command(app: Flask) -> None:
    app.config["GREETING"] = "hi"

    @app.cli.command("greet")
    @click.option("--shout", is_flag=True)
    def greet(shout: bool) -> None:
        text = f"{current_app.config['GREETING']} from {current_app.name}, {has_request_context()}"
        click.echo(text.upper() if shout else text)

    runner = app.test_cli_runner()
    assert runner.invoke(args=["greet"]).output == "hi from compat_app, False\n"
    assert (
        runner.invoke(args=["greet", "--shout"]).output == "HI FROM COMPAT_APP, FALSE\n"
    )


def test_cli_command_without_appcontext(app: Flask) -> None:
    @app.cli.command("bare", with_appcontext=False)
    def bare() -> None:
        click.echo(str(has_app_context()))

    assert app.test_cli_runner().invoke(args=["bare"]).output == "False\n"


def test_copied_context_shares_session_not_g(app: Flask, client: FlaskClient) -> None:
    seen: list[tuple[object, object]] = []

    @app.route("/")
    def index() -> str:
        session["k"] = "v"
        g.x = "set in view"

        @copy_current_request_context
        def work() -> None:
            seen.append((session.get("k"), g.get("x")))

        thread = threading.Thread(target=work)
        thread.start()
        thread.join()
        return "ok"

    client.get("/")
    assert seen == [("v", None)]


def test_streamed_body_sees_g_set_by_view(app: Flask, client: FlaskClient) -> None:
    @app.route("/")
    def index() -> Response:
        @stream_with_context
        def body() -> Iterator[str]:
            yield f"{request.path} "
            yield g.x

        g.x = "from view"
        return Response(body())  # type: ignore[arg-type]

    assert client.get("/").text == "/ from view"
