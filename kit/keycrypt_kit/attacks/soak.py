"""Soak: many real client daemons against one real keypad daemon for minutes; nobody may lock down.

``python -m keycrypt_kit.attacks.soak --clients 1000 --minutes 10 [--procs 4] [--rss-every 10]``:
the keypad runs in this process; the clients run in ``--procs`` child
processes (each its own event loop), with the default 0.5 s heartbeat and
``rekey_log2 = 4`` so that every client crosses an epoch every 8 s.

Reports heartbeats, rekeys, false lockdowns (any lockdown before the end: must
be 0), the keypad's peak connections, and its memory over time: VmRSS of this
process (the keypad's) from ``/proc/self/status`` every ``--rss-every``
seconds, with the mean of the first and of the last minute after every
client is up, their difference and a least-squares slope (KiB/min). At the
end the keypad is breached once: every client must lock down (a client that
does not is a missed breach), and the time from the breach to each client's
lockdown is reported. Exit 1 on any false lockdown, missed breach or client
that never came up.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any


async def _clients(port: int, ek_hex: str, n: int, seconds: float, prefix: str, interval: float) -> dict[str, Any]:
    """A child's fleet: up, soak, report ``soaked``, then wait for the parent's breach and report."""
    from keycrypt_kit.rig import Fleet, quiet, wait_for

    quiet()
    loop = asyncio.get_running_loop()
    ek = bytes.fromhex(ek_hex)
    fleet = Fleet()
    rekeys = 0
    for i in range(n):
        fleet.add(ek, port, f"{prefix}-{i}", heartbeat_interval=interval, boot_grace=60.0, rekey_log2=4)
        await asyncio.sleep(0.005)  # a fleet booting, not a thundering herd
    await fleet.wait_established(n, timeout=60.0)
    up = len(fleet.established)
    await asyncio.sleep(seconds)
    for d, _ in fleet.members:
        rekeys += sum(link.epoch for link in d.links)
    false = list(fleet.lockdowns)
    heartbeats = sum(fleet.heartbeats.values())
    _say({"phase": "soaked"})
    # The parent breaches the keypad and sends its loop time (CLOCK_MONOTONIC, system-wide).
    line = await loop.run_in_executor(None, sys.stdin.readline)
    breach_at = float(line.split()[1]) if line.startswith("breach ") else None
    after: list[tuple[str, str, float]] = []
    if breach_at is not None:
        await wait_for(lambda: len(fleet.lockdowns) >= len(false) + up, 10.0)
        after = fleet.lockdowns[len(false):]
    reasons = Counter(r for _, r, _ in after)
    await fleet.close()
    return {
        "clients": n, "established": up, "heartbeats": heartbeats, "rekeys": rekeys,
        "lockdowns": false[:20], "lockdown_count": len(false),
        "breach_sent": breach_at is not None,
        "breach_lockdowns": len({c for c, _, _ in after}),
        "breach_reasons": dict(reasons),
        "breach_to_lockdown_ms": [round((t - breach_at) * 1000, 3) for _, _, t in after] if breach_at is not None else [],
    }


def _say(obj: dict[str, Any]) -> None:
    print(json.dumps(obj), flush=True)


def vmrss_kib(pid: int | str = "self") -> int:
    """VmRSS of a process from /proc/PID/status, in KiB (Linux)."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc status")


def flatness(samples: list[tuple[float, int, int]], sessions: int, window: float = 60.0) -> dict[str, Any]:
    """Memory over time from (t_s, rss_kib, sessions) samples: first vs last window once all are up, and a slope.

    The steady part starts at the first sample with every session up; ``window``
    shrinks to a quarter of the steady span when that is shorter than 4 windows
    (the CI form). Nothing here judges the figures.
    """
    steady = [x for x in samples if x[2] >= sessions]
    steady = samples[samples.index(steady[0]):] if steady else []
    out: dict[str, Any] = {"steady_samples": len(steady)}
    if len(steady) < 2:
        return out
    t0, t1 = steady[0][0], steady[-1][0]
    w = min(window, (t1 - t0) / 4) if t1 > t0 else 0.0
    first = [r for t, r, _ in steady if t <= t0 + w] or [steady[0][1]]
    last = [r for t, r, _ in steady if t >= t1 - w] or [steady[-1][1]]
    ts = [t for t, _, _ in steady]
    rs = [r for _, r, _ in steady]
    mt, mr = sum(ts) / len(ts), sum(rs) / len(rs)
    var = sum((t - mt) ** 2 for t in ts)
    slope = sum((t - mt) * (r - mr) for t, r in zip(ts, rs, strict=True)) / var if var else 0.0
    out.update(
        steady_from_s=round(t0, 1), window_s=round(w, 1),
        first_window_kib=round(sum(first) / len(first)), last_window_kib=round(sum(last) / len(last)),
        min_kib=min(rs), max_kib=max(rs), slope_kib_per_min=round(slope * 60, 2),
    )
    out["growth_kib"] = out["last_window_kib"] - out["first_window_kib"]
    return out


async def soak(clients: int, seconds: float, procs: int, interval: float = 0.5, rss_every: float = 10.0) -> dict[str, Any]:
    from keycrypt_kit.rig import keypad_rig

    per = [clients // procs + (1 if i < clients % procs else 0) for i in range(procs)]
    async with keypad_rig(max_clients=clients + 64, max_half_open=256) as (kd, ek, _, _):
        assert kd.bound is not None
        loop = asyncio.get_running_loop()
        start = loop.time()
        peak = 0
        rss: list[tuple[float, int, int]] = []  # (s since start, VmRSS KiB, established sessions)

        def established() -> int:
            return sum(1 for c in kd.connections if c.session is not None and c.session.client_id is not None)

        async def sample() -> None:
            nonlocal peak
            next_rss = loop.time()
            while True:
                peak = max(peak, len(kd.connections))
                if loop.time() >= next_rss:
                    rss.append((round(loop.time() - start, 2), vmrss_kib(), established()))
                    next_rss += rss_every
                await asyncio.sleep(min(0.5, rss_every))

        sampler = asyncio.create_task(sample())
        children = [
            await asyncio.create_subprocess_exec(
                sys.executable, "-m", "keycrypt_kit.attacks.soak", "child", "--port", str(kd.bound[1]), "--ek", ek.hex(),
                "--n", str(n), "--seconds", str(seconds), "--prefix", f"p{i}", "--interval", str(interval),
                stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            )
            for i, n in enumerate(per) if n
        ]
        # Every child reports when its soak is over; then one breach, which every client must see.
        soaked = await asyncio.gather(*(c.stdout.readline() for c in children))  # type: ignore[union-attr]
        sampler.cancel()
        rss.append((round(loop.time() - start, 2), vmrss_kib(), established()))
        at_breach = established()
        breach_at = loop.time()
        kd.breach("soak")
        for c in children:
            assert c.stdin is not None
            c.stdin.write(f"breach {breach_at!r}\n".encode() if all(soaked) else b"no-breach\n")
        outs = await asyncio.gather(*(c.communicate() for c in children))
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    parts = [json.loads(o.decode().strip().splitlines()[-1]) for o, _ in outs]
    total = {k: sum(p[k] for p in parts) for k in ("clients", "established", "heartbeats", "rekeys", "lockdown_count", "breach_lockdowns")}
    times = sorted(t for p in parts for t in p["breach_to_lockdown_ms"])
    reasons = sum((Counter(p["breach_reasons"]) for p in parts), Counter())
    missed = at_breach - total["breach_lockdowns"] if all(p["breach_sent"] for p in parts) else None
    total.update(
        seconds=seconds, interval=interval, keypad_peak_connections=peak, keypad_max_rss_mb=round(rss_mb, 1),
        lockdowns=[x for p in parts for x in p["lockdowns"]][:20],
        false_lockdowns=total["lockdown_count"],
        breach={
            "sessions_at_breach": at_breach, "locked_down": total["breach_lockdowns"], "missed": missed,
            "reasons": dict(reasons),
            "last_ms": times[-1] if times else None, "p50_ms": times[len(times) // 2] if times else None,
        },
        rss={"every_s": rss_every, "samples": rss, **flatness(rss, clients)},
        ok=total["lockdown_count"] == 0 and total["established"] == clients and missed == 0,
    )
    return total


def summary(res: dict[str, Any]) -> str:
    """A few lines for the terminal; the JSON has everything."""
    r, b = res["rss"], res["breach"]
    lines = [
        f"soak: {res['clients']} clients ({res['established']} up) for {res['seconds']:g} s: "
        f"{res['false_lockdowns']} false lockdowns, {res['heartbeats']} heartbeats, {res['rekeys']} rekeys, "
        f"keypad peak {res['keypad_peak_connections']} connections",
        f"breach at the end: {b['locked_down']}/{b['sessions_at_breach']} sessions locked down, missed {b['missed']}, "
        f"reasons {b['reasons']}, last {b['last_ms']} ms (p50 {b['p50_ms']} ms)",
        f"keypad VmRSS, {len(r['samples'])} samples every {r['every_s']:g} s:",
    ]
    if "first_window_kib" in r:
        lines.append(
            f"  steady from {r['steady_from_s']} s: first {r['window_s']} s {r['first_window_kib']} KiB, "
            f"last {r['window_s']} s {r['last_window_kib']} KiB (growth {r['growth_kib']:+d} KiB), "
            f"min {r['min_kib']} max {r['max_kib']} KiB, slope {r['slope_kib_per_min']:+.2f} KiB/min"
        )
    step = max(1, len(r["samples"]) // 12)
    lines.append("  " + ", ".join(f"{t:g} s {kib} KiB" for t, kib, _ in r["samples"][::step]))
    lines.append("OK" if res["ok"] else "FAIL")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m keycrypt_kit.attacks.soak")
    sub = ap.add_subparsers(dest="cmd")
    c = sub.add_parser("child")
    c.add_argument("--port", type=int, required=True)
    c.add_argument("--ek", required=True)
    c.add_argument("--n", type=int, required=True)
    c.add_argument("--seconds", type=float, required=True)
    c.add_argument("--prefix", required=True)
    c.add_argument("--interval", type=float, default=0.5)
    ap.add_argument("--clients", type=int, default=1000)
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--procs", type=int, default=4)
    ap.add_argument("--interval", type=float, default=0.5)
    ap.add_argument("--rss-every", type=float, default=10.0, help="seconds between keypad VmRSS samples")
    ap.add_argument("--json")
    a = ap.parse_args(argv)
    from keycrypt_kit.rig import raise_fd_limit

    raise_fd_limit(16384)
    if a.cmd == "child":
        _say(asyncio.run(_clients(a.port, a.ek, a.n, a.seconds, a.prefix, a.interval)))
        return 0
    t0 = time.monotonic()
    res = asyncio.run(soak(a.clients, a.minutes * 60.0, a.procs, a.interval, a.rss_every))
    res["wall_seconds"] = round(time.monotonic() - t0, 1)
    print(summary(res))
    if a.json:
        Path(a.json).write_text(json.dumps(res, indent=2))
    return 0 if res["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
