"""The keypad's private key at rest, and its public key file.

The keypad's ML-KEM-768 key is stored as its 64-byte seed (d||z), sealed with
XChaCha20-Poly1305 under a key that Argon2id derives from the PIN. The whole
header (format version, Argon2 costs, salt, nonce, public-key fingerprint) is
the AEAD's associated data, so no parameter can be changed unnoticed; the
layout and the structural checks are in :mod:`keycrypt.wire.keyfile`.

What each error means when a keystore is opened:

* :class:`NotAKeystore` – not a KeyCrypt keystore at all (wrong magic, a public
  key file, another file type);
* :class:`UnsupportedKeystore` – a format version, algorithm id or Argon2 cost
  this implementation does not accept (bounded, so a crafted header cannot
  ask for a 4 TiB Argon2 run);
* :class:`TruncatedKeystore` / :class:`TamperedKeystore` – the file is not
  what was written: too short, too long, checksum mismatch, or a decrypted
  seed whose public key does not match the recorded fingerprint;
* :class:`WrongPin` – the file is intact and the PIN does not open it. An
  attacker who edits the file and recomputes its (unkeyed) checksum also
  lands here: the AEAD still fails, nothing opens. Fail-closed either way.

No PIN, key or seed ever appears in an error message, a log or a repr.
Python cannot reliably wipe memory, so no attempt is made to pretend it does.

The pure functions (:func:`seal_keystore`, :func:`unseal_keystore`, ...) are
deterministic given their inputs, which is what the test vectors need; the
file functions add fresh randomness and crash-safe replacement.
"""

from __future__ import annotations

import errno
import hashlib
import hmac
import math
import os
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Final

import nacl.bindings
import nacl.exceptions
from argon2.exceptions import HashingError
from argon2.low_level import Type, hash_secret_raw

from keycrypt.constants import (
    ARGON2_KEY_SIZE,
    ARGON2_SALT_SIZE,
    ARGON2_TIME_COST_RANGE,
    ARGON2_VERSION,
    EK_SIZE,
    FINGERPRINT_GROUP,
    FINGERPRINT_GROUPS_PER_LINE,
    FINGERPRINT_SIZE,
    KEYSTORE_READ_LIMIT,
    PIN_MAX_LENGTH,
    PIN_MIN_LENGTH,
    PUBKEY_READ_LIMIT,
    SEED_SIZE,
    UNLOCK_TIME,
    XCHACHA_NONCE_SIZE,
)
from keycrypt.crypto.kem import KemBackend, get_backend
from keycrypt.errors import (
    KemError,
    KeystoreError,
    LocalUsageError,
    NotAKeystore,
    PinError,
    TamperedKeystore,
    WrongPin,
)
from keycrypt.fsutil import StrPath, atomic_write_bytes, read_file_limited
from keycrypt.wire.keyfile import (
    KEYSTORE_FILE_LEN,
    PUBKEY_FILE_LEN,
    Argon2Params,
    KeystoreHeader,
    decode_keystore,
    decode_pubkey_any,
    encode_keystore,
    encode_keystore_header,
    encode_pubkey_file,
    encode_pubkey_text,
)

DEFAULT: Final[Argon2Params] = Argon2Params.DEFAULT
"""RFC 9106's second recommended option: t=3, 64 MiB, p=4 (about 0.1 s on a small x86 box)."""


def argon2_seconds(params: Argon2Params) -> float:
    """Wall-clock seconds of one Argon2id derivation at ``params`` on this machine (a random salt)."""
    t0 = time.perf_counter()
    hash_secret_raw(b"calibration", os.urandom(ARGON2_SALT_SIZE), time_cost=params.time_cost,
                    memory_cost=params.memory_kib, parallelism=params.parallelism, hash_len=ARGON2_KEY_SIZE,
                    type=Type.ID)
    return time.perf_counter() - t0


def calibrate_argon2(
    target: float = UNLOCK_TIME, *, measure: Callable[[Argon2Params], float] = argon2_seconds
) -> Argon2Params:
    """Argon2id costs that take about ``target`` seconds here, like cryptsetup's --iter-time.

    Memory and lanes stay at the default (64 MiB, p=4); the number of passes t is
    scaled from a timed single pass, never below the default t (so calibrating on
    slow hardware never weakens the keystore) and never above the keystore's
    accepted bound (spec §8).
    """
    if not 0 < target <= 600:
        raise LocalUsageError("the unlock time must be in (0, 600] seconds")
    one = Argon2Params(1, DEFAULT.memory_kib, DEFAULT.parallelism)
    measure(one)  # warm-up: the first run pays for page faults
    per_pass = max(min(measure(one), measure(one)), 1e-6)
    lo, hi = ARGON2_TIME_COST_RANGE
    t = min(max(math.ceil(target / per_pass), DEFAULT.time_cost, lo), hi)
    return Argon2Params(t, DEFAULT.memory_kib, DEFAULT.parallelism)


# --------------------------------------------------------------------------- PIN, fingerprint


def normalize_pin(pin: str) -> bytes:
    """The bytes Argon2 sees for ``pin``: NFC, then UTF-8.

    NFC so that the same PIN typed on two keyboards (precomposed or combining
    accents) opens the same file. Length is counted in characters after NFC.
    Control, format, private-use, surrogate and unassigned code points
    (Unicode category C) are refused: a person cannot reliably type them
    twice, and unassigned ones could normalize differently in a later
    Unicode version.
    """
    if not isinstance(pin, str):
        raise PinError(f"a PIN must be text (str), not {type(pin).__name__}")
    nfc = unicodedata.normalize("NFC", pin)
    if len(nfc) < PIN_MIN_LENGTH:
        raise PinError(f"PIN is too short: it needs at least {PIN_MIN_LENGTH} characters")
    if len(nfc) > PIN_MAX_LENGTH:
        raise PinError(f"PIN is too long: it may have at most {PIN_MAX_LENGTH} characters")
    for ch in nfc:
        category = unicodedata.category(ch)
        if category.startswith("C"):
            raise PinError(
                f"PIN contains a control or invisible character (Unicode category {category}); "
                "use letters, digits, punctuation or spaces"
            )
    return nfc.encode("utf-8")


def fingerprint(ek: bytes) -> bytes:
    """SHA-256 of the encapsulation key: what the keystore header records and people compare."""
    if not isinstance(ek, (bytes, bytearray)) or len(ek) != EK_SIZE:
        raise LocalUsageError(f"ek must be {EK_SIZE} bytes")
    return hashlib.sha256(bytes(ek)).digest()


def format_fingerprint(fp: bytes, *, multiline: bool = False) -> str:
    """``3F2A 91C0 ...``: upper-case hex in groups of 4, for a person comparing two screens.

    Groups are easier to compare (and to read aloud) than 64 digits in a row;
    ``multiline`` splits them over two lines of 8 groups to fit a small display.
    """
    if not isinstance(fp, (bytes, bytearray)) or len(fp) != FINGERPRINT_SIZE:
        raise LocalUsageError(f"a fingerprint is {FINGERPRINT_SIZE} bytes")
    digits = bytes(fp).hex().upper()
    groups = [digits[i : i + FINGERPRINT_GROUP] for i in range(0, len(digits), FINGERPRINT_GROUP)]
    if not multiline:
        return " ".join(groups)
    step = FINGERPRINT_GROUPS_PER_LINE
    return "\n".join(" ".join(groups[i : i + step]) for i in range(0, len(groups), step))


# --------------------------------------------------------------------------- pure sealing


@dataclass(frozen=True, eq=False, repr=False)
class OpenedKeystore:
    """An opened keystore. ``seed`` is the private key: the repr shows only the fingerprint."""

    seed: bytes
    ek: bytes
    fingerprint: bytes
    params: Argon2Params

    def __repr__(self) -> str:
        return f"OpenedKeystore(fingerprint='{format_fingerprint(self.fingerprint)}', params={self.params!r})"


def _derive_key(pin: bytes, salt: bytes, params: Argon2Params) -> bytes:
    try:
        return hash_secret_raw(
            secret=pin,
            salt=salt,
            time_cost=params.time_cost,
            memory_cost=params.memory_kib,
            parallelism=params.parallelism,
            hash_len=ARGON2_KEY_SIZE,
            type=Type.ID,
            version=ARGON2_VERSION,
        )
    except HashingError as exc:  # e.g. the memory cannot be allocated
        raise KeystoreError(f"Argon2id failed with {params!r}: {exc}") from None


def _need_bytes(what: str, value: bytes, size: int) -> bytes:
    if not isinstance(value, (bytes, bytearray)) or len(value) != size:
        raise LocalUsageError(f"{what} must be {size} bytes")
    return bytes(value)


def seal_keystore(
    seed: bytes,
    pin: str,
    *,
    salt: bytes,
    nonce: bytes,
    params: Argon2Params,
    kem: KemBackend | None = None,
) -> bytes:
    """The keystore file for ``seed`` under ``pin``; deterministic, so vectors can pin it down.

    The caller supplies ``salt`` and ``nonce``; they must be fresh random for
    every sealing (the file functions below do that).
    """
    seed = _need_bytes("seed", seed, SEED_SIZE)
    salt = _need_bytes("salt", salt, ARGON2_SALT_SIZE)
    nonce = _need_bytes("nonce", nonce, XCHACHA_NONCE_SIZE)
    if not isinstance(params, Argon2Params):
        raise LocalUsageError(f"params must be Argon2Params, not {type(params).__name__}")
    pin_bytes = normalize_pin(pin)
    ek = (kem or get_backend()).from_seed(seed).ek
    header = encode_keystore_header(params, salt, nonce, fingerprint(ek))
    key = _derive_key(pin_bytes, salt, params)
    sealed = nacl.bindings.crypto_aead_xchacha20poly1305_ietf_encrypt(seed, header, nonce, key)
    return encode_keystore(header, sealed)


def decode_keystore_header(data: bytes) -> KeystoreHeader:
    """The header of a keystore after every check that needs no PIN (checksum included)."""
    return decode_keystore(data).header


def unseal_keystore(data: bytes, pin: str, *, kem: KemBackend | None = None) -> OpenedKeystore:
    """Open keystore bytes with ``pin``: structure first, then the PIN, then the key's fingerprint.

    The structure is checked before the PIN so that a damaged file is never
    reported as a wrong PIN (and a crafted header never reaches Argon2).
    """
    decoded = decode_keystore(data)
    header = decoded.header
    pin_bytes = normalize_pin(pin)
    key = _derive_key(pin_bytes, header.salt, header.params)
    try:
        seed = nacl.bindings.crypto_aead_xchacha20poly1305_ietf_decrypt(decoded.sealed, header.raw, header.nonce, key)
    except nacl.exceptions.CryptoError:
        raise WrongPin("wrong PIN: the keystore is intact but this PIN does not open it") from None
    ek = (kem or get_backend()).from_seed(seed).ek
    fp = fingerprint(ek)
    if not hmac.compare_digest(fp, header.fingerprint):
        raise TamperedKeystore(
            "the decrypted key does not match the public-key fingerprint recorded in the keystore header "
            f"(header {format_fingerprint(header.fingerprint)}, key {format_fingerprint(fp)})"
        )
    return OpenedKeystore(seed=seed, ek=ek, fingerprint=fp, params=header.params)


def encode_pubkey(ek: bytes, *, kem: KemBackend | None = None, text: bool = False) -> bytes:
    """The public key file for ``ek`` (binary ``KCPK``, or the one-line text form); KemError if ek fails FIPS 203."""
    (kem or get_backend()).check_ek(ek)
    return encode_pubkey_text(ek) if text else encode_pubkey_file(ek)


def decode_pubkey(data: bytes, *, kem: KemBackend | None = None) -> bytes:
    """The ek in a public key file of either form, after the structural checks and the FIPS 203 key checks."""
    ek = decode_pubkey_any(data)
    try:
        (kem or get_backend()).check_ek(ek)
    except KemError as exc:
        raise TamperedKeystore(
            f"public key file holds a key that fails the ML-KEM-768 checks (a KeyCrypt writer never writes one): {exc}"
        ) from None
    return ek


# --------------------------------------------------------------------------- files


def _named(path: StrPath, exc: KeystoreError) -> KeystoreError:
    """The same error type, with the path in front, so the operator knows which file."""
    return type(exc)(f"{os.fspath(path)}: {exc}")


def _read(path: StrPath, limit: int, kind: str, size: int) -> bytes:
    try:
        return read_file_limited(path, limit)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        if exc.errno == errno.EFBIG:
            raise NotAKeystore(f"{os.fspath(path)}: {reason}; a KeyCrypt {kind} is {size} bytes") from None
        raise KeystoreError(f"cannot read {kind} {os.fspath(path)}: {reason}") from None


def _write(path: StrPath, data: bytes, kind: str, **kwargs: object) -> None:
    try:
        atomic_write_bytes(path, data, **kwargs)  # type: ignore[arg-type]
    except FileExistsError:
        raise KeystoreError(
            f"{os.fspath(path)} already exists; refusing to replace a {kind} (pass overwrite=True to replace it)"
        ) from None
    except KeystoreError as exc:
        raise _named(path, exc) from None
    except OSError as exc:
        raise KeystoreError(f"cannot write {kind} {os.fspath(path)}: {exc.strerror or exc}") from None


def _verify_written(tmp: Path, pin: str, expected_fp: bytes, kem: KemBackend | None) -> None:
    """Read the freshly written file back and open it: proof before it takes the real name."""
    opened = unseal_keystore(read_file_limited(tmp, KEYSTORE_READ_LIMIT), pin, kem=kem)
    if not hmac.compare_digest(opened.fingerprint, expected_fp):  # pragma: no cover - unseal checks this too
        raise TamperedKeystore("the new keystore does not hold the expected key")


def create_keystore(
    path: StrPath,
    pin: str,
    *,
    params: Argon2Params = DEFAULT,
    seed: bytes | None = None,
    overwrite: bool = False,
    kem: KemBackend | None = None,
) -> OpenedKeystore:
    """Seal a fresh (or the given) seed under ``pin`` and write it, mode 0600.

    Refuses to replace an existing file unless ``overwrite``: replacing a
    keystore destroys the keypad's identity, and every client that trusts
    its fingerprint. The written file is read back and opened before it gets
    its name.
    """
    normalize_pin(pin)  # a bad PIN fails before any work
    if not overwrite and os.path.lexists(path):
        raise KeystoreError(
            f"{os.fspath(path)} already exists; refusing to replace a keystore (pass overwrite=True to replace it)"
        )
    seed = os.urandom(SEED_SIZE) if seed is None else _need_bytes("seed", seed, SEED_SIZE)
    salt, nonce = os.urandom(ARGON2_SALT_SIZE), os.urandom(XCHACHA_NONCE_SIZE)
    data = seal_keystore(seed, pin, salt=salt, nonce=nonce, params=params, kem=kem)
    expected_fp = decode_keystore_header(data).fingerprint

    def verify(tmp: Path) -> None:
        _verify_written(tmp, pin, expected_fp, kem)

    _write(path, data, "keystore", overwrite=overwrite, verify=verify)
    ek = (kem or get_backend()).from_seed(seed).ek
    return OpenedKeystore(seed=seed, ek=ek, fingerprint=expected_fp, params=params)


def open_keystore(path: StrPath, pin: str, *, kem: KemBackend | None = None) -> OpenedKeystore:
    """Read and open the keystore at ``path``; every error names the path."""
    data = _read(path, KEYSTORE_READ_LIMIT, "keystore", KEYSTORE_FILE_LEN)
    try:
        return unseal_keystore(data, pin, kem=kem)
    except KeystoreError as exc:
        raise _named(path, exc) from None


def read_keystore_header(path: StrPath) -> KeystoreHeader:
    """The header of the keystore at ``path`` (no PIN): costs, fingerprint, after all PIN-less checks."""
    data = _read(path, KEYSTORE_READ_LIMIT, "keystore", KEYSTORE_FILE_LEN)
    try:
        return decode_keystore_header(data)
    except KeystoreError as exc:
        raise _named(path, exc) from None


def change_pin(
    path: StrPath,
    old_pin: str,
    new_pin: str,
    *,
    params: Argon2Params | None = None,
    kem: KemBackend | None = None,
) -> OpenedKeystore:
    """Re-seal the same key under ``new_pin`` with a fresh salt and nonce.

    The key (and so its fingerprint) does not change, so no client needs to
    be told. ``params=None`` keeps the file's Argon2 costs. The new file is
    written beside the old one, read back and opened with the new PIN, and
    only then renamed over it: a crash or a failed check leaves the old file
    (and the old PIN) working. If the file changed while we worked (another
    PIN change racing us), nothing is replaced.
    """
    normalize_pin(old_pin)
    normalize_pin(new_pin)
    original = _read(path, KEYSTORE_READ_LIMIT, "keystore", KEYSTORE_FILE_LEN)
    try:
        opened = unseal_keystore(original, old_pin, kem=kem)
    except KeystoreError as exc:
        raise _named(path, exc) from None
    new_params = opened.params if params is None else params
    salt, nonce = os.urandom(ARGON2_SALT_SIZE), os.urandom(XCHACHA_NONCE_SIZE)
    data = seal_keystore(opened.seed, new_pin, salt=salt, nonce=nonce, params=new_params, kem=kem)

    def verify(tmp: Path) -> None:
        _verify_written(tmp, new_pin, opened.fingerprint, kem)
        if read_file_limited(path, KEYSTORE_READ_LIMIT) != original:
            raise KeystoreError("the keystore changed while its PIN was being changed; nothing was replaced")

    try:
        st = os.stat(path)
    except OSError as exc:
        raise KeystoreError(f"cannot stat keystore {os.fspath(path)}: {exc.strerror or exc}") from None
    _write(path, data, "keystore", owner=(st.st_uid, st.st_gid), verify=verify)
    return OpenedKeystore(seed=opened.seed, ek=opened.ek, fingerprint=opened.fingerprint, params=new_params)


def write_pubkey(path: StrPath, ek: bytes, *, overwrite: bool = True, kem: KemBackend | None = None) -> None:
    """Write the keypad's public key file (what clients are given) in the text form, atomically, mode 0644.

    It holds nothing secret, and clients install it 0644; the text form can be
    pasted into configuration management. Readers still accept the binary form.
    """
    _write(path, encode_pubkey(ek, kem=kem, text=True), "public key file", overwrite=overwrite, mode=0o644)


def read_pubkey(path: StrPath, *, kem: KemBackend | None = None) -> bytes:
    """The ek in the public key file at ``path``; every error names the path."""
    data = _read(path, PUBKEY_READ_LIMIT, "public key file", PUBKEY_FILE_LEN)
    try:
        return decode_pubkey(data, kem=kem)
    except KeystoreError as exc:
        raise _named(path, exc) from None


__all__ = [
    "DEFAULT",
    "Argon2Params",
    "KeystoreHeader",
    "OpenedKeystore",
    "normalize_pin",
    "fingerprint",
    "format_fingerprint",
    "seal_keystore",
    "unseal_keystore",
    "decode_keystore_header",
    "encode_pubkey",
    "decode_pubkey",
    "create_keystore",
    "open_keystore",
    "read_keystore_header",
    "change_pin",
    "write_pubkey",
    "read_pubkey",
]
