"""Helpers shared by the tests: a minimal app object, a clock, Flask data."""

from __future__ import annotations

from datetime import datetime
from datetime import UTC
from types import SimpleNamespace
from typing import Any
from uuid import UUID

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


# Written by Flask 3.1 (outside an app context, timestamp 1700000000) for
# secret_key "current", SECRET_KEY_FALLBACKS ["old"] and FLASK_DATA.
FLASK_TOKEN = (
    ".eJx9jrEKwjAURX_lceeAz2hBQi04CYLg0E1EEhNQpEFqAkrpv_uSD_AOZzic4U7I7zDCwHoLh"
    "QQzgYTnpdKXWcFVIcTutNlCzFCNEK3rPu3CdcXmaoXg_2tK7WstRH_PiljTwUbSrJl4ZXhtuKH9"
    "sS9pOQP_uKVn-MrB6yuMg40hik5jDvMPOlUxnw.ZVPxAA.bQQPydQ9WUpR925SaMT-O5pJa3w"
)
# The same, written by a Flask 3.1 application in a request (in an app
# context its JSON provider sorts the keys).
FLASK_APP_TOKEN = (
    ".eJx9y0EKwjAQheGrDG8dcIwWJNSCK0EQXHQnIokJKNIgNQGl9O5OcgBn8S8-3kygBAP_uKVn-"
    "ELh-grjYGOIwmnMQcHBTCApdqfNFrOCryJFf8-KWNPBRtKsmXhleG24of2xL9OhTqVoXfdpF64r"
    "mqpKz0ulLwK5ghT8_5rynt9hlKn1FvMPwVMxnw.ZVPxAA.EITuVYz4JO_wHakAoyQOaHwiZpo"
)


class Html(str):
    def __html__(self) -> str:
        return str(self)


FLASK_DATA: dict[str, Any] = {
    "user": "ada",
    "t": (1, 2),
    "b": b"\x00\xff",
    "m": Html("<b>x</b>"),
    "u": UUID(int=5),
    "d": datetime(2020, 1, 2, 3, 4, 5, tzinfo=UTC),
    " t": "dictkey",
    "_permanent": True,
}
