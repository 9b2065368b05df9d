from __future__ import annotations

from collections.abc import Callable
from typing import Any
from typing import TYPE_CHECKING

import pytest

from flaskish_templating import render_template_string

if TYPE_CHECKING:
    from conftest import FakeApp

KINDS = ["filter", "test", "global"]
REGISTRY = {"filter": "filters", "test": "tests", "global": "globals"}


def _registry(app: FakeApp, kind: str) -> dict[str, Any]:
    return getattr(app.jinja_env, REGISTRY[kind])  # type: ignore[no-any-return]


def _func(name: str) -> Callable[..., Any]:
    def f(*args: Any) -> str:
        return name

    f.__name__ = name
    return f


@pytest.mark.parametrize("kind", KINDS)
def test_decorator_forms(app: FakeApp, kind: str) -> None:
    decorator = getattr(app, f"template_{kind}")
    bare, called, named = _func("bare"), _func("called"), _func("named")
    assert decorator(bare) is bare
    assert decorator()(called) is called
    assert decorator("other_name")(named) is named
    assert decorator(name="kw_name")(named) is named
    registry = _registry(app, kind)
    assert registry["bare"] is bare
    assert registry["called"] is called
    assert registry["other_name"] is named
    assert registry["kw_name"] is named
    assert "named" not in registry


@pytest.mark.parametrize("kind", KINDS)
def test_add_forms(app: FakeApp, kind: str) -> None:
    add = getattr(app, f"add_template_{kind}")
    func = _func("func")
    assert add(func) is None
    add(func, "alias")
    add(lambda: 1, name="by_keyword")
    add(lambda: 2)
    registry = _registry(app, kind)
    assert registry["func"] is func
    assert registry["alias"] is func
    assert registry["by_keyword"]() == 1
    assert registry["<lambda>"]() == 2


def test_registered_functions_work_in_templates(app: FakeApp) -> None:
    @app.template_filter
    def shout(s: str) -> str:
        return s.upper()

    @app.template_filter("twice")
    def double(s: str) -> str:
        return s * 2

    @app.template_test
    def even(n: int) -> bool:
        return n % 2 == 0

    @app.template_test("tiny")
    def is_tiny(n: int) -> bool:
        return n < 2

    @app.template_global()
    def answer() -> int:
        return 42

    app.add_template_global(lambda a, b: a + b, "add")

    with app.app_context():
        out = render_template_string(
            "{{ 'ab'|shout|twice }} {{ 4 is even }} {{ 3 is tiny }}"
            " {{ answer() }} {{ add(1, 2) }}"
        )
    assert out == "ABAB True False 42 3"


def test_registration_after_environment_exists(app: FakeApp) -> None:
    with app.app_context():
        assert render_template_string("{{ 'x' is defined }}") == "True"
        app.add_template_filter(str.title, "title_case")
        assert render_template_string("{{ 'ab cd'|title_case }}") == "Ab Cd"


@pytest.mark.parametrize("kind", KINDS)
def test_setup_finished_check_runs_first(
    app: FakeApp, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def check(method: str) -> None:
        raise AssertionError(f"The setup method {method!r} can no longer be called")

    monkeypatch.setattr(app, "_check_setup_finished", check, raising=False)
    with pytest.raises(AssertionError, match=f"^The setup method 'template_{kind}'"):
        getattr(app, f"template_{kind}")()
    with pytest.raises(
        AssertionError, match=f"^The setup method 'add_template_{kind}'"
    ):
        getattr(app, f"add_template_{kind}")(_func("late"))
    assert "late" not in _registry(app, kind)
