"""How many servers one keypad can hold, and how fast a breach reaches all of them.

    python benchmarks/bench_keypad.py [--quick] [--json out.json] [--plots docs/images]

One run measures, with the keypad daemon pinned to one core and the load
generators (separate processes, each with thousands of raw asyncio
connections driving the sans-IO ClientSession) pinned to the other:

1. heartbeat capacity at 1k/5k/10k clients beating at 2 Hz, and a saturation
   run, for the keypad and two baselines on the same core and generator
   (a minimal HMAC-per-message asyncio server; a TLS 1.3 server);
2. the handshake storm: 10,000 clients connecting at once, per KEM backend;
3. breach-to-lockdown: control-socket breach, SIGKILL, and a silent stop
   (SIGSTOP) of the keypad, measured to each client's Lockdown on
   CLOCK_MONOTONIC (system-wide on Linux, the clock asyncio uses);
4. keypad RSS per session (VmRSS at 0 and N sessions).

It prints a table, writes JSON and (with matplotlib) the plots used by
docs/performance.md. Figures are printed, never asserted: the smoke test only
checks that every section is there.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import logging
import multiprocessing as mp
import os
import platform
import signal
import socket
import statistics
import sys
import tempfile
import time
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import baselines, loadgen  # noqa: E402
from benchmarks.loadgen import cpu_seconds, pin_to, raise_nofile, use_event_loop  # noqa: E402
from keycrypt_kit.attacks.soak import vmrss_kib as rss_kib  # noqa: E402

BENCH_PIN = "24680135"
GOALS = {
    "round_trips_per_s": 40_000,
    "ratio_to_minimal": 0.6,
    "storm_10k_s": 5.0,
    "breach_ms": 100.0,
    "deadline_overshoot_ms": 50.0,
    "rss_per_session_kib": 8.0,
}


@dataclass(frozen=True)
class Plan:
    """Sizes and durations of one run (full or quick)."""

    levels: tuple[int, ...] = (1000, 5000, 10000)
    warmup: float = 2.0
    duration: float = 8.0
    sat_clients: int = 200
    storm: int = 10000
    storm_slow: int = 200  # kyber-py (pure Python) storm size
    breach_clients: int = 1000
    decaps_iters: tuple[int, int] = (2000, 20)  # cryptography, kyber-py
    generators: int = 2
    connect_concurrency: int = 512
    lockdown_repeats: int = 3  # each lockdown scenario; the median run is reported, every run's last time kept


QUICK = Plan(
    levels=(20, 40),
    warmup=0.3,
    duration=1.0,
    sat_clients=10,
    storm=40,
    storm_slow=4,
    breach_clients=30,
    decaps_iters=(50, 2),
    generators=2,
    connect_concurrency=64,
    lockdown_repeats=1,
)


# --------------------------------------------------------------------------- keypad process


async def _keypad(conn: Any, kem: str, half_open: int) -> None:
    from keycrypt.daemon.keypad import KeypadDaemon, KeypadSettings
    from keycrypt.keystore import create_keystore
    from keycrypt.machines.device import DeviceConfig
    from keycrypt.wire.keyfile import Argon2Params

    logging.basicConfig(level=logging.ERROR)
    closes = _CloseCounter()
    kp_log = logging.getLogger("keycrypt.keypad")
    kp_log.setLevel(logging.INFO)  # session_closed lines carry the reason; counted, not printed
    kp_log.propagate = False
    kp_log.addHandler(closes)
    loop = asyncio.get_running_loop()
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        opened = create_keystore(d / "keypad.key", BENCH_PIN, params=Argon2Params(time_cost=1, memory_kib=8192, parallelism=1))
        events: list[tuple[str, float, dict[str, Any]]] = []
        settings = KeypadSettings(
            keystore=d / "keypad.key",
            host="127.0.0.1",
            port=0,
            state_dir=d / "state",
            control_socket=d / "ctl" / "keypad.sock",
            max_clients=65536,
            max_half_open=half_open,
            device=DeviceConfig(window_default=60.0),
        )
        daemon = KeypadDaemon(
            settings, kem_backend=kem, observer=lambda ev, t, **f: events.append((ev, t, {k: str(v) for k, v in f.items()}))
        )
        await daemon.enter_pin(BENCH_PIN, "arm")
        await daemon.start()
        assert daemon.bound is not None
        conn.send(("ready", daemon.bound[1], os.getpid(), opened.ek, str(settings.control_socket)))
        prof = None
        while True:
            cmd = await loop.run_in_executor(None, conn.recv)
            if cmd == "exit":
                await daemon.stop()
                conn.send("bye")
                return
            if cmd == "events":
                conn.send(events)
            elif cmd == "closes":
                conn.send(dict(closes.reasons))
                closes.reasons.clear()
            elif cmd == "sessions":
                conn.send(sum(1 for c in daemon.connections if c.session and c.session.client_id))
            elif cmd == "profile_start":
                import cProfile

                prof = cProfile.Profile()
                prof.enable()
                conn.send("ok")
            elif isinstance(cmd, tuple) and cmd[0] == "profile_stop":
                assert prof is not None
                prof.disable()
                prof.dump_stats(cmd[1])
                conn.send("ok")


class _CloseCounter(logging.Handler):
    """Counts the keypad's session_closed log lines by reason (why the keypad ended sessions)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.reasons: dict[str, int] = {}

    def emit(self, record: logging.LogRecord) -> None:
        msg = record.getMessage()
        if msg.startswith("event=session_closed"):
            for part in msg.split():
                if part.startswith("reason="):
                    r = part[7:]
                    self.reasons[r] = self.reasons.get(r, 0) + 1


def keypad_main(conn: Any, cpus: set[int] | None, kem: str, half_open: int, event_loop: str = "asyncio") -> None:
    pin_to(cpus)
    raise_nofile()
    use_event_loop(event_loop)
    asyncio.run(_keypad(conn, kem, half_open))


# --------------------------------------------------------------------------- orchestration


def pct(values: list[float] | array, q: float) -> float:
    """The q-quantile (0..1) by nearest rank; nan when empty."""
    if len(values) == 0:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, max(0, int(round(q * (len(s) - 1)))))]


class Server:
    """A server process (keypad or baseline) pinned to the server core."""

    def __init__(
        self, ctx: Any, kind: str, cpus: set[int] | None, kem: str = "cryptography", half_open: int = 65536,
        event_loop: str = "asyncio",
    ) -> None:
        self.kind = kind
        self.conn, child = ctx.Pipe()
        if kind == "keypad":
            self.proc = ctx.Process(target=keypad_main, args=(child, cpus, kem, half_open, event_loop), daemon=True)
        else:
            self.proc = ctx.Process(target=baselines.serve, args=(kind, child, cpus, event_loop), daemon=True)
        self.proc.start()
        if not self.conn.poll(60):
            raise RuntimeError(f"{kind} server did not start")
        msg = self.conn.recv()
        self.port, self.pid = msg[1], msg[2]
        self.ek: bytes | None = msg[3] if kind == "keypad" else None
        self.control: str | None = msg[4] if kind == "keypad" else None

    def ask(self, cmd: Any, timeout: float = 30) -> Any:
        self.conn.send(cmd)
        if not self.conn.poll(timeout):
            raise RuntimeError(f"{self.kind} server did not answer {cmd!r}")
        return self.conn.recv()

    def stop(self) -> None:
        if self.proc.is_alive():
            try:
                self.ask("exit", timeout=10)
            except (RuntimeError, OSError, EOFError):
                pass
        self.proc.join(5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(5)


class Bench:
    def __init__(self, plan: Plan, profile: str | None = None, log: Any = print, event_loop: str = "asyncio") -> None:
        self.plan = plan
        self.event_loop = event_loop  # the servers' (keypad and baselines); the generators always run asyncio's
        self.profile = profile
        self.log = log
        self.ctx = mp.get_context("fork")
        cpus = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
        self.server_cpus = {cpus[0]} if len(cpus) >= 2 else None
        self.gen_cpus = set(cpus[1:]) if len(cpus) >= 2 else None
        self.gens: list[tuple[Any, Any]] = []
        for wid in range(plan.generators):
            parent, child = self.ctx.Pipe()
            p = self.ctx.Process(target=loadgen.worker_main, args=(wid, child, self.gen_cpus), daemon=True)
            p.start()
            self.gens.append((p, parent))

    # generator helpers ---------------------------------------------------------------
    def gen_all(self, cmd: str, args: list[Any] | Any, timeout: float = 120) -> list[Any]:
        per = args if isinstance(args, list) else [args] * len(self.gens)
        for (_, c), a in zip(self.gens, per, strict=True):
            c.send((cmd, a))
        out = []
        for _, c in self.gens:
            if not c.poll(timeout):
                raise RuntimeError(f"load generator did not answer {cmd!r}")
            out.append(c.recv())
        return out

    def split(self, n: int) -> list[int]:
        k = len(self.gens)
        return [n // k + (1 if i < n % k else 0) for i in range(k)]

    def setup(self, mode: str, server: Server, pool: int = 0, deadline: float = 1.5, auto_heartbeat: bool = False) -> None:
        self.gen_all(
            "setup",
            [
                {"mode": mode, "host": "127.0.0.1", "port": server.port, "ek": server.ek, "pool": p, "deadline": deadline,
                 "auto_heartbeat": auto_heartbeat}
                for p in self.split(pool)
            ],
        )

    def connect(self, n: int, concurrency: int, start_at: float | None = None, timeout: float = 60) -> dict[str, Any]:
        start_at = time.monotonic() + 0.05 if start_at is None else start_at
        replies = self.gen_all(
            "connect",
            [{"n": k, "start_at": start_at, "concurrency": concurrency, "timeout": timeout} for k in self.split(n)],
            timeout=timeout + 60,
        )
        est = sorted(t for r in replies for t in r["est_times"])
        return {
            "generator_max_loop_lag_ms": round(max(r["max_loop_lag"] for r in replies) * 1e3, 1),
            "requested": n,
            "established": len(est),
            "connect_errors": sum(r["connect_errors"] for r in replies),
            "lost_reasons": _merge(r["lost_reasons"] for r in replies),
            "start_at": start_at,
            "est_times": est,
        }

    def close(self) -> None:
        self.gen_all("close", None)

    def close_gens(self) -> None:
        for (p, c) in self.gens:
            try:
                c.send(("exit", None))
                c.poll(10) and c.recv()
            except OSError:
                pass
            p.join(5)
            if p.is_alive():
                p.kill()

    # measurement ---------------------------------------------------------------------
    def measure(self, server: Server, saturate: bool) -> dict[str, Any]:
        plan = self.plan
        self.gen_all("heartbeat", {"saturate": saturate})
        time.sleep(plan.warmup)
        cpu0 = cpu_seconds(server.pid)
        replies = self.gen_all("measure", {"warmup": 0.0, "duration": plan.duration})
        cpu1 = cpu_seconds(server.pid)
        self.gen_all("stop", None)
        lat: array = array("d")
        for r in replies:
            a = array("d")
            a.frombytes(r["lat"])
            lat.extend(a)
        elapsed = statistics.mean(r["elapsed"] for r in replies)
        pongs = sum(r["pongs"] for r in replies)
        rate = pongs / elapsed
        server_cpu = (cpu1 - cpu0) / elapsed
        return {
            "round_trips_per_s": round(rate, 1),
            "p50_ms": round(pct(lat, 0.50) * 1e3, 3),
            "p99_ms": round(pct(lat, 0.99) * 1e3, 3),
            "p999_ms": round(pct(lat, 0.999) * 1e3, 3),
            "max_ms": round(max(lat) * 1e3, 3) if len(lat) else float("nan"),
            "server_cpu": round(server_cpu, 3),
            "round_trips_per_server_cpu_s": round(rate / server_cpu, 1) if server_cpu > 0 else None,
            "generator_cpu": [round(r["cpu"], 3) for r in replies],
            "alive": sum(r["alive"] for r in replies),
            "lost": sum(r["lost"] for r in replies),
            "lost_reasons": _merge(r["lost_reasons"] for r in replies),
            "generator_max_loop_lag_ms": round(max(r["max_loop_lag"] for r in replies) * 1e3, 1),
        }

    # phase 1 -------------------------------------------------------------------------
    def heartbeat(self, kind: str) -> dict[str, Any]:
        plan = self.plan
        mode = {"keypad": "kcp", "hmac": "hmac", "tls": "tls"}[kind]
        server = Server(self.ctx, kind, self.server_cpus, event_loop=self.event_loop)
        out: dict[str, Any] = {"levels": []}
        try:
            # Clients beat from the moment they are up (as a real client does): a client left silent
            # while the next thousands connect would be closed by the keypad's idle timeout.
            self.setup(mode, server, pool=plan.levels[-1] + plan.sat_clients, auto_heartbeat=True)
            time.sleep(0.2)
            rss0 = rss_kib(server.pid)
            have = 0
            for n in plan.levels:
                t0 = time.monotonic()
                c = self.connect(n - have, plan.connect_concurrency)
                have = n
                res = self.measure(server, saturate=False)
                res.update(clients=n, connect_s=round(time.monotonic() - t0, 2), established=c["established"],
                           connect_generator_max_loop_lag_ms=c["generator_max_loop_lag_ms"])
                res["offered_per_s"] = 2 * n
                if kind == "keypad":
                    res["keypad_closes"] = server.ask("closes")
                    rss = rss_kib(server.pid)
                    res["rss_kib"] = rss
                    res["rss_per_session_kib"] = round((rss - rss0) / n, 2)
                out["levels"].append(res)
                self.log(
                    f"  {kind:6} {n:6} clients: {res['round_trips_per_s']:9.0f} rt/s  p50 {res['p50_ms']:.2f} ms"
                    f"  p99 {res['p99_ms']:.2f} ms  server cpu {res['server_cpu']:.2f}  lost {res['lost']}"
                )
            self.close()
            time.sleep(0.3)
            self.connect(plan.sat_clients, plan.connect_concurrency)
            if self.profile and kind == "keypad":
                server.ask("profile_start")
            sat = self.measure(server, saturate=True)
            if self.profile and kind == "keypad":
                server.ask(("profile_stop", self.profile))
            sat["clients"] = plan.sat_clients
            out["saturation"] = sat
            out["rss0_kib"] = rss0
            self.log(
                f"  {kind:6} saturation ({plan.sat_clients} clients, one PING outstanding each): "
                f"{sat['round_trips_per_s']:9.0f} rt/s  server cpu {sat['server_cpu']:.2f}"
                f"  => {sat['round_trips_per_server_cpu_s'] or 0:.0f} rt per server-CPU-second"
            )
            self.close()
        finally:
            server.stop()
        return out

    # phase 2 -------------------------------------------------------------------------
    def storm(self, kem: str, n: int) -> dict[str, Any]:
        server = Server(self.ctx, "keypad", self.server_cpus, kem=kem, event_loop=self.event_loop)
        try:
            # Reconnecting clients: each beats at 2 Hz (default 1.5 s deadline) as soon as it is up,
            # so the keypad answers PINGs while it accepts the rest of the storm.
            self.setup("kcp", server, pool=n, auto_heartbeat=True)
            cpu0 = cpu_seconds(server.pid)
            c = self.connect(n, concurrency=n, start_at=time.monotonic() + 0.3, timeout=120)
            cpu1 = cpu_seconds(server.pid)
            est = c["est_times"]
            time.sleep(0.5)
            sessions = server.ask("sessions")
            lost = [x for r in self.gen_all("lost", None) for x in r["lost"]]
            total = (est[-1] - c["start_at"]) if est else float("nan")
            res = {
                "kem": kem,
                "clients": n,
                "established": c["established"],
                "keypad_sessions": sessions,
                "connect_errors": c["connect_errors"],
                "lost": len(lost),
                "lost_reasons": _merge([{r: 1} for _, r, _ in lost]),
                "all_established_s": round(total, 3),
                "p50_established_s": round(pct([t - c["start_at"] for t in est], 0.5), 3),
                "hellos_per_s": round(len(est) / total, 1) if est else 0.0,
                "keypad_cpu_s": round(cpu1 - cpu0, 2),
            }
            self.close()
        finally:
            server.stop()
        self.log(
            f"  storm {kem:12} {n:6} clients at once: all established in {res['all_established_s']:.2f} s"
            f" ({res['hellos_per_s']:.0f} HELLO/s, {res['established']} established, {res['keypad_sessions']} on keypad,"
            f" lost {res['lost_reasons']})"
        )
        return res

    # phase 3 -------------------------------------------------------------------------
    def lockdown_repeated(self, how: str) -> dict[str, Any]:
        """The scenario ``lockdown_repeats`` times on a fresh keypad; the median run (by last lockdown)."""
        runs = [self.lockdown(how) for _ in range(self.plan.lockdown_repeats)]
        runs.sort(key=lambda r: r["event_to_last_ms"] if r["event_to_last_ms"] is not None else float("inf"))
        res = dict(runs[len(runs) // 2])
        res["runs_last_ms"] = [r["event_to_last_ms"] for r in runs]
        res["runs"] = len(runs)
        return res

    def lockdown(self, how: str) -> dict[str, Any]:
        plan = self.plan
        n = plan.breach_clients
        server = Server(self.ctx, "keypad", self.server_cpus, event_loop=self.event_loop)
        try:
            self.setup("kcp", server, pool=n)
            c = self.connect(n, plan.connect_concurrency)
            self.gen_all("heartbeat", {"saturate": False})
            time.sleep(max(1.0, plan.warmup))
            if how == "breach":
                t_sent = time.monotonic()
                _control(server.control or "", {"cmd": "breach"})
                events = server.ask("events")
                t_event = next(t for ev, t, f in events if ev == "breach")
            elif how == "sigkill":
                t_sent = t_event = time.monotonic()
                os.kill(server.pid, signal.SIGKILL)
            else:
                t_sent = t_event = time.monotonic()
                os.kill(server.pid, signal.SIGSTOP)
            wait = 1.0 if how != "sigstop" else 0.5 + 1.5 + 1.0
            end = time.monotonic() + wait + 2.0
            lost: list[Any] = []
            while time.monotonic() < end:
                replies = self.gen_all("lost", None)
                lost = [x for r in replies for x in r["lost"]]
                if len(lost) >= c["established"]:
                    break
                time.sleep(0.1)
            if how == "sigstop":
                os.kill(server.pid, signal.SIGCONT)
            self.close()
        finally:
            if how != "breach":
                server.proc.kill()
            server.stop()
        times = sorted((t - t_event) * 1e3 for t, _, _ in lost)
        late = sorted(x * 1e3 for _, r, x in lost if x is not None and r == "deadline")
        reasons: dict[str, int] = {}
        for _, r, _ in lost:
            reasons[r] = reasons.get(r, 0) + 1
        res = {
            "how": how,
            "clients": n,
            "established": c["established"],
            "locked_down": len(lost),
            "reasons": reasons,
            "event_to_last_ms": round(times[-1], 2) if times else None,
            "p50_ms": round(pct(times, 0.5), 2),
            "p99_ms": round(pct(times, 0.99), 2),
            "control_to_event_ms": round((t_event - t_sent) * 1e3, 2),
            "times_ms": [round(t, 3) for t in times],
        }
        if how == "sigstop":
            res["deadline_overshoot_max_ms"] = round(late[-1], 2) if late else None
            res["deadline_overshoot_p99_ms"] = round(pct(late, 0.99), 2)
        self.log(
            f"  {how:8} {n} clients: last lockdown {res['event_to_last_ms']} ms after the event"
            f" (p50 {res['p50_ms']} ms), {len(lost)}/{c['established']} locked down {reasons}"
            + (f", deadline overshoot max {res.get('deadline_overshoot_max_ms')} ms" if how == "sigstop" else "")
        )
        return res


def _merge(dicts: Any) -> dict[str, int]:
    out: dict[str, int] = {}
    for d in dicts:
        for k, v in d.items():
            out[k] = out.get(k, 0) + v
    return out


def _control(path: str, req: dict[str, Any]) -> dict[str, Any]:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.connect(path)
        s.sendall(json.dumps(req).encode() + b"\n")
        buf = b""
        while not buf.endswith(b"\n"):
            chunk = s.recv(65536)
            if not chunk:
                break
            buf += chunk
    return json.loads(buf)


def decaps_cost(iters: tuple[int, int]) -> dict[str, Any]:
    """Mean decapsulation time per backend (the keypad's per-HELLO KEM cost)."""
    from keycrypt.crypto.kem import get_backend

    out = {}
    for name, k in zip(("cryptography", "kyber-py"), iters, strict=True):
        be = get_backend(name)
        key = be.from_seed(bytes(range(64)))
        _, ct = be.encapsulate(key.ek)
        t0 = time.perf_counter()
        for _ in range(k):
            key.decapsulate(ct)
        out[name] = {"decaps_us": round((time.perf_counter() - t0) / k * 1e6, 1), "iterations": k}
    return out


# --------------------------------------------------------------------------- report


def summarize(res: dict[str, Any]) -> dict[str, Any]:
    hb = res["heartbeat"]
    kp, mn, tls = hb["keypad"], hb["hmac"], hb["tls"]
    ratios: dict[str, Any] = {"levels": []}
    for a, b, c in zip(kp["levels"], mn["levels"], tls["levels"], strict=True):
        ratios["levels"].append(
            {
                "clients": a["clients"],
                "cpu_per_rt_keypad_over_minimal": _ratio(b["server_cpu"] / b["round_trips_per_s"], a["server_cpu"] / a["round_trips_per_s"]),
                "cpu_per_rt_keypad_over_tls": _ratio(c["server_cpu"] / c["round_trips_per_s"], a["server_cpu"] / a["round_trips_per_s"]),
            }
        )
    ks, ms, ts = kp["saturation"], mn["saturation"], tls["saturation"]
    ratios["saturation_keypad_over_minimal"] = _ratio(ks["round_trips_per_s"], ms["round_trips_per_s"])
    ratios["saturation_keypad_over_tls"] = _ratio(ks["round_trips_per_s"], ts["round_trips_per_s"])
    ratios["per_cpu_keypad_over_minimal"] = _ratio(ks["round_trips_per_server_cpu_s"], ms["round_trips_per_server_cpu_s"])
    ratios["per_cpu_keypad_over_tls"] = _ratio(ks["round_trips_per_server_cpu_s"], ts["round_trips_per_server_cpu_s"])
    storm = next((s for s in res["storm"]["runs"] if s["kem"] == "cryptography"), None)
    locks = {r["how"]: r for r in res["lockdown"]}
    best_rate = max(ks["round_trips_per_s"], ks["round_trips_per_server_cpu_s"] or 0)
    goals = {
        "round_trips_per_s": {"goal": GOALS["round_trips_per_s"], "measured": ks["round_trips_per_s"],
                              "per_server_cpu_s": ks["round_trips_per_server_cpu_s"],
                              "met": ks["round_trips_per_s"] >= GOALS["round_trips_per_s"]},
        "ratio_to_minimal_throughput": {"goal": GOALS["ratio_to_minimal"], "measured": ratios["saturation_keypad_over_minimal"],
                                        "met": (ratios["saturation_keypad_over_minimal"] or 0) >= GOALS["ratio_to_minimal"]},
        "ratio_to_minimal_cpu": {"goal": GOALS["ratio_to_minimal"], "measured": ratios["per_cpu_keypad_over_minimal"],
                                 "met": (ratios["per_cpu_keypad_over_minimal"] or 0) >= GOALS["ratio_to_minimal"]},
        "storm_10k_s": {"goal": GOALS["storm_10k_s"], "measured": storm and storm["all_established_s"],
                        "clients": storm and storm["clients"],
                        "met": bool(storm and storm["established"] == storm["clients"] and storm["all_established_s"] <= GOALS["storm_10k_s"])},
        "breach_ms": {"goal": GOALS["breach_ms"], "measured": locks["breach"]["event_to_last_ms"],
                      "met": _le(locks["breach"]["event_to_last_ms"], GOALS["breach_ms"]) and _all(locks["breach"])},
        "sigkill_ms": {"goal": GOALS["breach_ms"], "measured": locks["sigkill"]["event_to_last_ms"],
                       "met": _le(locks["sigkill"]["event_to_last_ms"], GOALS["breach_ms"]) and _all(locks["sigkill"])},
        "silent_drop_overshoot_ms": {"goal": GOALS["deadline_overshoot_ms"],
                                     "measured": locks["sigstop"].get("deadline_overshoot_max_ms"),
                                     "met": _le(locks["sigstop"].get("deadline_overshoot_max_ms"), GOALS["deadline_overshoot_ms"]) and _all(locks["sigstop"])},
        "rss_per_session_kib": {"goal": GOALS["rss_per_session_kib"], "measured": res["memory"]["per_session_kib"],
                                "met": _le(res["memory"]["per_session_kib"], GOALS["rss_per_session_kib"])},
    }
    _ = best_rate
    return {"ratios": ratios, "goals": goals}


def _ratio(a: float | None, b: float | None) -> float | None:
    if not a or not b:
        return None
    return round(a / b, 3)


def _le(v: float | None, goal: float) -> bool:
    return v is not None and v <= goal


def _all(r: dict[str, Any]) -> bool:
    return r["established"] == r["clients"] and r["locked_down"] == r["established"]


def table(res: dict[str, Any]) -> str:
    lines = []
    hb = res["heartbeat"]
    lines.append(
        f"Heartbeat capacity (2 Hz per client; server pinned to one core; server event loop: "
        f"{res['meta'].get('server_event_loop', 'asyncio')})"
    )
    lines.append("srv cpu: the server's CPU (1.0 = its core busy); rt/cpu-s = rt/s / srv cpu, what a busy core would do;")
    lines.append("gen cpu: all generator processes (sharing the other core); gen lag: a generator loop's worst lateness, ms")
    lines.append(f"{'server':8} {'clients':>7} {'offered/s':>9} {'rt/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'p99.9 ms':>9} {'srv cpu':>7} {'rt/cpu-s':>9} {'gen cpu':>7} {'gen lag':>7} {'lost':>5}")
    for kind in ("keypad", "hmac", "tls"):
        for r in hb[kind]["levels"]:
            lines.append(
                f"{kind:8} {r['clients']:7} {r['offered_per_s']:9} {r['round_trips_per_s']:9.0f} {r['p50_ms']:8.2f} {r['p99_ms']:8.2f}"
                f" {r['p999_ms']:9.2f} {r['server_cpu']:7.2f} {r['round_trips_per_server_cpu_s'] or 0:9.0f} {sum(r['generator_cpu']):7.2f} {r['generator_max_loop_lag_ms']:7.0f} {r['lost']:5}"
            )
        s = hb[kind]["saturation"]
        lines.append(
            f"{kind:8} {'sat ' + str(s['clients']):>7} {'max':>9} {s['round_trips_per_s']:9.0f} {s['p50_ms']:8.2f} {s['p99_ms']:8.2f}"
            f" {s['p999_ms']:9.2f} {s['server_cpu']:7.2f} {s['round_trips_per_server_cpu_s'] or 0:9.0f} {sum(s['generator_cpu']):7.2f} {s['generator_max_loop_lag_ms']:7.0f} {s['lost']:5}"
        )
    r = res["summary"]["ratios"]
    lines.append("")
    lines.append(
        f"Saturation ratios: keypad/minimal {r['saturation_keypad_over_minimal']}, keypad/TLS {r['saturation_keypad_over_tls']};"
        f" per server-CPU-second: keypad/minimal {r['per_cpu_keypad_over_minimal']}, keypad/TLS {r['per_cpu_keypad_over_tls']}"
    )
    for lv in r["levels"]:
        lines.append(
            f"  at {lv['clients']} clients, CPU per round trip: minimal/keypad {lv['cpu_per_rt_keypad_over_minimal']},"
            f" TLS/keypad {lv['cpu_per_rt_keypad_over_tls']}"
        )
    lines.append("")
    lines.append("Handshake storm (all clients connect at once)")
    for s in res["storm"]["runs"]:
        lines.append(
            f"  {s['kem']:12} {s['clients']:6} clients: all established in {s['all_established_s']:.3f} s (p50 {s['p50_established_s']:.3f} s),"
            f" {s['hellos_per_s']:.0f} HELLO/s, {s['established']}/{s['clients']} established, {s['keypad_sessions']} live on the keypad"
            f" 0.5 s later, lost {s['lost_reasons']}, keypad CPU {s['keypad_cpu_s']} s"
        )
    for name, d in res["storm"]["decaps"].items():
        lines.append(f"  decapsulation {name:12} {d['decaps_us']:10.1f} us")
    lines.append("")
    lines.append("Breach to lockdown")
    for x in res["lockdown"]:
        extra = ""
        if x["how"] == "sigstop":
            extra = f", overshoot past the deadline max {x['deadline_overshoot_max_ms']} ms (p99 {x['deadline_overshoot_p99_ms']} ms)"
        lines.append(
            f"  {x['how']:8} {x['clients']} clients: last {x['event_to_last_ms']} ms, p50 {x['p50_ms']} ms, p99 {x['p99_ms']} ms,"
            f" {x['locked_down']}/{x['established']} locked down {x['reasons']}{extra};"
            f" median of {x['runs']} runs, every run's last: {x['runs_last_ms']} ms"
        )
    m = res["memory"]
    lines.append("")
    lines.append(f"Memory: keypad VmRSS {m['rss0_kib']} KiB at 0 sessions, {m['rss_kib']} KiB at {m['sessions']}: {m['per_session_kib']} KiB per session")
    lines.append("")
    lines.append("Goals")
    for k, g in res["summary"]["goals"].items():
        lines.append(f"  {k:28} goal {g['goal']:>8}  measured {g['measured']}  {'MET' if g['met'] else 'NOT MET'}")
    return "\n".join(lines)


def plots(res: dict[str, Any], out: Path) -> list[str]:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return []
    out.mkdir(parents=True, exist_ok=True)
    hb = res["heartbeat"]
    names = {"keypad": "KeyCrypt keypad", "hmac": "minimal HMAC server", "tls": "TLS 1.3 server"}
    files = []

    fig, ax = plt.subplots(figsize=(7, 4))
    for kind in ("keypad", "hmac", "tls"):
        lv = hb[kind]["levels"]
        ax.plot([r["clients"] for r in lv], [r["round_trips_per_s"] for r in lv], "o-", label=f"{names[kind]} (2 Hz)")
        ax.axhline(hb[kind]["saturation"]["round_trips_per_s"], ls="--", lw=1, color=ax.lines[-1].get_color(),
                   label=f"{names[kind]} saturation")
    ax.axhline(GOALS["round_trips_per_s"], ls=":", color="grey", label="goal")
    ax.set_xlabel("connected clients")
    ax.set_ylabel("round trips / s")
    ax.set_title("Heartbeat capacity, server on one core")
    ax.legend(fontsize=7)
    fig.tight_layout()
    files.append(str(out / "perf_capacity.png"))
    fig.savefig(files[-1], dpi=110)
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(7, 4))
    for kind in ("keypad", "hmac", "tls"):
        lv = hb[kind]["levels"]
        x = [r["clients"] for r in lv]
        line = ax.plot(x, [r["p50_ms"] for r in lv], "o-", label=f"{names[kind]} p50")[0]
        ax.plot(x, [r["p99_ms"] for r in lv], "s--", color=line.get_color(), label=f"{names[kind]} p99")
    ax.set_yscale("log")
    ax.set_xlabel("connected clients (2 Hz each)")
    ax.set_ylabel("response latency (ms)")
    ax.set_title("PING to PONG latency")
    ax.legend(fontsize=7)
    fig.tight_layout()
    files.append(str(out / "perf_latency.png"))
    fig.savefig(files[-1], dpi=110)
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(7, 4))
    for x in res["lockdown"]:
        t = x["times_ms"]
        if t:
            ax.step(t, [(i + 1) / len(t) for i in range(len(t))], where="post", label=f"{x['how']} ({len(t)} clients)")
    ax.set_xscale("log")
    ax.set_xlabel("time from the event to the client's lockdown (ms)")
    ax.set_ylabel("fraction of clients locked down")
    ax.set_title("Breach to lockdown")
    ax.legend(fontsize=7)
    fig.tight_layout()
    files.append(str(out / "perf_lockdown.png"))
    fig.savefig(files[-1], dpi=110)
    plt.close(fig)
    return files


# --------------------------------------------------------------------------- main


def run(plan: Plan, profile: str | None = None, log: Any = print, event_loop: str = "asyncio") -> dict[str, Any]:
    t_start = time.monotonic()
    raise_nofile()
    server_loop = loadgen.event_loop_label(event_loop)  # fail here, not in a server process, if the extra is missing
    bench = Bench(plan, profile=profile, log=log, event_loop=event_loop)
    res: dict[str, Any] = {
        "meta": {
            "python": platform.python_version(),
            "machine": platform.machine(),
            "cpus": os.cpu_count(),
            "server_cpus": sorted(bench.server_cpus or []),
            "generator_cpus": sorted(bench.gen_cpus or []),
            "generators": plan.generators,
            "server_event_loop": server_loop,
            "nofile": raise_nofile(),
            "plan": plan.__dict__,
            "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
    }
    try:
        log("[1/4] heartbeat capacity")
        res["heartbeat"] = {kind: bench.heartbeat(kind) for kind in ("keypad", "hmac", "tls")}
        log("[2/4] handshake storm")
        res["storm"] = {
            "decaps": decaps_cost(plan.decaps_iters),
            "runs": [bench.storm("cryptography", plan.storm), bench.storm("kyber-py", plan.storm_slow)],
        }
        log("[3/4] breach to lockdown")
        res["lockdown"] = [bench.lockdown_repeated(h) for h in ("breach", "sigkill", "sigstop")]
    finally:
        bench.close_gens()
    kp = res["heartbeat"]["keypad"]
    last = kp["levels"][-1]
    res["memory"] = {
        "rss0_kib": kp["rss0_kib"],
        "rss_kib": last["rss_kib"],
        "sessions": last["clients"],
        "per_session_kib": last["rss_per_session_kib"],
        "by_level": [{"sessions": r["clients"], "rss_kib": r["rss_kib"], "per_session_kib": r["rss_per_session_kib"]} for r in kp["levels"]],
    }
    log("[4/4] memory: from the heartbeat run")
    res["summary"] = summarize(res)
    res["meta"]["wall_s"] = round(time.monotonic() - t_start, 1)
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="a few dozen clients, about a second per phase (CI smoke run)")
    ap.add_argument("--json", type=Path, help="write the results here")
    ap.add_argument("--plots", type=Path, help="write perf_*.png here (needs matplotlib: pip install '.[bench]')")
    ap.add_argument("--profile", type=Path, help="cProfile the keypad during its saturation run into this file")
    ap.add_argument("--doc", type=Path, help=f"replace the table between {DOC_BEGIN} and {DOC_END} in this Markdown file")
    ap.add_argument(
        "--uvloop", action="store_true",
        help="run the servers (keypad and baselines) on uvloop (pip install -e '.[uvloop]'); the generators stay on asyncio",
    )
    a = ap.parse_args(argv)
    plan = QUICK if a.quick else Plan()
    if a.uvloop and importlib.util.find_spec("uvloop") is None:
        ap.error("--uvloop needs uvloop: pip install -e '.[uvloop]'")
    res = run(plan, profile=str(a.profile) if a.profile else None, event_loop="uvloop" if a.uvloop else "asyncio")
    print()
    print(table(res))
    if a.json:
        a.json.write_text(json.dumps(res, indent=1) + "\n")
    if a.plots:
        files = plots(res, a.plots)
        print("plots:", ", ".join(files) if files else "skipped (matplotlib is not installed)")
    if a.doc:
        update_doc(a.doc, res)
        print("table written into", a.doc)
    print(f"wall time {res['meta']['wall_s']} s")
    return 0


DOC_BEGIN, DOC_END = "<!-- bench_keypad:begin -->", "<!-- bench_keypad:end -->"


def update_doc(path: Path, res: dict[str, Any]) -> None:
    """Put this run's table between the markers of ``path`` (the rest of the page is prose)."""
    text = path.read_text(encoding="utf-8")
    head, sep, rest = text.partition(DOC_BEGIN)
    _, sep2, tail = rest.partition(DOC_END)
    if not sep or not sep2:
        raise SystemExit(f"{path}: markers {DOC_BEGIN} ... {DOC_END} not found")
    m = res["meta"]
    block = (
        f"Run of {m['started']}, Python {m['python']}, {m['cpus']} CPUs ({m['machine']}); server on CPU "
        f"{m['server_cpus']}, {m['generators']} generator processes on CPU {m['generator_cpus']}; wall time {m['wall_s']} s.\n\n"
        f"```text\n{table(res)}\n```\n"
    )
    path.write_text(head + DOC_BEGIN + "\n" + block + DOC_END + tail, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
