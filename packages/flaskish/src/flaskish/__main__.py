"""``python -m flaskish``: the ``flaskish`` command line."""

from __future__ import annotations

from flaskish_cli import main

main()
