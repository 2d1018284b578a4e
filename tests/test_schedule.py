"""The KCP/1 key schedule: RFC 5869 vectors, and every formula recomputed here with an
independent HKDF (pyca/cryptography) from the labels in constants."""

from __future__ import annotations

import hashlib
import hmac
import struct

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF, HKDFExpand
from hypothesis import given, settings
from hypothesis import strategies as st

from keycrypt.constants import (
    FLAG_PSK,
    LABEL_C2K,
    LABEL_K2C,
    LABEL_REKEY,
    LABEL_SESSION,
    LABEL_TRANSCRIPT,
    TAG_SIZE,
)
from keycrypt.crypto import schedule
from keycrypt.errors import LocalUsageError

from conftest import SEED, examples, pair

# RFC 5869 Appendix A, test cases 1-3 (SHA-256): ikm, salt, info, L, prk, okm
RFC5869 = [
    (
        "0b" * 22,
        "000102030405060708090a0b0c",
        "f0f1f2f3f4f5f6f7f8f9",
        42,
        "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5",
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
    ),
    (
        bytes(range(0x00, 0x50)).hex(),
        bytes(range(0x60, 0xB0)).hex(),
        bytes(range(0xB0, 0x100)).hex(),
        82,
        "06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244",
        "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
        "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
        "cc30c58179ec3e87c14c01d5c1f3434f1d87",
    ),
    (
        "0b" * 22,
        "",
        "",
        42,
        "19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04",
        "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8",
    ),
]


@pytest.mark.parametrize("case", RFC5869, ids=["A.1", "A.2", "A.3"])
def test_rfc5869(case: tuple[str, str, str, int, str, str]) -> None:
    ikm, salt, info, length, prk, okm = (bytes.fromhex(x) if isinstance(x, str) else x for x in case)
    assert schedule.hkdf_extract(salt, ikm) == prk
    assert schedule.hkdf_expand(prk, info, length) == okm
    # and the independent implementation the rest of this file relies on agrees
    assert HKDF(hashes.SHA256(), length, salt or None, info).derive(ikm) == okm


def test_hkdf_expand_length_limit() -> None:
    assert len(schedule.hkdf_expand(b"k" * 32, b"", 255 * 32)) == 255 * 32
    with pytest.raises(LocalUsageError):
        schedule.hkdf_expand(b"k" * 32, b"", 255 * 32 + 1)


# --- independent recomputation ---------------------------------------------------------------


def ref_extract(salt: bytes, ikm: bytes) -> bytes:
    return hmac.new(salt or bytes(32), ikm, hashlib.sha256).digest()


def ref_expand(prk: bytes, info: bytes) -> bytes:
    return HKDFExpand(hashes.SHA256(), 32, info).derive(prk)


b32 = st.binary(min_size=32, max_size=32)
b16 = st.binary(min_size=16, max_size=16)


@settings(max_examples=examples(50))
@given(ss=b32, salt=b16, psk=st.one_of(st.none(), b32), ek=st.binary(min_size=1184, max_size=1184), hello=st.binary(min_size=10, max_size=1300), nonce=b32)
def test_handshake_formulas(ss: bytes, salt: bytes, psk: bytes | None, ek: bytes, hello: bytes, nonce: bytes) -> None:
    th = hashlib.sha256(LABEL_TRANSCRIPT + ek + hello + nonce).digest()
    prk = ref_extract(salt, ss + (psk or b""))
    k0 = ref_expand(prk, LABEL_SESSION + th)
    hs = schedule.handshake(ss, ek, hello, salt, psk, nonce)
    assert (hs.ss, hs.th, hs.prk, hs.k0) == (ss, th, prk, k0)
    assert schedule.transcript_hash(ek, hello, nonce) == th
    assert schedule.session_prk(ss, salt, psk) == prk
    assert schedule.initial_key(prk, th) == k0
    if psk is not None:  # the psk changes everything after prk
        assert schedule.handshake(ss, ek, hello, salt, None, nonce).k0 != k0
    # the keypad's nonce changes TH and so K_0: a replayed HELLO answered again gets other keys
    other = bytes([nonce[0] ^ 1]) + nonce[1:]
    assert schedule.handshake(ss, ek, hello, salt, psk, other).k0 != k0


@settings(max_examples=examples(50))
@given(k=b32, salts=st.lists(b16, min_size=1, max_size=4))
def test_epoch_keys_and_rekey_chain(k: bytes, salts: list[bytes]) -> None:
    keys = schedule.EpochKeys.derive(0, k)
    expect_k = k
    for e, salt in enumerate(salts):
        assert keys.epoch == e and keys.key == expect_k
        assert keys.c2k == ref_expand(expect_k, LABEL_C2K)
        assert keys.k2c == ref_expand(expect_k, LABEL_K2C)
        assert keys.c2k != keys.k2c  # direction separation: a reflected frame fails its tag
        nxt = ref_expand(ref_extract(salt, expect_k), LABEL_REKEY + struct.pack(">I", e + 1))
        assert schedule.next_epoch_key(expect_k, salt, e + 1) == nxt
        keys, expect_k = keys.next(salt), nxt
        assert keys.key != k


def test_argument_checks() -> None:
    with pytest.raises(LocalUsageError):
        schedule.session_prk(b"s" * 31, b"x" * 16, None)
    with pytest.raises(LocalUsageError):
        schedule.session_prk(b"s" * 32, b"x" * 15, None)
    with pytest.raises(LocalUsageError):
        schedule.session_prk(b"s" * 32, b"x" * 16, b"p" * 31)
    with pytest.raises(LocalUsageError):
        schedule.next_epoch_key(b"k" * 32, b"x" * 17, 1)


# --- tags -------------------------------------------------------------------------------------


@given(key=b32, parts=st.lists(st.binary(max_size=64), max_size=4), data=st.data())
def test_mac_and_verify(key: bytes, parts: list[bytes], data: st.DataObject) -> None:
    tag = schedule.mac(key, *parts)
    assert tag == hmac.new(key, b"".join(parts), hashlib.sha256).digest() and len(tag) == TAG_SIZE
    assert schedule.verify(key, tag, *parts)
    i = data.draw(st.integers(0, TAG_SIZE - 1))
    bit = 1 << data.draw(st.integers(0, 7))
    flipped = bytearray(tag)
    flipped[i] ^= bit
    assert not schedule.verify(key, bytes(flipped), *parts)
    assert not schedule.verify(key, tag[:-1], *parts)
    assert not schedule.verify(key, tag + b"\x00", *parts)
    assert not schedule.verify(key, b"", *parts)
    assert not schedule.verify(bytes(a ^ 1 for a in key), tag, *parts)
    assert not schedule.verify(key, tag, *parts, b"x")


# --- the schedule as the machines use it ------------------------------------------------------


@pytest.mark.parametrize("psk", [None, b"p" * 32])
def test_both_sides_derive_the_recomputed_keys(psk: bytes | None) -> None:
    pr = pair(psk=psk, keypad_psks={"host-1": psk} if psk else None)
    pr.greet()
    c, k = pr.client, pr.keypad
    assert c.state == "IDLE" and k.state == "ESTABLISHED"
    hello = c.hello_frame
    assert hello is not None and c.handshake is not None and k.handshake is not None
    assert bool(hello[6] & FLAG_PSK) == (psk is not None)
    ek = pr.kem.from_seed(SEED).ek
    assert len(k.nonce) == 32
    th = hashlib.sha256(LABEL_TRANSCRIPT + ek + hello + k.nonce).digest()
    prk = ref_extract(hello[-16:], c.handshake.ss + (psk or b""))
    k0 = ref_expand(prk, LABEL_SESSION + th)
    for hs in (c.handshake, k.handshake):
        assert (hs.th, hs.prk, hs.k0) == (th, prk, k0)
    assert c.keys is not None and k.keys is not None
    assert (c.keys.c2k, c.keys.k2c) == (k.keys.c2k, k.keys.k2c) == (ref_expand(k0, LABEL_C2K), ref_expand(k0, LABEL_K2C))
    # the HELLO_ACK tag is HMAC(k_k2c0, frame-before-tag || TH)
    ack = pr.k2c[-1]
    assert ack[-32:] == hmac.new(ref_expand(k0, LABEL_K2C), ack[:-32] + th, hashlib.sha256).digest()
