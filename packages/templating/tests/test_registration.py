from __future__ import annotations

from typing import Any
from typing import TYPE_CHECKING

from flaskish_templating import render_template_string

if TYPE_CHECKING:
    from conftest import FakeApp


def test_filter_forms(app: FakeApp) -> None:
    @app.template_filter
    def shout(s: str) -> str:
        return s.upper()

    @app.template_filter()
    def rev(s: str) -> str:
        return s[::-1]

    @app.template_filter("twice")
    def double(s: str) -> str:
        return s * 2

    def strip_x(s: str) -> str:
        return s.replace("X", "")

    app.add_template_filter(strip_x)
    app.add_template_filter(strip_x, "nox")

    filters = app.jinja_env.filters
    assert filters["shout"] is shout
    assert filters["rev"] is rev
    assert filters["twice"] is double
    assert "double" not in filters
    assert filters["strip_x"] is strip_x
    assert filters["nox"] is strip_x
    assert callable(shout)
    assert shout("a") == "A"
    with app.app_context():
        assert render_template_string("{{ 'abx'|shout|rev|twice|nox }}") == "BABA"


def test_test_forms(app: FakeApp) -> None:
    @app.template_test
    def even(n: int) -> bool:
        return n % 2 == 0

    @app.template_test()
    def big(n: int) -> bool:
        return n > 10

    @app.template_test("tiny")
    def is_tiny(n: int) -> bool:
        return n < 2

    def positive(n: int) -> bool:
        return n > 0

    app.add_template_test(positive)
    app.add_template_test(positive, name="plus")

    tests = app.jinja_env.tests
    assert tests["even"] is even
    assert tests["big"] is big
    assert tests["tiny"] is is_tiny
    assert "is_tiny" not in tests
    assert tests["positive"] is positive
    assert tests["plus"] is positive
    with app.app_context():
        source = (
            "{{ 4 is even }} {{ 11 is big }} {{ 1 is tiny }}"
            " {{ -1 is positive }} {{ 3 is plus }}"
        )
        assert render_template_string(source) == "True True True False True"


def test_global_forms(app: FakeApp) -> None:
    @app.template_global
    def answer() -> int:
        return 42

    @app.template_global()
    def greet(name: str) -> str:
        return f"hi {name}"

    @app.template_global("add")
    def plus(a: int, b: int) -> int:
        return a + b

    def pi() -> float:
        return 3.5

    app.add_template_global(pi)
    app.add_template_global(pi, "tau")

    env_globals: dict[str, Any] = app.jinja_env.globals
    assert env_globals["answer"] is answer
    assert env_globals["greet"] is greet
    assert env_globals["add"] is plus
    assert "plus" not in env_globals
    assert env_globals["pi"] is pi
    assert env_globals["tau"] is pi
    with app.app_context():
        assert (
            render_template_string(
                "{{ answer() }} {{ greet('x') }} {{ add(1, 2) }} {{ tau() }}"
            )
            == "42 hi x 3 3.5"
        )


def test_lambda_needs_a_name(app: FakeApp) -> None:
    app.add_template_filter(lambda s: s + "!", "bang")
    app.add_template_filter(lambda s: s + "?")
    assert "bang" in app.jinja_env.filters
    assert "<lambda>" in app.jinja_env.filters
