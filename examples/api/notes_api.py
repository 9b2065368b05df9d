"""A JSON web service: notes kept in SQLite, with JSON errors.

flaskish --app notes_api run
"""

from __future__ import annotations

import sqlite3
from typing import Any

from werkzeug.exceptions import HTTPException

from flaskish import current_app
from flaskish import Flask
from flaskish import g
from flaskish import jsonify
from flaskish import request
from flaskish import url_for

SCHEMA = """
CREATE TABLE IF NOT EXISTS note (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  done INTEGER NOT NULL DEFAULT 0
)
"""


class ValidationError(Exception):
    """A request body that does not describe a valid note."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(errors)
        self.errors = errors


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(current_app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
        g.db.execute(SCHEMA)
    db: sqlite3.Connection = g.db
    return db


def _as_json(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "title": row["title"],
        "body": row["body"],
        "done": bool(row["done"]),
        "url": url_for("get_note", note_id=row["id"], _external=True),
    }


def _validated(payload: Any, partial: bool) -> dict[str, Any]:
    if not isinstance(payload, dict):
        raise ValidationError({"body": "Expected a JSON object."})
    errors: dict[str, str] = {}
    fields: dict[str, Any] = {}
    if "title" in payload or not partial:
        title = payload.get("title")
        if not isinstance(title, str) or not title.strip():
            errors["title"] = "A non-empty string is required."
        else:
            fields["title"] = title.strip()
    if "body" in payload:
        if not isinstance(payload["body"], str):
            errors["body"] = "Must be a string."
        else:
            fields["body"] = payload["body"]
    if "done" in payload:
        if not isinstance(payload["done"], bool):
            errors["done"] = "Must be true or false."
        else:
            fields["done"] = int(payload["done"])
    unknown = sorted(set(payload) - {"title", "body", "done"})
    for name in unknown:
        errors[name] = "Unknown field."
    if errors:
        raise ValidationError(errors)
    return fields


def _find(note_id: int) -> sqlite3.Row:
    row = get_db().execute("SELECT * FROM note WHERE id = ?", (note_id,)).fetchone()
    if row is None:
        raise LookupError(note_id)
    found: sqlite3.Row = row
    return found


def create_app(database: str = ":memory:") -> Flask:
    app = Flask(__name__)
    app.config["DATABASE"] = database

    @app.teardown_appcontext
    def close_db(exc: BaseException | None) -> None:
        db = g.pop("db", None)
        if db is not None:
            db.close()

    @app.errorhandler(ValidationError)
    def invalid(error: ValidationError) -> Any:
        return {"error": "validation failed", "fields": error.errors}, 400

    @app.errorhandler(LookupError)
    def missing_note(error: LookupError) -> Any:
        return {"error": f"note {error.args[0]} not found"}, 404

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Any:
        return {"error": error.name, "status": error.code}, error.code or 500

    @app.get("/notes")
    def list_notes() -> Any:
        done = request.args.get("done")
        query, params = "SELECT * FROM note", ()
        if done is not None:
            query, params = query + " WHERE done = ?", (int(done == "true"),)
        rows = get_db().execute(query + " ORDER BY id", params).fetchall()
        return jsonify([_as_json(row) for row in rows])

    @app.post("/notes")
    def create_note() -> Any:
        fields = _validated(request.get_json(), partial=False)
        db = get_db()
        cursor = db.execute(
            "INSERT INTO note (title, body, done) VALUES (?, ?, ?)",
            (fields["title"], fields.get("body", ""), fields.get("done", 0)),
        )
        db.commit()
        note = _as_json(_find(int(cursor.lastrowid or 0)))
        return note, 201, {"Location": note["url"]}

    @app.get("/notes/<int:note_id>")
    def get_note(note_id: int) -> Any:
        return _as_json(_find(note_id))

    @app.put("/notes/<int:note_id>")
    def update_note(note_id: int) -> Any:
        _find(note_id)
        fields = _validated(request.get_json(), partial=True)
        if fields:
            assignments = ", ".join(f"{name} = ?" for name in fields)
            db = get_db()
            db.execute(
                f"UPDATE note SET {assignments} WHERE id = ?",
                (*fields.values(), note_id),
            )
            db.commit()
        return _as_json(_find(note_id))

    @app.delete("/notes/<int:note_id>")
    def delete_note(note_id: int) -> Any:
        _find(note_id)
        db = get_db()
        db.execute("DELETE FROM note WHERE id = ?", (note_id,))
        db.commit()
        return "", 204

    return app
