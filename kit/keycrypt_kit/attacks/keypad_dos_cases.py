"""Attacks that turn the keypad against the fleet (issue 11 items 4 and 6), over real sockets.

* Pipelining: sessions whose owner knows their keys (anyone with the public
  key can open one) send thousands of valid PINGs without waiting; the keypad
  must serve every session one frame per loop turn, so legitimate clients
  keep every deadline, on asyncio and on uvloop.
* Refusals that look like closes: a sealed keypad, or one whose half-open
  slots an idle flood holds, accepted and aborted new connections, and a
  booting client locked down at once. Now the keypad stops listening when it
  cannot serve, and evicts the oldest half-open connection instead of
  refusing the newest.

Attackers run in a child process, as in the other ``net-*`` cases.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable, Coroutine

from keycrypt_kit.attacks.catalogue import Outcome, case
from keycrypt_kit.attacks.net_cases import LEGIT_INTERVAL, _flood, _kept, _legit
from keycrypt_kit.rig import HOST, PIN, Fleet, keypad_rig, make_keystore, silenced, wait_for

PIPE_SESSIONS = 100


def run_on_loop(coro_fn: Callable[[], Coroutine[Any, Any, Outcome]], loop: str) -> Outcome:
    """Run a case on asyncio's loop or on uvloop (skipped as a FAIL-free note when uvloop is absent)."""
    if loop == "asyncio":
        return asyncio.run(coro_fn())
    try:
        import uvloop
    except ImportError:
        return Outcome(True, "uvloop is not installed: not run (pip install -e '.[uvloop]')", {"skipped": True})
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        return runner.run(coro_fn())


async def _prober(ek: bytes, port: int, interval: float, stop: asyncio.Event, rtts: list[float]) -> str:
    """A legitimate client that measures each PING's round trip (send to verified PONG)."""
    from keycrypt.crypto.kem import get_backend
    from keycrypt.machines.actions import Established, Send, StatusSeen
    from keycrypt.machines.client import ClientConfig, ClientSession

    reader, writer = await asyncio.open_connection(HOST, port)
    s = ClientSession(ClientConfig(ek=ek, client_id="prober", response_deadline=3 * interval), kem=get_backend("cryptography"), random=os.urandom)
    loop = asyncio.get_running_loop()
    s.start(loop.time(), None)

    def send(actions: list[Any]) -> None:
        for a in actions:
            if isinstance(a, Send):
                writer.write(a.data)

    async def answer() -> list[Any]:
        while True:
            data = await asyncio.wait_for(reader.read(4096), 5.0)
            if not data:
                return []  # the keypad closed: neither Established nor StatusSeen
            acts = s.receive_data(data, loop.time())
            if acts:
                return acts

    try:
        send(s.connected(loop.time()))
        if not any(isinstance(a, Established) for a in await answer()):
            return "no handshake"
        while not stop.is_set():
            await asyncio.sleep(interval)
            t0, p0 = loop.time(), time.perf_counter()  # uvloop's loop.time() counts whole milliseconds
            send(s.tick(t0))
            acts = await answer()
            if not any(isinstance(a, StatusSeen) for a in acts):
                return f"lost: {acts}"
            rtts.append(time.perf_counter() - p0)
        return "ok"
    except (OSError, asyncio.TimeoutError) as exc:
        return f"lost: {type(exc).__name__}"
    finally:
        writer.transport.abort()


async def pipelined_flood(sessions: int, seconds: float) -> Outcome:
    loop_errors: list[str] = []  # an exception in a keypad callback is a failure, even if no client noticed
    asyncio.get_running_loop().set_exception_handler(lambda _loop, ctx: loop_errors.append(str(ctx.get("exception") or ctx.get("message"))))
    async with keypad_rig(hello_timeout=1.0) as (kd, ek, fleet, directory):
        assert kd.bound is not None
        port = kd.bound[1]
        from keycrypt.keystore import write_pubkey

        pub = directory / "keypad.pub"
        write_pubkey(pub, ek)  # world-readable on a real keypad: all the attacker needs
        if not await _legit(fleet, ek, port):
            return Outcome(False, "legitimate clients did not come up")
        before = dict(fleet.heartbeats)
        stop = asyncio.Event()
        rtts: list[float] = []
        probe = asyncio.create_task(_prober(ek, port, LEGIT_INTERVAL, stop, rtts))
        res = await _flood_module("keycrypt_kit.attacks.pipeline", "--port", str(port), "--pubkey", str(pub), "--sessions", str(sessions), "--seconds", str(seconds))
        stop.set()
        probe_end = await probe
        kept, legit = _kept(fleet, before)
    worst = max(rtts) if rtts else float("inf")
    figures = {
        **res,
        "legit_rtt_ms_worst": round(worst * 1000, 2),
        "legit_rtt_ms_median": round(statistics.median(rtts) * 1000, 2) if rtts else None,
        "legit_rtts": len(rtts),
        "prober": probe_end,
        "legit_lockdowns": len(fleet.lockdowns),
        "loadavg_1min": round(os.getloadavg()[0], 2),
        "loop_errors": loop_errors[:3],
    }
    deadline = LEGIT_INTERVAL * 3
    ok = kept and probe_end == "ok" and worst < deadline and int(res.get("opened", 0)) > 0 and not loop_errors  # type: ignore[call-overload]
    return Outcome(
        ok,
        f"{res.get('opened')} attacker sessions sent {res.get('pings_sent')} pipelined PINGs in {seconds:g} s "
        f"({res.get('pongs_received')} answered, {res.get('ended_by_keypad')} sessions ended by the keypad); "
        f"legit round trip worst {worst * 1000:.1f} ms (deadline {deadline * 1000:.0f} ms) over {len(rtts)} PINGs, prober {probe_end}; {legit}; {len(loop_errors)} exceptions in loop callbacks",
        figures,
    )


async def _flood_module(module: str, *args: str) -> dict[str, object]:
    import json

    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", module, *args, stdout=asyncio.subprocess.PIPE)
    out, _ = await proc.communicate()
    lines = [json.loads(x) for x in out.decode().splitlines() if x.strip()]
    return lines[-1] if lines else {"error": f"{module} exited {proc.returncode}"}


@case(
    "net-pipeline-pings",
    f"opens {PIPE_SESSIONS} sessions with its own keys and pipelines valid PINGs in each, 200 per write, without waiting (CI 2 s; --full 10 s)",
    "5 legitimate clients keep every deadline (0.6 s); a probing client's worst round trip stays below it",
    net=True,
    heavy=True,
)
def pipeline(full: bool = False) -> Outcome:
    return run_on_loop(lambda: pipelined_flood(PIPE_SESSIONS, 10.0 if full else 2.0), "asyncio")


@case(
    "net-pipeline-pings-uvloop",
    f"the same {PIPE_SESSIONS}-session PING pipelining against a keypad on uvloop",
    "5 legitimate clients keep every deadline (0.6 s); a probing client's worst round trip stays below it",
    net=True,
    heavy=True,
)
def pipeline_uvloop(full: bool = False) -> Outcome:
    return run_on_loop(lambda: pipelined_flood(PIPE_SESSIONS, 10.0 if full else 2.0), "uvloop")


# --- refusals that looked like closes --------------------------------------------------------------


async def _idle_then_boot(n_idle: int, booting: int) -> Outcome:
    async with keypad_rig() as (kd, ek, fleet, _):
        assert kd.bound is not None
        port = kd.bound[1]
        flood = asyncio.create_task(_flood("idle", "--port", str(port), "--n", str(n_idle), "--hold", "2.5"))
        await wait_for(lambda: kd.half_open >= min(n_idle, kd.settings.max_half_open), 3.0)
        held = kd.half_open
        await asyncio.sleep(0.6)  # older than the per-source grace: as a real idle flood's would be
        t0 = asyncio.get_running_loop().time()
        for i in range(booting):
            fleet.add(ek, port, f"boot-{i}", boot_grace=60.0)
        up = await fleet.wait_established(booting, 5.0)
        res = await flood
        took = max((t - t0 for t in fleet.established.values()), default=float("nan"))
        figures = {**res, "half_open_held": held, "booting_established": len(fleet.established), "booting_locked_down": len(fleet.lockdowns), "evicted": kd.stats.get("evicted", 0), "slowest_boot_ms": round(took * 1000, 1)}
    ok = up and not fleet.lockdowns
    lk = ", ".join(f"{c}: {r}" for c, r, _ in fleet.lockdowns) or "none"
    return Outcome(ok, f"{n_idle} idle connections from one peer held {held} half-open slots; {len(fleet.established)}/{booting} booting clients up in ≤ {took * 1000:.0f} ms, lockdowns: {lk}; {kd.stats.get('evicted', 0)} idle connections evicted", figures)


@case(
    "net-half-open-idle-boot",
    "holds 70 idle TCP connections from one peer (no key, no HELLO) against an armed keypad (max_half_open 64), then 3 hosts boot",
    "the booting clients get in (the oldest idle connections are evicted); none locks down",
    net=True,
)
def half_open_idle_boot() -> Outcome:
    return asyncio.run(_idle_then_boot(70, 3))


async def _sealed_boot(boot_grace: float | None) -> Outcome:
    import tempfile

    from keycrypt.daemon.keypad import KeypadDaemon, KeypadSettings
    from keycrypt.machines.device import DeviceConfig

    with silenced(), tempfile.TemporaryDirectory(prefix="kc-sealed-") as d:
        directory = Path(d)
        ek = make_keystore(directory / "keypad.key")
        kd = KeypadDaemon(KeypadSettings(keystore=directory / "keypad.key", host=HOST, port=0, state_dir=directory / "state", device=DeviceConfig(window_default=60.0)))
        await kd.start()  # sealed: unseal = "pinpad", the PIN has not been typed yet
        fleet = Fleet()
        try:
            assert kd.bound is not None
            fleet.add(ek, kd.bound[1], "booting", boot_grace=boot_grace)
            await asyncio.sleep(1.0)
            early = list(fleet.lockdowns)
            t_pin = asyncio.get_running_loop().time()
            await kd.enter_pin(PIN, "arm")
            up = await wait_for(lambda: "booting" in fleet.established, 5.0)
            took = fleet.established.get("booting", float("nan")) - t_pin
        finally:
            await fleet.close()
            await kd.stop()
    grace = "wait" if boot_grace is None else f"{boot_grace:g} s"
    ok = not early and up and not fleet.lockdowns
    lk = ", ".join(f"{r}" for _, r, _ in fleet.lockdowns) or "none"
    return Outcome(ok, f"client (boot_grace {grace}) against a sealed keypad for 1 s: lockdowns {lk}; established {took * 1000:.0f} ms after the PIN: {up}", {"established_after_pin_ms": round(took * 1000, 1), "lockdowns": len(fleet.lockdowns)})


@case(
    "net-sealed-keypad-boot",
    "starts the keypad sealed (unseal = pinpad, PIN not yet typed) while a host boots with boot_grace 60 s",
    "the client retries (connects refused by the kernel) and gets in once the PIN is typed, 1 s later; no lockdown",
    net=True,
)
def sealed_boot() -> Outcome:
    return asyncio.run(_sealed_boot(60.0))


@case(
    "net-sealed-keypad-boot-wait",
    "the same with boot_grace = \"wait\"",
    "the client waits and gets in once the PIN is typed; no lockdown",
    net=True,
)
def sealed_boot_wait() -> Outcome:
    return asyncio.run(_sealed_boot(None))
