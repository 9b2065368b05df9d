"""The itsdangerous serializer of session cookies, made cheap to reuse.

The token format and every signature are itsdangerous' own; these
subclasses only avoid repeating work whose result cannot change: the
signer a serializer builds for its own salt, the signing key derived
from a secret key and salt (one HMAC per key per call otherwise), the
HMAC keyed with a signing key, and the signature check of a token
already found valid.
"""

from __future__ import annotations

import hmac
from typing import Any
from typing import cast

from itsdangerous import TimestampSigner
from itsdangerous import URLSafeTimedSerializer
from itsdangerous.signer import HMACAlgorithm
from itsdangerous.signer import Signer

#: Most derived keys remembered; the memo is emptied when full. Keys come
#: from the configuration, never from requests, so a handful is plenty.
DERIVED_KEYS_LIMIT = 32

_derived_keys: dict[tuple[Any, ...], bytes] = {}

#: Most keyed HMACs one :class:`KeyedHMACAlgorithm` keeps; emptied when full.
KEYED_HMACS_LIMIT = 8

#: Most verified tokens one :class:`SessionSerializer` remembers; emptied
#: when full. A session cookie is at most about 4 kB.
VERIFIED_TOKENS_LIMIT = 128


class KeyedHMACAlgorithm(HMACAlgorithm):
    """itsdangerous' HMAC signing algorithm, keyed once per signing key.

    ``hmac.new(key, value)`` is ``hmac.new(key)`` updated with ``value``:
    the keyed object (the padded key hashed and, with OpenSSL, its MAC
    context fetched and set up) is made once for each key and digest
    method and copied for every value. The signature is the same bytes.
    Copies are independent, so one algorithm serves several threads.
    """

    def __init__(self, digest_method: Any = None) -> None:
        super().__init__(digest_method)
        self._keyed: dict[bytes, tuple[Any, hmac.HMAC]] = {}

    def get_signature(self, key: bytes, value: bytes) -> bytes:
        """The HMAC of ``value`` with ``key`` and :attr:`digest_method`."""
        digest_method = self.digest_method
        found = self._keyed.get(key)
        if found is not None and found[0] is digest_method:
            keyed = found[1]
        else:
            keyed = hmac.new(key, digestmod=digest_method)
            if len(self._keyed) >= KEYED_HMACS_LIMIT:
                self._keyed.clear()
            self._keyed[key] = (digest_method, keyed)
        mac = keyed.copy()
        mac.update(value)
        return mac.digest()


class SessionSigner(TimestampSigner):
    """A :class:`~itsdangerous.TimestampSigner` that remembers derived keys
    and signs with a :class:`KeyedHMACAlgorithm`.

    The memo is keyed by everything the derivation reads (secret key,
    salt, digest method and derivation scheme), so changing any of them
    on a signer derives afresh. An ``algorithm`` other than itsdangerous'
    plain :class:`~itsdangerous.signer.HMACAlgorithm` is used as given.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if type(self.algorithm) is HMACAlgorithm:
            self.algorithm = KeyedHMACAlgorithm(self.algorithm.digest_method)

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
    signer for its own salt once and remembers the tokens it verified.

    Signers keep no per-call state, so sharing one is safe, also between
    threads. A different ``salt`` passed to a call gets a new signer.

    A client sends the same session cookie with each request until the
    session changes, so :meth:`loads` remembers each token whose signature
    it checked, with its timestamp and payload: the same token again skips
    the HMAC, and its age is checked against ``max_age`` on every call.
    Only tokens that passed the signer's check are remembered, per
    serializer, so per secret key, fallbacks and salt.
    """

    default_signer = SessionSigner

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._verified: dict[str | bytes, tuple[int, bytes]] = {}

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
        the serializer's own signer to try and no timestamp wanted, a token
        verified before is not verified again while it is young enough."""
        if return_timestamp or salt is not None or self.fallback_signers:
            return super().loads(s, max_age, return_timestamp, salt)
        signer = cast(TimestampSigner, self.make_signer())
        verified = self._verified.get(s)
        if verified is not None:
            signed_at, payload = verified
            if max_age is None or 0 <= signer.get_timestamp() - signed_at <= max_age:
                return self.load_payload(payload)
        # Unknown, or too old now: the signer checks it and raises as usual.
        payload, signed = signer.unsign(s, max_age=max_age, return_timestamp=True)
        data = self.load_payload(payload)
        if len(self._verified) >= VERIFIED_TOKENS_LIMIT:
            self._verified.clear()
        self._verified[s] = (int(signed.timestamp()), payload)
        return data
