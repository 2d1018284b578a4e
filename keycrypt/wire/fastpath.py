"""Hand-written PING/PONG codec for the hot path.

The construct codec costs tens of microseconds per frame; a keypad answering
tens of thousands of PINGs a second cannot afford that. These functions use
precompiled ``struct`` formats derived from the construct definitions, and
a hypothesis test proves they produce and accept exactly what frames.py does.
"""

from __future__ import annotations

import struct

from keycrypt.constants import CHALLENGE_SIZE, HEADER_SIZE, MAGIC, TAG_SIZE, VERSION, FrameType, Status
from keycrypt.errors import LocalUsageError, ParseError
from keycrypt.wire import frames

_PING_BODY = frames.BODIES[FrameType.PING].sizeof()
_PONG_BODY = frames.BODIES[FrameType.PONG].sizeof()
PING_SIZE = HEADER_SIZE + _PING_BODY
PONG_SIZE = HEADER_SIZE + _PONG_BODY

_PING = struct.Struct(f">{len(MAGIC)}sBBHI{CHALLENGE_SIZE}s{TAG_SIZE}s")
_PONG_PREFIX = struct.Struct(f">{len(MAGIC)}sBBHIB")
_PING_HEADER = struct.pack(f">{len(MAGIC)}sBBH", MAGIC, VERSION, FrameType.PING, _PING_BODY)
_PONG_HEADER = struct.pack(f">{len(MAGIC)}sBBH", MAGIC, VERSION, FrameType.PONG, _PONG_BODY)
_COUNTER = struct.Struct(">I")
_STATUSES = frozenset(int(s) for s in Status)
_U32_MAX = 0xFFFFFFFF

assert _PING.size == PING_SIZE and _PONG_PREFIX.size + TAG_SIZE == PONG_SIZE


def ping_prefix(counter: int, challenge: bytes) -> bytes:
    """PING frame-before-tag; refuses (LocalUsageError) what frames.encode_prefix refuses."""
    if len(challenge) != CHALLENGE_SIZE or not 0 <= counter <= _U32_MAX:
        raise LocalUsageError("cannot encode PING: counter must be a u32 and the challenge 32 bytes")
    return _PING_HEADER + _COUNTER.pack(counter) + challenge


def pong_prefix(counter: int, status: int) -> bytes:
    """PONG frame-before-tag; an unknown status is refused, never sent (as frames.encode_prefix does)."""
    if status not in _STATUSES or not 0 <= counter <= _U32_MAX:
        raise LocalUsageError(f"cannot encode PONG: counter must be a u32 and status known, got status {status!r}")
    return _PONG_HEADER + _COUNTER.pack(counter) + bytes((status,))


def decode_ping(data: bytes) -> tuple[int, bytes, bytes]:
    """(counter, challenge, tag) of a whole PING frame; ParseError otherwise (same fields as frames.decode)."""
    if len(data) != PING_SIZE or data[:HEADER_SIZE] != _PING_HEADER:
        frames.decode(data)  # raises the precise ParseError
        raise ParseError("not a PING frame", field="type")
    _, _, _, _, counter, challenge, tag = _PING.unpack(data)
    return counter, challenge, tag


def decode_pong(data: bytes) -> tuple[int, int, bytes]:
    """(counter, status, tag) of a whole PONG frame; ParseError otherwise."""
    if len(data) != PONG_SIZE or data[:HEADER_SIZE] != _PONG_HEADER:
        frames.decode(data)
        raise ParseError("not a PONG frame", field="type")
    _, _, _, _, counter, status = _PONG_PREFIX.unpack_from(data)
    if status not in _STATUSES:
        raise ParseError(f"unknown status {status}", field="status")
    return counter, status, data[-TAG_SIZE:]
