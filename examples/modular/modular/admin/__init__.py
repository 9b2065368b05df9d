"""The admin area: every view needs the ``X-Admin-Token`` header."""

from __future__ import annotations

from typing import Any

from flaskish import abort
from flaskish import Blueprint
from flaskish import current_app
from flaskish import render_template
from flaskish import request
from flaskish import url_for

bp = Blueprint("admin", __name__, template_folder="templates", static_folder="static")


@bp.before_request
def require_token() -> None:
    expected = current_app.config.get("ADMIN_TOKEN")
    if not expected or request.headers.get("X-Admin-Token") != expected:
        abort(403)


@bp.errorhandler(403)
def forbidden(error: Any) -> Any:
    return render_template("admin/forbidden.html"), 403


@bp.route("/")
def dashboard() -> str:
    return render_template(
        "admin/dashboard.html",
        count=len(current_app.config["ARTICLES"]),
        public=url_for("frontend.index"),
        this=url_for(".dashboard"),
    )
