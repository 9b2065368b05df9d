"""Form, multipart and JSON request bodies, on generated inputs."""

from __future__ import annotations

import io
import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from .harness import build
from .harness import observe
from .harness import same
from .strategies import json_texts


def _routes(app: Any, framework: Any) -> None:
    request = framework.request

    @app.post("/form")
    def form() -> str:
        files = {
            name: [
                (f.filename, f.mimetype, f.read()) for f in request.files.getlist(name)
            ]
            for name in request.files
        }
        return repr((request.form.to_dict(flat=False), files, request.mimetype))

    @app.post("/json")
    def strict_json() -> str:
        return repr(request.get_json())

    @app.post("/json-silent")
    def silent_json() -> str:
        return repr((request.get_json(silent=True), request.is_json))

    @app.post("/json-force")
    def forced_json() -> str:
        return repr(request.get_json(force=True))

    @app.post("/data")
    def data() -> str:
        return repr((request.get_data(), request.content_type, request.content_length))


_APPS = build(_routes)
#: The same app with small body limits, so generated bodies cross them.
_LIMITED = build(
    _routes, MAX_CONTENT_LENGTH=300, MAX_FORM_MEMORY_SIZE=40, MAX_FORM_PARTS=4
)


def _apps(limited: bool) -> dict[str, Any]:
    return _LIMITED if limited else _APPS


_names = st.text(max_size=8)
_values = st.text(max_size=16)
_content_types = st.sampled_from(
    [
        None,
        "application/json",
        "application/json; charset=utf-8",
        "application/problem+json",
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data",
        "multipart/form-data; boundary=xyz",
        "application/octet-stream",
    ]
)


def _same(path: str, limited: bool = False, **request: Any) -> None:
    same(
        {
            name: observe(app, path, method="POST", **request)
            for name, app in _apps(limited).items()
        }
    )


@given(fields=st.lists(st.tuples(_names, _values), max_size=6), limited=st.booleans())
def test_urlencoded_forms(fields: list[tuple[str, str]], limited: bool) -> None:
    _same("/form", limited, data=fields)


@given(
    fields=st.lists(st.tuples(_names, _values), max_size=3),
    files=st.lists(
        st.tuples(
            st.text(alphabet="abc", min_size=1, max_size=3),
            st.text(max_size=10),
            st.binary(max_size=30),
            st.sampled_from(["text/plain", "application/octet-stream", "image/png"]),
        ),
        max_size=3,
    ),
    limited=st.booleans(),
)
def test_multipart_forms(
    fields: list[tuple[str, str]],
    files: list[tuple[str, str, bytes, str]],
    limited: bool,
) -> None:
    def body() -> dict[str, Any]:
        data: dict[str, Any] = {}
        for name, value in fields:
            data.setdefault(name, []).append(value)
        for name, filename, content, mimetype in files:
            data.setdefault(name, []).append(
                (io.BytesIO(content), filename or "blob", mimetype)
            )
        return data

    # Each app reads its own copy of the file streams.
    same(
        {
            name: observe(
                app,
                "/form",
                method="POST",
                data=body(),
                content_type="multipart/form-data",
            )
            for name, app in _apps(limited).items()
        }
    )


@given(
    body=json_texts | st.text(max_size=30) | st.binary(max_size=30).map(lambda b: b),
    content_type=_content_types,
    path=st.sampled_from(["/json", "/json-silent", "/json-force", "/data", "/form"]),
    limited=st.booleans(),
)
def test_raw_bodies(
    body: str | bytes, content_type: str | None, path: str, limited: bool
) -> None:
    raw = body.encode() if isinstance(body, str) else body
    headers = {"Content-Length": str(len(raw))}
    if content_type:
        headers["Content-Type"] = content_type
    # A stream rather than data=: the test client would make up a multipart
    # body (with a random boundary) for empty data of a multipart type.
    same(
        {
            name: observe(
                app, path, method="POST", input_stream=io.BytesIO(raw), headers=headers
            )
            for name, app in _apps(limited).items()
        }
    )


@given(
    value=st.recursive(
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False)
        | st.text(max_size=8),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(st.text(max_size=4), inner, max_size=3)
        ),
        max_leaves=8,
    )
)
def test_json_bodies(value: Any) -> None:
    _same("/json", data=json.dumps(value), content_type="application/json")
