from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from pathlib import Path

# The console script installed beside the running interpreter.
SCRIPT = Path(sys.executable).parent / "flaskish"


def run(*args: str, cwd) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


def test_console_script_entry_point_is_declared():
    [entry] = [
        ep
        for ep in importlib.metadata.entry_points(group="console_scripts")
        if ep.name == "flaskish"
    ]
    assert entry.value == "flaskish_cli.main:main"


def test_missing_app_is_one_line_and_exit_status_2(tmp_path):
    result = run("--app", "nowhere", "routes", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "Usage: flaskish routes [OPTIONS]\n"
        "Try 'flaskish routes --help' for help.\n\n"
        "Error: Could not import 'nowhere'.\n"
    )


def test_plain_wsgi_help_in_a_real_process(tmp_path):
    (tmp_path / "hello.py").write_text(
        "def wsgi(environ, start_response):\n    return []\n"
    )
    result = run("--app", "hello:wsgi", "--help", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stderr == ""
    assert "Run a development server." in result.stdout
