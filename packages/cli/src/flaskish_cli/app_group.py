"""Commands that run inside the application context."""

from __future__ import annotations

import functools
from typing import Any
from typing import TYPE_CHECKING
from typing import TypeVar

import click

from flaskish_context import app_or_none

if TYPE_CHECKING:
    from collections.abc import Callable

F = TypeVar("F", bound="Callable[..., Any]")


def with_appcontext(f: F) -> F:
    """Run the decorated command callback inside an application context.

    When no app context is active, the script's application is loaded and
    its context pushed for the rest of the click context's life, so
    subcommands see it too. Commands of ``app.cli`` get one without this.
    """

    @click.pass_context
    def run_in_app_context(ctx: click.Context, /, *args: Any, **kwargs: Any) -> Any:
        if app_or_none() is None:
            # Loaded here: app discovery is only needed when a command runs.
            from .script_info import ScriptInfo

            app = ctx.ensure_object(ScriptInfo).load_app()
            ctx.with_resource(app.app_context())
        return ctx.invoke(f, *args, **kwargs)

    return functools.update_wrapper(run_in_app_context, f)  # type: ignore[return-value]


class AppGroup(click.Group):
    """A :class:`click.Group` whose commands run in the app context.

    :meth:`command` wraps callbacks in :func:`with_appcontext` unless given
    ``with_appcontext=False``; :meth:`group` makes nested ``AppGroup``\\ s.
    """

    def command(  # type: ignore[override]
        self, *args: Any, **kwargs: Any
    ) -> Callable[[Callable[..., Any]], click.Command]:
        """Like :meth:`click.Group.command`, wrapping in the app context."""
        needs_context = kwargs.pop("with_appcontext", True)
        bare = len(args) == 1 and callable(args[0]) and not kwargs
        register = super().command(*(() if bare else args), **kwargs)

        def decorator(f: Callable[..., Any]) -> click.Command:
            command: click.Command = register(
                with_appcontext(f) if needs_context else f
            )
            return command

        if bare:  # used as ``@group.command`` without parentheses
            return decorator(args[0])
        return decorator

    def group(  # type: ignore[override]
        self, *args: Any, **kwargs: Any
    ) -> Callable[[Callable[..., Any]], click.Group]:
        """Like :meth:`click.Group.group`, defaulting ``cls`` to ``AppGroup``."""
        kwargs.setdefault("cls", AppGroup)
        return super().group(*args, **kwargs)  # type: ignore[no-any-return]
