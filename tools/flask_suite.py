"""Run Flask's own test suite and example tests against flaskish.

Downloads the Flask source distribution (``pip download``, so it needs
PyPI) into a temporary folder and runs, unchanged, with only
``-p flaskish.as_flask`` (``--renamed``: after rewriting only the import
statements, ``flask`` -> ``flaskish``), ``tests/`` plus the tutorial and
JavaScript examples' tests with pytest in this interpreter, then type-checks
``tests/type_check`` (renamed) with ``mypy --strict`` when mypy is installed.
Nothing of Flask's is kept
in the repository. The handful of tests that check Flask's own name,
version or documentation URL are expected to fail; see docs/differences.md.

    .venv/bin/python tools/flask_suite.py [--version 3.1.3] [--renamed]
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
from pathlib import Path

from renamed_source import add_asgi_option
from renamed_source import apply_asgi_option
from renamed_source import deselected
from renamed_source import download_source
from renamed_source import rename_imports
from renamed_source import run_pytest

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


def _patch_conftests(folder: Path) -> None:
    for path in folder.rglob("conftest.py"):
        text = path.read_text()
        if "monkeypatch.notset" in text:
            path.write_text(
                text.replace(
                    "from _pytest import monkeypatch\n",
                    "from _pytest import monkeypatch\n" + _PYTEST_COMPAT,
                )
            )


def _known_differences_in(source: Path, root: Path) -> dict[str, str]:
    """:data:`KNOWN_DIFFERENCES` under ``root``, as ids relative to it."""
    known = {}
    for test_id, why in KNOWN_DIFFERENCES.items():
        path, _, name = test_id.partition("::")
        if (source / path).is_relative_to(root):
            known[f"{(source / path).relative_to(root)}::{name}"] = why
    return known


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", default="3.1.3")
    parser.add_argument(
        "--renamed",
        action="store_true",
        help="rename the flask imports to flaskish instead of the switch",
    )
    add_asgi_option(parser)
    args = parser.parse_args()
    apply_asgi_option(args)
    with tempfile.TemporaryDirectory() as tmp:
        source = download_source(f"flask=={args.version}", Path(tmp))
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
        switch = [] if args.renamed else ["-p", "flaskish.as_flask"]
        for tests, root in suites:
            if args.renamed:
                rename_imports(root)
            _patch_conftests(root)
            print(f"== {tests.relative_to(source)}", flush=True)
            arguments = [*switch, "-W", "ignore", "--rootdir", str(root)]
            arguments += deselected(_known_differences_in(source, root))
            arguments.append(str(tests))
            status = status or run_pytest(arguments, root, [root])
        if importlib.util.find_spec("mypy") is not None:
            type_checks = source / "tests" / "type_check"
            # A static check: no switch reaches mypy, so these are renamed.
            rename_imports(type_checks)
            print(f"== {type_checks.relative_to(source)} (mypy --strict)", flush=True)
            done = subprocess.run(
                [sys.executable, "-m", "mypy", "--strict", str(type_checks)],
                check=False,
            )
            status = status or done.returncode
        return status


if __name__ == "__main__":
    raise SystemExit(main())
