"""The KCP/1 key schedule (HKDF-SHA-256, RFC 5869) and frame tags (HMAC-SHA-256).

    TH    = SHA-256("KC1 transcript" || ek || HELLO frame || keypad nonce)
    prk   = HKDF-Extract(salt = hello.salt, IKM = ss || psk)
    K_0   = HKDF-Expand(prk, "KC1 session" || TH, 32)
    k_c2k = HKDF-Expand(K_e, "KC1 c2k", 32)
    k_k2c = HKDF-Expand(K_e, "KC1 k2c", 32)
    K_e+1 = HKDF-Expand(HKDF-Extract(salt = rekey.salt, IKM = K_e), "KC1 rekey" || u32(e+1), 32)

The keypad nonce (sent in HELLO_ACK) makes every session's keys fresh on the
keypad's side too: a replayed HELLO yields keys the recorded PINGs do not
match, and a session is bound to the keypad instance that answered it.
Direction-separated keys stop reflection; deriving K_e+1 one-way from K_e
(and dropping K_e) gives forward secrecy across epochs.
"""

from __future__ import annotations

import hashlib
import hmac
import struct
from dataclasses import dataclass, field

from keycrypt.constants import (
    KEY_SIZE,
    KEYPAD_NONCE_SIZE,
    LABEL_C2K,
    LABEL_K2C,
    LABEL_REKEY,
    LABEL_SESSION,
    LABEL_TRANSCRIPT,
    PSK_SIZE,
    SALT_SIZE,
    SS_SIZE,
    TAG_SIZE,
)
from keycrypt.errors import LocalUsageError

_HASH_LEN = 32


def hkdf_extract(salt: bytes, ikm: bytes) -> bytes:
    """RFC 5869 §2.2 (an empty salt means HashLen zero bytes)."""
    return hmac.digest(salt or bytes(_HASH_LEN), ikm, "sha256")


def hkdf_expand(prk: bytes, info: bytes, length: int = KEY_SIZE) -> bytes:
    """RFC 5869 §2.3."""
    if length > 255 * _HASH_LEN:
        raise LocalUsageError("HKDF-Expand length too large")
    out, block, i = b"", b"", 1
    while len(out) < length:
        block = hmac.digest(prk, block + info + bytes((i,)), "sha256")
        out += block
        i += 1
    return out[:length]


def transcript_hash(ek: bytes, hello_frame: bytes, keypad_nonce: bytes) -> bytes:
    if len(keypad_nonce) != KEYPAD_NONCE_SIZE:
        raise LocalUsageError(f"keypad nonce must be {KEYPAD_NONCE_SIZE} bytes")
    return hashlib.sha256(LABEL_TRANSCRIPT + ek + hello_frame + keypad_nonce).digest()


def session_prk(ss: bytes, hello_salt: bytes, psk: bytes | None) -> bytes:
    if len(ss) != SS_SIZE or len(hello_salt) != SALT_SIZE:
        raise LocalUsageError("shared secret must be 32 bytes and salt 16 bytes")
    if psk is not None and len(psk) != PSK_SIZE:
        raise LocalUsageError(f"psk must be {PSK_SIZE} bytes")
    return hkdf_extract(hello_salt, ss + (psk or b""))


def initial_key(prk: bytes, th: bytes) -> bytes:
    return hkdf_expand(prk, LABEL_SESSION + th)


def next_epoch_key(key: bytes, rekey_salt: bytes, next_epoch: int) -> bytes:
    if len(rekey_salt) != SALT_SIZE:
        raise LocalUsageError("rekey salt must be 16 bytes")
    return hkdf_expand(hkdf_extract(rekey_salt, key), LABEL_REKEY + struct.pack(">I", next_epoch))


def mac(key: bytes, *parts: bytes) -> bytes:
    """HMAC-SHA-256 over the concatenation of parts (full 32-byte tag)."""
    return hmac.digest(key, b"".join(parts), "sha256")


def verify(key: bytes, tag: bytes, *parts: bytes) -> bool:
    """Constant-time tag check."""
    return len(tag) == TAG_SIZE and hmac.compare_digest(mac(key, *parts), tag)


@dataclass(slots=True)
class EpochKeys:
    """K_e and the two direction keys derived from it."""

    epoch: int
    key: bytes = field(repr=False)
    c2k: bytes = field(repr=False)
    k2c: bytes = field(repr=False)

    @classmethod
    def derive(cls, epoch: int, key: bytes) -> "EpochKeys":
        return cls(epoch, key, hkdf_expand(key, LABEL_C2K), hkdf_expand(key, LABEL_K2C))

    def next(self, rekey_salt: bytes) -> "EpochKeys":
        """Keys of epoch e+1. The caller drops this object so K_e is forgotten."""
        return EpochKeys.derive(self.epoch + 1, next_epoch_key(self.key, rekey_salt, self.epoch + 1))


@dataclass(frozen=True, slots=True)
class Handshake:
    """Every intermediate value of a handshake (published in the vectors)."""

    ss: bytes = field(repr=False)
    th: bytes
    prk: bytes = field(repr=False)
    k0: bytes = field(repr=False)


def handshake(
    ss: bytes, ek: bytes, hello_frame: bytes, hello_salt: bytes, psk: bytes | None, keypad_nonce: bytes
) -> Handshake:
    th = transcript_hash(ek, hello_frame, keypad_nonce)
    prk = session_prk(ss, hello_salt, psk)
    return Handshake(ss, th, prk, initial_key(prk, th))
