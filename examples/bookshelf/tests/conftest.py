from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bookshelf import create_app
from bookshelf.models import create_reader
from bookshelf.models import db


@pytest.fixture
def app(tmp_path: Path) -> Iterator[Any]:
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'test.sqlite'}",
        }
    )
    with app.app_context():
        db.create_all()
        create_reader("ada", "ada-pw")
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def client(app: Any) -> Any:
    return app.test_client()


def csrf_token(html: str) -> str:
    found = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html)
    assert found is not None, html
    return found.group(1)


@pytest.fixture
def login(client: Any) -> Any:
    def login(name: str = "ada", password: str = "ada-pw") -> Any:
        token = csrf_token(client.get("/login").text)
        return client.post(
            "/login", data={"name": name, "password": password, "csrf_token": token}
        )

    return login
