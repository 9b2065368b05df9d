from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from blog import create_app
from blog.db import get_db
from blog.db import init_db
from werkzeug.security import generate_password_hash

SEED = """
INSERT INTO user (username, password) VALUES ('ada', '{ada}'), ('bob', '{bob}');
INSERT INTO post (title, body, author_id, created)
  VALUES ('First post', 'Hello from Ada', 1, '2026-01-01 00:00:00');
"""


@pytest.fixture
def app(tmp_path: Path) -> Any:
    app = create_app({"TESTING": True, "DATABASE": str(tmp_path / "blog.sqlite")})
    with app.app_context():
        init_db()
        get_db().executescript(
            SEED.format(
                ada=generate_password_hash("ada-pw"),
                bob=generate_password_hash("bob-pw"),
            )
        )
    return app


@pytest.fixture
def client(app: Any) -> Any:
    return app.test_client()


@pytest.fixture
def runner(app: Any) -> Any:
    return app.test_cli_runner()


class Auth:
    def __init__(self, client: Any) -> None:
        self.client = client

    def login(self, username: str = "ada", password: str = "ada-pw") -> Any:
        return self.client.post(
            "/auth/login", data={"username": username, "password": password}
        )

    def logout(self) -> Any:
        return self.client.get("/auth/logout")


@pytest.fixture
def auth(client: Any) -> Auth:
    return Auth(client)
