"""The itsdangerous serializer of session cookies, made cheap to reuse.

The token format and every signature are itsdangerous' own; these
subclasses only avoid repeating work whose result cannot change: the
signer a serializer builds for its own salt, and the signing key derived
from a secret key and salt (one HMAC per key per call otherwise).
"""

from __future__ import annotations

from typing import Any
from typing import cast

from itsdangerous import TimestampSigner
from itsdangerous import URLSafeTimedSerializer
from itsdangerous.signer import Signer

#: Most derived keys remembered; the memo is emptied when full. Keys come
#: from the configuration, never from requests, so a handful is plenty.
DERIVED_KEYS_LIMIT = 32

_derived_keys: dict[tuple[Any, ...], bytes] = {}


class SessionSigner(TimestampSigner):
    """A :class:`~itsdangerous.TimestampSigner` that remembers derived keys.

    The memo is keyed by everything the derivation reads (secret key,
    salt, digest method and derivation scheme), so changing any of them
    on a signer derives afresh.
    """

    def derive_key(self, secret_key: str | bytes | None = None) -> bytes:
        """The signing key for ``secret_key`` (default: the newest key),
        derived once per key, salt, digest method and scheme."""
        if secret_key is None:
            secret_key = self.secret_keys[-1]
        memo_key = (secret_key, self.salt, self.digest_method, self.key_derivation)
        try:
            return _derived_keys[memo_key]
        except KeyError:
            pass
        except TypeError:  # an unhashable digest method: nothing to remember
            return super().derive_key(secret_key)
        derived = super().derive_key(secret_key)
        if len(_derived_keys) >= DERIVED_KEYS_LIMIT:
            _derived_keys.clear()
        _derived_keys[memo_key] = derived
        return derived


class SessionSerializer(URLSafeTimedSerializer):
    """A :class:`~itsdangerous.URLSafeTimedSerializer` that builds the
    signer for its own salt once and reuses it.

    Signers keep no per-call state, so sharing one is safe, also between
    threads. A different ``salt`` passed to a call gets a new signer.
    """

    default_signer = SessionSigner

    def make_signer(self, salt: str | bytes | None = None) -> Signer:
        """The signer for ``salt``; the serializer's own salt (``None``)
        reuses the signer built on first use."""
        if salt is not None:
            return super().make_signer(salt)
        signer: Signer | None = self.__dict__.get("_own_signer")
        if signer is None:
            signer = super().make_signer()
            self.__dict__["_own_signer"] = signer
        return signer

    def loads(  # type: ignore[override]
        self,
        s: str | bytes,
        max_age: int | None = None,
        return_timestamp: bool = False,
        salt: str | bytes | None = None,
    ) -> Any:
        """Like :meth:`~itsdangerous.TimedSerializer.loads`; with only
        the serializer's own signer to try and no timestamp wanted, the
        signer checks the token directly."""
        if return_timestamp or salt is not None or self.fallback_signers:
            return super().loads(s, max_age, return_timestamp, salt)
        signer = cast(TimestampSigner, self.make_signer())
        return self.load_payload(signer.unsign(s, max_age=max_age))
