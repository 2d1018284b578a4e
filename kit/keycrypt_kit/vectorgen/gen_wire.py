"""wire.json: every frame type encoded and decoded, and every way each field can be malformed."""

from __future__ import annotations

import struct
from typing import Any

from keycrypt.constants import HEADER_SIZE, MAGIC, VERSION, FrameType
from keycrypt.wire import frames
from keycrypt_conformance.jsonio import frame_to_json, hx
from keycrypt_conformance.rng import derive
from keycrypt_kit.vectorgen.builder import Group, VectorFile

NOTES = {
    "Normal": ("Functionality", "A well-formed frame of this type."),
    "Boundary": ("EdgeCase", "A field at the edge of its legal range."),
    "Truncated": ("MissingCheck", "The bytes end before the header or the body does."),
    "BadMagic": ("MissingCheck", "The frame does not start with ASCII 'KC'."),
    "BadVersion": ("MissingCheck", "A protocol version other than 1."),
    "UnknownType": ("MissingCheck", "A frame type outside 1..6."),
    "BadLength": ("MissingCheck", "The header's body length is outside the type's legal length."),
    "TrailingBytes": ("MissingCheck", "Bytes after a complete frame where exactly one frame was expected."),
    "ReservedFlags": ("MissingCheck", "A HELLO flag bit other than bit 0 (psk) is set."),
    "RekeyLog2Range": ("MissingCheck", "rekey_log2 outside 4..24."),
    "ClientIdCharset": ("MissingCheck", "A client_id byte outside ASCII letters, digits and . _ : @ - (spec §3, "
                        "KCP1-ID-1): control characters (log injection), spaces, quotes, '=', non-ASCII."),
    "ClientIdLength": ("MissingCheck", "The client_id length byte disagrees with the frame length."),
    "ClientIdUtf8": ("MissingCheck", "client_id is not valid UTF-8."),
    "ClientIdRange": ("MissingCheck", "client_id of 0 or more than 64 bytes in an otherwise consistent frame; the "
                                      "type's length bound, checked first, is what rejects it."),
    "UnknownStatus": ("MissingCheck", "A status other than 0 ARMED, 1 DISARMED, 2 LOCKDOWN."),
    "CheckOrder": ("EdgeCase", "Two faults: the header is checked in the order magic, version, type, length."),
}

_MALFORMED = ("KCP1-FRAME-2",)
# flag -> the requirement ids its cases check (builder.py: one place per case class)
REQUIREMENTS: dict[str, tuple[str, ...]] = {
    "Normal": ("KCP1-FRAME-1",),
    "Boundary": ("KCP1-FRAME-1",),
    "Truncated": _MALFORMED,
    "BadMagic": _MALFORMED,
    "BadVersion": _MALFORMED,
    "UnknownType": _MALFORMED,
    "BadLength": _MALFORMED,
    "TrailingBytes": _MALFORMED,
    "ReservedFlags": _MALFORMED,
    "RekeyLog2Range": _MALFORMED,
    "ClientIdCharset": ("KCP1-ID-1",),
    "ClientIdLength": _MALFORMED,
    "ClientIdUtf8": ("KCP1-FRAME-2", "KCP1-ID-1"),
    "ClientIdRange": ("KCP1-FRAME-2", "KCP1-ID-1"),
    "UnknownStatus": _MALFORMED,
    "CheckOrder": _MALFORMED,
}


def _refine(g: Group, t: dict[str, Any]) -> list[str]:
    return ["KCP1-ID-1"] if t["id"].endswith("client-id-every-class") else []


def sample_frames() -> dict[str, frames.Frame]:
    """name -> a valid frame, covering every type and the boundaries of every field."""
    d = lambda label, n: derive(f"wire/{label}", n)  # noqa: E731
    ct = d("ct", 1088)
    return {
        "hello": frames.Hello(0, 24, "host-01.example", ct, d("challenge", 32), d("salt", 16)),
        "hello-psk-flag": frames.Hello(1, 24, "vault-02.example", ct, d("challenge", 32), d("salt", 16)),
        "hello-rekey-log2-4": frames.Hello(0, 4, "h", ct, d("challenge", 32), d("salt", 16)),
        "hello-client-id-64": frames.Hello(0, 24, "x" * 64, ct, d("challenge", 32), d("salt", 16)),
        "hello-client-id-every-class": frames.Hello(0, 24, "Az09._:@-", ct, d("challenge", 32), d("salt", 16)),
        "hello-ack-armed": frames.HelloAck(0, d("nonce1", 32), d("tag1", 32)),
        "hello-ack-disarmed": frames.HelloAck(1, d("nonce2", 32), d("tag2", 32)),
        "hello-ack-lockdown": frames.HelloAck(2, d("nonce3", 32), d("tag3", 32)),
        "ping-counter-0": frames.Ping(0, d("ping-challenge", 32), d("tag4", 32)),
        "ping-counter-max": frames.Ping(0xFFFFFFFF, d("ping-challenge2", 32), d("tag5", 32)),
        "pong-armed": frames.Pong(0, 0, d("tag6", 32)),
        "pong-disarmed": frames.Pong(7, 1, d("tag7", 32)),
        "pong-lockdown": frames.Pong(0xFFFFFFFF, 2, d("tag8", 32)),
        # counters whose bytes differ under a byte swap (0 and 0xFFFFFFFF read the same either way)
        "ping-counter-01020304": frames.Ping(0x01020304, d("ping-challenge3", 32), d("tag11", 32)),
        "pong-counter-0102": frames.Pong(0x0102, 0, d("tag12", 32)),
        "rekey": frames.Rekey(d("rekey-salt", 16), d("tag9", 32)),
        "rekey-ack": frames.RekeyAck(d("tag10", 32)),
    }


def _with_length(raw: bytes, length: int, body: bytes | None = None) -> bytes:
    return raw[:4] + struct.pack(">H", length) + (raw[HEADER_SIZE:] if body is None else body)


def wire_file() -> dict[str, Any]:
    f = VectorFile("KCP/1 frames", ["magic 'KC' | version u8 | type u8 | length u16 | body, big-endian.",
                                    "Decoding failures are parse_error naming the first bad field."], NOTES,
                   REQUIREMENTS, _refine)
    samples = sample_frames()
    enc = {name: frames.encode(fr) for name, fr in samples.items()}
    g = f.group("frame.encode", "Encode a frame from its fields (the tag is given, not computed).")
    for name, fr in samples.items():
        flags = ["Boundary"] if any(k in name for k in ("64", "max", "log2-4", "every-class")) else ["Normal"]
        g.valid(f"wire/encode/{name}", f"encode {name}", {"fields": frame_to_json(fr)}, flags,
                expect={"frame": hx(enc[name])})
    g = f.group("frame.decode", "Decode exactly one frame; every failure names its field.")
    for name, fr in samples.items():
        g.valid(f"wire/decode/{name}", f"decode {name}", {"frame": hx(enc[name])}, ["Normal"],
                expect={"fields": frame_to_json(fr)})

    def bad(id: str, comment: str, raw: bytes, flags: list[str], field: str) -> None:
        g.invalid(f"wire/decode/{id}", comment, {"frame": hx(raw)}, flags, "parse_error", field)

    ping = enc["ping-counter-0"]
    bad("empty", "no bytes at all", b"", ["Truncated"], "header")
    bad("header-5-bytes", "5 of the 6 header bytes", ping[:5], ["Truncated"], "header")
    for label, magic in (("KD", b"KD"), ("lowercase", b"kc"), ("zero", b"\x00\x00"), ("swapped", b"CK")):
        bad(f"magic-{label}", f"magic {magic!r}", magic + ping[2:], ["BadMagic"], "magic")
    for v in (0, VERSION + 1, 255):
        bad(f"version-{v}", f"version {v}", ping[:2] + bytes([v]) + ping[3:], ["BadVersion"], "version")
    bad("magic-and-version", "bad magic and bad version: magic is reported", b"XX\x09" + ping[3:],
        ["BadMagic", "BadVersion", "CheckOrder"], "magic")
    for t in (0, 7, 255):
        bad(f"type-{t}", f"frame type {t}", ping[:3] + bytes([t]) + ping[4:], ["UnknownType"], "type")
    bad("type-and-length", "unknown type 9 and length 0: type is reported", ping[:3] + b"\x09\x00\x00",
        ["UnknownType", "CheckOrder"], "type")
    for name in ("hello", "hello-ack-armed", "ping-counter-0", "pong-armed", "rekey", "rekey-ack"):
        raw = enc[name]
        ft = FrameType(raw[3])
        lo, hi = frames.BODY_BOUNDS[ft]
        tname = ft.name.lower().replace("_", "-")
        for length in sorted({0, lo - 1, hi + 1, 0xFFFF} - {lo}):
            if length < 0:
                continue
            if ft == FrameType.HELLO and length in (lo - 1, hi + 1):
                continue  # a consistent HELLO of that length has a client_id of 0 or 65 bytes: see the end
            # Invalid for one reason only: the body holds exactly the declared bytes (the frame's own,
            # cut or padded with zeros), so no 'body' or 'trailing' check can stand in for the length bound.
            body = (raw[HEADER_SIZE:] + bytes(length))[:length]
            bad(f"{tname}-length-{length}", f"{ft.name} with header length {length} (legal {lo}..{hi}) and "
                f"exactly {length} body bytes", _with_length(raw, length, body), ["BadLength"], "length")
        bad(f"{tname}-body-short-1", f"{ft.name} missing its last byte", raw[:-1], ["Truncated"], "body")
        bad(f"{tname}-header-only", f"{ft.name} header without a body", raw[:HEADER_SIZE], ["Truncated"], "body")
        bad(f"{tname}-trailing-1", f"{ft.name} followed by one extra byte", raw + b"\x00", ["TrailingBytes"],
            "trailing")
        bad(f"{tname}-followed-by-frame", f"{ft.name} followed by a whole second frame", raw + enc["rekey-ack"],
            ["TrailingBytes"], "trailing")
    hello = enc["hello"]
    for flags in (0x02, 0x80, 0xFE, 0xFF):
        bad(f"hello-flags-{flags:02x}", f"HELLO flags 0x{flags:02x}: reserved bits set",
            hello[:6] + bytes([flags]) + hello[7:], ["ReservedFlags"], "flags")
    for log2 in (0, 3, 25, 255):
        bad(f"hello-rekey-log2-{log2}", f"HELLO rekey_log2 {log2}", hello[:7] + bytes([log2]) + hello[8:],
            ["RekeyLog2Range"], "rekey_log2")
    cid_len = hello[8]
    bad("hello-client-id-length-short", "client_id length byte one less than the frame holds",
        hello[:8] + bytes([cid_len - 1]) + hello[9:], ["ClientIdLength"], "client_id")
    bad("hello-client-id-length-long", "client_id length byte one more than the frame holds",
        hello[:8] + bytes([cid_len + 1]) + hello[9:], ["ClientIdLength"], "client_id")
    rest = hello[9 + cid_len:]
    # UTF-8 edges: a lax decoder that folds an overlong form into the ASCII character it spells (".", "a")
    # and then checks the charset accepts overlong-dot and overlong-3byte-letter
    for label, cid in (("ff", b"\xff"), ("overlong-nul", b"\xc0\x80"), ("surrogate", b"\xed\xa0\x80"),
                       ("cut-multibyte", b"ab\xc3"), ("continuation-only", b"\x80abc"),
                       ("overlong-dot", b"web\xc0\xae01"), ("overlong-3byte-letter", b"\xe0\x81\xa1web"),
                       ("above-10ffff", b"web\xf4\x90\x80\x80"), ("lead-f8", b"web\xf8\x88\x80\x80\x80"),
                       ("lead-fe", b"web\xfe01")):
        body = hello[6:8] + bytes([len(cid)]) + cid + rest
        bad(f"hello-client-id-{label}", f"client_id bytes {cid.hex()} are not UTF-8 (nor the client_id charset)",
            hello[:4] + struct.pack(">H", len(body)) + body, ["ClientIdUtf8", "ClientIdCharset"], "client_id")
    # KCP1-ID-1: well-formed UTF-8 of a legal length, each with exactly one byte outside the charset
    for label, cid in (("newline-log-injection", b"web01\nCRITICAL"),
                       ("space", b"web 01"), ("nul", b"web\x0001"), ("del", b"web\x7f01"), ("tab", b"web\t01"),
                       ("escape", b"\x1bweb01"), ("equals", b"web=01"), ("quote", b'web"01'),
                       ("backslash", b"web\\01"), ("slash", b"web/01"), ("non-ascii-e-acute", b"caf\xc3\xa9"),
                       ("bidi-override", b"web\xe2\x80\xae01")):
        body = hello[6:8] + bytes([len(cid)]) + cid + rest
        bad(f"hello-client-id-charset-{label}", f"client_id {cid!r}: a byte outside ASCII letters, digits and . _ : @ -",
            hello[:4] + struct.pack(">H", len(body)) + body, ["ClientIdCharset"], "client_id")
    for name, off in (("hello-ack-armed", 6), ("pong-armed", 10)):
        raw = enc[name]
        for st in (3, 0x80, 255):
            bad(f"{name.rsplit('-', 1)[0]}-status-{st}", f"{name.rsplit('-', 1)[0].upper()} status {st}",
                raw[:off] + bytes([st]) + raw[off + 1:], ["UnknownStatus"], "status")
    # Self-consistent HELLOs (id length byte, header length and bytes agree) whose client_id is out of
    # 1..64: only that bound rejects them. Appended last so that the tcIds above keep their numbers.
    for label, cid in (("empty", b""), ("65-bytes", b"x" * 65)):
        body = hello[6:8] + bytes([len(cid)]) + cid + rest
        bad(f"hello-client-id-{label}", f"client_id of {len(cid)} bytes (legal 1..64), lengths consistent",
            hello[:4] + struct.pack(">H", len(body)) + body, ["ClientIdRange", "BadLength"], "length")
    # A PONG with an unknown status whose tag starts with a byte that is a known status (0): a decoder
    # that judges the status from the wrong byte (the tag's first) accepts it. Appended last (tcIds above).
    pong = enc["pong-armed"]
    bad("pong-status-3-tag-starts-00", "PONG status 3 with a tag whose first byte is 0x00 (a known status value)",
        pong[:10] + b"\x03\x00" + pong[12:], ["UnknownStatus"], "status")
    assert MAGIC == b"KC"
    return f.to_json()
