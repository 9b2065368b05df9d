"""Requests built by flaskish's Request (werkzeug's attributes, set in one
step, headers and server on first read) serve exactly as requests built by
werkzeug's own constructor."""

from __future__ import annotations

from typing import Any

import pytest
from itsdangerous import TimestampSigner
from werkzeug.wrappers import Request as WerkzeugRequest

from flaskish_context import request
from flaskish_context import session
from flaskish_core import Flask
from flaskish_core.wrappers import Request


class WerkzeugBuiltRequest(Request):
    """The same class, built the way werkzeug builds a request."""

    def __init__(
        self, environ: Any, populate_request: bool = True, shallow: bool = False
    ) -> None:
        WerkzeugRequest.__init__(self, environ, populate_request, shallow)


def make_app(request_class: type[Request]) -> Flask:
    app = Flask(__name__)
    app.request_class = request_class
    app.secret_key = "s"
    order: list[str] = []

    @app.before_request
    def before() -> None:
        order.append(f"before {request.method} {request.path}")

    @app.after_request
    def after(response: Any) -> Any:
        order.append("after")
        response.headers["X-Order"] = ",".join(order)
        order.clear()
        return response

    @app.route("/<path:rest>", methods=["GET", "POST", "PUT"])
    def echo(rest: str) -> Any:
        return {
            "rest": rest,
            "method": request.method,
            "scheme": request.scheme,
            "server": list(request.server or ()),
            "root_path": request.root_path,
            "path": request.path,
            "full_path": request.full_path,
            "url": request.url,
            "host": request.host,
            "args": request.args.to_dict(flat=False),
            "remote_addr": request.remote_addr,
            "headers": sorted(request.headers.items()),
            "cookies": request.cookies.to_dict(),
            "form": request.form.to_dict(),
        }

    @app.route("/session")
    def session_view() -> str:
        session["n"] = session.get("n", 0) + 1
        return str(session["n"])

    return app


REQUESTS: list[tuple[str, dict[str, Any]]] = [
    ("/a/b", {}),
    ("/caf%C3%A9/x", {"query_string": "q=%C3%A9&q=2&e"}),
    ("//double//slash", {}),
    ("/form", {"method": "POST", "data": {"a": "1", "b": "ü"}}),
    ("/h", {"headers": {"Cookie": "x=1; y=2", "X-Custom": "v"}, "method": "PUT"}),
    ("/h", {"base_url": "https://example.org:8443/root/"}),
    ("/h", {"environ_overrides": {"REMOTE_ADDR": "10.1.2.3", "SERVER_PORT": "sock"}}),
    ("/session", {}),
    ("/missing-method", {"method": "DELETE"}),
]


@pytest.mark.parametrize(("path", "kwargs"), REQUESTS)
def test_same_responses_as_werkzeug_built_requests(
    path: str, kwargs: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    # One signing time for both apps: the session cookie embeds it, and the
    # two runs may fall in different seconds.
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: 1_700_000_000)
    results = []
    for request_class in (Request, WerkzeugBuiltRequest):
        client = make_app(request_class).test_client()
        response = client.open(path, **kwargs)
        again = client.open(path, **kwargs)  # with the session cookie, if any
        results.append(
            [
                (r.status, sorted(r.headers.items()), r.get_data())
                for r in (response, again)
            ]
        )
    assert results[0] == results[1]
