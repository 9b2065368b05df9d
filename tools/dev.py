"""One entry point for the workspace: ``python3 tools/dev.py COMMAND``.

Commands:

- ``demo``: start the demo application on http://127.0.0.1:5000
- ``test``: run the whole check suite (lint, types, tests, the
  differential comparison with Flask, isolated packages, builds,
  documentation, the demo in a browser); this is what CI runs
- ``setup``: create ``.venv`` with every package installed editable and all
  development tools, for day-to-day work
- ``nox ARGS...``: run nox with any arguments, e.g. ``nox -s bench``

It needs nothing but Python 3.11+ and pip: nox and uv are installed into a
private ``.tooling`` virtual environment on first use.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLING = ROOT / ".tooling"
TOOL_REQUIREMENTS = ["nox==2026.10.20", "uv==0.13.8"]


def _bin(env: Path, name: str) -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    return env / scripts / name


def ensure_tooling() -> None:
    """Create the private tool environment unless it is already complete."""
    marker = TOOLING / "requirements.txt"
    wanted = "\n".join(TOOL_REQUIREMENTS)
    if marker.exists() and marker.read_text() == wanted:
        return
    if not _bin(TOOLING, "python").exists():
        venv.EnvBuilder(with_pip=True, clear=True).create(TOOLING)
    pip = [str(_bin(TOOLING, "python")), "-m", "pip"]
    subprocess.run(
        [*pip, "install", "--quiet", "--disable-pip-version-check", *wanted.split()],
        check=True,
    )
    marker.write_text(wanted)


def run_nox(args: list[str]) -> int:
    ensure_tooling()
    env = dict(os.environ)
    env["PATH"] = f"{_bin(TOOLING, '')}{os.pathsep}{env.get('PATH', '')}"
    command = [str(_bin(TOOLING, "nox")), "--noxfile", str(ROOT / "noxfile.py"), *args]
    return subprocess.run(command, cwd=ROOT, env=env).returncode


def main(argv: list[str]) -> int:
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(__doc__)
        return 0
    command, rest = argv[0], argv[1:]
    if command == "test":
        # Without -s, nox runs the noxfile's default sessions: the check suite.
        return run_nox(["--error-on-missing-interpreters", *rest])
    if command == "demo":
        return run_nox(["-s", "demo", *rest])
    if command == "setup":
        return run_nox(["-s", "dev", *rest])
    if command == "nox":
        return run_nox(rest)
    print(f"unknown command {command!r}\n{__doc__}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
