"""What a production server loads: ``gunicorn wsgi:app``, ``waitress-serve wsgi:app``,
``granian --interface wsgi wsgi:app``. The first import runs the application
on flaskish; it must come before anything imports flask."""

import flaskish.as_flask  # noqa: F401

# isort: split
from bookshelf import create_app

app = create_app()
