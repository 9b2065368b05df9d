from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pages import create_app


@pytest.fixture
def client() -> Any:
    return create_app().test_client()
