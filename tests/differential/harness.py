"""Run one input through a Flask app and a flaskish app built the same way,
and reduce each outcome to what an application or a client can observe."""

from __future__ import annotations

import time
from collections.abc import Callable
from collections.abc import Iterator
from contextlib import contextmanager
from email.utils import parsedate_to_datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import flask
from itsdangerous import URLSafeTimedSerializer
from itsdangerous.timed import TimestampSigner

import flaskish

FRAMEWORKS: dict[str, ModuleType] = {"flask": flask, "flaskish": flaskish}
SECRET_KEY = "differential-secret"
FALLBACK_KEY = "differential-fallback"
#: Every signature is made at this instant (see :func:`frozen_signatures`),
#: so both frameworks write byte-equal cookies.
NOW = 1_750_000_000

HERE = Path(__file__).parent

Setup = Callable[[Any, ModuleType], None]


def build(setup: Setup, **config: Any) -> dict[str, Any]:
    """One app per framework, configured alike and set up by ``setup(app, fw)``."""
    apps = {}
    for name, framework in FRAMEWORKS.items():
        app = framework.Flask("differential", root_path=str(HERE))
        app.config.update(
            SECRET_KEY=SECRET_KEY, SECRET_KEY_FALLBACKS=[FALLBACK_KEY], **config
        )
        setup(app, framework)
        apps[name] = app
    return apps


@contextmanager
def frozen_signatures() -> Iterator[None]:
    """Sign and check session cookies as at :data:`NOW`."""
    original = TimestampSigner.get_timestamp
    TimestampSigner.get_timestamp = lambda self: NOW  # type: ignore[method-assign]
    try:
        yield
    finally:
        TimestampSigner.get_timestamp = original  # type: ignore[method-assign]


def cookie_signer(key: str) -> URLSafeTimedSerializer:
    """Flask's own session serializer for ``key``: what a real cookie holds."""
    app = flask.Flask("signer")
    app.secret_key = key
    signer = app.session_interface.get_signing_serializer(app)  # type: ignore[attr-defined]
    assert signer is not None
    return signer  # type: ignore[no-any-return]


def _cookie(header: str) -> str:
    """A ``Set-Cookie`` value with ``Expires`` made relative to the clock
    (whole minutes from now): the two apps write it a moment apart."""
    parts = []
    for part in header.split("; "):
        name, _, value = part.partition("=")
        if name.lower() == "expires":
            seconds = parsedate_to_datetime(value).timestamp() - time.time()
            value = f"<now{round(seconds / 60):+d}min>"
        parts.append(f"{name}={value}" if _ else name)
    return "; ".join(parts)


def observe(app: Any, path: str = "/", **request: Any) -> tuple[Any, ...]:
    """Status, body and headers of one request, or the exception it raised."""
    client = app.test_client(use_cookies=False)
    try:
        response = client.open(path, **request)
    except Exception as error:  # compared, not hidden: the other app must match
        return ("raised", type(error).__name__)
    headers = sorted(
        (name, _cookie(value) if name == "Set-Cookie" else value)
        for name, value in response.headers.items()
    )
    return (response.status_code, response.get_data(), headers)


def outcome(func: Callable[[], Any]) -> tuple[str, str]:
    """``("value", repr(result))`` or ``("raised", exception class name)``."""
    try:
        return ("value", repr(func()))
    except Exception as error:
        return ("raised", type(error).__name__)


def same(results: dict[str, Any]) -> None:
    """Assert that every framework gave Flask's result."""
    expected = results["flask"]
    for name, result in results.items():
        assert result == expected, f"{name} differs from flask"
