"""Attack cases against the keypad as a device: PIN, duress, clocks, sensor, configuration.

Each case here was found by the outside review of issue 11 and failed on the
code before its fix. The ``net`` ones run a real keypad daemon (and real client
daemons) on 127.0.0.1 and talk to it over its Unix control socket, as the
attacker did.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import tempfile
import time
from pathlib import Path
from typing import Any, AsyncIterator, Iterator
from unittest import mock

from keycrypt.daemon.control import request
from keycrypt.daemon.keypad import KeypadDaemon, KeypadSettings, PinRejected
from keycrypt.errors import ConfigError
from keycrypt.machines.device import DeviceConfig, backoff_delay
from keycrypt_kit.attacks.catalogue import Outcome, case
from keycrypt_kit.rig import FAST_ARGON2, HOST, PIN, Fleet, keypad_rig, make_keystore, silenced, start_keypad, wait_for

DURESS = "13571357"


def _duress_verifier(pin: str = DURESS) -> str:
    from argon2 import PasswordHasher

    return PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(pin)


@contextlib.asynccontextmanager
async def _device_rig(**overrides: Any) -> AsyncIterator[tuple[KeypadDaemon, Path]]:
    """A running, armed keypad with a duress PIN and a control socket (its path)."""
    with silenced(), tempfile.TemporaryDirectory(prefix="kc-device-") as d:
        directory = Path(d)
        ctl = directory / "ctl" / "keypad.sock"
        overrides.setdefault("duress_verifier", _duress_verifier())
        kd = await start_keypad(directory, control_socket=ctl, **overrides)
        try:
            yield kd, ctl
        finally:
            await kd.stop()


async def _ctl(path: Path, **req: Any) -> dict[str, Any]:
    """One control-socket request from a worker thread (the daemon answers in this loop)."""
    return await asyncio.to_thread(request, path, req, 10.0)


# --------------------------------------------------------------------------- item 12: window_max


@case("config-window-max-above-spec", "configures keypad.maintenance.window_max = \"7d\" so that a disarm can ask for a week-long window", "refused at start: ConfigError naming keypad.maintenance.window_max (the spec's maximum is 8 h)")
def window_max_above_spec() -> Outcome:
    from keycrypt.config import load_keypad_config

    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "keypad.toml"
        p.write_text('keystore = "k"\n[maintenance]\nwindow_max = "7d"\n')
        try:
            v = load_keypad_config(p)
        except ConfigError as exc:
            return Outcome("keypad.maintenance.window_max" in str(exc), f"refused: {exc}")
    return Outcome(False, f"accepted window_max = {v.maintenance.window_max:g} s")


# --------------------------------------------------------------------------- item 7: duress and the counter


@case("net-duress-resets-backoff", "over the control socket: 3 wrong PINs, open the door (breach), the duress PIN; repeated 6 times (24 PINs)", "the duress PIN never resets the real wrong-PIN count: it only grows, and once its lock-out runs no PIN is used (shown as wrong, spec §9 'Two counts'), so no more guesses are used than the backoff allows in the time taken", net=True)
def duress_resets_backoff() -> Outcome:
    return asyncio.run(_duress_resets_backoff())


async def _duress_resets_backoff() -> Outcome:
    async with _device_rig() as (kd, ctl):
        codes: list[str] = []
        counts: list[int] = []  # the real count after each PIN: what bounds the guesses
        t0 = time.monotonic()
        for _ in range(6):
            for guess in ("0000", "1111", "2222"):
                codes.append(str((await _ctl(ctl, cmd="pin", pin=guess)).get("code", "accepted")))
                counts.append(kd.device.failures)
            await _ctl(ctl, cmd="breach")
            answer = await _ctl(ctl, cmd="pin", pin=DURESS)
            codes.append("duress:" + str(answer.get("code", "accepted")))
            counts.append(kd.device.failures)
        failures = kd.device.failures
        elapsed = time.monotonic() - t0
    used = sum(1 for a, b in zip([0, *counts], counts, strict=False) if b > a)  # guesses whose result counted
    never_down = all(b >= a for a, b in zip(counts, counts[1:], strict=False))
    # what the backoff allows in this time: the free attempts, then one per doubling delay (2, 4, 8 s...)
    cfg = kd.device.config
    allowed, spent = cfg.backoff_free_attempts + 1, 0.0
    while spent + backoff_delay(allowed, cfg) <= elapsed:
        spent += backoff_delay(allowed, cfg)
        allowed += 1
    ok = never_down and used <= allowed and failures >= cfg.backoff_free_attempts + 1
    return Outcome(ok, f"{len(codes)} PINs in {elapsed:.1f} s: {used} guesses used (the backoff allows {allowed}), "
                   f"the real count never fell: {never_down}; real count at the end: {failures}",
                   {"codes": codes, "real_counts": counts})


# --------------------------------------------------------------------------- item 8: duress at the door


class _Alarms(logging.Handler):
    """Alarm lines the keypad logs; a silent one leaves no sign at the keypad."""

    def __init__(self) -> None:
        super().__init__(logging.CRITICAL)
        self.loud = 0

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if "event=alarm" in text and "silent=True" not in text:
            self.loud += 1


async def _at_the_door(pin: str) -> dict[str, Any]:
    """PIN typed at the pad (bare entry), then the door opened: what the keypad shows, and the clients' fate."""
    from keycrypt.hw.simulated import SimulatedPinPad, SimulatedSensor

    logger = logging.getLogger("keycrypt")
    alarms, old = _Alarms(), logger.level
    logger.setLevel(logging.CRITICAL)
    logger.addHandler(alarms)
    try:
        with tempfile.TemporaryDirectory(prefix="kc-door-") as d:
            directory = Path(d)
            ek = make_keystore(directory / "keypad.key")
            settings = KeypadSettings(keystore=directory / "keypad.key", host=HOST, port=0, state_dir=directory / "state",
                                      duress_verifier=_duress_verifier(), device=DeviceConfig(window_default=60.0))
            sensor, pad = SimulatedSensor(), SimulatedPinPad()
            kd = KeypadDaemon(settings, sensor=sensor, pinpad=pad)
            await kd.enter_pin(PIN, "arm")
            await kd.start()
            fleet = Fleet()
            try:
                for i in range(3):
                    fleet.add(ek, kd.bound[1] if kd.bound else 0, f"c{i}")
                up = await fleet.wait_established(3)
                pad.submit(pin)
                await wait_for(lambda: len(pad.shown) >= 1, 5.0)
                await asyncio.sleep(0.3)
                sensor.trigger_breach()
                await asyncio.sleep(0.5)
                st = kd.status()
                seen = {"display": list(pad.shown), "state": st["state"], "accepting": st["accepting"],
                        "window": st["window_until"] is not None, "failures": st["pin"]["failures"], "alarms": alarms.loud}
                await wait_for(lambda: len(fleet.lockdowns) >= 3, 2.0)
                return {"up": up, "seen": seen, "lockdowns": sorted({r for _, r, _ in fleet.lockdowns}),
                        "locked": len({c for c, _, _ in fleet.lockdowns})}
            finally:
                await fleet.close()
                await kd.stop()
    finally:
        logger.removeHandler(alarms)
        logger.setLevel(old)


@case("net-duress-door-gives-away", "has the duress PIN typed at the PIN pad of an armed keypad, then opens the door, and compares what the keypad shows with the same steps after the real PIN", "display, alarm and local status are the same as after the real PIN (disarmed, no alarm, a window); every client still locks down", net=True)
def duress_door() -> Outcome:
    return asyncio.run(_duress_door())


async def _duress_door() -> Outcome:
    real = await _at_the_door(PIN)
    duress = await _at_the_door(DURESS)
    same = real["seen"] == duress["seen"]
    ok = real["up"] and duress["up"] and same and real["locked"] == 0 and duress["locked"] == 3
    return Outcome(ok, f"real PIN: {real['seen']}, {real['locked']} clients locked down; "
                       f"duress PIN: {duress['seen']}, {duress['locked']} locked down ({', '.join(duress['lockdowns'])})",
                   {"real": real, "duress": duress})


# --------------------------------------------------------------------------- item 1: clocks


@contextlib.contextmanager
def _wall_clock(step: list[float]) -> Iterator[None]:
    """time.time() shifted by ``step[0]`` seconds (changed by the case as it goes): an NTP step, not a real one."""
    real = time.time
    with mock.patch("time.time", lambda: real() + step[0]):
        yield


@case("net-window-wall-clock-step", "disarms for 1 s, then steps the keypad's wall clock back 10 s (an NTP correction or a spoofed reply), waits, and opens the door", "the window still ends on time (monotonic): the keypad re-arms, and the breach locks every client down", net=True)
def window_clock_step() -> Outcome:
    return asyncio.run(_window_clock_step())


async def _window_clock_step() -> Outcome:
    step = [0.0]
    with _wall_clock(step):
        async with keypad_rig() as (kd, ek, fleet, _):
            for i in range(3):
                fleet.add(ek, kd.bound[1] if kd.bound else 0, f"c{i}")
            up = await fleet.wait_established(3)
            await kd.enter_pin(PIN, "disarm", 1.0)
            await asyncio.sleep(0.3)
            step[0] = -10.0
            rearmed = await wait_for(lambda: kd.status()["state"] == "ARMED", 3.0)
            state = kd.status()["state"]
            kd.breach("attack")
            locked = await wait_for(lambda: len(fleet.lockdowns) >= 3, 3.0)
            reasons = sorted({r for _, r, _ in fleet.lockdowns})
    ok = up and rearmed and locked
    return Outcome(ok, f"state 2.7 s after a 1 s window with the wall clock stepped back 10 s: {state}; "
                       f"breach -> {len(fleet.lockdowns)}/3 clients locked down ({', '.join(reasons) or 'none'})")


@case("net-pin-backoff-clock-step", "after 4 wrong PINs (lock-out 2 s), steps the wall clock forward 1 day and types another; then back 1 day and types the right PIN once 2 s have passed", "the forward step lets no PIN through (locked_out); the backward step does not refuse the right PIN after the real 2 s", net=True)
def backoff_clock_step() -> Outcome:
    return asyncio.run(_backoff_clock_step())


async def _backoff_clock_step() -> Outcome:
    step = [0.0]
    with _wall_clock(step):
        async with _device_rig() as (kd, ctl):
            codes = [str((await _ctl(ctl, cmd="pin", pin=g)).get("code", "accepted")) for g in ("0000", "1111", "2222", "3333")]
            step[0] = 86400.0
            forward = await _ctl(ctl, cmd="pin", pin="4444")
            step[0] = -86400.0
            await asyncio.sleep(2.2)
            backward = await _ctl(ctl, cmd="pin", pin=PIN, intent="arm")
    ok = codes[-1] == "wrong_pin" and forward.get("code") == "locked_out" and backward.get("ok") is True
    return Outcome(ok, f"4 wrong PINs: {codes}; +1 day, a 5th: {forward.get('code', 'accepted')}; "
                       f"-1 day, the right PIN after 2.2 s: {backward.get('code', 'accepted')} (retry_after {backward.get('retry_after', '-')})")


@case("net-pin-lockout-restart-clock-step", "after 4 wrong PINs (lock-out 2 s), restarts the keypad with its wall clock 1 day back, and again 1 day forward, typing the right PIN", "read back after a restart, the lock-out is the one the counter earns from now: the right PIN is accepted 2 s after the restart whichever way the clock moved, never at once, never refused for a day", net=True)
def lockout_restart_clock_step() -> Outcome:
    return asyncio.run(_lockout_restart_clock_step())


async def _lockout_restart_clock_step() -> Outcome:
    step = [0.0]
    seen: list[str] = []
    with _wall_clock(step), silenced(), tempfile.TemporaryDirectory(prefix="kc-restart-") as d:
        directory = Path(d)
        make_keystore(directory / "keypad.key")
        settings = KeypadSettings(keystore=directory / "keypad.key", host=HOST, port=0, state_dir=directory / "state")
        kd = KeypadDaemon(settings)
        for guess in ("0000", "1111", "2222", "3333"):
            with contextlib.suppress(PinRejected):
                await kd.enter_pin(guess, "arm")
        ok = True
        for shift in (-86400.0, 86400.0):
            step[0] = shift
            kd = KeypadDaemon(settings)  # the keypad restarted, its clock stepped
            try:
                await kd.enter_pin(PIN, "arm")
                at_once = "accepted"
            except PinRejected as exc:
                at_once = exc.code
            await asyncio.sleep(2.2)
            try:
                await kd.enter_pin(PIN, "arm")
                later = "accepted"
            except PinRejected as exc:
                later = exc.code
            seen.append(f"clock {shift:+.0f} s: at once {at_once}, after 2.2 s {later}")
            ok = ok and at_once == "locked_out" and later == "accepted"
            # the right PIN cleared the counter; lock it out again for the next restart
            for guess in ("0000", "1111", "2222", "3333"):
                with contextlib.suppress(PinRejected):
                    await kd.enter_pin(guess, "arm")
    return Outcome(ok, "; ".join(seen))


# --------------------------------------------------------------------------- item 9: no breach sensor


def _keypad_run(cfg: Path, *extra: str) -> tuple[int, str]:
    """``keycrypt keypad run`` as a process with no PIN on stdin: what it says before anything else."""
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "NOTIFY_SOCKET"}
    p = subprocess.run([sys.executable, "-m", "keycrypt.cli", "keypad", "run", "--config", str(cfg), *extra],
                       input="", capture_output=True, text=True, timeout=60, env=env, cwd=cfg.parent)
    return p.returncode, p.stderr.strip().splitlines()[-1] if p.stderr.strip() else ""


@case("config-keypad-without-sensor", "starts `keycrypt keypad run` with no [sensor] table (the shipped example), then with driver = \"simulated\" as a production config; then runs one with driver = \"none\"", "the first two are refused at start naming keypad.sensor; \"none\" runs, and its status and log say loudly that no breach can be detected")
def keypad_without_sensor() -> Outcome:
    with tempfile.TemporaryDirectory(prefix="kc-nosensor-") as d:
        cfg = Path(d) / "keypad.toml"
        make_keystore(Path(d) / "keypad.key")
        cfg.write_text('keystore = "keypad.key"\nstate_dir = "state"\n')
        code1, said1 = _keypad_run(cfg)
        cfg.write_text('keystore = "keypad.key"\nstate_dir = "state"\n[sensor]\ndriver = "simulated"\n')
        code2, said2 = _keypad_run(cfg)
        try:
            label, loud = asyncio.run(_no_sensor_status(Path(d)))
        except Exception as exc:  # noqa: BLE001 - reported in the outcome
            label, loud = f"did not start: {exc}", False
    refused = code1 == 2 and "keypad.sensor" in said1 and code2 == 2 and "keypad.sensor.driver" in said2
    ok = refused and "NO BREACH SENSOR" in label and loud
    return Outcome(ok, f"no [sensor]: exit {code1} ({said1}); simulated: exit {code2} ({said2}); "
                       f"driver = \"none\": status sensor = {label!r}, critical log line: {loud}")


async def _no_sensor_status(directory: Path) -> tuple[str, bool]:
    logger = logging.getLogger("keycrypt")
    seen: list[str] = []

    class Catch(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.CRITICAL:
                seen.append(record.getMessage())

    h, old = Catch(), logger.level
    logger.setLevel(logging.CRITICAL)
    logger.addHandler(h)
    try:
        kd = await start_keypad(directory, sensor={"driver": "none"})
        try:
            label = str(kd.status().get("sensor", "(not in the status)"))
        finally:
            await kd.stop()
    finally:
        logger.removeHandler(h)
        logger.setLevel(old)
    return label, any("no_breach_sensor" in m for m in seen)


# --------------------------------------------------------------------------- item 10: offline PIN search


@case("keystore-short-pin-offline", "seals a keystore under a 6-digit PIN (33 h to try them all offline at the default Argon2 on one 2-core machine) and asks `keypad init`'s calibration for 1 s per unlock on fast hardware (0.01 s per pass)", "the 6-digit PIN is refused (PINs have at least 8 characters); the calibration raises t to the bound instead of keeping the default")
def short_pin_offline() -> Outcome:
    from keycrypt.errors import PinError
    from keycrypt.keystore import create_keystore

    with tempfile.TemporaryDirectory() as d:
        try:
            create_keystore(Path(d) / "k.key", "246802", params=FAST_ARGON2)
            sealed = "accepted"
        except PinError as exc:
            sealed = f"refused ({exc})"
    try:
        from keycrypt.keystore import calibrate_argon2

        t = calibrate_argon2(1.0, measure=lambda p: 0.01 * p.time_cost).time_cost
        calibrated = f"t={t}"
    except ImportError:
        t, calibrated = 0, "no calibration"
    ok = sealed.startswith("refused") and t >= 64
    return Outcome(ok, f"6-digit PIN: {sealed}; calibration at 0.01 s per pass for 1 s: {calibrated}")
