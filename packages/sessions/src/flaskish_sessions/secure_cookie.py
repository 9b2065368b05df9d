"""Sessions stored in the client's cookie, signed with itsdangerous."""

from __future__ import annotations

import hashlib
from typing import Any
from typing import TYPE_CHECKING

from .cookie_session import SecureCookieSession
from .cookies import carries_cookie
from .cookies import request_cookies
from .interface import SessionInterface
from .tag import TaggedJSONSerializer
from .vary import vary_on_cookie

if TYPE_CHECKING:
    from itsdangerous import URLSafeTimedSerializer
    from werkzeug.wrappers import Request
    from werkzeug.wrappers import Response

    from .mixin import SessionMixin
    from .protocol import SessionApp

#: The serializer of session cookie payloads.
session_json_serializer = TaggedJSONSerializer()

#: Most signing serializers kept by :class:`SecureCookieSessionInterface`;
#: the cache is emptied when full.
SERIALIZERS_LIMIT = 16

_serializers: dict[tuple[Any, ...], URLSafeTimedSerializer] = {}


def _is_empty(session: SessionMixin) -> bool:
    # Saving is not a read by the application: do not mark it accessed.
    if isinstance(session, dict):
        return dict.__len__(session) == 0
    return not session


def _session_data(session: SessionMixin) -> dict[str, Any]:
    """``dict(session)``; for the default session class, copied without
    its read-tracking ``keys`` and ``__getitem__`` (one call per key), which
    give the same items."""
    if type(session) is SecureCookieSession:
        # dict.copy and dict() would call the overrides; the items view does not.
        return dict(dict.items(session))
    return dict(session)


class SecureCookieSessionInterface(SessionInterface):
    """The default backend: the whole session lives in one cookie, as
    tagged JSON signed (not encrypted) with the app's secret key.

    The cookie is an :class:`~itsdangerous.URLSafeTimedSerializer` token, so
    its age is checked against the permanent session lifetime on load.
    Keys in ``SECRET_KEY_FALLBACKS`` are accepted when loading; new
    cookies are always signed with ``secret_key``.
    """

    #: Salt mixed into the signing key, so session signatures are useless
    #: anywhere else the secret key signs.
    salt = "cookie-session"
    #: Hash of the HMAC signature.
    digest_method = staticmethod(hashlib.sha1)
    #: How itsdangerous derives the signing key from the secret key.
    key_derivation = "hmac"
    #: Payload serializer: anything with ``dumps`` and ``loads``.
    serializer: Any = session_json_serializer
    #: Class of the sessions made by :meth:`open_session`.
    session_class: type[SecureCookieSession] = SecureCookieSession

    def get_signing_serializer(self, app: SessionApp) -> URLSafeTimedSerializer | None:
        """The serializer that signs and checks cookies, or ``None`` when
        the app has no secret key.

        Serializers are reused while the secret key, the fallbacks and the
        signing attributes of the interface stay the same, so a change to
        any of them takes effect on the next call.
        """
        secret_key = app.secret_key
        if not secret_key:
            return None
        fallbacks = app.config["SECRET_KEY_FALLBACKS"] or ()
        salt = self.salt
        digest_method = self.digest_method
        key_derivation = self.key_derivation
        payload_serializer = self.serializer
        # The payload serializer by identity: the cached serializer holds
        # it, so its id cannot be reused by another object meanwhile.
        cache_key = (
            secret_key,
            tuple(fallbacks),
            salt,
            digest_method,
            key_derivation,
            id(payload_serializer),
        )
        try:
            return _serializers[cache_key]
        except KeyError:
            cacheable = True
        except TypeError:  # something unhashable: build one for this call
            cacheable = False
        # itsdangerous loads with the first session an app signs or reads.
        from .signing import SessionSerializer
        from .signing import SessionSigner

        # itsdangerous signs with the last key and accepts all of them.
        serializer = SessionSerializer(
            [*fallbacks, secret_key],
            salt,
            payload_serializer,
            signer=SessionSigner,
            signer_kwargs={
                "key_derivation": key_derivation,
                "digest_method": digest_method,
            },
        )
        if cacheable:
            if len(_serializers) >= SERIALIZERS_LIMIT:
                _serializers.clear()
            _serializers[cache_key] = serializer
        return serializer

    def may_save_unread(self, app: SessionApp, request: Request) -> bool:
        """Unread, a session is neither modified nor accessed, so only the
        refresh of a permanent one can set the cookie: that needs
        ``SESSION_REFRESH_EACH_REQUEST`` and the session cookie on the
        request."""
        if not app.config["SESSION_REFRESH_EACH_REQUEST"]:
            return False
        return carries_cookie(request, self.get_cookie_name(app))

    def open_session(
        self, app: SessionApp, request: Request
    ) -> SecureCookieSession | None:
        """The session in the request's cookie; an empty one when the
        cookie is missing, tampered with, expired or unreadable, and
        ``None`` without a secret key."""
        signer = self.get_signing_serializer(app)
        if signer is None:
            return None
        token = request_cookies(request).get(self.get_cookie_name(app))
        data = self._verified_data(app, signer, token) if token else None
        # Anything but a dict (no cookie, a bad one, or a payload signed
        # elsewhere with the same key and salt) gives an empty session.
        if isinstance(data, dict):
            return self.session_class(data)
        return self.session_class()

    @staticmethod
    def _verified_data(
        app: SessionApp, signer: URLSafeTimedSerializer, token: str
    ) -> Any:
        from itsdangerous import BadSignature

        lifetime = app.permanent_session_lifetime.total_seconds()
        try:
            return signer.loads(token, max_age=int(lifetime))
        except BadSignature:
            return None

    def _cookie_options(self, app: SessionApp) -> dict[str, Any]:
        # The getters run in the same order as Flask's, for subclasses
        # whose overrides have side effects.
        return {
            "domain": self.get_cookie_domain(app),
            "path": self.get_cookie_path(app),
            "secure": self.get_cookie_secure(app),
            "partitioned": self.get_cookie_partitioned(app),
            "samesite": self.get_cookie_samesite(app),
            "httponly": self.get_cookie_httponly(app),
        }

    def save_session(
        self, app: SessionApp, session: SessionMixin, response: Response
    ) -> None:
        """Write the session cookie on ``response`` when needed.

        An accessed session adds ``Vary: Cookie``. An empty session
        deletes the cookie if it was modified (emptied) and otherwise sets
        nothing. A non-empty one is written when :meth:`should_set_cookie`
        says so, expiring at :meth:`get_expiration_time`.
        """
        name = self.get_cookie_name(app)
        options = self._cookie_options(app)
        # Adding "Cookie" to Vary a second time changes nothing.
        varies = session.accessed
        if varies:
            vary_on_cookie(response)
        if _is_empty(session):
            if session.modified:
                response.delete_cookie(name, **options)
                if not varies:
                    vary_on_cookie(response)
        elif self.should_set_cookie(app, session):
            expires = self.get_expiration_time(app, session)
            signer = self.get_signing_serializer(app)
            if signer is None:  # the secret key was removed during the request
                return
            value = signer.dumps(_session_data(session))
            response.set_cookie(name, value, expires=expires, **options)
            if not varies:
                vary_on_cookie(response)
