"""``--as-flask/--no-as-flask``: the ``flaskish`` command runs code that imports ``flask``.

The switch itself belongs to the framework, a layer above this package:
it registers a callable in the ``flaskish.as_flask`` entry-point group
(the ``flaskish`` distribution registers ``flaskish.install_as_flask``).
The ``flaskish`` command calls it before it loads plugin commands or the
application, unless ``--no-as-flask`` (or ``FLASKISH_AS_FLASK=0``) says not
to. Without anything registered the command serves what it is given, such
as a plain WSGI callable, unchanged; an explicit ``--as-flask`` is then an
error.
"""

from __future__ import annotations

import importlib.metadata
from typing import Any

import click
from click.core import ParameterSource

from .flask_group import FlaskGroup

#: Entry-point group of the callables that make ``import flask`` mean
#: flaskish (a flaskish seam).
ENTRY_POINT_GROUP = "flaskish.as_flask"

as_flask_option = click.Option(
    ["--as-flask/--no-as-flask"],
    default=None,
    envvar="FLASKISH_AS_FLASK",
    expose_value=False,
    help="Make 'import flask' give flaskish's modules before loading the"
    " application and plugin commands, so code written for Flask (and"
    " Flask extensions) runs unchanged. On by default when the flaskish"
    " package is installed.",
)


def switch_to_flaskish(wanted: bool | None) -> bool:
    """Throw the switches registered under :data:`ENTRY_POINT_GROUP`.

    ``wanted`` is ``False`` to do nothing, ``None`` to throw any that are
    installed, ``True`` to require one. Returns whether one was thrown.
    """
    if wanted is False:
        return False
    entries = importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
    if not entries and wanted:
        raise click.UsageError(
            "--as-flask needs the flaskish package (pip install flaskish),"
            " which makes 'import flask' give flaskish's modules."
        )
    for entry in entries:
        try:
            entry.load()()
        except ImportError as error:
            raise click.ClickException(str(error)) from error
    return bool(entries)


class AsFlaskGroup(FlaskGroup):
    """A :class:`FlaskGroup` with ``--as-flask/--no-as-flask``, acted on
    before any other option (``--help`` loads the application too)."""

    def __init__(self, **extra: Any) -> None:
        extra["params"] = [as_flask_option, *(extra.get("params") or ())]
        super().__init__(**extra)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Throw the switch, then parse as :class:`FlaskGroup` does."""
        switch_to_flaskish(self._as_flask_choice(ctx, args))
        return super().parse_args(ctx, args)

    def _as_flask_choice(self, ctx: click.Context, args: list[str]) -> bool | None:
        # A parse of its own: click runs option callbacks in command-line
        # order, and --help or --app may come first.
        probe = click.Context(self, parent=ctx.parent, ignore_unknown_options=True)
        try:
            opts, _, _ = self.make_parser(probe).parse_args(args=list(args))
        except click.UsageError:  # reported by the real parse
            opts = {}
        value, source = as_flask_option.consume_value(probe, opts)
        if source is ParameterSource.DEFAULT:
            return None
        choice: bool = as_flask_option.type_cast_value(probe, value)
        return choice
