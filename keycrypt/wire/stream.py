"""Cut a TCP byte stream into KCP/1 frames.

The header is validated the moment its six bytes are in, so a peer cannot
make us buffer an oversized or bogus body (slowloris with a 64 KiB length).
"""

from __future__ import annotations

from keycrypt.constants import HEADER_SIZE
from keycrypt.wire.frames import check_header


class FrameReader:
    """Accumulates bytes and yields complete raw frames, in order."""

    __slots__ = ("_buf", "_need")

    def __init__(self) -> None:
        self._buf = bytearray()
        self._need: int | None = None  # total size of the frame being read, once its header is known

    def feed(self, data: bytes) -> list[bytes]:
        """Add bytes; return every complete frame. Raises ParseError on a bad header."""
        if not self._buf and len(data) >= HEADER_SIZE:
            # The common case (one whole frame per read) without copying through the buffer.
            _, length = check_header(data[:HEADER_SIZE])
            if len(data) == HEADER_SIZE + length:
                return [bytes(data)]
        self._buf += data
        frames: list[bytes] = []
        while True:
            if self._need is None:
                if len(self._buf) < HEADER_SIZE:
                    return frames
                _, length = check_header(bytes(self._buf[:HEADER_SIZE]))
                self._need = HEADER_SIZE + length
            if len(self._buf) < self._need:
                return frames
            frames.append(bytes(self._buf[: self._need]))
            del self._buf[: self._need]
            self._need = None

    @property
    def buffered(self) -> int:
        """Bytes held that are not yet a whole frame (non-zero at EOF means a truncated frame)."""
        return len(self._buf)
