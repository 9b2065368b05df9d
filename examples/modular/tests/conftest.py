from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from modular import create_app


@pytest.fixture
def app() -> Any:
    return create_app({"TESTING": True, "ADMIN_TOKEN": "s3cret"})


@pytest.fixture
def client(app: Any) -> Any:
    return app.test_client()
