"""Cut a TCP byte stream into KCP/1 frames.

The header is validated the moment its six bytes are in, so a peer cannot
make us buffer an oversized or bogus body (slowloris with a 64 KiB length).
"""

from __future__ import annotations

from collections import deque

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


class FrameQueue:
    """One peer's bytes, cut into frames one at a time on demand; every header checked as soon as it is in.

    For a daemon that serves one frame per turn: :meth:`push` costs a header
    check per frame (a repeated header, as in a run of PINGs, is compared, not
    decoded again), never a copy per frame; :meth:`pop` hands out the next
    frame. A bad header anywhere in what was pushed raises ParseError from
    :meth:`push`, as :meth:`FrameReader.feed` does for the same bytes, so the
    frames before it in that read are not served either.
    """

    __slots__ = ("_buf", "_lengths", "_scanned", "_last_header", "_last_size")

    def __init__(self) -> None:
        self._buf = bytearray()
        self._lengths: deque[int] = deque()  # sizes of the frames whose headers are in, in order
        self._scanned = 0  # bytes of _buf covered by those frames (the last one may be incomplete)
        self._last_header = b""
        self._last_size = 0

    def push(self, data: bytes) -> None:
        """Add bytes and check every header now complete; ParseError on a bad one (see :meth:`leftover`)."""
        self._buf += data
        buf = self._buf
        while self._scanned + HEADER_SIZE <= len(buf):
            header = bytes(buf[self._scanned : self._scanned + HEADER_SIZE])
            if header != self._last_header:
                _, length = check_header(header)
                self._last_header, self._last_size = header, HEADER_SIZE + length
            self._lengths.append(self._last_size)
            self._scanned += self._last_size

    def ready(self) -> bool:
        """True if a whole frame is waiting."""
        return bool(self._lengths) and len(self._buf) >= self._lengths[0]

    def pop(self) -> bytes | None:
        """The next whole frame, or None."""
        if not self.ready():
            return None
        size = self._lengths.popleft()
        frame = bytes(self._buf[:size])
        del self._buf[:size]
        self._scanned -= size
        return frame

    def leftover(self) -> bytes:
        """Every byte pushed and not popped (after a ParseError: the read's frames and the bad header), emptied."""
        out = bytes(self._buf)
        self._buf.clear()
        self._lengths.clear()
        self._scanned = 0
        return out

    @property
    def buffered(self) -> int:
        return len(self._buf)
