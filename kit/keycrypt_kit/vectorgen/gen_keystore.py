"""keystore.json and the live keypad mode's test keystore.

Argon2 costs are the smallest the format accepts (t=1, 8 MiB, p=1) so that
the file runs in well under a second; one case uses the defaults.
"""

from __future__ import annotations

import hashlib
import struct
from typing import Any

import nacl.bindings

from keycrypt.constants import ARGON2_MEMORY_KIB_RANGE, ARGON2_PARALLELISM_RANGE, ARGON2_TIME_COST_RANGE
from keycrypt.keystore import _derive_key, encode_pubkey, normalize_pin, seal_keystore
from keycrypt.wire.keyfile import (
    KEYSTORE_HEADER_LEN,
    KEYSTORE_LAYOUT,
    Argon2Params,
    encode_keystore,
    encode_keystore_header,
)
from keycrypt_conformance.jsonio import hx
from keycrypt_conformance.rng import derive
from keycrypt_kit.vectorgen import material as M
from keycrypt_kit.vectorgen.builder import GenerationError, Group, VectorFile

SMALL = Argon2Params(ARGON2_TIME_COST_RANGE[0], ARGON2_MEMORY_KIB_RANGE[0], ARGON2_PARALLELISM_RANGE[0])

NOTES = {
    "Normal": ("Functionality", "A keystore that opens with the given PIN."),
    "DefaultParams": ("Functionality", "The default Argon2id costs (t=3, 64 MiB, p=4)."),
    "PinNormalization": ("EdgeCase", "The PIN is NFC-normalized before Argon2: both spellings open the file."),
    "PinLengthBoundary": ("EdgeCase", "A PIN of exactly 64 characters, the longest KCP1-PIN-1 allows: sealed, not refused."),
    "PinRules": ("MissingCheck", "A PIN that breaks §9's rules (length after NFC, a Unicode category C character): "
                 "sealing refuses it before Argon2 (bad_pin), opening reports wrong_pin (KCP1-PIN-4)."),
    "WrongPin": ("Functionality", "An intact file and a wrong PIN: keystore_error / wrong_pin."),
    "NotAKeystore": ("MissingCheck", "Wrong magic or file type: not a keystore at all."),
    "Unsupported": ("MissingCheck", "A version, algorithm id or Argon2 cost outside what the format accepts; refused "
                    "before Argon2 runs."),
    "Tampered": ("MissingCheck", "A changed byte caught by the checksum (or the fingerprint) before the PIN is blamed."),
    "TamperedRechecksummed": ("MissingCheck", "A changed byte with a recomputed checksum: the header is the AEAD's "
                              "associated data, so nothing opens."),
    "UnsupportedRechecksummed": ("MissingCheck", "An Argon2 cost outside the bounds with a recomputed checksum: only "
                                 "the bounds check, before Argon2, refuses it (a hostile header's 4 GiB or 64-pass run)."),
    "FingerprintMismatch": ("MissingCheck", "Checksum and AEAD intact, the header's fingerprint another key's: only "
                            "the fingerprint check refuses it."),
    "Truncated": ("MissingCheck", "The file ends early."),
    "PubkeyText": ("Functionality", "The one-line text form of the public key file: kcp1-mlkem768:<base64 of ek>:<check>."),
    "PubkeyBinary": ("Functionality", "The binary KCPK public key file, still read."),
    "PubkeyBinaryTruncated": ("MissingCheck", "The binary form cut short: truncated, after the same magic, type and "
                              "version checks as a keystore."),
    "PubkeyTextWhitespace": ("EdgeCase", "White space around the text form (an indented paste, CRLF) is ignored."),
    "PubkeyTextCheck": ("MissingCheck", "A character of the text form changed or lost: the check catches it."),
    "PubkeyTextMalformed": ("MissingCheck", "A well-checked text line around a bad key (non-canonical base64, wrong length, "
                            "a key failing the FIPS 203 check), or a line that is not one line: refused."),
    "PubkeyForeign": ("MissingCheck", "Another key type (kcp1-mlkem1024: unsupported) or a foreign key (ssh): refused."),
}

# flag -> the requirement ids its cases check (builder.py: one place per case class)
_ORDER = ("KCP1-KEYSTORE-4",)
REQUIREMENTS: dict[str, tuple[str, ...]] = {
    "Normal": ("KCP1-KEYSTORE-5",),
    "DefaultParams": ("KCP1-KEYSTORE-5",),
    "PinNormalization": ("KCP1-PIN-1", "KCP1-KEYSTORE-5"),
    "PinLengthBoundary": ("KCP1-PIN-1", "KCP1-KEYSTORE-5"),
    "PinRules": ("KCP1-PIN-1", "KCP1-PIN-4"),
    "WrongPin": _ORDER,
    "NotAKeystore": _ORDER,
    "Unsupported": ("KCP1-KEYSTORE-1", "KCP1-KEYSTORE-4"),
    "Tampered": _ORDER,
    "TamperedRechecksummed": ("KCP1-KEYSTORE-4", "KCP1-KEYSTORE-5"),
    "UnsupportedRechecksummed": ("KCP1-KEYSTORE-1", "KCP1-KEYSTORE-4"),
    "FingerprintMismatch": ("KCP1-KEYSTORE-2", "KCP1-KEYSTORE-4"),
    "Truncated": _ORDER,
    "PubkeyText": (),  # the group says which side: pubkey.write (KCP1-PUBKEY-1) or pubkey.read (KCP1-PUBKEY-2)
    "PubkeyBinary": ("KCP1-PUBKEY-3",),
    "PubkeyBinaryTruncated": ("KCP1-PUBKEY-3",),
    "PubkeyTextWhitespace": ("KCP1-PUBKEY-2",),
    "PubkeyTextCheck": ("KCP1-PUBKEY-2",),
    "PubkeyTextMalformed": ("KCP1-PUBKEY-2",),
    "PubkeyForeign": ("KCP1-PUBKEY-2",),
}


def _refine(g: Group, t: dict[str, Any]) -> list[str]:
    if g.operation == "pubkey.read" and "PubkeyText" in t["flags"]:
        return ["KCP1-PUBKEY-2"]
    return []


def _field(name: str) -> tuple[int, int]:
    for fname, off, size in KEYSTORE_LAYOUT:
        if fname == name:
            return off, size
    raise KeyError(name)


def _put(data: bytes, name: str, value: bytes) -> bytes:
    off, size = _field(name)
    assert len(value) == size
    return data[:off] + value + data[off + size:]


def _flip(data: bytes, name: str, index: int = 0) -> bytes:
    off, _ = _field(name)
    return data[:off + index] + bytes([data[off + index] ^ 0x01]) + data[off + index + 1:]


def _recheck(data: bytes) -> bytes:
    """Recompute the trailing SHA-256 checksum, as an attacker can."""
    body = data[:-32]
    return body + hashlib.sha256(body).digest()


def seal(label: str, pin: str, params: Argon2Params = SMALL, seed: bytes = M.KEYPAD_SEED) -> dict[str, Any]:
    return {"seed": hx(seed), "pin": pin, "salt": hx(derive(f"{label}/salt", 16)),
            "nonce": hx(derive(f"{label}/nonce", 24)), "t_cost": params.time_cost,
            "m_cost_kib": params.memory_kib, "parallelism": params.parallelism}


def test_keystore() -> bytes:
    """vectors/keypad_test_keystore.bin: the keypad's seed under TEST_PIN, small Argon2 costs."""
    s = seal("keystore/keypad-test", M.TEST_PIN)
    return seal_keystore(M.KEYPAD_SEED, M.TEST_PIN, salt=bytes.fromhex(s["salt"]), nonce=bytes.fromhex(s["nonce"]),
                         params=SMALL)


def test_pubkey() -> bytes:
    return encode_pubkey(M.ek())


def keystore_file() -> dict[str, Any]:
    f = VectorFile("KeyCrypt keystore", [
        "The keypad's 64-byte seed sealed with XChaCha20-Poly1305 under Argon2id(PIN); the header is the AEAD's",
        "associated data; a SHA-256 checksum tells corruption from a wrong PIN. keystore_error answers name the",
        "kind in 'field': wrong_pin, not_a_keystore, unsupported, truncated, tampered."], NOTES, REQUIREMENTS, _refine)
    g = f.group("keystore.seal", "Seal the seed under the PIN with the given salt, nonce and Argon2 costs.")
    files: dict[str, bytes] = {}
    for name, pin, params, flags in (
        ("keypad-test", M.TEST_PIN, SMALL, ["Normal"]),
        ("default-params", "12345678", Argon2Params.DEFAULT, ["DefaultParams"]),
        ("pin-nfc", "caf\u00e9-1234", SMALL, ["PinNormalization"]),
        ("pin-nfc-hangul", "\ud55c\uad6d-12345678", SMALL, ["PinNormalization"]),
        ("pin-64-characters", "0123456789abcdef" * 4, SMALL, ["PinLengthBoundary"]),
    ):
        t = g.valid(f"keystore/seal/{name}", f"seal with PIN {pin!r}, t={params.time_cost}, "
                    f"m={params.memory_kib} KiB, p={params.parallelism}", seal(f"keystore/{name}", pin, params), flags)
        files[name] = bytes.fromhex(t["output"]["file"])
    assert files["keypad-test"] == test_keystore()
    t = g.valid("keystore/seal/pin-nfc-decomposed", "seal with 'cafe' + combining acute: NFC first, so the file is "
                "byte for byte keystore/seal/pin-nfc's", seal("keystore/pin-nfc", "cafe\u0301-1234"), ["PinNormalization"])
    if bytes.fromhex(t["output"]["file"]) != files["pin-nfc"]:
        raise GenerationError("sealing with a decomposed PIN did not give the precomposed PIN's file")
    t = g.valid("keystore/seal/pin-nfc-hangul-decomposed", "seal with Hangul typed as conjoining jamo: NFC first, so "
                "the file is byte for byte keystore/seal/pin-nfc-hangul's",
                seal("keystore/pin-nfc-hangul", "\u1112\u1161\u11ab\u1100\u116e\u11a8-12345678"), ["PinNormalization"])
    if bytes.fromhex(t["output"]["file"]) != files["pin-nfc-hangul"]:
        raise GenerationError("sealing with decomposed Hangul did not give the precomposed PIN's file")

    # KCP1-PIN-4: each PIN breaks exactly one rule of §9, and sealing refuses it before Argon2 runs
    for name, pin, why in (
        ("pin-7-characters", "1234567", "7 characters, one short"),
        ("pin-65-characters", "0123456789abcdef" * 4 + "x", "65 characters, one too many"),
        ("pin-7-characters-after-nfc", "cafe\u0301-12", "8 code points, but 7 characters after NFC (e + combining acute)"),
        ("pin-control-character", "1234\u00075678", "a BEL (category Cc) in the middle"),
        ("pin-format-character", "1234\u200b5678", "a zero-width space (category Cf) in the middle"),
        ("pin-private-use", "1234\ue0005678", "a private-use character (category Co)"),
    ):
        g.invalid(f"keystore/seal/{name}", f"sealing refused: {why}",
                  seal(f"keystore/{name}", pin), ["PinRules"], "keystore_error", "bad_pin")
    g = f.group("keystore.open", "Open the file with the PIN: seed and fingerprint SHA-256(ek), or a typed keystore_error.")
    base = files["keypad-test"]
    out = {"seed": hx(M.KEYPAD_SEED), "fingerprint": hx(hashlib.sha256(M.ek()).digest())}
    g.valid("keystore/open/keypad-test", f"vectors/keypad_test_keystore.bin, PIN {M.TEST_PIN!r}",
            {"file": hx(base), "pin": M.TEST_PIN}, ["Normal"], expect=out)
    g.valid("keystore/open/default-params", "default Argon2 costs, PIN '1234'",
            {"file": hx(files["default-params"]), "pin": "12345678"}, ["DefaultParams"], expect=out)
    g.valid("keystore/open/pin-nfc-composed", "sealed with 'café' precomposed, opened with the same",
            {"file": hx(files["pin-nfc"]), "pin": "caf\u00e9-1234"}, ["PinNormalization"], expect=out)
    g.valid("keystore/open/pin-nfc-decomposed", "sealed with 'café' precomposed, opened with e + combining acute",
            {"file": hx(files["pin-nfc"]), "pin": "cafe\u0301-1234"}, ["PinNormalization"], expect=out)

    def bad(id: str, comment: str, data: bytes, flags: list[str], kind: str, pin: str = M.TEST_PIN) -> None:
        g.invalid(f"keystore/open/{id}", comment, {"file": hx(data), "pin": pin}, flags, "keystore_error", kind)

    for pin in ("2468-tesT", "2468-tes", "2468-test "):
        bad(f"wrong-pin-{pin.replace(' ', '_')}", f"wrong PIN {pin!r}", base, ["WrongPin"], "wrong_pin", pin)
    bad("magic-KCKT", "magic 'KCKT'", _put(base, "magic", b"KCKT"), ["NotAKeystore"], "not_a_keystore")
    bad("magic-pubkey", "a public key file's magic 'KCPK'", _put(base, "magic", b"KCPK"), ["NotAKeystore"],
        "not_a_keystore")
    bad("public-key-file", "a whole public key file", test_pubkey(), ["NotAKeystore"], "not_a_keystore")
    for v in (0, 2):
        bad(f"format-version-{v}", f"format version {v}", _put(base, "format_version", bytes([v])), ["Unsupported"],
            "unsupported")
    # spec §8 KCP1-KEYSTORE-4 step 3: a field the file holds whole is checked before the length, however short
    bad("format-version-2-file-ends-after-it", "'KCKS' and format version 2, nothing more: the version the file "
        "holds whole comes before the length check", _put(base, "format_version", b"\x02")[:5], ["Unsupported"],
        "unsupported")
    for v in (0, 2):
        bad(f"file-type-{v}", f"file type {v}", _put(base, "file_type", bytes([v])), ["NotAKeystore"],
            "not_a_keystore")
    bad("kdf-2", "kdf id 2", _put(base, "kdf", b"\x02"), ["Unsupported"], "unsupported")
    bad("aead-2", "aead id 2", _put(base, "aead", b"\x02"), ["Unsupported"], "unsupported")
    lo_t, hi_t = ARGON2_TIME_COST_RANGE
    lo_m, hi_m = ARGON2_MEMORY_KIB_RANGE
    lo_p, hi_p = ARGON2_PARALLELISM_RANGE
    for name, fmt, lo, hi in (("t_cost", ">I", lo_t, hi_t), ("m_cost_kib", ">I", lo_m, hi_m),
                              ("parallelism", ">B", lo_p, hi_p)):
        for v in (lo - 1, hi + 1):
            bad(f"{name.replace('_', '-')}-{v}", f"Argon2 {name} {v}, outside {lo}..{hi}: refused before Argon2 runs",
                _put(base, name, struct.pack(fmt, v)), ["Unsupported"], "unsupported")
        changed = _put(base, name, struct.pack(fmt, lo + 1))
        bad(f"{name.replace('_', '-')}-changed", f"Argon2 {name} changed to {lo + 1} (in bounds): checksum",
            changed, ["Tampered"], "tampered")
        bad(f"{name.replace('_', '-')}-changed-rechecksummed", f"Argon2 {name} changed, checksum recomputed: the "
            "AEAD fails", _recheck(changed), ["TamperedRechecksummed"], "wrong_pin")
    # Out of bounds with a recomputed checksum (the case §8 warns about): only the bound refuses these, before
    # Argon2 runs; a reader that trusts an intact checksum first would run Argon2 with the hostile costs.
    for name, fmt, lo, hi in (("t_cost", ">I", lo_t, hi_t), ("m_cost_kib", ">I", lo_m, hi_m),
                              ("parallelism", ">B", lo_p, hi_p)):
        for v in (lo - 1, hi + 1):
            bad(f"{name.replace('_', '-')}-{v}-rechecksummed", f"Argon2 {name} {v}, outside {lo}..{hi}, checksum "
                "recomputed: refused before Argon2 runs", _recheck(_put(base, name, struct.pack(fmt, v))),
                ["UnsupportedRechecksummed"], "unsupported")
    # A consistent file (checksum and AEAD both good) whose header fingerprint is another key's: only the
    # fingerprint check (§8 step 8) refuses it. A broken writer, or someone who knows the PIN, makes such a file.
    salt, nonce = derive("keystore/other-fingerprint/salt", 16), derive("keystore/other-fingerprint/nonce", 24)
    header = encode_keystore_header(SMALL, salt, nonce, hashlib.sha256(M.ek(M.OTHER_SEED)).digest())
    key = _derive_key(normalize_pin(M.TEST_PIN), salt, SMALL)
    sealed = nacl.bindings.crypto_aead_xchacha20poly1305_ietf_encrypt(M.KEYPAD_SEED, header, nonce, key)
    bad("fingerprint-of-another-key", "checksum and AEAD intact, but the header's fingerprint is another key's",
        encode_keystore(header, sealed), ["FingerprintMismatch"], "tampered")
    header = encode_keystore_header(SMALL, salt, nonce, bytes(32))
    sealed = nacl.bindings.crypto_aead_xchacha20poly1305_ietf_encrypt(M.KEYPAD_SEED, header, nonce, key)
    bad("fingerprint-zero", "checksum and AEAD intact, but the header's fingerprint is 32 zero bytes",
        encode_keystore(header, sealed), ["FingerprintMismatch"], "tampered")
    for name in ("salt", "nonce", "fingerprint", "sealed", "check"):
        bad(f"{name}-flipped", f"one bit of {name} flipped", _flip(base, name), ["Tampered"], "tampered")
    bad("sealed-last-byte-flipped", "the AEAD tag's last byte flipped", _flip(base, "sealed", 79), ["Tampered"],
        "tampered")
    for name in ("salt", "nonce", "fingerprint", "sealed"):
        bad(f"{name}-flipped-rechecksummed", f"one bit of {name} flipped, checksum recomputed",
            _recheck(_flip(base, name)), ["TamperedRechecksummed"], "wrong_pin")
    for name, off, _ in KEYSTORE_LAYOUT:
        if off > KEYSTORE_HEADER_LEN - 1 or name in ("magic",):
            continue
        bad(f"truncated-before-{name}", f"the file ends before {name} (offset {off})", base[:off], ["Truncated"],
            "truncated")
    bad("truncated-in-sealed", "the file ends inside the sealed seed", base[:KEYSTORE_HEADER_LEN + 10], ["Truncated"],
        "truncated")
    bad("truncated-last-byte", "the last byte missing", base[:-1], ["Truncated"], "truncated")
    bad("extra-byte", "one byte appended", base + b"\x00", ["Tampered"], "tampered")
    bad("empty", "an empty file has no magic: not a keystore", b"", ["NotAKeystore"], "not_a_keystore")
    bad("pin-breaks-the-rules", "an intact file opened with a PIN holding a BEL: it cannot be the file's PIN",
        base, ["PinRules"], "wrong_pin", pin="1234\u00075678")
    bad("pin-too-short", "an intact file opened with a 7-character PIN", base, ["PinRules"], "wrong_pin", pin="1234567")
    _pubkey_groups(f)
    return f.to_json()


def _pubkey_groups(f: VectorFile) -> None:
    """The public key file, text form (written) and both forms (read)."""
    import base64

    from keycrypt.constants import PUBKEY_TEXT_PREFIX
    from keycrypt.wire.keyfile import _text_check

    ek = M.ek()
    out = {"fingerprint": hx(hashlib.sha256(ek).digest())}
    g = f.group("pubkey.write", "Write the public key file in the text form, byte for byte.",
                requirements=["KCP1-PUBKEY-1"])
    text = bytes.fromhex(g.valid("pubkey/write/keypad-test", "the keypad's public key, one line and a newline",
                                 {"ek": hx(ek)}, ["PubkeyText"])["output"]["file"])
    prefix, b64, check = text.decode("ascii").strip().split(":")
    g.valid("pubkey/write/other-key", "another key's public key", {"ek": hx(M.ek(M.OTHER_SEED))}, ["PubkeyText"])

    def line(b: str, p: str = prefix) -> bytes:  # a line with a correct check around any base64
        return f"{p}:{b}:{_text_check(p, b)}".encode("ascii")

    g = f.group("pubkey.read", "Read a public key file of either form: its fingerprint, or a typed keystore_error.")
    g.valid("pubkey/read/text", "the text form as written", {"file": hx(text)}, ["PubkeyText"], expect=out)
    g.valid("pubkey/read/binary", "vectors/keypad_test_pubkey.bin, the binary form", {"file": hx(test_pubkey())},
            ["PubkeyBinary"], expect=out)
    other = M.ek(M.OTHER_SEED)
    g.valid("pubkey/read/binary-other-key", "another key's binary form", {"file": hx(encode_pubkey(other))},
            ["PubkeyBinary"], expect={"fingerprint": hx(hashlib.sha256(other).digest())})
    g.valid("pubkey/read/text-no-newline", "no final newline", {"file": hx(text.rstrip())}, ["PubkeyTextWhitespace"],
            expect=out)
    g.valid("pubkey/read/text-indented-crlf", "indented, CRLF and an empty line after it",
            {"file": hx(b"  \t" + text.rstrip() + b"\r\n\r\n")}, ["PubkeyTextWhitespace"], expect=out)

    def bad(id: str, comment: str, data: bytes, flags: list[str], kind: str) -> None:
        g.invalid(f"pubkey/read/{id}", comment, {"file": hx(data)}, flags, "keystore_error", kind)

    flipped = f"{int(check, 16) ^ 1:08x}"
    bad("check-flipped", "the check's last bit flipped", line(b64).replace(check.encode(), flipped.encode()),
        ["PubkeyTextCheck"], "tampered")
    bad("base64-case-changed", "four base64 characters' case changed, check kept",
        text.replace(b64[100:104].encode(), b64[100:104].swapcase().encode(), 1), ["PubkeyTextCheck"], "tampered")
    bad("base64-char-lost", "one base64 character lost, check kept", text.replace(b64[500:502].encode(),
        b64[500:501].encode(), 1), ["PubkeyTextCheck"], "tampered")
    bad("check-missing", "the ':<check>' part lost", f"{prefix}:{b64}".encode(), ["PubkeyTextCheck"], "truncated")
    bad("four-parts", "a fourth ':' part", text.rstrip() + b":00", ["PubkeyTextMalformed"], "tampered")
    bad("two-lines", "the line broken in two (a mail client's wrap)", text[:76] + b"\n" + text[76:],
        ["PubkeyTextMalformed"], "tampered")
    bad("non-canonical-base64", "the unused bits of the last base64 character set (check recomputed)",
        line(b64[:-2] + "B="), ["PubkeyTextMalformed"], "tampered")
    bad("not-base64", "a character outside the base64 alphabet (check recomputed)", line(b64[:-4] + "*AA="),
        ["PubkeyTextMalformed"], "tampered")
    bad("short-key", "a key of 1183 bytes (check recomputed)", line(base64.b64encode(ek[:-1]).decode()),
        ["PubkeyTextMalformed"], "tampered")
    bad("key-fails-fips203", "a key whose coefficients are not below q (check recomputed)",
        line(base64.b64encode(b"\xff" * len(ek)).decode()), ["PubkeyTextMalformed"], "tampered")
    bad("binary-last-byte-missing", "the binary form without its last byte", test_pubkey()[:-1], ["PubkeyBinaryTruncated"],
        "truncated")
    bad("age-recipient", "an age X25519 recipient: one word without ':' that does not start with 'kcp1-'",
        b"age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p\n", ["PubkeyForeign"], "not_a_keystore")
    other = "kcp1-mlkem1024"
    bad("other-kcp1-type", f"type {other}", line(b64, other), ["PubkeyForeign"], "unsupported")
    bad("ssh-key", "an ssh public key", b"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl op@host\n",
        ["PubkeyForeign"], "not_a_keystore")
    bad("keystore", "the keystore (private key) given as the public key", test_keystore(), ["PubkeyForeign"],
        "not_a_keystore")
    assert prefix == PUBKEY_TEXT_PREFIX
