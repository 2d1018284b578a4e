"""KCP/1 frames, defined once with ``construct``.

Every layout fact (field order, sizes, which field carries the tag) lives
here; the codec, the hot-path codec, the vectors and the documentation are
all derived from these definitions.

Frame = header | body. The header is ``magic "KC" | version u8 | type u8 |
length u16`` (big-endian); ``length`` counts the body. In every frame that
carries a tag the tag is the last field, so "frame-before-tag" is simply
``frame[:-TAG_SIZE]``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Union

import construct as c

from keycrypt.constants import (
    CHALLENGE_SIZE,
    CLIENT_ID_MAX,
    CLIENT_ID_MIN,
    CT_SIZE,
    FLAGS_RESERVED,
    HEADER_SIZE,
    KEYPAD_NONCE_SIZE,
    MAGIC,
    REKEY_LOG2_MAX,
    REKEY_LOG2_MIN,
    SALT_SIZE,
    TAG_SIZE,
    VERSION,
    FrameType,
    Status,
    client_id_problem,
)
from keycrypt.errors import LocalUsageError, ParseError

HEADER = c.Struct(
    "magic" / c.Bytes(len(MAGIC)) * 'ASCII "KC"',
    "version" / c.Int8ub * "protocol version, 1 for KCP/1",
    "type" / c.Int8ub * "frame type (1..6)",
    "length" / c.Int16ub * "body length in bytes, bounded per type",
)

BODIES: dict[FrameType, c.Struct] = {
    FrameType.HELLO: c.Struct(
        "flags" / c.Int8ub * "bit 0: psk mixed into the key schedule; other bits must be 0",
        "rekey_log2" / c.Int8ub * f"PINGs per epoch = 2^rekey_log2, {REKEY_LOG2_MIN}..{REKEY_LOG2_MAX}",
        "client_id" / c.Prefixed(c.Int8ub, c.GreedyBytes)
        * f"u8 length then {CLIENT_ID_MIN}..{CLIENT_ID_MAX} bytes of ASCII letters, digits and . _ : @ -",
        "ct" / c.Bytes(CT_SIZE) * "ML-KEM-768 ciphertext to the keypad's ek",
        "challenge" / c.Bytes(CHALLENGE_SIZE) * "fresh client randomness",
        "salt" / c.Bytes(SALT_SIZE) * "HKDF-Extract salt of the session",
    ),
    FrameType.HELLO_ACK: c.Struct(
        "status" / c.Int8ub * "keypad status: 0 ARMED, 1 DISARMED, 2 LOCKDOWN",
        "nonce" / c.Bytes(KEYPAD_NONCE_SIZE) * "fresh keypad randomness, mixed into TH and so into every session key",
        "tag" / c.Bytes(TAG_SIZE) * "HMAC(k_k2c of epoch 0, frame-before-tag || TH)",
    ),
    FrameType.PING: c.Struct(
        "counter" / c.Int32ub * "0 after HELLO_ACK or REKEY_ACK, then +1 per PING",
        "challenge" / c.Bytes(CHALLENGE_SIZE) * "fresh client randomness, echoed into the PONG tag",
        "tag" / c.Bytes(TAG_SIZE) * "HMAC(k_c2k, frame-before-tag)",
    ),
    FrameType.PONG: c.Struct(
        "counter" / c.Int32ub * "the counter of the PING answered",
        "status" / c.Int8ub * "keypad status: 0 ARMED, 1 DISARMED, 2 LOCKDOWN",
        "tag" / c.Bytes(TAG_SIZE) * "HMAC(k_k2c, frame-before-tag || ping.challenge)",
    ),
    FrameType.REKEY: c.Struct(
        "salt" / c.Bytes(SALT_SIZE) * "HKDF-Extract salt of the next epoch",
        "tag" / c.Bytes(TAG_SIZE) * "HMAC(old k_c2k, frame-before-tag)",
    ),
    FrameType.REKEY_ACK: c.Struct(
        "tag" / c.Bytes(TAG_SIZE) * "HMAC(new k_k2c, frame-before-tag || rekey.salt)",
    ),
}

DIRECTION: dict[FrameType, str] = {
    FrameType.HELLO: "C→K",
    FrameType.HELLO_ACK: "K→C",
    FrameType.PING: "C→K",
    FrameType.PONG: "K→C",
    FrameType.REKEY: "C→K",
    FrameType.REKEY_ACK: "K→C",
}


def _hello_bounds() -> tuple[int, int]:
    fixed = 1 + 1 + 1 + CT_SIZE + CHALLENGE_SIZE + SALT_SIZE  # flags, rekey_log2, id length byte, ...
    return fixed + CLIENT_ID_MIN, fixed + CLIENT_ID_MAX


def _body_bounds() -> dict[FrameType, tuple[int, int]]:
    bounds: dict[FrameType, tuple[int, int]] = {ft: (b.sizeof(), b.sizeof()) for ft, b in BODIES.items() if ft != FrameType.HELLO}
    bounds[FrameType.HELLO] = _hello_bounds()
    return bounds


BODY_BOUNDS: dict[FrameType, tuple[int, int]] = _body_bounds()
"""Legal body length (min, max) per frame type; a header outside it is rejected at once."""

MAX_FRAME_SIZE: int = HEADER_SIZE + max(hi for _, hi in BODY_BOUNDS.values())
TAGGED: frozenset[FrameType] = frozenset(ft for ft, b in BODIES.items() if "tag" in b._subcons)


# --- typed frames -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Hello:
    flags: int
    rekey_log2: int
    client_id: str
    ct: bytes
    challenge: bytes
    salt: bytes
    type: ClassVar[FrameType] = FrameType.HELLO


@dataclass(frozen=True, slots=True)
class HelloAck:
    status: int
    nonce: bytes
    tag: bytes = field(default=b"", repr=False)
    type: ClassVar[FrameType] = FrameType.HELLO_ACK


@dataclass(frozen=True, slots=True)
class Ping:
    counter: int
    challenge: bytes
    tag: bytes = field(default=b"", repr=False)
    type: ClassVar[FrameType] = FrameType.PING


@dataclass(frozen=True, slots=True)
class Pong:
    counter: int
    status: int
    tag: bytes = field(default=b"", repr=False)
    type: ClassVar[FrameType] = FrameType.PONG


@dataclass(frozen=True, slots=True)
class Rekey:
    salt: bytes
    tag: bytes = field(default=b"", repr=False)
    type: ClassVar[FrameType] = FrameType.REKEY


@dataclass(frozen=True, slots=True)
class RekeyAck:
    tag: bytes = field(default=b"", repr=False)
    type: ClassVar[FrameType] = FrameType.REKEY_ACK


Frame = Union[Hello, HelloAck, Ping, Pong, Rekey, RekeyAck]
FRAME_CLASSES: dict[FrameType, type] = {cls.type: cls for cls in (Hello, HelloAck, Ping, Pong, Rekey, RekeyAck)}


# --- validation shared by encode and decode ------------------------------------


def _field_problems(ft: FrameType, values: dict[str, object]) -> tuple[str, str] | None:
    """(field, message) of the first out-of-range field, or None."""
    if ft == FrameType.HELLO:
        flags = values["flags"]
        if flags & FLAGS_RESERVED:  # type: ignore[operator]
            return "flags", f"reserved flag bits set: 0x{flags:02x}"
        log2 = values["rekey_log2"]
        if not REKEY_LOG2_MIN <= log2 <= REKEY_LOG2_MAX:  # type: ignore[operator]
            return "rekey_log2", f"rekey_log2 {log2} outside {REKEY_LOG2_MIN}..{REKEY_LOG2_MAX}"
        problem = client_id_problem(bytes(values["client_id"]))  # type: ignore[call-overload]
        if problem:
            return "client_id", problem
    if "status" in values:
        st = values["status"]
        if st not in Status._value2member_map_:
            return "status", f"unknown status {st}"
    return None


# --- decoding -----------------------------------------------------------------


def check_header(data: bytes) -> tuple[FrameType, int]:
    """Validate the 6-byte header alone; return (type, body length).

    Used by the stream reader so that a bad or oversized header is rejected
    as soon as its 6 bytes arrive, before any body is buffered.
    """
    if len(data) < HEADER_SIZE:
        raise ParseError(f"frame shorter than its {HEADER_SIZE}-byte header ({len(data)} bytes)", field="header")
    head = bytes(data[:HEADER_SIZE])
    known = _VALID_HEADERS.get(head)
    if known is not None:  # the hot path: a header already validated below (construct costs ~30 us)
        return known
    h = HEADER.parse(head)
    if h.magic != MAGIC:
        raise ParseError(f"bad magic {h.magic!r}, expected {MAGIC!r}", field="magic")
    if h.version != VERSION:
        raise ParseError(f"unsupported version {h.version}, expected {VERSION}", field="version")
    if h.type not in FrameType._value2member_map_:
        raise ParseError(f"unknown frame type {h.type}", field="type")
    ft = FrameType(h.type)
    lo, hi = BODY_BOUNDS[ft]
    if not lo <= h.length <= hi:
        want = f"{lo}" if lo == hi else f"{lo}..{hi}"
        raise ParseError(f"{ft.name} body length {h.length}, expected {want}", field="length")
    _VALID_HEADERS[head] = (ft, h.length)
    return ft, h.length


# Headers that passed check_header. Bounded: one entry per (type, legal body length), under 100 in all.
_VALID_HEADERS: dict[bytes, tuple[FrameType, int]] = {}


def _fixed_header(ft: FrameType) -> bytes:
    built: bytes = HEADER.build({"magic": MAGIC, "version": VERSION, "type": int(ft), "length": BODY_BOUNDS[ft][0]})
    return built


# PING and PONG are the heartbeat: decoded without construct (~25 us a frame) when whole and
# well-formed; anything else (including an unknown PONG status) takes the full path below.
_PING_HEAD, _PONG_HEAD = _fixed_header(FrameType.PING), _fixed_header(FrameType.PONG)
_PING_LEN, _PONG_LEN = HEADER_SIZE + BODY_BOUNDS[FrameType.PING][0], HEADER_SIZE + BODY_BOUNDS[FrameType.PONG][0]
_STATUS_VALUES = frozenset(int(s) for s in Status)


def decode(data: bytes) -> Frame:
    """Decode exactly one frame; anything malformed raises ParseError naming the field."""
    data = bytes(data)
    n = len(data)
    if n == _PONG_LEN and data[10] in _STATUS_VALUES and data.startswith(_PONG_HEAD):
        return Pong(int.from_bytes(data[6:10], "big"), data[10], data[11:])
    if n == _PING_LEN and data.startswith(_PING_HEAD):
        return Ping(int.from_bytes(data[6:10], "big"), data[10:42], data[42:])
    ft, length = check_header(data)
    end = HEADER_SIZE + length
    if len(data) < end:
        raise ParseError(f"{ft.name} truncated: {len(data) - HEADER_SIZE} of {length} body bytes", field="body")
    if len(data) > end:
        raise ParseError(f"{len(data) - end} trailing bytes after the {ft.name} frame", field="trailing")
    body = data[HEADER_SIZE:]
    if ft == FrameType.HELLO and _hello_bounds()[0] - CLIENT_ID_MIN + body[2] != length:
        # Checked before parsing: a length byte too large would otherwise surface as a
        # generic "body" error from construct instead of naming client_id.
        raise ParseError(f"HELLO client_id length byte {body[2]} disagrees with the frame length", field="client_id")
    try:
        parsed = BODIES[ft].parse(body)
    except c.ConstructError as exc:
        raise ParseError(f"{ft.name} body does not parse: {exc}", field="body") from exc
    values = {k: v for k, v in parsed.items() if not k.startswith("_")}
    if ft == FrameType.HELLO:
        consumed = _hello_bounds()[0] - CLIENT_ID_MIN + len(values["client_id"])
        if consumed != length:
            raise ParseError(
                f"HELLO client_id length byte {len(values['client_id'])} disagrees with the frame length",
                field="client_id",
            )
    problem = _field_problems(ft, values)
    if problem:
        raise ParseError(problem[1], field=problem[0])
    if ft == FrameType.HELLO:
        try:
            values["client_id"] = values["client_id"].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ParseError(f"client_id is not valid UTF-8 ({exc.reason} at byte {exc.start})", field="client_id") from exc
    return FRAME_CLASSES[ft](**values)  # type: ignore[no-any-return]


# --- encoding -----------------------------------------------------------------


def _values(frame: Frame) -> dict[str, object]:
    values = {name: getattr(frame, name) for name in frame.__dataclass_fields__}
    if isinstance(frame, Hello):
        values["client_id"] = frame.client_id.encode("utf-8")
    return values


def encode_prefix(frame: Frame) -> bytes:
    """The frame-before-tag: header and body up to the tag (the MAC input's first part).

    The header's length already counts the tag that will follow.
    """
    ft = frame.type
    values = _values(frame)
    if ft in TAGGED:
        values["tag"] = bytes(TAG_SIZE)
    problem = _field_problems(ft, values)
    if problem:
        raise LocalUsageError(f"cannot encode {ft.name}: {problem[1]}")
    try:
        body = BODIES[ft].build(values)
    except c.ConstructError as exc:
        raise LocalUsageError(f"cannot encode {ft.name}: {exc}") from exc
    frame_bytes: bytes = HEADER.build(dict(magic=MAGIC, version=VERSION, type=int(ft), length=len(body))) + body
    return frame_bytes[:-TAG_SIZE] if ft in TAGGED else frame_bytes


def encode(frame: Frame) -> bytes:
    """The complete frame; a tagged frame must carry its 32-byte tag."""
    prefix = encode_prefix(frame)
    if frame.type not in TAGGED:
        return prefix
    tag = frame.tag  # type: ignore[union-attr]
    if len(tag) != TAG_SIZE:
        raise LocalUsageError(f"{frame.type.name} needs a {TAG_SIZE}-byte tag, got {len(tag)}")
    return prefix + tag


def split_tag(frame_bytes: bytes) -> tuple[bytes, bytes]:
    """(frame-before-tag, tag) of an encoded tagged frame."""
    return frame_bytes[:-TAG_SIZE], frame_bytes[-TAG_SIZE:]


# --- layout description (for docs and vectors) ---------------------------------


@dataclass(frozen=True)
class FieldInfo:
    name: str
    offset: int | None  # from the start of the frame; None after a variable-size field
    size: int | None  # None for a variable-size field
    kind: str
    doc: str


def _kind(sub: c.Construct) -> str:
    inner = sub
    while isinstance(inner, c.Renamed):  # name and docs each wrap the field once
        inner = inner.subcon
    if isinstance(inner, c.FormatField):
        return {1: "u8", 2: "u16", 4: "u32"}[inner.length]
    if isinstance(inner, c.Bytes):
        return f"bytes[{inner.length}]"
    if isinstance(inner, c.Prefixed):
        return "u8 length + bytes"
    return type(inner).__name__


def describe(ft: FrameType) -> list[FieldInfo]:
    """Field-by-field layout of a whole frame (header included), walked from the definitions."""
    out: list[FieldInfo] = []
    offset: int | None = 0
    for struct in (HEADER, BODIES[ft]):
        for sub in struct.subcons:
            try:
                size: int | None = sub.sizeof()
            except c.SizeofError:
                size = None
            out.append(FieldInfo(sub.name, offset, size, _kind(sub), sub.docs or ""))
            offset = None if offset is None or size is None else offset + size
    return out
