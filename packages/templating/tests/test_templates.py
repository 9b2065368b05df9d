"""Templates: rendering from a folder without an application object."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from jinja2 import TemplateNotFound
from werkzeug.test import Client
from werkzeug.wrappers import Response

from flaskish_context import ContextMiddleware
from flaskish_context import g
from flaskish_templating import before_render_template
from flaskish_templating import template_rendered
from flaskish_templating import Templates


@pytest.fixture
def templates(tmp_path: Path) -> Templates:
    folder = tmp_path / "views"
    folder.mkdir()
    (folder / "hello.html").write_text("Hello {{ name|shout }} from {{ site }}!")
    (folder / "plain.txt").write_text("{{ markup }}")
    (folder / "who.html").write_text("{{ request.path }} {{ g.user }}")
    return Templates(folder)


def test_render_with_filters_and_context_processors(templates: Templates) -> None:
    @templates.template_filter
    def shout(value: str) -> str:
        return value.upper()

    @templates.context_processor
    def site() -> dict[str, Any]:
        return {"site": "tiny", "name": "overridden?"}

    assert templates.render_template("hello.html", name="<you>") == (
        "Hello &lt;YOU&gt; from tiny!"
    )
    assert templates.render_template("plain.txt", markup="<b>") == "<b>"
    assert templates.render_template_string("{{ '<i>' }}{{ 1 + 1 }}") == "&lt;i&gt;2"
    assert templates.render_template(["missing.html", "plain.txt"], markup="x") == "x"
    with pytest.raises(TemplateNotFound):
        templates.render_template("missing.html")


def test_async_context_processor_and_tests_and_globals(templates: Templates) -> None:
    @templates.context_processor
    async def later() -> dict[str, Any]:
        return {"n": 3}

    templates.add_template_test(lambda v: v % 2 == 1, "odd")
    templates.add_template_global(lambda: "G", "glob")
    assert templates.render_template_string("{{ n is odd }} {{ glob() }}") == "True G"


def test_signals_are_sent_with_the_templates_as_sender(templates: Templates) -> None:
    seen: list[tuple[str, Any, str, dict[str, Any]]] = []

    def before(sender: Any, template: Any, context: dict[str, Any]) -> None:
        seen.append(("before", sender, template.name, dict(context)))

    def after(sender: Any, template: Any, context: dict[str, Any]) -> None:
        seen.append(("after", sender, template.name, dict(context)))

    with (
        before_render_template.connected_to(before, templates),
        template_rendered.connected_to(after, templates),
    ):
        templates.render_template("plain.txt", markup="m")
        chunks = templates.stream_template("plain.txt", markup="s")
        assert [entry[0] for entry in seen] == ["before", "after", "before"]
        assert "".join(chunks) == "s"
    assert [(kind, sender, name) for kind, sender, name, _ in seen] == [
        ("before", templates, "plain.txt"),
        ("after", templates, "plain.txt"),
        ("before", templates, "plain.txt"),
        ("after", templates, "plain.txt"),
    ]
    assert seen[0][3]["markup"] == "m"


def test_inside_a_context_middleware_request(templates: Templates) -> None:
    def app(environ: Any, start_response: Any) -> Iterable[bytes]:
        g.user = "ann"
        body = templates.stream_template("who.html")
        return Response(body)(environ, start_response)

    response = Client(ContextMiddleware(app)).get("/here")
    assert response.get_data(as_text=True) == "/here ann"


def test_auto_reload_follows_debug(tmp_path: Path) -> None:
    assert Templates(tmp_path).jinja_env.auto_reload is False
    assert Templates(tmp_path, debug=True).jinja_env.auto_reload is True
    assert (
        Templates(tmp_path, debug=True, auto_reload=False).jinja_env.auto_reload
        is False
    )
