"""``keycrypt client check`` and ``keycrypt keypad check``: what ``sshd -t`` is for sshd.

Each check reads the configuration exactly as the daemon would, then looks at
what the daemon would only find out live: file owners and modes, the key
files (the keypad's fingerprint comes from the keystore header, no PIN), the
sensor, the hosts (resolved), the ladder with the LUKS mappings
``volumes = "auto"`` finds now, and for a client one real handshake with
every keypad. Nothing is armed, no ladder step runs, nothing is written.

Findings are ``ok``, ``warn`` (works, but an operator should know) or
``fail`` (the daemon would refuse to start or would lock down).
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import os
import socket
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from keycrypt.config import ClientFileConfig
from keycrypt.errors import ConfigError, KeyCryptError

Level = Literal["ok", "warn", "fail"]
HANDSHAKE_TIMEOUT = 5.0
"""Seconds a check waits for every keypad's handshake by default (the check's own boot grace; `--wait`)."""


@dataclass
class Report:
    """The findings in order; ``failed`` decides the exit status."""

    findings: list[tuple[Level, str, str]] = field(default_factory=list)

    def add(self, level: Level, what: str, text: str) -> None:
        self.findings.append((level, what, text))

    @property
    def failed(self) -> bool:
        return any(level == "fail" for level, _, _ in self.findings)

    def lines(self) -> list[str]:
        width = max((len(w) for _, w, _ in self.findings), default=0)
        return [f"{level.upper():<4}  {what:<{width}}  {text}" for level, what, text in self.findings]


# --------------------------------------------------------------------------- files


def check_file(report: Report, what: str, path: Path, *, secret: bool, owner: int | None = None) -> bool:
    """Exists, a regular file, not writable by others; a secret also not readable by group or others.

    False when the file cannot be read at all (the caller then skips reading it).
    """
    try:
        st = path.stat()
    except OSError as exc:
        report.add("fail", what, f"{path}: {exc.strerror or exc}")
        return False
    if not stat.S_ISREG(st.st_mode):
        report.add("fail", what, f"{path}: not a regular file")
        return False
    mode = stat.S_IMODE(st.st_mode)
    problems = []
    if mode & 0o022:
        problems.append(f"writable by {'group and others' if mode & 0o022 == 0o022 else 'group' if mode & 0o020 else 'others'}")
    if secret and mode & 0o077:
        problems.append("readable by group or others (it is a secret: chmod 0600)")
    if owner is not None and st.st_uid != owner:
        problems.append(f"owned by uid {st.st_uid}, not {owner}")
    if problems:
        report.add("fail", what, f"{path} mode {mode:04o}: " + "; ".join(problems))
    else:
        report.add("ok", what, f"{path} mode {mode:04o}, uid {st.st_uid}")
    return True


def check_dir(report: Report, what: str, path: Path) -> None:
    """The directory a daemon writes into: it exists, or systemd's *Directory= creates it."""
    if path.is_dir():
        report.add("ok", what, f"{path}/ exists")
    else:
        report.add("warn", what, f"{path}/ does not exist (the shipped unit creates it; outside systemd create it)")


def resolve(report: Report, what: str, host: str, port: int) -> bool:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        report.add("fail", what, f"{host} does not resolve: {exc.strerror or exc}")
        return False
    addrs = sorted({str(i[4][0]) for i in infos})
    report.add("ok", what, f"{host} resolves to {', '.join(addrs)}")
    return True


def probe_listen(host: str, port: int) -> None:
    """Bind the keypad's address once, as the daemon will (ConfigError naming keypad.listen when taken).

    Run before the PIN is asked, so that a port in use (another keypad still
    running) is said at once, not after the operator typed the PIN.
    """
    if port == 0:
        return
    try:
        infos = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}", key="keypad.listen") from None
    for family, kind, proto, _, addr in infos:
        with socket.socket(family, kind, proto) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as asyncio's create_server does
            try:
                s.bind(addr)
            except OSError as exc:
                hint = " (is a keypad already running?)" if exc.errno == 98 else ""
                raise ConfigError(
                    f"cannot listen on {host}:{port}: {exc.strerror or exc}{hint}", key="keypad.listen"
                ) from None


def _fingerprint(ek: bytes) -> str:
    from keycrypt.keystore import fingerprint, format_fingerprint

    return format_fingerprint(fingerprint(ek))


# --------------------------------------------------------------------------- client


def check_client(config: str | os.PathLike[str], *, handshake: bool = True, wait: float = HANDSHAKE_TIMEOUT) -> Report:
    """Every finding about a client configuration; a config error is raised (exit 2).

    ``wait``: seconds the handshake waits for every keypad (the check's boot grace).
    """
    from keycrypt import lockdown
    from keycrypt.config import load_client_config, read_psk_file
    from keycrypt.daemon.client import WATCHDOG_MARGIN
    from keycrypt.keystore import read_pubkey

    report = Report()
    cfg = load_client_config(config)  # ConfigError: exit 2 with the key named
    report.add("ok", "config", f"{config}: valid (client_id {cfg.client_id!r}, policy {cfg.policy})")
    check_file(report, "config file", Path(config), secret=False)
    if cfg.dry_run:
        report.add("warn", "dry_run", "DRY RUN: a lockdown is only recorded; nothing destructive runs (set dry_run = false when tested)")
    else:
        report.add("ok", "dry_run", "false: a lockdown runs the ladder for real")
    if cfg.psk_file is not None:
        if check_file(report, "psk_file", Path(cfg.psk_file), secret=True):
            try:
                read_psk_file(cfg.psk_file)
            except ConfigError as exc:
                report.add("fail", "psk_file", str(exc))
    for i, k in enumerate(cfg.keypads):
        where = f"keypads[{i}]"
        if check_file(report, f"{where}.pubkey", Path(k.pubkey), secret=False):
            try:
                ek = read_pubkey(k.pubkey)
            except KeyCryptError as exc:
                report.add("fail", f"{where}.pubkey", str(exc))
            else:
                report.add("ok", f"{where}.pubkey", f"pinned fingerprint {_fingerprint(ek)}")
        resolve(report, f"{where}.host", k.host, k.port)
    deadline = cfg.heartbeat_interval * cfg.detect_multiplier
    if deadline + WATCHDOG_MARGIN > 2.0:
        report.add("warn", "heartbeat_interval", f"deadline {deadline:g} s: the shipped unit's WatchdogSec=2 is too short; the daemon refuses to start under it")
    try:
        ladder = lockdown.ladder_from_config(cfg.lockdown, where="client.lockdown")
    except ConfigError as exc:
        report.add("fail", "lockdown", str(exc))
    else:
        report.add("ok", "lockdown", " -> ".join(s.action for s in ladder.steps) + (" (lockdown.dry_run: nothing executes)" if ladder.dry_run else ""))
        for s in ladder.steps:
            if s.action == "luks-suspend":
                found = lockdown.step_volumes(s)
                label = "volumes = \"auto\"" if s.volumes == lockdown.AUTO else "volumes"
                if found:
                    report.add("ok", "lockdown.volumes", f"{label}: {', '.join(found)}")
                else:
                    report.add("warn", "lockdown.volumes", f"{label}: no active LUKS mapping found now; nothing would be suspended")
    for key in ("audit_log", "status_file"):
        value = getattr(cfg, key)
        if value is not None:
            check_dir(report, key, Path(value).parent)
    if handshake and not report.failed:
        _handshakes(report, cfg, wait)
    elif handshake:
        report.add("fail", "handshake", "not tried: fix the failures above first")
    return report


def _handshakes(report: Report, cfg: ClientFileConfig, wait: float) -> None:
    """One real handshake with every keypad, through the daemon's own code, with nothing armed.

    The ladder is replaced by a no-op and the status and audit files by
    nothing; the check's boot grace is ``wait``. The keypad sees a
    client that connects, completes its HELLO and leaves.
    """
    from keycrypt.daemon.client import ClientDaemon
    from keycrypt.daemon.client_settings import settings_from_config

    try:
        settings = settings_from_config(cfg)
    except KeyCryptError as exc:
        report.add("fail", "handshake", f"not tried: {exc}")
        return
    settings = dataclasses.replace(settings, boot_grace=wait, audit_log=None, status_file=None, lockdown={})

    async def run() -> ClientDaemon:
        daemon: ClientDaemon

        def observer(event: str, **_: Any) -> None:
            if event == "established" and all(ln.established_at is not None for ln in daemon.links):
                daemon.request_stop()

        async def no_ladder(reason: str, detail: str) -> None:
            return None

        daemon = ClientDaemon(settings, observer=observer, run_lockdown=no_ladder, process_wide_lockdown=False)
        await daemon.run(signals=False)
        return daemon

    quiet = logging.getLogger("keycrypt")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL + 1)  # the daemon's own log lines would read as a real lockdown
    try:
        daemon = asyncio.run(run())
    finally:
        quiet.setLevel(level)
    for link in daemon.links:
        what = f"handshake {link.target.name}"
        if link.established_at is not None:
            status = "-" if link.status is None else link.describe(0.0)["status"]
            report.add("ok", what, f"completed, keypad status {status}")
        else:
            why = link.lost[1] if link.lost else "no answer"
            if link.last_error:
                why = f"{why}; last connect error: {link.last_error}"
            report.add("fail", what, why)


# --------------------------------------------------------------------------- keypad


def check_keypad(config: str | os.PathLike[str]) -> Report:
    """Every finding about a keypad configuration, without the PIN."""
    from keycrypt import hw
    from keycrypt.config import load_keypad_config, read_psk_file
    from keycrypt.keystore import format_fingerprint, read_keystore_header

    report = Report()
    cfg = load_keypad_config(config)
    report.add("ok", "config", f"{config}: valid (unseal = {cfg.unseal!r})")
    if cfg.unseal == "terminal":
        report.add("warn", "unseal", "unseal = 'terminal': a service has no terminal, so the shipped unit's keypad "
                   "exits 2 at start; use unseal = \"pinpad\" under systemd (keypad.unseal)")
    check_file(report, "config file", Path(config), secret=False)
    header = None
    if check_file(report, "keystore", Path(cfg.keystore), secret=True):
        try:
            header = read_keystore_header(cfg.keystore)
        except KeyCryptError as exc:
            report.add("fail", "keystore", str(exc))
    if header is not None:
        report.add("ok", "keystore", f"fingerprint {format_fingerprint(header.fingerprint)} (from the header; the PIN proves it at start)")
    if cfg.state_dir is not None:
        check_dir(report, "state_dir", Path(cfg.state_dir))
    try:
        probe_listen(cfg.listen.host, cfg.listen.port)
        report.add("ok", "listen", f"{cfg.listen.host}:{cfg.listen.port} is free")
    except ConfigError as exc:
        report.add("warn", "listen", str(exc))
    driver = cfg.sensor.get("driver") if cfg.sensor else None
    if not cfg.sensor:
        report.add("fail", "sensor", 'no [sensor] table: keypad run refuses to start (driver = "none" runs without one)')
    elif driver == "none":
        report.add("warn", "sensor", 'NO SENSOR (driver = "none"): only `keycrypt keypad breach` can report a breach')
    else:
        try:
            hw.make_sensor(dict(cfg.sensor), where="keypad.sensor")
        except KeyCryptError as exc:
            report.add("fail", "sensor", str(exc))
        else:
            chip = cfg.sensor.get("chip", hw.SENSOR_DEFAULTS.get("gpio", {}).get("chip"))
            if driver == "gpio" and not Path(str(chip)).exists():
                report.add("fail", "sensor", f"{chip} does not exist")
            elif driver == "simulated":
                report.add("warn", "sensor", "SIMULATED sensor: no real breach is seen (keypad run needs --allow-simulated)")
            else:
                report.add("ok", "sensor", f"driver {driver!r}, {chip}")
    if cfg.pinpad:
        device = cfg.pinpad.get("device")
        if cfg.pinpad.get("driver") == "evdev" and device and not Path(device).exists():
            report.add("fail", "pinpad", f"{device} does not exist")
        else:
            report.add("ok", "pinpad", f"driver {cfg.pinpad.get('driver')!r}")
    report.add("ok" if cfg.pin.duress_verifier else "warn", "pin.duress_verifier", "set" if cfg.pin.duress_verifier else "not set (no duress PIN)")
    enrolled = cfg.clients.enrolled
    for cid, spec in enrolled.items():
        what = f"clients.enrolled.{cid}"
        if isinstance(spec, bytes):
            report.add("warn", what, "inline hex psk (a secret inside the config file)")
            continue
        if check_file(report, what, Path(spec), secret=True):
            try:
                read_psk_file(spec)
            except ConfigError as exc:
                report.add("fail", what, str(exc))
    report.add("ok", "clients", f"{len(enrolled)} enrolled, require_enrolled = {str(cfg.clients.require_enrolled).lower()}")
    return report
