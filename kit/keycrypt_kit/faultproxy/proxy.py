"""A frame-aware TCP proxy on loopback that injects network faults between a client and a keypad.

It sits between a real client daemon and a real keypad daemon and, for one
direction (``k2c``: keypad to client, ``c2k``, or ``both``), applies a fault
to the frame with index ``at`` (frames counted per direction from the
connection's start; index 1 in k2c is the first PONG) and, for the lasting
faults, to every frame after it:

========== ===================================================================
none       forward everything (control)
delay      hold every frame from ``at`` on for ``delay`` seconds, in order
drop       discard frame ``at``
stall      stop forwarding from frame ``at`` on (the connection stays open)
reorder    hold frame ``at`` until the next frame of that direction has been
           forwarded (in KCP/1's lock-step exchange there is none, so it is
           released late, after ``2 × hold``)
duplicate  forward frame ``at`` twice
cut        abort both connections (RST) when frame ``at`` arrives
half_close shut down the write side towards the receiver of frame ``at``
           (a FIN), keep the other direction open
tamper     flip one bit of frame ``at``
replay     forward frame ``at - 1`` again instead of frame ``at``
========== ===================================================================

KCP/1's promise under these faults: a delay whose round trip stays below the
round-trip tolerance (D − interval) / 2 is survived (no false lockdown);
every other fault ends in a lockdown within the deadline (plus scheduling
slack). ``swallow_close`` hides the keypad's close from the client, as an
attacker hiding a breach drop would.

``python -m keycrypt_kit.faultproxy exposure`` measures the exposure bound: a
proxy holds every PONG and swallows the keypad's close, the door is opened
just after a PING has passed, and the time from the breach to the client's
lockdown is reported (goal: at most the deadline + 50 ms).

``python -m keycrypt_kit.faultproxy trials --per-class 100`` runs that
experiment against the reference daemons and prints the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
import statistics
import sys
import time
from dataclasses import dataclass, field
from typing import Any

from keycrypt.constants import HEADER_SIZE, round_trip_tolerance

FAULTS = ("none", "delay", "drop", "stall", "reorder", "duplicate", "cut", "half_close", "tamper", "replay")
CLASSES = (*FAULTS, "delay_over")
"""Trial classes: every fault, plus ``delay_over`` (a delay of 1.5 × the deadline, which must lock down)."""


@dataclass(frozen=True)
class Fault:
    kind: str = "none"
    direction: str = "k2c"  # k2c, c2k or both
    at: int = 1  # index of the first affected frame in that direction (0 = HELLO / HELLO_ACK)
    delay: float = 0.0  # for delay; for reorder the release bound
    seed: int = 0
    swallow_close: bool = False  # keep the client's side open when the keypad closes (an attacker hiding a drop)

    def __post_init__(self) -> None:
        if self.kind not in FAULTS:
            raise ValueError(f"unknown fault {self.kind!r}; one of {', '.join(FAULTS)}")
        if self.direction not in ("k2c", "c2k", "both"):
            raise ValueError(f"direction must be k2c, c2k or both, not {self.direction!r}")
        if self.at < 0 or self.delay < 0:
            raise ValueError("at and delay must not be negative")


class _Frames:
    """Cuts a byte stream into frames by their header's length; garbage is passed on whole."""

    def __init__(self) -> None:
        self.buf = bytearray()

    def feed(self, data: bytes) -> list[bytes]:
        self.buf += data
        out = []
        while len(self.buf) >= HEADER_SIZE:
            need = HEADER_SIZE + int.from_bytes(self.buf[4:6], "big")
            if len(self.buf) < need:
                break
            out.append(bytes(self.buf[:need]))
            del self.buf[:need]
        return out


@dataclass
class ProxyStats:
    connections: int = 0
    injected_at: list[float] = field(default_factory=list)  # loop time of each fault injection
    seen: dict[str, list[float]] = field(default_factory=lambda: {"c2k": [], "k2c": []})  # loop time each frame was read


class FaultProxy:
    """Listens on 127.0.0.1 (ephemeral port) and relays to ``upstream`` with ``fault`` applied."""

    def __init__(self, upstream: tuple[str, int], fault: Fault = Fault()) -> None:
        self.upstream = upstream
        self.fault = fault
        self.stats = ProxyStats()
        self._server: asyncio.AbstractServer | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._writers: list[asyncio.StreamWriter] = []
        self.port = 0

    async def start(self) -> int:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self.port

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
        for w in self._writers:
            with contextlib.suppress(Exception):
                w.transport.abort()
        for t in list(self._tasks):
            t.cancel()
        for t in list(self._tasks):
            with contextlib.suppress(BaseException):
                await t

    async def _handle(self, cr: asyncio.StreamReader, cw: asyncio.StreamWriter) -> None:
        self.stats.connections += 1
        try:
            kr, kw = await asyncio.open_connection(*self.upstream)
        except OSError:
            cw.transport.abort()
            return
        self._writers += [cw, kw]
        pair = {"c": cw, "k": kw}
        for name, reader, writer, other in (("c2k", cr, kw, cw), ("k2c", kr, cw, kw)):
            t = asyncio.create_task(self._pipe(name, reader, writer, other, pair))
            self._tasks.add(t)
            t.add_done_callback(self._tasks.discard)

    def _inject(self) -> None:
        self.stats.injected_at.append(asyncio.get_running_loop().time())

    async def _pipe(self, name: str, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, other: asyncio.StreamWriter, pair: dict[str, asyncio.StreamWriter]) -> None:
        f = self.fault
        applies = f.kind != "none" and f.direction in (name, "both")
        frames = _Frames()
        index = 0
        prev = b""
        stalled = False
        held: bytes | None = None
        queue: asyncio.Queue[tuple[float, bytes] | None] = asyncio.Queue()
        loop = asyncio.get_running_loop()
        rng = random.Random(f.seed)

        async def sender() -> None:  # keeps order while frames are delayed
            while True:
                item = await queue.get()
                if item is None:
                    return
                at, data = item
                wait = at - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
                if not writer.is_closing():
                    writer.write(data)

        send_task = asyncio.create_task(sender())
        self._tasks.add(send_task)
        send_task.add_done_callback(self._tasks.discard)

        def out(data: bytes, delay: float = 0.0) -> None:
            queue.put_nowait((loop.time() + delay, data))

        async def release_late(data: bytes) -> None:
            await asyncio.sleep(f.delay or 1.0)
            out(data)

        try:
            while True:
                data = await reader.read(65536)
                if not data:
                    break
                for fr in frames.feed(data):
                    self.stats.seen[name].append(loop.time())
                    i, index = index, index + 1
                    hit = applies and i == f.at
                    lasting = applies and i >= f.at
                    if stalled:
                        continue
                    if held is not None:  # reorder: the next frame overtakes the held one
                        out(fr)
                        out(held)
                        held = None
                        prev = fr
                        continue
                    if hit:
                        self._inject()
                    if f.kind == "delay" and lasting:
                        out(fr, f.delay)
                    elif hit and f.kind == "drop":
                        pass
                    elif lasting and f.kind == "stall":
                        stalled = True
                    elif hit and f.kind == "reorder":
                        held = fr
                        t = asyncio.create_task(release_late(fr))
                        self._tasks.add(t)
                        t.add_done_callback(self._tasks.discard)
                    elif hit and f.kind == "duplicate":
                        out(fr)
                        out(fr)
                    elif hit and f.kind == "cut":
                        for w in pair.values():
                            w.transport.abort()
                        return
                    elif hit and f.kind == "half_close":
                        await queue.put(None)
                        await send_task
                        if writer.can_write_eof():
                            writer.write_eof()
                        stalled = True
                    elif hit and f.kind == "tamper":
                        b = bytearray(fr)
                        pos = rng.randrange(len(b) * 8)
                        b[pos // 8] ^= 1 << (pos % 8)
                        out(bytes(b))
                    elif hit and f.kind == "replay":
                        out(prev or fr)
                    else:
                        out(fr)
                    prev = fr
                if frames.buf and len(frames.buf) >= HEADER_SIZE and int.from_bytes(frames.buf[4:6], "big") > 65000:
                    out(bytes(frames.buf))  # pass garbage through: the endpoints must refuse it
                    frames.buf.clear()
        except (ConnectionError, OSError):
            pass
        finally:
            with contextlib.suppress(Exception):
                await queue.put(None)
            with contextlib.suppress(BaseException):
                await asyncio.wait_for(send_task, 5.0)
            # with swallow_close the keypad's close is not passed on (the client must notice by its deadline)
            if not (f.swallow_close and name == "k2c"):
                with contextlib.suppress(Exception):
                    if f.kind != "half_close" or not applies:
                        writer.transport.abort() if f.kind == "cut" else writer.close()


# --------------------------------------------------------------------------- trials


@dataclass
class Trial:
    kind: str
    survived: bool
    reason: str | None
    latency: float | None  # fault injection -> lockdown, seconds
    ok: bool
    note: str = ""


EXPECTED_SURVIVE = {"none", "delay"}


async def run_trial(
    keypad_port: int,
    ek: bytes,
    fault: Fault,
    *,
    client_id: str,
    interval: float,
    multiplier: int,
    observe: float,
    slack: float,
) -> Trial:
    """One client through a fresh proxy with ``fault``; watch for ``observe`` seconds after injection."""
    from keycrypt_kit.rig import Fleet

    proxy = FaultProxy(("127.0.0.1", keypad_port), fault)
    port = await proxy.start()
    fleet = Fleet()
    fleet.add(ek, port, client_id, heartbeat_interval=interval, detect_multiplier=multiplier, boot_grace=5.0)
    deadline = interval * multiplier
    loop = asyncio.get_running_loop()
    try:
        t_end = loop.time() + 10.0 + observe
        while loop.time() < t_end:
            if fleet.lockdowns or (proxy.stats.injected_at and loop.time() - proxy.stats.injected_at[0] >= observe):
                break
            if fault.kind == "none" and client_id in fleet.established and loop.time() - fleet.established[client_id] >= observe:
                break
            await asyncio.sleep(0.01)
        if fault.kind == "delay":  # a delay is injected continuously; watch the whole window
            await asyncio.sleep(max(0.0, observe - (loop.time() - (proxy.stats.injected_at or [loop.time()])[0])))
        lk = fleet.locked(client_id)
        injected = proxy.stats.injected_at[0] if proxy.stats.injected_at else None
        if fault.kind in EXPECTED_SURVIVE and fault.delay * 2 < round_trip_tolerance(interval, multiplier):
            ok = lk is None and client_id in fleet.established
            return Trial(fault.kind, lk is None, lk[0] if lk else None, None, ok, "" if ok else f"false lockdown: {lk}")
        if lk is None:
            return Trial(fault.kind, True, None, None, False, f"no lockdown (injected={injected is not None})")
        latency = lk[1] - injected if injected is not None else None
        ok = latency is not None and latency <= deadline + slack
        return Trial(fault.kind, False, lk[0], latency, ok, "" if ok else f"late lockdown {latency}")
    finally:
        await fleet.close()
        await proxy.close()


def _fault_for(kind: str, rng: random.Random, deadline: float, trial: int) -> Fault:
    at = rng.randint(1, 8)
    direction = "c2k" if trial % 2 else "k2c"  # alternate: the keypad's frames and the client's
    if kind == "delay":  # each way at most 40 % of the tolerance: the round trip stays under 80 % of it
        tolerance = round_trip_tolerance(deadline / 3, 3)
        return Fault("delay", "both", at, delay=0.4 * tolerance * rng.uniform(0.3, 1.0), seed=trial)
    if kind == "delay_over":
        return Fault("delay", direction, at, delay=1.5 * deadline, seed=trial)
    if kind == "reorder":
        return Fault("reorder", direction, at, delay=2.0 * deadline, seed=trial)
    if kind in ("tamper", "replay"):
        return Fault(kind, direction, at, seed=trial)
    return Fault(kind, direction, at, seed=trial)


async def trials(
    per_class: int,
    *,
    classes: tuple[str, ...] = CLASSES,
    interval: float = 0.1,
    multiplier: int = 3,
    concurrency: int = 16,
    slack: float = 0.5,
    seed: int = 1,
) -> dict[str, Any]:
    """``per_class`` trials of each fault class against one real keypad daemon; figures per class."""
    from keycrypt_kit.rig import keypad_rig

    deadline = round(interval * multiplier, 6)
    rng = random.Random(seed)
    observe = max(3 * deadline, 1.0)
    results: dict[str, list[Trial]] = {k: [] for k in classes}
    async with keypad_rig(max_half_open=256, hello_timeout=2.0, idle_timeout=2.0) as (kd, ek, _, _):
        assert kd.bound is not None
        sem = asyncio.Semaphore(concurrency)

        async def one(kind: str, i: int) -> None:
            async with sem:
                tr = await run_trial(
                    kd.bound[1], ek, _fault_for(kind, rng, deadline, i), client_id=f"{kind}-{i}",
                    interval=interval, multiplier=multiplier, observe=observe, slack=slack,
                )
                results[kind].append(tr)

        await asyncio.gather(*(one(k, i) for k in classes for i in range(per_class)))
    summary: dict[str, Any] = {"deadline": deadline, "interval": interval, "slack": slack, "classes": {}}
    for kind, trs in results.items():
        lat = [t.latency for t in trs if t.latency is not None]
        reasons: dict[str, int] = {}
        for t in trs:
            key = t.reason or "survived"
            reasons[key] = reasons.get(key, 0) + 1
        summary["classes"][kind] = {
            "trials": len(trs),
            "ok": sum(t.ok for t in trs),
            "expected": "survive" if kind in EXPECTED_SURVIVE else f"lockdown within {deadline}+{slack}s",
            "outcomes": reasons,
            "latency_median": round(statistics.median(lat), 3) if lat else None,
            "latency_max": round(max(lat), 3) if lat else None,
            "failures": [t.note for t in trs if not t.ok][:5],
        }
    summary["all_ok"] = all(c["ok"] == c["trials"] for c in summary["classes"].values())
    return summary


async def exposure(trials: int = 10, *, interval: float = 0.5, multiplier: int = 3, hold: float | None = None,
                   settle: int = 3) -> dict[str, Any]:
    """Breach-to-lockdown under a delaying proxy: the exposure bound (spec §7, KCP1-TM-1), measured.

    Per trial: a fresh client behind a proxy that holds every keypad frame for ``hold`` seconds
    (default 80 % of the round-trip tolerance) and swallows the keypad's close; after ``settle``
    answered PINGs the door is opened 5 ms after the next PING has passed the proxy (the keypad has
    answered it, its PONG is still held). The client must lock down within the deadline of that
    PING's send, so breach-to-lockdown stays at most the deadline.
    """
    from keycrypt_kit.rig import PIN, Fleet, keypad_rig, wait_for

    deadline = interval * multiplier
    hold = 0.8 * round_trip_tolerance(interval, multiplier) if hold is None else hold
    figures: list[float] = []
    notes: list[str] = []
    loop = asyncio.get_running_loop()
    async with keypad_rig() as (kd, ek, _, _):
        assert kd.bound is not None
        for i in range(trials):
            proxy = FaultProxy(("127.0.0.1", kd.bound[1]), Fault("delay", "k2c", 1, delay=hold, swallow_close=True))
            port = await proxy.start()
            fleet = Fleet()
            cid = f"exposure-{i}"
            fleet.add(ek, port, cid, heartbeat_interval=interval, detect_multiplier=multiplier, boot_grace=5.0)
            try:
                if not await wait_for(lambda fleet=fleet, cid=cid: fleet.heartbeats.get(cid, 0) >= settle, 10.0 + settle * 2 * deadline):
                    notes.append(f"trial {i}: no {settle} heartbeats ({fleet.lockdowns})")
                    continue
                pings = len(proxy.stats.seen["c2k"])
                await wait_for(lambda proxy=proxy, pings=pings: len(proxy.stats.seen["c2k"]) > pings, 2 * deadline, step=0.001)
                await asyncio.sleep(0.005)
                breach_at = loop.time()
                kd.breach("exposure-trial")
                await wait_for(lambda fleet=fleet: fleet.lockdowns, 4 * deadline + hold + 1.0, step=0.001)
                lk = fleet.locked(cid)
                if lk is None:
                    notes.append(f"trial {i}: no lockdown within {4 * deadline + hold + 1.0:.1f} s")
                else:
                    figures.append(lk[1] - breach_at)
                    if lk[0] != "deadline":
                        notes.append(f"trial {i}: lockdown reason {lk[0]}")
            finally:
                await fleet.close()
                await proxy.close()
                await kd.enter_pin(PIN, "arm")
    return {
        "trials": trials, "interval": interval, "deadline": round(deadline, 6), "hold": round(hold, 3),
        "lockdowns": len(figures),
        "breach_to_lockdown_max": round(max(figures), 4) if figures else None,
        "breach_to_lockdown_median": round(statistics.median(figures), 4) if figures else None,
        "goal": round(deadline + 0.05, 3),
        "within_goal": bool(figures) and len(figures) == trials and max(figures) <= deadline + 0.05,
        "notes": notes,
    }


def _print(summary: dict[str, Any]) -> None:
    print(f"deadline {summary['deadline']}s (interval {summary['interval']}s), slack {summary['slack']}s")
    print(f"{'class':11} {'ok':>9}  {'latency med/max (s)':>20}  expected / outcomes")
    for kind, c in summary["classes"].items():
        lat = f"{c['latency_median']}/{c['latency_max']}" if c["latency_median"] is not None else "-"
        print(f"{kind:11} {c['ok']:>4}/{c['trials']:<4}  {lat:>20}  {c['expected']}; {c['outcomes']}")
        for n in c["failures"]:
            print(f"{'':11} FAIL {n}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m keycrypt_kit.faultproxy")
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("trials", help="run N trials per fault class against the reference daemons")
    t.add_argument("--per-class", type=int, default=100)
    t.add_argument("--classes", nargs="+", choices=CLASSES, default=list(CLASSES))
    t.add_argument("--interval", type=float, default=0.1, help="heartbeat interval (deadline = 3x)")
    t.add_argument("--concurrency", type=int, default=16)
    t.add_argument("--seed", type=int, default=1)
    t.add_argument("--json")
    e = sub.add_parser("exposure", help="measure breach-to-lockdown under a proxy that holds every PONG")
    e.add_argument("--trials", type=int, default=10)
    e.add_argument("--interval", type=float, default=0.5, help="heartbeat interval (deadline = 3x); default the spec's")
    e.add_argument("--hold", type=float, default=None, help="seconds each keypad frame is held (default 80%% of the tolerance)")
    e.add_argument("--json")
    p = sub.add_parser("proxy", help="run one proxy in front of a keypad")
    p.add_argument("--upstream", required=True, help="HOST:PORT of the keypad")
    p.add_argument("--fault", choices=FAULTS, default="none")
    p.add_argument("--direction", default="k2c")
    p.add_argument("--at", type=int, default=1)
    p.add_argument("--delay", type=float, default=0.0)
    a = ap.parse_args(argv)
    if a.cmd == "trials":
        if a.per_class < 1:
            ap.error("--per-class must be at least 1")
        from keycrypt_kit.rig import quiet

        quiet()
        t0 = time.monotonic()
        summary = asyncio.run(trials(a.per_class, classes=tuple(a.classes), interval=a.interval, concurrency=a.concurrency, seed=a.seed))
        summary["seconds"] = round(time.monotonic() - t0, 1)
        _print(summary)
        print(f"{summary['seconds']} s")
        if a.json:
            with open(a.json, "w") as fh:
                json.dump(summary, fh, indent=2)
        return 0 if summary["all_ok"] else 1
    if a.cmd == "exposure":
        if a.trials < 1:
            ap.error("--trials must be at least 1")
        from keycrypt_kit.rig import quiet

        quiet()
        res = asyncio.run(exposure(a.trials, interval=a.interval, hold=a.hold))
        print(f"exposure: {res['lockdowns']}/{res['trials']} lockdowns, breach -> lockdown median "
              f"{res['breach_to_lockdown_median']} s, max {res['breach_to_lockdown_max']} s "
              f"(deadline {res['deadline']} s, PONGs held {res['hold']} s, goal <= {res['goal']} s): "
              f"{'met' if res['within_goal'] else 'NOT met'}")
        for n in res["notes"]:
            print(f"  {n}")
        if a.json:
            with open(a.json, "w") as fh:
                json.dump(res, fh, indent=2)
        return 0 if res["within_goal"] else 1
    host, _, port = a.upstream.rpartition(":")

    async def serve() -> None:
        proxy = FaultProxy((host, int(port)), Fault(a.fault, a.direction, a.at, a.delay))
        print(f"listening on 127.0.0.1:{await proxy.start()}", flush=True)
        await asyncio.Event().wait()

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
