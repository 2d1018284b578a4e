"""The keypad keystore and public key file: format, typed errors, PIN rules, file operations, crash safety."""

from __future__ import annotations

import hashlib
import os
import signal
import stat
import struct
import unicodedata
from pathlib import Path
from typing import Any, Callable

import nacl.bindings
import pytest
from argon2.low_level import Type, hash_secret_raw
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import keycrypt.keystore as ks
from keycrypt.constants import (
    ARGON2_MEMORY_KIB_RANGE,
    ARGON2_PARALLELISM_RANGE,
    ARGON2_TIME_COST_RANGE,
    EK_SIZE,
    KEYSTORE_READ_LIMIT,
    PIN_MAX_LENGTH,
    PIN_MIN_LENGTH,
)
from keycrypt.crypto.kem import get_backend
from keycrypt.errors import (
    KemError,
    KeystoreError,
    LocalUsageError,
    NotAKeystore,
    PinError,
    TamperedKeystore,
    TruncatedKeystore,
    UnsupportedKeystore,
    WrongPin,
)
from keycrypt.fsutil import is_temp_path_for
from keycrypt.keystore import (
    DEFAULT,
    Argon2Params,
    change_pin,
    create_keystore,
    decode_keystore_header,
    decode_pubkey,
    encode_pubkey,
    format_fingerprint,
    normalize_pin,
    open_keystore,
    read_keystore_header,
    read_pubkey,
    seal_keystore,
    unseal_keystore,
    write_pubkey,
)
from keycrypt.wire.keyfile import encode_keystore, encode_keystore_header

from conftest import examples
from crashpoints import OS_EXIT_STATUS, run_crashing

FAST = Argon2Params(time_cost=1, memory_kib=8192, parallelism=1)
SEED = bytes(range(64))
SALT = bytes(range(100, 116))
NONCE = bytes(range(200, 224))
PIN = "correct horse 7391"
OTHER_PIN = "battery staple 2468"

# The layout of the brief, spelled out independently of keycrypt.wire.keyfile:
# (field, offset, size). A change to the construct definitions that moves a
# field fails here, not silently everywhere.
LAYOUT = {
    "magic": (0, 4),
    "format_version": (4, 1),
    "file_type": (5, 1),
    "kdf": (6, 1),
    "t_cost": (7, 4),
    "m_cost_kib": (11, 4),
    "parallelism": (15, 1),
    "salt": (16, 16),
    "aead": (32, 1),
    "nonce": (33, 24),
    "fingerprint": (57, 32),
    "sealed": (89, 80),
    "check": (169, 32),
}
HEADER_LEN, FILE_LEN = 89, 201


@pytest.fixture(scope="module")
def sealed() -> bytes:
    return seal_keystore(SEED, PIN, salt=SALT, nonce=NONCE, params=FAST)


@pytest.fixture(scope="module")
def ek() -> bytes:
    return get_backend().from_seed(SEED).ek


def recheck(data: bytes) -> bytes:
    """Recompute the unkeyed checksum, as an attacker who edits the file would."""
    body = data[: FILE_LEN - 32]
    return body + hashlib.sha256(body).digest()


def xor_at(data: bytes, offset: int, mask: int) -> bytes:
    b = bytearray(data)
    b[offset] ^= mask
    return bytes(b)


def put_u32(data: bytes, field: str, value: int) -> bytes:
    off, size = LAYOUT[field]
    assert size == 4
    return data[:off] + struct.pack(">I", value) + data[off + 4 :]


def mode_of(p: Path) -> int:
    return stat.S_IMODE(os.stat(p).st_mode)


# --------------------------------------------------------------------------- format


def test_layout_is_the_documented_one(sealed: bytes, ek: bytes) -> None:
    assert len(sealed) == FILE_LEN
    f = {name: sealed[off : off + size] for name, (off, size) in LAYOUT.items()}
    assert f["magic"] == b"KCKS"
    assert f["format_version"] == b"\x01" and f["file_type"] == b"\x01" and f["kdf"] == b"\x01"
    assert struct.unpack(">I", f["t_cost"])[0] == FAST.time_cost  # big-endian
    assert struct.unpack(">I", f["m_cost_kib"])[0] == FAST.memory_kib
    assert f["parallelism"][0] == FAST.parallelism
    assert f["salt"] == SALT and f["aead"] == b"\x01" and f["nonce"] == NONCE
    assert f["fingerprint"] == hashlib.sha256(ek).digest()
    assert f["check"] == hashlib.sha256(sealed[:169]).digest()


def test_sealed_is_xchacha20poly1305_under_argon2id(sealed: bytes) -> None:
    """Open the file with the primitives alone, as another implementation would."""
    key = hash_secret_raw(PIN.encode(), SALT, time_cost=1, memory_cost=8192, parallelism=1,
                          hash_len=32, type=Type.ID, version=0x13)
    seed = nacl.bindings.crypto_aead_xchacha20poly1305_ietf_decrypt(sealed[89:169], sealed[:89], NONCE, key)
    assert seed == SEED


def test_seal_is_deterministic_and_salt_nonce_matter(sealed: bytes) -> None:
    assert seal_keystore(SEED, PIN, salt=SALT, nonce=NONCE, params=FAST) == sealed
    other_salt = seal_keystore(SEED, PIN, salt=bytes(16), nonce=NONCE, params=FAST)
    other_nonce = seal_keystore(SEED, PIN, salt=SALT, nonce=bytes(24), params=FAST)
    assert other_salt[89:169] != sealed[89:169] and other_nonce[89:169] != sealed[89:169]


def test_both_kem_backends_seal_the_same_bytes(sealed: bytes) -> None:
    assert seal_keystore(SEED, PIN, salt=SALT, nonce=NONCE, params=FAST, kem=get_backend("kyber-py")) == sealed
    assert unseal_keystore(sealed, PIN, kem=get_backend("kyber-py")).seed == SEED


def test_round_trip(sealed: bytes, ek: bytes) -> None:
    opened = unseal_keystore(sealed, PIN)
    assert opened.seed == SEED and opened.ek == ek
    assert opened.fingerprint == hashlib.sha256(ek).digest() == ks.fingerprint(ek)
    assert opened.params == FAST


def test_round_trip_default_params_on_disk(tmp_path: Path, monkeypatch) -> None:
    runs: list[tuple[int, int, int, object, int]] = []
    real = ks.hash_secret_raw

    def spy(**k):
        runs.append((k["time_cost"], k["memory_cost"], k["parallelism"], k["type"], k["version"]))
        return real(**k)

    monkeypatch.setattr(ks, "hash_secret_raw", spy)
    path = tmp_path / "keypad.kcks"
    created = create_keystore(path, PIN)
    assert created.params == DEFAULT == Argon2Params(3, 65536, 4)  # RFC 9106, second option
    opened = open_keystore(path, PIN)
    assert opened.seed == created.seed and opened.fingerprint == created.fingerprint
    assert read_keystore_header(path).params == DEFAULT
    # seal, read-back verification, open: each one Argon2id v1.3 run at the default costs
    assert runs == [(3, 65536, 4, Type.ID, 0x13)] * 3


def test_decode_header_needs_no_pin(sealed: bytes, ek: bytes) -> None:
    h = decode_keystore_header(sealed)
    assert (h.format_version, h.file_type, h.kdf, h.aead) == (1, 1, 1, 1)
    assert h.params == FAST and h.salt == SALT and h.nonce == NONCE
    assert h.fingerprint == ks.fingerprint(ek) and h.raw == sealed[:HEADER_LEN]


# --------------------------------------------------------------------------- wrong PIN, secrets


def test_wrong_pin(sealed: bytes) -> None:
    with pytest.raises(WrongPin) as info:
        unseal_keystore(sealed, OTHER_PIN)
    assert OTHER_PIN not in str(info.value) and PIN not in str(info.value)


def test_no_secret_in_repr(sealed: bytes) -> None:
    opened = unseal_keystore(sealed, PIN)
    text = repr(opened) + str(opened)
    assert SEED.hex() not in text.lower() and repr(SEED) not in text and PIN not in text
    assert format_fingerprint(opened.fingerprint) in text


# --------------------------------------------------------------------------- PIN rules


def test_pin_nfc_forms_open_the_same_file() -> None:
    composed, decomposed = "caf\u00e9 1234", "cafe\u0301 1234"
    assert composed != decomposed
    assert normalize_pin(composed) == normalize_pin(decomposed) == "café 1234".encode()
    data = seal_keystore(SEED, composed, salt=SALT, nonce=NONCE, params=FAST)
    assert unseal_keystore(data, decomposed).seed == SEED


def test_pin_length_counts_characters() -> None:
    shortest = "\u00e9" * PIN_MIN_LENGTH  # PIN_MIN_LENGTH characters, twice as many bytes
    assert normalize_pin(shortest) == shortest.encode("utf-8")
    assert normalize_pin("7" * PIN_MAX_LENGTH) == b"7" * PIN_MAX_LENGTH
    # PIN_MIN_LENGTH code points that NFC makes one character fewer: too short
    nearly = "e\u0301" + "a" * (PIN_MIN_LENGTH - 2)
    assert len(nearly) == PIN_MIN_LENGTH and len(unicodedata.normalize("NFC", nearly)) == PIN_MIN_LENGTH - 1
    with pytest.raises(PinError, match="too short"):
        normalize_pin(nearly)


@pytest.mark.parametrize(
    "pin, why",
    [
        ("123", "too short"),
        ("1234567", "too short"),  # 7 digits: the minimum is 8 (spec §9)
        ("", "too short"),
        ("1" * (PIN_MAX_LENGTH + 1), "too long"),
        ("1234\n5678", "category Cc"),
        ("1234\x005678", "category Cc"),
        ("1234\u200b5678", "category Cf"),  # zero-width space
        ("1234\ud8005678", "category Cs"),  # lone surrogate: not encodable
        ("1234\ue0005678", "category Co"),  # private use
    ],
)
def test_pin_rules(pin: str, why: str) -> None:
    with pytest.raises(PinError, match=why) as info:
        normalize_pin(pin)
    if len(pin) >= 3:
        assert pin not in str(info.value)


def test_pin_must_be_text() -> None:
    with pytest.raises(PinError, match="str"):
        normalize_pin(b"1234")  # type: ignore[arg-type]


def test_bad_pin_is_pin_error_not_wrong_pin(sealed: bytes) -> None:
    with pytest.raises(PinError):
        unseal_keystore(sealed, "12")


# --------------------------------------------------------------------------- tampering, field by field

# (field, byte offset within the field, xor mask, expected error, words the message must contain)
TAMPER_CASES = [
    ("magic", 0, 0x01, NotAKeystore, "magic"),
    ("magic", 3, 0x80, NotAKeystore, "magic"),
    ("format_version", 0, 0x02, UnsupportedKeystore, "format version 3"),
    ("file_type", 0, 0x03, NotAKeystore, "file type 2"),
    ("file_type", 0, 0x01, NotAKeystore, "file type 0"),
    ("kdf", 0, 0x04, UnsupportedKeystore, "kdf id 5"),
    ("t_cost", 3, 0x01, UnsupportedKeystore, "time_cost 0"),  # 1 -> 0, below the minimum
    ("t_cost", 0, 0x01, UnsupportedKeystore, "time_cost 16777217"),  # high byte: far above
    ("t_cost", 3, 0x02, TamperedKeystore, "checksum"),  # 1 -> 3: within bounds
    ("m_cost_kib", 2, 0x20, UnsupportedKeystore, "memory_kib 0"),  # 8192 -> 0
    ("m_cost_kib", 0, 0xFF, UnsupportedKeystore, "memory_kib 4278198272"),  # ~4 TiB
    ("m_cost_kib", 2, 0x40, TamperedKeystore, "checksum"),  # 8192 -> 24576: within bounds
    ("parallelism", 0, 0x01, UnsupportedKeystore, "parallelism 0"),
    ("parallelism", 0, 0x80, UnsupportedKeystore, "parallelism 129"),
    ("parallelism", 0, 0x02, TamperedKeystore, "checksum"),
    ("salt", 0, 0x01, TamperedKeystore, "checksum"),
    ("salt", 15, 0x80, TamperedKeystore, "checksum"),
    ("aead", 0, 0x02, UnsupportedKeystore, "aead id 3"),
    ("nonce", 0, 0x01, TamperedKeystore, "checksum"),
    ("nonce", 23, 0x01, TamperedKeystore, "checksum"),
    ("fingerprint", 0, 0x01, TamperedKeystore, "checksum"),
    ("fingerprint", 31, 0x01, TamperedKeystore, "checksum"),
    ("sealed", 0, 0x01, TamperedKeystore, "checksum"),
    ("sealed", 79, 0x01, TamperedKeystore, "checksum"),  # the Poly1305 tag
    ("check", 0, 0x01, TamperedKeystore, "checksum"),
    ("check", 31, 0x01, TamperedKeystore, "checksum"),
]


@pytest.mark.parametrize("field, at, mask, error, words", TAMPER_CASES,
                         ids=[f"{c[0]}[{c[1]}]^{c[2]:#x}" for c in TAMPER_CASES])
def test_tampered_field(sealed: bytes, field: str, at: int, mask: int, error: type, words: str) -> None:
    off, size = LAYOUT[field]
    assert at < size
    bad = xor_at(sealed, off + at, mask)
    with pytest.raises(error, match=words) as info:
        unseal_keystore(bad, PIN)
    assert type(info.value) is error  # exactly this type, not a sibling or the base
    with pytest.raises(error):
        decode_keystore_header(bad)  # the same verdict without any PIN


# Changes an attacker makes *and* covers by recomputing the checksum. The
# header is the AEAD's associated data, so every one of them is a wrong PIN:
# nothing opens, whichever field was changed. (Fields whose bad values are
# refused before Argon2 stay UnsupportedKeystore / NotAKeystore.)
RECHECK_CASES = [
    ("t_cost", 3, 0x02),
    ("m_cost_kib", 2, 0x40),
    ("parallelism", 0, 0x02),
    ("salt", 5, 0x01),
    ("nonce", 5, 0x01),
    ("fingerprint", 5, 0x01),
    ("sealed", 5, 0x01),
    ("sealed", 79, 0x01),
]


@pytest.mark.parametrize("field, at, mask", RECHECK_CASES, ids=[f"{c[0]}[{c[1]}]" for c in RECHECK_CASES])
def test_checksum_recomputed_after_tamper_is_only_wrong_pin(sealed: bytes, field: str, at: int, mask: int) -> None:
    off, _ = LAYOUT[field]
    bad = recheck(xor_at(sealed, off + at, mask))
    decode_keystore_header(bad)  # structurally fine now
    with pytest.raises(WrongPin):
        unseal_keystore(bad, PIN)


def test_recomputed_checksum_cannot_unlock_a_crafted_4tib_header(sealed: bytes, monkeypatch) -> None:
    """Bounds are checked before Argon2 runs: Argon2 is never even called."""
    monkeypatch.setattr(ks, "hash_secret_raw", lambda *a, **k: pytest.fail("Argon2 ran on a hostile header"))
    for field, value in [("m_cost_kib", 0xFFFFFFFF), ("t_cost", 0xFFFFFFFF), ("m_cost_kib", 0)]:
        with pytest.raises(UnsupportedKeystore):
            unseal_keystore(recheck(put_u32(sealed, field, value)), PIN)
    bad = recheck(sealed[:15] + b"\xff" + sealed[16:])
    with pytest.raises(UnsupportedKeystore, match="parallelism 255"):
        unseal_keystore(bad, PIN)


def test_key_not_matching_fingerprint_is_tampered(ek: bytes) -> None:
    """A file whose AEAD opens (right PIN) but whose seed is not the key in the header: Tampered."""
    wrong_fp = hashlib.sha256(b"another key").digest()
    header = encode_keystore_header(FAST, SALT, NONCE, wrong_fp)
    key = hash_secret_raw(PIN.encode(), SALT, time_cost=1, memory_cost=8192, parallelism=1,
                          hash_len=32, type=Type.ID, version=0x13)
    sealed_seed = nacl.bindings.crypto_aead_xchacha20poly1305_ietf_encrypt(SEED, header, NONCE, key)
    data = encode_keystore(header, sealed_seed)
    with pytest.raises(TamperedKeystore, match="fingerprint") as info:
        unseal_keystore(data, PIN)
    assert SEED.hex() not in str(info.value).lower()


# --------------------------------------------------------------------------- truncation, trailing bytes, other files


def length_class(n: int) -> type:
    return NotAKeystore if n < 4 else TruncatedKeystore


@pytest.mark.parametrize("n", range(FILE_LEN))
def test_truncated_at_every_length(sealed: bytes, n: int) -> None:
    with pytest.raises(length_class(n)) as info:
        unseal_keystore(sealed[:n], PIN)
    if n >= 4:
        assert f"expected {FILE_LEN} bytes, got {n}" in str(info.value)
        region = next(name for name, (off, size) in LAYOUT.items() if n < off + size)
        assert f"inside {region}" in str(info.value)
    elif n == 0:
        assert "empty" in str(info.value)


def test_truncation_classes_named(sealed: bytes) -> None:
    """One representative per class: empty, inside the header, inside sealed, inside the checksum."""
    for n, word in [(0, "empty"), (40, "nonce"), (100, "sealed"), (200, "check")]:
        with pytest.raises(KeystoreError, match=word):
            unseal_keystore(sealed[:n], PIN)


def test_truncated_file_with_bad_header_reports_the_header(sealed: bytes) -> None:
    """What the file is, and whether we can read it, come before whether it is whole."""
    with pytest.raises(UnsupportedKeystore):
        unseal_keystore(xor_at(sealed, 4, 0x02)[:10], PIN)
    with pytest.raises(NotAKeystore):
        unseal_keystore(xor_at(sealed, 5, 0x03)[:6], PIN)


@pytest.mark.parametrize("extra", [b"\x00", b"\n", bytes(range(7, 107))], ids=["nul", "newline", "100-bytes"])
def test_trailing_bytes(sealed: bytes, extra: bytes) -> None:
    with pytest.raises(TamperedKeystore, match=f"{len(extra)} trailing byte"):
        unseal_keystore(sealed + extra, PIN)


def test_pubkey_file_given_as_keystore(ek: bytes) -> None:
    with pytest.raises(NotAKeystore, match="this is a KeyCrypt public key file"):
        unseal_keystore(encode_pubkey(ek), PIN)
    with pytest.raises(NotAKeystore, match="this is a KeyCrypt public key file"):
        decode_keystore_header(encode_pubkey(ek)[:4])


def test_keystore_given_as_pubkey_file(sealed: bytes) -> None:
    with pytest.raises(NotAKeystore, match="keystore"):
        decode_pubkey(sealed)


@pytest.mark.parametrize("data", [b"-----BEGIN PRIVATE KEY-----\n", b"\x00" * 201, b"KC", b"kcks" + b"\x00" * 197])
def test_other_files_are_not_keystores(data: bytes) -> None:
    with pytest.raises(NotAKeystore):
        unseal_keystore(data, PIN)


# --------------------------------------------------------------------------- Argon2 bounds


@pytest.mark.parametrize(
    "kwargs, name",
    [
        (dict(time_cost=ARGON2_TIME_COST_RANGE[0] - 1, memory_kib=8192, parallelism=1), "time_cost"),
        (dict(time_cost=ARGON2_TIME_COST_RANGE[1] + 1, memory_kib=8192, parallelism=1), "time_cost"),
        (dict(time_cost=1, memory_kib=ARGON2_MEMORY_KIB_RANGE[0] - 1, parallelism=1), "memory_kib"),
        (dict(time_cost=1, memory_kib=ARGON2_MEMORY_KIB_RANGE[1] + 1, parallelism=1), "memory_kib"),
        (dict(time_cost=1, memory_kib=2**32 - 1, parallelism=1), "memory_kib"),
        (dict(time_cost=1, memory_kib=8192, parallelism=ARGON2_PARALLELISM_RANGE[0] - 1), "parallelism"),
        (dict(time_cost=1, memory_kib=8192, parallelism=ARGON2_PARALLELISM_RANGE[1] + 1), "parallelism"),
        (dict(time_cost=1.5, memory_kib=8192, parallelism=1), "integer"),
        (dict(time_cost=True, memory_kib=8192, parallelism=1), "integer"),
    ],
)
def test_params_out_of_bounds_are_refused(kwargs: dict, name: str) -> None:
    with pytest.raises(UnsupportedKeystore, match=name):
        Argon2Params(**kwargs)


def test_params_at_the_bounds_are_accepted() -> None:
    Argon2Params(ARGON2_TIME_COST_RANGE[0], ARGON2_MEMORY_KIB_RANGE[0], ARGON2_PARALLELISM_RANGE[0])
    Argon2Params(ARGON2_TIME_COST_RANGE[1], ARGON2_MEMORY_KIB_RANGE[1], ARGON2_PARALLELISM_RANGE[1])


def test_seal_argument_checks() -> None:
    with pytest.raises(LocalUsageError, match="seed"):
        seal_keystore(SEED[:-1], PIN, salt=SALT, nonce=NONCE, params=FAST)
    with pytest.raises(LocalUsageError, match="salt"):
        seal_keystore(SEED, PIN, salt=SALT + b"x", nonce=NONCE, params=FAST)
    with pytest.raises(LocalUsageError, match="nonce"):
        seal_keystore(SEED, PIN, salt=SALT, nonce=NONCE[:16], params=FAST)
    with pytest.raises(LocalUsageError, match="params"):
        seal_keystore(SEED, PIN, salt=SALT, nonce=NONCE, params=(1, 8192, 1))  # type: ignore[arg-type]
    with pytest.raises(PinError):
        seal_keystore(SEED, "1", salt=SALT, nonce=NONCE, params=FAST)


# --------------------------------------------------------------------------- public key file


def test_pubkey_round_trip_and_layout(ek: bytes) -> None:
    data = encode_pubkey(ek)
    assert len(data) == 4 + 1 + 1 + EK_SIZE + 32
    assert data[:6] == b"KCPK\x01\x02" and data[6 : 6 + EK_SIZE] == ek
    assert data[-32:] == hashlib.sha256(data[:-32]).digest()
    assert decode_pubkey(data) == ek


def test_pubkey_errors(ek: bytes) -> None:
    data = encode_pubkey(ek)
    n = len(data)
    with pytest.raises(NotAKeystore):
        decode_pubkey(b"")
    with pytest.raises(NotAKeystore):
        decode_pubkey(xor_at(data, 0, 1))
    with pytest.raises(NotAKeystore, match="file type 1"):
        decode_pubkey(xor_at(data, 5, 3))
    with pytest.raises(UnsupportedKeystore, match="format version 3"):
        decode_pubkey(xor_at(data, 4, 2))
    for cut in (5, 6, 100, n - 32, n - 1):
        with pytest.raises(TruncatedKeystore, match=f"expected {n} bytes, got {cut}"):
            decode_pubkey(data[:cut])
    with pytest.raises(TamperedKeystore, match="trailing"):
        decode_pubkey(data + b"\x00")
    for at in (6, 500, n - 33, n - 1):
        with pytest.raises(TamperedKeystore, match="checksum"):
            decode_pubkey(xor_at(data, at, 1))


def test_pubkey_with_invalid_ek_is_refused(ek: bytes) -> None:
    bad_ek = b"\xff\xff\xff" + ek[3:]  # first coefficient 4095 >= q
    with pytest.raises(KemError):
        encode_pubkey(bad_ek)
    body = b"KCPK\x01\x02" + bad_ek
    crafted = body + hashlib.sha256(body).digest()  # the checksum cannot tell
    with pytest.raises(TamperedKeystore, match="ML-KEM-768"):
        decode_pubkey(crafted)


def test_pubkey_files(tmp_path: Path, ek: bytes) -> None:
    path = tmp_path / "keypad.pub"
    write_pubkey(path, ek)
    # the text form, one line, world-readable (it holds nothing secret; the docs install it 0644)
    text = path.read_bytes()
    assert text.startswith(b"kcp1-mlkem768:") and text.endswith(b"\n") and text.count(b"\n") == 1
    assert read_pubkey(path) == ek and mode_of(path) == 0o644
    with pytest.raises(KeystoreError, match="already exists"):
        write_pubkey(path, ek, overwrite=False)
    path.write_bytes(text[:-20] + b"\n")  # the end of the line lost in a paste
    with pytest.raises(TruncatedKeystore, match=str(path)):
        read_pubkey(path)
    # the binary form is still read
    binary = tmp_path / "keypad.kcpk"
    binary.write_bytes(encode_pubkey(ek))
    assert read_pubkey(binary) == ek
    binary.write_bytes(binary.read_bytes()[:-1])
    with pytest.raises(TruncatedKeystore, match=str(binary)):
        read_pubkey(binary)


def test_pubkey_text_form_checks(ek: bytes) -> None:
    from keycrypt.wire.keyfile import encode_pubkey_text

    line = encode_pubkey_text(ek)
    prefix, b64, check = line.decode().strip().split(":")
    assert prefix == "kcp1-mlkem768" and len(check) == 8 and int(check, 16) >= 0
    assert decode_pubkey(line) == ek
    assert decode_pubkey(b"  \t" + line.rstrip() + b"\r\n\n") == ek  # a pasted, indented line
    cases = {
        line.replace(b":" + check.encode(), b":" + bytes(f"{int(check, 16) ^ 1:08x}", "ascii")): (TamperedKeystore, "check"),
        line.replace(b64[100:104].encode(), b64[100:104].swapcase().encode(), 1): (TamperedKeystore, "check"),
        line.rstrip().rsplit(b":", 1)[0]: (TruncatedKeystore, "missing"),
        b"kcp1-mlkem1024:" + line.split(b":", 1)[1]: (UnsupportedKeystore, "kcp1-mlkem1024"),
        b"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 op@host\n": (NotAKeystore, "KeyCrypt public key"),
        line[:200] + b"\n" + line[200:]: (TamperedKeystore, "one line"),
        line.rstrip() + b":00": (TamperedKeystore, "three"),
        b"kcp1-mlkem768:" + "é".encode(): (NotAKeystore, "ASCII"),
    }
    for data, (exc, words) in cases.items():
        with pytest.raises(exc, match=words):
            decode_pubkey(data)
    from keycrypt.wire import keyfile as wk

    def recheck(b: str) -> bytes:  # a well-formed line around a bad key: the check cannot tell
        return f"kcp1-mlkem768:{b}:{wk._text_check('kcp1-mlkem768', b)}".encode()

    import base64

    with pytest.raises(TamperedKeystore, match="not in its canonical form"):
        decode_pubkey(recheck(b64[:-2] + "B="))  # unused bits of the last character set
    with pytest.raises(TamperedKeystore, match="not valid base64"):
        decode_pubkey(recheck(b64[:-4] + "*AA="))
    with pytest.raises(TamperedKeystore, match="1183 bytes"):
        decode_pubkey(recheck(base64.b64encode(ek[:-1]).decode()))
    bad_ek = bytes([0xFF]) * len(ek)
    with pytest.raises(TamperedKeystore, match="ML-KEM-768"):
        decode_pubkey(recheck(base64.b64encode(bad_ek).decode()))


# --------------------------------------------------------------------------- fingerprints


def test_format_fingerprint() -> None:
    fp = bytes.fromhex("3f2a91c0" + "00" * 27 + "ab")
    one = format_fingerprint(fp)
    assert one.startswith("3F2A 91C0 0000 ") and one.endswith(" 00AB")
    groups = one.split(" ")
    assert len(groups) == 16 and all(len(g) == 4 for g in groups)
    assert one.replace(" ", "") == fp.hex().upper()
    two = format_fingerprint(fp, multiline=True)
    lines = two.split("\n")
    assert len(lines) == 2 and all(len(line.split(" ")) == 8 for line in lines)
    assert " ".join(lines) == one
    with pytest.raises(LocalUsageError):
        format_fingerprint(fp[:-1])


# --------------------------------------------------------------------------- files


def test_create_writes_0600_and_refuses_to_overwrite(tmp_path: Path) -> None:
    old_umask = os.umask(0)
    try:
        path = tmp_path / "keypad.kcks"
        first = create_keystore(path, PIN, params=FAST)
        assert mode_of(path) == 0o600
        before = path.read_bytes()
        with pytest.raises(KeystoreError, match=f"{path} already exists"):
            create_keystore(path, PIN, params=FAST)
        assert path.read_bytes() == before
        second = create_keystore(path, OTHER_PIN, params=FAST, overwrite=True)
        assert second.fingerprint != first.fingerprint and mode_of(path) == 0o600
        assert open_keystore(path, OTHER_PIN).fingerprint == second.fingerprint
        assert [p.name for p in tmp_path.iterdir()] == ["keypad.kcks"]
    finally:
        os.umask(old_umask)


def test_create_no_clobber_is_atomic(tmp_path: Path, monkeypatch) -> None:
    """Even if the file appears after the early check, create never replaces it (link(), not rename)."""
    path = tmp_path / "keypad.kcks"
    monkeypatch.setattr(ks.os.path, "lexists", lambda p: False)
    path.write_bytes(b"someone else's key")
    with pytest.raises(KeystoreError, match="already exists"):
        create_keystore(path, PIN, params=FAST)
    assert path.read_bytes() == b"someone else's key"
    assert [p.name for p in tmp_path.iterdir()] == ["keypad.kcks"]


def test_create_with_given_seed(tmp_path: Path, ek: bytes) -> None:
    opened = create_keystore(tmp_path / "k", PIN, params=FAST, seed=SEED)
    assert opened.seed == SEED and opened.ek == ek
    assert open_keystore(tmp_path / "k", PIN).seed == SEED
    with pytest.raises(LocalUsageError):
        create_keystore(tmp_path / "k2", PIN, params=FAST, seed=SEED[:32])
    assert not (tmp_path / "k2").exists()


def test_create_bad_pin_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(PinError):
        create_keystore(tmp_path / "k", "12", params=FAST)
    assert list(tmp_path.iterdir()) == []


def test_file_errors_name_the_path(tmp_path: Path, sealed: bytes) -> None:
    path = tmp_path / "keypad.kcks"
    with pytest.raises(KeystoreError, match=f"cannot read keystore {path}"):
        open_keystore(path, PIN)
    path.write_bytes(xor_at(sealed, 20, 1))
    with pytest.raises(TamperedKeystore, match=f"^{path}: "):
        open_keystore(path, PIN)
    with pytest.raises(TamperedKeystore, match=f"^{path}: "):
        read_keystore_header(path)
    path.write_bytes(sealed)
    with pytest.raises(WrongPin, match=f"^{path}: "):
        open_keystore(path, OTHER_PIN)


def test_huge_file_is_refused_without_reading_it(tmp_path: Path, sealed: bytes) -> None:
    path = tmp_path / "keypad.kcks"
    with open(path, "wb") as f:
        f.write(sealed)
        f.truncate(KEYSTORE_READ_LIMIT * 1000)  # sparse
    with pytest.raises(NotAKeystore, match=str(path)):
        open_keystore(path, PIN)


def test_change_pin(tmp_path: Path) -> None:
    path = tmp_path / "keypad.kcks"
    created = create_keystore(path, PIN, params=FAST)
    os.chmod(path, 0o644)
    before = read_keystore_header(path)
    changed = change_pin(path, PIN, OTHER_PIN)
    after = read_keystore_header(path)
    with pytest.raises(WrongPin):
        open_keystore(path, PIN)
    reopened = open_keystore(path, OTHER_PIN)
    assert reopened.seed == created.seed
    assert reopened.fingerprint == created.fingerprint == changed.fingerprint == after.fingerprint
    assert after.salt != before.salt and after.nonce != before.nonce  # fresh, never reused
    assert after.params == FAST  # kept by default
    assert mode_of(path) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["keypad.kcks"]


def test_change_pin_new_params(tmp_path: Path) -> None:
    path = tmp_path / "k"
    create_keystore(path, PIN, params=FAST)
    stronger = Argon2Params(2, 16384, 2)
    assert change_pin(path, PIN, PIN, params=stronger).params == stronger
    assert read_keystore_header(path).params == stronger
    assert open_keystore(path, PIN).params == stronger


def test_change_pin_wrong_old_pin_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "k"
    create_keystore(path, PIN, params=FAST)
    before = path.read_bytes()
    with pytest.raises(WrongPin, match=str(path)):
        change_pin(path, OTHER_PIN, "new pin 1234")
    with pytest.raises(PinError):
        change_pin(path, PIN, "1")
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["k"]


def test_change_pin_refuses_when_file_changed_meanwhile(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "k"
    create_keystore(path, PIN, params=FAST)
    intruder = seal_keystore(bytes(64), "intruder pin", salt=SALT, nonce=NONCE, params=FAST)
    real_seal = ks.seal_keystore

    def seal_then_race(*a, **k):
        out = real_seal(*a, **k)
        path.write_bytes(intruder)  # another writer gets in while we work
        return out

    monkeypatch.setattr(ks, "seal_keystore", seal_then_race)
    with pytest.raises(KeystoreError, match="changed while"):
        change_pin(path, PIN, OTHER_PIN)
    assert path.read_bytes() == intruder
    assert [p.name for p in tmp_path.iterdir()] == ["k"]


def test_change_pin_verifies_before_replacing(tmp_path: Path, monkeypatch) -> None:
    """If the new file does not open with the new PIN, the old one stays."""
    path = tmp_path / "k"
    create_keystore(path, PIN, params=FAST)
    before = path.read_bytes()
    real_seal = ks.seal_keystore
    monkeypatch.setattr(ks, "seal_keystore", lambda seed, pin, **k: real_seal(seed, "not the new pin", **k))
    with pytest.raises(WrongPin):
        change_pin(path, PIN, OTHER_PIN)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["k"]


@pytest.mark.skipif(os.geteuid() != 0, reason="files owned by another user need root")
def test_change_pin_keeps_the_owner(tmp_path: Path) -> None:
    path = tmp_path / "k"
    create_keystore(path, PIN, params=FAST)
    os.chown(path, 4242, 4343)
    change_pin(path, PIN, OTHER_PIN)
    st_ = os.stat(path)
    assert (st_.st_uid, st_.st_gid) == (4242, 4343)


# --------------------------------------------------------------------------- random damage

MUTATION = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, FILE_LEN - 1), st.integers(1, 255)),
    st.tuples(st.just("truncate"), st.integers(0, FILE_LEN - 1), st.just(0)),
    st.tuples(st.just("insert"), st.integers(0, FILE_LEN), st.integers(0, 255)),
    st.tuples(st.just("delete"), st.integers(0, FILE_LEN - 1), st.just(0)),
    st.tuples(st.just("append"), st.just(0), st.integers(0, 255)),
)


def mutate(data: bytes, ops: list[tuple[str, int, int]]) -> bytes:
    b = bytearray(data)
    for op, i, v in ops:
        if op == "flip" and i < len(b):
            b[i] ^= v
        elif op == "truncate":
            del b[i:]
        elif op == "insert":
            b.insert(min(i, len(b)), v)
        elif op == "delete" and i < len(b):
            del b[i]
        elif op == "append":
            b.append(v)
    return bytes(b)


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(MUTATION, min_size=1, max_size=4), fix_checksum=st.booleans())
def test_random_damage_only_raises_keystore_errors(sealed: bytes, ops: list, fix_checksum: bool) -> None:
    bad = mutate(sealed, ops)
    if fix_checksum and len(bad) == FILE_LEN:
        bad = recheck(bad)  # get past the checksum, to reach the bounds, the AEAD and the fingerprint
    if bad == sealed:
        assert unseal_keystore(bad, PIN).seed == SEED
        return
    with pytest.raises(KeystoreError) as info:  # anything else (ConstructError, IndexError, ...) fails the test
        unseal_keystore(bad, PIN)
    message = str(info.value)
    assert PIN not in message and SEED.hex() not in message.lower()
    try:
        decode_keystore_header(bad)
    except KeystoreError:
        pass


# --------------------------------------------------------------------------- crash safety of a PIN change

# The child changes the PIN (PIN -> OTHER_PIN) and dies right after the chosen step of the
# atomic replacement (tests/crashpoints.py). Argon2 is cheap here (FAST params in the file).
CHANGE_PIN = """
from keycrypt.keystore import change_pin
change_pin(*args)
"""


@pytest.mark.slow
@pytest.mark.parametrize("how", ["sigkill", "os_exit"])
@pytest.mark.parametrize(
    "step, survivor",
    [
        ("after_create", "old"),
        ("during_write", "old"),
        ("after_write", "old"),
        ("after_fsync", "old"),
        ("after_replace", "new"),
        ("after_dir_fsync", "new"),
    ],
)
def test_crash_during_change_pin_leaves_a_working_keystore(tmp_path: Path, step: str, survivor: str, how: str) -> None:
    path = tmp_path / "keypad.kcks"
    created = create_keystore(path, PIN, params=FAST)
    proc = run_crashing(step, how, CHANGE_PIN, str(path), PIN, OTHER_PIN, timeout=120)
    assert proc.returncode == (-signal.SIGKILL if how == "sigkill" else OS_EXIT_STATUS), proc.stderr.decode()

    works, fails = (PIN, OTHER_PIN) if survivor == "old" else (OTHER_PIN, PIN)
    assert open_keystore(path, works).fingerprint == created.fingerprint  # never neither
    with pytest.raises(WrongPin):
        open_keystore(path, fails)
    assert mode_of(path) == 0o600
    stray = [p for p in tmp_path.iterdir() if p != path]
    for p in stray:  # a temporary file may survive the crash, but never under the keystore's name
        assert is_temp_path_for(p, path) and p.name.startswith(".")
        assert mode_of(p) == 0o600
    assert bool(stray) == (survivor == "old")


def test_calibration_scales_passes_to_the_unlock_time_within_bounds() -> None:
    """issue 11 item 10: keypad init calibrates t like cryptsetup --iter-time; never below the default, never past the bound."""
    from keycrypt.constants import ARGON2_TIME_COST_RANGE
    from keycrypt.keystore import DEFAULT, calibrate_argon2

    def per_pass(seconds: float) -> Callable[[Any], float]:
        return lambda params: seconds * params.time_cost

    assert calibrate_argon2(1.0, measure=per_pass(0.05)).time_cost == 20
    assert calibrate_argon2(1.0, measure=per_pass(0.9)).time_cost == DEFAULT.time_cost  # slow hardware: the default
    assert calibrate_argon2(600.0, measure=per_pass(0.01)).time_cost == ARGON2_TIME_COST_RANGE[1]
    p = calibrate_argon2(1.0, measure=per_pass(0.05))
    assert (p.memory_kib, p.parallelism) == (DEFAULT.memory_kib, DEFAULT.parallelism)
    for bad in (0.0, -1.0, 601.0):
        with pytest.raises(LocalUsageError):
            calibrate_argon2(bad, measure=per_pass(0.05))
