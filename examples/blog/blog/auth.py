"""Registration, login and logout; the ``login_required`` decorator."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from werkzeug.security import check_password_hash
from werkzeug.security import generate_password_hash

from blog.db import get_db
from flaskish import Blueprint
from flaskish import flash
from flaskish import g
from flaskish import redirect
from flaskish import render_template
from flaskish import request
from flaskish import session
from flaskish import url_for

bp = Blueprint("auth", __name__, url_prefix="/auth")


def login_required(view: Callable[..., Any]) -> Callable[..., Any]:
    """Send anonymous visitors to the login page."""

    @functools.wraps(view)
    def wrapped_view(**kwargs: Any) -> Any:
        if g.user is None:
            return redirect(url_for("auth.login"))
        return view(**kwargs)

    return wrapped_view


@bp.before_app_request
def load_logged_in_user() -> None:
    user_id = session.get("user_id")
    g.user = None
    if user_id is not None:
        g.user = (
            get_db().execute("SELECT * FROM user WHERE id = ?", (user_id,)).fetchone()
        )


def _credentials() -> tuple[str, str, str | None]:
    username = request.form.get("username", "").strip()
    password = request.form.get("password", "")
    error = None
    if not username:
        error = "Username is required."
    elif not password:
        error = "Password is required."
    return username, password, error


@bp.route("/register", methods=("GET", "POST"))
def register() -> Any:
    if request.method == "POST":
        username, password, error = _credentials()
        if error is None:
            db = get_db()
            try:
                db.execute(
                    "INSERT INTO user (username, password) VALUES (?, ?)",
                    (username, generate_password_hash(password)),
                )
                db.commit()
            except db.IntegrityError:
                error = f"User {username} is already registered."
            else:
                flash("Registration complete. Please log in.", "success")
                return redirect(url_for("auth.login"))
        flash(error, "error")
    return render_template("auth/register.html")


@bp.route("/login", methods=("GET", "POST"))
def login() -> Any:
    if request.method == "POST":
        username, password, error = _credentials()
        user = None
        if error is None:
            user = (
                get_db()
                .execute("SELECT * FROM user WHERE username = ?", (username,))
                .fetchone()
            )
            if user is None or not check_password_hash(user["password"], password):
                error = "Incorrect username or password."
        if error is None and user is not None:
            session.clear()
            session["user_id"] = user["id"]
            return redirect(url_for("index"))
        flash(error, "error")
    return render_template("auth/login.html")


@bp.route("/logout")
def logout() -> Any:
    session.clear()
    flash("You have been logged out.", "success")
    return redirect(url_for("index"))
