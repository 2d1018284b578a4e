"""Shared set-up for the end-to-end tests: small keystores, in-process keypads and clients.

Argon2 runs with its smallest accepted costs (t=1, 8 MiB, p=1) so that a
PIN check takes milliseconds; production keystores use RFC 9106's defaults.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from keycrypt.daemon.client import ClientDaemon, ClientSettings, KeypadTarget
from keycrypt.daemon.keypad import KeypadDaemon, KeypadSettings
from keycrypt.keystore import write_pubkey
from keycrypt.machines.device import DeviceConfig
from keycrypt_kit import rig
from keycrypt_kit.rig import wait_for  # noqa: F401 - re-exported: one wait_for for the kit and the tests

TEST_PIN = rig.PIN
DURESS_PIN = "13571357"
FAST_ARGON2 = rig.FAST_ARGON2
REPO = Path(__file__).resolve().parents[1]


def make_keystore(directory: Path, pin: str = TEST_PIN) -> tuple[Path, Path, bytes]:
    """(keystore path, pubkey path, ek) in ``directory``."""
    ks = directory / "keypad.key"
    ek = rig.make_keystore(ks, pin)
    pub = directory / "keypad.pub"
    write_pubkey(pub, ek)
    return ks, pub, ek


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago (nothing listens on it now)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until(predicate: Any, timeout: float) -> bool:
    """Poll ``predicate`` (blocking, every 50 ms) until it holds or ``timeout`` passes; its last value.

    For tests that drive processes from the test's thread; in a coroutine use :func:`wait_for`.
    """
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return bool(predicate())


def duress_verifier(pin: str = DURESS_PIN) -> str:
    from argon2 import PasswordHasher

    return PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(pin)


@dataclass
class Events:
    """Everything the observers saw, on the loop's monotonic clock."""

    items: list[tuple[str, float, dict[str, Any]]] = field(default_factory=list)

    def __call__(self, event: str, *, t: float, **fields: Any) -> None:
        self.items.append((event, t, fields))

    def of(self, event: str) -> list[tuple[float, dict[str, Any]]]:
        return [(t, f) for e, t, f in self.items if e == event]


async def start_keypad(
    directory: Path,
    *,
    pin: str = TEST_PIN,
    events: Events | None = None,
    unseal: bool = True,
    sensor: Any = None,
    pinpad: Any = None,
    **overrides: Any,
) -> KeypadDaemon:
    ks = directory / "keypad.key"
    if not ks.exists():
        make_keystore(directory, pin)
    settings = KeypadSettings(
        keystore=ks,
        host="127.0.0.1",
        port=overrides.pop("port", 0),
        state_dir=directory / "state",
        control_socket=overrides.pop("control_socket", None),
        device=overrides.pop("device", DeviceConfig(window_default=60.0)),
        **overrides,
    )
    daemon = KeypadDaemon(settings, observer=events, sensor=sensor, pinpad=pinpad)
    if unseal:
        await daemon.enter_pin(pin, "arm")
    await daemon.start()
    return daemon


def client_settings(ek: bytes, port: int, client_id: str, **overrides: Any) -> ClientSettings:
    base: dict[str, Any] = dict(
        heartbeat_interval=0.1,
        detect_multiplier=5,  # 0.5 s: robust on a loaded CI machine
        boot_grace=5.0,
        dry_run=True,
    )
    base.update(overrides)
    return ClientSettings(client_id=client_id, keypads=[KeypadTarget("127.0.0.1", port, ek)], **base)


def start_clients(
    settings: list[ClientSettings], events: Events, lockdowns: list[tuple[str, str]]
) -> list[tuple[ClientDaemon, asyncio.Task[int]]]:
    """Start clients in this loop; each one's lockdown hook appends (client_id, reason) to ``lockdowns``."""
    out = []
    for s in settings:

        def hook(reason: str, detail: str, cid: str = s.client_id) -> None:
            lockdowns.append((cid, reason))

        d = ClientDaemon(s, observer=events, run_lockdown=hook)
        out.append((d, asyncio.create_task(d.run(signals=False))))
    return out


def spawn_keypad(cfg: Path, pin: str = TEST_PIN) -> subprocess.Popen[bytes]:
    """``keycrypt keypad run --config CFG`` in its own process, unsealed with ``pin`` on a descriptor
    (as the unit's --pin-fd does); stderr is a pipe, so a test can show why the keypad died."""
    r, w = os.pipe()
    os.write(w, (pin + "\n").encode())
    os.close(w)
    env = {k: v for k, v in os.environ.items() if k != "NOTIFY_SOCKET"}
    try:
        return subprocess.Popen(
            [sys.executable, "-m", "keycrypt.cli", "keypad", "run", "--config", str(cfg), "--pin-fd", str(r)],
            pass_fds=(r,), cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
    finally:
        os.close(r)


def run_cli(*args: str, input: str | None = None, pass_fds: tuple[int, ...] = (), timeout: float = 60, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m keycrypt.cli ARGS`` in a subprocess; text output."""
    e = dict(os.environ)
    e.pop("NOTIFY_SOCKET", None)
    if env:
        e.update(env)
    return subprocess.run(
        [sys.executable, "-m", "keycrypt.cli", *args],
        input=input,
        capture_output=True,
        text=True,
        timeout=timeout,
        pass_fds=pass_fds,
        env=e,
        cwd=REPO,
    )
