"""JSON providers: how an application serializes and parses JSON."""

from __future__ import annotations

import json
import typing as t
import weakref
from functools import cached_property

from flaskish_routing.bounded import remember
from flaskish_routing.plain_response import response_of_mimetype
from flaskish_sessions import json_default

if t.TYPE_CHECKING:
    from flaskish_core.wrappers import Response


class _JSONApp(t.Protocol):
    @property
    def debug(self) -> bool: ...

    @property
    def response_class(self) -> type[Response]: ...


#: The keyword arguments of ``json.JSONEncoder``.
_ENCODER_OPTIONS = frozenset(
    (
        "skipkeys",
        "ensure_ascii",
        "check_circular",
        "allow_nan",
        "sort_keys",
        "indent",
        "separators",
        "default",
    )
)
#: The types of ``indent`` values whose encoder is kept (``None``: unset).
_INDENT_TYPES = frozenset((type(None), int, bool, str))
#: Distinct option sets whose encoder a provider keeps.
_MAX_ENCODERS = 32


def _response_payload(args: tuple[t.Any, ...], kwargs: dict[str, t.Any]) -> t.Any:
    """The object ``response(*args, **kwargs)`` serializes: nothing gives
    ``None``, one argument is itself, several form a list, keywords a dict."""
    if args:
        if kwargs:
            raise TypeError("app.json.response() takes either args or kwargs, not both")
        return args[0] if len(args) == 1 else args
    return kwargs or None


class JSONProvider:
    """Base of an application's JSON support, available as ``app.json``.

    Subclasses implement :meth:`dumps` and :meth:`loads`; the file and
    response methods are built on those two. The provider holds a weak
    reference to its app.
    """

    def __init__(self, app: _JSONApp) -> None:
        self._app: _JSONApp = weakref.proxy(app)

    def dumps(self, obj: t.Any, **kwargs: t.Any) -> str:
        """Serialize ``obj`` to a JSON string."""
        raise NotImplementedError

    def dump(self, obj: t.Any, fp: t.IO[str], **kwargs: t.Any) -> None:
        """Serialize ``obj`` and write it to the text file ``fp``."""
        fp.write(self.dumps(obj, **kwargs))

    def loads(self, s: str | bytes, **kwargs: t.Any) -> t.Any:
        """Parse a JSON document."""
        raise NotImplementedError

    def load(self, fp: t.IO[t.AnyStr], **kwargs: t.Any) -> t.Any:
        """Read the file ``fp`` and parse it."""
        return self.loads(fp.read(), **kwargs)

    def response(self, *args: t.Any, **kwargs: t.Any) -> Response:
        """Build an ``application/json`` response of the arguments: one
        positional argument as is, several as a list, keywords as a dict."""
        payload = _response_payload(args, kwargs)
        return response_of_mimetype(
            self._app.response_class, self.dumps(payload), "application/json"
        )


class DefaultJSONProvider(JSONProvider):
    """JSON through the standard library's :mod:`json`.

    Besides the JSON types it serializes dates (as HTTP dates), decimals,
    UUIDs, dataclasses and objects with ``__html__``.
    """

    #: Fallback for objects :mod:`json` cannot serialize.
    default: t.Callable[[t.Any], t.Any] = staticmethod(json_default)
    #: Escape non-ASCII characters.
    ensure_ascii = True
    #: Sort object keys, which keeps output (and caches) stable.
    sort_keys = True
    #: Compact (``True``) or indented (``False``) responses; ``None``
    #: indents in debug mode only.
    compact: bool | None = None
    #: Mimetype of :meth:`response`.
    mimetype = "application/json"

    def dumps(self, obj: t.Any, **kwargs: t.Any) -> str:
        """Serialize ``obj`` with this provider's options as defaults."""
        default, ensure_ascii, sort_keys = (
            self.default,
            self.ensure_ascii,
            self.sort_keys,
        )
        # json.dumps builds a JSONEncoder for every call with options (about
        # 1 us); an encoder keeps no state between encode calls, so one is
        # kept per distinct set of options and arguments. Equal options give
        # the same output (the flags are only tested for truth), except an
        # indent of another type (2.0 == 2, but json rejects it).
        key = (default, ensure_ascii, sort_keys, *kwargs.items())
        encoders = self._encoders
        try:
            encoder = encoders.get(key)
        except TypeError:  # an unhashable argument: json.dumps it is
            kept = False
        else:
            kept = type(kwargs.get("indent")) in _INDENT_TYPES
            if encoder is not None and kept:
                return encoder.encode(obj)
        options = {
            "default": default,
            "ensure_ascii": ensure_ascii,
            "sort_keys": sort_keys,
            **kwargs,
        }
        if not kept or not options.keys() <= _ENCODER_OPTIONS:
            return json.dumps(obj, **options)
        encoder = json.JSONEncoder(**options)
        return remember(encoders, key, encoder, _MAX_ENCODERS).encode(obj)

    @cached_property
    def _encoders(self) -> dict[tuple[t.Any, ...], json.JSONEncoder]:
        return {}

    def loads(self, s: str | bytes, **kwargs: t.Any) -> t.Any:
        """Parse ``s`` with :func:`json.loads`."""
        return json.loads(s, **kwargs)

    def response(self, *args: t.Any, **kwargs: t.Any) -> Response:
        """Like :meth:`JSONProvider.response`, ending with a newline and
        indented by two spaces when :attr:`compact` says so."""
        payload = _response_payload(args, kwargs)
        compact = self.compact
        if compact is False or (compact is None and self._app.debug):
            text = self.dumps(payload, indent=2)
        else:
            text = self.dumps(payload, separators=(",", ":"))
        return response_of_mimetype(
            self._app.response_class, f"{text}\n", self.mimetype
        )


__all__ = ["DefaultJSONProvider", "JSONProvider"]
