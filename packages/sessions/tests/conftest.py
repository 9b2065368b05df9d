from __future__ import annotations

import pytest
from itsdangerous.timed import TimestampSigner

from .support import Clock


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fixed = Clock(1_700_000_000)
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: fixed.now)
    return fixed
