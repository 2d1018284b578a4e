"""Load generator for the keypad benchmark: one process, many raw asyncio connections.

A worker process is driven by the benchmark over a multiprocessing pipe
(commands in, JSON-able dicts out). Each connection is an asyncio Protocol,
not a coroutine, so ten thousand of them cost little:

* ``kcp``  -- a real KCP/1 client: the sans-IO :class:`ClientSession` does the
  handshake, every PING and every PONG check; its Lockdown actions are
  timestamped on CLOCK_MONOTONIC (``loop.time()``), the clock the keypad's
  own timestamps use, so breach-to-lockdown is measured across processes.
* ``hmac`` -- the minimal baseline's client: the same 74-byte PING-sized frame
  with an HMAC-SHA-256 tag, the same 43-byte PONG-sized answer verified.
* ``tls``  -- the TLS 1.3 baseline's client: 74-byte messages over TLS,
  43-byte answers.

HELLO encapsulations are computed before a storm starts (a real ML-KEM
ciphertext each, drawn from a pool) so that the generator's own KEM work does
not slow the storm it is measuring.
"""

from __future__ import annotations

import asyncio
import hmac
import os
import random
import resource
import socket
import ssl
from array import array
from typing import Any

from keycrypt.constants import PING_MIN_INTERVAL
from keycrypt.crypto.kem import get_backend
from keycrypt.machines.actions import CancelTimer, Close, Established, Lockdown, Retry, Send, SetTimer, StatusSeen
from keycrypt.machines.client import ClientConfig, ClientSession
from keycrypt.wire import fastpath

BASELINE_KEY = bytes(range(32))  # the baselines' fixed MAC key (not a secret: a benchmark constant)
PING_SIZE = fastpath.PING_SIZE
PONG_SIZE = fastpath.PONG_SIZE
PACE = PING_MIN_INTERVAL * 1.2
"""The soonest a generated PING follows the keypad's previous answer (spec §4: sooner ends the session),
with 20 % margin for the two processes' clocks."""


def raise_nofile() -> int:
    """Soft RLIMIT_NOFILE up to the hard limit; returns the new soft limit."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def pin_to(cpus: set[int] | None) -> bool:
    if not cpus or not hasattr(os, "sched_setaffinity"):
        return False
    try:
        os.sched_setaffinity(0, cpus)
        return True
    except OSError:
        return False


def event_loop_label(name: str) -> str:
    """``name`` ("asyncio" or "uvloop") with uvloop's version; ImportError when the extra is missing."""
    if name == "asyncio":
        return "asyncio"
    if name != "uvloop":
        raise ValueError(f"unknown event loop {name!r}")
    import uvloop  # the optional extra: pip install -e '.[uvloop]'

    return f"uvloop {uvloop.__version__}"


def use_event_loop(name: str) -> str:
    """Make ``asyncio.run`` in this process use ``name`` ("asyncio" or "uvloop"); returns its label."""
    label = event_loop_label(name)
    if name == "uvloop":
        import uvloop

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    return label


def cpu_seconds(pid: int) -> float:
    """utime + stime of a process from /proc (seconds)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class PooledKem:
    """A KEM backend whose encapsulations were done in advance (real ciphertexts, one each)."""

    deterministic = False

    def __init__(self, backend: Any, ek: bytes, n: int) -> None:
        backend.check_ek(ek)  # once here, not per client (~100 us each)
        self._backend = backend
        self._ek = ek
        self._pool = [backend.encapsulate(ek) for _ in range(n)]

    def check_ek(self, ek: bytes) -> None:
        if ek != self._ek:
            self._backend.check_ek(ek)

    def encapsulate(self, ek: bytes, m: bytes | None = None) -> tuple[bytes, bytes]:
        if self._pool:
            return self._pool.pop()
        return self._backend.encapsulate(ek)


class Conn(asyncio.Protocol):
    """One benchmark connection; ``gen.mode`` says which protocol it speaks."""

    def __init__(self, gen: Generator, idx: int) -> None:
        self.gen = gen
        self.idx = idx
        self.transport: asyncio.Transport | None = None
        self.session: ClientSession | None = None
        self.established = False
        self.sent_at = 0.0
        self.waiting = False
        self.deadline_at: float | None = None
        self.timer: asyncio.TimerHandle | None = None
        self.tick_handle: asyncio.TimerHandle | None = None
        self.done = False
        self.buf = b""
        self.counter = 0
        self.challenge = b""

    # --- asyncio ---------------------------------------------------------------------
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        sock = transport.get_extra_info("socket")
        if sock is not None:
            try:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            except OSError:
                pass
        now = self.gen.loop.time()
        if self.gen.mode == "kcp":
            self.session = ClientSession(self.gen.client_config(self.idx), kem=self.gen.kem, random=self.gen.rand)
            self.apply(self.session.connected(now), now)
        else:
            self.on_established(now)

    def data_received(self, data: bytes) -> None:
        now = self.gen.loop.time()
        if self.session is not None:
            if not self.session.terminal:
                self.apply(self.session.receive_data(data, now), now)
            return
        self.buf += data
        while len(self.buf) >= PONG_SIZE:
            reply, self.buf = self.buf[:PONG_SIZE], self.buf[PONG_SIZE:]
            if self.gen.mode == "hmac":
                want = hmac.digest(BASELINE_KEY, reply[:-32] + self.challenge, "sha256")
                if not hmac.compare_digest(want, reply[-32:]):
                    self.gen.errors += 1
                    self.lost("mac_failure", now)
                    return
            self.counter += 1
            self.on_pong(now)

    def connection_lost(self, exc: Exception | None) -> None:
        now = self.gen.loop.time()
        if self.session is not None:
            if not self.session.terminal:
                self.apply(self.session.eof(now), now)
        elif not self.done:
            self.lost("eof", now)
        self.transport = None

    # --- KCP actions ---------------------------------------------------------------------
    def apply(self, actions: list[Any], now: float) -> None:
        for a in actions:
            if isinstance(a, Send):
                if self.transport is not None:
                    self.transport.write(a.data)
            elif isinstance(a, SetTimer):
                self.deadline_at = a.at
                if self.timer is not None:
                    self.timer.cancel()
                self.timer = self.gen.loop.call_at(a.at, self.on_timer)
            elif isinstance(a, CancelTimer):
                if self.timer is not None:
                    self.timer.cancel()
                    self.timer = None
            elif isinstance(a, Established):
                self.on_established(now)
            elif isinstance(a, StatusSeen):
                self.on_pong(now)
            elif isinstance(a, Lockdown):
                self.lost(a.reason.value, now)
            elif isinstance(a, (Close, Retry)):
                self.lost("closed", now)

    def on_timer(self) -> None:
        self.timer = None
        if self.session is not None and not self.session.terminal:
            now = self.gen.loop.time()
            self.apply(self.session.timer(now), now)

    # --- events ------------------------------------------------------------------------
    def on_established(self, now: float) -> None:
        self.established = True
        self.gen.on_established(self, now)

    def on_pong(self, now: float) -> None:
        self.waiting = False
        self.gen.on_pong(self, now - self.sent_at)
        if self.gen.saturate:
            # as fast as the keypad's pace allows (spec §4: a PING sooner than ping_min_interval after the
            # answer ends the session), with 20 % margin for the two processes' clocks
            self.gen.loop.call_later(PACE, self.tick)

    def lost(self, reason: str, now: float) -> None:
        if self.done:
            return
        self.done = True
        late = None if self.deadline_at is None else now - self.deadline_at
        self.gen.on_lost(self, reason, now, late)
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None
        if self.tick_handle is not None:
            self.tick_handle.cancel()
            self.tick_handle = None
        if self.transport is not None:
            self.transport.abort()

    def tick(self) -> None:
        """Send one PING now (if none is outstanding)."""
        if self.done or self.transport is None or not self.established:
            return
        now = self.gen.loop.time()
        if self.session is not None:
            before = self.session.state
            acts = self.session.tick(now)
            if before != "IDLE":
                self.apply(acts, now)
                return
            self.sent_at = now
            self.waiting = True
            self.gen.sent += 1
            self.apply(acts, now)
            return
        if self.waiting:
            return
        self.sent_at = now
        self.waiting = True
        self.gen.sent += 1
        self.challenge = self.gen.rand(32)
        prefix = fastpath.ping_prefix(self.counter & 0xFFFFFFFF, self.challenge)
        self.transport.write(prefix + hmac.digest(BASELINE_KEY, prefix, "sha256"))

    def heartbeat(self) -> None:
        self.tick_handle = self.gen.loop.call_later(self.gen.interval, self.heartbeat)
        self.tick()


class Generator:
    """The state of one worker process."""

    def __init__(self, wid: int, cfg: dict[str, Any]) -> None:
        self.wid = wid
        self.loop = asyncio.get_running_loop()
        self.mode: str = cfg["mode"]
        self.host: str = cfg["host"]
        self.port: int = cfg["port"]
        self.ek: bytes | None = cfg.get("ek")
        self.deadline: float = cfg.get("deadline", 1.5)
        self.interval: float = cfg.get("interval", 0.5)
        self.kem: Any = None
        if self.mode == "kcp":
            assert self.ek is not None
            self.kem = PooledKem(get_backend("cryptography"), self.ek, cfg.get("pool", 0))
        self.ssl: ssl.SSLContext | None = None
        if self.mode == "tls":
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            ctx.minimum_version = ssl.TLSVersion.TLSv1_3
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE  # a run-time self-signed cert; the baseline measures cost, not trust
            self.ssl = ctx
        self.rand = random.Random(wid).randbytes  # challenges: the generator is not under test
        self.conns: list[Conn] = []
        self.saturate = False
        self.auto_heartbeat: bool = cfg.get("auto_heartbeat", False)  # start beating once established
        self.reset_stats()
        self.est_times: list[float] = []
        self.lost: list[tuple[float, str, float | None]] = []
        self.max_lag = 0.0  # worst lateness of this loop (a generator that lags is measuring itself)
        self._lag_task = asyncio.ensure_future(self._watch_lag())
        self.connect_errors = 0

    async def _watch_lag(self) -> None:
        while True:
            t = self.loop.time()
            await asyncio.sleep(0.02)
            self.max_lag = max(self.max_lag, self.loop.time() - t - 0.02)

    def client_config(self, idx: int) -> ClientConfig:
        assert self.ek is not None
        return ClientConfig(ek=self.ek, client_id=f"bench-{self.wid}-{idx}", response_deadline=self.deadline)

    def reset_stats(self) -> None:
        self.lat = array("d")
        self.sent = 0
        self.errors = 0

    def on_established(self, conn: Conn, now: float) -> None:
        self.est_times.append(now)
        if self.auto_heartbeat:  # never sooner than the keypad's pace allows after its HELLO_ACK
            conn.tick_handle = self.loop.call_later(PACE + random.random() * self.interval, conn.heartbeat)

    def on_pong(self, conn: Conn, latency: float) -> None:
        self.lat.append(latency)

    def on_lost(self, conn: Conn, reason: str, now: float, late: float | None) -> None:
        self.lost.append((now, reason, late))

    async def connect(self, n: int, start_at: float, concurrency: int, timeout: float) -> dict[str, Any]:  # noqa: ASYNC109 - a polling helper: it returns at its bound instead of raising as asyncio.timeout would
        """Open ``n`` more connections from ``start_at`` (monotonic), at most ``concurrency`` in flight."""
        await asyncio.sleep(max(0.0, start_at - self.loop.time()))
        first = len(self.conns)
        self.est_times = []
        sem = asyncio.Semaphore(concurrency)
        t0 = self.loop.time()

        async def one(i: int) -> None:
            async with sem:
                c = Conn(self, i)
                try:
                    await self.loop.create_connection(lambda: c, self.host, self.port, ssl=self.ssl)
                except OSError:
                    self.connect_errors += 1
                    return
                self.conns.append(c)

        await asyncio.gather(*(one(first + i) for i in range(n)))
        # HELLO_ACKs may still be in flight
        end = self.loop.time() + timeout
        while len(self.est_times) < n and self.loop.time() < end:
            if sum(1 for c in self.conns[first:] if c.done) + len(self.est_times) >= n:
                break
            await asyncio.sleep(0.01)
        lag, self.max_lag = self.max_lag, 0.0
        return {
            "max_loop_lag": lag,
            "requested": n,
            "established": len(self.est_times),
            "connect_errors": self.connect_errors,
            "lost": len(self.lost),
            "lost_reasons": _count(r for _, r, _ in self.lost),
            "t0": t0,
            "est_times": list(self.est_times),
        }

    def start_heartbeat(self, saturate: bool) -> None:
        self.saturate = saturate
        for c in self.conns:
            if c.tick_handle is not None:
                c.tick_handle.cancel()
                c.tick_handle = None
        for c in self.conns:
            # the first PING of a phase waits the keypad's pace too: the last answer may be just in
            if saturate:
                c.tick_handle = self.loop.call_later(PACE, c.tick)
            else:
                c.tick_handle = self.loop.call_later(PACE + random.random() * self.interval, c.heartbeat)

    def stop_heartbeat(self) -> None:
        self.saturate = False
        for c in self.conns:
            if c.tick_handle is not None:
                c.tick_handle.cancel()
                c.tick_handle = None

    async def measure(self, warmup: float, duration: float) -> dict[str, Any]:
        await asyncio.sleep(warmup)
        self.reset_stats()
        self.max_lag = 0.0
        cpu0, t0 = cpu_seconds(os.getpid()), self.loop.time()
        await asyncio.sleep(duration)
        cpu1, t1 = cpu_seconds(os.getpid()), self.loop.time()
        lat = self.lat
        self.reset_stats()
        return {
            "pongs": len(lat),
            "elapsed": t1 - t0,
            "cpu": (cpu1 - cpu0) / (t1 - t0),
            "lat": lat.tobytes(),
            "alive": sum(1 for c in self.conns if not c.done),
            "lost": len(self.lost),
            "lost_reasons": _count(r for _, r, _ in self.lost),
            "max_loop_lag": self.max_lag,
        }

    def close_all(self, final: bool = False) -> None:
        if final:
            self._lag_task.cancel()
        self.stop_heartbeat()
        for c in self.conns:
            c.done = True
            if c.timer is not None:
                c.timer.cancel()
            if c.transport is not None:
                c.transport.abort()
        self.conns = []
        self.lost = []


def _count(items: Any) -> dict[str, int]:
    out: dict[str, int] = {}
    for x in items:
        out[x] = out.get(x, 0) + 1
    return out


async def _serve(wid: int, conn: Any) -> None:
    loop = asyncio.get_running_loop()
    gen: Generator | None = None
    while True:
        cmd, arg = await loop.run_in_executor(None, conn.recv)
        if cmd == "exit":
            if gen is not None:
                gen.close_all(final=True)
            conn.send({"ok": True})
            return
        if cmd == "setup":
            if gen is not None:
                gen.close_all(final=True)
            gen = Generator(wid, arg)
            reply: dict[str, Any] = {"ok": True}
        elif cmd == "connect":
            assert gen is not None
            reply = await gen.connect(arg["n"], arg["start_at"], arg["concurrency"], arg["timeout"])
        elif cmd == "heartbeat":
            assert gen is not None
            gen.start_heartbeat(arg["saturate"])
            reply = {"ok": True}
        elif cmd == "stop":
            assert gen is not None
            gen.stop_heartbeat()
            reply = {"ok": True}
        elif cmd == "measure":
            assert gen is not None
            reply = await gen.measure(arg["warmup"], arg["duration"])
        elif cmd == "lost":
            assert gen is not None
            reply = {"lost": list(gen.lost), "alive": sum(1 for c in gen.conns if not c.done)}
        elif cmd == "close":
            assert gen is not None
            gen.close_all()
            await asyncio.sleep(0.1)
            reply = {"ok": True}
        else:
            reply = {"error": f"unknown command {cmd!r}"}
        conn.send(reply)


def worker_main(wid: int, conn: Any, cpus: set[int] | None) -> None:
    """Entry point of a generator process."""
    pin_to(cpus)
    raise_nofile()
    asyncio.run(_serve(wid, conn))

