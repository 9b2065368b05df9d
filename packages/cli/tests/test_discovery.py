from __future__ import annotations

import sys
import types

import pytest
from cli_fakeapp import FakeApp

from flaskish_cli import find_app_by_string
from flaskish_cli import find_best_app
from flaskish_cli import is_app
from flaskish_cli import locate_app
from flaskish_cli import NoAppException
from flaskish_cli import prepare_import


def module(name: str = "mod", **attrs: object) -> types.ModuleType:
    mod = types.ModuleType(name)
    mod.__dict__.update(attrs)
    return mod


def test_is_app_duck_types_on_cli_wsgi_app_and_app_context():
    app = FakeApp()
    assert is_app(app)
    assert not is_app(FakeApp)  # the class itself is no app
    assert not is_app(lambda environ, start_response: [])
    assert not is_app(None)
    app.cli = object()  # type: ignore[assignment]
    assert not is_app(app)


def test_is_app_is_false_when_attribute_access_fails():
    class Exploding:
        def __getattr__(self, name: str) -> object:
            raise RuntimeError("unbound proxy")

    assert not is_app(Exploding())


@pytest.mark.parametrize("attr", ["app", "application"])
def test_find_best_app_prefers_conventional_names(attr):
    chosen, other = FakeApp("chosen"), FakeApp("other")
    assert find_best_app(module(**{attr: chosen, "other": other})) is chosen


def test_find_best_app_takes_the_single_instance_under_any_name():
    only = FakeApp()
    assert find_best_app(module(my_app=only, number=3)) is only


def test_find_best_app_rejects_several_instances():
    with pytest.raises(NoAppException) as info:
        find_best_app(module("shop", one=FakeApp(), two=FakeApp()))
    assert info.value.message == (
        "Detected multiple Flask applications in module 'shop'."
        " Use 'shop:name' to specify the correct one."
    )


@pytest.mark.parametrize("factory_name", ["create_app", "make_app"])
def test_find_best_app_calls_factories_without_arguments(factory_name):
    made = FakeApp()
    assert find_best_app(module(**{factory_name: lambda: made})) is made


def test_find_best_app_reports_a_factory_that_needs_arguments():
    def create_app(config):
        return FakeApp()

    with pytest.raises(NoAppException) as info:
        find_best_app(module("shop", create_app=create_app))
    assert info.value.message == (
        "Detected factory 'create_app' in module 'shop', but could not call"
        " it without arguments. Use 'shop:create_app(args)' to specify"
        " arguments."
    )


def test_find_best_app_lets_a_type_error_from_inside_the_factory_through():
    def create_app():
        raise TypeError("broken factory")

    with pytest.raises(TypeError, match="broken factory"):
        find_best_app(module(create_app=create_app))


def test_find_best_app_without_app_or_factory():
    expected = (
        "Failed to find Flask application or factory in module 'shop'."
        " Use 'shop:name' to specify one."
    )
    with pytest.raises(NoAppException) as info:
        find_best_app(module("shop", app="not an app", create_app=lambda: None))
    assert info.value.message == expected


def test_find_app_by_string_name_and_factories():
    app = FakeApp()
    seen = []

    def factory(*args, **kwargs):
        seen.append((args, kwargs))
        return app

    mod = module("shop", app=app, factory=factory)
    assert find_app_by_string(mod, "app") is app
    assert find_app_by_string(mod, "factory()") is app
    assert find_app_by_string(mod, " factory('dev', 2, flag=True, items=[1, None]) ")
    assert seen == [((), {}), (("dev", 2), {"flag": True, "items": [1, None]})]


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        (
            "app name",
            "Failed to parse 'app name' as an attribute name or function call.",
        ),
        (
            "app.attr",
            "Failed to parse 'app.attr' as an attribute name or function call.",
        ),
        ("a.factory()", "Function reference must be a simple name: 'a.factory()'."),
        ("factory(x)", "Failed to parse arguments as literal values: 'factory(x)'."),
        ("missing", "Failed to find attribute 'missing' in 'shop'."),
        (
            "factory(1, 2)",
            "The factory 'factory(1, 2)' in module 'shop' could not be called with the specified arguments.",
        ),
        ("number", "A valid Flask application was not obtained from 'shop:number'."),
        (
            "factory()",
            "A valid Flask application was not obtained from 'shop:factory()'.",
        ),
    ],
)
def test_find_app_by_string_failures(expression, message):
    def factory():
        return "not an app"

    with pytest.raises(NoAppException) as info:
        find_app_by_string(module("shop", factory=factory, number=1), expression)
    assert info.value.message == message


def test_prepare_import_of_a_file_path(tmp_path, write):
    write("project/hello.py")
    assert prepare_import("project/hello.py") == "hello"
    assert sys.path[0] == str(tmp_path / "project")


def test_prepare_import_of_packages(tmp_path, write):
    write("src/pkg/__init__.py")
    write("src/pkg/sub/__init__.py")
    write("src/pkg/sub/views.py")
    assert prepare_import("src/pkg/sub/views.py") == "pkg.sub.views"
    assert sys.path[0] == str(tmp_path / "src")
    assert prepare_import("src/pkg/__init__.py") == "pkg"
    assert prepare_import("src/pkg/sub") == "pkg.sub"
    assert sys.path.count(str(tmp_path / "src")) == 1


def test_prepare_import_of_a_module_name(tmp_path):
    assert prepare_import("hello") == "hello"
    assert sys.path[0] == str(tmp_path)


@pytest.fixture
def importable_cwd(tmp_path):
    sys.path.insert(0, str(tmp_path))


@pytest.mark.usefixtures("importable_cwd")
def test_locate_app_imports_and_searches(write):
    write("shop.py", "from cli_fakeapp import FakeApp\napp = FakeApp('shop')\n")
    assert locate_app("shop", None).name == "shop"
    assert locate_app("shop", "app").name == "shop"


def test_locate_app_of_a_missing_module():
    with pytest.raises(NoAppException) as info:
        locate_app("no_such_module", None)
    assert info.value.message == "Could not import 'no_such_module'."
    assert locate_app("no_such_module", None, raise_if_not_found=False) is None
    with pytest.raises(NoAppException) as info:
        locate_app("no_such.sub", None)
    assert info.value.message == "Could not import 'no_such.sub'."


@pytest.mark.parametrize(
    "body",
    ["import no_such_dependency\n", "raise ImportError('inner problem')\n"],
)
@pytest.mark.usefixtures("importable_cwd")
def test_locate_app_shows_import_errors_from_inside_the_module(write, body):
    write("broken.py", body)
    with pytest.raises(NoAppException) as info:
        locate_app("broken", None, raise_if_not_found=False)
    message = info.value.message
    assert message.startswith(
        "While importing 'broken', an ImportError was raised:\n\nTraceback"
    )
    assert 'broken.py", line 1' in message


@pytest.mark.usefixtures("importable_cwd")
def test_locate_app_lets_other_errors_from_the_module_through(write):
    write("crashing.py", "raise RuntimeError('app code failed')\n")
    with pytest.raises(RuntimeError, match="app code failed"):
        locate_app("crashing", None)
