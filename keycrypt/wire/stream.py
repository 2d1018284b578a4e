"""Cut a TCP byte stream into KCP/1 frames.

The header is validated the moment its six bytes are in, so a peer cannot
make us buffer an oversized or bogus body (slowloris with a 64 KiB length).
"""

from __future__ import annotations

from keycrypt.constants import HEADER_SIZE
from keycrypt.errors import ParseError
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
            try:
                _, length = check_header(data[:HEADER_SIZE])
            except ParseError:
                self._buf += data  # kept for leftover()
                raise
            if len(data) == HEADER_SIZE + length:
                return [bytes(data)]
        self._buf += data
        frames: list[bytes] = []
        while (frame := self.pop()) is not None:
            frames.append(frame)
        return frames

    def push(self, data: bytes) -> None:
        """Add bytes without cutting them: :meth:`pop` takes the frames one at a time."""
        self._buf += data

    def pop(self) -> bytes | None:
        """The next complete frame, or None; ParseError on a bad header (see :meth:`leftover`)."""
        if self._need is None:
            if len(self._buf) < HEADER_SIZE:
                return None
            _, length = check_header(bytes(self._buf[:HEADER_SIZE]))
            self._need = HEADER_SIZE + length
        if len(self._buf) < self._need:
            return None
        frame = bytes(self._buf[: self._need])
        del self._buf[: self._need]
        self._need = None
        return frame

    def ready(self) -> bool:
        """True if :meth:`pop` would return a frame or raise (a bad header), without taking anything."""
        if self._need is None:
            if len(self._buf) < HEADER_SIZE:
                return False
            try:
                _, length = check_header(bytes(self._buf[:HEADER_SIZE]))
            except ParseError:
                return True
            self._need = HEADER_SIZE + length
        return len(self._buf) >= self._need

    def leftover(self) -> bytes:
        """Every byte fed and not returned as a frame (after a ParseError: from the bad header on), emptied."""
        out = bytes(self._buf)
        self._buf.clear()
        self._need = None
        return out

    @property
    def buffered(self) -> int:
        """Bytes held that are not yet a whole frame (non-zero at EOF means a truncated frame)."""
        return len(self._buf)
