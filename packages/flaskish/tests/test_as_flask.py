"""``flaskish.install_as_flask()``: ``import flask`` gives flaskish's modules.

The switch changes the whole process, so each test runs its code in a fresh
interpreter.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from flaskish._flask_metadata import FLASK_VERSION
from flaskish._flask_metadata import FlaskMetadataFinder
from flaskish._flask_modules import FLASK_SUBMODULES

PYTEST = (sys.executable, "-m", "pytest")
PYTEST_QUIET = ("-p", "no:cacheprovider", "-q", "-o", "addopts=")


def _python(code: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


def _ok(code: str, cwd: Path | None = None) -> str:
    done = _python(code, cwd)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_importing_flaskish_alone_does_not_switch() -> None:
    out = _ok(
        """
        import sys
        import flaskish
        from flaskish._flask_modules import FlaskModuleFinder
        print("flask" in sys.modules)
        print(any(isinstance(f, FlaskModuleFinder) for f in sys.meta_path))
        try:
            import flask
        except ModuleNotFoundError:
            print("no flask")
        else:
            print(flask is flaskish)
        print(flaskish.__version__ == __import__("importlib.metadata").metadata.version("flaskish"))
        """
    )
    assert out.splitlines()[:2] == ["False", "False"]
    assert out.splitlines()[2] in ("False", "no flask")
    assert out.splitlines()[3] == "True"


def test_every_flask_module_path_is_the_flaskish_module_itself() -> None:
    out = _ok(
        f"""
        import importlib, sys
        import flaskish
        flaskish.install_as_flask()
        import flask
        assert flask is flaskish
        for sub in {sorted(FLASK_SUBMODULES - {"__main__"})!r}:
            alias = importlib.import_module("flask." + sub)
            own = importlib.import_module("flaskish." + sub)
            assert alias is own, sub
            assert sys.modules["flask." + sub] is own, sub
            assert own.__name__ == "flaskish." + sub, own.__name__
            assert own.__spec__.name == "flaskish." + sub, own.__spec__
        from flask import Flask, request, session
        from flask.json.tag import TaggedJSONSerializer
        from flask.sansio.app import App
        import flask.json.tag
        assert Flask is flaskish.Flask and request is flaskish.request
        assert TaggedJSONSerializer is flaskish.json.tag.TaggedJSONSerializer
        assert App is flaskish.sansio.app.App
        assert flask.json.tag is flaskish.json.tag
        print("ok")
        """
    )
    assert out == "ok"


def test_modules_imported_before_the_switch_are_in_sys_modules_as_flask_ones() -> None:
    out = _ok(
        """
        import sys
        import flaskish.sessions
        import flaskish.as_flask
        import flask
        print(sys.modules["flask.sessions"] is flaskish.sessions)
        print("flask.testing" in sys.modules, "flaskish.testing" in sys.modules)
        """
    )
    assert out.splitlines() == ["True", "False False"]


def test_an_application_written_for_flask_runs_on_flaskish() -> None:
    out = _ok(
        """
        import flaskish.as_flask
        from flask import Flask, session, jsonify, request
        import flaskish_core

        app = Flask(__name__)
        app.secret_key = "dev"

        @app.post("/count")
        def count():
            session["n"] = session.get("n", 0) + request.get_json()["by"]
            return jsonify(n=session["n"])

        assert isinstance(app, flaskish_core.Flask)
        client = app.test_client()
        client.post("/count", json={"by": 2})
        response = client.post("/count", json={"by": 3})
        print(response.status_code, response.get_json(), response.headers["Vary"])
        """
    )
    assert out == "200 {'n': 5} Cookie"


def test_a_module_flask_does_not_have_raises_module_not_found() -> None:
    out = _ok(
        """
        import flaskish.as_flask
        for name in ("flask.ext", "flask._compat", "flask.json.encoder"):
            try:
                __import__(name)
            except ModuleNotFoundError as error:
                print(error.name, "|", error)
        try:
            import flask.app.nothing
        except ModuleNotFoundError as error:
            print(error.name)
        """
    )
    lines = out.splitlines()
    assert [line.split(" | ")[0] for line in lines] == [
        "flask.ext",
        "flask._compat",
        "flask.json.encoder",
        "flask.app.nothing",
    ]
    assert "Flask 3.1 has no module 'flask.ext'" in lines[0]
    assert "flaskish.install_as_flask()" in lines[0]


def test_switching_twice_is_harmless() -> None:
    out = _ok(
        """
        import sys
        import flaskish.as_flask
        import flaskish
        import flask
        flaskish.install_as_flask()
        flaskish.install_as_flask()
        from flaskish._flask_modules import FlaskModuleFinder
        from flaskish._flask_metadata import FlaskMetadataFinder
        print(sum(isinstance(f, FlaskModuleFinder) for f in sys.meta_path))
        print(sum(isinstance(f, FlaskMetadataFinder) for f in sys.meta_path))
        print(sys.modules["flask"] is flaskish)
        """
    )
    assert out.splitlines() == ["1", "1", "True"]


def _real_flask(tmp_path: Path) -> Path:
    """A folder with a ``flask`` package of its own and a module importing it."""
    (tmp_path / "flask").mkdir()
    (tmp_path / "flask" / "__init__.py").write_text(
        "class Flask:\n    pass\n\ndef url_for():\n    pass\n"
    )
    (tmp_path / "my_extension.py").write_text("from flask import Flask\n")
    (tmp_path / "other_code.py").write_text("import flask\n")
    (tmp_path / "unrelated.py").write_text("import os\n")
    return tmp_path


def test_switching_after_flask_was_imported_names_the_importers(
    tmp_path: Path,
) -> None:
    folder = _real_flask(tmp_path)
    done = _python(
        """
        import my_extension, other_code, unrelated
        import flaskish
        try:
            flaskish.install_as_flask()
        except ImportError as error:
            print(type(error).__name__, error.name)
            print(error)
        import flask
        print(flask is flaskish)
        """,
        cwd=folder,
    )
    assert done.returncode == 0, done.stderr
    kind, message, last = done.stdout.strip().splitlines()
    assert kind == "FlaskAlreadyImported flask"
    assert str(folder / "flask" / "__init__.py") in message
    assert "imported by my_extension, other_code." in message
    assert "unrelated" not in message
    assert "before anything imports flask" in message
    assert last == "False"


def test_import_flaskish_as_flask_after_flask_fails_the_import(tmp_path: Path) -> None:
    folder = _real_flask(tmp_path)
    done = _python("import my_extension\nimport flaskish.as_flask\n", cwd=folder)
    assert done.returncode == 1
    assert "FlaskAlreadyImported" in done.stderr
    assert "imported by my_extension." in done.stderr


def test_flask_version_answers_the_flask_release_flaskish_implements() -> None:
    out = _ok(
        """
        import importlib.metadata
        import flaskish.as_flask
        import flask
        print(flask.__version__)
        print(importlib.metadata.version("flask").split(".")[0])
        """
    )
    assert out.splitlines() == [FLASK_VERSION, "3"]


def test_metadata_finder_answers_only_for_flask_when_it_is_absent(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    finder = FlaskMetadataFinder()
    context = importlib.metadata.DistributionFinder.Context
    monkeypatch.setattr(finder, "_real_flask_installed", lambda: False)
    (found,) = finder.find_distributions(context(name="Flask"))
    assert found.version == FLASK_VERSION
    assert found.metadata["Name"] == "Flask"
    assert found.read_text("entry_points.txt") is None
    assert list(finder.find_distributions(context(name="werkzeug"))) == []
    assert [d.version for d in finder.find_distributions(context())] == [FLASK_VERSION]
    assert list(finder.find_distributions(context(name="flask", path=["/"]))) == []
    monkeypatch.setattr(finder, "_real_flask_installed", lambda: True)
    assert list(finder.find_distributions(context(name="flask"))) == []


def test_metadata_finder_sees_an_installed_flask_distribution() -> None:
    try:
        importlib.metadata.distribution("flask")
    except importlib.metadata.PackageNotFoundError:
        installed = False
    else:
        installed = True
    assert FlaskMetadataFinder()._real_flask_installed() is installed


def test_pytest_plugin_runs_a_flask_suite_unchanged(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text(
        textwrap.dedent(
            """
            import pytest
            from flask import Flask, jsonify

            @pytest.fixture
            def app():
                app = Flask(__name__)

                @app.get("/")
                def index():
                    return jsonify(framework=type(app).__module__)

                return app
            """
        )
    )
    (tmp_path / "test_app.py").write_text(
        textwrap.dedent(
            """
            import flask
            from flask.testing import FlaskClient

            def test_index(app):
                client = app.test_client()
                assert isinstance(client, FlaskClient)
                assert client.get("/").get_json() == {"framework": "flaskish_core.app"}

            def test_flask_is_flaskish():
                import flaskish
                assert flask is flaskish
            """
        )
    )
    done = subprocess.run(
        [*PYTEST, "-p", "flaskish.as_flask", *PYTEST_QUIET, str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 passed" in done.stdout


def test_the_pytest_plugin_is_not_loaded_automatically() -> None:
    # Installing flaskish must not switch other projects' test runs.
    plugins = importlib.metadata.entry_points(group="pytest11")
    assert [ep.value for ep in plugins if ep.value.startswith("flaskish")] == []
    assert "flaskish.as_flask" not in sys.modules


PYTEST_FLASK_CONFTEST = """
import pytest
from flask import Flask, jsonify, request

@pytest.fixture
def app():
    app = Flask(__name__)
    app.config["GREETING"] = "hello"

    @app.get("/hello/<name>")
    def hello(name):
        return jsonify(greeting=app.config["GREETING"], name=name, path=request.path)

    return app
"""

PYTEST_FLASK_TESTS = """
import pytest
from flask import request, url_for

def test_client_fixture_and_url_for_in_the_pushed_context(client):
    response = client.get(url_for("hello", name="ada"))
    assert response.status_code == 200
    assert response.json == {"greeting": "hello", "name": "ada", "path": "/hello/ada"}

@pytest.mark.options(GREETING="hi")
def test_options_marker_and_config_fixture(client, config):
    assert config["GREETING"] == "hi"
    assert client.get("/hello/bo").json["greeting"] == "hi"

def test_the_request_context_is_flaskish(app):
    assert request.path == "/"
    assert type(app).__module__ == "flaskish_core.app"
"""


@pytest.mark.skipif(
    importlib.util.find_spec("pytest_flask") is None,
    reason="pytest-flask is not installed (the workspace's test group has it)",
)
def test_pytest_flask_fixtures_work_through_the_plugin(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text(PYTEST_FLASK_CONFTEST)
    (tmp_path / "test_app.py").write_text(PYTEST_FLASK_TESTS)
    done = subprocess.run(
        [*PYTEST, "-p", "flaskish.as_flask", *PYTEST_QUIET, str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "3 passed" in done.stdout
    # Without the switch the same suite runs on Flask, where the last test fails.
    done = subprocess.run(
        [*PYTEST, *PYTEST_QUIET, str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert "1 failed, 2 passed" in done.stdout, done.stdout + done.stderr


FLASK_APP = """
import flask
from flask import Flask

app = Flask(__name__)

@app.get("/")
def index():
    return "index"

@app.cli.command()
def where():
    print(type(app).__module__, flask.__name__)
"""


def test_the_command_line_runs_an_application_written_for_flask(
    tmp_path: Path,
) -> None:
    (tmp_path / "app.py").write_text(FLASK_APP)
    command = [sys.executable, "-m", "flaskish", "--app", "app"]
    run = subprocess.run(
        [*command, "where"], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert run.stdout == "flaskish_core.app flaskish\n", run.stderr
    routes = subprocess.run(
        [*command, "routes"], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert routes.stdout.split()[-6:] == [
        "index",
        "GET",
        "/",
        "static",
        "GET",
        "/static/<path:filename>",
    ]
    plain = subprocess.run(
        [*command, "--no-as-flask", "where"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert "flaskish_core.app" not in plain.stdout
