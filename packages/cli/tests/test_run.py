from __future__ import annotations

import importlib
import os
import ssl
import sys
import types

import click
import pytest
from cli_fakeapp import FakeApp

from flaskish_cli import FlaskGroup
from flaskish_cli import run_command
from flaskish_cli import ScriptInfo
from flaskish_cli import SeparatedPathType
from flaskish_cli import show_server_banner

run_module = importlib.import_module("flaskish_cli.run")


@pytest.fixture
def served(monkeypatch):
    calls = []

    def run_simple(host, port, app, **options):
        calls.append({"host": host, "port": port, "app": app, **options})

    monkeypatch.setattr(run_module, "run_simple", run_simple)
    monkeypatch.delenv("WERKZEUG_RUN_MAIN", raising=False)
    return calls


@pytest.fixture
def app_group():
    app = FakeApp("shop")
    return app, FlaskGroup(create_app=lambda: app)


@pytest.fixture
def pem(write):
    write("cert.pem", "certificate")
    write("key.pem", "key")


def test_run_defaults(runner, served, app_group):
    app, group = app_group
    result = runner.invoke(group, ["run"])
    assert result.exit_code == 0, result.output
    assert result.output == " * Debug mode: off\n"
    assert served == [
        {
            "host": "127.0.0.1",
            "port": 5000,
            "app": app,
            "use_reloader": False,
            "use_debugger": False,
            "threaded": True,
            "ssl_context": None,
            "extra_files": None,
            "exclude_patterns": None,
        }
    ]


def test_run_debug_turns_on_reloader_and_debugger(runner, served, app_group):
    app, group = app_group
    result = runner.invoke(group, ["run", "--debug"])
    assert result.output == " * Debug mode: on\n"
    assert served[0]["use_reloader"] is True
    assert served[0]["use_debugger"] is True
    assert app.debug is True


def test_run_options(runner, served, app_group, write):
    _, group = app_group
    write("a.cfg")
    write("b.cfg")
    args = [
        "run",
        "--debug",
        "-h",
        "0.0.0.0",
        "-p",
        "8080",
        "--no-reload",
        "--no-debugger",
        "--without-threads",
        "--extra-files",
        os.pathsep.join(["a.cfg", "b.cfg"]),
        "--exclude-patterns",
        os.pathsep.join(["*.tmp", "*.log"]),
    ]
    result = runner.invoke(group, args)
    assert result.exit_code == 0, result.output
    [call] = served
    assert (call["host"], call["port"]) == ("0.0.0.0", 8080)
    assert call["use_reloader"] is False
    assert call["use_debugger"] is False
    assert call["threaded"] is False
    assert call["extra_files"] == ["a.cfg", "b.cfg"]
    assert call["exclude_patterns"] == ["*.tmp", "*.log"]


def test_run_reads_flask_run_environment_variables(
    runner, served, app_group, monkeypatch
):
    _, group = app_group
    monkeypatch.setenv("FLASK_RUN_PORT", "7000")
    monkeypatch.setenv("FLASK_RUN_HOST", "localhost")
    runner.invoke(group, ["run"])
    assert (served[0]["host"], served[0]["port"]) == ("localhost", 7000)


def test_run_banner_names_the_import_path(runner, served, write):
    write("shop.py", "from cli_fakeapp import FakeApp\napp = FakeApp()\n")
    result = runner.invoke(FlaskGroup(), ["--app", "shop", "run"])
    assert result.output == " * Serving Flask app 'shop'\n * Debug mode: off\n"


@pytest.mark.usefixtures("pem")
def test_run_with_certificate_and_key(runner, served, app_group, tmp_path):
    _, group = app_group
    result = runner.invoke(group, ["run", "--key", "key.pem", "--cert", "cert.pem"])
    assert result.exit_code == 0, result.output
    assert served[0]["ssl_context"] == (
        str(tmp_path / "cert.pem"),
        str(tmp_path / "key.pem"),
    )


@pytest.mark.usefixtures("pem")
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--cert", "cert.pem"],
            "Error: Invalid value for '--key': Required when using \"--cert\".",
        ),
        (
            ["--key", "key.pem"],
            "Error: Invalid value for '--key': \"--cert\" must also be specified.",
        ),
        (
            ["--cert", "missing.pem"],
            "Error: Invalid value for '--cert': File 'missing.pem' does not exist.",
        ),
        (
            ["--cert", "cert.pem", "--key", "missing.pem"],
            "Error: Invalid value for '--key': File 'missing.pem' does not exist.",
        ),
    ],
)
def test_run_certificate_validation(runner, served, app_group, args, message):
    _, group = app_group
    result = runner.invoke(group, ["run", *args])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == message
    assert served == []


def test_run_adhoc_requires_cryptography(runner, served, app_group, monkeypatch):
    _, group = app_group
    monkeypatch.setitem(sys.modules, "cryptography", None)
    result = runner.invoke(group, ["run", "--cert", "adhoc"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for '--cert': Using ad-hoc certificates requires"
        " the cryptography library."
    )


@pytest.fixture
def fake_cryptography(monkeypatch):
    monkeypatch.setitem(sys.modules, "cryptography", types.ModuleType("cryptography"))


@pytest.mark.usefixtures("fake_cryptography", "pem")
def test_run_adhoc(runner, served, app_group):
    _, group = app_group
    assert runner.invoke(group, ["run", "--cert", "ADHOC"]).exit_code == 0
    assert served[0]["ssl_context"] == "adhoc"
    result = runner.invoke(group, ["run", "--cert", "adhoc", "--key", "key.pem"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        'Error: Invalid value for \'--key\': When "--cert" is "adhoc",'
        ' "--key" is not used.'
    )


@pytest.mark.usefixtures("pem")
def test_run_with_an_ssl_context_import(runner, served, app_group, write, tmp_path):
    _, group = app_group
    write(
        "tlsconf.py", "import ssl\ncontext = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)\n"
    )
    sys.path.insert(0, str(tmp_path))
    assert runner.invoke(group, ["run", "--cert", "tlsconf.context"]).exit_code == 0
    assert isinstance(served[0]["ssl_context"], ssl.SSLContext)
    result = runner.invoke(
        group, ["run", "--cert", "tlsconf.context", "--key", "key.pem"]
    )
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for '--key': When \"--cert\" is an SSLContext"
        ' object, "--key" is not used.'
    )


def test_run_serves_a_plain_wsgi_callable(runner, served, write):
    write(
        "plain.py",
        """\
        def wsgi(environ, start_response):
            start_response("200 OK", [("Content-Type", "text/plain")])
            return [b"plain"]
        """,
    )
    result = runner.invoke(FlaskGroup(), ["--app", "plain:wsgi", "run", "-p", "9000"])
    assert result.exit_code == 0, result.output
    import plain

    assert served[0]["app"] is plain.wsgi
    assert served[0]["port"] == 9000
    assert result.output == " * Serving WSGI app 'plain:wsgi'\n * Debug mode: off\n"


def test_plain_wsgi_app_has_no_app_commands(runner, write):
    write("plain.py", "def wsgi(environ, start_response):\n    return []\n")
    result = runner.invoke(FlaskGroup(), ["--app", "plain:wsgi", "--help"])
    assert result.exit_code == 0
    assert result.stderr == ""
    listing = result.stdout.split("Commands:\n", 1)[1].splitlines()
    assert [line.split()[0] for line in listing] == ["routes", "run", "shell"]
    missing = runner.invoke(FlaskGroup(), ["--app", "plain:wsgi", "migrate"])
    assert missing.exit_code == 2
    assert missing.stderr.splitlines()[-1] == "Error: No such command 'migrate'."


def test_run_serves_a_wsgi_object_from_a_factory_call(runner, served, write):
    write(
        "plain.py",
        """\
        class Hello:
            def __call__(self, environ, start_response):
                return []

        def build(greeting="hi"):
            return Hello()
        """,
    )
    result = runner.invoke(FlaskGroup(), ["--app", "plain:build('x')", "run"])
    assert result.exit_code == 0, result.output
    assert type(served[0]["app"]).__name__ == "Hello"


def test_run_without_an_app_fails_cleanly(runner, served):
    result = runner.invoke(FlaskGroup(), ["--app", "nowhere", "run"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "Error: Could not import 'nowhere'."
    assert served == []


def test_run_under_the_reloader_serves_the_load_error(
    runner, served, monkeypatch, write
):
    write("crashing.py", "raise RuntimeError('app code failed')\n")
    monkeypatch.setenv("WERKZEUG_RUN_MAIN", "true")
    result = runner.invoke(FlaskGroup(), ["--app", "crashing", "run"])
    assert result.exit_code == 0, result.output
    assert "RuntimeError: app code failed" in result.stderr
    assert result.stdout == ""  # no banner in the reloader's child
    with pytest.raises(RuntimeError, match="app code failed"):
        served[0]["app"]({}, lambda *a: None)


def test_run_command_alone_with_a_script_info(runner, served):
    result = runner.invoke(run_command, [], obj=ScriptInfo(create_app=FakeApp))
    assert result.exit_code == 0, result.output
    assert served[0]["app"].name == "fake"


def test_show_server_banner(capsys, monkeypatch):
    monkeypatch.delenv("WERKZEUG_RUN_MAIN", raising=False)
    show_server_banner(True, "shop:create_app()")
    show_server_banner(None, None)
    assert capsys.readouterr().out == (
        " * Serving Flask app 'shop:create_app()'\n * Debug mode: on\n"
    )
    monkeypatch.setenv("WERKZEUG_RUN_MAIN", "true")
    show_server_banner(False, "shop")
    assert capsys.readouterr().out == ""


def test_separated_path_type(write):
    write("one.txt")
    kind = SeparatedPathType(exists=True)
    assert kind.convert(f"one.txt{os.pathsep}one.txt", None, None) == [
        "one.txt",
        "one.txt",
    ]
    with pytest.raises(click.BadParameter, match=r"'two\.txt' does not exist"):
        kind.convert(f"one.txt{os.pathsep}two.txt", None, None)
