from __future__ import annotations

import pytest

from flaskish_cli import get_debug_flag
from flaskish_cli import get_load_dotenv


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, False),
        ("", False),
        ("0", False),
        ("false", False),
        ("No", False),
        ("1", True),
        ("true", True),
        ("yes", True),
        ("anything", True),
    ],
)
def test_get_debug_flag(monkeypatch, value, expected):
    if value is not None:
        monkeypatch.setenv("FLASK_DEBUG", value)
    assert get_debug_flag() is expected


@pytest.mark.parametrize(
    ("value", "default", "expected"),
    [
        (None, True, True),
        (None, False, False),
        ("", False, False),
        ("1", True, False),
        ("true", True, False),
        ("0", False, True),
        ("FALSE", False, True),
        ("no", False, True),
    ],
)
def test_get_load_dotenv(monkeypatch, value, default, expected):
    if value is not None:
        monkeypatch.setenv("FLASK_SKIP_DOTENV", value)
    assert get_load_dotenv(default) is expected
