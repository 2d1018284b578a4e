"""Sensor and PIN-pad drivers behind two small interfaces, and their factories.

The keypad daemon gets its devices from :func:`make_sensor` and
:func:`make_pinpad`, each given the plain table of the configuration file
(``[sensor]``, ``[pinpad]``). Validation is strict: an unknown key or a bad
value is a :class:`~keycrypt.errors.ConfigError` naming the key, e.g.
``sensor.line: must be an integer >= 0``.

``[sensor]``: ``driver = "gpio"`` (keys ``chip``, ``line``, ``normally_closed``,
``active_low``, ``bias``, ``debounce_ms``) or ``driver = "simulated"`` (key
``initially_breached``).

``[pinpad]``: ``driver = "evdev"`` (keys ``device``, ``arm_keys``,
``disarm_keys``, ``max_length``, ``entry_timeout``) or ``driver = "simulated"``.

Defaults and wiring: ``docs/hardware.md``.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import re
from typing import Any, Callable, Mapping

from keycrypt.constants import PIN_MAX_LENGTH, PIN_MIN_LENGTH, PINPAD_ENTRY_TIMEOUT, SENSOR_DEBOUNCE_MAX_MS, SENSOR_DEBOUNCE_MS
from keycrypt.errors import ConfigError
from keycrypt.hw.base import (
    INTENTS,
    SENSOR_KINDS,
    PinBuffer,
    PinDisplay,
    PinEntry,
    PinPad,
    Sensor,
    SensorEvent,
    SensorHub,
)
from keycrypt.hw.evdev_pinpad import DEFAULT_ARM_KEYS, DEFAULT_DISARM_KEYS, RESERVED_KEYS, EvdevPinPad
from keycrypt.hw.gpio import BIASES, GpioSensor
from keycrypt.hw.simulated import SimulatedPinPad, SimulatedSensor

__all__ = [
    "BIASES",
    "ENTRY_TIMEOUT_MAX",
    "INTENTS",
    "SENSOR_KINDS",
    "EvdevPinPad",
    "GpioSensor",
    "PinBuffer",
    "PinDisplay",
    "PinEntry",
    "PinPad",
    "Sensor",
    "SensorEvent",
    "SensorHub",
    "SimulatedPinPad",
    "SimulatedSensor",
    "SENSOR_DEFAULTS",
    "PINPAD_DEFAULTS",
    "make_pinpad",
    "make_sensor",
    "watch",
]

#: Every key of each driver with its default (``None``: required).
SENSOR_DEFAULTS: dict[str, dict[str, Any]] = {
    "gpio": {
        "chip": "/dev/gpiochip0",
        "line": None,
        "normally_closed": True,
        "active_low": True,
        "bias": "pull_up",
        "debounce_ms": SENSOR_DEBOUNCE_MS,
    },
    "simulated": {"initially_breached": False},
    "none": {},
}
PINPAD_DEFAULTS: dict[str, dict[str, Any]] = {
    "evdev": {
        "device": None,
        "arm_keys": list(DEFAULT_ARM_KEYS),
        "disarm_keys": list(DEFAULT_DISARM_KEYS),
        "max_length": PIN_MAX_LENGTH,
        "entry_timeout": PINPAD_ENTRY_TIMEOUT,
    },
    "simulated": {},
}
ENTRY_TIMEOUT_MAX = 3600.0
"""Longest ``entry_timeout`` an evdev PIN pad accepts (seconds)."""
_KEY_NAME = re.compile(r"KEY_[A-Z0-9_]+")


def make_sensor(cfg: Mapping[str, Any], *, where: str = "sensor") -> GpioSensor | SimulatedSensor | None:
    """The sensor a ``[sensor]`` table describes (not started: ``await sensor.start()``).

    ``driver = "none"`` is the operator's explicit choice to run without a breach
    sensor: None, and the keypad says so loudly (status, log).
    """
    driver, opts = _driver(cfg, SENSOR_DEFAULTS, where)
    if driver == "none":
        return None
    if driver == "simulated":
        return SimulatedSensor(initially_breached=_bool(opts, "initially_breached", where))
    chip = opts["chip"]
    if not isinstance(chip, str) or not chip.startswith("/") or "\0" in chip:
        raise ConfigError("must be the absolute path of a GPIO chip, like /dev/gpiochip0", key=f"{where}.chip")
    line = opts["line"]
    if not _is_int(line) or line < 0:
        raise ConfigError("must be an integer >= 0", key=f"{where}.line")
    bias = opts["bias"]
    if bias not in BIASES:
        raise ConfigError(f"must be one of {', '.join(repr(b) for b in BIASES)}", key=f"{where}.bias")
    debounce = opts["debounce_ms"]
    if not _is_int(debounce) or not 0 <= debounce <= SENSOR_DEBOUNCE_MAX_MS:
        raise ConfigError(f"must be an integer 0..{SENSOR_DEBOUNCE_MAX_MS} (milliseconds)", key=f"{where}.debounce_ms")
    return GpioSensor(
        chip=chip,
        line=line,
        normally_closed=_bool(opts, "normally_closed", where),
        active_low=_bool(opts, "active_low", where),
        bias=bias,
        debounce_ms=debounce,
    )


def make_pinpad(cfg: Mapping[str, Any], *, where: str = "pinpad") -> EvdevPinPad | SimulatedPinPad:
    """The PIN pad a ``[pinpad]`` table describes (opened by ``await pad.start()`` or the first ``entries()``)."""
    driver, opts = _driver(cfg, PINPAD_DEFAULTS, where)
    if driver == "simulated":
        return SimulatedPinPad()
    device = opts["device"]
    if not isinstance(device, str) or not device.startswith("/") or "\0" in device:
        raise ConfigError(
            "must be the absolute path of an input device, like /dev/input/by-id/usb-…-event-kbd", key=f"{where}.device"
        )
    arm = _keys(opts["arm_keys"], f"{where}.arm_keys")
    disarm = _keys(opts["disarm_keys"], f"{where}.disarm_keys")
    if both := sorted(set(arm) & set(disarm)):
        raise ConfigError(f"{', '.join(both)} cannot both arm and disarm", key=f"{where}.disarm_keys")
    max_length = opts["max_length"]
    if not _is_int(max_length) or not PIN_MIN_LENGTH <= max_length <= PIN_MAX_LENGTH:
        raise ConfigError(f"must be an integer {PIN_MIN_LENGTH}..{PIN_MAX_LENGTH}", key=f"{where}.max_length")
    timeout = opts["entry_timeout"]
    if (
        isinstance(timeout, bool)
        or not isinstance(timeout, (int, float))
        or not math.isfinite(timeout)
        or not 0 < timeout <= ENTRY_TIMEOUT_MAX
    ):
        raise ConfigError(f"must be a number of seconds in (0, {ENTRY_TIMEOUT_MAX:g}]", key=f"{where}.entry_timeout")
    return EvdevPinPad(device=device, arm_keys=arm, disarm_keys=disarm, max_length=max_length, entry_timeout=float(timeout))


async def watch(
    sensor: Mapping[str, Any] | None = None,
    pinpad: Mapping[str, Any] | None = None,
    *,
    duration: float | None = None,
    out: Callable[[str], Any] = print,
) -> None:
    """The manual check on real hardware: start the devices, print what they report.

    Runs until cancelled (Ctrl-C) or for ``duration`` seconds. PIN entries are
    printed by their ``repr``, which hides the PIN.
    """
    s = make_sensor(sensor) if sensor is not None else None
    p = make_pinpad(pinpad) if pinpad is not None else None
    tasks: list[asyncio.Task[None]] = []

    async def sensor_events(dev: Any) -> None:
        async for ev in dev.events():
            out(f"sensor {ev.kind}: {ev.detail}")

    async def pin_entries(dev: Any) -> None:
        async for entry in dev.entries():
            out(f"pinpad: {entry!r}")

    try:
        if s is not None:
            await s.start()
            out(f"sensor: {s!r}: {'BREACHED' if s.breached() else 'secure'} at start")
            tasks.append(asyncio.create_task(sensor_events(s)))
        if p is not None:
            await p.start()
            out(f"pinpad: {p!r}: type a PIN, then Enter, an arm key or a disarm key")
            tasks.append(asyncio.create_task(pin_entries(p)))
        await asyncio.sleep(0)
        if duration is None:
            await asyncio.Event().wait()
        else:
            await asyncio.sleep(duration)
    finally:
        for dev in (s, p):
            if dev is not None:
                with contextlib.suppress(Exception):
                    await dev.close()
        for t in tasks:
            t.cancel()
            with contextlib.suppress(BaseException):
                await t


# --------------------------------------------------------------------------- validation helpers


def _driver(cfg: Any, drivers: dict[str, dict[str, Any]], where: str) -> tuple[str, dict[str, Any]]:
    if not isinstance(cfg, Mapping):
        raise ConfigError("must be a table", key=where)
    names = ", ".join(repr(d) for d in drivers)
    if "driver" not in cfg:
        raise ConfigError(f"missing; one of {names}", key=f"{where}.driver")
    driver = cfg["driver"]
    if not isinstance(driver, str) or driver not in drivers:
        raise ConfigError(f"must be one of {names}", key=f"{where}.driver")
    allowed = drivers[driver]
    for k in cfg:
        if k != "driver" and k not in allowed:
            expected = ", ".join(["driver", *allowed])
            raise ConfigError(f"unknown key for driver {driver!r}; expected {expected}", key=f"{where}.{k}")
    opts = {}
    for k, default in allowed.items():
        if k in cfg:
            opts[k] = cfg[k]
        elif default is None:
            raise ConfigError(f"missing (required by driver {driver!r})", key=f"{where}.{k}")
        else:
            opts[k] = default
    return driver, opts


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _bool(opts: Mapping[str, Any], key: str, where: str) -> bool:
    v = opts[key]
    if not isinstance(v, bool):
        raise ConfigError("must be true or false", key=f"{where}.{key}")
    return v


def _keys(v: Any, key: str) -> tuple[str, ...]:
    if isinstance(v, str) or not isinstance(v, (list, tuple)):
        raise ConfigError('must be a list of key names, like ["KEY_KPPLUS"]', key=key)
    out: list[str] = []
    for i, name in enumerate(v):
        if not isinstance(name, str) or not _KEY_NAME.fullmatch(name):
            raise ConfigError("must be a Linux key name like KEY_KPPLUS (see `evtest`)", key=f"{key}[{i}]")
        if name in RESERVED_KEYS:
            raise ConfigError(f"{name} already has a meaning (digit, enter, backspace or escape)", key=f"{key}[{i}]")
        if name not in out:
            out.append(name)
    return tuple(out)
