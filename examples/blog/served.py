"""The demo served for real, for tests that talk to it over HTTP.

``served_blog(folder)`` runs ``flaskish --app blog init-db`` and then
``flaskish --app blog run`` on a free loopback port, with the database in
``folder``; it yields the base URL once the server answers and stops the
server when the block ends. The example's server test and the browser test
(``nox -s browser``) both use it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parent


def free_port() -> int:
    """A TCP port nothing listens on at 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get(url: str) -> tuple[int, str]:
    """The status and text of a GET, error statuses included."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@contextmanager
def served_blog(folder: Path, *, start_seconds: float = 30) -> Iterator[str]:
    """Serve the blog with a fresh database in ``folder``; yield its base URL."""
    env = {
        **os.environ,
        "FLASK_APP": "blog",
        "PYTHONPATH": str(EXAMPLE),
        "FLASK_DATABASE": str(folder / "blog.sqlite"),
    }
    flaskish = [sys.executable, "-m", "flaskish"]
    setup = subprocess.run(
        [*flaskish, "init-db"],
        env=env,
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
    )
    if setup.returncode != 0:
        raise RuntimeError(f"flaskish init-db failed:\n{setup.stderr}")
    port = free_port()
    process = subprocess.Popen(
        [*flaskish, "run", "--host", "127.0.0.1", "--port", str(port), "--no-reload"],
        env=env,
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + start_seconds
        while True:
            try:
                get(base + "/")
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
