"""A plain WSGI application found by module name or in app.py / wsgi.py."""

from __future__ import annotations

import subprocess
import sys

import pytest

from flaskish_cli import FlaskGroup
from flaskish_cli import NoAppException
from flaskish_cli import run as run_module
from flaskish_cli import ScriptInfo

PLAIN = """\
def {name}(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"plain"]
"""


@pytest.fixture
def served(monkeypatch):
    calls = []

    def run_simple(host, port, app, **options):
        calls.append(app)

    monkeypatch.setattr(run_module, "run_simple", run_simple)
    monkeypatch.delenv("WERKZEUG_RUN_MAIN", raising=False)
    return calls


@pytest.mark.parametrize("attribute", ["app", "application"])
def test_module_name_finds_a_plain_wsgi_attribute(write, attribute):
    module_name = f"hello_{attribute}"
    write(f"{module_name}.py", PLAIN.format(name=attribute))
    info = ScriptInfo(module_name)
    served = info.load_wsgi_app()
    assert served is getattr(sys.modules[module_name], attribute)
    with pytest.raises(NoAppException) as error:
        info.load_app()
    assert str(error.value) == (
        f"Failed to find Flask application or factory in module '{module_name}'."
        f" Use '{module_name}:name' to specify one. It is a plain WSGI"
        " application: only the 'run' command can serve it."
    )


@pytest.mark.parametrize("filename", ["app.py", "wsgi.py"])
def test_default_file_with_a_plain_wsgi_app_is_found(write, filename):
    write(filename, PLAIN.format(name="app"))
    served = ScriptInfo().load_wsgi_app()
    assert served({"REQUEST_METHOD": "GET"}, lambda status, headers: None) == [b"plain"]


def test_module_without_any_callable_is_still_an_error(write):
    write("empty_mod.py", "app = 'not callable'\n")
    with pytest.raises(NoAppException, match="Failed to find Flask application"):
        ScriptInfo("empty_mod").load_wsgi_app()


def test_run_banner_names_a_wsgi_app(runner, served, write):
    write("hello_banner.py", PLAIN.format(name="app"))
    result = runner.invoke(FlaskGroup(), ["--app", "hello_banner", "run"])
    assert result.exit_code == 0, result.output
    import hello_banner

    assert served == [hello_banner.app]
    assert result.output == " * Serving WSGI app 'hello_banner'\n * Debug mode: off\n"


def test_python_dash_m_runs_the_command(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "flaskish_cli", "--help"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "A general utility script for flaskish applications." in result.stdout
    assert "run" in result.stdout
