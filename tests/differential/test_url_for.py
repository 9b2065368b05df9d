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
    inner = framework.Blueprint("inner", __name__, url_prefix="/inner")
    inner.add_url_rule("/<int:k>", "leaf", view)

    @inner.url_defaults
    def inner_defaults(endpoint: str, values: dict[str, Any]) -> None:
        if endpoint == "bp.inner.leaf" and "q" in values:
            values.setdefault("k", 7)

    blueprint.register_blueprint(inner)
    app.register_blueprint(blueprint)

    @app.url_defaults
    def app_defaults(endpoint: str, values: dict[str, Any]) -> None:
        if endpoint == "user" and values.get("q") == "":
            values["name"] = "from-defaults"

    def handle(error: Exception, endpoint: str, values: dict[str, Any]) -> Any:
        if endpoint == "handled":
            return f"/handled/{sorted(values.items(), key=str)!r}"
        return None

    app.url_build_error_handlers.append(handle)


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
        "bp.inner.leaf",
        ".leaf",
        "handled",
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
_value_names = st.sampled_from(["n", "name", "rest", "x", "k", "q", "filename", "_x"])


@given(
    endpoint=_endpoints,
    values=st.dictionaries(_value_names, _values, max_size=3),
    external=st.sampled_from([None, True, False]),
    anchor=st.none() | st.text(max_size=6),
    method=st.none() | st.sampled_from(["GET", "POST", "PUT", "DELETE"]),
    scheme=st.none() | st.sampled_from(["http", "https", "ws"]),
    context=st.sampled_from(["request", "request-bp", "request-inner", "app"]),
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
            path = {"request-bp": "/bp/", "request-inner": "/bp/inner/1"}.get(
                context, "/"
            )
            manager = app.test_request_context(path, base_url="http://example.test")
        with manager:
            return outcome(lambda: framework.url_for(endpoint, **values, **options))

    same({name: build_url(name) for name in _APPS})
