"""A reading list written for Flask: Flask-Login, Flask-SQLAlchemy, Flask-WTF.

Nothing here names flaskish: it runs on flaskish once the process has
thrown the switch (``import flaskish.as_flask``, the ``flaskish`` command,
``pytest -p flaskish.as_flask``).
"""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask_wtf.csrf import CSRFProtect

from .models import db
from .models import login_manager
from .views import bp


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the application; ``config`` overrides the defaults."""
    app = Flask(__name__)
    app.config.from_mapping(
        SECRET_KEY="dev",
        SQLALCHEMY_DATABASE_URI="sqlite:///bookshelf.sqlite",
    )
    app.config.from_prefixed_env("BOOKSHELF")
    if config:
        app.config.update(config)
    db.init_app(app)
    login_manager.init_app(app)
    CSRFProtect(app)  # every POST, not only the forms' own
    app.register_blueprint(bp)

    @app.cli.command("init-db")
    def init_db() -> None:
        """Create the tables and a reader 'ada' with password 'ada-pw'."""
        from .models import create_reader

        with app.app_context():
            db.create_all()
            create_reader("ada", "ada-pw")
        print("Initialized the database.")

    return app
