"""The keypad's settings, and the one place that builds them from a validated config.

The daemon takes a :class:`KeypadSettings` and never reads a config itself;
:func:`settings_from_config` reads psk files and checks the hardware tables at
start (ConfigError naming the key), not after the PIN has been typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from keycrypt import hw
from keycrypt.config import KeypadFileConfig, read_psk_file
from keycrypt.constants import DEFAULT_PORT, HELLO_TIMEOUT, KEYPAD_IDLE_TIMEOUT
from keycrypt.errors import ConfigError, HardwareError
from keycrypt.machines.device import DeviceConfig


@dataclass
class KeypadSettings:
    """Everything the daemon needs, from a config file (:func:`settings_from_config`) or built directly."""

    keystore: Path
    host: str = "0.0.0.0"
    port: int = DEFAULT_PORT
    state_dir: Path | None = None
    control_socket: Path | None = None
    unseal: str = "terminal"
    max_clients: int = 1024
    max_half_open: int = 64
    max_half_open_per_source: int = 8
    hello_timeout: float = HELLO_TIMEOUT
    idle_timeout: float = KEYPAD_IDLE_TIMEOUT
    device: DeviceConfig = field(default_factory=DeviceConfig)
    duress_verifier: str | None = None
    psks: dict[str, bytes] = field(default_factory=dict)
    require_enrolled: bool = False
    sensor: dict[str, Any] = field(default_factory=dict)
    pinpad: dict[str, Any] = field(default_factory=dict)


def settings_from_config(v: KeypadFileConfig, *, allow_simulated: bool = False) -> KeypadSettings:
    """Build from validated ``[keypad]`` config values; psk files are read here (ConfigError naming the key).

    A keypad without a breach sensor would run ARMED and never see a breach: a
    ``[sensor]`` table is required, ``driver = "none"`` being the explicit (and
    loudly reported) opt-out. The simulated drivers need ``allow_simulated``
    (``keycrypt keypad run --allow-simulated``: tests and demos only).
    """
    if not v.sensor:
        raise ConfigError(
            'no breach sensor configured: add a [sensor] table (driver = "gpio"), '
            'or driver = "none" to run without one (status and log then say so)',
            key="keypad.sensor",
        )
    for name, table in (("sensor", v.sensor), ("pinpad", v.pinpad)):
        if table and table.get("driver") == "simulated" and not allow_simulated:
            raise ConfigError(
                "the simulated driver is for tests and demos only: start with --allow-simulated",
                key=f"keypad.{name}.driver",
            )
    # The hardware tables are checked now (building a device opens nothing), not after the PIN.
    make_sensor(dict(v.sensor))
    if v.pinpad:
        make_pinpad(dict(v.pinpad))
    psks: dict[str, bytes] = {}
    for cid, spec in v.clients.enrolled.items():
        if isinstance(spec, bytes):
            psks[cid] = spec
        else:
            try:
                psks[cid] = read_psk_file(spec)
            except ConfigError as exc:
                raise ConfigError(str(exc), key=f"keypad.clients.enrolled.{cid}") from None
    return KeypadSettings(
        keystore=v.keystore,
        host=v.listen.host,
        port=v.listen.port,
        state_dir=v.state_dir,
        control_socket=v.control_socket,
        unseal=v.unseal,
        max_clients=v.limits.max_clients,
        max_half_open=v.limits.max_half_open,
        max_half_open_per_source=v.limits.max_half_open_per_source,
        hello_timeout=v.limits.hello_timeout,
        idle_timeout=v.limits.idle_timeout,
        device=DeviceConfig(
            window_default=v.maintenance.window_default,
            window_max=v.maintenance.window_max,
            backoff_free_attempts=v.pin.backoff_free_attempts,
            backoff_base=v.pin.backoff_base,
            backoff_max=v.pin.backoff_max,
        ),
        duress_verifier=v.pin.duress_verifier,
        psks=psks,
        require_enrolled=v.clients.require_enrolled,
        sensor=dict(v.sensor),
        pinpad=dict(v.pinpad),
    )


def make_sensor(cfg: dict[str, Any]) -> hw.Sensor | None:
    """The ``[keypad.sensor]`` device (not started), None for ``driver = "none"``; ConfigError naming the key."""
    try:
        return hw.make_sensor(cfg, where="keypad.sensor")
    except HardwareError as exc:
        raise ConfigError(str(exc), key="keypad.sensor") from None


def make_pinpad(cfg: dict[str, Any]) -> hw.PinPad:
    """The ``[keypad.pinpad]`` device (not opened); ConfigError naming the key."""
    try:
        return hw.make_pinpad(cfg, where="keypad.pinpad")
    except HardwareError as exc:
        raise ConfigError(str(exc), key="keypad.pinpad") from None
