from __future__ import annotations

import dataclasses
import decimal
import json
import uuid
from datetime import date
from datetime import datetime
from datetime import timedelta
from datetime import UTC

import pytest

from flaskish_sessions import DEFAULT_SESSION_CONFIG
from flaskish_sessions import json_default
from flaskish_sessions.config import as_timedelta


@dataclasses.dataclass
class Pair:
    left: int
    right: list[int]


class Html:
    def __html__(self) -> str:
        return "<p>x</p>"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2020, 1, 2), "Thu, 02 Jan 2020 00:00:00 GMT"),
        (datetime(2020, 1, 2, 3, 4, 5, tzinfo=UTC), "Thu, 02 Jan 2020 03:04:05 GMT"),
        (decimal.Decimal("1.10"), "1.10"),
        (uuid.UUID(int=1), "00000000-0000-0000-0000-000000000001"),
        (Pair(1, [2]), {"left": 1, "right": [2]}),
        (Html(), "<p>x</p>"),
    ],
)
def test_conversions(value: object, expected: object) -> None:
    assert json_default(value) == expected


def test_used_as_json_default() -> None:
    text = json.dumps(
        {"d": decimal.Decimal("2.5"), "p": Pair(0, [])}, default=json_default
    )
    assert text == '{"d": "2.5", "p": {"left": 0, "right": []}}'


@pytest.mark.parametrize(
    ("value", "name"),
    [({1}, "set"), (Pair, "type"), (object(), "object"), (b"x", "bytes")],
)
def test_unknown_types_raise(value: object, name: str) -> None:
    with pytest.raises(TypeError) as info:
        json_default(value)
    assert str(info.value) == f"Object of type {name} is not JSON serializable"


def test_default_config_is_flasks() -> None:
    assert dict(DEFAULT_SESSION_CONFIG) == {
        "SESSION_REFRESH_EACH_REQUEST": True,
        "SESSION_COOKIE_SECURE": False,
        "SESSION_COOKIE_SAMESITE": None,
        "SESSION_COOKIE_PATH": None,
        "SESSION_COOKIE_PARTITIONED": False,
        "SESSION_COOKIE_NAME": "session",
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_DOMAIN": None,
        "SECRET_KEY_FALLBACKS": None,
        "SECRET_KEY": None,
        "PERMANENT_SESSION_LIFETIME": timedelta(days=31),
        "APPLICATION_ROOT": "/",
    }
    with pytest.raises(TypeError):
        DEFAULT_SESSION_CONFIG["SECRET_KEY"] = "x"  # type: ignore[index]


def test_lifetime_conversion() -> None:
    assert as_timedelta(90) == timedelta(seconds=90)
    assert as_timedelta(1.5) == timedelta(seconds=1.5)
    assert as_timedelta(timedelta(hours=1)) == timedelta(hours=1)
