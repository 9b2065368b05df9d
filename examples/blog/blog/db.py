"""SQLite access: one connection per app context, and the init-db command."""

from __future__ import annotations

import sqlite3

import click

from flaskish import current_app
from flaskish import Flask
from flaskish import g
from flaskish.cli import with_appcontext


def get_db() -> sqlite3.Connection:
    """The connection of the current app context, opened on first use."""
    if "db" not in g:
        connection = sqlite3.connect(
            current_app.config["DATABASE"], detect_types=sqlite3.PARSE_DECLTYPES
        )
        connection.row_factory = sqlite3.Row
        connection.execute("PRAGMA foreign_keys = ON")
        g.db = connection
    db: sqlite3.Connection = g.db
    return db


def close_db(exc: BaseException | None = None) -> None:
    connection = g.pop("db", None)
    if connection is not None:
        connection.close()


def init_db() -> None:
    """Create the tables, dropping existing ones."""
    with current_app.open_resource("schema.sql") as schema:
        get_db().executescript(schema.read().decode("utf8"))


@click.command("init-db")
@with_appcontext
def init_db_command() -> None:
    """Drop and recreate the blog's tables."""
    init_db()
    click.echo("Initialized the database.")


def init_app(app: Flask) -> None:
    app.teardown_appcontext(close_db)
    app.cli.add_command(init_db_command)
