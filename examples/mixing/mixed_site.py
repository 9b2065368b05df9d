"""Mixing components: one site made of three WSGI applications.

- ``/``: a flaskish application (``Flask``) with its own pages;
- ``/api``: a bare ``Router`` of flaskish-routing with a ``Blueprint``;
- ``/legacy``: a foreign WSGI function that knows nothing of flaskish.

werkzeug's ``DispatcherMiddleware`` mounts them. The router and the foreign
app get the ``request``, ``g`` and ``session`` proxies from flaskish-context's
``ContextMiddleware`` and a signed cookie session from flaskish-sessions'
``SessionMiddleware``: the same cookie the flaskish application reads and
writes, so all three share one session.

python examples/mixing/mixed_site.py
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Iterator
from typing import Any

from werkzeug.middleware.dispatcher import DispatcherMiddleware
from werkzeug.wrappers import Response

from flaskish import Flask
from flaskish import redirect
from flaskish import request as flask_request
from flaskish import session as flask_session
from flaskish_blueprints import Blueprint
from flaskish_context import after_this_request
from flaskish_context import ContextMiddleware
from flaskish_context import g
from flaskish_context import request
from flaskish_context import session
from flaskish_routing import current_request
from flaskish_routing import Router
from flaskish_sessions import SessionMiddleware

SECRET_KEY = "change me: shared by every part of the site"
ITEMS = ["teapot", "kettle", "cup"]


def create_site() -> Flask:
    """The flaskish application mounted at ``/``."""
    site = Flask(__name__)
    site.secret_key = SECRET_KEY

    @site.get("/")
    def home() -> str:
        flask_session["visits"] = flask_session.get("visits", 0) + 1
        user = flask_session.get("user", "stranger")
        legacy = flask_session.get("legacy_hits", 0)
        return f"hello {user}: visit {flask_session['visits']}, legacy hits {legacy}"

    @site.post("/login")
    def login() -> Any:
        flask_session["user"] = flask_request.form["name"]
        return redirect("/")

    return site


def create_api() -> Router:
    """The bare router mounted at ``/api``, with an ``items`` blueprint."""
    items = Blueprint("items", __name__, url_prefix="/items")

    @items.get("/")
    def index() -> dict[str, Any]:
        return {
            "user": session.get("user"),
            "items": ITEMS,
            "self": api.url_for(".index"),
            "first": api.url_for(".item", n=0),
        }

    @items.get("/<int:n>")
    def item(n: int) -> Any:
        if n >= len(ITEMS):
            return {"error": "no such item"}, 404
        return {"item": ITEMS[n]}

    @items.get("/stream")
    def stream() -> Response:
        # The generator reads the request while the body is sent.
        def lines() -> Iterator[str]:
            for name in ITEMS[: int(current_request().args.get("n", 3))]:
                yield f"{name} for {current_request().args.get('who', 'you')}\n"

        return Response(lines(), mimetype="text/plain")

    api = Router("api")
    api.register_blueprint(items)
    return api


def legacy(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
    """A plain WSGI function: the proxies work here through the middleware."""
    g.user = session.get("user", "stranger")
    session["legacy_hits"] = session.get("legacy_hits", 0) + 1

    @after_this_request
    def no_cache(response: Response) -> Response:
        response.headers["Cache-Control"] = "no-store"
        return response

    text = f"legacy page {request.path} for {g.user}, hit {session['legacy_hits']}"
    return Response(text)(environ, start_response)


def shared(wsgi_app: Any) -> SessionMiddleware:
    """Give any WSGI app the contexts and the site's session, in one line."""
    return SessionMiddleware(ContextMiddleware(wsgi_app), secret_key=SECRET_KEY)


def create_app() -> DispatcherMiddleware:
    """The whole site."""
    return DispatcherMiddleware(
        create_site(), {"/api": shared(create_api()), "/legacy": shared(legacy)}
    )


if __name__ == "__main__":
    from werkzeug.serving import run_simple

    run_simple("127.0.0.1", 5000, create_app(), use_reloader=True)
