"""Sphinx configuration of the flaskish documentation (``nox -s docs``)."""

from __future__ import annotations

import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS / "_ext"))

project = "flaskish"
author = "The flaskish developers"
copyright = "the flaskish developers"
release = version = "0.1.0"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.intersphinx",
    "flaskish_api",
    "bench_chart",
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build", "_inventories", "_ext", "_data", "README.md"]

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = "flaskish"

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"show-inheritance": True, "undoc-members": True}

# The inventories are stored in _inventories/ (see tools/docs_inventories.py),
# so the build needs no network: each target is the project's site, the
# inventory the file copied from Debian's packaged documentation.
_INVENTORIES = DOCS / "_inventories"
intersphinx_mapping = {
    "python": ("https://docs.python.org/3/", str(_INVENTORIES / "python.inv")),
    "werkzeug": (
        "https://werkzeug.palletsprojects.com/en/stable/",
        str(_INVENTORIES / "werkzeug.inv"),
    ),
    "jinja": (
        "https://jinja.palletsprojects.com/en/stable/",
        str(_INVENTORIES / "jinja.inv"),
    ),
    "click": (
        "https://click.palletsprojects.com/en/stable/",
        str(_INVENTORIES / "click.inv"),
    ),
    "itsdangerous": (
        "https://itsdangerous.palletsprojects.com/en/stable/",
        str(_INVENTORIES / "itsdangerous.inv"),
    ),
}

# An object is reachable at several paths on purpose (``flaskish.Request`` is
# ``flaskish.wrappers.Request`` is ``flaskish_core.wrappers.Request``), so a
# short name in a docstring matches more than one target; any of them is the
# right object.
suppress_warnings = ["ref.python"]
