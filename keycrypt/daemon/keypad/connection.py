"""One client connection of the keypad: an asyncio Protocol driving one KeypadSession.

It carries out the session's actions (``Send`` -> ``transport.write``; ``Close``
-> ``transport.abort()``, no answer; ``SetTimer`` -> ``loop.call_at``) and asks
its :class:`ConnectionHost` (the daemon) only for what the keypad as a whole
decides: whether to admit the connection, and the device's wire status.
Sessions run on the loop's monotonic clock.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import struct
from typing import Any, Protocol, cast

from keycrypt.daemon import kv
from keycrypt.errors import Reason
from keycrypt.machines.actions import Action, CancelTimer, Close, Rekeyed, Send, SessionOpened, SetTimer
from keycrypt.machines.keypad import KeypadSession

log = logging.getLogger("keycrypt.keypad")

# struct tcp_info (linux/tcp.h): 8 one-byte fields, 9 u32, then the times; tcpi_last_data_recv is at 52.
_TCP_INFO: int | None = getattr(socket, "TCP_INFO", None)
_TCP_INFO_LEN = 104
_LAST_DATA_RECV = struct.Struct("=I")
_LAST_DATA_RECV_AT = 52
_ARRIVAL_SLACK = 0.020


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


class KeypadConnection(asyncio.Protocol):
    """Drives one KeypadSession from one TCP connection."""

    __slots__ = (
        "host", "transport", "session", "peer", "since", "last_seen", "epoch", "_timer", "_deadline", "_looked", "_loop"
    )

    def __init__(self, host: ConnectionHost) -> None:
        self.host = host
        self.transport: asyncio.Transport | None = None
        self.session: KeypadSession | None = None
        self.peer = "?"
        self.since = 0.0
        self.last_seen = 0.0
        self.epoch = 0
        self._timer: asyncio.TimerHandle | None = None
        self._deadline: float | None = None  # the machine's timer; _timer may fire earlier and re-arm
        self._looked = False  # the timer found the deadline passed and gave the socket one last look
        self._loop = asyncio.get_running_loop()

    # asyncio callbacks ----------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # A stream transport from loop.create_server: asyncio's, or another loop's (uvloop's
        # TCPTransport does not derive from asyncio.Transport but has write/abort/get_extra_info,
        # all this class uses). Nothing is decided on the type, so a cast, not an assert.
        transport = cast(asyncio.Transport, transport)
        self.transport = transport
        peer = transport.get_extra_info("peername")
        self.peer = f"{peer[0]}:{peer[1]}" if isinstance(peer, tuple) else str(peer)
        session = self.host.admit(self)
        if session is None:
            transport.abort()
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
        status = self.host.wire_status
        now = self._loop.time()
        if status is None:  # refused state: nobody is answered (DropAll normally got here first)
            self._apply(s.drop(Reason.BREACH, now))
            return
        if self._deadline is not None and now >= self._deadline:
            # Read after the deadline: the loop may have been busy (a burst of HELLOs) while these
            # bytes waited in the socket. The machine judges input by the time it arrived.
            now = self._arrival(now)
        self.last_seen = now
        self._apply(s.receive_data(data, now, status))

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

    def _on_timer(self) -> None:
        self._timer = None
        if self.session is not None and not self.session.terminal and self._deadline is not None:
            now = self._loop.time()
            if now < self._deadline:  # pushed back by a PING since this handle was armed
                self._timer = self._loop.call_at(self._deadline, self._on_timer)
                return
            if not self._looked:
                # One more loop iteration before deciding: a handle that ran late (the loop was
                # busy) may have bytes waiting behind it that arrived before the deadline. A timer
                # due now runs after the next select()'s reads, which data_received judges by their
                # arrival; if nothing came in time, this handle closes the session then.
                self._looked = True
                self._timer = self._loop.call_at(now, self._on_timer)
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
                if self._timer is None or self._timer.when() > a.at:
                    if self._timer is not None:
                        self._timer.cancel()
                    self._timer = self._loop.call_at(a.at, self._on_timer)
            elif isinstance(a, CancelTimer):
                self._deadline = None
                if self._timer is not None:
                    self._timer.cancel()
                    self._timer = None
            elif isinstance(a, SessionOpened):
                self.host.session_opened(self)
                log.info(
                    "%s",
                    kv(event="session_opened", client_id=a.client_id, peer=self.peer, psk=a.psk, rekey_log2=a.rekey_log2),
                )
            elif isinstance(a, Rekeyed):
                self.epoch = a.epoch
                log.debug("%s", kv(event="rekeyed", client_id=self.session and self.session.client_id, epoch=a.epoch))
            elif isinstance(a, Close):
                level = logging.DEBUG if a.reason in (Reason.EOF, Reason.BREACH, Reason.STOPPED) else logging.INFO
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
                if t is not None:
                    t.abort()
                self._forget()

    def _forget(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self.host.forget(self)
        self.transport = None

    def roster_entry(self, now_mono: float, now_wall: float) -> dict[str, Any]:
        s = self.session
        return {
            "client_id": s.client_id if s else None,
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

