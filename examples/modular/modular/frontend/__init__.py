"""The public pages."""

from __future__ import annotations

from flaskish import abort
from flaskish import Blueprint
from flaskish import current_app
from flaskish import render_template

bp = Blueprint(
    "frontend",
    __name__,
    template_folder="templates",
    static_folder="static",
    static_url_path="/frontend-static",
)


@bp.route("/")
def index() -> str:
    return render_template(
        "frontend/index.html", articles=current_app.config["ARTICLES"]
    )


@bp.route("/articles/<int:number>")
def article(number: int) -> str:
    articles = current_app.config["ARTICLES"]
    if not 0 <= number < len(articles):
        abort(404)
    return render_template(
        "frontend/article.html", title=articles[number], number=number
    )
