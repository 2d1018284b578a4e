"""Worst legitimate round trip while attacking sessions pipeline PINGs (issue 11 item 4).

A keypad daemon on 127.0.0.1 (asyncio, or ``--uvloop``), 5 legitimate client
daemons (0.2 s heartbeat, deadline 0.6 s) and one probing client that times
each PING to its verified PONG; an attacker process opens ``--sessions``
sessions with its own keys (all it needs is the public key) and pipelines
valid PINGs in each for ``--seconds``. Prints the probe's round trips
(median, p99, worst), the attacker's counts and whether any legitimate client
locked down. Bounded by ``--seconds`` (plus a few seconds of set-up); it
asserts nothing.

    python benchmarks/bench_pipeline.py                       # 100 sessions, 10 s, asyncio and uvloop
    python benchmarks/bench_pipeline.py --seconds 3 --loop asyncio --json out.json
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from keycrypt_kit.attacks.keypad_dos_cases import pipelined_flood, run_on_loop  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, default=100)
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--loop", choices=("asyncio", "uvloop", "both"), default="both")
    ap.add_argument("--json", help="write the figures here")
    a = ap.parse_args(argv)
    loops = ("asyncio", "uvloop") if a.loop == "both" else (a.loop,)
    results = {}
    print(f"{a.sessions} pipelining sessions for {a.seconds:g} s; load average before: {os.getloadavg()[0]:.2f}")
    print(f"{'loop':<8} {'rtt median ms':>13} {'rtt worst ms':>12} {'probes':>6} {'PINGs sent':>10} {'answered':>9} {'legit up':>8} {'load':>5}")
    for loop in loops:
        out = run_on_loop(lambda: pipelined_flood(a.sessions, a.seconds), loop)
        f = out.figures
        results[loop] = {"ok": out.ok, "happened": out.happened, **f}
        if f.get("skipped"):
            print(f"{loop:<8} {out.happened}")
            continue
        up = 5 - int(f.get("legit_lockdowns", 0))
        print(
            f"{loop:<8} {f.get('legit_rtt_ms_median')!s:>13} {f.get('legit_rtt_ms_worst')!s:>12} {f.get('legit_rtts')!s:>6} "
            f"{f.get('pings_sent')!s:>10} {f.get('pongs_received')!s:>9} {up:>6}/5 {f.get('loadavg_1min')!s:>5}"
        )
    if a.json:
        Path(a.json).write_text(json.dumps(results, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
