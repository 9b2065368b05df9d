"""Click parameter types and checks of the ``run`` command."""

from __future__ import annotations

import importlib
import ssl
from typing import Any

import click
from werkzeug.utils import import_string


class CertParamType(click.ParamType):  # type: ignore[type-arg]
    """The ``--cert`` value: an existing file, ``adhoc``, or the import path
    of an :class:`ssl.SSLContext`.
    """

    name = "path"

    def __init__(self) -> None:
        self.path_type = click.Path(exists=True, dir_okay=False, resolve_path=True)

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> Any:
        try:
            return self.path_type(value, param, ctx)
        except click.BadParameter:
            text = click.STRING(value, param, ctx).lower()
            if text == "adhoc":
                _require_cryptography(param, ctx)
                return text
            context = import_string(text, silent=True)
            if isinstance(context, ssl.SSLContext):
                return context
            raise


def _require_cryptography(
    param: click.Parameter | None, ctx: click.Context | None
) -> None:
    try:
        importlib.import_module("cryptography")
    except ImportError:
        message = "Using ad-hoc certificates requires the cryptography library."
        raise click.BadParameter(message, ctx, param) from None


def validate_key(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """Check ``--key`` against ``--cert`` and pair them up.

    A certificate file needs a key and the two become the ``(cert, key)``
    ``ssl_context`` of ``run_simple``; ``adhoc`` and an SSLContext take none.
    """
    cert = ctx.params.get("cert")
    adhoc = cert == "adhoc"
    is_context = isinstance(cert, ssl.SSLContext)

    if value is None:
        if cert and not (adhoc or is_context):
            raise click.BadParameter('Required when using "--cert".', ctx, param)
        return value
    if adhoc:
        raise click.BadParameter(
            'When "--cert" is "adhoc", "--key" is not used.', ctx, param
        )
    if is_context:
        raise click.BadParameter(
            'When "--cert" is an SSLContext object, "--key" is not used.', ctx, param
        )
    if not cert:
        raise click.BadParameter('"--cert" must also be specified.', ctx, param)
    ctx.params["cert"] = (cert, value)
    return value


class SeparatedPathType(click.Path):
    """A list of paths joined by :data:`os.pathsep`, each checked as a
    :class:`click.Path`.
    """

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> Any:
        check_one = super().convert
        return [check_one(item, param, ctx) for item in self.split_envvar_value(value)]
