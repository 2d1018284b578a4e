"""Soak: many real client daemons against one real keypad daemon for minutes; nobody may lock down.

``python -m keycrypt.attacks.soak --clients 1000 --minutes 10 [--procs 4]``:
the keypad runs in this process; the clients run in ``--procs`` child
processes (each its own event loop), with the default 0.5 s heartbeat and
``rekey_log2 = 4`` so that every client crosses an epoch every 8 s. Reports
heartbeats, rekeys, lockdowns (must be 0), the keypad's peak connections and
its RSS. Exit 1 on any lockdown or a client that never came up.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any


async def _clients(port: int, ek_hex: str, n: int, seconds: float, prefix: str, interval: float) -> dict[str, Any]:
    from keycrypt.attacks.net import Fleet, quiet

    quiet()
    ek = bytes.fromhex(ek_hex)
    fleet = Fleet()
    rekeys = 0
    for i in range(n):
        d = fleet.add(ek, port, f"{prefix}-{i}", heartbeat_interval=interval, boot_grace=60.0, rekey_log2=4)
        await asyncio.sleep(0.005)  # a fleet booting, not a thundering herd
    await fleet.wait_established(n, timeout=60.0)
    up = len(fleet.established)
    await asyncio.sleep(seconds)
    for d, _ in fleet.members:
        rekeys += sum(link.epoch for link in d.links)
    lockdowns = list(fleet.lockdowns)
    await fleet.close()
    return {"clients": n, "established": up, "heartbeats": sum(fleet.heartbeats.values()), "rekeys": rekeys, "lockdowns": lockdowns[:20], "lockdown_count": len(lockdowns)}


async def soak(clients: int, seconds: float, procs: int, interval: float = 0.5) -> dict[str, Any]:
    from keycrypt.attacks.net import keypad_rig

    per = [clients // procs + (1 if i < clients % procs else 0) for i in range(procs)]
    async with keypad_rig(max_clients=clients + 64, max_half_open=256) as (kd, ek, _, _):
        assert kd.bound is not None
        peak = 0

        async def sample() -> None:
            nonlocal peak
            while True:
                peak = max(peak, len(kd.connections))
                await asyncio.sleep(0.5)

        sampler = asyncio.create_task(sample())
        children = [
            await asyncio.create_subprocess_exec(
                sys.executable, "-m", "keycrypt.attacks.soak", "child", "--port", str(kd.bound[1]), "--ek", ek.hex(),
                "--n", str(n), "--seconds", str(seconds), "--prefix", f"p{i}", "--interval", str(interval),
                stdout=asyncio.subprocess.PIPE,
            )
            for i, n in enumerate(per) if n
        ]
        outs = await asyncio.gather(*(c.communicate() for c in children))
        sampler.cancel()
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    parts = [json.loads(o.decode().strip().splitlines()[-1]) for o, _ in outs]
    total = {k: sum(p[k] for p in parts) for k in ("clients", "established", "heartbeats", "rekeys", "lockdown_count")}
    total.update(
        seconds=seconds, interval=interval, keypad_peak_connections=peak, keypad_max_rss_mb=round(rss_mb, 1),
        lockdowns=[x for p in parts for x in p["lockdowns"]][:20],
        ok=total["lockdown_count"] == 0 and total["established"] == clients,
    )
    return total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m keycrypt.attacks.soak")
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
    ap.add_argument("--json")
    a = ap.parse_args(argv)
    from keycrypt.attacks.__main__ import raise_fd_limit

    raise_fd_limit(16384)
    if a.cmd == "child":
        print(json.dumps(asyncio.run(_clients(a.port, a.ek, a.n, a.seconds, a.prefix, a.interval))))
        return 0
    t0 = time.monotonic()
    res = asyncio.run(soak(a.clients, a.minutes * 60.0, a.procs, a.interval))
    res["wall_seconds"] = round(time.monotonic() - t0, 1)
    print(json.dumps(res, indent=2))
    if a.json:
        Path(a.json).write_text(json.dumps(res, indent=2))
    return 0 if res["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
