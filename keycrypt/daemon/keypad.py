"""The keypad daemon: one asyncio Protocol per client connection, one KeypadDevice.

Every decision is the machines': a :class:`KeypadSession` per connection
(frames in, PONGs out) and one :class:`KeypadDevice` (PIN, sensor, window,
duress). This module only carries out their actions:

* ``Send`` -> ``transport.write``; ``Close`` -> ``transport.abort()`` (no answer,
  no FIN handshake to wait for); ``SetTimer`` -> ``loop.call_at``;
* ``DropAll`` -> every session dropped and every transport aborted in the same
  loop iteration; ``AcceptClients(False)`` -> new connections are closed the
  moment they are accepted, until the PIN re-arms the device;
* ``PinStateChanged`` -> the wrong-PIN counter is persisted (atomic write), so
  restarting the daemon does not reset the backoff.

Sessions run on the loop's monotonic clock; the device runs on wall-clock
time because its backoff deadline is persisted across restarts.

PIN checks (Argon2id, about 0.1 s) run in a worker thread so heartbeats are
never delayed by someone typing a PIN; they are serialised so that parallel
guesses cannot slip past the backoff.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import signal
import socket
import struct
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Literal, cast

from keycrypt.constants import (
    DEFAULT_PORT,
    HELLO_TIMEOUT,
    KEYPAD_IDLE_TIMEOUT,
    PSK_SIZE,
    Status,
)
from keycrypt.crypto.kem import KemPrivateKey, get_backend
from keycrypt.daemon import kv
from keycrypt.daemon.control import ControlError, ControlServer
from keycrypt.daemon.halfopen import HalfOpen
from keycrypt.daemon.listener import Listener
from keycrypt.daemon.logline import RateLimitedCounts
from keycrypt.daemon.sdnotify import Notifier, watchdog_interval
from keycrypt.errors import ConfigError, KeyCryptError, KeystoreError, ParseError, PinError, Reason, WrongPin
from keycrypt.machines.actions import (
    AcceptClients,
    Action,
    Alarm,
    AttemptRejected,
    CancelTimer,
    Close,
    Display,
    DropAll,
    Logged,
    PinStateChanged,
    RecheckSensor,
    Rekeyed,
    Send,
    SessionOpened,
    SetTimer,
    StatusChanged,
    Unseal,
    WindowClosed,
    WindowOpened,
)
from keycrypt.machines.device import DeviceConfig, KeypadDevice
from keycrypt.machines.keypad import ClientPolicy, KeypadSession
from keycrypt.wire.stream import FrameQueue

log = logging.getLogger("keycrypt.keypad")

# struct tcp_info (linux/tcp.h): 8 one-byte fields, 9 u32, then the times; tcpi_last_data_recv is at 52.
_TCP_INFO: int | None = getattr(socket, "TCP_INFO", None)
_TCP_INFO_LEN = 104
_LAST_DATA_RECV = struct.Struct("=I")
_LAST_DATA_RECV_AT = 52
_ARRIVAL_SLACK = 0.020

PIN_STATE_FILE = "pin_state.json"
PinResult = Literal["ok", "wrong", "duress"]


class PinRejected(KeyCryptError):
    """A PIN entry did not do what was asked; ``code`` is the control-socket error code."""

    def __init__(self, message: str, code: str, locked_until: float = 0.0) -> None:
        super().__init__(message)
        self.code = code
        self.locked_until = locked_until


@dataclass
class KeypadSettings:
    """Everything the daemon needs, from a config file (:meth:`from_config`) or built directly."""

    keystore: Path
    host: str = "0.0.0.0"
    port: int = DEFAULT_PORT
    state_dir: Path | None = None
    control_socket: Path | None = None
    unseal: str = "terminal"
    max_clients: int = 1024
    max_half_open: int = 64
    max_half_open_per_source: int = 8
    hello_timeout: float = HELLO_TIMEOUT
    idle_timeout: float = KEYPAD_IDLE_TIMEOUT
    device: DeviceConfig = field(default_factory=DeviceConfig)
    duress_verifier: str | None = None
    psks: dict[str, bytes] = field(default_factory=dict)
    require_enrolled: bool = False
    sensor: dict[str, Any] = field(default_factory=dict)
    pinpad: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_config(cls, v: Any) -> KeypadSettings:
        """Build from validated config values; psk files are read here (ConfigError naming the key)."""
        from keycrypt.config import read_psk_file

        # The hardware tables are checked now (building a device opens nothing), not after the PIN.
        if v.sensor:
            _make_hw("make_sensor", dict(v.sensor), "keypad.sensor")
        if v.pinpad:
            _make_hw("make_pinpad", dict(v.pinpad), "keypad.pinpad")
        psks: dict[str, bytes] = {}
        for cid, spec in v.clients.enrolled.items():
            if isinstance(spec, bytes):
                psks[cid] = spec
            else:
                try:
                    psks[cid] = read_psk_file(spec)
                except ConfigError as exc:
                    raise ConfigError(str(exc), key=f"keypad.clients.enrolled.{cid}") from None
        return cls(
            keystore=v.keystore,
            host=v.listen.host,
            port=v.listen.port,
            state_dir=v.state_dir,
            control_socket=v.control_socket,
            unseal=v.unseal,
            max_clients=v.limits.max_clients,
            max_half_open=v.limits.max_half_open,
            max_half_open_per_source=v.limits.max_half_open_per_source,
            hello_timeout=v.limits.hello_timeout,
            idle_timeout=v.limits.idle_timeout,
            device=DeviceConfig(
                window_default=v.maintenance.window_default,
                window_max=v.maintenance.window_max,
                backoff_free_attempts=v.pin.backoff_free_attempts,
                backoff_base=v.pin.backoff_base,
                backoff_max=v.pin.backoff_max,
            ),
            duress_verifier=v.pin.duress_verifier,
            psks=psks,
            require_enrolled=v.clients.require_enrolled,
            sensor=dict(v.sensor),
            pinpad=dict(v.pinpad),
        )


# --------------------------------------------------------------------------- PIN state persistence


def load_pin_state(state_dir: Path | None) -> tuple[int, float]:
    """(failures, locked_until) from the state dir; a damaged file is an error, never a reset."""
    if state_dir is None:
        return 0, 0.0
    path = state_dir / PIN_STATE_FILE
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return 0, 0.0
    except OSError as exc:
        raise KeystoreError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        data = json.loads(raw)
        failures, locked_until = int(data["failures"]), float(data["locked_until"])
        if failures < 0 or locked_until < 0:
            raise ValueError
    except (ValueError, KeyError, TypeError):
        # Fail closed: a counter we cannot read must not silently become zero.
        raise KeystoreError(f"{path} is damaged; check it, then delete it to reset the wrong-PIN counter") from None
    return failures, locked_until


def save_pin_state(state_dir: Path | None, failures: int, locked_until: float) -> None:
    if state_dir is None:
        return
    from keycrypt.fsutil import atomic_write_bytes

    data = json.dumps({"failures": failures, "locked_until": locked_until}).encode()
    atomic_write_bytes(state_dir / PIN_STATE_FILE, data, mode=0o600)


def prepare_state_dir(state_dir: Path | None) -> None:
    if state_dir is None:
        return
    try:
        state_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"cannot create state dir {state_dir}: {exc.strerror or exc}", key="keypad.state_dir") from None


# --------------------------------------------------------------------------- one connection


class KeypadConnection(asyncio.Protocol):
    """Drives one KeypadSession from one TCP connection.

    Fairness: the session is fed at most one frame per event-loop turn. A
    read's bytes are kept whole and cut into frames one at a time (each judged
    by the read's arrival time), the next one served on the next turn through
    ``call_soon``, and reading is paused while a whole frame waits: a session
    that pipelines thousands of PINGs in one read gets one answer per turn like
    every other session, costs no more per turn, and cannot make the keypad
    buffer more than one read.
    """

    __slots__ = (
        "daemon", "transport", "session", "peer", "source", "since", "last_seen", "epoch", "evicted", "announced",
        "pending", "_opened", "_timer", "_timer_at", "_deadline", "_looked", "_loop", "_reader", "_arrived", "_serving", "_paused",
    )

    def __init__(self, daemon: KeypadDaemon, source: str = "?", peer: str = "?") -> None:
        self.daemon = daemon
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
        d = self.daemon
        refuse = "evicted" if self.evicted else d.refusal(capacity=False)
        if refuse:
            # Only a race: the listener stops accepting before the keypad refuses (sealed,
            # breached, full), and an evicted connection that was not yet made ends here.
            if not self.evicted:
                d.stats["refused"] += 1
            log.debug("%s", kv(event="connection_refused", peer=self.peer, why=refuse))
            transport.abort()
            self._forget()
            return
        sock = transport.get_extra_info("socket")
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        assert d.key is not None
        self.session = KeypadSession(
            d.key, policy=d.policy, idle_timeout=d.settings.idle_timeout, hello_timeout=d.settings.hello_timeout
        )
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
            self.daemon.halfopen.heard(self)
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
        if s.terminal:
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
        status = self.daemon.device.status
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
        return min(now, self._loop.time() - ago_ms / 1000.0 + _ARRIVAL_SLACK)

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
                self.daemon.halfopen.remove(self)
                self._opened = a
                log.debug(
                    "%s",
                    kv(event="hello_accepted", client_id=a.client_id, peer=self.peer, psk=a.psk, rekey_log2=a.rekey_log2),
                )
            elif isinstance(a, Rekeyed):
                self.epoch = a.epoch
                log.debug("%s", kv(event="rekeyed", client_id=self.session and self.session.client_id, epoch=a.epoch))
            elif isinstance(a, Close):
                # What an unconfirmed peer caused (its id, its error detail) is logged at DEBUG only;
                # above DEBUG it is a count, at most one line per interval.
                confirmed = self.announced
                level = logging.DEBUG if not confirmed or a.reason in (Reason.EOF, Reason.BREACH, Reason.STOPPED) else logging.INFO
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
                    self.daemon.unconfirmed.add(a.reason.value)
                if t is not None:
                    t.abort()
                self._forget()

    def _forget(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        d = self.daemon
        d.halfopen.remove(self)
        if self in d.connections:
            d.connections.discard(self)
            d.update_listening()
        self.transport = None

    def evict(self) -> None:
        """A newer connection needs this half-open slot: close without a word (no HELLO came)."""
        self.evicted = True
        self.daemon.stats["evicted"] += 1
        self.daemon.unconfirmed.add("evicted")
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


# --------------------------------------------------------------------------- the daemon


class KeypadDaemon:
    """One keypad: listener, device, PIN checks, sensor/PIN-pad bridges and control socket.

    ``observer(event, **fields)`` (optional) is called for device events,
    with the loop's monotonic time: the demo and the tests measure
    breach-to-lockdown with it.
    """

    def __init__(
        self,
        settings: KeypadSettings,
        *,
        kem_backend: str = "cryptography",
        observer: Callable[..., None] | None = None,
        notifier: Notifier | None = None,
        sensor: Any = None,
        pinpad: Any = None,
    ) -> None:
        """``sensor``/``pinpad``: keycrypt.hw objects to use instead of building them from the config."""
        self.settings = settings
        self._kem = get_backend(kem_backend)
        self.observer = observer
        self.notifier = notifier or Notifier()
        prepare_state_dir(settings.state_dir)
        failures, locked_until = load_pin_state(settings.state_dir)
        self.device = KeypadDevice(settings.device, failures=failures, locked_until=locked_until)
        for cid, psk in settings.psks.items():
            if len(psk) != PSK_SIZE:  # pragma: no cover - config checks this
                raise ConfigError(f"psk must be {PSK_SIZE} bytes", key=f"keypad.clients.enrolled.{cid}")
        self.policy = ClientPolicy(psks=dict(settings.psks), require_enrolled=settings.require_enrolled)
        self.key: KemPrivateKey | None = None
        self.fingerprint: bytes | None = None
        self._pending_key: tuple[KemPrivateKey, bytes] | None = None
        self.accepting = False
        self.connections: set[KeypadConnection] = set()
        self.halfopen: HalfOpen[KeypadConnection] = HalfOpen(settings.max_half_open, settings.max_half_open_per_source)
        self.stats = {"refused": 0, "evicted": 0}
        self.unconfirmed = RateLimitedCounts(log, "unconfirmed_peers_closed", schedule=self._call_later)
        self._listener: Listener | None = None
        self._attaching: set[asyncio.Task[None]] = set()
        self._control: ControlServer | None = None
        self._pin_lock = asyncio.Lock()
        self._window_timer: asyncio.TimerHandle | None = None
        self._tasks: list[asyncio.Task[Any]] = []
        self._stopped = asyncio.Event()
        self._duress = False
        self._shown = "sealed"
        self.sensor: Any = sensor
        self._sensor_started = False  # until then the daemon does not listen either; start() rechecks
        self.pinpad: Any = pinpad
        self.last_breach_at: float | None = None
        self.bound: tuple[str, int] | None = None

    # --- lifecycle -------------------------------------------------------------------

    async def start(self) -> None:
        """Listen for clients and on the control socket; the device is still SEALED unless unsealed."""
        s = self.settings
        self._listener = Listener(self._on_accept, backlog=1024)
        try:
            self.bound = self._listener.open(s.host, s.port)
        except OSError as exc:
            self._listener = None
            raise ConfigError(f"cannot listen on {s.host}:{s.port}: {exc.strerror or exc}", key="keypad.listen") from None
        self.update_listening()  # sealed: the port is held, but connects are refused
        if s.control_socket is not None:
            self._control = ControlServer(s.control_socket, self.handle_control)
            try:
                await self._control.start()
            except ControlError as exc:
                self._listener.close()
                self._listener = None
                raise ConfigError(str(exc), key="keypad.control_socket") from None
        await self._start_hw()
        wd = watchdog_interval()
        if wd:
            self._tasks.append(asyncio.create_task(self._watchdog(wd)))
        log.info("%s", kv(event="listening", host=self.bound[0], port=self.bound[1], state=self.device.state))
        self.notifier.ready(self._status_line())

    async def stop(self, reason: Reason = Reason.STOPPED) -> None:
        """Drop every session (their clients will lock down: that is the point) and close everything."""
        self.notifier.stopping()
        self._stopped.set()
        self.accepting = False
        self._drop_all(reason)
        if self._listener is not None:
            self._listener.close()
            self._listener = None
        self.unconfirmed.flush()
        if self._control is not None:
            await self._control.close()
        if self._window_timer is not None:
            self._window_timer.cancel()
        for t in self._tasks:
            t.cancel()
        for t in self._tasks:
            with contextlib.suppress(BaseException):
                await t
        for dev in (self.sensor, self.pinpad):
            close = getattr(dev, "close", None)
            if close is not None:
                with contextlib.suppress(Exception):
                    res = close()
                    if asyncio.iscoroutine(res):
                        await res
        self._stopped.set()

    async def serve_forever(self) -> None:
        """Run until SIGTERM/SIGINT (or :meth:`request_stop`)."""
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, self.request_stop)
        self._stop_requested = asyncio.Event()
        await self._stop_requested.wait()
        log.info("%s", kv(event="stopping", reason="signal"))
        await self.stop()

    def request_stop(self) -> None:
        ev = getattr(self, "_stop_requested", None)
        if ev is not None:
            ev.set()

    async def _watchdog(self, period: float) -> None:
        while True:
            self.notifier.watchdog()
            await asyncio.sleep(period)

    # --- admission -------------------------------------------------------------------

    @property
    def half_open(self) -> int:
        """Connections that have not sent their HELLO yet."""
        return len(self.halfopen)

    def refusal(self, *, capacity: bool = True) -> str:
        """Why no new connection may be served now ("" = serve): the listener is then paused.

        ``capacity`` False: only the device's state (a connection already counted asks).
        """
        if not self.accepting or self.key is None or self.device.status is None:
            return f"state {self.device.state.lower()}"
        if capacity and len(self.connections) >= self.settings.max_clients:
            return "max_clients"
        return ""

    def update_listening(self) -> None:
        """Listen exactly while a new connection could be served.

        Sealed, breached, in LOCKDOWN's refusal or full, the keypad neither
        accepts nor aborts: the listener is paused and the kernel refuses the
        connect (Linux), which a booting client retries within its boot grace,
        where an accepted-then-aborted connection looked like a keypad that
        closed the session.
        """
        lst = self._listener
        if lst is None:
            return
        if self.refusal():
            lst.pause()
        else:
            lst.resume()

    def _on_accept(self, sock: socket.socket, addr: Any) -> None:
        """A connection the listener accepted: a half-open slot (evicting the oldest if full), then its transport."""
        source = str(addr[0]) if isinstance(addr, tuple) else str(addr)
        peer = f"{addr[0]}:{addr[1]}" if isinstance(addr, tuple) else str(addr)
        if self.refusal():  # only if a state change raced the pause (or a batch overshot)
            self.stats["refused"] += 1
            sock.close()
            self.update_listening()
            return
        conn = KeypadConnection(self, source, peer)
        self.connections.add(conn)
        try:  # accepted late (a full accept queue): a genuine client's HELLO is already here
            heard = bool(sock.recv(1, socket.MSG_PEEK))
        except OSError:
            heard = False
        for old in self.halfopen.admit(conn, source, conn.since, heard=heard):
            old.evict()
        self.update_listening()  # full now: stop accepting
        task = asyncio.get_running_loop().create_task(self._attach(conn, sock))
        conn.pending = (sock, task)
        self._attaching.add(task)
        task.add_done_callback(self._attaching.discard)

    async def _attach(self, conn: KeypadConnection, sock: socket.socket) -> None:
        conn.pending = None  # from here on the transport owns the socket (evict() no longer closes it)
        try:
            await asyncio.get_running_loop().connect_accepted_socket(lambda: conn, sock)
        except Exception as exc:  # the socket died before it had a transport
            log.debug("%s", kv(event="accept_failed", peer=conn.peer, error=exc))
            with contextlib.suppress(OSError):
                sock.close()
            conn._forget()

    def _call_later(self, delay: float, fn: Callable[[], None]) -> object:
        return asyncio.get_running_loop().call_later(delay, fn)

    def _drop_all(self, reason: Reason) -> None:
        conns = list(self.connections)
        # First every socket is shut down, so that every client sees its end of the link within a
        # few microseconds each; transport.abort() alone closes the socket only in a callback of the
        # next loop iteration, after the per-session bookkeeping below (1,000 sessions: ~13 ms
        # before the first client heard anything).
        for c in conns:
            sock = c.transport.get_extra_info("socket") if c.transport is not None else None
            if sock is not None:
                _shutdown_now(sock)
        for c in conns:
            c.drop(reason)
        for c in conns:  # a session already closed by the machine still gets its transport aborted
            if c.transport is not None:
                c.transport.abort()
        if conns:
            log.warning("%s", kv(event="dropped_all", sessions=len(conns), reason=reason.value))

    # --- device actions ----------------------------------------------------------------

    def _apply_device(self, actions: list[Action]) -> None:
        loop = asyncio.get_running_loop()
        recheck = False
        for a in actions:
            if isinstance(a, DropAll):
                self.accepting = False  # before the drop: nothing may slip in between
                self.update_listening()
                self._drop_all(a.reason)
            elif isinstance(a, AcceptClients):
                self.accepting = a.accept
                self.update_listening()
            elif isinstance(a, Unseal):
                if self._pending_key is not None:
                    self.key, self.fingerprint = self._pending_key
                    self._pending_key = None
                    log.info("%s", kv(event="unsealed"))
                    self.update_listening()
            elif isinstance(a, StatusChanged):
                if a.state != "LOCKDOWN":
                    self._duress = False
                log.info(
                    "%s",
                    kv(event="status_changed", state=a.state, status=None if a.status is None else Status(a.status).name),
                )
                self._notify_observer("status_changed", state=a.state)
                self.notifier.status(self._status_line())
            elif isinstance(a, WindowOpened):
                if self._window_timer is not None:
                    self._window_timer.cancel()
                delay = max(0.0, a.until - time.time())
                self._window_timer = loop.call_later(delay, self._window_expired)
                log.info("%s", kv(event="window_opened", seconds=round(delay, 1)))
            elif isinstance(a, WindowClosed):
                if self._window_timer is not None:
                    self._window_timer.cancel()
                    self._window_timer = None
            elif isinstance(a, PinStateChanged):
                try:
                    save_pin_state(self.settings.state_dir, a.failures, a.locked_until)
                except OSError as exc:
                    log.error("%s", kv(event="pin_state_not_saved", error=exc.strerror or exc))
                if a.failures:
                    log.warning("%s", kv(event="wrong_pin", failures=a.failures, locked_for=round(max(0.0, a.locked_until - time.time()), 1)))
            elif isinstance(a, AttemptRejected):
                log.warning("%s", kv(event="pin_locked_out", retry_in=round(max(0.0, a.locked_until - time.time()), 1)))
            elif isinstance(a, RecheckSensor):
                recheck = True
            elif isinstance(a, Display):
                if a.text in ("sealed", "armed", "disarmed", "breached", "lockdown"):
                    self._shown = a.text
                self._display(a.text)
            elif isinstance(a, Alarm):
                log.critical("%s", kv(event="alarm", reason=a.reason.value))
            elif isinstance(a, Logged):
                log.warning("%s", kv(event=a.event, state=a.state, note="ignored in this state"))
        if recheck:
            loop.call_soon(self._recheck_sensor)

    def _display(self, text: str) -> None:
        show = getattr(self.pinpad, "display", None)
        if show is not None:
            with contextlib.suppress(Exception):
                show(text)

    def _window_expired(self) -> None:
        self._window_timer = None
        actions = self.device.window_expired(time.time())
        if actions:
            log.info("%s", kv(event="window_expired"))
        self._apply_device(actions)

    def _notify_observer(self, event: str, **fields: Any) -> None:
        if self.observer is not None:
            with contextlib.suppress(Exception):
                self.observer(event, t=asyncio.get_running_loop().time(), **fields)

    # --- inputs: sensor, orders ----------------------------------------------------

    def breach(self, source: str = "sensor", at: float | None = None) -> None:
        """The breach sensor fired (or was simulated). ``at``: the event's loop time, if known."""
        loop = asyncio.get_running_loop()
        t = loop.time() if at is None else at
        if self.device.state == "ARMED" or self.device.state == "LOCKDOWN":
            self.last_breach_at = t
        log.warning("%s", kv(event="breach", source=source, state=self.device.state))
        self._notify_observer("breach", source=source, at=t)
        self._apply_device(self.device.breach(time.time()))

    def lockdown_all(self) -> None:
        log.warning("%s", kv(event="lockdown_order", state=self.device.state))
        self._apply_device(self.device.lockdown_order(time.time()))

    def arm(self) -> None:
        self._apply_device(self.device.arm(time.time()))

    # --- PINs ------------------------------------------------------------------------

    def _check_pin_blocking(self, pin: str) -> tuple[PinResult, tuple[KemPrivateKey, bytes] | None]:
        """Open the keystore with ``pin`` and compare it with the duress verifier; both always run."""
        from keycrypt.keystore import open_keystore

        result: PinResult = "wrong"
        opened = None
        try:
            ks = open_keystore(self.settings.keystore, pin, kem=self._kem)
        except (WrongPin, PinError):
            ks = None
        if ks is not None:
            if self.fingerprint is not None and ks.fingerprint != self.fingerprint:
                raise KeystoreError(f"{self.settings.keystore} now holds another key than the one in use")
            result = "ok"
            opened = (self._kem.from_seed(ks.seed), ks.fingerprint)
        if self.settings.duress_verifier:
            from argon2 import PasswordHasher
            from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

            try:
                matches = PasswordHasher().verify(self.settings.duress_verifier, pin)
            except (VerifyMismatchError, VerificationError, InvalidHashError):
                matches = False
            if matches and result == "wrong":
                result = "duress"
        return result, opened

    async def enter_pin(self, pin: str, intent: str = "toggle", window: float | None = None) -> dict[str, Any]:
        """Check a PIN like a PIN-pad entry and act on it.

        ``intent``: ``toggle`` (a bare PIN-pad entry: whatever the device table
        says a correct PIN does), ``arm`` or ``disarm``. Raises PinRejected.
        Under duress the answer is what a correct PIN would have produced.
        """
        if intent not in ("toggle", "arm", "disarm"):
            raise PinRejected(f"unknown intent {intent!r}", "bad_request")
        if window is not None and not 0 < window <= self.settings.device.window_max:
            raise PinRejected(f"window must be in (0, {self.settings.device.window_max:g}] seconds", "bad_request")
        async with self._pin_lock:
            dev = self.device
            if not dev.pin_allowed(time.time()):
                self._apply_device(dev.pin("wrong", time.time()))  # the table's locked-out row
                raise PinRejected("too many wrong PINs; locked out", "locked_out", dev.locked_until)
            try:
                result, opened = await asyncio.to_thread(self._check_pin_blocking, pin)
            except KeystoreError as exc:
                log.error("%s", kv(event="keystore_error", error=exc))
                raise PinRejected(str(exc), "keystore_error") from None
            now = time.time()
            if result == "wrong":
                self._apply_device(dev.pin("wrong", now))
                raise PinRejected("wrong PIN", "wrong_pin", dev.locked_until)
            if result == "duress":
                masked = self._masked_after(intent)
                self._apply_device(dev.pin("duress", now, window=window))
                self._duress = True
                self._shown = masked
                log.warning("%s", kv(event="pin_accepted", intent=intent))
                log.critical("%s", kv(event="duress", note="every client is ordered to lock down"))
                return {"state": masked.upper()}
            if opened is not None and self.key is None:
                self._pending_key = opened
            self._accept_ok(intent, window, now)
            log.info("%s", kv(event="pin_accepted", intent=intent, state=dev.state))
            return {"state": dev.state}

    def _masked_after(self, intent: str) -> str:
        """The state a correct PIN would have shown (what the duress answer pretends)."""
        state = self.device.state
        if intent == "arm":
            return "armed"
        if intent == "disarm":
            return "disarmed"
        return {"ARMED": "disarmed", "DISARMED": "disarmed"}.get(state, "armed")

    def _accept_ok(self, intent: str, window: float | None, now: float) -> None:
        dev = self.device
        if intent == "toggle":
            self._apply_device(dev.pin("ok", now, window=window))
        elif intent == "arm":
            if dev.state == "DISARMED":
                self._apply_device(dev.pin("ok", now))  # resets the counter, then arm
                self._apply_device(dev.arm(now))
            elif dev.state != "ARMED":
                self._apply_device(dev.pin("ok", now))
            # ARMED: already what was asked; a PIN input would disarm, so the device is left alone
        else:  # disarm
            if dev.state not in ("ARMED", "DISARMED"):
                self._apply_device(dev.pin("ok", now))  # re-arm (unseal, clear a breach) first
            if dev.state in ("ARMED", "DISARMED"):
                self._apply_device(dev.pin("ok", now, window=window))

    # --- control socket ----------------------------------------------------------------

    def _status_line(self) -> str:
        n = sum(1 for c in self.connections if c.session and c.session.client_id)
        return f"{self._shown_state()} clients={n}"

    def _shown_state(self) -> str:
        return self._shown.upper() if self._duress else self.device.state

    def status(self) -> dict[str, Any]:
        loop = asyncio.get_running_loop()
        now_m, now_w = loop.time(), time.time()
        state = self._shown_state()
        dev = self.device
        from keycrypt.keystore import format_fingerprint

        present = {c.session.client_id for c in self.connections if c.proven and c.session is not None}
        return {
            "state": state,
            "accepting": self.accepting if not self._duress else True,
            "window_until": dev.window_until if state == "DISARMED" and not self._duress else None,
            "pin": {"failures": dev.failures, "locked_until": dev.locked_until},
            "fingerprint": format_fingerprint(self.fingerprint) if self.fingerprint else None,
            "listen": list(self.bound) if self.bound else None,
            "clients": sorted(
                (c.roster_entry(now_m, now_w) for c in self.connections),
                key=lambda e: (str(e["client_id"]), e["peer"]),
            ),
            "refused": self.stats["refused"],
            "evicted": self.stats["evicted"],
            "listening": bool(self._listener is not None and self._listener.listening),
            # enrolled clients without a live session that has verified at least one PING
            "missing": sorted(cid for cid in self.settings.psks if cid not in present),
        }

    async def handle_control(self, req: dict[str, Any]) -> dict[str, Any]:
        cmd = req.get("cmd")
        try:
            if cmd == "status":
                return {"ok": True, **self.status()}
            if cmd == "breach":
                self.breach("control")
                return {"ok": True, "state": self._shown_state()}
            if cmd == "lockdown-all":
                self.lockdown_all()
                return {"ok": True, "state": self._shown_state()}
            if cmd == "arm" and "pin" not in req:
                if self.device.state in ("ARMED", "DISARMED"):
                    self.arm()
                    return {"ok": True, "state": self._shown_state()}
                return {
                    "ok": False,
                    "code": "pin_required",
                    "error": f"the keypad is {self.device.state.lower()}: arming it needs the PIN",
                }
            if cmd in ("arm", "disarm", "pin"):
                pin = req.get("pin")
                if not isinstance(pin, str):
                    return {"ok": False, "code": "bad_request", "error": "'pin' must be a string"}
                intent = {"arm": "arm", "disarm": "disarm"}.get(cmd) or req.get("intent", "toggle")
                window = _window_arg(req.get("for"))
                result = await self.enter_pin(pin, str(intent), window)
                return {"ok": True, **result}
            return {"ok": False, "code": "bad_request", "error": f"unknown command {str(cmd)[:32]!r}"}
        except PinRejected as exc:
            out: dict[str, Any] = {"ok": False, "code": exc.code, "error": str(exc)}
            if exc.locked_until:
                out["retry_after"] = round(max(0.0, exc.locked_until - time.time()), 1)
            return out
        except ValueError as exc:
            return {"ok": False, "code": "bad_request", "error": str(exc)}

    # --- hardware --------------------------------------------------------------------

    async def _start_hw(self) -> None:
        """Sensor and PIN pad: given objects, or built by keycrypt.hw from the config sections."""
        if self.sensor is None and self.settings.sensor:
            self.sensor = _make_hw("make_sensor", self.settings.sensor, "keypad.sensor")
        if self.pinpad is None and self.settings.pinpad:
            self.pinpad = _make_hw("make_pinpad", self.settings.pinpad, "keypad.pinpad")
        if self.sensor is not None:
            await self.sensor.start()
            self._sensor_started = True
            self._tasks.append(asyncio.create_task(self._sensor_loop(self.sensor)))
            log.info("%s", kv(event="sensor_started", sensor=self.sensor, breached=self.sensor.breached()))
        if self.pinpad is not None:
            await self.pinpad.start()
            self._tasks.append(asyncio.create_task(self._pinpad_loop(self.pinpad)))
            log.info("%s", kv(event="pinpad_started", pinpad=self.pinpad))
        if self.device.state == "ARMED":
            self._recheck_sensor()

    async def _sensor_loop(self, sensor: Any) -> None:
        """Breach and fault events go to the device at once, stamped with the sensor's own time."""
        try:
            async for ev in sensor.events():
                if ev.is_breach:
                    self.breach(f"sensor_{ev.kind}", at=ev.at)
                else:
                    log.info("%s", kv(event="sensor_restored", detail=ev.detail))
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # a sensor we cannot read is a breach (fail closed)
            log.critical("%s", kv(event="sensor_failed", error=exc))
            self.breach("sensor_failed")
            return
        if not self._stopped.is_set():
            log.critical("%s", kv(event="sensor_stream_ended"))
            self.breach("sensor_ended")

    async def _pinpad_loop(self, pinpad: Any) -> None:
        intents = {"enter": "toggle", "arm": "arm", "disarm": "disarm"}
        try:
            async for entry in pinpad.entries():
                try:
                    await self.enter_pin(entry.pin, intents.get(entry.intent, "toggle"))
                except PinRejected as exc:
                    self._display("locked out" if exc.code == "locked_out" else "wrong PIN")
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the PIN pad is gone; the control socket still works
            log.critical("%s", kv(event="pinpad_failed", error=exc))

    def _recheck_sensor(self) -> None:
        """After (re-)arming: a door that is open right now is a breach right now."""
        if self._sensor_started and self.device.state == "ARMED" and self.sensor.breached():
            self.breach("sensor_recheck")


def _shutdown_now(sock: Any) -> None:
    """shutdown(SHUT_RDWR) of a transport's socket at once; never raises.

    Only a head start for DropAll: the transport.abort() that follows is what closes the
    session, and nothing here may keep it from running. uvloop's transport sockets refuse
    shutdown() (TypeError), so there it is done on the descriptor.
    """
    try:
        sock.shutdown(socket.SHUT_RDWR)
        return
    except OSError:
        return
    except Exception:
        pass
    with contextlib.suppress(Exception):
        raw = socket.socket(fileno=sock.fileno())
        try:
            raw.shutdown(socket.SHUT_RDWR)
        finally:
            raw.detach()  # the descriptor stays the transport's


def _make_hw(factory: str, cfg: dict[str, Any], key: str) -> Any:
    """A keycrypt.hw device from its config table (not started); ConfigError naming ``key``.<sub-key>."""
    from keycrypt.errors import HardwareError

    try:
        import keycrypt.hw as hw

        make = getattr(hw, factory)
    except (ImportError, AttributeError):
        raise ConfigError(f"keycrypt.hw.{factory} is not available in this installation", key=key) from None
    try:
        return make(cfg, where=key)
    except HardwareError as exc:
        raise ConfigError(str(exc), key=key) from None


def _window_arg(value: Any) -> float | None:
    if value is None:
        return None
    from keycrypt.config import parse_duration

    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError("'for' must be seconds or a duration like '15m'")
    return parse_duration(value)


async def run_keypad(settings: KeypadSettings, pin: str | None, notifier: Notifier | None = None) -> int:
    """Start, unseal with ``pin`` (None: wait for the PIN pad / control socket), serve until stopped."""
    daemon = KeypadDaemon(settings, notifier=notifier)
    if pin is not None:
        try:
            await daemon.enter_pin(pin, "arm")
        except PinRejected as exc:
            if exc.code == "keystore_error":
                raise KeystoreError(str(exc)) from None
            raise WrongPin(f"{settings.keystore}: {exc}") from None
    await daemon.start()
    await daemon.serve_forever()
    return 0
