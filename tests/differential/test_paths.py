"""URL matching on generated paths and methods: matches, redirects, 404, 405."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from .harness import build
from .harness import observe
from .harness import same


def _routes(app: Any, framework: Any) -> None:
    request = framework.request

    def view(**kwargs: Any) -> str:
        return repr((request.endpoint, sorted(kwargs.items()), request.method))

    app.add_url_rule("/", "index", view)
    app.add_url_rule("/a", "a", view)
    app.add_url_rule("/a/", "a_slash", view)
    app.add_url_rule("/b/", "b", view, methods=["POST"])
    app.add_url_rule("/c", "c", view, strict_slashes=False)
    app.add_url_rule("/n/<int:n>", "n", view, methods=["GET", "PUT"])
    app.add_url_rule("/f/<float:x>", "f", view)
    app.add_url_rule("/s/<name>", "s", view)
    app.add_url_rule("/p/<path:rest>", "p", view)
    app.add_url_rule("/u/<uuid:u>", "u", view)
    app.add_url_rule("/old", "old", view, redirect_to="/a")
    app.add_url_rule("/merge//x", "merge", view)
    app.add_url_rule("/any/<any(one, two):which>", "any", view)


_APPS = build(_routes)
_segment = st.one_of(
    st.sampled_from(
        ["", "a", "b", "c", "n", "f", "s", "p", "u", "old", "merge", "x", "any", "one"]
    ),
    st.sampled_from(["1", "-1", "01", "1.5", "..", ".", "%2F", "%41", "%zz", "static"]),
    st.uuids().map(str),
    st.text(alphabet="ab1./%-_~ ", max_size=6),
)


@given(
    segments=st.lists(_segment, max_size=4),
    trailing=st.booleans(),
    method=st.sampled_from(
        ["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"]
    ),
    query=st.sampled_from(["", "?q=1", "?a=%20&b"]),
)
def test_paths(segments: list[str], trailing: bool, method: str, query: str) -> None:
    path = "/" + "/".join(segments) + ("/" if trailing else "") + query
    same({name: observe(app, path, method=method) for name, app in _APPS.items()})
