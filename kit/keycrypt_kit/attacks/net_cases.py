"""Attack cases over real sockets on 127.0.0.1 against the reference keypad and client daemons.

The keypad and the legitimate clients run in this process's event loop;
flooding attackers run in a child process (``keycrypt_kit.attacks.flood``), as a
real attacker would, so that their sockets count against their own fd limit.
Legitimate clients use a 0.2 s heartbeat (deadline 0.6 s), so any stall the
attack causes in the keypad shows up as a lockdown.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from keycrypt_kit.attacks.catalogue import Outcome, case
from keycrypt_kit.faultproxy.proxy import Fault, FaultProxy
from keycrypt_kit.rig import HOST, PIN, Fleet, Limits, closed_within, keypad_rig, make_keystore, silenced, wait_for

SLACK = 0.5
LEGIT = 5
LEGIT_INTERVAL = 0.2
LEGIT_MULTIPLIER = 7
"""Deadline 1.4 s, so a round-trip tolerance (D - I) / 2 of 0.6 s under the exposure bound: a keypad stalled
longer than that shows up as a lockdown (the same 0.6 s of stall the 0.6 s deadline allowed before the
bound), loose enough for a busy CI runner."""


async def _flood(*args: str) -> dict[str, object]:
    env = dict(os.environ)
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "keycrypt_kit.attacks.flood", *args, stdout=asyncio.subprocess.PIPE, env=env
    )
    out, _ = await proc.communicate()
    lines = [json.loads(x) for x in out.decode().splitlines() if x.strip()]
    return lines[-1] if lines else {"error": f"flood exited {proc.returncode}"}


async def _legit(fleet: Fleet, ek: bytes, port: int, n: int = LEGIT) -> bool:
    for i in range(n):
        fleet.add(ek, port, f"legit-{i}", heartbeat_interval=LEGIT_INTERVAL, detect_multiplier=LEGIT_MULTIPLIER)
    return await fleet.wait_established(n)


def _kept(fleet: Fleet, before: dict[str, int], n: int = LEGIT) -> tuple[bool, str]:
    beats = {c: fleet.heartbeats.get(c, 0) - before.get(c, 0) for c in (f"legit-{i}" for i in range(n))}
    ok = not fleet.lockdowns and all(b > 0 for b in beats.values())
    return ok, f"legit clients: {n - len(fleet.lockdowns)}/{n} up, heartbeats during attack min {min(beats.values())}"


# --- slow and malformed connections -------------------------------------------------------------------


@case("net-slowloris", "opens 40 connections and trickles a HELLO into each, one byte every 50 ms (hello timeout 1 s)", "keypad closes each at its HELLO timeout (+0.5 s); 5 legitimate clients keep their sessions", net=True)
def slowloris() -> Outcome:
    return asyncio.run(_slowloris())


async def _slowloris() -> Outcome:
    hello_timeout = 1.0
    async with keypad_rig(hello_timeout=hello_timeout) as (kd, ek, fleet, _):
        port = kd.bound[1]
        if not await _legit(fleet, ek, port):
            return Outcome(False, "legitimate clients did not come up")
        before = dict(fleet.heartbeats)
        hello = b"KC\x01\x01\x04\xa3" + bytes(1187)

        async def one() -> tuple[float | None, int]:
            r, w = await asyncio.open_connection(HOST, port)
            sent = 0

            async def trickle() -> None:
                nonlocal sent
                for b in hello:
                    try:
                        w.write(bytes([b]))
                        await w.drain()
                    except (ConnectionError, OSError):
                        return
                    sent += 1
                    await asyncio.sleep(0.05)

            t = asyncio.create_task(trickle())
            closed = await closed_within(r, hello_timeout + 3.0)
            t.cancel()
            w.transport.abort()
            return closed, sent

        res = await asyncio.gather(*(one() for _ in range(40)))
        kept, legit = _kept(fleet, before)
    times = [c for c, _ in res if c is not None]
    ok = len(times) == len(res) and max(times) <= hello_timeout + SLACK and kept
    figures = {"closed": len(times), "close_after_max_s": round(max(times), 3) if times else None, "bytes_sent_max": max(s for _, s in res)}
    return Outcome(ok, f"{len(times)}/40 closed by the keypad after {min(times or [0]):.2f}-{max(times or [0]):.2f} s (max {max(s for _, s in res)} of {len(hello)} HELLO bytes); {legit}", figures)


@case("net-header-65535", "connects and sends a HELLO header announcing a 65535-byte body", "keypad closes at once (on the 6-byte header), nothing answered", net=True)
def header_65535() -> Outcome:
    return asyncio.run(_header())


async def _header() -> Outcome:
    async with keypad_rig() as (kd, _, _, _):
        r, w = await asyncio.open_connection(HOST, kd.bound[1])
        w.write(b"KC\x01\x01\xff\xff")
        await w.drain()
        got = b""
        t0 = time.monotonic()
        try:
            got = await asyncio.wait_for(r.read(100), 2.0)
        except (ConnectionError, OSError):
            pass
        except asyncio.TimeoutError:
            return Outcome(False, "keypad kept the connection open for 2 s")
        dt = time.monotonic() - t0
        w.transport.abort()
    ok = got == b"" and dt <= SLACK
    return Outcome(ok, f"closed after {dt * 1000:.1f} ms, {len(got)} bytes answered", {"close_ms": round(dt * 1000, 1)})


# --- floods -------------------------------------------------------------------------------------------------


@case("net-idle-flood", "opens N idle connections from another process and holds them (CI N=2,000; --full N=10,000)", "keypad stays within max_clients/max_half_open, closes the idle ones; 5 legitimate clients keep their sessions; a new client gets in afterwards", net=True, heavy=True)
def idle_flood(full: bool = False) -> Outcome:
    return asyncio.run(_idle_flood(10_000 if full else 2_000, 6.0 if full else 3.0))


async def _idle_flood(n: int, hold: float) -> Outcome:
    async with keypad_rig(hello_timeout=1.0, max_clients=1024, max_half_open=64) as (kd, ek, fleet, _):
        port = kd.bound[1]
        if not await _legit(fleet, ek, port):
            return Outcome(False, "legitimate clients did not come up")
        before = dict(fleet.heartbeats)
        with Limits(kd) as lim:
            res = await _flood("idle", "--port", str(port), "--n", str(n), "--hold", str(hold))
        kept, legit = _kept(fleet, before)
        fleet.add(ek, port, "late-1")
        late = await wait_for(lambda: "late-1" in fleet.established, 5.0)
        figures = {**res, "keypad_max_connections": lim.max_conns, "keypad_max_half_open": lim.max_half_open, "keypad_max_idle_age_s": round(lim.max_idle_age, 3), "keypad_refused": kd.stats["refused"], "late_client_established": late}
        s = kd.settings
        ok = kept and late and lim.max_conns <= s.max_clients and lim.max_half_open <= s.max_half_open and lim.max_idle_age <= s.hello_timeout + SLACK
    return Outcome(ok, f"{res.get('opened')} idle connections: keypad peak {lim.max_conns} conns / {lim.max_half_open} half-open (limits {s.max_clients}/{s.max_half_open}), none idle > {lim.max_idle_age:.2f} s (hello timeout {s.hello_timeout:g}), refused {kd.stats['refused']}, closed {res.get('closed_by_keypad')} ({res.get('still_connecting')} SYNs still queued by the kernel at the end); {legit}; late client up: {late}", figures)


@case("net-connect-flood", "opens and resets connections as fast as one process can, each with part of a bogus HELLO (CI 3 s; --full 30 s)", "5 legitimate clients keep their sessions throughout; the keypad stays within its limits", net=True, heavy=True)
def connect_flood(full: bool = False) -> Outcome:
    return asyncio.run(_connect_flood(30.0 if full else 3.0))


async def _connect_flood(seconds: float) -> Outcome:
    async with keypad_rig(hello_timeout=1.0) as (kd, ek, fleet, _):
        port = kd.bound[1]
        if not await _legit(fleet, ek, port):
            return Outcome(False, "legitimate clients did not come up")
        before = dict(fleet.heartbeats)
        with Limits(kd) as lim:
            res = await _flood("churn", "--port", str(port), "--seconds", str(seconds))
        kept, legit = _kept(fleet, before)
        s = kd.settings
        ok = kept and lim.max_half_open <= s.max_half_open and int(res.get("connections", 0)) > 0  # type: ignore[arg-type]
    return Outcome(ok, f"{res.get('connections')} connections in {seconds:g} s ({res.get('per_second')}/s), keypad peak half-open {lim.max_half_open}/{s.max_half_open}; {legit}", {**res, "keypad_max_half_open": lim.max_half_open})


@case("net-breach-during-flood", "opens the door while a connection flood is running", "every legitimate client locks down within its deadline + 0.5 s of the breach", net=True)
def breach_during_flood() -> Outcome:
    return asyncio.run(_breach_flood())


async def _breach_flood() -> Outcome:
    async with keypad_rig(hello_timeout=1.0) as (kd, ek, fleet, _):
        port = kd.bound[1]
        if not await _legit(fleet, ek, port):
            return Outcome(False, "legitimate clients did not come up")
        flood = asyncio.create_task(_flood("churn", "--port", str(port), "--seconds", "3"))
        await asyncio.sleep(1.0)
        loop = asyncio.get_running_loop()
        t_breach = loop.time()
        kd.breach("attack")
        await wait_for(lambda: len(fleet.lockdowns) >= LEGIT, LEGIT_INTERVAL * LEGIT_MULTIPLIER + 2.0)
        res = await flood
        r2 = await _probe_refused(port)
    lat = [t - t_breach for _, _, t in fleet.lockdowns]
    reasons = sorted({r for _, r, _ in fleet.lockdowns})
    deadline = LEGIT_INTERVAL * LEGIT_MULTIPLIER
    ok = len(lat) == LEGIT and max(lat) <= deadline + SLACK and r2
    return Outcome(ok, f"{len(lat)}/{LEGIT} locked down ({', '.join(reasons)}) in max {max(lat or [0]) * 1000:.0f} ms during a {res.get('per_second')}/s flood; new connection refused after the breach: {r2}", {"lockdown_ms_max": round(max(lat or [0]) * 1000, 1), "flood_per_second": res.get("per_second")})


async def _probe_refused(port: int) -> bool:
    try:
        r, w = await asyncio.open_connection(HOST, port)
    except OSError:
        return True
    closed = await closed_within(r, 1.0)
    w.transport.abort()
    return closed is not None


# --- man in the middle on the wire ---------------------------------------------------------------------------


async def _through_proxy(fault: Fault) -> tuple[Fleet, str, float | None, float | None]:
    async with keypad_rig() as (kd, ek, fleet, _):
        proxy = FaultProxy((HOST, kd.bound[1]), fault)
        port = await proxy.start()
        try:
            fleet.add(ek, port, "victim")
            await wait_for(lambda: fleet.lockdowns, 5.0)
        finally:
            await proxy.close()
        lk = fleet.locked("victim")
        inj = proxy.stats.injected_at[0] if proxy.stats.injected_at else None
        return fleet, lk[0] if lk else "none", lk[1] if lk else None, inj


def _mitm(fault: Fault, want: set[str]) -> Outcome:
    fleet, reason, t, inj = asyncio.run(_through_proxy(fault))
    if "victim" not in fleet.established and fault.at > 0:
        return Outcome(False, "victim never established")
    lat = (t - inj) if t is not None and inj is not None else None
    ok = reason in want and lat is not None and lat <= 0.3 + SLACK
    return Outcome(ok, f"client LOCKED_DOWN: {reason} {lat * 1000 if lat is not None else float('nan'):.1f} ms after the tampered frame", {"latency_ms": round(lat * 1000, 1) if lat is not None else None})


@case("net-mitm-flip-pong", "an on-path proxy flips one bit of the 5th PONG between the real daemons", "client locks down at once: mac_failure or parse_error", net=True)
def mitm_flip() -> Outcome:
    return _mitm(Fault("tamper", "k2c", 5, seed=3), {"mac_failure", "parse_error"})


@case("net-mitm-replay-pong", "an on-path proxy answers the 4th PING with the 3rd PONG", "client locks down at once: mac_failure", net=True)
def mitm_replay() -> Outcome:
    return _mitm(Fault("replay", "k2c", 4), {"mac_failure"})


@case("net-mitm-flip-hello", "an on-path proxy flips one bit of the HELLO in flight", "keypad refuses it or its HELLO_ACK fails: client locks down (mac_failure / eof)", net=True)
def mitm_hello() -> Outcome:
    return _mitm(Fault("tamper", "c2k", 0, seed=11), {"mac_failure", "eof"})


# --- keys and PINs ------------------------------------------------------------------------------------------


@case("net-keystore-swap", "replaces the keypad's keystore with another device's and restarts the keypad daemon", "a client pinned to the old public key locks down at the handshake: mac_failure", net=True)
def keystore_swap_net() -> Outcome:
    return asyncio.run(_swap())


async def _swap() -> Outcome:
    with silenced(), tempfile.TemporaryDirectory() as d:
        old_ek = make_keystore(Path(d) / "old.key")
        async with keypad_rig(keystore=Path(d) / "other.key") as (kd, _, fleet, _):
            fleet.add(old_ek, kd.bound[1], "pinned")
            await wait_for(lambda: fleet.lockdowns, 5.0)
            lk = fleet.locked("pinned")
    ok = lk is not None and lk[0] == "mac_failure" and "pinned" not in fleet.established
    return Outcome(ok, f"client: {lk[0] if lk else 'no lockdown'}; established: {'pinned' in fleet.established}")


@case("net-pin-brute-force-restart", "types wrong PINs at the keypad daemon, restarting it (SIGKILL-equivalent: new daemon, same state dir) to reset the backoff", "the backoff survives the restart: the next attempt, even the right PIN, is refused as locked_out", net=True)
def pin_restart() -> Outcome:
    return asyncio.run(_pin_restart())


async def _pin_restart() -> Outcome:
    from keycrypt.daemon.keypad import KeypadDaemon, KeypadSettings, PinRejected

    with silenced(), tempfile.TemporaryDirectory() as d:
        ks = Path(d) / "k.key"
        make_keystore(ks)
        settings = KeypadSettings(keystore=ks, host=HOST, port=0, state_dir=Path(d) / "state")
        kd = KeypadDaemon(settings)
        codes = []
        for guess in ("0000", "1111", "2222", "3333", "4444"):
            try:
                await kd.enter_pin(guess, "arm")
                codes.append("accepted")
            except PinRejected as exc:
                codes.append(exc.code)
        kd2 = KeypadDaemon(settings)  # the attacker power-cycled the keypad
        try:
            await kd2.enter_pin(PIN, "arm")
            after = "accepted"
        except PinRejected as exc:
            after = exc.code
        failures = kd2.device.failures
    ok = "accepted" not in codes and codes[-1] == "locked_out" and after == "locked_out" and failures >= 4
    return Outcome(ok, f"attempts: {codes}; after restart the right PIN -> {after} (failures persisted: {failures})")


@case("net-keystore-swap-live", "swaps the keystore file under a running, armed keypad (same PIN) and has the PIN entered to disarm", "the keypad refuses the other key (keystore_error), stays ARMED with its own key, and its clients keep their sessions", net=True)
def keystore_swap_live() -> Outcome:
    return asyncio.run(_swap_live())


async def _swap_live() -> Outcome:
    from keycrypt.daemon.keypad import PinRejected

    async with keypad_rig() as (kd, ek, fleet, d):
        if not await _legit(fleet, ek, kd.bound[1], 2):
            return Outcome(False, "clients did not come up")
        make_keystore(d / "other.key")
        (d / "other.key").replace(kd.settings.keystore)
        before = dict(fleet.heartbeats)
        try:
            await kd.enter_pin(PIN, "disarm")
            code = "accepted"
        except PinRejected as exc:
            code = exc.code
        await asyncio.sleep(0.5)
        kept, legit = _kept(fleet, before, 2)
        state = kd.device.state
    ok = code == "keystore_error" and state == "ARMED" and kept
    return Outcome(ok, f"PIN entry -> {code}; device {state}; {legit}")
