from __future__ import annotations

import pytest
from cli_fakeapp import FakeApp

from flaskish_cli import NoAppException
from flaskish_cli import ScriptInfo

APP_MODULE = """\
from cli_fakeapp import FakeApp

calls = []

app = FakeApp("{name}")


def create_app(flavour="plain", *, size=1):
    calls.append((flavour, size))
    return FakeApp(f"{{flavour}}-{{size}}")


def wsgi(environ, start_response):
    start_response("200 OK", [])
    return [b"plain"]
"""

NOT_FOUND = (
    "Could not locate a Flask application. Use the 'flaskish --app' option,"
    " 'FLASK_APP' environment variable, or a 'wsgi.py' or 'app.py' file in"
    " the current directory."
)


@pytest.mark.parametrize(
    ("import_path", "expected"),
    [
        ("shop", "shop"),
        ("shop:app", "shop"),
        ("shop.py", "shop"),
        ("shop:create_app", "plain-1"),
        ("shop:create_app()", "plain-1"),
        ("shop:create_app('big', size=3)", "big-3"),
    ],
)
def test_load_app_from_import_paths(write, import_path, expected):
    write("shop.py", APP_MODULE.format(name="shop"))
    info = ScriptInfo(import_path)
    app = info.load_app()
    assert app.name == expected
    assert info.load_app() is app


def test_load_app_calls_a_factory_once(write):
    write("shop.py", APP_MODULE.format(name="shop"))
    info = ScriptInfo("shop:create_app('x')")
    info.load_app()
    info.load_wsgi_app()
    info.load_app()
    import shop

    assert shop.calls == [("x", 1)]


def test_load_app_from_a_file_in_a_package(tmp_path, write):
    write("site/pkg/__init__.py")
    write("site/pkg/web.py", APP_MODULE.format(name="web"))
    assert ScriptInfo("site/pkg/web.py:app").load_app().name == "web"


def test_load_app_from_a_package_directory(write):
    write(
        "pkg/__init__.py",
        "from cli_fakeapp import FakeApp\napplication = FakeApp('pkg')\n",
    )
    assert ScriptInfo("pkg").load_app().name == "pkg"


@pytest.mark.parametrize(
    ("files", "expected"),
    [(("wsgi.py", "app.py"), "wsgi"), (("app.py",), "app")],
)
def test_load_app_from_default_files(write, files, expected):
    for filename in files:
        write(filename, APP_MODULE.format(name=filename[:-3]))
    assert ScriptInfo().load_app().name == expected


def test_load_app_without_any_app(write):
    with pytest.raises(NoAppException) as info:
        ScriptInfo().load_app()
    assert info.value.message == NOT_FOUND


def test_load_app_from_create_app_callback():
    app = FakeApp("made")
    info = ScriptInfo(create_app=lambda: app)
    assert info.load_app() is app
    with pytest.raises(NoAppException) as error:
        ScriptInfo(create_app=lambda: None).load_app()
    assert error.value.message == NOT_FOUND


@pytest.mark.parametrize(("flag", "expected"), [("1", True), ("0", False), ("", False)])
def test_load_app_sets_debug_from_the_environment(write, monkeypatch, flag, expected):
    write("shop.py", APP_MODULE.format(name="shop"))
    monkeypatch.setenv("FLASK_DEBUG", flag)
    assert ScriptInfo("shop").load_app().debug is expected


def test_load_app_leaves_debug_alone_when_told(write, monkeypatch):
    write(
        "shop.py",
        "from cli_fakeapp import FakeApp\napp = FakeApp()\napp.debug = True\n",
    )
    monkeypatch.setenv("FLASK_DEBUG", "0")
    assert ScriptInfo("shop", set_debug_flag=False).load_app().debug is True


def test_plain_wsgi_callable_is_loaded_for_serving_only(write):
    write("shop.py", APP_MODULE.format(name="shop"))
    info = ScriptInfo("shop:wsgi")
    served = info.load_wsgi_app()
    import shop

    assert served is shop.wsgi
    with pytest.raises(NoAppException) as error:
        info.load_app()
    assert error.value.message == (
        "A valid Flask application was not obtained from 'shop:wsgi'. It is a"
        " plain WSGI application: only the 'run' command can serve it."
    )


def test_a_non_callable_is_neither_app_nor_wsgi(write):
    write("shop.py", "number = 3\n")
    with pytest.raises(NoAppException) as error:
        ScriptInfo("shop:number").load_wsgi_app()
    assert error.value.message == (
        "A valid Flask application was not obtained from 'shop:number'."
    )


def test_missing_module_is_a_clean_error():
    with pytest.raises(NoAppException) as error:
        ScriptInfo("nowhere:app").load_app()
    assert error.value.message == "Could not import 'nowhere'."


def test_load_dotenv_defaults_follow_flask_skip_dotenv(monkeypatch):
    assert ScriptInfo().load_dotenv_defaults is True
    assert ScriptInfo(load_dotenv_defaults=False).load_dotenv_defaults is False
    monkeypatch.setenv("FLASK_SKIP_DOTENV", "1")
    assert ScriptInfo().load_dotenv_defaults is False
