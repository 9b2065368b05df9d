from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip(
    "flaskish_templating", reason="the templating extra is not installed"
)

from jinja2 import FileSystemLoader

from flaskish_blueprints import Blueprint


def _blueprint(root: Path, name: str = "bp") -> Blueprint:
    folder = root / name / "templates"
    folder.mkdir(parents=True)
    (folder / "shared.txt").write_text(f"from {name}")
    (folder / f"{name}_only.txt").write_text(f"only in {name}")
    return Blueprint(
        name, __name__, root_path=str(root / name), template_folder="templates"
    )


def test_jinja_loader_points_at_the_template_folder(tmp_path: Path) -> None:
    bp = _blueprint(tmp_path)
    loader = bp.jinja_loader
    assert isinstance(loader, FileSystemLoader)
    assert loader.searchpath == [str(tmp_path / "bp" / "templates")]
    assert Blueprint("plain", __name__).jinja_loader is None


def test_blueprint_templates_are_searched_after_the_apps(
    template_app: Any, tmp_path: Path
) -> None:
    first = _blueprint(tmp_path, "first")
    second = _blueprint(tmp_path, "second")
    template_app.register_blueprint(first)
    template_app.register_blueprint(second)
    env = template_app.jinja_env
    assert env.get_template("shared.txt").render() == "from the app"
    assert env.get_template("first_only.txt").render() == "only in first"
    assert env.get_template("second_only.txt").render() == "only in second"


def test_first_registered_blueprint_wins(template_app: Any, tmp_path: Path) -> None:
    first = _blueprint(tmp_path, "first")
    second = _blueprint(tmp_path, "second")
    (tmp_path / "second" / "templates" / "first_only.txt").write_text("shadowed")
    template_app.register_blueprint(first)
    template_app.register_blueprint(second)
    assert template_app.jinja_env.get_template("first_only.txt").render() == (
        "only in first"
    )


def test_app_template_filters_tests_and_globals(template_app: Any) -> None:
    bp = Blueprint("bp", __name__)

    @bp.app_template_filter()
    def shout(value: str) -> str:
        return value.upper()

    @bp.app_template_filter("rev")
    def reverse(value: str) -> str:
        return value[::-1]

    @bp.app_template_test
    def short(value: str) -> bool:
        return len(value) < 3

    @bp.app_template_global("answer")
    def the_answer() -> int:
        return 42

    bp.add_app_template_filter(str.strip)
    bp.add_app_template_test(str.isdigit, name="digits")
    bp.add_app_template_global(len, name="size")
    assert "shout" not in template_app.jinja_env.filters

    template_app.register_blueprint(bp)
    env = template_app.jinja_env
    assert env.filters["shout"] is shout
    assert env.filters["rev"] is reverse
    assert env.filters["strip"] is str.strip
    assert env.tests["short"] is short
    assert env.tests["digits"] is str.isdigit
    assert env.globals["answer"] is the_answer
    assert env.globals["size"] is len
    source = (
        "{{ 'ab'|shout|rev }} {{ 'ab' is short }} {{ '12' is digits }} {{ answer() }}"
    )
    assert env.from_string(source).render() == "BA True True 42"


def test_app_context_processor_reaches_the_app(template_app: Any) -> None:
    bp = Blueprint("bp", __name__)

    @bp.app_context_processor
    def inject() -> dict[str, Any]:
        return {"user": "ann"}

    template_app.register_blueprint(bp)
    assert template_app.template_context_processors[None][-1] is inject
    assert template_app.template_context_processors.get("bp", []) == []
