from __future__ import annotations

import pytest
from cli_fakeapp import FakeApp

from flaskish_cli import FlaskGroup


def invoke(runner, app, *args):
    group = FlaskGroup(create_app=lambda: app)
    result = runner.invoke(group, ["routes", *args])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    # Every line is padded to the full table width, as a fixed-width table.
    assert len({len(line) for line in lines}) == 1
    return [line.rstrip() for line in lines]


@pytest.fixture
def app():
    app = FakeApp()
    app.route("/users/<int:id>", "user", ("GET", "PUT", "OPTIONS"))
    app.route("/", "index", ("GET", "OPTIONS"))
    app.route("/static/<path:filename>", "static", ("GET", "OPTIONS"))
    app.route("/users", "users", ("POST", "OPTIONS"))
    return app


def test_routes_sorted_by_endpoint(runner, app):
    assert invoke(runner, app) == [
        "Endpoint  Methods   Rule",
        "--------  --------  -----------------------",
        "index     GET       /",
        "static    GET       /static/<path:filename>",
        "user      GET, PUT  /users/<int:id>",
        "users     POST      /users",
    ]


@pytest.mark.parametrize(
    ("sort", "endpoints"),
    [
        ("methods", ["index", "static", "user", "users"]),
        ("rule", ["index", "static", "users", "user"]),
        ("match", ["user", "index", "static", "users"]),
        ("domain", ["user", "index", "static", "users"]),  # no domain column
    ],
)
def test_routes_sorts(runner, app, sort, endpoints):
    lines = invoke(runner, app, "--sort", sort)
    assert [line.split()[0] for line in lines[2:]] == endpoints
    assert invoke(runner, app, "-s", sort) == lines


def test_routes_all_methods(runner, app):
    assert invoke(runner, app, "--all-methods", "--sort", "rule") == [
        "Endpoint  Methods                  Rule",
        "--------  -----------------------  -----------------------",
        "index     GET, HEAD, OPTIONS       /",
        "static    GET, HEAD, OPTIONS       /static/<path:filename>",
        "users     OPTIONS, POST            /users",
        "user      GET, HEAD, OPTIONS, PUT  /users/<int:id>",
    ]


def test_routes_with_subdomains(runner):
    app = FakeApp(server_name="example.test")
    app.route("/", "index", ("GET",))
    app.route("/v1", "api", ("GET",), subdomain="api")
    assert invoke(runner, app, "--sort", "domain") == [
        "Endpoint  Methods  Subdomain  Rule",
        "--------  -------  ---------  ----",
        "index     GET                 /",
        "api       GET      api        /v1",
    ]


def test_routes_with_host_matching(runner):
    app = FakeApp(host_matching=True)
    app.route("/", "shop", ("GET",), host="shop.test")
    app.route("/", "admin", ("POST",), host="admin.test")
    assert invoke(runner, app, "--sort", "domain") == [
        "Endpoint  Methods  Host        Rule",
        "--------  -------  ----------  ----",
        "admin     POST     admin.test  /",
        "shop      GET      shop.test   /",
    ]


def test_routes_without_rules(runner):
    group = FlaskGroup(create_app=FakeApp)
    result = runner.invoke(group, ["routes"])
    assert result.output == "No routes were registered.\n"


def test_routes_rejects_unknown_sort(runner, app):
    group = FlaskGroup(create_app=lambda: app)
    result = runner.invoke(group, ["routes", "--sort", "size"])
    assert result.exit_code == 2
    assert "Invalid value for '--sort' / '-s': 'size' is not one of" in result.stderr


def test_routes_of_a_plain_wsgi_callable_is_a_clear_error(runner, write):
    write("plain.py", "def wsgi(environ, start_response):\n    return []\n")
    result = runner.invoke(FlaskGroup(), ["--app", "plain:wsgi", "routes"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: A valid Flask application was not obtained from 'plain:wsgi'."
        " It is a plain WSGI application: only the 'run' command can serve it."
    )
