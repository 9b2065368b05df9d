from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from notes_api import create_app


@pytest.fixture
def client(tmp_path: Path) -> Any:
    return create_app(str(tmp_path / "notes.sqlite")).test_client()
