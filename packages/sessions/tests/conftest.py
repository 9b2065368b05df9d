from __future__ import annotations

from collections.abc import Iterator

import pytest
from itsdangerous.timed import TimestampSigner

from flaskish_sessions import tag

from .support import Clock


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fixed = Clock(1_700_000_000)
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: fixed.now)
    return fixed


@pytest.fixture(autouse=True)
def keep_json_codec() -> Iterator[None]:
    """Restore the JSON codec a test replaced (the assembled framework
    installs its own on import)."""
    saved = dict(tag._codec)
    yield
    tag._codec.update(saved)
