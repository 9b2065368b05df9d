from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from itsdangerous import BadSignature
from itsdangerous import BadTimeSignature
from itsdangerous import SignatureExpired
from itsdangerous import Signer
from itsdangerous import TimestampSigner
from itsdangerous import URLSafeTimedSerializer
from itsdangerous.signer import HMACAlgorithm
from itsdangerous.signer import NoneAlgorithm
from itsdangerous.signer import SigningAlgorithm

import flaskish_sessions.signing as signing
from flaskish_sessions import session_json_serializer
from flaskish_sessions.signing import SessionSerializer
from flaskish_sessions.signing import SessionSigner

from .support import Clock

SIGNING = {"key_derivation": "hmac", "digest_method": hashlib.sha1}


def reference(keys: list[str], salt: str = "cookie-session") -> URLSafeTimedSerializer:
    """What Flask builds: a plain itsdangerous serializer."""
    return URLSafeTimedSerializer(
        keys, salt, session_json_serializer, signer_kwargs=SIGNING
    )


def cached(keys: list[str], salt: str = "cookie-session") -> SessionSerializer:
    return SessionSerializer(
        keys,
        salt,
        session_json_serializer,
        signer=SessionSigner,
        signer_kwargs=SIGNING,
    )


@pytest.fixture(autouse=True)
def empty_memo() -> Iterator[None]:
    signing._derived_keys.clear()
    yield
    signing._derived_keys.clear()


@pytest.mark.parametrize("derivation", ["concat", "django-concat", "hmac", "none"])
@pytest.mark.parametrize("digest", [hashlib.sha1, hashlib.sha256])
def test_derived_keys_match_itsdangerous(derivation: str, digest: Any) -> None:
    options = {"salt": "s", "key_derivation": derivation, "digest_method": digest}
    ours = SessionSigner(["old", b"new"], **options)
    theirs = TimestampSigner(["old", b"new"], **options)
    for _ in range(2):  # computed, then remembered
        assert ours.derive_key() == theirs.derive_key()
        assert ours.derive_key("old") == theirs.derive_key("old")
        assert ours.derive_key(b"other") == theirs.derive_key(b"other")
    assert len(signing._derived_keys) == 3


def test_derived_key_follows_signer_attributes() -> None:
    signer = SessionSigner("key", salt="one", key_derivation="hmac")
    first = signer.derive_key()
    signer.salt = b"two"
    assert (
        signer.derive_key()
        == TimestampSigner("key", salt="two", key_derivation="hmac").derive_key()
    )
    assert signer.derive_key() != first
    signer.key_derivation = "concat"
    assert (
        signer.derive_key()
        == TimestampSigner("key", salt="two", key_derivation="concat").derive_key()
    )


def test_unknown_derivation_still_raises() -> None:
    signer = SessionSigner("key", key_derivation="nope")
    with pytest.raises(TypeError, match="Unknown key derivation method"):
        signer.derive_key()
    assert signing._derived_keys == {}


class UnhashableDigest:
    __hash__ = None  # type: ignore[assignment]

    def __call__(self, data: bytes = b"") -> Any:
        return hashlib.sha1(data)


def test_unhashable_digest_method_is_derived_every_time() -> None:
    signer = SessionSigner(
        "key", salt="s", key_derivation="concat", digest_method=UnhashableDigest()
    )
    expected = TimestampSigner("key", salt="s", key_derivation="concat").derive_key()
    assert signer.derive_key() == expected
    assert signing._derived_keys == {}


def test_derived_key_memo_is_bounded() -> None:
    signer = SessionSigner("key")
    for number in range(signing.DERIVED_KEYS_LIMIT * 3):
        signer.derive_key(f"key {number}")
        assert len(signing._derived_keys) <= signing.DERIVED_KEYS_LIMIT
    assert signer.derive_key("key 0") == TimestampSigner("key").derive_key("key 0")


def test_tokens_are_itsdangerous_tokens(clock: Clock) -> None:
    data = {"user": "ada", "t": (1, 2), "b": b"\x00"}
    ours, theirs = cached(["old", "new"]), reference(["old", "new"])
    token = ours.dumps(data)
    assert token == theirs.dumps(data)
    assert ours.loads(token, max_age=10) == data
    assert ours.loads(reference(["old"]).dumps(data)) == data
    assert ours.loads(token, return_timestamp=True) == theirs.loads(
        token, return_timestamp=True
    )
    salted = ours.dumps(data, salt="other")
    assert salted == theirs.dumps(data, salt="other")
    assert ours.loads(salted, salt="other") == data
    with pytest.raises(BadSignature):
        ours.loads(salted)


def test_own_signer_is_built_once() -> None:
    serializer = cached(["key"])
    signer = serializer.make_signer()
    assert isinstance(signer, SessionSigner)
    assert serializer.make_signer() is signer
    assert serializer.make_signer("other") is not signer
    assert serializer.make_signer("other").salt == b"other"


def tokens(clock: Clock) -> list[str]:
    token = reference(["key"]).dumps({"a": 1})
    stamp_end = token.rindex(".")
    clock.now += 100
    return [
        token,  # expired for max_age 10
        token[:stamp_end] + ".AAAA",
        token[: token.index(".")] + ".!!!." + token[stamp_end + 1 :],
        "no-separator",
        "",
        "a.b",
        reference(["other"]).dumps({"a": 1}),
        Signer("key", salt="cookie-session", **SIGNING).sign("eyJhIjoxfQ").decode(),
        reference(["key"]).dumps({"a": 1})[:-1] + "." + "x",
    ]


def outcome(serializer: URLSafeTimedSerializer, token: str, **kwargs: Any) -> Any:
    try:
        return serializer.loads(token, **kwargs)
    except BadSignature as e:
        date = getattr(e, "date_signed", None)
        return type(e), str(e), e.payload, date


@pytest.mark.parametrize("index", range(9))
def test_outcomes_match_itsdangerous(clock: Clock, index: int) -> None:
    token = tokens(clock)[index]
    for kwargs in ({"max_age": 10}, {"max_age": 1000}, {}):
        ours = outcome(cached(["key"]), token, **kwargs)
        assert ours == outcome(reference(["key"]), token, **kwargs)


def test_valid_token_loads_until_it_expires(clock: Clock) -> None:
    token = tokens(clock)[0]
    assert outcome(cached(["key"]), token, max_age=1000) == {"a": 1}
    assert outcome(cached(["key"]), token, max_age=10)[0] is SignatureExpired


def test_expired_and_malformed_errors(clock: Clock) -> None:
    serializer = cached(["key"])
    token = serializer.dumps({"a": 1})
    clock.now += 11
    with pytest.raises(SignatureExpired, match="Signature age 11 > 10 seconds"):
        serializer.loads(token, max_age=10)
    untimed = Signer("key", salt="cookie-session", **SIGNING).sign("eyJhIjoxfQ")
    with pytest.raises(BadTimeSignature, match="timestamp missing"):
        serializer.loads(untimed)


def test_fallback_signers_are_still_tried(clock: Clock) -> None:
    sha256 = {"digest_method": hashlib.sha256, "key_derivation": "hmac"}
    old = URLSafeTimedSerializer("key", "cookie-session", signer_kwargs=sha256)
    serializer = SessionSerializer(
        "key", "cookie-session", signer_kwargs=SIGNING, fallback_signers=[sha256]
    )
    assert serializer.loads(old.dumps([1])) == [1]


class CountingSigner(SessionSigner):
    """Counts the signature checks the serializer asks for."""

    checks = 0

    def verify_signature(self, value: Any, sig: Any) -> bool:
        CountingSigner.checks += 1
        return super().verify_signature(value, sig)


def counting(keys: list[str]) -> SessionSerializer:
    CountingSigner.checks = 0
    return SessionSerializer(
        keys,
        "cookie-session",
        session_json_serializer,
        signer=CountingSigner,
        signer_kwargs=SIGNING,
    )


def test_a_verified_token_is_not_verified_again(clock: Clock) -> None:
    serializer = counting(["key"])
    token = reference(["key"]).dumps({"user": "ada", "t": (1, 2)})
    first = serializer.loads(token, max_age=10)
    second = serializer.loads(token, max_age=10)
    assert first == second == {"user": "ada", "t": (1, 2)}
    assert CountingSigner.checks == 1
    # Each call decodes afresh: no request sees another request's objects.
    assert first is not second
    first["user"] = "changed"
    assert serializer.loads(token)["user"] == "ada"


def test_remembered_token_still_expires(clock: Clock) -> None:
    serializer = counting(["key"])
    token = reference(["key"]).dumps({"a": 1})
    assert serializer.loads(token, max_age=10) == {"a": 1}
    clock.now += 10
    assert serializer.loads(token, max_age=10) == {"a": 1}
    clock.now += 1
    with pytest.raises(SignatureExpired, match="Signature age 11 > 10 seconds"):
        serializer.loads(token, max_age=10)
    assert serializer.loads(token, max_age=100) == {"a": 1}
    assert serializer.loads(token) == {"a": 1}  # no max_age: any age


def test_remembered_token_from_the_future_is_checked_again(clock: Clock) -> None:
    serializer = counting(["key"])
    token = reference(["key"]).dumps({"a": 1})
    assert serializer.loads(token) == {"a": 1}
    clock.now -= 5
    with pytest.raises(SignatureExpired, match="Signature age -5 < 0 seconds"):
        serializer.loads(token, max_age=10)


def test_bad_tokens_are_not_remembered(clock: Clock) -> None:
    serializer = counting(["key"])
    good = reference(["key"]).dumps({"a": 1})
    forged = reference(["other"]).dumps({"a": 1})
    for _ in range(2):
        with pytest.raises(BadSignature):
            serializer.loads(forged)
    assert CountingSigner.checks == 2
    assert forged not in serializer._verified
    tampered = good[:-2] + ("A" if good[-2] != "A" else "B") + good[-1]
    with pytest.raises(BadSignature):
        serializer.loads(tampered)
    assert serializer.loads(good) == {"a": 1}
    assert list(serializer._verified) == [good]


def test_tokens_are_remembered_per_serializer(clock: Clock) -> None:
    token = reference(["key"]).dumps({"a": 1})
    assert counting(["key"]).loads(token) == {"a": 1}
    with pytest.raises(BadSignature):
        counting(["rotated"]).loads(token)
    with pytest.raises(BadSignature):
        cached(["key"], salt="other salt").loads(token)


def test_remembered_tokens_are_bounded(clock: Clock) -> None:
    serializer = counting(["key"])
    signer = reference(["key"])
    for number in range(signing.VERIFIED_TOKENS_LIMIT + 5):
        assert serializer.loads(signer.dumps(number)) == number
        assert len(serializer._verified) <= signing.VERIFIED_TOKENS_LIMIT
    assert len(serializer._verified) == 5


def test_salt_and_timestamp_calls_are_not_remembered(clock: Clock) -> None:
    serializer = counting(["key"])
    token = reference(["key"]).dumps({"a": 1})
    assert serializer.loads(token, return_timestamp=True)[0] == {"a": 1}
    assert serializer._verified == {}
    assert serializer.loads(token, salt="cookie-session") == {"a": 1}
    assert serializer._verified == {}


def sha512_in_python(data: bytes = b"") -> Any:
    # Not one of hashlib's OpenSSL constructors: hmac takes its pure
    # Python path with this digest.
    return hashlib.sha512(data)


@pytest.mark.parametrize(
    "digest", [hashlib.sha1, hashlib.sha256, "sha384", sha512_in_python]
)
def test_keyed_hmac_signatures_are_hmacs(digest: Any) -> None:
    ours = signing.KeyedHMACAlgorithm(digest)
    theirs = HMACAlgorithm(digest)
    for key in (b"one", b"two", b"one", b""):
        for value in (b"", b"payload.stamp", b"payload.stamp", b"x" * 1000):
            signature = ours.get_signature(key, value)
            assert signature == theirs.get_signature(key, value)
            assert ours.verify_signature(key, value, signature)
            assert not ours.verify_signature(key, value + b"!", signature)
            assert not ours.verify_signature(b"other", value, signature)


def test_keyed_hmac_follows_its_digest_method() -> None:
    algorithm = signing.KeyedHMACAlgorithm(hashlib.sha1)
    first = algorithm.get_signature(b"key", b"value")
    algorithm.digest_method = hashlib.sha256
    assert algorithm.get_signature(b"key", b"value") == (
        HMACAlgorithm(hashlib.sha256).get_signature(b"key", b"value")
    )
    assert len(algorithm.get_signature(b"key", b"value")) != len(first)


def test_keyed_hmacs_are_bounded() -> None:
    algorithm = signing.KeyedHMACAlgorithm(hashlib.sha1)
    for number in range(signing.KEYED_HMACS_LIMIT * 3):
        key = f"key {number}".encode()
        assert algorithm.get_signature(key, b"v") == hmac.digest(key, b"v", "sha1")
        assert len(algorithm._keyed) <= signing.KEYED_HMACS_LIMIT


def test_keyed_hmac_is_shared_safely_between_threads() -> None:
    algorithm = signing.KeyedHMACAlgorithm(hashlib.sha1)

    def sign_many(number: int) -> bool:
        values = [f"{number}.{index}".encode() for index in range(300)]
        return all(
            algorithm.get_signature(b"key", value) == hmac.digest(b"key", value, "sha1")
            for value in values
        )

    with ThreadPoolExecutor(8) as pool:
        assert all(pool.map(sign_many, range(16)))


def test_session_signer_algorithm() -> None:
    signer = SessionSigner("key", digest_method=hashlib.sha256)
    assert type(signer.algorithm) is signing.KeyedHMACAlgorithm
    assert signer.algorithm.digest_method is hashlib.sha256
    assert signer.sign("v") == TimestampSigner(
        "key", digest_method=hashlib.sha256
    ).sign("v")


class UpperHMAC(HMACAlgorithm):
    def get_signature(self, key: bytes, value: bytes) -> bytes:
        return super().get_signature(key.upper(), value)


@pytest.mark.parametrize("algorithm", [NoneAlgorithm(), UpperHMAC()])
def test_other_algorithms_are_used_as_given(
    clock: Clock, algorithm: SigningAlgorithm
) -> None:
    ours = SessionSigner("key", salt="s", algorithm=algorithm)
    theirs = TimestampSigner("key", salt="s", algorithm=algorithm)
    assert ours.algorithm is algorithm
    token = ours.sign("value")
    assert token == theirs.sign("value")
    assert ours.unsign(token) == b"value"
