"""Loopback rigs for the socket-level cases: a real keypad daemon, real client daemons, probes.

Keystores use the smallest Argon2 costs (t=1, 8 MiB) so that PIN checks take
milliseconds; everything listens on 127.0.0.1 with an ephemeral port.
Clients run in dry-run with a lockdown hook that records (client_id, reason,
loop time), so a case can assert who locked down, why and when.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import resource
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, AsyncIterator, Iterator

from keycrypt.daemon.client import ClientDaemon, ClientSettings, KeypadTarget
from keycrypt.daemon.keypad import KeypadDaemon, KeypadSettings
from keycrypt.machines.device import DeviceConfig
from keycrypt.wire.keyfile import Argon2Params

PIN = "24682468"
FAST_ARGON2 = Argon2Params(time_cost=1, memory_kib=8192, parallelism=1)
HOST = "127.0.0.1"


def raise_fd_limit(want: int) -> int:
    """Raise the soft open-files limit towards ``want`` (never above the hard limit); the new soft limit."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    new = min(max(soft, want), hard)
    if new != soft:
        resource.setrlimit(resource.RLIMIT_NOFILE, (new, hard))
    return new


def quiet() -> None:
    """For a process of its own (CLI, child): the daemons log every lost session, and attacks cause hundreds."""
    logging.getLogger("keycrypt").setLevel(logging.CRITICAL + 1)


@contextlib.contextmanager
def silenced(name: str = "keycrypt") -> Iterator[None]:
    """:func:`quiet` for the duration only (logger ``name`` and below): a test process's other tests read these logs."""
    logger = logging.getLogger(name)
    old = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        logger.setLevel(old)


def make_keystore(path: Path, pin: str = PIN) -> bytes:
    from keycrypt.keystore import create_keystore

    return create_keystore(path, pin, params=FAST_ARGON2).ek


async def start_keypad(directory: Path, *, keystore: Path | None = None, **overrides: Any) -> KeypadDaemon:
    ks = keystore or directory / "keypad.key"
    if not ks.exists():
        make_keystore(ks)
    settings = KeypadSettings(
        keystore=ks,
        host=HOST,
        port=overrides.pop("port", 0),
        state_dir=overrides.pop("state_dir", directory / "state"),
        device=overrides.pop("device", DeviceConfig(window_default=60.0)),
        **overrides,
    )
    daemon = KeypadDaemon(settings)
    await daemon.enter_pin(PIN, "arm")
    await daemon.start()
    return daemon


@dataclass
class Fleet:
    """Client daemons in this loop; lockdowns and established links recorded with loop times."""

    lockdowns: list[tuple[str, str, float]] = field(default_factory=list)
    established: dict[str, float] = field(default_factory=dict)
    heartbeats: dict[str, int] = field(default_factory=dict)
    members: list[tuple[ClientDaemon, asyncio.Task[int]]] = field(default_factory=list)

    def observer(self, event: str, *, t: float, **f: Any) -> None:
        cid = f.get("client_id", "?")
        if event == "established":
            self.established.setdefault(cid, t)
        elif event == "heartbeat":
            self.heartbeats[cid] = self.heartbeats.get(cid, 0) + 1

    def add(self, ek: bytes, port: int, client_id: str, *, host: str = HOST, **overrides: Any) -> ClientDaemon:
        base: dict[str, Any] = dict(heartbeat_interval=0.1, detect_multiplier=3, boot_grace=5.0, dry_run=True)
        base.update(overrides)
        s = ClientSettings(client_id=client_id, keypads=[KeypadTarget(host, port, ek)], **base)

        def hook(reason: str, detail: str, cid: str = client_id) -> None:
            self.lockdowns.append((cid, reason, asyncio.get_running_loop().time()))

        d = ClientDaemon(s, observer=self.observer, run_lockdown=hook)
        self.members.append((d, asyncio.create_task(d.run(signals=False))))
        return d

    def locked(self, cid: str) -> tuple[str, float] | None:
        return next(((r, t) for c, r, t in self.lockdowns if c == cid), None)

    async def wait_established(self, n: int, timeout: float = 10.0) -> bool:  # noqa: ASYNC109 - a polling helper: it returns at its bound instead of raising as asyncio.timeout would
        return await wait_for(lambda: len(self.established) >= n, timeout)

    async def close(self) -> None:
        for d, _ in self.members:
            d.request_stop()
        for _, t in self.members:
            with contextlib.suppress(BaseException):
                await asyncio.wait_for(t, 5.0)


async def wait_for(predicate: Any, timeout: float, step: float = 0.02) -> bool:  # noqa: ASYNC109 - a polling helper: it returns at its bound instead of raising as asyncio.timeout would
    """Poll ``predicate()`` until true or ``timeout`` (a bound, not a speed claim)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        await asyncio.sleep(step)
    return bool(predicate())


@contextlib.asynccontextmanager
async def keypad_rig(**overrides: Any) -> AsyncIterator[tuple[KeypadDaemon, bytes, Fleet, Path]]:
    """A running keypad (its ek) and an empty fleet; everything torn down afterwards."""
    with silenced(), tempfile.TemporaryDirectory(prefix="kc-attack-") as d:
        directory = Path(d)
        ek = make_keystore(directory / "keypad.key")
        kd = await start_keypad(directory, **overrides)
        fleet = Fleet()
        try:
            yield kd, ek, fleet, directory
        finally:
            await fleet.close()
            await kd.stop()


class Limits:
    """Samples a keypad's connection counters every few ms while a flood runs."""

    def __init__(self, kd: KeypadDaemon) -> None:
        self.kd = kd
        self.max_conns = 0
        self.max_half_open = 0
        self.max_idle_age = 0.0  # oldest connection seen that had not completed its HELLO
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        while True:
            self.max_conns = max(self.max_conns, len(self.kd.connections))
            self.max_half_open = max(self.max_half_open, self.kd.half_open)
            now = asyncio.get_running_loop().time()
            for c in list(self.kd.connections):
                if c.session is not None and c.session.client_id is None:
                    self.max_idle_age = max(self.max_idle_age, now - c.since)
            await asyncio.sleep(0.005)

    def __enter__(self) -> Limits:
        self._task = asyncio.create_task(self._run())
        return self

    def __exit__(self, *exc: object) -> None:
        if self._task is not None:
            self._task.cancel()


async def closed_within(reader: asyncio.StreamReader, timeout: float) -> float | None:  # noqa: ASYNC109 - a polling helper: it returns at its bound instead of raising as asyncio.timeout would
    """Seconds until the peer closed (EOF or reset), None if still open after ``timeout``."""
    t0 = time.monotonic()
    try:
        while True:
            data = await asyncio.wait_for(reader.read(4096), timeout - (time.monotonic() - t0))
            if not data:
                return time.monotonic() - t0
    except (ConnectionError, OSError):
        return time.monotonic() - t0
    except asyncio.TimeoutError:
        return None
