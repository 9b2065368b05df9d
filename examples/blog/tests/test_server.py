"""The demo served for real: ``flaskish --app blog run`` on a free local port."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from served import get
from served import served_blog


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    with served_blog(tmp_path) as base:
        yield base


def test_pages_over_http(server: str) -> None:
    status, body = get(server + "/")
    assert status == 200
    assert "No posts yet." in body
    status, body = get(server + "/auth/login")
    assert status == 200
    assert "<h1>Log in</h1>" in body
    status, _ = get(server + "/static/style.css")
    assert status == 200
    status, _ = get(server + "/no-such-page")
    assert status == 404
