"""The keypad daemon: one :class:`KeypadConnection` per client, one :class:`KeypadDevice`.

Every decision is the machines': a :class:`KeypadSession` per connection
(frames in, PONGs out) and one :class:`KeypadDevice` (PIN and its intent,
sensor, window, duress, what the keypad shows). This module only carries out
the device's actions:

* ``DropAll`` -> every session dropped and every transport aborted in the same
  loop iteration; ``AcceptClients(False)`` -> the listener is paused (the
  kernel refuses new connects) until the PIN re-arms the device; it is paused
  while sealed and while ``max_clients`` connections are open too
  (:mod:`keycrypt.daemon.listener`);
* a new connection takes a half-open slot, evicting the oldest half-open
  connection when the slots are full (:mod:`keycrypt.daemon.halfopen`);
* ``PinStateChanged`` -> the wrong-PIN counter is persisted (atomic write), so
  restarting the daemon does not reset the backoff;
* ``Display`` -> the PIN pad's display; ``PinRequired``, ``AttemptRejected`` and a
  counted failure -> the answer to the PIN entry or control request.

The daemon keeps no device state of its own: the shown state, the window and
the counter are the device's. Every duration runs on the monotonic clock
(spec §9): sessions on the loop's, the device on ``clock`` (time.monotonic).
The wall clock (``wall``) is only shown (status) and written next to the
counter; a restart reads the counter back and the device gives it its full
lock-out again (:func:`restored_lockout`), so no wall-clock step matters.

PIN checks (Argon2id, about 0.1 s) run in a worker thread so heartbeats are
never delayed by someone typing a PIN; they are serialised so that parallel
guesses cannot slip past the backoff.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import socket
import time
from typing import Any, Callable

from keycrypt.constants import PSK_SIZE, Status
from keycrypt.crypto.kem import KemPrivateKey, get_backend
from keycrypt.daemon import kv
from keycrypt.daemon.control import ControlError, ControlServer
from keycrypt.daemon.halfopen import HalfOpen
from keycrypt.daemon.keypad import commands
from keycrypt.daemon.keypad.connection import KeypadConnection
from keycrypt.daemon.keypad.pins import check_pin
from keycrypt.daemon.keypad.pinstate import PinState, load_pin_state, prepare_state_dir, save_pin_state
from keycrypt.daemon.keypad.settings import KeypadSettings, make_pinpad, make_sensor
from keycrypt.daemon.listener import Listener
from keycrypt.daemon.sdnotify import Notifier, watchdog_interval
from keycrypt.errors import ConfigError, DuressPinIsPin, KeyCryptError, KeystoreError, PinRejected, Reason, WrongPin
from keycrypt.hw import PinDisplay, PinPad, Sensor
from keycrypt.logfmt import RateLimitedCounts
from keycrypt.machines.actions import (
    AcceptClients,
    Action,
    Alarm,
    AttemptRejected,
    Display,
    DropAll,
    Logged,
    PinRequired,
    PinStateChanged,
    RecheckSensor,
    StatusChanged,
    Unseal,
    WindowClosed,
    WindowOpened,
)
from keycrypt.machines.device import INTENTS, KeypadDevice, PinIntent
from keycrypt.machines.keypad import ClientPolicy, KeypadSession

log = logging.getLogger("keycrypt.keypad")


class ReloadRefused(KeyCryptError):
    """A reload would change what only a restart may change; nothing was applied."""

    NAMES = {
        "host": "keypad.listen", "port": "keypad.listen", "keystore": "keypad.keystore", "state_dir": "keypad.state_dir",
        "control_socket": "keypad.control_socket", "unseal": "keypad.unseal", "sensor": "keypad.sensor",
        "pinpad": "keypad.pinpad", "max_clients": "keypad.limits", "max_half_open": "keypad.limits",
        "hello_timeout": "keypad.limits", "idle_timeout": "keypad.limits",
    }

    def __init__(self, keys: list[str]) -> None:
        self.keys = sorted({self.NAMES.get(k, k) for k in keys})
        super().__init__(f"a reload cannot change {', '.join(self.keys)}: restart the keypad for that; nothing changed")


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
        sensor: Sensor | None = None,
        pinpad: PinPad | None = None,
        clock: Callable[[], float] | None = None,
        wall: Callable[[], float] | None = None,
    ) -> None:
        """``sensor``/``pinpad``: keycrypt.hw objects to use instead of building them from the config.

        ``clock`` (monotonic, default time.monotonic) runs the device's window and
        lock-out; ``wall`` (default time.time) is only shown. Tests inject both.
        """
        self.settings = settings
        self.clock: Callable[[], float] = clock or time.monotonic
        self.wall: Callable[[], float] = wall or (lambda: time.time())
        self._kem = get_backend(kem_backend)
        self.observer = observer
        self.alerts: Any = None  # keycrypt.alerts.Alerts from [alerts], set by run_keypad
        # () -> (settings, log_level) read again from the config file; set by run_keypad
        self.reload_source: Callable[[], tuple[KeypadSettings, str]] | None = None
        self.notifier = notifier or Notifier()
        prepare_state_dir(settings.state_dir)
        saved = load_pin_state(settings.state_dir)
        self.device = KeypadDevice.restarted(
            settings.device, failures=saved.failures, shown_failures=saved.shown_failures, now=self.clock()
        )
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
        self._stop_requested: asyncio.Event | None = None
        self.sensor: Sensor | None = sensor
        self._sensor_started = False  # until then the daemon does not listen either; start() rechecks
        self.pinpad: PinPad | None = pinpad
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
        self.notifier.ready(self.status_line())

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
            if dev is not None:
                with contextlib.suppress(Exception):
                    await dev.close()
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
        if self._stop_requested is not None:
            self._stop_requested.set()

    async def _watchdog(self, period: float) -> None:
        while True:
            self.notifier.watchdog()
            await asyncio.sleep(period)

    # --- connections (the ConnectionHost protocol) ---------------------------------------

    @property
    def wire_status(self) -> int | None:
        return self.device.status

    @property
    def listening(self) -> bool:
        """The listener accepts connections (False: sealed, refusing clients or full)."""
        return self._listener is not None and self._listener.listening

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

        Sealed, breached, refusing clients or full, the keypad neither accepts
        nor aborts: the listener is paused and the kernel refuses the connect
        (Linux), which a booting client retries within its boot grace, where an
        accepted-then-aborted connection looked like a keypad that closed the
        session (issue 11 item 6).
        """
        lst = self._listener
        if lst is None:
            return
        if self.refusal():
            lst.pause()
        else:
            lst.resume()

    def _on_accept(self, sock: socket.socket, addr: Any) -> None:
        """A connection the listener accepted: a half-open slot (evicting an old one if full), then its transport."""
        source = str(addr[0]) if isinstance(addr, tuple) else str(addr)
        peer = f"{addr[0]}:{addr[1]}" if isinstance(addr, tuple) else str(addr)
        if self.refusal():  # only if a state change raced the pause
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
            self.stats["evicted"] += 1
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

    def admit(self, conn: KeypadConnection) -> KeypadSession | None:
        refuse = self.refusal(capacity=False)
        if refuse:
            self.stats["refused"] += 1
            log.debug("%s", kv(event="connection_refused", peer=conn.peer, why=refuse))
            return None
        assert self.key is not None  # refusal() checked it
        return KeypadSession(
            self.key, random=os.urandom, policy=self.policy, idle_timeout=self.settings.idle_timeout, hello_timeout=self.settings.hello_timeout
        )

    def session_opened(self, conn: KeypadConnection) -> None:
        self.halfopen.remove(conn)

    def forget(self, conn: KeypadConnection) -> None:
        self.halfopen.remove(conn)
        if conn in self.connections:
            self.connections.discard(conn)
            self.update_listening()

    def heard(self, conn: KeypadConnection) -> None:
        self.halfopen.heard(conn)

    def unconfirmed_closed(self, kind: str) -> None:
        self.unconfirmed.add(kind)

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
            if isinstance(a, DropAll):  # the table refuses clients first where it wants them refused
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
                log.info(
                    "%s",
                    kv(event="status_changed", state=a.state, status=None if a.status is None else Status(a.status).name),
                )
                self._notify_observer("status_changed", state=a.state)
                self.notifier.status(self.status_line())
            elif isinstance(a, WindowOpened):
                if self._window_timer is not None:
                    self._window_timer.cancel()
                delay = max(0.0, a.until - self.clock())
                self._window_timer = loop.call_later(delay, self._window_expired)
                log.info("%s", kv(event="window_opened", seconds=round(delay, 1)))
            elif isinstance(a, WindowClosed):
                if self._window_timer is not None:
                    self._window_timer.cancel()
                    self._window_timer = None
            elif isinstance(a, PinStateChanged):
                try:
                    save_pin_state(
                        self.settings.state_dir,
                        PinState(a.failures, self.to_wall(a.locked_until), a.shown_failures, self.to_wall(a.shown_until)),
                    )
                except OSError as exc:
                    log.error("%s", kv(event="pin_state_not_saved", error=exc.strerror or exc))
                if a.shown_failures:  # a wrong PIN, as the keypad shows it (the log has the real count: operators only)
                    locked_for = round(max(0.0, a.shown_until - self.clock()), 1)
                    log.warning(
                        "%s",
                        kv(
                            event="wrong_pin",
                            failures=a.failures,
                            locked_for=round(max(0.0, a.locked_until - self.clock()), 1),
                            shown_failures=a.shown_failures,
                        ),
                    )
                    if locked_for > 0:
                        self._notify_observer("lockout", failures=a.shown_failures, locked_for=locked_for)
                        if self.alerts is not None:
                            self.alerts.fire("lockout", failures=a.failures, locked_for=locked_for)
            elif isinstance(a, AttemptRejected):
                log.warning("%s", kv(event="pin_locked_out", retry_in=round(max(0.0, a.locked_until - self.clock()), 1)))
            elif isinstance(a, PinRequired):
                log.info("%s", kv(event="pin_required", state=a.state))
            elif isinstance(a, RecheckSensor):
                recheck = True
            elif isinstance(a, Display):
                self._display(a.text)
            elif isinstance(a, Alarm):
                log.critical("%s", kv(event="alarm", reason=a.reason.value, silent=a.silent))
                self._notify_observer("alarm", reason=a.reason.value, silent=a.silent)
                if self.alerts is not None and a.reason == Reason.BREACH:
                    self.alerts.fire("breach", silent=a.silent)
            elif isinstance(a, Logged):
                log.warning("%s", kv(event=a.event, state=a.state, note="ignored in this state"))
        if recheck:  # at once, once the row's actions are done: no moment armed with an unread open door
            self._recheck_sensor()

    def _display(self, text: str) -> None:
        pad: object = self.pinpad  # a PinPad may also be a PinDisplay (mypy cannot intersect the two Protocols)
        if isinstance(pad, PinDisplay):
            with contextlib.suppress(Exception):
                pad.display(text)

    def _window_expired(self) -> None:
        self._window_timer = None
        actions = self.device.window_expired(self.clock())
        if any(isinstance(a, StatusChanged) for a in actions):
            log.info("%s", kv(event="window_expired"))
        self._apply_device(actions)

    # --- reload ------------------------------------------------------------------------

    RELOADABLE = ("device", "duress_verifier", "psks", "require_enrolled")
    """What `keypad reload` applies: [maintenance] and [pin] (the device's config and the duress
    verifier) and [clients]; plus log_level. Everything else (listener, key, state and control
    paths, limits, sensor, PIN pad, unseal) needs a restart."""

    def reload(self, new: KeypadSettings) -> list[str]:
        """Apply ``new`` without dropping a session; ReloadRefused (nothing changed) if it changes more.

        Open sessions keep the client policy they were opened under; new HELLOs get the new
        one. A client whose psk was removed keeps its open session until it ends.
        """
        import dataclasses

        fixed = [
            f.name for f in dataclasses.fields(new)
            if f.name not in self.RELOADABLE and getattr(new, f.name) != getattr(self.settings, f.name)
        ]
        if fixed:
            raise ReloadRefused(fixed)
        changed = [n for n in self.RELOADABLE if getattr(new, n) != getattr(self.settings, n)]
        self.settings = new
        self.device.config = new.device
        self.policy = ClientPolicy(psks=dict(new.psks), require_enrolled=new.require_enrolled)
        return changed

    def reload_from_source(self) -> dict[str, Any]:
        """Read the config file again and apply it (SIGHUP, `keycrypt keypad reload`); an answer, never raises."""
        if self.reload_source is None:
            return {"ok": False, "code": "bad_request", "error": "this keypad was not started from a config file"}
        try:
            new, level = self.reload_source()
            changed = self.reload(new)
        except ReloadRefused as exc:
            log.warning("%s", kv(event="reload_refused", keys=",".join(exc.keys), note="nothing changed; restart for these"))
            return {"ok": False, "code": "bad_request", "error": str(exc)}
        except (ConfigError, KeystoreError) as exc:
            log.warning("%s", kv(event="reload_refused", error=exc, note="nothing changed"))
            return {"ok": False, "code": "bad_request", "error": f"nothing changed: {exc}"}
        old_level = logging.getLogger().level
        logging.getLogger().setLevel(getattr(logging, level.upper(), logging.INFO))
        if logging.getLogger().level != old_level:
            changed.append("log_level")
        log.info("%s", kv(event="reloaded", changed=",".join(changed) or "nothing", sessions=len(self.connections)))
        return {"ok": True, "changed": changed, "state": self.device.shown}

    def _notify_observer(self, event: str, **fields: Any) -> None:
        if self.observer is not None:
            with contextlib.suppress(Exception):
                self.observer(event, t=asyncio.get_running_loop().time(), **fields)

    # --- inputs: sensor, orders ----------------------------------------------------

    def breach(self, source: str = "sensor", at: float | None = None) -> None:
        """The breach sensor fired (or was simulated). ``at``: the event's loop time, if known.

        Whether the breach counts is the table's: a row that raises the alarm counts it.
        """
        loop = asyncio.get_running_loop()
        t = loop.time() if at is None else at
        log.warning("%s", kv(event="breach", source=source, state=self.device.state))
        actions = self.device.breach(self.clock())
        if any(isinstance(a, Alarm) for a in actions):
            self.last_breach_at = t
        self._notify_observer("breach", source=source, at=t)
        self._apply_device(actions)

    def lockdown_all(self) -> None:
        log.warning("%s", kv(event="lockdown_order", state=self.device.state))
        self._apply_device(self.device.lockdown_order(self.clock()))

    def arm(self) -> PinRequired | None:
        """Arm without a PIN; the device's PinRequired when its state needs the PIN for that."""
        actions = self.device.arm(self.clock())
        self._apply_device(actions)
        return next((a for a in actions if isinstance(a, PinRequired)), None)

    # --- PINs ------------------------------------------------------------------------

    async def enter_pin(self, pin: str, intent: str = "toggle", window: float | None = None) -> dict[str, Any]:
        """Check a PIN like a PIN-pad entry and give the device its result and intent.

        ``intent``: ``toggle`` (a bare PIN-pad entry: whatever the device table
        says a correct PIN does), ``arm`` or ``disarm``. Raises PinRejected.
        The answer's ``state`` is the device's shown state (under duress, what
        a correct PIN would have shown).
        """
        if intent not in INTENTS:
            raise PinRejected(f"unknown intent {intent!r}", "bad_request")
        if window is not None and not 0 < window <= self.settings.device.window_max:
            raise PinRejected(f"window must be in (0, {self.settings.device.window_max:g}] seconds", "bad_request")
        how: PinIntent = intent  # type: ignore[assignment]  # checked against INTENTS above
        async with self._pin_lock:
            dev = self.device
            if not dev.pin_allowed(self.clock()):
                self._apply_device(dev.pin("wrong", self.clock()))  # the table's locked-out row
                raise PinRejected("too many wrong PINs; locked out", "locked_out", dev.shown_until)
            try:
                result, opened = await asyncio.to_thread(
                    check_pin,
                    self.settings.keystore,
                    pin,
                    self._kem,
                    fingerprint=self.fingerprint,
                    duress_verifier=self.settings.duress_verifier,
                )
            except DuressPinIsPin as exc:  # fail closed: the device is not told, nothing is unsealed
                log.critical("%s", kv(event="duress_pin_is_pin", key=exc.KEY, state=dev.state, note="PIN refused"))
                raise PinRejected(str(exc), "duress_is_pin") from None
            except KeystoreError as exc:
                log.error("%s", kv(event="keystore_error", error=exc))
                raise PinRejected(str(exc), "keystore_error") from None
            if opened is not None and self.key is None:
                self._pending_key = opened
            actions = dev.pin(result, self.clock(), window=window, intent=how)
            self._apply_device(actions)
            self._pending_key = None  # used by Unseal, or not wanted
            if any(isinstance(a, AttemptRejected) for a in actions):
                raise PinRejected("too many wrong PINs; locked out", "locked_out", dev.shown_until)
            if any(isinstance(a, PinStateChanged) and a.shown_failures for a in actions):
                raise PinRejected("wrong PIN", "wrong_pin", dev.shown_until)
            if result == "duress":
                log.warning("%s", kv(event="pin_accepted", intent=intent))
                log.critical("%s", kv(event="duress", note="every client is ordered to lock down"))
                self._notify_observer("duress")
                if self.alerts is not None:
                    self.alerts.fire("duress", intent=intent)
            else:
                log.info("%s", kv(event="pin_accepted", intent=intent, state=dev.state))
            return {"state": dev.shown}

    # --- status and control socket -------------------------------------------------------

    def to_wall(self, t: float) -> float:
        """A device (monotonic) time as wall-clock seconds, for people and the state file; 0 for "none"."""
        return round(self.wall() + (t - self.clock()), 3) if t else 0.0

    def status_line(self) -> str:
        n = sum(1 for c in self.connections if c.session and c.session.client_id)
        warning = "" if self.sensor is not None else " NO-BREACH-SENSOR"
        return f"{self.device.shown} clients={n}{warning}"

    @property
    def sensor_label(self) -> str:
        """What watches the door, for the status: a driver's name, or a warning that nothing does."""
        if self.sensor is None:
            return "none: NO BREACH SENSOR, a breach cannot be detected"
        return str(getattr(self.sensor, "name", type(self.sensor).__name__))

    def status(self) -> dict[str, Any]:
        return commands.status(self)

    async def handle_control(self, req: dict[str, Any]) -> dict[str, Any]:
        return await commands.handle(self, req)

    # --- hardware --------------------------------------------------------------------

    async def _start_hw(self) -> None:
        """Sensor and PIN pad: given objects, or built by keycrypt.hw from the config sections."""
        if self.sensor is None and self.settings.sensor:
            self.sensor = make_sensor(self.settings.sensor)
        if self.pinpad is None and self.settings.pinpad:
            self.pinpad = make_pinpad(self.settings.pinpad)
        if self.sensor is None:
            level = logging.CRITICAL if self.settings.sensor.get("driver") == "none" else logging.WARNING
            log.log(level, "%s", kv(event="no_breach_sensor", note="a breach cannot be detected: every client trusts this keypad's ARMED"))
        if self.sensor is not None:
            await self.sensor.start()
            self._sensor_started = True
            self._tasks.append(asyncio.create_task(self._sensor_loop(self.sensor)))
            log.info("%s", kv(event="sensor_started", sensor=self.sensor, breached=self.sensor.breached()))
        if self.pinpad is not None:
            await self.pinpad.start()
            self._tasks.append(asyncio.create_task(self._pinpad_loop(self.pinpad)))
            log.info("%s", kv(event="pinpad_started", pinpad=self.pinpad))
        self._recheck_sensor()

    async def _sensor_loop(self, sensor: Sensor) -> None:
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

    async def _pinpad_loop(self, pinpad: PinPad) -> None:
        intents = {"enter": "toggle", "arm": "arm", "disarm": "disarm"}
        try:
            async for entry in pinpad.entries():
                try:
                    await self.enter_pin(entry.pin, intents.get(entry.intent, "toggle"))
                except PinRejected as exc:
                    self._display({"locked_out": "locked out", "duress_is_pin": "config error"}.get(exc.code, "wrong PIN"))
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the PIN pad is gone; the control socket still works
            log.critical("%s", kv(event="pinpad_failed", error=exc))

    def _recheck_sensor(self) -> None:
        """After (re-)arming: a door that is open right now is a breach right now (the table decides)."""
        if self._sensor_started and self.sensor is not None and self.sensor.breached():
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



async def run_keypad(
    settings: KeypadSettings,
    pin: str | None,
    notifier: Notifier | None = None,
    *,
    metrics: tuple[str, int] | None = None,
    alerts: Any = None,
    missing_after: float = 30.0,
    reload_source: Callable[[], tuple[KeypadSettings, str]] | None = None,
) -> int:
    """Start, unseal with ``pin`` (None: wait for the PIN pad / control socket), serve until stopped.

    ``metrics`` (host, port) serves the Prometheus endpoint; ``alerts`` (a
    :class:`keycrypt.alerts.Alerts`) runs the ``[alerts]`` commands.
    """
    endpoint = None
    if metrics is not None:
        from keycrypt.metrics import Metrics

        endpoint = Metrics("keypad")
        endpoint.start(*metrics)  # before the PIN: a taken port is a config error
    daemon = KeypadDaemon(settings, notifier=notifier, observer=endpoint.keypad_event if endpoint else None)
    daemon.alerts = alerts
    daemon.reload_source = reload_source
    if reload_source is not None:
        with contextlib.suppress(NotImplementedError, RuntimeError):
            asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, daemon.reload_from_source)
    watcher = asyncio.create_task(_watch(daemon, endpoint, alerts, missing_after))
    try:
        return await _serve(daemon, settings, pin)
    finally:
        watcher.cancel()
        if alerts is not None:
            await alerts.drain(alerts.timeout + 1.0)
        if endpoint is not None:
            endpoint.stop()


async def _watch(daemon: KeypadDaemon, endpoint: Any, alerts: Any, missing_after: float) -> None:
    """Once a second: the metrics' copy of the status, and the enrolled clients gone missing."""
    if endpoint is None and alerts is None:
        return
    from keycrypt.alerts import MissingWatch

    missing = MissingWatch(alerts, missing_after) if alerts is not None else None
    while True:
        with contextlib.suppress(Exception):
            snap = commands.status(daemon)
            if endpoint is not None:
                endpoint.snapshot = snap
            if missing is not None and daemon.device.state != "SEALED":
                missing.update(snap.get("missing") or [], asyncio.get_running_loop().time())
        await asyncio.sleep(1.0)


async def _serve(daemon: KeypadDaemon, settings: KeypadSettings, pin: str | None) -> int:
    if pin is not None:
        try:
            await daemon.enter_pin(pin, "arm")
        except PinRejected as exc:
            if exc.code == "keystore_error":
                raise KeystoreError(str(exc)) from None
            if exc.code == "duress_is_pin":
                raise ConfigError(str(exc)) from None  # status 2, the message names the key
            raise WrongPin(f"{settings.keystore}: {exc}") from None
    await daemon.start()
    await daemon.serve_forever()
    return 0
