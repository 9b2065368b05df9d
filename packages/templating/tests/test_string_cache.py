from __future__ import annotations

from pathlib import Path
from typing import Any
from typing import TYPE_CHECKING

from jinja2 import Template

from flaskish_templating import DEFAULT_STRING_CACHE_SIZE
from flaskish_templating import Environment
from flaskish_templating import render_template_string
from flaskish_templating import template_rendered

if TYPE_CHECKING:
    from conftest import FakeApp


def _rendered_templates(
    app: FakeApp, *calls: tuple[str, dict[str, Any]]
) -> list[Template]:
    seen: list[Template] = []

    def record(sender: Any, template: Template, context: dict[str, Any]) -> None:
        seen.append(template)

    with template_rendered.connected_to(record), app.app_context():
        for source, context in calls:
            render_template_string(source, **context)
    return seen


def test_identical_source_compiled_once(app: FakeApp) -> None:
    first, second, other = _rendered_templates(
        app, ("{{ v }}", {"v": 1}), ("{{ v }}", {"v": 2}), ("{{ v }}!", {"v": 3})
    )
    assert first is second
    assert other is not first
    assert app.jinja_env.string_cache.get("{{ v }}") is first


def test_different_sources_render_correctly(app: FakeApp) -> None:
    with app.app_context():
        outputs = [render_template_string(f"{{{{ v }}}}-{i}", v=i) for i in range(5)]
        again = [render_template_string(f"{{{{ v }}}}-{i}", v=i * 2) for i in range(5)]
    assert outputs == [f"{i}-{i}" for i in range(5)]
    assert again == [f"{i * 2}-{i}" for i in range(5)]


def test_default_bound() -> None:
    assert DEFAULT_STRING_CACHE_SIZE == 128
    assert Environment.string_cache_size == 128


def test_bound_evicts_least_recently_used(app: FakeApp) -> None:
    class SmallCache(Environment):
        string_cache_size = 2

    app.jinja_environment = SmallCache  # type: ignore[misc]
    a1, b1, a2, c1, a3, b2 = _rendered_templates(
        app, ("a", {}), ("b", {}), ("a", {}), ("c", {}), ("a", {}), ("b", {})
    )
    cache = app.jinja_env.string_cache
    assert a2 is a1  # a hit, which makes "b" the least recently used
    assert a3 is a1  # "c" evicted "b", not "a"
    assert b2 is not b1  # "b" compiled again, evicting "c"
    assert len(cache) == 2
    assert "c" not in cache
    assert "a" in cache
    assert "b" in cache
    assert c1.render() == "c"
    assert b2.render() == "b"


def test_zero_disables_cache(app: FakeApp) -> None:
    class NoCache(Environment):
        string_cache_size = 0

    app.jinja_environment = NoCache  # type: ignore[misc]
    first, second = _rendered_templates(app, ("x", {}), ("x", {}))
    assert first is not second
    assert len(app.jinja_env.string_cache) == 0


def test_new_environment_gets_new_cache(app: FakeApp) -> None:
    (old,) = _rendered_templates(app, ("{{ v }}", {"v": "<"}))
    del app.jinja_env
    app.jinja_options = {"autoescape": False}
    (new,) = _rendered_templates(app, ("{{ v }}", {"v": "<"}))
    assert new is not old
    assert new.render(v="<") == "<"
    assert old.render(v="<") == "&lt;"


def test_overlay_has_its_own_cache(app: FakeApp) -> None:
    env = app.jinja_env
    escaped = env.from_string_cached("{{ v }}")
    overlay = env.overlay(autoescape=False)
    assert isinstance(overlay, Environment)
    raw = overlay.from_string_cached("{{ v }}")
    assert raw is not escaped
    assert raw.render(v="<") == "<"
    assert escaped.render(v="<") == "&lt;"
    assert env.from_string_cached("{{ v }}") is escaped
    assert overlay.string_cache is not env.string_cache


def test_cache_clear(app: FakeApp) -> None:
    cache = app.jinja_env.string_cache
    template = cache.get("x")
    assert "x" in cache
    cache.clear()
    assert "x" not in cache
    assert cache.get("x") is not template


def test_named_templates_unaffected(app: FakeApp, tmp_path: Path) -> None:
    (tmp_path / "templates" / "t.txt").write_text("file")
    with app.app_context():
        assert render_template_string("t.txt") == "t.txt"
    assert "t.txt" in app.jinja_env.string_cache
