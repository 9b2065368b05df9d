"""Importing this module makes ``import flask`` mean flaskish in this process.

``import flaskish.as_flask`` is :func:`flaskish.install_as_flask` as an
import, for the first line of an entry point. It is also a pytest plugin:
``pytest -p flaskish.as_flask`` runs a Flask project's test suite on
flaskish, the switch thrown before any test module or ``conftest.py`` is
imported.
"""

from __future__ import annotations

from ._flask_metadata import FLASK_VERSION
from ._switch import install_as_flask

install_as_flask()


def pytest_report_header() -> str:
    """Say in pytest's header that ``flask`` is flaskish in this run."""
    return (
        f"flaskish.as_flask: flask is flaskish (standing in for Flask {FLASK_VERSION})"
    )
