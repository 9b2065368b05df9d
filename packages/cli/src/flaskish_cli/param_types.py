"""Click parameter types and checks of the ``run`` command."""

from __future__ import annotations

import importlib
import ssl
from typing import Any

import click
from werkzeug.utils import import_string

MaybeParam = click.Parameter | None
MaybeContext = click.Context | None


class CertParamType(click.ParamType):  # type: ignore[type-arg]
    """The ``--cert`` value: an existing file, ``adhoc``, or the import path
    of an :class:`ssl.SSLContext`.
    """

    name = "path"

    def __init__(self) -> None:
        self.path_type = click.Path(exists=True, dir_okay=False, resolve_path=True)

    def convert(self, value: Any, param: MaybeParam, ctx: MaybeContext) -> Any:
        try:
            return self.path_type(value, param, ctx)
        except click.BadParameter:
            text = click.STRING(value, param, ctx).lower()
            other = _adhoc_or_context(text, param, ctx)
            if other is None:
                raise
            return other


def _adhoc_or_context(
    text: str, param: MaybeParam, ctx: MaybeContext
) -> str | ssl.SSLContext | None:
    """``"adhoc"``, or the SSLContext ``text`` imports; ``None`` otherwise."""
    if text == "adhoc":
        _require_cryptography(param, ctx)
        return text
    imported = import_string(text, silent=True)
    return imported if isinstance(imported, ssl.SSLContext) else None


def _require_cryptography(param: MaybeParam, ctx: MaybeContext) -> None:
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
    kind = _cert_kind(cert)
    if value is None:
        if kind == "file":
            raise click.BadParameter('Required when using "--cert".', ctx, param)
        return value
    if kind != "file":
        raise click.BadParameter(_UNUSABLE_KEY[kind], ctx, param)
    ctx.params["cert"] = (cert, value)
    return value


def _cert_kind(cert: Any) -> str:
    if isinstance(cert, ssl.SSLContext):
        return "context"
    return "adhoc" if cert == "adhoc" else "file" if cert else "none"


# Why ``--key`` cannot go with each kind of ``--cert`` value.
_UNUSABLE_KEY = {
    "adhoc": 'When "--cert" is "adhoc", "--key" is not used.',
    "context": 'When "--cert" is an SSLContext object, "--key" is not used.',
    "none": '"--cert" must also be specified.',
}


class SeparatedPathType(click.Path):
    """A list of paths joined by :data:`os.pathsep`, each checked as a
    :class:`click.Path`.
    """

    def convert(self, value: Any, param: MaybeParam, ctx: MaybeContext) -> Any:
        items = self.split_envvar_value(value)
        return [click.Path.convert(self, item, param, ctx) for item in items]
