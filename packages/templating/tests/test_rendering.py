from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from typing import TYPE_CHECKING

import pytest
from jinja2 import Template
from jinja2 import TemplateNotFound
from jinja2 import TemplatesNotFound
from jinja2 import TemplateSyntaxError

from flaskish_templating import before_render_template
from flaskish_templating import get_template_attribute
from flaskish_templating import render_template
from flaskish_templating import render_template_string
from flaskish_templating import stream_template
from flaskish_templating import stream_template_string
from flaskish_templating import template_rendered

if TYPE_CHECKING:
    from conftest import FakeApp
    from conftest import Writer


Event = tuple[str, Any, Template, dict[str, Any]]


@pytest.fixture
def events() -> Iterator[list[Event]]:
    recorded: list[Event] = []

    def before(sender: Any, template: Template, context: dict[str, Any]) -> None:
        recorded.append(("before", sender, template, dict(context)))

    def after(sender: Any, template: Template, context: dict[str, Any]) -> None:
        recorded.append(("rendered", sender, template, dict(context)))

    with (
        before_render_template.connected_to(before),
        template_rendered.connected_to(after),
    ):
        yield recorded


def test_render_in_app_context(app: FakeApp, templates: Path, write: Writer) -> None:
    write(templates, "hello.html", "Hello {{ name }}!")
    with app.app_context():
        assert render_template("hello.html", name="<you>") == "Hello &lt;you&gt;!"


def test_render_first_existing_of_list(
    app: FakeApp, templates: Path, write: Writer
) -> None:
    write(templates, "b.txt", "b")
    with app.app_context():
        assert render_template(["a.txt", "b.txt"]) == "b"
        with pytest.raises(TemplatesNotFound) as info:
            render_template(["x.txt", "y.txt"])
    assert info.value.templates == ["x.txt", "y.txt"]


def test_render_template_object(app: FakeApp) -> None:
    with app.app_context():
        template = app.jinja_env.from_string("{{ 1 + n }}")
        assert render_template(template, n=1) == "2"


def test_render_in_request(app: FakeApp, templates: Path, write: Writer) -> None:
    write(templates, "path.txt", "{{ request.path }}|{{ request.args.a }}")
    with app.request_context("/p?a=b"):
        assert render_template("path.txt") == "/p|b"


def test_outside_app_context(app: FakeApp) -> None:
    for call in (
        lambda: render_template("x.txt"),
        lambda: render_template_string("x"),
        lambda: stream_template("x.txt"),
        lambda: stream_template_string("x"),
        lambda: get_template_attribute("x.txt", "y"),
    ):
        with pytest.raises(
            RuntimeError, match=r"^Working outside of application context\."
        ):
            call()


def test_signals_order_and_arguments(
    app: FakeApp, templates: Path, events: list[Event], write: Writer
) -> None:
    write(templates, "sig.txt", "{{ a }}{{ b }}")
    app.context_processor(lambda: {"b": "P"})
    with app.app_context() as ctx:
        assert render_template("sig.txt", a="A") == "AP"
    template = app.jinja_env.get_template("sig.txt")
    assert [e[0] for e in events] == ["before", "rendered"]
    for _name, sender, sent_template, context in events:
        assert sender is app
        assert sent_template is template
        assert context == {"a": "A", "b": "P", "g": ctx.g}


def test_before_render_can_change_context(app: FakeApp) -> None:
    def tweak(sender: Any, template: Template, context: dict[str, Any]) -> None:
        context["x"] = "changed"

    with before_render_template.connected_to(tweak), app.app_context():
        assert render_template_string("{{ x }}", x="given") == "changed"


def test_string_signals(app: FakeApp, events: list[Event]) -> None:
    with app.app_context():
        assert render_template_string("{{ v }}", v=1) == "1"
    assert [e[0] for e in events] == ["before", "rendered"]
    assert events[0][2] is events[1][2]
    assert events[0][3]["v"] == 1


def test_stream_outside_request(
    app: FakeApp, templates: Path, events: list[Event], write: Writer
) -> None:
    write(templates, "s.txt", "{% for i in items %}{{ i }},{% endfor %}")
    with app.app_context():
        stream = stream_template("s.txt", items=[1, 2, 3])
        assert [e[0] for e in events] == ["before"]
        chunks = list(stream)
    assert "".join(chunks) == "1,2,3,"
    assert len(chunks) > 1
    assert [e[0] for e in events] == ["before", "rendered"]
    assert events[1][1] is app


def test_stream_string_outside_request(app: FakeApp, events: list[Event]) -> None:
    with app.app_context():
        stream = stream_template_string("<{{ v }}>", v="&")
        assert "".join(stream) == "<&amp;>"
    assert [e[0] for e in events] == ["before", "rendered"]


def test_stream_keeps_request_alive(
    app: FakeApp, templates: Path, write: Writer
) -> None:
    write(templates, "r.txt", "{{ request.path }} {{ request.args.q }}")
    with app.request_context("/streamed?q=1"):
        stream = stream_template("r.txt")
        string_stream = stream_template_string("{{ request.path }}!")
    # The request context was popped; the streams pushed it back for themselves.
    assert "".join(stream) == "/streamed 1"
    assert "".join(string_stream) == "/streamed!"


def test_stream_not_consumed_sends_no_rendered(
    app: FakeApp, events: list[Event]
) -> None:
    with app.app_context():
        stream = stream_template_string("a{% for i in [1, 2] %}{{ i }}{% endfor %}")
        assert next(iter(stream)) == "a"
    assert [e[0] for e in events] == ["before"]


def test_missing_template(app: FakeApp) -> None:
    with app.app_context():
        with pytest.raises(TemplateNotFound) as info:
            render_template("missing/page.html")
        assert info.value.name == "missing/page.html"
        with pytest.raises(TemplateNotFound, match=r"^gone\.txt$"):
            stream_template("gone.txt")


def test_syntax_error_keeps_file_and_line(
    app: FakeApp, templates: Path, write: Writer
) -> None:
    path = write(templates, "broken.html", "line one\n{{ ok }}\n{% if %}\nend\n")
    with app.app_context(), pytest.raises(TemplateSyntaxError) as info:
        render_template("broken.html")
    assert info.value.lineno == 3
    assert info.value.name == "broken.html"
    assert info.value.filename == str(path)
    # The traceback shows the template's own file and line.
    last = info.traceback[-1]
    assert (str(last.path), last.lineno + 1) == (str(path), 3)


def test_string_syntax_error_line(app: FakeApp) -> None:
    with app.app_context(), pytest.raises(TemplateSyntaxError) as info:
        render_template_string("a\nb\n{{ x + }}")
    assert info.value.lineno == 3
    assert info.value.filename is None


def test_runtime_error_traceback_points_at_template(
    app: FakeApp, templates: Path, write: Writer
) -> None:
    path = write(templates, "boom.txt", "ok\n{{ 1 // zero }}\n")
    with app.app_context(), pytest.raises(ZeroDivisionError) as info:
        render_template("boom.txt", zero=0)
    frames = [(e.path, e.lineno) for e in info.traceback]
    assert (Path(str(path)), 2) in [(Path(str(p)), n + 1) for p, n in frames]


def test_get_template_attribute(app: FakeApp, templates: Path, write: Writer) -> None:
    write(
        templates,
        "_macros.html",
        "{% macro hello(name) %}Hello {{ name }}!{% endmacro %}{% set answer = 42 %}",
    )
    with app.app_context():
        hello = get_template_attribute("_macros.html", "hello")
        assert str(hello("<World>")) == "Hello &lt;World&gt;!"
        assert get_template_attribute("_macros.html", "answer") == 42
        with pytest.raises(AttributeError):
            get_template_attribute("_macros.html", "nothing")
        with pytest.raises(TemplateNotFound, match=r"^nope\.html$"):
            get_template_attribute("nope.html", "hello")
