"""Where two byte strings first differ, and which KCP/1 frame field holds that byte.

The runner must tell a porter *where* a frame went wrong: two hex strings cut
at 120 characters often look equal. The frame layout below is the byte layout
of spec/protocol.md §3 (the conformance package needs no runtime); a test
(tests/test_conformance_shim.py) checks it against the construct definitions in
``keycrypt/wire/frames.py`` so that the two cannot drift apart.
"""

from __future__ import annotations

HEADER: tuple[tuple[str, int], ...] = (("magic", 2), ("version", 1), ("type", 1), ("length", 2))
"""The 6-byte header: (field, size)."""

HEADER_SIZE = sum(n for _, n in HEADER)

BODIES: dict[int, tuple[str, tuple[tuple[str, int], ...]]] = {
    1: ("HELLO", (("flags", 1), ("rekey_log2", 1), ("client_id", -1), ("ct", 1088), ("challenge", 32),
                  ("salt", 16))),
    2: ("HELLO_ACK", (("status", 1), ("nonce", 32), ("tag", 32))),
    3: ("PING", (("counter", 4), ("challenge", 32), ("tag", 32))),
    4: ("PONG", (("counter", 4), ("status", 1), ("tag", 32))),
    5: ("REKEY", (("salt", 16), ("tag", 32))),
    6: ("REKEY_ACK", (("tag", 32),)),
}
"""Frame type -> (name, body fields); size -1 is a u8 length prefix followed by that many bytes."""


def frame_spans(data: bytes) -> list[tuple[int, int, str]]:
    """(start, end, 'FRAME.field') for every field of the frames laid end to end in ``data``.

    Stops silently where the bytes stop looking like KCP/1 frames (wrong magic,
    unknown type, a body that runs past the end): what is left is unnamed.
    """
    spans: list[tuple[int, int, str]] = []
    pos = 0
    while pos + HEADER_SIZE <= len(data) and data[pos:pos + 2] == b"KC":
        ftype, length = data[pos + 3], int.from_bytes(data[pos + 4:pos + 6], "big")
        if ftype not in BODIES:
            return spans
        name, body = BODIES[ftype]
        off = pos
        for field, size in HEADER:
            spans.append((off, off + size, f"{name}.{field}"))
            off += size
        end = pos + HEADER_SIZE + length
        for field, size in body:
            if off >= min(end, len(data)):
                break
            if size == -1:
                spans.append((off, off + 1, f"{name}.{field}.length"))
                size, off = data[off], off + 1
            spans.append((off, min(off + size, end), f"{name}.{field}"))
            off += size
        if end > len(data):
            return spans
        pos = end
    return spans


def field_at(data: bytes, offset: int) -> str | None:
    """'PING.challenge byte 5 of 32 (frame 2)' for the byte at ``offset``, or None."""
    frame_no = 0
    for start, end, name in frame_spans(data):
        if name.endswith(".magic"):
            frame_no += 1
        if start <= offset < end:
            where = f"{name} byte {offset - start} of {end - start}"
            return where + (f" (frame {frame_no})" if frame_no > 1 else "")
    return None


def first_difference(want: bytes, got: bytes) -> int | None:
    """The first offset where the two differ (the shorter one's length if one is a prefix), or None."""
    for i, (a, b) in enumerate(zip(want, got, strict=False)):
        if a != b:
            return i
    return None if len(want) == len(got) else min(len(want), len(got))


def _window(data: bytes, offset: int, radius: int = 6) -> str:
    lo, hi = max(0, offset - radius), min(len(data), offset + radius + 1)
    mid = f"[{data[offset]:02x}]" if offset < len(data) else "[]"
    return ("…" if lo else "") + data[lo:offset].hex() + mid + data[offset + 1:hi].hex() + ("…" if hi < len(data) else "")


def describe(want: bytes, got: bytes) -> str:
    """A one-line account of how ``got`` differs from ``want`` (both byte strings that differ)."""
    off = first_difference(want, got)
    assert off is not None, "describe() needs two different byte strings"
    field = field_at(want, off) or field_at(got, off)
    lengths = f"{len(want)} bytes expected, {len(got)} got"
    head = f"bytes differ at offset {off}" + (f", in {field}" if field else "")
    return f"{head}: expected {_window(want, off)}, got {_window(got, off)} ({lengths})"
