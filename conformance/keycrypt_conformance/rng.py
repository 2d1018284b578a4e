"""Labeled deterministic randomness: every random value of every vector comes from here.

``derive(label, n)`` is SHAKE-256(MASTER || 0x00 || label) truncated to n
bytes, so each value has a name, and adding a new vector never shifts the
bytes of an existing one (unlike one shared stream).
"""

from __future__ import annotations

import hashlib
from typing import Callable

MASTER = b"KeyCrypt KCP/1 test vectors, master seed 1"


def derive(label: str, n: int) -> bytes:
    """n bytes named by ``label``."""
    return hashlib.shake_256(MASTER + b"\x00" + label.encode("utf-8")).digest(n)


class RecordingRandom:
    """A ``random(n)`` callable reading one labeled stream in order, remembering what it handed out.

    The vectors publish exactly the consumed bytes, so a shim replays them
    as its random source without knowing our labels.
    """

    def __init__(self, label: str, size: int = 1 << 16) -> None:
        self._buf = derive(label, size)
        self._pos = 0

    def __call__(self, n: int) -> bytes:
        if self._pos + n > len(self._buf):
            raise RuntimeError("RecordingRandom exhausted; raise its size")
        out = self._buf[self._pos : self._pos + n]
        self._pos += n
        return out

    @property
    def consumed(self) -> bytes:
        return self._buf[: self._pos]


class ReplayRandom:
    """A ``random(n)`` callable over given bytes (what a shim receives); fails closed when exhausted."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pos = 0

    def __call__(self, n: int) -> bytes:
        if self._pos + n > len(self._data):
            raise ReplayExhausted(f"the case's random bytes are exhausted ({len(self._data)} given)")
        out = self._data[self._pos : self._pos + n]
        self._pos += n
        return out


class ReplayExhausted(Exception):
    """The implementation drew more randomness than the vector's transcript did."""


def xof_random(seed: bytes, size: int) -> Callable[[int], bytes]:
    """The accumulated vector's random source: SHAKE-256(seed) read in order."""
    return ReplayRandom(hashlib.shake_256(seed).digest(size))
