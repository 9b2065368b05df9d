from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace
from typing import Any

import pytest
from itsdangerous.timed import TimestampSigner

from flaskish_sessions import DEFAULT_SESSION_CONFIG


def make_app(secret_key: str | bytes | None = "secret", **config: Any) -> Any:
    """A minimal object with what a session interface reads from an app."""
    settings = {**DEFAULT_SESSION_CONFIG, "SECRET_KEY": secret_key, **config}
    lifetime = settings["PERMANENT_SESSION_LIFETIME"]
    return SimpleNamespace(
        secret_key=secret_key, config=settings, permanent_session_lifetime=lifetime
    )


class Clock:
    """Controls the timestamps itsdangerous signs with and checks against."""

    def __init__(self, now: int) -> None:
        self.now = now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fixed = Clock(1_700_000_000)
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: fixed.now)
    return fixed


@pytest.fixture
def short_lifetime() -> timedelta:
    return timedelta(seconds=60)
