"""The client daemon: proves every heartbeat that each keypad is there, locks the host down when not.

One :class:`ClientSession` per configured keypad, each driven by a
:class:`KeypadLink` (an asyncio Protocol). The machine decides everything;
this module carries out its actions: ``Send`` -> write, ``SetTimer`` ->
``loop.call_at``, ``Retry`` -> reconnect after a short, doubling pause (the
boot grace keeps running), a session in IDLE -> the jittered heartbeat timer
(whose expiry is the machine's ``tick``), ``Lockdown`` -> the lockdown ladder.

The ladder runs exactly once, on the first ``Lockdown`` that the policy says
counts (``any``: the first lost keypad; ``all``: the last one; a LOCKDOWN
order: always). Then every link is closed and the daemon exits with
:data:`EXIT_LOCKDOWN`: under systemd that exit also triggers
``FailureAction=poweroff-force``, a last backstop should the ladder itself
have been stopped. In dry-run mode it exits :data:`EXIT_LOCKDOWN_DRY_RUN`,
which the shipped unit counts as success (``SuccessExitStatus=5``), so that
a dry run cannot power the host off.

A lost session is never resumed: a session that came back could be an
attacker's replay of a working network. Under policy ``any`` the first loss
locks the host down. Under policy ``all``, while another keypad still
guards the host, the lost keypad is joined again with a new session and a
new handshake (a rolling restart of redundant keypads); a rejoining keypad
guards nothing until that handshake completes. Fail closed.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import random as _random
import signal
import socket
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, cast

from keycrypt.config import check_response_deadline
from keycrypt.constants import (
    BOOT_GRACE,
    CONNECT_RETRY_MAX,
    CONNECT_RETRY_MIN,
    CONNECT_TIMEOUT,
    DETECT_MULTIPLIER,
    HEARTBEAT_INTERVAL,
    JITTER_FRACTION,
    REKEY_LOG2_DEFAULT,
    Status,
)
from keycrypt.crypto.kem import get_backend
from keycrypt.daemon import kv
from keycrypt.daemon.sdnotify import Notifier, watchdog_interval
from keycrypt.errors import ConfigError, Reason
from keycrypt.exitcodes import EXIT_FAILURE, EXIT_LOCKDOWN, EXIT_LOCKDOWN_DRY_RUN, EXIT_OK
from keycrypt.machines.actions import (
    Action,
    CancelTimer,
    Close,
    Established,
    Lockdown,
    Rekeyed,
    Retry,
    Send,
    SetTimer,
    StatusSeen,
)
from keycrypt.machines.client import ClientConfig, ClientSession

log = logging.getLogger("keycrypt.client")

@dataclass(frozen=True)
class KeypadTarget:
    host: str
    port: int
    ek: bytes = field(repr=False)

    @property
    def name(self) -> str:
        return f"{self.host}:{self.port}"


@dataclass
class ClientSettings:
    client_id: str
    keypads: list[KeypadTarget]
    psk: bytes | None = field(default=None, repr=False)
    heartbeat_interval: float = HEARTBEAT_INTERVAL
    detect_multiplier: int = DETECT_MULTIPLIER
    rekey_log2: int = REKEY_LOG2_DEFAULT
    boot_grace: float | None = BOOT_GRACE
    kem_backend: str = "cryptography"
    policy: str = "any"
    audit_log: Path | None = None
    status_file: Path | None = None
    dry_run: bool = False
    lockdown: dict[str, Any] = field(default_factory=dict)

    @property
    def deadline(self) -> float:
        return self.heartbeat_interval * self.detect_multiplier


class KeypadLink(asyncio.Protocol):
    """One keypad: connects, feeds the session machine, carries out its actions."""

    def __init__(self, daemon: ClientDaemon, target: KeypadTarget, session: ClientSession) -> None:
        self.daemon = daemon
        self.target = target
        self.session = session
        self.transport: asyncio.Transport | None = None
        self._loop = asyncio.get_running_loop()
        self._timer: asyncio.TimerHandle | None = None
        self._tick: asyncio.TimerHandle | None = None
        self._connect_task: asyncio.Task[None] | None = None
        self._retry_delay = CONNECT_RETRY_MIN
        self.established_at: float | None = None
        self.last_pong: float | None = None
        self.status: int | None = None
        self.epoch = 0
        self.counter = 0
        self.pongs = 0
        self.lost: tuple[Reason, str] | None = None
        self.last_error: str | None = None  # of the last failed connect, for the log and the lockdown detail
        self._ping_at: float | None = None
        self.last_rtt: float | None = None  # PING sent to PONG verified, seconds
        self.rejoining = False  # a new session after this keypad was lost (policy "all")

    # --- lifecycle -------------------------------------------------------------------

    def start(self, *, boot_grace: float | None | str = "config") -> None:
        grace = self.daemon.settings.boot_grace if boot_grace == "config" else boot_grace
        self._apply(self.session.start(self._loop.time(), grace))  # type: ignore[arg-type]
        self._connect_soon(0.0)

    def stop(self) -> None:
        if not self.session.terminal:
            self._apply(self.session.stop(self._loop.time()))
        self._teardown()

    def _teardown(self) -> None:
        for h in (self._timer, self._tick):
            if h is not None:
                h.cancel()
        self._timer = self._tick = None
        if self._connect_task is not None:
            self._connect_task.cancel()
            self._connect_task = None
        if self.transport is not None:
            self.transport.abort()
            self.transport = None

    def _connect_soon(self, delay: float) -> None:
        async def attempt() -> None:
            if delay:
                await asyncio.sleep(delay)
            if self.session.terminal:
                return
            try:
                await asyncio.wait_for(
                    self._loop.create_connection(lambda: self, self.target.host, self.target.port),
                    CONNECT_TIMEOUT,
                )
            except (OSError, asyncio.TimeoutError) as exc:
                if isinstance(exc, asyncio.TimeoutError):
                    error = f"no answer within {CONNECT_TIMEOUT:g} s"
                else:
                    error = os.strerror(exc.errno) if exc.errno else str(exc) or type(exc).__name__
                self.last_error = error
                self.daemon.on_connect_failed(self, error)
                if not self.session.terminal:
                    self._apply(self.session.connect_failed(self._loop.time(), error))

        self._connect_task = asyncio.create_task(attempt())

    # --- asyncio callbacks -------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # asyncio's transport or another loop's (uvloop's TCPTransport does not derive from
        # asyncio.Transport but has write/abort/get_extra_info, all this class uses).
        transport = cast(asyncio.Transport, transport)
        if self.session.terminal:
            transport.abort()
            return
        self.transport = transport
        sock = transport.get_extra_info("socket")
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._apply(self.session.connected(self._loop.time()))

    def data_received(self, data: bytes) -> None:
        if not self.session.terminal:
            self._apply(self.session.receive_data(data, self._loop.time()))

    def eof_received(self) -> bool:
        if not self.session.terminal:
            self._apply(self.session.eof(self._loop.time()))
        return False

    def connection_lost(self, exc: Exception | None) -> None:
        if self.transport is None:  # a connection the machine already gave up (Retry) or a torn-down link
            return
        self.transport = None
        if not self.session.terminal:
            self._apply(self.session.eof(self._loop.time()))

    # --- timers ------------------------------------------------------------------------

    def _on_timer(self) -> None:
        self._timer = None
        if not self.session.terminal:
            self._apply(self.session.timer(self._loop.time()))

    def _schedule_tick(self) -> None:
        interval = self.daemon.settings.heartbeat_interval
        # Each beat is sent up to 25 % early, so a fleet does not beat in step.
        delay = interval * (1.0 - JITTER_FRACTION * self.daemon.jitter.random())
        self._tick = self._loop.call_later(delay, self._on_tick)

    def _on_tick(self) -> None:
        self._tick = None
        if self.session.terminal:
            return
        self._ping_at = self._loop.time()  # a tick sends the PING: its PONG gives the round trip
        self._apply(self.session.tick(self._ping_at))

    # --- actions -----------------------------------------------------------------------

    def _apply(self, actions: list[Action]) -> None:
        for a in actions:
            if isinstance(a, Send):
                if self.transport is not None:
                    self.transport.write(a.data)
            elif isinstance(a, SetTimer):
                if self._timer is not None:
                    self._timer.cancel()
                self._timer = self._loop.call_at(a.at, self._on_timer)
            elif isinstance(a, CancelTimer):
                if self._timer is not None:
                    self._timer.cancel()
                    self._timer = None
            elif isinstance(a, Retry):
                # Before the first HELLO_ACK a refusal, a close or no answer is retried within the boot grace.
                dropped, self.transport = self.transport, None
                if dropped is not None:
                    dropped.abort()
                delay, self._retry_delay = self._retry_delay, min(self._retry_delay * 2, CONNECT_RETRY_MAX)
                self._connect_soon(delay)
            elif isinstance(a, Established):
                self.established_at = self.last_pong = self._loop.time()
                self.status = a.status
                log.info(
                    "%s", kv(event="established", keypad=self.target.name, status=_status_name(a.status))
                )
                self.daemon.on_established(self)
            elif isinstance(a, StatusSeen):
                self.last_pong = self._loop.time()
                self.last_rtt = None if self._ping_at is None else self.last_pong - self._ping_at
                self._ping_at = None
                if a.status != self.status:
                    log.info("%s", kv(event="status", keypad=self.target.name, status=_status_name(a.status)))
                self.status, self.counter, self.epoch = a.status, a.counter, a.epoch
                self.pongs += 1
                self.daemon.on_heartbeat(self)
            elif isinstance(a, Rekeyed):
                self.epoch = a.epoch
                log.info("%s", kv(event="rekeyed", keypad=self.target.name, epoch=a.epoch))
            elif isinstance(a, Lockdown):
                self.lost = (a.reason, a.detail)
                self._teardown()
                self.daemon.on_lost(self, a.reason, a.detail)
            elif isinstance(a, Close):
                self._teardown()
        # The heartbeat timer runs while the session is IDLE, from the moment the answer arrived: the
        # next PING then has the whole deadline left by the exposure bound (spec §7) minus one interval,
        # however late the answer came. A PING is never sent before the previous one was answered.
        if self.session.state == "IDLE" and self._tick is None:
            self._schedule_tick()

    def describe(self, now: float) -> dict[str, Any]:
        return {
            "keypad": self.target.name,
            "state": self.session.state,
            "status": _status_name(self.status) if self.status is not None else None,
            "epoch": self.epoch,
            "counter": self.counter,
            "pongs": self.pongs,
            "last_pong_ago": None if self.last_pong is None else round(now - self.last_pong, 3),
            # wall-clock time of the last verified answer: `client status` ages it itself, so the
            # age keeps growing after a lockdown, when the daemon no longer rewrites the file
            "last_pong_at": None if self.last_pong is None else round(time.time() - (now - self.last_pong), 3),
            "lost": None if self.lost is None else {"reason": self.lost[0].value, "detail": self.lost[1]},
        }


def _status_name(status: int | None) -> str:
    if status is None:
        return "-"
    try:
        return Status(status).name
    except ValueError:
        return str(status)


LockdownRunner = Callable[[str, str], Any]


class ClientDaemon:
    """All links of one client and its single lockdown.

    ``observer(event, t=loop time, **fields)`` is told of ``established``,
    ``heartbeat`` and ``lockdown`` (the moment the machine asked for it,
    before the ladder runs). ``run_lockdown(reason, detail)`` replaces the
    ladder (tests only); by default the configured ladder runs through
    :func:`keycrypt.lockdown.execute`.
    """

    def __init__(
        self,
        settings: ClientSettings,
        *,
        observer: Callable[..., None] | None = None,
        notifier: Notifier | None = None,
        random: Callable[[int], bytes] = os.urandom,
        run_lockdown: LockdownRunner | None = None,
        process_wide_lockdown: bool = True,
    ) -> None:
        if not settings.keypads:
            raise ConfigError("needs at least one keypad", key="client.keypads")
        check_response_deadline(settings.heartbeat_interval, settings.detect_multiplier)
        self.settings = settings
        self.observer = observer
        self.notifier = notifier or Notifier()
        self.jitter = _random.Random()
        self._random = random
        self._kem = get_backend(settings.kem_backend)
        self._run_lockdown = run_lockdown
        self._ladder: Any = None
        self._audit: Any = None
        self._lockdown_runner: Any = None
        if run_lockdown is None:
            # Imported (and the ladder checked) now, not when the disk may already be suspended.
            from keycrypt import audit as _audit  # noqa: F401
            from keycrypt import lockdown as _lockdown

            self._ladder = _lockdown.ladder_from_config(settings.lockdown, where="client.lockdown")
            # One ladder per process in production (the module's guard); a demo or a test that
            # runs many clients in one process gives each its own.
            self._lockdown_runner = _lockdown.execute if process_wide_lockdown else _lockdown.LadderRunner().execute
        self.links: list[KeypadLink] = []
        self.lockdown: tuple[Reason, str, str] | None = None  # (reason, detail, keypad)
        self.lockdown_at: float | None = None
        self._done: asyncio.Event | None = None
        self._ready_sent = False
        self._last_watchdog = 0.0
        self._stop_requested = False
        self._status_changed: asyncio.Event | None = None
        self.started_at = 0.0

    # --- running ---------------------------------------------------------------------

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        self._done = asyncio.Event()
        self.started_at = loop.time()
        s = self.settings
        if self._run_lockdown is None and s.audit_log is not None and self._audit is None:
            self._audit = open_audit_log(s.audit_log)
        cfg_deadline = s.deadline
        for target in s.keypads:
            self.links.append(KeypadLink(self, target, self._new_session(target)))
        from keycrypt.keystore import fingerprint, format_fingerprint

        for target in s.keypads:
            # The operator compares this with what `keycrypt keypad init|pubkey|status` printed:
            # the step that stops a man in the middle at enrolment (a public value, not a secret).
            log.info("%s", kv(event="keypad_pinned", keypad=target.name, fingerprint=format_fingerprint(fingerprint(target.ek))))
        for link in self.links:
            link.start()
        log.info(
            "%s",
            kv(
                event="started",
                client_id=s.client_id,
                keypads=",".join(t.name for t in s.keypads),
                interval=s.heartbeat_interval,
                deadline=cfg_deadline,
                policy=s.policy,
                dry_run=s.dry_run,
            ),
        )

    def _new_session(self, target: KeypadTarget) -> ClientSession:
        s = self.settings
        return ClientSession(
            ClientConfig(
                ek=target.ek,
                client_id=s.client_id,
                psk=s.psk,
                rekey_log2=s.rekey_log2,
                response_deadline=s.deadline,
            ),
            kem=self._kem,
            random=self._random,
        )

    async def wait(self) -> int:
        """Until the lockdown (ladder run) or a stop; returns the exit code."""
        assert self._done is not None
        tasks = []
        if self.settings.status_file is not None:
            tasks.append(asyncio.create_task(self._status_loop(self.settings.status_file)))
        try:
            await self._done.wait()
        finally:
            for t in tasks:
                t.cancel()
        for link in self.links:
            link.stop()
        if self.lockdown is None:
            self._write_status_now()
            return EXIT_OK  # stopped by the operator (SIGTERM/SIGINT) before any lockdown
        reason, detail, keypad = self.lockdown
        # One last kick: the watchdog then gives the ladder (audit record first) a full WatchdogSec
        # before systemd's FailureAction takes over as the backstop.
        self.notifier.watchdog()
        code = await self._execute(reason, detail, keypad)
        self._write_status_now()
        if self._audit is not None:
            with contextlib.suppress(Exception):
                self._audit.close()
        return code

    @property
    def dry_run(self) -> bool:
        """Either dry-run switch (top-level ``dry_run`` or ``[lockdown] dry_run``) is on."""
        return self.settings.dry_run or bool(self._ladder is not None and self._ladder.dry_run)

    async def run(self, *, signals: bool = True) -> int:
        """Start and wait; ``signals``: SIGTERM/SIGINT stop the daemon (off when many share a loop)."""
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT) if signals else ():
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, self.request_stop)
        await self.start()
        return await self.wait()

    def request_stop(self) -> None:
        """An orderly stop by the operator (no lockdown)."""
        if self.lockdown is None and self._done is not None and not self._done.is_set():
            log.info("%s", kv(event="stopping", reason="operator"))
            self._stop_requested = True
            self.notifier.stopping()
            self._done.set()

    async def _execute(self, reason: Reason, detail: str, keypad: str) -> int:
        s = self.settings
        log.critical(
            "%s", kv(event="lockdown", reason=reason.value, keypad=keypad, detail=detail, dry_run=s.dry_run)
        )
        self.notifier.status(f"LOCKDOWN {reason.value}")
        try:
            if self._run_lockdown is not None:
                res = self._run_lockdown(reason.value, detail)
                if asyncio.iscoroutine(res):
                    await res
            else:
                await self._lockdown_runner(  # logs and audits each step itself
                    self._ladder,
                    reason,
                    self._audit,
                    detail={"detail": detail, "keypad": keypad, "client_id": s.client_id},
                    allow_destructive=not s.dry_run,
                )
        except Exception as exc:  # the unit's FailureAction=poweroff-force is the backstop
            log.critical("%s", kv(event="lockdown_ladder_failed", error=exc))
            return EXIT_FAILURE
        # 5 is the unit's SuccessExitStatus: returned only when nothing destructive was allowed
        return EXIT_LOCKDOWN_DRY_RUN if self.dry_run else EXIT_LOCKDOWN

    # --- link events -----------------------------------------------------------------

    def on_established(self, link: KeypadLink) -> None:
        if self._status_changed is not None:
            self._status_changed.set()
        self._notify("established", keypad=link.target.name, status=link.status)
        if not self._ready_sent and all(k.established_at is not None for k in self.links if k.lost is None):
            self._ready_sent = True
            self.notifier.ready(f"{self.settings.client_id}: {len(self.links)} keypad(s) up")
        self._kick_watchdog()

    def on_heartbeat(self, link: KeypadLink) -> None:
        if self.observer is not None:
            self._notify("heartbeat", keypad=link.target.name, status=link.status, epoch=link.epoch, rtt=link.last_rtt)
        self._kick_watchdog()

    def on_connect_failed(self, link: KeypadLink, error: str) -> None:
        """A WARNING with the time left before the boot grace runs out (the retries double, up to 2 s apart)."""
        grace = self.settings.boot_grace
        if link.established_at is not None or self.lockdown is not None:
            left = "n/a"
        elif grace is None:
            left = "wait"
        else:
            left = f"{max(0.0, grace - (asyncio.get_running_loop().time() - self.started_at)):.1f}s"
        log.warning("%s", kv(event="connect_failed", keypad=link.target.name, error=error, boot_grace_left=left))

    def on_lost(self, link: KeypadLink, reason: Reason, detail: str) -> None:
        now = asyncio.get_running_loop().time()
        log.warning("%s", kv(event="keypad_lost", keypad=link.target.name, reason=reason.value, detail=detail))
        if self.lockdown is not None or self._stop_requested:
            return
        # Under policy "all" the host is down to the keypads that answer: only an established link
        # guards. A link still on its first connect (in its boot grace, perhaps waiting forever) or
        # rejoining after a loss has answered nothing yet, so it can vouch for nothing (spec §7).
        guarding = [ln for ln in self.links if ln is not link and ln.lost is None and ln.established_at is not None]
        counts = self.settings.policy == "any" or reason == Reason.LOCKDOWN_ORDER or not guarding
        if not counts:
            self.notifier.status(f"DEGRADED lost {link.target.name}: {reason.value}")
            self._rejoin(link)
            return
        self.lockdown = (reason, detail, link.target.name)
        self.lockdown_at = now
        self._notify("lockdown", keypad=link.target.name, reason=reason.value, detail=detail)
        assert self._done is not None
        self._done.set()

    def _rejoin(self, lost: KeypadLink) -> None:
        """Policy "all", another keypad still up: a new session with the lost keypad, from scratch.

        A keypad restarted for maintenance or an upgrade is joined again (a rolling restart
        of redundant keypads, one at a time, locks nothing down). The lost session stays
        dead: the new one is a new machine with a new KEM handshake against the pinned key,
        so nothing of the old one can be replayed. It waits as long as it must (the other
        keypads guard the host meanwhile) and counts as a guard only once established.
        """
        if self._stop_requested or self.lockdown is not None:
            return
        link = KeypadLink(self, lost.target, self._new_session(lost.target))
        link.rejoining = True
        self.links[self.links.index(lost)] = link
        log.warning("%s", kv(event="keypad_rejoining", keypad=lost.target.name, guarded_by=",".join(
            ln.target.name for ln in self.links if ln.lost is None and ln.established_at is not None)))
        link.start(boot_grace=None)

    def _notify(self, event: str, **fields: Any) -> None:
        if self.observer is not None:
            with contextlib.suppress(Exception):
                self.observer(
                    event, t=asyncio.get_running_loop().time(), client_id=self.settings.client_id, **fields
                )

    # --- watchdog and status ---------------------------------------------------------

    def _kick_watchdog(self) -> None:
        """Only a verified HELLO_ACK or PONG feeds the watchdog: WATCHDOG=1 means "verified heartbeats".

        Nothing else does, not even while still connecting in the boot grace:
        systemd arms the watchdog only once the service is ready (READY=1,
        sent after every keypad's HELLO_ACK verified), and a client that has
        never reached a keypad must not tell systemd it is healthy.
        """
        now = time.monotonic()
        if now - self._last_watchdog >= 0.1:
            self._last_watchdog = now
            self.notifier.watchdog()

    def snapshot(self) -> dict[str, Any]:
        loop = asyncio.get_running_loop()
        now = loop.time()
        return {
            "client_id": self.settings.client_id,
            "pid": os.getpid(),
            "updated": time.time(),
            "uptime": round(now - self.started_at, 3),
            "policy": self.settings.policy,
            "dry_run": self.dry_run,  # either switch: the exit status is 5 then
            "config_dry_run": self.settings.dry_run,
            "ladder_dry_run": bool(self._ladder is not None and self._ladder.dry_run),
            "heartbeat_interval": self.settings.heartbeat_interval,
            "deadline": self.settings.deadline,
            "lockdown": None
            if self.lockdown is None
            else {"reason": self.lockdown[0].value, "detail": self.lockdown[1], "keypad": self.lockdown[2]},
            "keypads": [k.describe(now) for k in self.links],
        }

    def _write_status_now(self) -> None:
        path = self.settings.status_file
        if path is None:
            return
        try:
            write_status_file(path, self.snapshot())
        except OSError as exc:
            log.debug("%s", kv(event="status_file_not_written", path=path, error=exc.strerror or exc))

    async def _status_loop(self, path: Path) -> None:
        """Rewrite the status file every second, and at once when a link comes up."""
        self._status_changed = asyncio.Event()
        while True:
            self._status_changed.clear()
            try:
                await asyncio.to_thread(write_status_file, path, self.snapshot())
            except OSError as exc:
                log.debug("%s", kv(event="status_file_not_written", path=path, error=exc.strerror or exc))
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._status_changed.wait(), 1.0)


def open_audit_log(path: Path) -> Any:
    """Open (and lock) the audit log at start, so a lockdown never has to; AuditError if it cannot."""
    from keycrypt.audit import AuditLog
    from keycrypt.errors import AuditError

    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise AuditError(f"cannot create {path.parent}: {exc.strerror or exc}") from None
    return AuditLog(path)


def write_status_file(path: Path, snapshot: dict[str, Any]) -> None:
    from keycrypt.fsutil import atomic_write_bytes

    path.parent.mkdir(mode=0o755, parents=True, exist_ok=True)
    atomic_write_bytes(path, json.dumps(snapshot, indent=1, sort_keys=True).encode() + b"\n", mode=0o644)


WATCHDOG_MARGIN = 0.25
"""Seconds the response deadline must leave before systemd's watchdog timeout (loop latency)."""


def check_watchdog(settings: ClientSettings, period: float | None = None) -> None:
    """Under a systemd watchdog, the response deadline must end well before the watchdog does.

    The watchdog is fed by verified heartbeats, so a keypad that answers late
    (but within the deadline) or not at all starves it. If systemd's timeout
    (``WatchdogSec=``, twice ``period``) came first, systemd would kill the
    client before its own deadline fired: the host still goes down
    (``FailureAction=poweroff-force``) but without the ladder and its audit
    record, and a merely long ``heartbeat_interval`` would power the host off
    a few seconds after every start. Refuse such a configuration at start.
    """
    period = watchdog_interval() if period is None else period
    if not period:
        return
    timeout = 2 * period
    if settings.deadline + WATCHDOG_MARGIN > timeout:
        raise ConfigError(
            f"the response deadline (detect_multiplier x heartbeat_interval = {settings.deadline:g} s) must end "
            f"at least {WATCHDOG_MARGIN:g} s before the systemd watchdog does ({timeout:g} s, WatchdogSec=): "
            "lower it, or raise WatchdogSec= in a drop-in",
            key="client.heartbeat_interval",
        )


async def run_client(
    settings: ClientSettings, notifier: Notifier | None = None, metrics: tuple[str, int] | None = None
) -> int:
    """Run until the lockdown or a stop; ``metrics`` (host, port) serves the Prometheus endpoint."""
    check_watchdog(settings)
    endpoint = None
    if metrics is not None:
        from keycrypt.metrics import Metrics

        endpoint = Metrics("client")
        endpoint.start(*metrics)  # before anything is armed: a taken port is a config error
    daemon = ClientDaemon(settings, notifier=notifier, observer=endpoint.client_event if endpoint else None)
    refresher = None
    try:
        if endpoint is not None:
            refresher = asyncio.create_task(endpoint.refresh_every(daemon.snapshot))
        return await daemon.run()
    finally:
        if refresher is not None:
            refresher.cancel()
        if endpoint is not None:
            endpoint.stop()
