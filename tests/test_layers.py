"""The layer table of docs/architecture.md, enforced by import-linter."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _lint_imports(config: Path) -> subprocess.CompletedProcess[str]:
    executable = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert executable is not None, "import-linter is not installed in this environment"
    return subprocess.run(
        [executable, "--config", str(config), "--no-cache"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def _generated_config(tmp_path: Path) -> Path:
    """The layer contract plus one contract per package, made from the
    packages' declared dependencies (tools/import_contracts.py)."""
    config = tmp_path / "importlinter.toml"
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "import_contracts.py"), str(config)],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    return config


def test_packages_import_only_declared_third_party_packages(tmp_path: Path) -> None:
    config = _generated_config(tmp_path)
    text = config.read_text()
    assert text.count('type = "forbidden"') == len(list(ROOT.glob("packages/*/src")))
    assert 'source_modules = ["flaskish_sessions"]' in text
    result = _lint_imports(config)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_workspace_respects_layers() -> None:
    result = _lint_imports(ROOT / "pyproject.toml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("lower", "higher"),
    [
        ("flaskish_context", "flaskish_core"),
        ("flaskish_routing", "flaskish_blueprints"),
        ("flaskish_sessions", "flaskish_context"),
    ],
)
def test_upward_import_is_reported(tmp_path: Path, lower: str, higher: str) -> None:
    """The contract does catch a violation: plant one in a copy of the tree."""
    folder = {
        "flaskish_context": "context",
        "flaskish_routing": "routing",
        "flaskish_sessions": "sessions",
    }[lower]
    config = tmp_path / "pyproject.toml"
    config.write_text((ROOT / "pyproject.toml").read_text())
    planted = f"{folder}/src/{lower}/_planted_violation.py"
    result = _lint_with_planted_file(tmp_path, config, planted, f"import {higher}\n")
    assert result.returncode != 0, result.stdout + result.stderr
    assert f"{lower}._planted_violation -> {higher}" in result.stdout


def test_undeclared_third_party_import_is_reported(tmp_path: Path) -> None:
    """A package importing what it does not declare breaks its contract."""
    config = _generated_config(tmp_path)
    planted = "sessions/src/flaskish_sessions/_planted.py"
    source = "def f():\n    import jinja2\n"
    result = _lint_with_planted_file(tmp_path, config, planted, source)
    assert result.returncode != 0, result.stdout + result.stderr
    assert "flaskish_sessions is not allowed to import jinja2" in result.stdout
    assert "flaskish_sessions._planted -> jinja2" in result.stdout


def _lint_with_planted_file(
    tmp_path: Path, config: Path, planted: str, source: str
) -> subprocess.CompletedProcess[str]:
    """Run import-linter with ``config`` over a copy of the packages in which
    ``planted`` (a path below ``packages/``) holds ``source``."""
    copy = tmp_path / "packages"
    shutil.copytree(
        ROOT / "packages", copy, ignore=shutil.ignore_patterns("__pycache__")
    )
    (copy / planted).write_text(source)
    paths = [str(p) for p in sorted(copy.glob("*/src"))]
    return subprocess.run(
        [sys.executable, "-c", _RUN_WITH_PATHS, str(config), *paths],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )


# Runs import-linter with the copied sources first on sys.path, so the copy
# (with the planted import) is analysed instead of the installed packages.
_RUN_WITH_PATHS = """
import sys
config, *paths = sys.argv[1:]
sys.path[:0] = paths
from importlinter.cli import lint_imports
sys.exit(lint_imports(config_filename=config, no_cache=True))
"""
