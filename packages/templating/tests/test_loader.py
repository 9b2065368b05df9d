from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from jinja2 import FileSystemLoader
from jinja2 import TemplateNotFound

from flaskish_templating import DispatchingJinjaLoader
from flaskish_templating import render_template

if TYPE_CHECKING:
    from conftest import FakeApp
    from conftest import FakeBlueprint
    from conftest import Writer


Put = Callable[[str, str, str], Path]


@pytest.fixture
def put(
    app: FakeApp, tmp_path: Path, make_blueprint: type[FakeBlueprint], write: Writer
) -> Put:
    """Register blueprints "first", "bare" (no templates) and "second"; return a
    function writing a template into the folder of "app", "first" or "second".
    """
    app.register(make_blueprint("first", tmp_path / "first"))
    app.register(make_blueprint("bare", tmp_path / "bare", template_folder=None))
    app.register(make_blueprint("second", tmp_path / "second"))

    def put_template(owner: str, name: str, source: str) -> Path:
        folder = tmp_path if owner == "app" else tmp_path / owner
        return write(folder / "templates", name, source)

    return put_template


def test_jinja_loader_of_scaffolds(
    app: FakeApp, tmp_path: Path, make_blueprint: type[FakeBlueprint]
) -> None:
    loader = app.jinja_loader
    assert isinstance(loader, FileSystemLoader)
    assert loader.searchpath == [os.path.join(str(tmp_path), "templates")]
    assert app.jinja_loader is loader
    assert make_blueprint("none", tmp_path, template_folder=None).jinja_loader is None


def test_environment_uses_dispatching_loader(app: FakeApp) -> None:
    loader = app.jinja_env.loader
    assert isinstance(loader, DispatchingJinjaLoader)
    assert loader.app is app


def test_app_wins_then_blueprints_in_registration_order(app: FakeApp, put: Put) -> None:
    put("app", "both.txt", "app")
    put("first", "both.txt", "first")
    put("first", "bps.txt", "first")
    put("second", "bps.txt", "second")
    put("second", "sub/only2.txt", "second only")
    with app.app_context():
        assert render_template("both.txt") == "app"
        assert render_template("bps.txt") == "first"
        assert render_template("sub/only2.txt") == "second only"


def test_app_without_template_folder(
    tmp_path: Path,
    write: Writer,
    make_app: type[FakeApp],
    make_blueprint: type[FakeBlueprint],
) -> None:
    app = make_app(tmp_path, template_folder=None)
    app.register(make_blueprint("bp", tmp_path / "bp"))
    write(tmp_path / "bp" / "templates", "x.txt", "from bp")
    with app.app_context():
        assert render_template("x.txt") == "from bp"


def test_list_templates_covers_all(app: FakeApp, put: Put) -> None:
    put("app", "a.html", "")
    put("app", "shared.html", "")
    put("first", "shared.html", "")
    put("second", "bp/b.html", "")
    assert sorted(app.jinja_env.list_templates()) == [
        "a.html",
        "bp/b.html",
        "shared.html",
    ]


def test_missing_template_names_it(app: FakeApp) -> None:
    with app.app_context(), pytest.raises(TemplateNotFound) as info:
        render_template("nope.html")
    assert info.value.name == "nope.html"
    assert str(info.value) == "nope.html"


EXPLAIN_HEAD = [
    "Locating template 'x.txt':",
    "    1: trying loader of application 'tests.fakeapp'",
    "       class: jinja2.loaders.FileSystemLoader",
    "       encoding: 'utf-8'",
    "       followlinks: False",
    "       searchpath:",
]


def _explained(
    app: FakeApp, caplog: pytest.LogCaptureFixture, blueprint: str | None = None
) -> list[str]:
    app.config["EXPLAIN_TEMPLATE_LOADING"] = True
    with caplog.at_level(logging.INFO, logger="tests.fakeapp"):
        with app.request_context("/", blueprint=blueprint):
            with contextlib.suppress(TemplateNotFound):
                render_template("x.txt")
    (record,) = caplog.records
    assert record.levelno == logging.INFO
    assert record.name == "tests.fakeapp"
    return record.getMessage().splitlines()


def test_explain_found_once(
    app: FakeApp, caplog: pytest.LogCaptureFixture, put: Put
) -> None:
    path = put("app", "x.txt", "app")
    root = app.root_path
    lines = _explained(app, caplog, blueprint="first")
    assert lines == [
        *EXPLAIN_HEAD,
        f"         - {os.path.join(root, 'templates')}",
        f"       -> found ({str(path)!r})",
        "    2: trying loader of blueprint 'first' (tests.first)",
        "       class: jinja2.loaders.FileSystemLoader",
        "       encoding: 'utf-8'",
        "       followlinks: False",
        "       searchpath:",
        f"         - {os.path.join(root, 'first', 'templates')}",
        "       -> no match",
        "    3: trying loader of blueprint 'second' (tests.second)",
        "       class: jinja2.loaders.FileSystemLoader",
        "       encoding: 'utf-8'",
        "       followlinks: False",
        "       searchpath:",
        f"         - {os.path.join(root, 'second', 'templates')}",
        "       -> no match",
    ]


def test_explain_multiple_matches_warns(
    app: FakeApp, caplog: pytest.LogCaptureFixture, put: Put
) -> None:
    put("app", "x.txt", "app")
    put("second", "x.txt", "second")
    lines = _explained(app, caplog, blueprint="second")
    assert lines[-4:] == [
        "Warning: multiple loaders returned a match for the template.",
        "  The template was looked up from an endpoint that belongs to the"
        " blueprint 'second'.",
        "  Maybe you did not place a template in the right folder?",
        "  See https://flaskish.dev/docs/blueprints/#templates",
    ]
    assert sum(line.startswith("       -> found") for line in lines) == 2
    # The first match is still the one rendered.
    with app.app_context():
        assert render_template("x.txt") == "app"


@pytest.mark.usefixtures("put")
def test_explain_not_found(app: FakeApp, caplog: pytest.LogCaptureFixture) -> None:
    lines = _explained(app, caplog)
    assert lines[-1] == "Error: the template could not be found."
    assert lines.count("       -> no match") == 3


def test_explain_not_found_without_loaders(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, make_app: type[FakeApp]
) -> None:
    app = make_app(tmp_path, template_folder=None)
    assert _explained(app, caplog, blueprint="bp") == [
        "Locating template 'x.txt':",
        "Error: the template could not be found.",
        "  The template was looked up from an endpoint that belongs to the"
        " blueprint 'bp'.",
        "  Maybe you did not place a template in the right folder?",
        "  See https://flaskish.dev/docs/blueprints/#templates",
    ]


def test_no_explanation_by_default(
    app: FakeApp, caplog: pytest.LogCaptureFixture, put: Put
) -> None:
    put("app", "x.txt", "app")
    with caplog.at_level(logging.DEBUG), app.app_context():
        assert render_template("x.txt") == "app"
    assert caplog.records == []
