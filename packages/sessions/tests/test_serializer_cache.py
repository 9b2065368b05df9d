from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import Any

import pytest
from itsdangerous import URLSafeTimedSerializer
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request
from werkzeug.wrappers import Response

import flaskish_sessions.secure_cookie as secure_cookie
from flaskish_sessions import SecureCookieSession
from flaskish_sessions import SecureCookieSessionInterface
from flaskish_sessions import session_json_serializer

from .support import Clock
from .support import make_app

interface = SecureCookieSessionInterface()


@pytest.fixture(autouse=True)
def empty_cache(clock: Clock) -> Iterator[None]:
    secure_cookie._serializers.clear()
    yield
    secure_cookie._serializers.clear()


def request_with(token: str) -> Request:
    return Request(EnvironBuilder(headers={"Cookie": f"session={token}"}).get_environ())


def flask_serializer(
    keys: list[str],
    salt: str = "cookie-session",
    digest: Any = hashlib.sha1,
    derivation: str = "hmac",
    serializer: Any = session_json_serializer,
) -> URLSafeTimedSerializer:
    """The serializer Flask builds for these settings, on every call."""
    signing = {"key_derivation": derivation, "digest_method": digest}
    return URLSafeTimedSerializer(keys, salt, serializer, signer_kwargs=signing)


def signed(owner: SecureCookieSessionInterface, app: Any, data: Any) -> str:
    serializer = owner.get_signing_serializer(app)
    assert serializer is not None
    return serializer.dumps(data)


def saved_token(owner: SecureCookieSessionInterface, app: Any) -> str:
    session = SecureCookieSession()
    session["n"] = 1
    response = Response()
    owner.save_session(app, session, response)
    cookie = response.headers["Set-Cookie"]
    return cookie.split(";")[0].removeprefix("session=")


def test_serializer_is_reused_while_settings_stay() -> None:
    app = make_app("key", SECRET_KEY_FALLBACKS=["old"])
    first = interface.get_signing_serializer(app)
    assert first is not None
    assert interface.get_signing_serializer(app) is first
    assert SecureCookieSessionInterface().get_signing_serializer(app) is first
    assert first.dumps({"a": 1}) == flask_serializer(["old", "key"]).dumps({"a": 1})


def test_new_secret_key_applies_to_the_next_call() -> None:
    app = make_app("first")
    token = signed(interface, app, {"a": 1})
    assert interface.open_session(app, request_with(token)) == {"a": 1}
    app.secret_key = "second"
    assert interface.open_session(app, request_with(token)) == {}
    assert saved_token(interface, app) == flask_serializer(["second"]).dumps({"n": 1})
    app.secret_key = "first"
    assert interface.open_session(app, request_with(token)) == {"a": 1}


def test_fallbacks_changed_in_place_apply_to_the_next_call() -> None:
    app = make_app("old", SECRET_KEY_FALLBACKS=[])
    token = signed(interface, app, {"a": 1})
    app.secret_key = "new"
    assert interface.open_session(app, request_with(token)) == {}
    app.config["SECRET_KEY_FALLBACKS"].append("old")
    assert interface.open_session(app, request_with(token)) == {"a": 1}
    assert saved_token(interface, app) == flask_serializer(["new"]).dumps({"n": 1})
    app.config["SECRET_KEY_FALLBACKS"].clear()
    assert interface.open_session(app, request_with(token)) == {}


class PlainJSON:
    """A payload serializer without tags."""

    def dumps(self, value: Any) -> str:
        return json.dumps(value, sort_keys=True)

    def loads(self, text: str) -> Any:
        return json.loads(text)


class Custom(SecureCookieSessionInterface):
    salt = "custom-salt"
    digest_method = staticmethod(hashlib.sha256)
    key_derivation = "concat"
    serializer = PlainJSON()


def test_subclass_signing_attributes_are_used() -> None:
    app = make_app("key")
    custom = Custom()
    expected = flask_serializer(
        ["key"], "custom-salt", hashlib.sha256, "concat", Custom.serializer
    )
    token = saved_token(custom, app)
    assert token == expected.dumps({"n": 1})
    assert token != saved_token(interface, app)
    assert custom.open_session(app, request_with(token)) == {"n": 1}
    assert interface.open_session(app, request_with(token)) == {}


@pytest.mark.parametrize(
    ("name", "value", "reference"),
    [
        ("salt", "another", {"salt": "another"}),
        ("digest_method", staticmethod(hashlib.sha512), {"digest": hashlib.sha512}),
        ("key_derivation", "django-concat", {"derivation": "django-concat"}),
        ("serializer", PlainJSON(), None),
    ],
)
def test_attribute_changed_on_an_instance_applies_to_the_next_call(
    name: str, value: Any, reference: dict[str, Any] | None
) -> None:
    app = make_app("key")
    owner = SecureCookieSessionInterface()
    before = saved_token(owner, app)
    setattr(owner, name, value.__func__ if isinstance(value, staticmethod) else value)
    if reference is None:
        expected = flask_serializer(["key"], serializer=value)
    else:
        expected = flask_serializer(["key"], **reference)
    after = saved_token(owner, app)
    assert after == expected.dumps({"n": 1})
    assert after != before


class OwnSerializer(SecureCookieSessionInterface):
    def get_signing_serializer(self, app: Any) -> URLSafeTimedSerializer | None:
        self.calls = getattr(self, "calls", 0) + 1
        return URLSafeTimedSerializer(app.secret_key, "own", session_json_serializer)


def test_overridden_get_signing_serializer_is_used() -> None:
    app = make_app("key")
    owner = OwnSerializer()
    own = URLSafeTimedSerializer("key", "own", session_json_serializer)
    token = saved_token(owner, app)
    assert token == own.dumps({"n": 1})
    assert owner.open_session(app, request_with(token)) == {"n": 1}
    assert owner.calls == 2
    assert secure_cookie._serializers == {}
    assert interface.open_session(app, request_with(token)) == {}


class UnhashableDigest:
    __hash__ = None  # type: ignore[assignment]

    def __call__(self, data: bytes = b"") -> Any:
        return hashlib.sha1(data)


def test_unhashable_settings_build_a_serializer_per_call() -> None:
    owner = SecureCookieSessionInterface()
    owner.digest_method = UnhashableDigest()  # type: ignore[assignment]
    app = make_app("key")
    first = owner.get_signing_serializer(app)
    assert first is not None
    assert owner.get_signing_serializer(app) is not first
    assert secure_cookie._serializers == {}
    assert saved_token(owner, app) == flask_serializer(["key"]).dumps({"n": 1})


def test_cache_is_bounded() -> None:
    app = make_app("key")
    for number in range(secure_cookie.SERIALIZERS_LIMIT * 3):
        app.secret_key = f"key {number}"
        interface.get_signing_serializer(app)
        assert len(secure_cookie._serializers) <= secure_cookie.SERIALIZERS_LIMIT
    assert saved_token(interface, app) == flask_serializer([app.secret_key]).dumps(
        {"n": 1}
    )
