"""The keypad daemon: one :class:`KeypadConnection` per client, one :class:`KeypadDevice`.

Every decision is the machines': a :class:`KeypadSession` per connection
(frames in, PONGs out) and one :class:`KeypadDevice` (PIN and its intent,
sensor, window, duress, what the keypad shows). This module only carries out
the device's actions:

* ``DropAll`` -> every session dropped and every transport aborted in the same
  loop iteration; ``AcceptClients(False)`` -> new connections are closed the
  moment they are accepted, until the PIN re-arms the device;
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
from keycrypt.daemon.keypad import commands
from keycrypt.daemon.keypad.connection import KeypadConnection
from keycrypt.daemon.keypad.pins import check_pin
from keycrypt.daemon.keypad.pinstate import load_pin_state, prepare_state_dir, save_pin_state
from keycrypt.daemon.keypad.settings import KeypadSettings, make_pinpad, make_sensor
from keycrypt.daemon.sdnotify import Notifier, watchdog_interval
from keycrypt.errors import ConfigError, KeystoreError, PinRejected, Reason, WrongPin
from keycrypt.hw import PinDisplay, PinPad, Sensor
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
from keycrypt.machines.device import INTENTS, KeypadDevice, PinIntent, restored_lockout
from keycrypt.machines.keypad import ClientPolicy, KeypadSession

log = logging.getLogger("keycrypt.keypad")


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
        self.notifier = notifier or Notifier()
        prepare_state_dir(settings.state_dir)
        failures, _ = load_pin_state(settings.state_dir)  # the saved wall-clock end is not trusted
        locked_until = self.clock() + restored_lockout(failures, settings.device) if failures else 0.0
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
        self.half_open = 0
        self.stats = {"refused": 0}
        self._server: asyncio.AbstractServer | None = None
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
        loop = asyncio.get_running_loop()
        s = self.settings
        try:
            self._server = await loop.create_server(
                lambda: KeypadConnection(self), s.host, s.port, reuse_address=True, backlog=1024
            )
        except OSError as exc:
            raise ConfigError(f"cannot listen on {s.host}:{s.port}: {exc.strerror or exc}", key="keypad.listen") from None
        sockname = self._server.sockets[0].getsockname()
        self.bound = (sockname[0], sockname[1])
        if s.control_socket is not None:
            self._control = ControlServer(s.control_socket, self.handle_control)
            try:
                await self._control.start()
            except ControlError as exc:
                self._server.close()
                self._server = None
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
        if self._server is not None:
            self._server.close()
            self._server = None
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

    def refusal(self) -> str:
        """Why a new connection must be closed now ("" = accept it)."""
        if not self.accepting or self.key is None or self.device.status is None:
            return f"state {self.device.state.lower()}"
        if len(self.connections) >= self.settings.max_clients:
            return "max_clients"
        if self.half_open >= self.settings.max_half_open:
            return "max_half_open"
        return ""

    def admit(self, conn: KeypadConnection) -> KeypadSession | None:
        refuse = self.refusal()
        if refuse:
            self.stats["refused"] += 1
            log.debug("%s", kv(event="connection_refused", peer=conn.peer, why=refuse))
            return None
        assert self.key is not None  # refusal() checked it
        session = KeypadSession(
            self.key, random=os.urandom, policy=self.policy, idle_timeout=self.settings.idle_timeout, hello_timeout=self.settings.hello_timeout
        )
        self.connections.add(conn)
        self.half_open += 1
        return session

    def session_opened(self, conn: KeypadConnection) -> None:
        self.half_open -= 1

    def forget(self, conn: KeypadConnection) -> None:
        if conn in self.connections:
            self.connections.discard(conn)
            if conn.session is not None and conn.session.client_id is None:
                self.half_open -= 1

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
                self._drop_all(a.reason)
            elif isinstance(a, AcceptClients):
                self.accepting = a.accept
            elif isinstance(a, Unseal):
                if self._pending_key is not None:
                    self.key, self.fingerprint = self._pending_key
                    self._pending_key = None
                    log.info("%s", kv(event="unsealed"))
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
                    save_pin_state(self.settings.state_dir, a.failures, self.to_wall(a.locked_until))
                except OSError as exc:
                    log.error("%s", kv(event="pin_state_not_saved", error=exc.strerror or exc))
                if a.failures:
                    locked_for = round(max(0.0, a.locked_until - self.clock()), 1)
                    log.warning("%s", kv(event="wrong_pin", failures=a.failures, locked_for=locked_for))
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
                raise PinRejected("too many wrong PINs; locked out", "locked_out", dev.locked_until)
            try:
                result, opened = await asyncio.to_thread(
                    check_pin,
                    self.settings.keystore,
                    pin,
                    self._kem,
                    fingerprint=self.fingerprint,
                    duress_verifier=self.settings.duress_verifier,
                )
            except KeystoreError as exc:
                log.error("%s", kv(event="keystore_error", error=exc))
                raise PinRejected(str(exc), "keystore_error") from None
            if opened is not None and self.key is None:
                self._pending_key = opened
            actions = dev.pin(result, self.clock(), window=window, intent=how)
            self._apply_device(actions)
            self._pending_key = None  # used by Unseal, or not wanted
            if any(isinstance(a, AttemptRejected) for a in actions):
                raise PinRejected("too many wrong PINs; locked out", "locked_out", dev.locked_until)
            if any(isinstance(a, PinStateChanged) and a.failures for a in actions):
                raise PinRejected("wrong PIN", "wrong_pin", dev.locked_until)
            if result == "duress":
                log.warning("%s", kv(event="pin_accepted", intent=intent))
                log.critical("%s", kv(event="duress", note="every client is ordered to lock down"))
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
                    self._display("locked out" if exc.code == "locked_out" else "wrong PIN")
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
