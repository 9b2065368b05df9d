"""Posts: everyone reads them; authors create, edit and delete their own."""

from __future__ import annotations

import sqlite3
from typing import Any

from blog.auth import login_required
from blog.db import get_db
from flaskish import abort
from flaskish import Blueprint
from flaskish import flash
from flaskish import g
from flaskish import redirect
from flaskish import render_template
from flaskish import request
from flaskish import url_for

bp = Blueprint("posts", __name__)


@bp.route("/")
def index() -> str:
    posts = (
        get_db()
        .execute(
            "SELECT p.id, title, body, created, author_id, username"
            " FROM post p JOIN user u ON p.author_id = u.id"
            " ORDER BY created DESC, p.id DESC"
        )
        .fetchall()
    )
    return render_template("posts/index.html", posts=posts)


def get_post(post_id: int, check_author: bool = True) -> sqlite3.Row:
    """The post, or 404 if it does not exist and 403 if it is someone else's."""
    post = (
        get_db()
        .execute(
            "SELECT p.id, title, body, created, author_id, username"
            " FROM post p JOIN user u ON p.author_id = u.id WHERE p.id = ?",
            (post_id,),
        )
        .fetchone()
    )
    if post is None:
        abort(404, f"Post id {post_id} doesn't exist.")
    if check_author and post["author_id"] != g.user["id"]:
        abort(403)
    row: sqlite3.Row = post
    return row


def _post_form() -> tuple[str, str, str | None]:
    title = request.form.get("title", "").strip()
    body = request.form.get("body", "")
    return title, body, None if title else "Title is required."


@bp.route("/create", methods=("GET", "POST"))
@login_required
def create() -> Any:
    if request.method == "POST":
        title, body, error = _post_form()
        if error is None:
            db = get_db()
            db.execute(
                "INSERT INTO post (title, body, author_id) VALUES (?, ?, ?)",
                (title, body, g.user["id"]),
            )
            db.commit()
            flash("Post published.", "success")
            return redirect(url_for("posts.index"))
        flash(error, "error")
    return render_template("posts/create.html")


@bp.route("/<int:id>/update", methods=("GET", "POST"))
@login_required
def update(id: int) -> Any:
    post = get_post(id)
    if request.method == "POST":
        title, body, error = _post_form()
        if error is None:
            db = get_db()
            db.execute(
                "UPDATE post SET title = ?, body = ? WHERE id = ?", (title, body, id)
            )
            db.commit()
            flash("Post updated.", "success")
            return redirect(url_for("posts.index"))
        flash(error, "error")
    return render_template("posts/update.html", post=post)


@bp.route("/<int:id>/delete", methods=("POST",))
@login_required
def delete(id: int) -> Any:
    get_post(id)
    db = get_db()
    db.execute("DELETE FROM post WHERE id = ?", (id,))
    db.commit()
    flash("Post deleted.", "success")
    return redirect(url_for("posts.index"))
