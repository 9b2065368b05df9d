"""Exceptions and patches that explain common mistakes in debug mode."""

from __future__ import annotations

import typing as t

from werkzeug.routing import RequestRedirect

from flaskish_templating import explain_template_loading_attempts

if t.TYPE_CHECKING:
    from .wrappers import Request


class UnexpectedUnicodeError(AssertionError, UnicodeError):
    """Raised where text or bytes of an unexpected kind showed up."""


class DebugFilesKeyError(KeyError, AssertionError):
    """Raised in debug mode by ``request.files[key]`` when the key is only
    in the form: the form was sent without ``multipart/form-data``."""

    def __init__(self, request: Request, key: str) -> None:
        submitted = ", ".join(map(repr, request.form.getlist(key)))
        text = (
            f"You tried to access the file {key!r} in the request.files "
            "dictionary but it does not exist. The mimetype for the request "
            f"is {request.mimetype!r} instead of 'multipart/form-data' which "
            "means that no file contents were transmitted. To fix this error "
            'you should provide enctype="multipart/form-data" in your form.'
        )
        if submitted:
            text += (
                "\n\nThe browser instead transmitted some file names. This "
                f"was submitted: {submitted}"
            )
        #: The explanation :func:`str` shows.
        self.msg = text

    def __str__(self) -> str:
        return self.msg


class FormDataRoutingRedirect(AssertionError):
    """Raised in debug mode instead of a routing redirect that would make
    a browser drop the method and body (not GET/HEAD/OPTIONS, not 307/308).
    """

    def __init__(self, request: Request) -> None:
        redirect = request.routing_exception
        assert isinstance(redirect, RequestRedirect)
        text = (
            f"A request was sent to '{request.url}', but routing issued a "
            f"redirect to the canonical URL '{redirect.new_url}'."
        )
        if redirect.new_url.partition("?")[0] == f"{request.base_url}/":
            text += (
                " The URL was defined with a trailing slash. flaskish will "
                "redirect to the URL with a trailing slash if it was accessed "
                "without one."
            )
        text += (
            " Send requests to the canonical URL, or use 307 or 308 for "
            "routing redirects. Otherwise, browsers will drop form data.\n\n"
            "This exception is only raised in debug mode."
        )
        super().__init__(text)


def attach_enctype_error_multidict(request: Request) -> None:
    """Make ``request.files[key]`` raise :class:`DebugFilesKeyError` for a
    key that was sent as a form field instead of a file."""
    base = type(request.files)

    def lookup(files: t.Any, key: str) -> t.Any:
        try:
            return base.__getitem__(files, key)
        except KeyError as missing:
            if key not in request.form:
                raise
            error = DebugFilesKeyError(request, key)
            raise error.with_traceback(missing.__traceback__) from None

    patched = type(
        base.__name__,
        (base,),
        {"__getitem__": lookup, "__module__": base.__module__},
    )
    request.files.__class__ = patched


__all__ = [
    "DebugFilesKeyError",
    "FormDataRoutingRedirect",
    "UnexpectedUnicodeError",
    "attach_enctype_error_multidict",
    "explain_template_loading_attempts",
]
