"""``url_for`` on generated endpoints and values."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from .harness import build
from .harness import outcome
from .harness import same


def _routes(app: Any, framework: Any) -> None:
    def view(**kwargs: Any) -> str:
        return ""

    app.add_url_rule("/", "index", view)
    app.add_url_rule("/page/<int:n>", "page", view, methods=["GET", "POST"])
    app.add_url_rule("/user/<name>/", "user", view)
    app.add_url_rule("/files/<path:rest>", "files", view)
    app.add_url_rule("/opt/", "opt", view, defaults={"n": 1})
    app.add_url_rule("/opt/<int:n>", "opt", view)
    app.add_url_rule("/put-only", "put_only", view, methods=["PUT"])
    app.add_url_rule("/sub", "sub", view, subdomain="api")

    blueprint = framework.Blueprint("bp", __name__, url_prefix="/bp")
    blueprint.add_url_rule("/", "home", view)
    blueprint.add_url_rule("/<float:x>", "num", view)
    app.register_blueprint(blueprint)


_APPS = build(_routes, SERVER_NAME="example.test")

_endpoints = st.sampled_from(
    [
        "index",
        "page",
        "user",
        "files",
        "opt",
        "put_only",
        "sub",
        "bp.home",
        ".home",
        "bp.num",
        "static",
        "missing",
        "",
    ]
)
_values = st.one_of(
    st.integers(min_value=-5, max_value=10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=10),
    st.lists(st.text(max_size=4), max_size=3),
    st.none(),
)
_value_names = st.sampled_from(["n", "name", "rest", "x", "q", "filename", "_x"])


@given(
    endpoint=_endpoints,
    values=st.dictionaries(_value_names, _values, max_size=3),
    external=st.sampled_from([None, True, False]),
    anchor=st.none() | st.text(max_size=6),
    method=st.none() | st.sampled_from(["GET", "POST", "PUT", "DELETE"]),
    scheme=st.none() | st.sampled_from(["http", "https", "ws"]),
    context=st.sampled_from(["request", "request-bp", "app"]),
)
def test_url_for(
    endpoint: str,
    values: dict[str, Any],
    external: bool | None,
    anchor: str | None,
    method: str | None,
    scheme: str | None,
    context: str,
) -> None:
    options: dict[str, Any] = {}
    if external is not None:
        options["_external"] = external
    if anchor is not None:
        options["_anchor"] = anchor
    if method is not None:
        options["_method"] = method
    if scheme is not None:
        options["_scheme"] = scheme

    def build_url(name: str) -> tuple[str, str]:
        app = _APPS[name]
        framework = __import__(name)
        if context == "app":
            manager = app.app_context()
        else:
            path = "/bp/" if context == "request-bp" else "/"
            manager = app.test_request_context(path, base_url="http://example.test")
        with manager:
            return outcome(lambda: framework.url_for(endpoint, **values, **options))

    same({name: build_url(name) for name in _APPS})
