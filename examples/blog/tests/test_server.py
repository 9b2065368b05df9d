"""The demo served for real: ``flaskish --app blog run`` on a free local port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    env = {
        **os.environ,
        "FLASK_APP": "blog",
        "PYTHONPATH": str(EXAMPLE),
        "FLASK_DATABASE": str(tmp_path / "blog.sqlite"),
    }
    flaskish = [sys.executable, "-m", "flaskish"]
    setup = subprocess.run(
        [*flaskish, "init-db"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert setup.returncode == 0, setup.stderr
    process = subprocess.Popen(
        [*flaskish, "run", "--port", str(port), "--no-reload"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                _get(base + "/")
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stderr is not None:
            process.stderr.close()


def test_pages_over_http(server: str) -> None:
    status, body = _get(server + "/")
    assert status == 200
    assert "No posts yet." in body
    status, body = _get(server + "/auth/login")
    assert status == 200
    assert "<h1>Log in</h1>" in body
    status, _ = _get(server + "/static/style.css")
    assert status == 200
    status, _ = _get(server + "/no-such-page")
    assert status == 404
