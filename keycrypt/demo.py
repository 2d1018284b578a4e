"""``keycrypt demo``: a keypad and N clients on 127.0.0.1, end to end, in one process.

What it shows, in order: the keystore is created and unsealed, N clients
complete the ML-KEM handshake, heartbeats run (a per-client table every
second), a PIN disarm opens a short maintenance window that re-arms by
itself, then a simulated breach drops every session and every client locks
down; the breach-to-lockdown time of each client is measured on the one
monotonic clock the whole process shares.

Everything is real (sockets, KEM, MACs, the lockdown ladder, the audit log)
except two things said out loud on screen: the keystore uses Argon2's
smallest accepted costs so that the demo starts at once, and the clients run
their ladder in dry-run mode (recorded in the audit log, host untouched).
"""

from __future__ import annotations

import asyncio
import logging
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, TextIO

from keycrypt.constants import Status
from keycrypt.daemon.client import ClientDaemon, ClientSettings, KeypadTarget
from keycrypt.daemon.keypad import KeypadDaemon, KeypadSettings
from keycrypt.machines.device import DeviceConfig

DEMO_PIN = "24682468"
INTERVAL = 0.5
WINDOW = 2.5
TABLE_ROWS = 12


class _Recorder:
    def __init__(self) -> None:
        self.events: list[tuple[str, float, dict[str, Any]]] = []

    def __call__(self, event: str, *, t: float, **fields: Any) -> None:
        self.events.append((event, t, fields))

    def of(self, event: str) -> list[tuple[float, dict[str, Any]]]:
        return [(t, f) for e, t, f in self.events if e == event]


class Demo:
    def __init__(self, clients: int, duration: float, out: TextIO) -> None:
        self.n = clients
        self.duration = duration
        self.out = out
        self.rec = _Recorder()
        self.t0 = time.monotonic()
        self.keypad: KeypadDaemon | None = None
        self.sensor: Any = None
        self.clients: list[tuple[ClientDaemon, asyncio.Task[int]]] = []

    def say(self, text: str) -> None:
        print(f"[{time.monotonic() - self.t0:6.2f}s] {text}", file=self.out, flush=True)

    def table(self) -> None:
        loop = asyncio.get_running_loop()
        now = loop.time()
        rows = []
        for d, _ in self.clients[:TABLE_ROWS]:
            link = d.links[0] if d.links else None
            if link is None:
                continue
            status = "-" if link.status is None else Status(link.status).name
            age = "-" if link.last_pong is None else f"{(now - link.last_pong) * 1000:4.0f}ms"
            rows.append(
                f"    {d.settings.client_id:<10} {link.session.state:<16} {status:<9} "
                f"epoch {link.epoch:<3} pongs {link.pongs:<5} last pong {age}"
            )
        extra = len(self.clients) - TABLE_ROWS
        for r in rows:
            print(r, file=self.out)
        if extra > 0:
            up = sum(1 for d, _ in self.clients if d.links and d.links[0].session.state in ("IDLE", "AWAIT_PONG"))
            print(f"    ... and {extra} more ({up} of {len(self.clients)} clients up in total)", file=self.out)
        self.out.flush()

    async def run(self) -> int:
        from keycrypt.keystore import create_keystore
        from keycrypt.wire.keyfile import Argon2Params

        with tempfile.TemporaryDirectory(prefix="keycrypt-demo-") as tmp:
            d = Path(tmp)
            self.say(f"working directory {d} (removed at the end)")
            params = Argon2Params(time_cost=1, memory_kib=8192, parallelism=1)
            ks = create_keystore(d / "keypad.key", DEMO_PIN, params=params)
            self.say(
                f"keystore created, PIN {DEMO_PIN}; DEMO ONLY: Argon2id t=1, 8 MiB "
                "(a real keypad uses t=3, 64 MiB: keycrypt keypad init)"
            )
            from keycrypt.keystore import format_fingerprint

            self.say(f"keypad fingerprint {format_fingerprint(ks.fingerprint)}")
            self.sensor = _simulated_sensor()
            self.keypad = KeypadDaemon(
                KeypadSettings(
                    keystore=d / "keypad.key",
                    host="127.0.0.1",
                    port=0,
                    state_dir=d / "state",
                    device=DeviceConfig(window_default=WINDOW, window_max=60.0),
                ),
                observer=self.rec,
                sensor=self.sensor,
            )
            await self.keypad.enter_pin(DEMO_PIN, "arm")
            await self.keypad.start()
            assert self.keypad.bound is not None
            port = self.keypad.bound[1]
            self.say(f"keypad unsealed and ARMED, listening on 127.0.0.1:{port}")
            try:
                return await self._scenario(d, ks.ek, port)
            finally:
                for c, task in self.clients:
                    c.request_stop()
                    if not task.done():
                        task.cancel()
                await asyncio.gather(*(t for _, t in self.clients), return_exceptions=True)
                await self.keypad.stop()

    async def _scenario(self, d: Path, ek: bytes, port: int) -> int:
        use_ladder = _ladder_available()
        for i in range(self.n):
            s = ClientSettings(
                client_id=f"host{i + 1:02d}",
                keypads=[KeypadTarget("127.0.0.1", port, ek)],
                heartbeat_interval=INTERVAL,
                boot_grace=10.0,
                dry_run=True,
                audit_log=d / f"audit-host{i + 1:02d}.log",
            )
            hook = None if use_ladder else _print_hook(self, s.client_id)
            c = ClientDaemon(s, observer=self.rec, run_lockdown=hook, process_wide_lockdown=False)
            self.clients.append((c, asyncio.create_task(c.run(signals=False))))
        self.say(
            f"{self.n} clients started (heartbeat {INTERVAL}s minus 0-25 % jitter, deadline "
            f"{INTERVAL * 3:g}s, lockdown ladder in DRY-RUN mode)"
        )
        await self._until(lambda: len(self.rec.of("established")) >= self.n, 10.0)
        est = self.rec.of("established")
        for _, f in est[: TABLE_ROWS]:
            self.say(f"  {f['client_id']}: ML-KEM-768 handshake done, keypad proved its key")
        if len(est) < self.n:
            self.say(f"only {len(est)} of {self.n} clients connected; giving up")
            return 1
        self.say(f"all {self.n} clients established; live heartbeats:")
        for _ in range(max(1, round(self.duration))):
            await asyncio.sleep(1.0)
            self.say(f"heartbeats so far: {len(self.rec.of('heartbeat'))}")
            self.table()

        assert self.keypad is not None
        self.say(f"operator enters the PIN: disarm for {WINDOW:g}s (maintenance window)")
        await self.keypad.enter_pin(DEMO_PIN, "disarm", WINDOW)
        await asyncio.sleep(1.2)
        self.say(f"keypad {self.keypad.device.state}; clients see:")
        self.table()
        await self._until(lambda: self.keypad is not None and self.keypad.device.state == "ARMED", WINDOW + 2)
        self.say(f"window expired: keypad re-armed by itself ({self.keypad.device.state})")
        await asyncio.sleep(1.0)
        self.say("clients see:")
        self.table()

        self.say("BREACH: the door contact opens" + (" (simulated sensor)" if self.sensor is not None else ""))
        if self.sensor is not None:
            self.sensor.trigger_breach("demo: door opened")
        else:
            self.keypad.breach("demo")
        await self._until(lambda: len(self.rec.of("lockdown")) >= self.n, 5.0)
        breach_at = self.keypad.last_breach_at  # the sensor event's own monotonic timestamp
        codes = await asyncio.wait_for(asyncio.gather(*(t for _, t in self.clients)), 15.0)
        lockdowns = self.rec.of("lockdown")
        times = []
        for t, f in sorted(lockdowns, key=lambda x: x[0]):
            ms = (t - breach_at) * 1000 if breach_at is not None else float("nan")
            times.append(ms)
            if len(times) <= TABLE_ROWS:
                self.say(f"  {f['client_id']}: LOCKDOWN ({f['reason']}) {ms:7.2f} ms after the breach")
        self.say(f"keypad {self.keypad.device.state}: new connections refused until the PIN re-arms it")
        ok = len(lockdowns) == self.n and all(c in (5,) for c in codes)
        audit_ok = _verify_audits(d, self.n) if use_ladder else None
        print("", file=self.out)
        print("summary", file=self.out)
        print(f"  clients:                 {self.n}", file=self.out)
        print(f"  heartbeats answered:     {len(self.rec.of('heartbeat'))}", file=self.out)
        print(f"  locked down:             {len(lockdowns)} of {self.n} (dry-run, exit status {sorted(set(codes))})", file=self.out)
        if times:
            print(
                f"  breach -> lockdown:      min {min(times):.2f} ms, median {sorted(times)[len(times) // 2]:.2f} ms, "
                f"max {max(times):.2f} ms (one monotonic clock, in-process)",
                file=self.out,
            )
        if audit_ok is not None:
            print(f"  audit logs:              {'all chains intact' if audit_ok else 'A CHAIN IS BROKEN'}", file=self.out)
        if use_ladder:
            print(f"  host01 audit trail:      {_audit_trail(d / 'audit-host01.log')}", file=self.out)
        print(f"  total time:              {time.monotonic() - self.t0:.1f} s", file=self.out)
        return 0 if ok and audit_ok is not False else 1

    async def _until(self, predicate: Any, timeout: float) -> bool:  # noqa: ASYNC109 - a polling helper: it returns at its bound instead of raising
        end = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > end:
                return False
            await asyncio.sleep(0.02)
        return True


def _simulated_sensor() -> Any:
    try:
        from keycrypt.hw.simulated import SimulatedSensor
    except ImportError:
        return None
    return SimulatedSensor()


def _ladder_available() -> bool:
    try:
        import keycrypt.audit  # noqa: F401
        import keycrypt.lockdown  # noqa: F401
    except ImportError:
        return False
    return True


def _print_hook(demo: Demo, client_id: str) -> Any:
    def hook(reason: str, detail: str) -> None:
        pass  # no ladder module: the lockdown is reported by the observer only

    return hook


def _audit_trail(path: Path) -> str:
    from keycrypt.audit import iter_records

    parts = []
    for r in iter_records(path):
        if r["event"] == "lockdown":
            parts.append(f"lockdown({r['reason']})")
        elif r["event"] == "lockdown_step":
            parts.append(f"{r['detail'].get('action')} {r['detail'].get('status')}")
    return " -> ".join(parts) + "  (refused = dry-run, the host is left alone)"


def _verify_audits(d: Path, n: int) -> bool:
    from keycrypt.audit import verify

    for i in range(n):
        p = d / f"audit-host{i + 1:02d}.log"
        if not p.exists() or not verify(p).ok:
            return False
    return True


def run_demo(clients: int = 5, duration: float = 4.0, out: TextIO | None = None) -> int:
    logging.basicConfig(level=logging.CRITICAL + 1, force=True)  # the demo prints its own story
    return asyncio.run(Demo(clients, duration, out or sys.stdout).run())
