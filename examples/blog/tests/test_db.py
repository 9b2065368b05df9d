from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from blog.db import get_db


def test_connection_is_per_app_context_and_closed_on_teardown(app: Any) -> None:
    with app.app_context():
        db = get_db()
        assert db is get_db()
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        db.execute("SELECT 1")


def test_init_db_command(runner: Any, app: Any) -> None:
    result = runner.invoke(args=["init-db"])
    assert result.exit_code == 0
    assert "Initialized the database." in result.output
    with app.app_context():
        assert get_db().execute("SELECT COUNT(*) FROM user").fetchone()[0] == 0
