"""Serve the demo blog on http://127.0.0.1:5000 (``python3 tools/dev.py demo``).

Creates the SQLite database in ``examples/blog/instance/`` on the first run,
then starts ``flaskish --app blog run``. Extra arguments go to ``run``
(for example ``--port 8000``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BLOG = Path(__file__).resolve().parent.parent / "examples" / "blog"


def main(argv: list[str]) -> int:
    env = {**os.environ, "FLASK_APP": "blog", "PYTHONPATH": str(BLOG)}
    flaskish = [sys.executable, "-m", "flaskish"]
    if not (BLOG / "instance" / "blog.sqlite").exists():
        subprocess.run([*flaskish, "init-db"], cwd=BLOG, env=env, check=True)
    command = [*flaskish, "run", "--host", "127.0.0.1", "--port", "5000", *argv]
    return subprocess.run(command, cwd=BLOG, env=env).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
