"""Fetch a project written for Flask and point its imports at flaskish.

Shared by ``flask_suite.py`` (Flask's own tests) and
``extension_suites.py`` (the test suites of Flask extensions): both
download a source distribution, rewrite only its import statements
(``flask`` -> ``flaskish``) and run its tests against flaskish.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import subprocess
import sys
import tarfile
from collections.abc import Iterable
from collections.abc import Mapping
from pathlib import Path

TOOLS = Path(__file__).resolve().parent

# Indentation, and the prompt of a doctest example.
_LEAD = r"^(\s*(?:>>> |\.\.\. )?)"

IMPORT_RENAMES = [
    (re.compile(_LEAD + r"import flask$", re.M), r"\1import flaskish as flask"),
    (
        re.compile(_LEAD + r"import flask\.([\w.]+)$", re.M),
        r"\1import flaskish as flask\n\1import flaskish.\2",
    ),
    (
        re.compile(_LEAD + r"from flask((?:\.\w+)*) import", re.M),
        r"\1from flaskish\2 import",
    ),
    # Applications that tests write out as source text.
    (re.compile(r"\bimport flask\\n"), r"import flaskish as flask\\n"),
]

# Raised by the stand-in ``flask`` package that a renamed suite runs with, so
# an import the renaming missed fails loudly instead of testing Flask.
_FLASK_BLOCKED = "flask is not importable here: this suite runs against flaskish"


def rename_imports(folder: Path, suffixes: Iterable[str] = (".py",)) -> None:
    """Rewrite the ``flask`` imports of every file under ``folder`` whose
    name ends in one of ``suffixes``."""
    for suffix in suffixes:
        for path in folder.rglob(f"*{suffix}"):
            text = path.read_text()
            renamed = text
            for pattern, replacement in IMPORT_RENAMES:
                renamed = pattern.sub(replacement, renamed)
            if renamed != text:
                path.write_text(renamed)


def download_source(requirement: str, into: Path) -> Path:
    """Download and unpack the source distribution of ``requirement``
    (``name==version``) into ``into``; return the unpacked folder."""
    # uv-made environments have no pip; the system interpreter's will do.
    python = sys.executable if importlib.util.find_spec("pip") else "python3"
    into.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            python,
            "-m",
            "pip",
            "download",
            requirement,
            "--no-binary",
            ":all:",
            "--no-deps",
            "--quiet",
            "--dest",
            str(into),
        ],
        check=True,
    )
    archive = next(into.glob("*.tar.gz"))
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    archive.unlink()
    return next(path for path in into.iterdir() if path.is_dir())


def flask_blocker(into: Path) -> Path:
    """A folder holding a ``flask`` package whose import fails; put it first
    on ``PYTHONPATH`` so nothing can import Flask by accident."""
    return import_blocker(into, ["flask"], _FLASK_BLOCKED)


def import_blocker(into: Path, packages: Iterable[str], message: str) -> Path:
    """A folder holding, for each name in ``packages``, a package whose
    import fails with ``message``; put it first on ``PYTHONPATH`` to hide
    installed ones."""
    for name in packages:
        package = into / name
        package.mkdir(parents=True, exist_ok=True)
        (package / "__init__.py").write_text(f"raise ImportError({message!r})\n")
    return into


def deselected(reasons: Mapping[str, str]) -> list[str]:
    """pytest arguments deselecting exactly the test ids in ``reasons`` (with
    the ``suite_options`` plugin), printing each with its reason."""
    arguments = []
    for test_id, why in reasons.items():
        print(f"   deselected {test_id}: {why}")
        arguments += ["--deselect-exact", test_id]
    return arguments


def run_pytest(arguments: list[str], cwd: Path, path: Iterable[Path]) -> int:
    """Run pytest (quiet, no cache, with the ``suite_options`` plugin and
    without pytest-flask's) in this interpreter from ``cwd`` with ``path``
    (and this folder, for the plugin) as ``PYTHONPATH`` and this
    environment's scripts first on ``PATH``; return its exit status."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(str(folder) for folder in (*path, TOOLS)),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    # pytest-flask (in the workspace's test group) would push a request
    # context around every test that has an ``app`` fixture; no suite run
    # here uses it.
    command += ["-p", "suite_options", "-p", "no:flask"]
    done = subprocess.run([*command, *arguments], cwd=cwd, env=env, check=False)
    return done.returncode


def add_asgi_option(parser: argparse.ArgumentParser) -> None:
    """``--asgi``: the suites' test clients send every request through
    ``app.asgi_app`` (see :func:`apply_asgi_option`)."""
    parser.add_argument(
        "--asgi",
        action="store_true",
        help="send every test client request through app.asgi_app",
    )


def apply_asgi_option(args: argparse.Namespace) -> None:
    """Set the test client's transport for the pytest runs this process starts."""
    if args.asgi:
        os.environ["FLASKISH_TEST_CLIENT"] = "asgi"
