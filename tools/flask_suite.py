"""Run Flask's own test suite and example tests against flaskish.

Downloads the Flask source distribution (``pip download``, so it needs
PyPI), rewrites only the import statements (``flask`` -> ``flaskish``) in a
temporary copy, and runs ``tests/`` plus the tutorial and JavaScript
examples' tests with pytest in this interpreter, then type-checks
``tests/type_check`` with ``mypy --strict`` when mypy is installed.
Nothing of Flask's is kept
in the repository. The handful of tests that check Flask's own name,
version or documentation URL are expected to fail; see docs/differences.md.

    .venv/bin/python tools/flask_suite.py [--version 3.1.3]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

_IMPORTS = [
    (re.compile(r"^(\s*)import flask$", re.M), r"\1import flaskish as flask"),
    (
        re.compile(r"^(\s*)import flask\.([\w.]+)$", re.M),
        r"\1import flaskish as flask\n\1import flaskish.\2",
    ),
    (
        re.compile(r"^(\s*)from flask((?:\.\w+)*) import", re.M),
        r"\1from flaskish\2 import",
    ),
    # Applications that the tests write out as source text.
    (re.compile(r"\bimport flask\\n"), r"import flaskish as flask\\n"),
]

# Tests that check Flask's own name, version or documentation link, and one
# that fails on Flask itself with werkzeug 3.1.9; see docs/differences.md.
KNOWN_DIFFERENCES = {
    "tests/test_appctx.py::test_app_ctx_globals_methods": "repr(g) names flaskish",
    "tests/test_cli.py::test_get_version": "--version shows flaskish's version",
    "tests/test_templating.py::test_template_loader_debugging": "flaskish's docs link",
    "tests/test_reqctx.py::test_bad_environ_raises_bad_request": "fails on Flask too",
}

# pytest 8 removed this name, which Flask's conftest still imports.
_PYTEST_COMPAT = (
    "from _pytest.compat import NOTSET as _NOTSET\nmonkeypatch.notset = _NOTSET\n"
)


def _deselected(source: Path, root: Path) -> list[str]:
    options = []
    for test_id, why in KNOWN_DIFFERENCES.items():
        path, _, name = test_id.partition("::")
        if (source / path).is_relative_to(root):
            print(f"   deselected {test_id}: {why}")
            options += ["--deselect", f"{(source / path).relative_to(root)}::{name}"]
    return options


def _rename_imports(folder: Path) -> None:
    for path in folder.rglob("*.py"):
        text = path.read_text()
        for pattern, replacement in _IMPORTS:
            text = pattern.sub(replacement, text)
        if path.name == "conftest.py" and "monkeypatch.notset" in text:
            text = text.replace(
                "from _pytest import monkeypatch\n",
                "from _pytest import monkeypatch\n" + _PYTEST_COMPAT,
            )
        path.write_text(text)


def _download(version: str, into: Path) -> Path:
    # uv-made environments have no pip; the system interpreter's will do.
    python = sys.executable if importlib.util.find_spec("pip") else "python3"
    subprocess.run(
        [
            python,
            "-m",
            "pip",
            "download",
            f"flask=={version}",
            "--no-binary",
            ":all:",
            "--no-deps",
            "--quiet",
            "--dest",
            str(into),
        ],
        check=True,
    )
    archive = next(into.glob("flask-*.tar.gz"))
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    return into / archive.name.removesuffix(".tar.gz")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", default="3.1.3")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = _download(args.version, Path(tmp))
        status = 0
        suites = [
            (source / "tests", source / "tests"),
            (
                source / "examples" / "tutorial" / "tests",
                source / "examples" / "tutorial",
            ),
            (
                source / "examples" / "javascript" / "tests",
                source / "examples" / "javascript",
            ),
        ]
        for tests, root in suites:
            _rename_imports(root)
            print(f"== {tests.relative_to(source)}", flush=True)
            done = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pytest",
                    "-q",
                    "-p",
                    "no:cacheprovider",
                    "-W",
                    "ignore",
                    "--rootdir",
                    str(root),
                    *_deselected(source, root),
                    str(tests),
                ],
                cwd=root,
                env={**os.environ, "PYTHONPATH": str(root)},
                check=False,
            )
            status = status or done.returncode
        if importlib.util.find_spec("mypy") is not None:
            type_checks = source / "tests" / "type_check"
            print(f"== {type_checks.relative_to(source)} (mypy --strict)", flush=True)
            done = subprocess.run(
                [sys.executable, "-m", "mypy", "--strict", str(type_checks)],
                check=False,
            )
            status = status or done.returncode
        return status


if __name__ == "__main__":
    raise SystemExit(main())
