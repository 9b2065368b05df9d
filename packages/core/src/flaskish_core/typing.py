"""Type aliases for the callables and return values an application accepts."""

from __future__ import annotations

import typing as t
from collections.abc import AsyncIterable
from collections.abc import Awaitable
from collections.abc import Callable
from collections.abc import Iterator
from collections.abc import Mapping
from collections.abc import Sequence

from werkzeug.datastructures import Headers
from werkzeug.sansio.response import Response

_Any = t.Any
_Environ = dict[str, _Any]

#: A WSGI application, also a valid view return value.
WSGICallable = Callable[[_Environ, Callable[..., _Any]], t.Iterable[bytes]]

#: A body a view may return: a response, text, bytes, JSON-able
#: containers or (sync or async) iterators of chunks.
ResponseValue = (
    Response
    | str
    | bytes
    | list[_Any]
    | Mapping[str, _Any]
    | Iterator[str]
    | Iterator[bytes]
    | AsyncIterable[str]
    | AsyncIterable[bytes]
)

#: One header value: a string or a list/tuple of strings.
HeaderValue = str | list[str] | tuple[str, ...]

#: Headers a view may return next to its body.
HeadersValue = Headers | Mapping[str, HeaderValue] | Sequence[tuple[str, HeaderValue]]

#: Anything a view may return: a body, optionally with status and headers.
ResponseReturnValue = (
    ResponseValue
    | tuple[ResponseValue, int]
    | tuple[ResponseValue, HeadersValue]
    | tuple[ResponseValue, int, HeadersValue]
    | WSGICallable
)

#: The response class an ``after_request`` function receives and returns.
ResponseClass = t.TypeVar("ResponseClass", bound=Response)

#: Registry key: ``None`` for the app, the blueprint's name otherwise.
AppOrBlueprintKey = str | None

_MaybeAwaitable = (
    Callable[..., ResponseReturnValue] | Callable[..., Awaitable[ResponseReturnValue]]
)

#: A view function.
RouteCallable = _MaybeAwaitable
#: An error handler, called with the exception.
ErrorHandlerCallable = (
    Callable[[_Any], ResponseReturnValue]
    | Callable[[_Any], Awaitable[ResponseReturnValue]]
)
#: A ``before_request`` function; a non-``None`` result ends the request.
BeforeRequestCallable = (
    Callable[[], ResponseReturnValue | None]
    | Callable[[], Awaitable[ResponseReturnValue | None]]
)
#: Kept for applications that still name this type.
BeforeFirstRequestCallable = Callable[[], None] | Callable[[], Awaitable[None]]
#: An ``after_request`` function.
AfterRequestCallable = (
    Callable[[ResponseClass], ResponseClass]
    | Callable[[ResponseClass], Awaitable[ResponseClass]]
)
#: A teardown function, called with the unhandled exception or ``None``.
TeardownCallable = (
    Callable[[BaseException | None], None]
    | Callable[[BaseException | None], Awaitable[None]]
)
#: A template context processor.
TemplateContextProcessorCallable = (
    Callable[[], dict[str, _Any]] | Callable[[], Awaitable[dict[str, _Any]]]
)
#: A Jinja filter.
TemplateFilterCallable = Callable[..., _Any]
#: A Jinja global.
TemplateGlobalCallable = Callable[..., _Any]
#: A Jinja test.
TemplateTestCallable = Callable[..., bool]
#: A shell context processor.
ShellContextProcessorCallable = Callable[[], dict[str, _Any]]
#: A URL defaults function, called with the endpoint and the values.
URLDefaultCallable = Callable[[str, dict[str, _Any]], None]
#: A URL value preprocessor, called with the endpoint and the view args.
URLValuePreprocessorCallable = Callable[[str | None, dict[str, _Any] | None], None]

__all__ = [
    "AfterRequestCallable",
    "AppOrBlueprintKey",
    "BeforeFirstRequestCallable",
    "BeforeRequestCallable",
    "ErrorHandlerCallable",
    "HeaderValue",
    "HeadersValue",
    "ResponseClass",
    "ResponseReturnValue",
    "ResponseValue",
    "RouteCallable",
    "ShellContextProcessorCallable",
    "TeardownCallable",
    "TemplateContextProcessorCallable",
    "TemplateFilterCallable",
    "TemplateGlobalCallable",
    "TemplateTestCallable",
    "URLDefaultCallable",
    "URLValuePreprocessorCallable",
    "WSGICallable",
]
