"""One client connection of the keypad: an asyncio Protocol driving one KeypadSession.

It carries out the session's actions (``Send`` -> ``transport.write``; ``Close``
-> ``transport.abort()``, no answer; ``SetTimer`` -> ``loop.call_at``) and asks
its :class:`ConnectionHost` (the daemon) only for what the keypad as a whole
decides: whether to admit the connection, and the device's wire status.
Sessions run on the loop's monotonic clock.

Fairness: a session is fed at most one frame per event-loop turn. A read's
headers are all checked when it arrives (a bad one closes the session before
any frame of that read is answered, as the machine does), its frames are cut
one at a time, each judged by the read's arrival time, the next one served on
the next turn through ``call_soon``, and reading is paused while a whole frame
waits: a session that pipelines thousands of PINGs in one read gets one answer
per turn like every other session, costs no more per turn, and cannot make the
keypad buffer more than one read.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import struct
from typing import Any, Protocol, cast

from keycrypt.daemon import kv
from keycrypt.errors import ParseError, Reason
from keycrypt.machines.actions import Action, CancelTimer, Close, Rekeyed, Send, SessionOpened, SetTimer
from keycrypt.machines.keypad import KeypadSession
from keycrypt.wire.stream import FrameQueue

log = logging.getLogger("keycrypt.keypad")

# struct tcp_info (linux/tcp.h): 8 one-byte fields, 9 u32, then the times; tcpi_last_data_recv is at 52.
_TCP_INFO: int | None = getattr(socket, "TCP_INFO", None)
_TCP_INFO_LEN = 104
_LAST_DATA_RECV = struct.Struct("=I")
_LAST_DATA_RECV_AT = 52
_ARRIVAL_SLACK = 0.020


SESSION_LOG_BURST = 20
"""session_closed lines logged at INFO per second at most; more go to DEBUG and are counted."""
_close_window = [0.0, 0, 0]  # [window start, logged in it, suppressed in it]


def _close_log_allowed(now: float) -> bool:
    """Rate limit for session_closed at INFO; says how many were held back when a new second starts."""
    if now - _close_window[0] >= 1.0:
        if _close_window[2]:
            log.info("%s", kv(event="session_closed_suppressed", count=_close_window[2], note="logged at debug"))
        _close_window[:] = [now, 0, 0]
    if _close_window[1] < SESSION_LOG_BURST:
        _close_window[1] += 1
        return True
    _close_window[2] += 1
    return False


class ConnectionHost(Protocol):
    """What a connection needs from the keypad it belongs to."""

    @property
    def wire_status(self) -> int | None:
        """The status sessions are answered with now; None: nobody is answered (refused state)."""

    def admit(self, conn: KeypadConnection) -> KeypadSession | None:
        """A session for a new connection, or None to refuse it (the host counts and logs that)."""

    def session_opened(self, conn: KeypadConnection) -> None:
        """The connection's HELLO was accepted: it no longer counts as half-open."""

    def forget(self, conn: KeypadConnection) -> None:
        """The connection is gone (idempotent)."""

    def heard(self, conn: KeypadConnection) -> None:
        """A half-open connection sent bytes: it is evicted after the quiet ones."""

    def unconfirmed_closed(self, kind: str) -> None:
        """A peer that never confirmed its keys was closed: counted, logged as a rate-limited count."""


class KeypadConnection(asyncio.Protocol):
    """Drives one KeypadSession from one TCP connection (one frame per loop turn, see the module)."""

    __slots__ = (
        "host", "transport", "session", "peer", "source", "since", "last_seen", "epoch", "evicted", "announced",
        "pending", "_opened", "_timer", "_timer_at", "_deadline", "_looked", "_loop", "_reader", "_arrived", "_serving", "_paused", "psk",
    )

    def __init__(self, host: ConnectionHost, source: str = "?", peer: str = "?") -> None:
        self.host = host
        self.transport: asyncio.Transport | None = None
        self.session: KeypadSession | None = None
        self.peer = peer
        self.source = source
        self._loop = asyncio.get_running_loop()
        self.since = self.last_seen = self._loop.time()
        self.epoch = 0
        self.evicted = False  # pushed out of the half-open slots by a newer connection
        self.announced = False  # session_opened logged (after key confirmation)
        self._opened: SessionOpened | None = None  # the HELLO's details, logged once the keys are confirmed
        self.pending: tuple[socket.socket, asyncio.Task[None]] | None = None  # accepted, transport not made yet
        self.psk: bool | None = None  # the HELLO used a psk (None: no HELLO accepted yet)
        self._timer: asyncio.Handle | None = None
        self._timer_at = 0.0
        self._deadline: float | None = None  # the machine's timer; _timer may fire earlier and re-arm
        self._looked = False  # the timer found the deadline passed and gave the socket one last look
        self._reader = FrameQueue()  # bytes read and not yet served
        self._arrived = 0.0  # arrival time of the last read (all its frames are judged by it)
        self._serving = False  # a _serve_next is scheduled
        self._paused = False  # reading paused while frames wait

    # asyncio callbacks ----------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # A stream transport from loop.connect_accepted_socket: asyncio's, or another loop's
        # (uvloop's TCPTransport does not derive from asyncio.Transport but has write/abort/
        # get_extra_info/pause_reading, all this class uses). Nothing is decided on the type.
        transport = cast(asyncio.Transport, transport)
        self.transport = transport
        self.pending = None
        peer = transport.get_extra_info("peername")
        if isinstance(peer, tuple):
            self.peer = f"{peer[0]}:{peer[1]}"
        # An evicted connection that was not made yet ends here; admit() refuses only when a state
        # change raced the listener's pause (sealed, breached: the listener stops accepting first).
        session = None if self.evicted else self.host.admit(self)
        if session is None:
            transport.abort()
            self._forget()
            return
        sock = transport.get_extra_info("socket")
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.session = session
        now = self._loop.time()
        self.since = self.last_seen = now
        self._apply(self.session.start(now))

    def data_received(self, data: bytes) -> None:
        s = self.session
        if s is None or s.terminal:
            return
        now = self._loop.time()
        if self._deadline is not None and now >= self._deadline:
            # Read after the deadline: the loop may have been busy (a burst of HELLOs) while these
            # bytes waited in the socket. The machine judges input by the time it arrived.
            now = self._arrival(now)
        self.last_seen = self._arrived = now
        if s.client_id is None:
            self.host.heard(self)
        try:
            self._reader.push(data)  # headers checked now; frames cut one at a time, one per turn
        except ParseError:
            # A bad header in this read: the machine gets the read whole and closes, so no frame of
            # it is answered (as the machine does when it is fed the read itself).
            self._serving = False
            self._serve(self._reader.leftover(), now)
            return
        if not self._serving:
            self._serve_next()  # the usual case: one frame per read, answered at once

    def _serve_next(self) -> None:
        """One frame, and the next one on the next loop turn: every session gets its turn.

        Reading is paused while a whole frame waits, so the keypad never holds
        more than one read of a session, however fast it pipelines.
        """
        self._serving = False
        s = self.session
        if s is None or s.terminal:
            return
        raw = self._reader.pop()
        if raw is not None:
            self._serve(raw, self._arrived)
        s = self.session  # serving may have ended it
        if s is None or s.terminal:
            return
        if self._reader.ready():  # another whole frame: its turn comes next
            self._serving = True
            self._loop.call_soon(self._serve_next)
            if not self._paused and self.transport is not None:
                self._paused = True
                self.transport.pause_reading()
        elif self._paused and self.transport is not None:
            self._paused = False
            self.transport.resume_reading()

    def _serve(self, raw: bytes, arrived: float) -> None:
        s = self.session
        assert s is not None
        status = self.host.wire_status
        if status is None:  # refused state: nobody is answered (DropAll normally got here first)
            self._apply(s.drop(Reason.BREACH, self._loop.time()))
            return
        self._apply(s.receive_data(raw, arrived, status))
        if not self.announced and self._opened is not None and self.proven:
            # Only now: a HELLO proves nothing (anyone may claim an id, or replay one); the first
            # verified PING shows the client holds the session keys (and its psk).
            self.announced = True
            o = self._opened
            log.info("%s", kv(event="session_opened", client_id=o.client_id, peer=self.peer, psk=o.psk, rekey_log2=o.rekey_log2))

    def _arrival(self, now: float) -> float:
        """A time no earlier than the arrival of every byte just read, or ``now`` if unknown.

        Linux's TCP_INFO says how long ago the last data segment reached the socket
        (``tcpi_last_data_recv``, in ms, counted in jiffies). The bound is taken after
        the query and pushed 20 ms later (more than one jiffy at HZ >= 100 plus the
        rounding), so any doubt falls on the side of the deadline (fail closed).
        """
        sock = self.transport.get_extra_info("socket") if self.transport is not None else None
        if sock is None or _TCP_INFO is None:
            return now
        try:
            info = sock.getsockopt(socket.IPPROTO_TCP, _TCP_INFO, _TCP_INFO_LEN)
            (ago_ms,) = _LAST_DATA_RECV.unpack_from(info, _LAST_DATA_RECV_AT)
        except (OSError, struct.error, ValueError):
            return now
        return min(now, self._loop.time() - int(ago_ms) / 1000.0 + _ARRIVAL_SLACK)

    def eof_received(self) -> bool:
        if self.session is not None and not self.session.terminal:
            self._apply(self.session.eof(self._loop.time()))
        return False

    def connection_lost(self, exc: Exception | None) -> None:
        if self.session is not None and not self.session.terminal:
            self._apply(self.session.eof(self._loop.time()))
        self._forget()

    # machine actions -------------------------------------------------------------

    def drop(self, reason: Reason) -> None:
        if self.session is not None and not self.session.terminal:
            self._apply(self.session.drop(reason, self._loop.time()))

    def _arm(self, at: float) -> None:
        """The timer handle, due at ``at`` (kept here: uvloop's handle for a time already past has no when())."""
        self._timer = self._loop.call_at(at, self._on_timer)
        self._timer_at = at

    def _on_timer(self) -> None:
        self._timer = None
        if self.session is not None and not self.session.terminal and self._deadline is not None:
            now = self._loop.time()
            if self._serving:  # frames that arrived before now wait for their turn: judge them first
                self._arm(now)
                return
            if now < self._deadline:  # pushed back by a PING since this handle was armed
                self._arm(self._deadline)
                return
            if not self._looked:
                # One more loop iteration before deciding: a handle that ran late (the loop was
                # busy) may have bytes waiting behind it that arrived before the deadline. A timer
                # due now runs after the next select()'s reads, which data_received judges by their
                # arrival; if nothing came in time, this handle closes the session then.
                self._looked = True
                self._arm(now)
                return
            self._deadline = None
            self._apply(self.session.timer(now))

    def _apply(self, actions: list[Action]) -> None:
        t = self.transport
        for a in actions:
            if isinstance(a, Send):
                if t is not None:
                    t.write(a.data)
            elif isinstance(a, SetTimer):
                # Every PING pushes the idle timeout back; moving a handle in the loop's heap each
                # time cost more than verifying the PING. A later deadline only updates _deadline
                # and the armed handle re-arms itself when it fires early (_on_timer).
                self._deadline = a.at
                self._looked = False
                if self._timer is None or self._timer_at > a.at:
                    if self._timer is not None:
                        self._timer.cancel()
                    self._arm(a.at)
            elif isinstance(a, CancelTimer):
                self._deadline = None
                if self._timer is not None:
                    self._timer.cancel()
                    self._timer = None
            elif isinstance(a, SessionOpened):
                self.host.session_opened(self)
                self._opened = a
                self.psk = a.psk
                log.debug(
                    "%s",
                    kv(event="hello_accepted", client_id=a.client_id, peer=self.peer, psk=a.psk, rekey_log2=a.rekey_log2),
                )
            elif isinstance(a, Rekeyed):
                self.epoch = a.epoch
                log.debug("%s", kv(event="rekeyed", client_id=self.session and self.session.client_id, epoch=a.epoch))
            elif isinstance(a, Close):
                # What an unconfirmed peer caused (its id, its error detail) is logged at DEBUG only;
                # above DEBUG it is a count, at most one line per interval. A confirmed client that
                # goes away is news for the operator (INFO), but a flood of closes must not flood the
                # log: beyond SESSION_LOG_BURST a second, the rest go to DEBUG and are counted.
                confirmed = self.announced
                level = logging.DEBUG if not confirmed or a.reason in (Reason.BREACH, Reason.STOPPED) else logging.INFO
                if level == logging.INFO and not _close_log_allowed(self._loop.time()):
                    level = logging.DEBUG
                if log.isEnabledFor(level):  # a flood closes thousands: do not format what is not logged
                    log.log(
                        level,
                        "%s",
                        kv(
                            event="session_closed",
                            client_id=self.session.client_id if self.session else None,
                            peer=self.peer,
                            reason=a.reason.value,
                            detail=a.detail,
                        ),
                    )
                if not confirmed and a.reason not in (Reason.EOF, Reason.BREACH, Reason.STOPPED):
                    self.host.unconfirmed_closed(a.reason.value)
                if t is not None:
                    t.abort()
                self._forget()

    def _forget(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self.host.forget(self)
        self.transport = None

    def evict(self) -> None:
        """A newer connection needs this half-open slot: close without a word (no HELLO came)."""
        self.evicted = True
        self.host.unconfirmed_closed("evicted")
        if self.pending is not None:
            sock, task = self.pending  # its attach has not started: never build the transport
            self.pending = None
            task.cancel()
            sock.close()
        if self.session is not None and not self.session.terminal:
            self._apply(self.session.drop(Reason.STOPPED, self._loop.time()))
        if self.transport is not None:
            self.transport.abort()
        self._forget()

    def roster_entry(self, now_mono: float, now_wall: float) -> dict[str, Any]:
        s = self.session
        return {
            "client_id": s.client_id if s else None,
            "psk": self.psk,
            "peer": self.peer,
            "state": s.state if s else "?",
            "connected_since": round(now_wall - (now_mono - self.since), 3),
            "last_seen_ago": round(now_mono - self.last_seen, 3),
            "epoch": self.epoch,
        }

    @property
    def proven(self) -> bool:
        """The client has shown its keys: a PING verified (or a rekey done), the session still open.

        A HELLO alone proves nothing (anyone may claim an enrolled id); the first
        verified PING proves the shared secret, and the psk when one is enrolled.
        """
        s = self.session
        return s is not None and not s.terminal and s.client_id is not None and (s.expected > 0 or self.epoch > 0)

