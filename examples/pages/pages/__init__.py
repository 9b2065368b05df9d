"""A server-rendered site: template inheritance, macros, static files,
flashed messages and a form (a guestbook).

    flaskish --app pages run
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flaskish import flash
from flaskish import Flask
from flaskish import redirect
from flaskish import render_template
from flaskish import request
from flaskish import url_for


@dataclass
class Entry:
    name: str
    message: str


def create_app() -> Flask:
    app = Flask(__name__)
    app.config["SECRET_KEY"] = "pages example"
    entries: list[Entry] = []

    @app.template_filter("initials")
    def initials(name: str) -> str:
        return "".join(part[0].upper() for part in name.split() if part)

    @app.route("/")
    def home() -> str:
        return render_template("home.html", count=len(entries))

    @app.route("/about")
    def about() -> str:
        return render_template("about.html")

    @app.route("/guestbook", methods=["GET", "POST"])
    def guestbook() -> Any:
        errors: dict[str, str] = {}
        if request.method == "POST":
            name = request.form.get("name", "").strip()
            message = request.form.get("message", "").strip()
            if not name:
                errors["name"] = "Please tell us your name."
            if len(message) < 3:
                errors["message"] = "A message needs at least 3 characters."
            if not errors:
                entries.append(Entry(name, message))
                flash(f"Thanks for signing, {name}!")
                return redirect(url_for("guestbook"))
        return render_template("guestbook.html", entries=entries[::-1], errors=errors)

    return app
