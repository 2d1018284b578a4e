"""The two key file formats, defined once with ``construct`` (big-endian).

Keystore (the keypad's private key at rest)::

    header  magic "KCKS" | format_version u8 | file_type u8 | kdf u8
            | t_cost u32 | m_cost_kib u32 | parallelism u8 | salt[16]
            | aead u8 | nonce[24] | fingerprint[32] = SHA-256(ek)
    sealed  XChaCha20-Poly1305(Argon2id(PIN, salt, t, m, p), nonce,
                               seed d||z, AD = header bytes)   64 + 16 bytes
    check   SHA-256(header || sealed)                           32 bytes

Public key file::

    magic "KCPK" | format_version u8 | file_type u8 | ek[1184] | SHA-256(all before)[32]

``magic | format_version | file_type`` is the same preamble in every version
of both formats, so a reader can always say *what* a file is before it knows
whether it can read it.

Why the unkeyed ``check``: without it, a flipped bit anywhere in the file and
a mistyped PIN both surface as the same AEAD failure, and an operator cannot
tell a dying SD card from a typo. With it, corruption, truncation and naive
tampering are reported as such (:class:`TamperedKeystore`,
:class:`TruncatedKeystore`) before the PIN is ever tried, and
:class:`WrongPin` means "the file is intact, the PIN is not". The checksum is
not a security boundary: an attacker who edits the file and recomputes it
gets "wrong PIN", because the header is the AEAD's associated data, so
nothing opens. Still fail-closed.

This module only checks structure (magic, type, versions, algorithm ids,
Argon2 bounds, lengths, checksum); the PIN, Argon2 and the AEAD live in
:mod:`keycrypt.keystore`. Error messages never quote file content beyond
the fields they name, and never any key material.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from dataclasses import dataclass, field
from typing import Any, ClassVar

import construct as c

from keycrypt.constants import (
    AEAD_TAG_SIZE,
    ARGON2_MEMORY_KIB,
    ARGON2_MEMORY_KIB_RANGE,
    ARGON2_PARALLELISM,
    ARGON2_PARALLELISM_RANGE,
    ARGON2_SALT_SIZE,
    ARGON2_TIME_COST,
    ARGON2_TIME_COST_RANGE,
    EK_SIZE,
    FINGERPRINT_SIZE,
    KEYSTORE_AEAD_XCHACHA20POLY1305,
    KEYSTORE_CHECKSUM_SIZE,
    KEYSTORE_FILE_TYPE,
    KEYSTORE_FORMAT_VERSION,
    KEYSTORE_KDF_ARGON2ID,
    KEYSTORE_MAGIC,
    PUBKEY_CHECKSUM_SIZE,
    PUBKEY_FILE_TYPE,
    PUBKEY_FORMAT_VERSION,
    PUBKEY_MAGIC,
    PUBKEY_TEXT_CHECK_SIZE,
    PUBKEY_TEXT_PREFIX,
    SEED_SIZE,
    XCHACHA_NONCE_SIZE,
)
from keycrypt.errors import (
    LocalUsageError,
    NotAKeystore,
    TamperedKeystore,
    TruncatedKeystore,
    UnsupportedKeystore,
)


def _sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


# --------------------------------------------------------------------------- layouts

KEYSTORE_HEADER = c.Struct(
    "magic" / c.Bytes(len(KEYSTORE_MAGIC)) * 'ASCII "KCKS"',
    "format_version" / c.Int8ub * f"keystore format version, {KEYSTORE_FORMAT_VERSION}",
    "file_type" / c.Int8ub * f"{KEYSTORE_FILE_TYPE} = keypad private key",
    "kdf" / c.Int8ub * f"{KEYSTORE_KDF_ARGON2ID} = Argon2id v1.3 (RFC 9106)",
    "t_cost" / c.Int32ub * f"Argon2 passes, {ARGON2_TIME_COST_RANGE[0]}..{ARGON2_TIME_COST_RANGE[1]}",
    "m_cost_kib" / c.Int32ub * f"Argon2 memory in KiB, {ARGON2_MEMORY_KIB_RANGE[0]}..{ARGON2_MEMORY_KIB_RANGE[1]}",
    "parallelism" / c.Int8ub * f"Argon2 lanes, {ARGON2_PARALLELISM_RANGE[0]}..{ARGON2_PARALLELISM_RANGE[1]}",
    "salt" / c.Bytes(ARGON2_SALT_SIZE) * "Argon2 salt, fresh for every sealing",
    "aead" / c.Int8ub * f"{KEYSTORE_AEAD_XCHACHA20POLY1305} = XChaCha20-Poly1305",
    "nonce" / c.Bytes(XCHACHA_NONCE_SIZE) * "XChaCha20-Poly1305 nonce, fresh for every sealing",
    "fingerprint" / c.Bytes(FINGERPRINT_SIZE) * "SHA-256 of the ML-KEM-768 encapsulation key",
)

KEYSTORE_FILE = c.Struct(
    "header" / c.RawCopy(KEYSTORE_HEADER) * "the AEAD's associated data, byte for byte",
    "sealed" / c.Bytes(SEED_SIZE + AEAD_TAG_SIZE) * "XChaCha20-Poly1305 ciphertext of the 64-byte seed, then its tag",
    "check"
    / c.Checksum(c.Bytes(KEYSTORE_CHECKSUM_SIZE), _sha256, lambda ctx: ctx.header.data + ctx.sealed)
    * "SHA-256(header || sealed): corruption check, not authentication",
    c.Terminated,
)

PUBKEY_BODY = c.Struct(
    "magic" / c.Bytes(len(PUBKEY_MAGIC)) * 'ASCII "KCPK"',
    "format_version" / c.Int8ub * f"public key file format version, {PUBKEY_FORMAT_VERSION}",
    "file_type" / c.Int8ub * f"{PUBKEY_FILE_TYPE} = keypad public key",
    "ek" / c.Bytes(EK_SIZE) * "ML-KEM-768 encapsulation key",
)

PUBKEY_FILE = c.Struct(
    "body" / c.RawCopy(PUBKEY_BODY),
    "check"
    / c.Checksum(c.Bytes(PUBKEY_CHECKSUM_SIZE), _sha256, lambda ctx: ctx.body.data)
    * "SHA-256 of every byte before it",
    c.Terminated,
)

KEYSTORE_HEADER_LEN: int = KEYSTORE_HEADER.sizeof()
SEALED_LEN: int = SEED_SIZE + AEAD_TAG_SIZE
KEYSTORE_FILE_LEN: int = KEYSTORE_HEADER_LEN + SEALED_LEN + KEYSTORE_CHECKSUM_SIZE
PUBKEY_FILE_LEN: int = PUBKEY_BODY.sizeof() + PUBKEY_CHECKSUM_SIZE

_FILE_TYPE_NAMES = {KEYSTORE_FILE_TYPE: "keypad private key (keystore)", PUBKEY_FILE_TYPE: "keypad public key"}


def _layout(struct: c.Struct, tail: list[tuple[str, int]]) -> list[tuple[str, int, int]]:
    """(field, offset, size) for each field, for messages that say where a file ends."""
    out, off = [], 0
    for name, size in [(sc.name, sc.sizeof()) for sc in struct.subcons] + tail:
        out.append((name, off, size))
        off += size
    return out


KEYSTORE_LAYOUT = _layout(KEYSTORE_HEADER, [("sealed", SEALED_LEN), ("check", KEYSTORE_CHECKSUM_SIZE)])
PUBKEY_LAYOUT = _layout(PUBKEY_BODY, [("check", PUBKEY_CHECKSUM_SIZE)])


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Argon2Params:
    """Argon2id cost parameters; an instance is always within the accepted bounds.

    The bounds are checked on construction, so a crafted header cannot make
    the keypad start a 4 TiB (or a zero-cost) Argon2 run, and a file that
    could not be opened again is never written.
    """

    time_cost: int
    memory_kib: int
    parallelism: int

    DEFAULT: ClassVar[Argon2Params]

    def __post_init__(self) -> None:
        check_argon2_param("time_cost", self.time_cost)
        check_argon2_param("memory_kib", self.memory_kib)
        check_argon2_param("parallelism", self.parallelism)


_ARGON2_BOUNDS: dict[str, tuple[tuple[int, int], str]] = {
    "time_cost": (ARGON2_TIME_COST_RANGE, ""),
    "memory_kib": (ARGON2_MEMORY_KIB_RANGE, " KiB"),
    "parallelism": (ARGON2_PARALLELISM_RANGE, ""),
}


def check_argon2_param(name: str, value: Any) -> None:
    """UnsupportedKeystore unless ``value`` is an int within the accepted range for ``name``."""
    (lo, hi), unit = _ARGON2_BOUNDS[name]
    if not isinstance(value, int) or isinstance(value, bool):
        raise UnsupportedKeystore(f"Argon2 {name} must be an integer, not {type(value).__name__}")
    if not lo <= value <= hi:
        raise UnsupportedKeystore(f"Argon2 {name} {value}{unit} is outside the accepted range {lo}..{hi}{unit}")


Argon2Params.DEFAULT = Argon2Params(ARGON2_TIME_COST, ARGON2_MEMORY_KIB, ARGON2_PARALLELISM)


@dataclass(frozen=True)
class KeystoreHeader:
    """A keystore header that passed every structural check; ``raw`` is the AEAD's associated data."""

    format_version: int
    file_type: int
    kdf: int
    params: Argon2Params
    salt: bytes
    aead: int
    nonce: bytes
    fingerprint: bytes
    raw: bytes = field(repr=False)


@dataclass(frozen=True)
class DecodedKeystore:
    """A structurally valid keystore file: header, sealed seed, checksum (checked)."""

    header: KeystoreHeader
    sealed: bytes = field(repr=False)
    check: bytes = field(repr=False)


# --------------------------------------------------------------------------- keystore


def encode_keystore_header(params: Argon2Params, salt: bytes, nonce: bytes, fingerprint: bytes) -> bytes:
    """The header bytes, which are also the AEAD's associated data."""
    _need_len("salt", salt, ARGON2_SALT_SIZE)
    _need_len("nonce", nonce, XCHACHA_NONCE_SIZE)
    _need_len("fingerprint", fingerprint, FINGERPRINT_SIZE)
    built: bytes = KEYSTORE_HEADER.build(
        dict(
            magic=KEYSTORE_MAGIC,
            format_version=KEYSTORE_FORMAT_VERSION,
            file_type=KEYSTORE_FILE_TYPE,
            kdf=KEYSTORE_KDF_ARGON2ID,
            t_cost=params.time_cost,
            m_cost_kib=params.memory_kib,
            parallelism=params.parallelism,
            salt=bytes(salt),
            aead=KEYSTORE_AEAD_XCHACHA20POLY1305,
            nonce=bytes(nonce),
            fingerprint=bytes(fingerprint),
        )
    )
    return built


def encode_keystore(header: bytes, sealed: bytes) -> bytes:
    """The whole file: header, sealed seed, and the checksum over both."""
    _need_len("header", header, KEYSTORE_HEADER_LEN)
    _need_len("sealed", sealed, SEALED_LEN)
    built: bytes = KEYSTORE_FILE.build(dict(header=dict(data=bytes(header)), sealed=bytes(sealed), check=None))
    return built


def decode_keystore(data: bytes) -> DecodedKeystore:
    """Check everything that can be checked without the PIN, in a fixed order.

    Order (each failure names what was wrong): magic -> NotAKeystore; file
    type -> NotAKeystore; format version, kdf, Argon2 bounds, aead ->
    UnsupportedKeystore (each checked only if the file is long enough to hold
    it); short -> TruncatedKeystore; long -> TamperedKeystore; checksum ->
    TamperedKeystore. What to believe first: the fields that say what the
    file is, then whether we can read it, then whether it is whole.
    """
    data = bytes(data)
    _check_magic(data, KEYSTORE_MAGIC, "keystore", PUBKEY_MAGIC, "public key file")
    fields = _parse_prefix(KEYSTORE_HEADER, data)
    _check_file_type(fields, KEYSTORE_FILE_TYPE, "keystore")
    _check_version(fields, KEYSTORE_FORMAT_VERSION, "keystore")
    if "kdf" in fields and fields["kdf"] != KEYSTORE_KDF_ARGON2ID:
        raise UnsupportedKeystore(
            f"keystore kdf id {fields['kdf']} is not supported (this implementation reads "
            f"{KEYSTORE_KDF_ARGON2ID} = Argon2id v1.3)"
        )
    for wire_name, name in (("t_cost", "time_cost"), ("m_cost_kib", "memory_kib"), ("parallelism", "parallelism")):
        if wire_name in fields:
            try:
                check_argon2_param(name, fields[wire_name])
            except UnsupportedKeystore as exc:
                raise UnsupportedKeystore(f"keystore header: {exc}") from None
    if "aead" in fields and fields["aead"] != KEYSTORE_AEAD_XCHACHA20POLY1305:
        raise UnsupportedKeystore(
            f"keystore aead id {fields['aead']} is not supported (this implementation reads "
            f"{KEYSTORE_AEAD_XCHACHA20POLY1305} = XChaCha20-Poly1305)"
        )
    _check_length(data, KEYSTORE_FILE_LEN, KEYSTORE_LAYOUT, "keystore")
    try:
        parsed = KEYSTORE_FILE.parse(data)
    except c.ChecksumError:
        raise TamperedKeystore(
            "keystore checksum does not match: the file was corrupted or altered after it was written "
            "(every header field that can be checked alone is valid, so the change is in the salt, nonce, "
            "fingerprint, Argon2 costs, sealed key or the checksum itself)"
        ) from None
    except c.ConstructError as exc:  # pragma: no cover - the checks above leave nothing for construct to reject
        raise TamperedKeystore(f"keystore does not parse: {exc}") from None
    h = parsed.header.value
    header = KeystoreHeader(
        format_version=h.format_version,
        file_type=h.file_type,
        kdf=h.kdf,
        params=Argon2Params(h.t_cost, h.m_cost_kib, h.parallelism),
        salt=h.salt,
        aead=h.aead,
        nonce=h.nonce,
        fingerprint=h.fingerprint,
        raw=parsed.header.data,
    )
    return DecodedKeystore(header=header, sealed=parsed.sealed, check=parsed.check)


# --------------------------------------------------------------------------- public key file


def encode_pubkey_file(ek: bytes) -> bytes:
    """The public key file for ``ek`` (length only; the KEM checks the key itself)."""
    _need_len("ek", ek, EK_SIZE)
    body = dict(magic=PUBKEY_MAGIC, format_version=PUBKEY_FORMAT_VERSION, file_type=PUBKEY_FILE_TYPE, ek=bytes(ek))
    built: bytes = PUBKEY_FILE.build(dict(body=dict(value=body), check=None))
    return built


def decode_pubkey_file(data: bytes) -> bytes:
    """The ek inside a public key file, after the same ordered checks as a keystore."""
    data = bytes(data)
    _check_magic(data, PUBKEY_MAGIC, "public key file", KEYSTORE_MAGIC, "keystore (the private key)")
    fields = _parse_prefix(PUBKEY_BODY, data)
    _check_file_type(fields, PUBKEY_FILE_TYPE, "public key file")
    _check_version(fields, PUBKEY_FORMAT_VERSION, "public key file")
    _check_length(data, PUBKEY_FILE_LEN, PUBKEY_LAYOUT, "public key file")
    try:
        parsed = PUBKEY_FILE.parse(data)
    except c.ChecksumError:
        raise TamperedKeystore(
            "public key file checksum does not match: the file was corrupted or altered after it was written"
        ) from None
    except c.ConstructError as exc:  # pragma: no cover - see decode_keystore
        raise TamperedKeystore(f"public key file does not parse: {exc}") from None
    return bytes(parsed.body.value.ek)


# --------------------------------------------------------------------------- public key, text form

PUBKEY_TEXT_FAMILY = PUBKEY_TEXT_PREFIX.split("-", 1)[0] + "-"
"""``kcp1-``: a text form of this protocol; another key type after it is unsupported, not foreign."""


def _text_check(prefix: str, b64: str) -> str:
    digest = hashlib.sha256(f"{prefix}:{b64}".encode("ascii")).digest()
    return digest[:PUBKEY_TEXT_CHECK_SIZE].hex()


def _text_check_matches(check: str, prefix: str, b64: str) -> bool:
    return hmac.compare_digest(check.encode("ascii"), _text_check(prefix, b64).encode("ascii"))


def encode_pubkey_text(ek: bytes) -> bytes:
    """``kcp1-mlkem768:<base64 of ek>:<check>`` and a newline: one line to paste, like an ssh key.

    base64 is RFC 4648 section 4 with padding; ``check`` is the first
    PUBKEY_TEXT_CHECK_SIZE bytes of SHA-256 over everything before the second
    colon, in lower-case hex. It catches a character lost or changed in
    copying; it is no authentication (people compare the fingerprint).
    """
    _need_len("ek", ek, EK_SIZE)
    b64 = base64.b64encode(bytes(ek)).decode("ascii")
    return f"{PUBKEY_TEXT_PREFIX}:{b64}:{_text_check(PUBKEY_TEXT_PREFIX, b64)}\n".encode("ascii")


def decode_pubkey_text(data: bytes) -> bytes:
    """The ek in the text form, after checks in a fixed order, each naming what was wrong.

    Surrounding white space (a final newline, an indented paste) is ignored.
    Order: ASCII -> prefix (another ``kcp1-`` type: unsupported; anything
    else: not a public key) -> one line -> three parts -> check (a changed
    or lost character) -> strict, canonical base64 of exactly EK_SIZE bytes.
    """
    try:
        text = bytes(data).decode("ascii").strip()
    except UnicodeDecodeError:
        raise NotAKeystore("public key text holds a byte that is not ASCII") from None
    prefix, _, rest = text.partition(":")
    if prefix != PUBKEY_TEXT_PREFIX:
        if prefix.startswith(PUBKEY_TEXT_FAMILY) and not any(ch.isspace() for ch in prefix):
            raise UnsupportedKeystore(f"public key type {prefix!r} is not supported (this implementation reads {PUBKEY_TEXT_PREFIX!r})")
        raise NotAKeystore(f"not a KeyCrypt public key: it does not start with {PUBKEY_TEXT_PREFIX + ':'!r} or the KCPK magic")
    if any(ch.isspace() for ch in rest):
        raise TamperedKeystore("public key text must be one line without spaces (it holds white space inside)")
    parts = rest.split(":")
    if len(parts) < 2:
        raise TruncatedKeystore("public key text ends early: the ':<check>' part is missing")
    if len(parts) > 2:
        raise TamperedKeystore("public key text has more than three ':'-separated parts")
    b64, check = parts
    if not _text_check_matches(check, prefix, b64):
        raise TamperedKeystore("public key text check does not match: a character was changed or lost in copying")
    try:
        ek = base64.b64decode(b64, validate=True)
    except (binascii.Error, ValueError):
        raise TamperedKeystore("public key text: the key is not valid base64") from None
    if base64.b64encode(ek).decode("ascii") != b64:
        raise TamperedKeystore("public key text: the base64 is not in its canonical form")
    if len(ek) != EK_SIZE:
        raise TamperedKeystore(f"public key text holds {len(ek)} bytes, not the {EK_SIZE} of an ML-KEM-768 key")
    return ek


def decode_pubkey_any(data: bytes) -> bytes:
    """The ek in a public key file of either form: the binary ``KCPK`` file or the text line."""
    data = bytes(data)
    if data.startswith(PUBKEY_MAGIC) or data.startswith(KEYSTORE_MAGIC) or not data.lstrip()[:1].isalpha():
        return decode_pubkey_file(data)
    return decode_pubkey_text(data)


# --------------------------------------------------------------------------- helpers


def _need_len(what: str, value: bytes, size: int) -> None:
    if not isinstance(value, (bytes, bytearray, memoryview)):
        raise LocalUsageError(f"{what} must be bytes, not {type(value).__name__}")
    if len(value) != size:
        raise LocalUsageError(f"{what} must be {size} bytes, not {len(value)}")


def _check_magic(data: bytes, magic: bytes, kind: str, other_magic: bytes, other_kind: str) -> None:
    if len(data) == 0:
        raise NotAKeystore(f"not a KeyCrypt {kind}: the file is empty")
    head = data[: len(magic)]
    if head == magic:
        return
    if head == other_magic:
        raise NotAKeystore(f"this is a KeyCrypt {other_kind}, not a {kind} (it starts with {other_magic.decode()!r})")
    if len(data) < len(magic):
        raise NotAKeystore(
            f"not a KeyCrypt {kind}: {len(data)} bytes is shorter than the {len(magic)}-byte magic "
            f"{magic.decode()!r}"
        )
    raise NotAKeystore(f"not a KeyCrypt {kind}: the file does not start with the magic {magic.decode()!r}")


def _parse_prefix(struct: c.Struct, data: bytes) -> dict[str, Any]:
    """Every leading fixed-size field that ``data`` holds completely, parsed; stops at the first that it does not."""
    out: dict[str, Any] = {}
    off = 0
    for sc in struct.subcons:
        size = sc.sizeof()
        if off + size > len(data):
            break
        out[sc.name] = sc.parse(data[off : off + size])
        off += size
    return out


def _check_file_type(fields: dict[str, Any], expected: int, kind: str) -> None:
    if "file_type" not in fields or fields["file_type"] == expected:
        return
    got = fields["file_type"]
    what = _FILE_TYPE_NAMES.get(got, "unknown to this implementation")
    raise NotAKeystore(f"not a KeyCrypt {kind}: file type {got} ({what}), expected {expected}")


def _check_version(fields: dict[str, Any], expected: int, kind: str) -> None:
    if "format_version" not in fields or fields["format_version"] == expected:
        return
    raise UnsupportedKeystore(
        f"{kind} format version {fields['format_version']} is not supported (this implementation reads "
        f"version {expected}; a file written as version {expected} that shows another number is corrupted)"
    )


def _check_length(data: bytes, expected: int, layout: list[tuple[str, int, int]], kind: str) -> None:
    got = len(data)
    if got < expected:
        where = next(name for name, off, size in layout if got < off + size)
        raise TruncatedKeystore(f"{kind} is truncated: expected {expected} bytes, got {got} (it ends inside {where})")
    if got > expected:
        extra = got - expected
        raise TamperedKeystore(
            f"{kind} has {extra} trailing byte{'s' if extra > 1 else ''} after its {expected}-byte content"
        )


__all__ = [
    "KEYSTORE_HEADER",
    "KEYSTORE_FILE",
    "PUBKEY_BODY",
    "PUBKEY_FILE",
    "KEYSTORE_HEADER_LEN",
    "SEALED_LEN",
    "KEYSTORE_FILE_LEN",
    "PUBKEY_FILE_LEN",
    "KEYSTORE_LAYOUT",
    "PUBKEY_LAYOUT",
    "Argon2Params",
    "check_argon2_param",
    "KeystoreHeader",
    "DecodedKeystore",
    "encode_keystore_header",
    "encode_keystore",
    "decode_keystore",
    "encode_pubkey_file",
    "decode_pubkey_file",
    "encode_pubkey_text",
    "decode_pubkey_text",
    "decode_pubkey_any",
]
