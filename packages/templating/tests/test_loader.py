from __future__ import annotations

import contextlib
import logging
import os
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


@pytest.fixture
def blueprints(
    app: FakeApp, tmp_path: Path, make_blueprint: type[FakeBlueprint]
) -> tuple[FakeBlueprint, FakeBlueprint]:
    first = app.register(make_blueprint("first", tmp_path / "first"))
    app.register(make_blueprint("bare", tmp_path / "bare", template_folder=None))
    second = app.register(make_blueprint("second", tmp_path / "second"))
    return first, second


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


def test_app_wins_then_blueprints_in_registration_order(
    app: FakeApp,
    templates: Path,
    tmp_path: Path,
    blueprints: tuple[FakeBlueprint, FakeBlueprint],
    write: Writer,
) -> None:
    write(templates, "both.txt", "app")
    write(tmp_path / "first" / "templates", "both.txt", "first")
    write(tmp_path / "first" / "templates", "bps.txt", "first")
    write(tmp_path / "second" / "templates", "bps.txt", "second")
    write(tmp_path / "second" / "templates", "sub/only2.txt", "second only")
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


def test_list_templates_covers_all(
    app: FakeApp,
    templates: Path,
    tmp_path: Path,
    blueprints: tuple[FakeBlueprint, FakeBlueprint],
    write: Writer,
) -> None:
    write(templates, "a.html", "")
    write(templates, "shared.html", "")
    write(tmp_path / "first" / "templates", "shared.html", "")
    write(tmp_path / "second" / "templates", "bp/b.html", "")
    assert sorted(app.jinja_env.list_templates()) == [
        "a.html",
        "bp/b.html",
        "shared.html",
    ]


def test_missing_template_names_it(
    app: FakeApp, blueprints: tuple[FakeBlueprint, FakeBlueprint]
) -> None:
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
    app: FakeApp,
    templates: Path,
    caplog: pytest.LogCaptureFixture,
    blueprints: tuple[FakeBlueprint, FakeBlueprint],
    write: Writer,
) -> None:
    path = write(templates, "x.txt", "app")
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
    app: FakeApp,
    templates: Path,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    blueprints: tuple[FakeBlueprint, FakeBlueprint],
    write: Writer,
) -> None:
    write(templates, "x.txt", "app")
    write(tmp_path / "second" / "templates", "x.txt", "second")
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


def test_explain_not_found(
    app: FakeApp,
    caplog: pytest.LogCaptureFixture,
    blueprints: tuple[FakeBlueprint, FakeBlueprint],
) -> None:
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
    app: FakeApp, templates: Path, caplog: pytest.LogCaptureFixture, write: Writer
) -> None:
    write(templates, "x.txt", "app")
    with caplog.at_level(logging.DEBUG), app.app_context():
        assert render_template("x.txt") == "app"
    assert caplog.records == []
