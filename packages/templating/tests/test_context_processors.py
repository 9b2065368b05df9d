from __future__ import annotations

from typing import Any
from typing import TYPE_CHECKING

from flaskish_context import g
from flaskish_templating import _default_template_ctx_processor
from flaskish_templating import render_template_string

if TYPE_CHECKING:
    from conftest import FakeApp


def _recorder(calls: list[str], name: str, **values: Any) -> Any:
    def processor() -> dict[str, Any]:
        calls.append(name)
        return {"who": name, **values}

    processor.__name__ = name
    return processor


def test_app_processors_in_order_and_given_values_win(app: FakeApp) -> None:
    calls: list[str] = []
    app.context_processor(_recorder(calls, "first", a=1, b=1))
    app.context_processor(_recorder(calls, "second", b=2, c=2))
    with app.app_context():
        out = render_template_string("{{ who }} {{ a }} {{ b }} {{ c }}", c="given")
    assert calls == ["first", "second"]
    assert out == "second 1 2 given"


def test_update_template_context_keeps_given_values(app: FakeApp) -> None:
    app.context_processor(lambda: {"x": "processor", "y": "processor"})
    context: dict[str, Any] = {"x": "given"}
    with app.app_context():
        app.update_template_context(context)
    assert context["x"] == "given"
    assert context["y"] == "processor"


def test_processors_go_through_ensure_sync(app: FakeApp) -> None:
    calls: list[str] = []
    proc = app.context_processor(_recorder(calls, "p"))
    with app.app_context():
        render_template_string("x")
    assert app.ensure_sync_calls == [_default_template_ctx_processor, proc]


def test_blueprint_processors_only_for_their_requests(app: FakeApp) -> None:
    calls: list[str] = []
    app.context_processor(_recorder(calls, "app"))
    app.context_processor(_recorder(calls, "admin"), blueprint="admin")
    app.context_processor(_recorder(calls, "shop"), blueprint="shop")

    with app.request_context("/admin/", blueprint="admin"):
        assert render_template_string("{{ who }}") == "admin"
    assert calls == ["app", "admin"]

    calls.clear()
    with app.request_context("/"):
        assert render_template_string("{{ who }}") == "app"
    assert calls == ["app"]

    calls.clear()
    with app.app_context():
        assert render_template_string("{{ who }}") == "app"
    assert calls == ["app"]


def test_nested_blueprints_outer_first(app: FakeApp) -> None:
    calls: list[str] = []
    app.context_processor(_recorder(calls, "inner"), blueprint="outer.inner")
    app.context_processor(_recorder(calls, "app"))
    app.context_processor(_recorder(calls, "outer"), blueprint="outer")
    app.context_processor(_recorder(calls, "other"), blueprint="other")
    with app.request_context("/o/i/", blueprint="outer.inner"):
        assert render_template_string("{{ who }}") == "inner"
    assert calls == ["app", "outer", "inner"]


def test_registry_mutated_directly_is_seen(app: FakeApp) -> None:
    with app.app_context():
        assert render_template_string("{{ late|default('none') }}") == "none"
        app.template_context_processors.setdefault(None, []).append(
            lambda: {"late": "yes"}
        )
        assert render_template_string("{{ late|default('none') }}") == "yes"


def test_default_processor_outside_contexts() -> None:
    assert _default_template_ctx_processor() == {}


def test_default_processor_in_app_context(app: FakeApp) -> None:
    with app.app_context() as ctx:
        assert _default_template_ctx_processor() == {"g": ctx.g}
        ctx.g.name = "from g"
        assert render_template_string("{{ g.name }}") == "from g"


def test_default_processor_in_request(app: FakeApp) -> None:
    with app.request_context("/here?q=1") as ctx:
        values = _default_template_ctx_processor()
        assert values["request"] is ctx.request
        assert values["g"] is g._get_current_object()
        assert "session" not in values
        assert render_template_string("{{ request.path }} {{ request.args.q }}") == (
            "/here 1"
        )


def test_session_opened_only_when_template_uses_it(app: FakeApp) -> None:
    with app.request_context("/"):
        render_template_string("{{ request.path }}")
        assert app.sessions_opened == 0
        assert render_template_string("{{ session.get('user', 'anon') }}") == "anon"
        assert app.sessions_opened == 1
