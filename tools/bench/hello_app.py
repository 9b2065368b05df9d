"""The hello app served by gunicorn for the end-to-end figure."""

from __future__ import annotations

import importlib
from typing import Any


def create_app(framework: str) -> Any:
    fw = importlib.import_module(framework)
    app = fw.Flask(__name__)

    @app.route("/")
    def hello() -> str:
        return "Hello, World!"

    return app
