"""The ``flaskish`` console script."""

from __future__ import annotations

from .as_flask import AsFlaskGroup

#: The group behind the ``flaskish`` command.
cli = AsFlaskGroup(
    name="flaskish",
    help="""\
A general utility script for flaskish applications.

The application to load is given with the '--app' option, the 'FLASK_APP'
(or 'FLASKISH_APP') environment variable, or found in a 'wsgi.py' or
'app.py' file in the current directory.
""",
)


def main() -> None:
    """Run the ``flaskish`` command line."""
    cli.main()
