from __future__ import annotations

import pytest
from werkzeug.routing import RequestRedirect

from flaskish_core.app import Flask
from flaskish_core.debughelpers import attach_enctype_error_multidict
from flaskish_core.debughelpers import DebugFilesKeyError
from flaskish_core.debughelpers import FormDataRoutingRedirect
from flaskish_core.debughelpers import UnexpectedUnicodeError
from flaskish_core.wrappers import Request


def _form_request(**form: str) -> Request:
    return Request.from_values(
        "/", method="POST", data=form, content_type="application/x-www-form-urlencoded"
    )


def test_exception_classes() -> None:
    assert issubclass(UnexpectedUnicodeError, AssertionError)
    assert issubclass(UnexpectedUnicodeError, UnicodeError)
    assert issubclass(DebugFilesKeyError, KeyError)
    assert issubclass(DebugFilesKeyError, AssertionError)
    assert issubclass(FormDataRoutingRedirect, AssertionError)


def test_debug_files_key_error_message() -> None:
    request = _form_request(upload="report.pdf")
    error = DebugFilesKeyError(request, "upload")
    assert str(error) == (
        "You tried to access the file 'upload' in the request.files dictionary"
        " but it does not exist. The mimetype for the request is"
        " 'application/x-www-form-urlencoded' instead of 'multipart/form-data'"
        " which means that no file contents were transmitted. To fix this error"
        ' you should provide enctype="multipart/form-data" in your form.'
        "\n\nThe browser instead transmitted some file names. This was"
        " submitted: 'report.pdf'"
    )


def test_debug_files_key_error_without_form_value() -> None:
    error = DebugFilesKeyError(_form_request(), "upload")
    assert "transmitted some file names" not in str(error)
    assert str(error).endswith('enctype="multipart/form-data" in your form.')


def test_attach_enctype_error_multidict() -> None:
    request = _form_request(upload="a.txt")
    attach_enctype_error_multidict(request)
    with pytest.raises(DebugFilesKeyError) as info:
        request.files["upload"]
    assert "'a.txt'" in str(info.value)
    # A key absent from the form raises the usual error.
    with pytest.raises(KeyError) as plain:
        request.files["other"]
    assert not isinstance(plain.value, DebugFilesKeyError)
    assert type(request.files).__name__ == "ImmutableMultiDict"


def test_files_key_error_only_in_debug() -> None:
    app = Flask("debug_files_app")

    @app.post("/")
    def upload() -> str:
        from flaskish_context import request

        return request.files["f"].filename or ""

    client = app.test_client()
    assert client.post("/", data={"f": "name.txt"}).status_code == 400
    app.debug = True
    with pytest.raises(DebugFilesKeyError):
        client.post("/", data={"f": "name.txt"})


def test_form_data_routing_redirect_message() -> None:
    request = Request.from_values("/folder", method="POST")
    request.routing_exception = RequestRedirect("http://localhost/folder/")
    assert str(FormDataRoutingRedirect(request)) == (
        "A request was sent to 'http://localhost/folder', but routing issued a"
        " redirect to the canonical URL 'http://localhost/folder/'. The URL was"
        " defined with a trailing slash. flaskish will redirect to the URL with a"
        " trailing slash if it was accessed without one. Send requests to the"
        " canonical URL, or use 307 or 308 for routing redirects. Otherwise,"
        " browsers will drop form data.\n\nThis exception is only raised in"
        " debug mode."
    )


def test_form_data_routing_redirect_other_target() -> None:
    request = Request.from_values("/old", method="POST")
    request.routing_exception = RequestRedirect("http://localhost/new")
    message = str(FormDataRoutingRedirect(request))
    assert "trailing slash" not in message
    assert message.startswith(
        "A request was sent to 'http://localhost/old', but routing issued a"
        " redirect to the canonical URL 'http://localhost/new'. Send requests"
    )


def test_form_data_routing_redirect_needs_redirect() -> None:
    with pytest.raises(AssertionError):
        FormDataRoutingRedirect(Request.from_values("/"))


def test_explain_template_loading_attempts_reexported() -> None:
    import flaskish_templating
    from flaskish_core import debughelpers

    assert (
        debughelpers.explain_template_loading_attempts
        is flaskish_templating.explain_template_loading_attempts
    )
