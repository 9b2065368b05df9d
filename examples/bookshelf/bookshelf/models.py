"""Readers and their books (Flask-SQLAlchemy) and how a reader logs in (Flask-Login)."""

from __future__ import annotations

from flask_login import LoginManager
from flask_login import UserMixin
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship
from werkzeug.security import check_password_hash
from werkzeug.security import generate_password_hash

db = SQLAlchemy()
login_manager = LoginManager()
login_manager.login_view = "books.login"


class Reader(UserMixin, db.Model):  # type: ignore[name-defined,misc]
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(unique=True)
    password_hash: Mapped[str]
    books: Mapped[list[Book]] = relationship(back_populates="reader")

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)


class Book(db.Model):  # type: ignore[name-defined,misc]
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    reader_id: Mapped[int] = mapped_column(ForeignKey("reader.id"))
    reader: Mapped[Reader] = relationship(back_populates="books")


@login_manager.user_loader
def load_reader(reader_id: str) -> Reader | None:
    return db.session.get(Reader, int(reader_id))


def create_reader(name: str, password: str) -> Reader:
    reader = Reader(name=name, password_hash=generate_password_hash(password))
    db.session.add(reader)
    db.session.commit()
    return reader
