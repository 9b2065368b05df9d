"""Generated inputs shared by the differential tests."""

from __future__ import annotations

import json
import string
from datetime import datetime
from datetime import UTC
from typing import Any

from hypothesis import strategies as st
from markupsafe import Markup

#: The tag keys of the session serializer, so generated JSON hits them often.
TAG_KEYS = [" t", " u", " b", " m", " d", " di", " x", "a__", ""]

_datetimes = st.datetimes(
    min_value=datetime(1970, 1, 2),
    max_value=datetime(9999, 1, 1),
    timezones=st.just(UTC),
).map(lambda value: value.replace(microsecond=0))
_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=20)
    | st.binary(max_size=20)
    | st.uuids()
    | _datetimes
    | st.text(max_size=10).map(Markup)
)
_keys = st.sampled_from(TAG_KEYS) | st.text(max_size=6)

#: Python values the session serializer stores (tagged types included).
session_values: st.SearchStrategy[Any] = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=4).map(tuple)
        | st.dictionaries(_keys, inner, max_size=4)
    ),
    max_leaves=12,
)
session_dicts = st.dictionaries(_keys, session_values, max_size=4)

_json_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=12)
    | st.sampled_from(["AAAA", "not base64!", "Sun, 06 Nov 1994 08:49:37 GMT", "x"])
    | st.uuids().map(str)
)
#: Any JSON document, with the tag keys among the object keys.
json_values: st.SearchStrategy[Any] = st.recursive(
    _json_scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(_keys, inner, max_size=3)
    ),
    max_leaves=10,
)
json_texts = json_values.map(lambda value: json.dumps(value))

#: Text a client could put in a cookie value, most of it not a signature.
cookie_garbage = st.text(
    alphabet=string.ascii_letters + string.digits + "-_.=%!", max_size=60
)
