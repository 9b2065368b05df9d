"""The suite in ``tests/`` is the example's own, written for Flask: it runs
only where ``flask`` is flaskish (``pytest -p flaskish.as_flask``, which this
folder's ``pyproject.toml`` adds). Within the workspace's test run,
``test_on_flaskish.py`` runs it that way in a process of its own, so this
process never imports Flask's modules."""

import sys

collect_ignore = [] if "flaskish.as_flask" in sys.modules else ["tests"]
