"""Refresh the intersphinx inventories stored in ``docs/_inventories/``.

The documentation links to Python's, werkzeug's, Jinja's, click's and
itsdangerous's documentation through intersphinx. Their inventories
(``objects.inv``) are stored in the repository so that building the site
needs no network. This script takes them from Debian's packaged copies of
those projects' documentation: ``apt-get download`` fetches each ``.deb``
into a temporary folder (no root needed, no install) and ``dpkg-deb``
extracts the ``objects.inv``. Run it on a Debian machine after
``apt-get update``; commit the changed files.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

INVENTORIES = Path(__file__).resolve().parent.parent / "docs" / "_inventories"
# Stored name -> (Debian package, path of objects.inv inside it).
SOURCES = {
    "python.inv": ("python3.11-doc", "usr/share/doc/python3.11/html/objects.inv"),
    "werkzeug.inv": (
        "python-werkzeug-doc",
        "usr/share/doc/python-werkzeug-doc/html/objects.inv",
    ),
    "jinja.inv": (
        "python-jinja2-doc",
        "usr/share/doc/python-jinja2-doc/html/objects.inv",
    ),
    "click.inv": (
        "python-click-doc",
        "usr/share/doc/python-click-doc/html/objects.inv",
    ),
    "itsdangerous.inv": (
        "python-itsdangerous-doc",
        "usr/share/doc/python-itsdangerous-doc/html/objects.inv",
    ),
}


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        packages = sorted({package for package, _ in SOURCES.values()})
        subprocess.run(["apt-get", "download", *packages], cwd=work, check=True)
        for deb in work.glob("*.deb"):
            subprocess.run(["dpkg-deb", "-x", str(deb), str(work / "x")], check=True)
        for stored, (_, inner) in SOURCES.items():
            shutil.copyfile(work / "x" / inner, INVENTORIES / stored)
            print(f"{stored}: {(INVENTORIES / stored).stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
