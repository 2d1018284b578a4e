"""kem.json, key_schedule.json and mac.json."""

from __future__ import annotations

from typing import Any

from keycrypt.constants import CT_SIZE, EK_SIZE, FLAG_PSK, KEYPAD_NONCE_SIZE, SEED_SIZE
from keycrypt.crypto import schedule
from keycrypt.crypto.kem import get_backend
from keycrypt.wire import frames
from keycrypt_conformance.jsonio import frame_to_json, hx
from keycrypt_conformance.rng import derive
from keycrypt_kit.vectorgen import material as M
from keycrypt_kit.vectorgen.builder import GenerationError, Group, VectorFile

Q = 3329
POLY = 256  # coefficients per polynomial; ML-KEM-768 has k = 3


def set_coeff(ek: bytes, idx: int, value: int) -> bytes:
    """ek with the 12-bit coefficient ``idx`` of its t vector replaced (FIPS 203 ByteEncode_12)."""
    b = bytearray(ek)
    i = (idx // 2) * 3
    if idx % 2 == 0:
        b[i] = value & 0xFF
        b[i + 1] = (b[i + 1] & 0xF0) | (value >> 8)
    else:
        b[i + 1] = (b[i + 1] & 0x0F) | ((value & 0x0F) << 4)
        b[i + 2] = value >> 4
    return bytes(b)


def make_hello(label: str, *, client_id: str = M.CLIENT_ID, psk: bool = False, rekey_log2: int = 24,
               seed: bytes = M.KEYPAD_SEED) -> tuple[bytes, bytes, frames.Hello]:
    """(ss, HELLO frame bytes, frame) encapsulated with a labeled m."""
    ss, ct = get_backend("kyber-py").encapsulate(M.ek(seed), derive(f"{label}/m", 32))
    hello = frames.Hello(FLAG_PSK if psk else 0, rekey_log2, client_id, ct, derive(f"{label}/challenge", 32),
                         derive(f"{label}/salt", 16))
    return ss, frames.encode(hello), hello


# --------------------------------------------------------------------------- kem.json

KEM_NOTES = {
    "Normal": ("Functionality", "An ordinary input that every implementation must handle."),
    "CrossBackend": ("Functionality", "Checked against both reference backends (OpenSSL and kyber-py) at generation."),
    "ImplicitRejection": ("EdgeCase", "A wrong ciphertext must yield FIPS 203's implicit-rejection secret, not an error."),
    "ModulusCheck": ("MissingCheck", "ek has a coefficient >= q; FIPS 203 section 7.2 requires rejecting it before use."),
    "ModulusBoundary": ("EdgeCase", "ek coefficients at q-1 are legal and must be accepted."),
    "WrongLength": ("MissingCheck", "A key, seed or ciphertext of the wrong length must be refused as kem_error."),
}

# flag -> the requirement ids its cases check (builder.py: one place per case class); the groups add the rest
KEM_REQUIREMENTS: dict[str, tuple[str, ...]] = {
    "Normal": (), "CrossBackend": (),
    "ImplicitRejection": ("KCP1-KEM-2",),
    "ModulusCheck": ("KCP1-KEM-1",),
    "ModulusBoundary": ("KCP1-KEM-1",),
    "WrongLength": (),  # the field says which: ek (KCP1-KEM-1), seed or ct (KCP1-KEM-2)
}


def _kem_refine(g: Group, t: dict[str, Any]) -> list[str]:
    if "WrongLength" in t["flags"]:
        return ["KCP1-KEM-1"] if t.get("field") == "ek" else ["KCP1-KEM-2"]
    return []


def kem_file() -> dict[str, Any]:
    f = VectorFile("ML-KEM-768", ["ML-KEM-768 (FIPS 203) as KCP/1 uses it: the keypad's key from its 64-byte seed",
                                  "d||z, deterministic encapsulation from m, decapsulation with implicit rejection,",
                                  "and the encapsulation-key input check."], KEM_NOTES, KEM_REQUIREMENTS,
                   _kem_refine)
    kp, cr = get_backend("kyber-py"), get_backend("cryptography")
    g = f.group("kem.derive", "ek from the 64-byte seed (ML-KEM.KeyGen_internal(d, z)).", requirements=["KCP1-KEM-3"])
    seeds = {"keypad": M.KEYPAD_SEED, "other": M.OTHER_SEED, "zero": bytes(64), "ones": b"\xff" * 64}
    for name, seed in seeds.items():
        if kp.from_seed(seed).ek != cr.from_seed(seed).ek:
            raise GenerationError(f"backends disagree on the ek of seed {name}")
        g.valid(f"kem/derive/{name}", f"seed {name}", {"seed": hx(seed)}, ["Normal", "CrossBackend"])
    for n in (0, SEED_SIZE - 1, SEED_SIZE + 1):
        g.invalid(f"kem/derive/seed-{n}-bytes", f"a {n}-byte seed", {"seed": hx(derive("kem/short-seed", n))},
                  ["WrongLength"], "kem_error", "seed")

    ek = M.ek()
    g = f.group("kem.encaps", "(ss, ct) = ML-KEM.Encaps_internal(ek, m): encapsulation with a given m.",
                requirements=["KCP1-KEM-3"])
    cts: dict[str, tuple[bytes, bytes]] = {}
    for name, m in {"m1": derive("kem/m1", 32), "m2": derive("kem/m2", 32), "zero-m": bytes(32),
                    "ones-m": b"\xff" * 32}.items():
        t = g.valid(f"kem/encaps/{name}", f"encapsulate to the keypad's ek with m = {name}",
                    {"ek": hx(ek), "m": hx(m)}, ["Normal"])
        ss, ct = bytes.fromhex(t["output"]["ss"]), bytes.fromhex(t["output"]["ct"])
        if kp.from_seed(M.KEYPAD_SEED).decapsulate(ct) != ss or cr.from_seed(M.KEYPAD_SEED).decapsulate(ct) != ss:
            raise GenerationError(f"encapsulation {name} does not decapsulate")
        cts[name] = (ss, ct)
    bad = set_coeff(ek, 0, Q)
    g.invalid("kem/encaps/modulus-coefficient-0", "ek with coefficient 0 = q is refused before encapsulation",
              {"ek": hx(bad), "m": hx(derive("kem/m1", 32))}, ["ModulusCheck"], "kem_error", "ek")
    g.invalid("kem/encaps/ek-1183-bytes", "a truncated ek", {"ek": hx(ek[:-1]), "m": hx(derive("kem/m1", 32))},
              ["WrongLength"], "kem_error", "ek")
    # Every polynomial and both coefficient slots of a 3-byte group, as kem.check_ek has them: encapsulation
    # must run the whole check, not a copy of it that stops early.
    for idx, value in ((1, 4095), (255, Q), (256, Q), (511, Q + 1), (512, 4095), (767, Q)):
        g.invalid(f"kem/encaps/modulus-coefficient-{idx}-{value}", f"ek with coefficient {idx} (polynomial "
                  f"{idx // 256}) = {value} >= q is refused before encapsulation",
                  {"ek": hx(set_coeff(ek, idx, value)), "m": hx(derive("kem/m1", 32))}, ["ModulusCheck"],
                  "kem_error", "ek")
    for n in (0, len(ek) + 1):
        g.invalid(f"kem/encaps/ek-{n}-bytes", f"an ek of {n} bytes", {"ek": hx((ek + ek)[:n]), "m": hx(derive("kem/m1", 32))},
                  ["WrongLength"], "kem_error", "ek")

    g = f.group("kem.decaps", "ss = ML-KEM.Decaps(dk from seed, ct), implicit rejection included.",
                {"seed": hx(M.KEYPAD_SEED)}, requirements=["KCP1-KEM-3"])
    for name, (ss, ct) in cts.items():
        g.valid(f"kem/decaps/{name}", f"the ciphertext of kem/encaps/{name}", {"ct": hx(ct)}, ["Normal"],
                expect={"ss": hx(ss)})
    ss, ct = cts["m1"]
    other_ss, other_ct = get_backend("kyber-py").encapsulate(M.ek(M.OTHER_SEED), derive("kem/m-other", 32))
    rejects = {
        "flip-first-byte": bytes([ct[0] ^ 1]) + ct[1:],
        "flip-middle-byte": ct[:544] + bytes([ct[544] ^ 0x80]) + ct[545:],
        "flip-last-byte": ct[:-1] + bytes([ct[-1] ^ 0x01]),
        "all-zero": bytes(CT_SIZE),
        "for-other-key": other_ct,
    }
    for name, bad_ct in rejects.items():
        a, b = kp.from_seed(M.KEYPAD_SEED).decapsulate(bad_ct), cr.from_seed(M.KEYPAD_SEED).decapsulate(bad_ct)
        if a != b or a == ss or a == other_ss:
            raise GenerationError(f"implicit rejection {name}: backends disagree or the secret leaked")
        g.valid(f"kem/decaps/reject-{name}", f"ciphertext {name}: decapsulation yields the rejection secret "
                "(the peer's keys then do not match: no error is raised here)", {"ct": hx(bad_ct)},
                ["ImplicitRejection", "CrossBackend"], expect={"ss": hx(a)})
    for n in (0, CT_SIZE - 1, CT_SIZE + 1):
        g.invalid(f"kem/decaps/ct-{n}-bytes", f"a {n}-byte ciphertext", {"ct": hx((ct * 2)[:n])}, ["WrongLength"],
                  "kem_error", "ct")

    g = f.group("kem.check_ek", "FIPS 203 section 7.2 encapsulation-key check: length, and every coefficient < q.",
                requirements=["KCP1-KEM-1"])
    g.valid("kem/check-ek/keypad", "the keypad's ek", {"ek": hx(ek)}, ["Normal"])
    g.valid("kem/check-ek/rho-all-ones", "rho (the last 32 bytes) is not checked", {"ek": hx(ek[:-32] + b"\xff" * 32)},
            ["Normal"])
    for idx in (0, 1, POLY - 1, 3 * POLY - 1):
        g.valid(f"kem/check-ek/q-minus-1-at-{idx}", f"coefficient {idx} = q-1 = 3328 is legal",
                {"ek": hx(set_coeff(ek, idx, Q - 1))}, ["ModulusBoundary"])
    for poly in range(3):
        for pos, what in ((0, "first, even"), (1, "second, odd"), (POLY - 2, "next to last, even"),
                          (POLY - 1, "last, odd")):
            idx = poly * POLY + pos
            for value in (Q, 4095):
                g.invalid(f"kem/check-ek/poly{poly}-coeff{pos}-{value}",
                          f"polynomial {poly}, coefficient {pos} ({what} nibble layout) = {value} >= q",
                          {"ek": hx(set_coeff(ek, idx, value))}, ["ModulusCheck"], "kem_error", "ek")
    for n in (0, EK_SIZE - 1, EK_SIZE + 1):
        g.invalid(f"kem/check-ek/ek-{n}-bytes", f"a {n}-byte ek", {"ek": hx((ek + ek)[:n])}, ["WrongLength"],
                  "kem_error", "ek")
    return f.to_json()


# --------------------------------------------------------------------------- key_schedule.json

SCHEDULE_NOTES = {
    "Normal": ("Functionality", "An ordinary handshake or rekey."),
    "Psk": ("Functionality", "The enrolled psk is appended to the shared secret in HKDF-Extract's IKM."),
    "TranscriptBinding": ("Functionality", "TH binds ek and every byte of HELLO (flags, rekey_log2, client_id)."),
    "KeypadNonce": ("Functionality", "TH binds the keypad's HELLO_ACK nonce: the same HELLO answered twice gives "
                    "other keys (no whole-session replay)."),
    "RekeyChain": ("Functionality", "Each epoch's key is derived from the previous one; the vectors form a chain."),
    "EpochEncoding": ("EdgeCase", "The new epoch number is a big-endian u32 in the rekey label."),
}

SCHEDULE_REQUIREMENTS: dict[str, tuple[str, ...]] = {flag: ("KCP1-KS-2",) for flag in SCHEDULE_NOTES}


def handshakes() -> dict[str, tuple[bytes, bytes, bytes | None, bytes]]:
    """name -> (ss, hello frame, psk, keypad nonce) of the key schedule vectors."""
    out: dict[str, tuple[bytes, bytes, bytes | None, bytes]] = {}
    for name, kw, psk in (
        ("default", {}, None),
        ("psk", {"client_id": M.PSK_CLIENT_ID, "psk": True}, M.PSK),
        ("rekey-log2-4", {"rekey_log2": 4}, None),
        ("client-id-1-byte", {"client_id": "a"}, None),
        ("client-id-64-bytes", {"client_id": "h" * 30 + ".-_:@" + "0" * 29}, None),
        ("psk-rekey-log2-4", {"client_id": M.PSK_CLIENT_ID, "psk": True, "rekey_log2": 4}, M.PSK),
    ):
        ss, raw, _ = make_hello(f"schedule/{name}", **kw)  # type: ignore[arg-type]
        out[name] = (ss, raw, psk, derive(f"schedule/{name}/keypad-nonce", KEYPAD_NONCE_SIZE))
    # The same HELLO answered by another keypad instance (or replayed): only the keypad's nonce differs,
    # and with it TH, K_0 and both direction keys.
    ss, raw, psk, _ = out["default"]
    out["default-other-keypad-nonce"] = (ss, raw, psk, derive("schedule/default/other-keypad-nonce", KEYPAD_NONCE_SIZE))
    return out


def schedule_file() -> dict[str, Any]:
    f = VectorFile("KCP/1 key schedule", ["TH, prk, K_0, the direction keys and the rekey chain (HKDF-SHA-256)."],
                   SCHEDULE_NOTES, SCHEDULE_REQUIREMENTS)
    g = f.group("schedule.handshake", "From ML-KEM's ss, ek and the HELLO frame (and psk): TH, prk, K_0, k_c2k(0), "
                "k_k2c(0). The salt is HELLO's salt field.")
    k0s: dict[str, bytes] = {}
    for name, (ss, raw, psk, nonce) in handshakes().items():
        flags = ["Normal", "TranscriptBinding"] + (["Psk"] if psk else []) + (["KeypadNonce"] if "nonce" in name else [])
        t = g.valid(f"schedule/handshake/{name}", f"handshake {name}",
                    {"ss": hx(ss), "ek": hx(M.ek()), "hello": hx(raw), "psk": None if psk is None else hx(psk),
                     "keypad_nonce": hx(nonce)}, flags)
        k0s[name] = bytes.fromhex(t["output"]["k0"])
    g = f.group("schedule.rekey", "K_(e+1) and its direction keys from K_e and the REKEY salt; 'epoch' is e+1.")
    for base in ("default", "psk"):
        key = k0s[base]
        for e in range(1, 9 if base == "default" else 4):
            salt = derive(f"schedule/rekey/{base}/{e}", 16)
            t = g.valid(f"schedule/rekey/{base}/{e}", f"epoch {e - 1} -> {e} of handshake {base}",
                        {"key": hx(key), "salt": hx(salt), "epoch": e}, ["RekeyChain"])
            key = bytes.fromhex(t["output"]["key"])
    key = derive("schedule/rekey/large-epoch-key", 32)
    for e in (256, 65536, 1 << 24, 0xFFFFFFFF):
        g.valid(f"schedule/rekey/epoch-{e}", f"new epoch {e}: u32({e}) = {e.to_bytes(4, 'big').hex()}",
                {"key": hx(key), "salt": hx(derive(f"schedule/rekey/epoch-{e}", 16)), "epoch": e}, ["EpochEncoding"])
    return f.to_json()


# --------------------------------------------------------------------------- mac.json

MAC_NOTES = {
    "Normal": ("Functionality", "The tag of a frame and its exact MAC input."),
    "TagBit": ("MissingCheck", "One bit of the tag flipped; catches a missing or partial (truncated) comparison."),
    "Reflection": ("MissingCheck", "A frame checked under the other direction's key: direction separation."),
    "StaleContext": ("MissingCheck", "The MAC input's context (TH, PING challenge, REKEY salt) does not match."),
    "FieldChanged": ("MissingCheck", "A covered field changed after tagging: the tag must cover every byte."),
    "WrongEpoch": ("MissingCheck", "A tag under another epoch's key."),
    "ParseBeforeMac": ("EdgeCase", "A malformed frame is a parse_error, whatever its tag."),
    "StatusInMac": ("Functionality", "The status byte is covered by the tag; DISARMED and LOCKDOWN tags differ."),
    "KeypadNonce": ("MissingCheck", "The keypad's nonce is covered by the HELLO_ACK tag and enters TH."),
}

MAC_REQUIREMENTS: dict[str, tuple[str, ...]] = {
    "Normal": ("KCP1-MAC-1",),
    "TagBit": ("KCP1-MAC-2",),
    "Reflection": ("KCP1-MAC-2", "KCP1-KS-2"),
    "StaleContext": ("KCP1-MAC-1", "KCP1-MAC-2"),
    "FieldChanged": ("KCP1-MAC-1", "KCP1-MAC-2"),
    "WrongEpoch": ("KCP1-MAC-2",),
    "ParseBeforeMac": ("KCP1-FRAME-2",),
    "StatusInMac": ("KCP1-MAC-1",),
    "KeypadNonce": ("KCP1-MAC-1",),
}


def mac_file() -> dict[str, Any]:
    f = VectorFile("HMAC-SHA-256 frame tags", ["Every tag of every KCP/1 frame type, with its key and MAC input:",
                                               "frame-before-tag || context (TH, the PING's challenge, the REKEY salt)."],
                   MAC_NOTES, MAC_REQUIREMENTS)
    ss, raw, _ = make_hello("mac/session")
    nonce = derive("mac/keypad-nonce", KEYPAD_NONCE_SIZE)
    hs = schedule.handshake(ss, M.ek(), raw, frames.decode(raw).salt, None, nonce)  # type: ignore[union-attr]
    e0 = schedule.EpochKeys.derive(0, hs.k0)
    rsalt = derive("mac/rekey-salt", 16)
    e1 = e0.next(rsalt)
    ch = [derive(f"mac/challenge/{i}", 32) for i in range(4)]
    g = f.group("mac.sign", "Build the frame from its fields and tag it with 'key' over frame-before-tag || context.")
    signed: dict[str, tuple[bytes, bytes, bytes]] = {}  # name -> (key, frame, context)

    def sign(name: str, comment: str, key: bytes, fields: frames.Frame, context: bytes | None,
             flags: list[str] | None = None) -> None:
        fj = frame_to_json(fields)
        fj.pop("tag", None)
        t = g.valid(f"mac/sign/{name}", comment,
                    {"key": hx(key), "fields": fj, "context": None if context is None else hx(context)},
                    flags or ["Normal"])
        signed[name] = (key, bytes.fromhex(t["output"]["frame"]), context or b"")

    for st in (0, 1, 2):
        sign(f"hello-ack-status-{st}", f"HELLO_ACK status {st} under k_k2c(0), context TH", e0.k2c,
             frames.HelloAck(st, nonce), hs.th, ["Normal", "StatusInMac"])
    for i, c in enumerate((0, 1, (1 << 24) - 1, 0xFFFFFFFF)):
        sign(f"ping-counter-{c}", f"PING counter {c} under k_c2k(0)", e0.c2k, frames.Ping(c, ch[i]), None)
    for c, st in ((0, 0), (0, 1), (0, 2), (1, 0), (0xFFFFFFFF, 1)):
        sign(f"pong-counter-{c}-status-{st}", f"PONG counter {c} status {st} under k_k2c(0), context the PING's "
             "challenge", e0.k2c, frames.Pong(c, st), ch[c % 4], ["Normal", "StatusInMac"])
    sign("rekey", "REKEY under the old epoch's k_c2k(0)", e0.c2k, frames.Rekey(rsalt), None)
    sign("rekey-ack", "REKEY_ACK under the new epoch's k_k2c(1), context the REKEY salt", e1.k2c, frames.RekeyAck(),
         rsalt)
    sign("ping-epoch-1", "PING counter 0 under k_c2k(1)", e1.c2k, frames.Ping(0, ch[3]), None)

    g = f.group("mac.verify", "Decode the frame, then verify its tag with 'key' over frame-before-tag || context.")
    for name, (key, frame, ctx) in signed.items():
        g.valid(f"mac/verify/{name}", f"the frame of mac/sign/{name}",
                {"key": hx(key), "frame": hx(frame), "context": hx(ctx) if ctx else None}, ["Normal"])

    def bad(name: str, comment: str, key: bytes, frame: bytes, ctx: bytes | None, flags: list[str],
            outcome: str = "mac_failure") -> None:
        g.invalid(f"mac/verify/{name}", comment, {"key": hx(key), "frame": hx(frame),
                                                   "context": None if ctx is None else hx(ctx)}, flags, outcome)

    key, ping, _ = signed["ping-counter-1"]
    for pos in (0, 15, 16, 31):
        i = len(ping) - 32 + pos
        bad(f"ping-tag-byte-{pos}", f"PING with tag byte {pos} flipped", key,
            ping[:i] + bytes([ping[i] ^ 0x01]) + ping[i + 1:], None, ["TagBit"])
    bad("ping-zero-tag", "PING with an all-zero tag", key, ping[:-32] + bytes(32), None, ["TagBit"])
    bad("ping-under-k2c", "PING checked under k_k2c(0): a reflected frame", e0.k2c, ping, None, ["Reflection"])
    bad("ping-counter-changed", "PING counter 1 -> 2 after tagging", key, ping[:9] + b"\x02" + ping[10:], None,
        ["FieldChanged"])
    bad("ping-under-epoch-1", "PING of epoch 0 checked under k_c2k(1)", e1.c2k, ping, None, ["WrongEpoch"])
    key, pong, ctx = signed["pong-counter-0-status-1"]
    bad("pong-other-challenge", "PONG checked against another PING's challenge", key, pong, ch[1], ["StaleContext"])
    bad("pong-status-changed", "PONG status DISARMED -> ARMED after tagging", key, pong[:10] + b"\x00" + pong[11:],
        ctx, ["FieldChanged", "StatusInMac"])
    bad("pong-under-c2k", "PONG checked under k_c2k(0): a reflected frame", e0.c2k, pong, ctx, ["Reflection"])
    bad("pong-status-3", "PONG with status 3 and any tag: parse_error before the tag is checked", key,
        pong[:10] + b"\x03" + pong[11:], ctx, ["ParseBeforeMac"], "parse_error")
    key, ack, th = signed["hello-ack-status-0"]
    other_th = schedule.transcript_hash(M.ek(), make_hello("mac/other-session")[1], nonce)
    bad("hello-ack-other-transcript", "HELLO_ACK checked against another HELLO's TH", key, ack, other_th,
        ["StaleContext"])
    replay_th = schedule.transcript_hash(M.ek(), raw, derive("mac/other-keypad-nonce", KEYPAD_NONCE_SIZE))
    bad("hello-ack-other-keypad-nonce", "HELLO_ACK checked against the TH of the same HELLO with another keypad "
        "nonce (a replayed HELLO answered again)", key, ack, replay_th, ["StaleContext", "KeypadNonce"])
    bad("hello-ack-nonce-changed", "HELLO_ACK nonce byte 0 flipped after tagging: the tag covers the nonce", key,
        ack[:7] + bytes([ack[7] ^ 0x01]) + ack[8:], th, ["FieldChanged", "KeypadNonce"])
    bad("hello-ack-status-changed", "HELLO_ACK status ARMED -> LOCKDOWN after tagging", key, ack[:6] + b"\x02" + ack[7:],
        th, ["FieldChanged", "StatusInMac"])
    key, rack, rs = signed["rekey-ack"]
    bad("rekey-ack-under-old-epoch", "REKEY_ACK checked under the old k_k2c(0)", e0.k2c, rack, rs, ["WrongEpoch"])
    bad("rekey-ack-other-salt", "REKEY_ACK checked against another salt", key, rack, derive("mac/other-salt", 16),
        ["StaleContext"])
    key, rk, _ = signed["rekey"]
    bad("rekey-under-new-epoch", "REKEY checked under the new k_c2k(1) instead of the old one", e1.c2k, rk, None,
        ["WrongEpoch"])
    # One tag bit flipped, at both ends of each half of the tag, in every tagged frame type (PING above).
    for name, label in (("hello-ack-status-0", "HELLO_ACK"), ("pong-counter-0-status-1", "PONG"), ("rekey", "REKEY"),
                        ("rekey-ack", "REKEY_ACK")):
        key, frame, ctx = signed[name]
        for pos in (0, 15, 16, 31):
            i = len(frame) - 32 + pos
            bad(f"{label.lower().replace('_', '-')}-tag-byte-{pos}", f"{label} with bit 0 of tag byte {pos} flipped",
                key, frame[:i] + bytes([frame[i] ^ 0x01]) + frame[i + 1:], ctx or None, ["TagBit"])
    return f.to_json()
