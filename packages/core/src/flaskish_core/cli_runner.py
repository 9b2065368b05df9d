"""The CLI runner of an application, for testing its commands."""

from __future__ import annotations

import typing as t

from click.testing import CliRunner

from flaskish_cli import ScriptInfo

if t.TYPE_CHECKING:
    from click.testing import Result

    from .app import Flask


class FlaskCliRunner(CliRunner):
    """click's ``CliRunner`` bound to an application: commands invoked
    without ``obj=`` get a :class:`~flaskish_cli.ScriptInfo` loading it."""

    def __init__(self, app: Flask, **kwargs: t.Any) -> None:
        self.app = app
        super().__init__(**kwargs)

    def invoke(self, cli: t.Any = None, args: t.Any = None, **kwargs: t.Any) -> Result:  # type: ignore[override]
        """Invoke ``cli`` (default: ``app.cli``) with ``args``, isolated."""
        target = self.app.cli if cli is None else cli
        if "obj" not in kwargs:
            kwargs["obj"] = ScriptInfo(create_app=lambda: self.app)
        return super().invoke(target, args, **kwargs)


__all__ = ["FlaskCliRunner"]
