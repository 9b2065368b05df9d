"""A multi-user blog: the flaskish demo application."""

from __future__ import annotations

import os
from typing import Any

from flaskish import Flask


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Application factory: ``flaskish --app blog run``."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(
        SECRET_KEY="dev",
        DATABASE=os.path.join(app.instance_path, "blog.sqlite"),
    )
    if test_config is None:
        # Deployments put SECRET_KEY and friends in instance/config.py or
        # in FLASK_-prefixed environment variables (FLASK_DATABASE=...).
        app.config.from_pyfile("config.py", silent=True)
        app.config.from_prefixed_env()
    else:
        app.config.from_mapping(test_config)
    os.makedirs(app.instance_path, exist_ok=True)

    from blog import auth
    from blog import db
    from blog import posts

    db.init_app(app)
    app.register_blueprint(auth.bp)
    app.register_blueprint(posts.bp)
    app.add_url_rule("/", endpoint="index")
    return app
