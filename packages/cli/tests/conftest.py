from __future__ import annotations

import os
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from flaskish_cli import FlaskGroup

FIXTURES = Path(__file__).parent / "fixtures"
# The fake application module used by the app modules the tests write.
if str(FIXTURES) not in sys.path:
    sys.path.insert(0, str(FIXTURES))


@pytest.fixture(autouse=True)
def _isolate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Each test runs in its own directory with its own modules and env."""
    saved_env = dict(os.environ)
    saved_path = list(sys.path)
    for name in ("FLASK_APP", "FLASKISH_APP", "FLASK_DEBUG", "FLASK_SKIP_DOTENV"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    yield
    os.environ.clear()
    os.environ.update(saved_env)
    sys.path[:] = saved_path
    # Forget the modules the test wrote, so the next test can reuse names.
    for name, module in list(sys.modules.items()):
        if str(getattr(module, "__file__", None) or "").startswith(str(tmp_path)):
            del sys.modules[name]


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write a (dedented) file below the test's working directory."""

    def write(relative: str, source: str = "") -> Path:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source))
        return path

    return write


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def group() -> FlaskGroup:
    """A fresh group, so plugin loading and options start from scratch."""
    return FlaskGroup(name="flaskish")


@pytest.fixture(autouse=True)
def _no_leaked_app_context():
    """Every test must leave no application context behind."""
    from flaskish_cli.app_group import app_or_none

    yield
    assert app_or_none() is None
