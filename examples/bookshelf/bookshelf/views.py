"""The pages: the reader's shelf, adding a book, logging in and out."""

from __future__ import annotations

from flask import Blueprint
from flask import flash
from flask import redirect
from flask import render_template
from flask import url_for
from flask_login import current_user
from flask_login import login_required
from flask_login import login_user
from flask_login import logout_user
from werkzeug.wrappers import Response

from .forms import BookForm
from .forms import LoginForm
from .models import Book
from .models import db
from .models import Reader

bp = Blueprint("books", __name__)


@bp.route("/", methods=["GET", "POST"])
@login_required
def shelf() -> str | Response:
    form = BookForm()
    if form.validate_on_submit():
        db.session.add(Book(title=form.title.data, reader=current_user))
        db.session.commit()
        flash(f"Added {form.title.data}.")
        return redirect(url_for("books.shelf"))
    books = db.session.scalars(
        db.select(Book).filter_by(reader_id=current_user.id).order_by(Book.id)
    ).all()
    return render_template("shelf.html", form=form, books=books)


@bp.route("/login", methods=["GET", "POST"])
def login() -> str | Response:
    form = LoginForm()
    if form.validate_on_submit():
        reader = db.session.scalar(db.select(Reader).filter_by(name=form.name.data))
        if reader is not None and reader.check_password(form.password.data or ""):
            login_user(reader)
            return redirect(url_for("books.shelf"))
        flash("Unknown name or wrong password.")
    return render_template("login.html", form=form)


@bp.post("/logout")
@login_required
def logout() -> Response:
    logout_user()
    return redirect(url_for("books.login"))
