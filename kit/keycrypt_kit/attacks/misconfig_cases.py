"""Attack cases on the client's configuration and supervision (issue 11, item 12).

Each case is an operator's mistake, or a local attacker's edit, that the
client accepted silently before: it must now be refused at start with the key
named, or be loud. They run the real code paths: the config validator, the
StrictModes check, ``keycrypt client status``, the lockdown ladder with a
power-off stand-in that fails, and a client daemon under a fake systemd.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import os
import socket
import tempfile
import time
from pathlib import Path

from keycrypt.errors import ConfigError
from keycrypt_kit.attacks.catalogue import Outcome, case
from keycrypt_kit.rig import silenced

_CLIENT = {"client_id": "web01", "keypads": [{"host": "kp", "pubkey": "kp.pub"}]}


@case(
    "config-deadline-6000s",
    "sets heartbeat_interval = 60 and detect_multiplier = 100 (each within its bounds) outside systemd",
    "the client refuses to start: a ConfigError naming client.heartbeat_interval and the 60 s limit",
)
def deadline_6000() -> Outcome:
    from keycrypt import config

    try:
        config.validate("client", {**_CLIENT, "heartbeat_interval": 60, "detect_multiplier": 100})
    except ConfigError as exc:
        return Outcome(exc.key == "client.heartbeat_interval" and "6000 s" in str(exc), f"refused: {exc}")
    return Outcome(False, "accepted a 6,000 s response deadline: a breached host would stay up 100 minutes")


@case(
    "config-writable-by-others",
    "makes the client's config (with a command hook), its psk, its pinned key or the hook itself writable by others (0666)",
    "each is refused at start, naming the key and the file, before any hook could run as root",
)
def writable_by_others() -> Outcome:
    from keycrypt import config
    from keycrypt.strictmodes import check_client_files

    with tempfile.TemporaryDirectory(prefix="kc-strict-") as d:
        base = Path(d)
        base.chmod(0o700)
        files = {name: base / name for name in ("client.toml", "client.psk", "kp.pub", "hook.sh")}
        for name, p in files.items():
            p.write_bytes(os.urandom(32) if name == "client.psk" else b"#!/bin/sh\nexit 0\n")
            p.chmod(0o755 if name == "hook.sh" else 0o600)
        cfg = config.validate(
            "client",
            {
                "client_id": "web01",
                "psk_file": str(files["client.psk"]),
                "keypads": [{"host": "kp", "pubkey": str(files["kp.pub"])}],
                "lockdown": {"steps": [{"action": "command", "argv": [str(files["hook.sh"])]}]},
            },
            base,
        )
        check_client_files(files["client.toml"], cfg)  # the safe set-up passes
        refused: dict[str, str] = {}
        for name, p in files.items():
            old = p.stat().st_mode & 0o7777
            p.chmod(0o666 if name != "hook.sh" else 0o777)
            try:
                check_client_files(files["client.toml"], cfg)
            except ConfigError as exc:
                if str(p) in str(exc):
                    refused[name] = exc.key or "?"
            finally:
                p.chmod(old)
    ok = len(refused) == len(files)
    return Outcome(ok, f"refused {len(refused)}/{len(files)}: " + ", ".join(f"{n} ({k})" for n, k in refused.items()), {"refused": refused})


@case(
    "status-hides-dry-run",
    "leaves dry_run = true on a production host and relies on `keycrypt client status` (and its exit status) to tell",
    "status prints a DRY RUN line and exits 6, not 0",
)
def status_dry_run() -> Outcome:
    from keycrypt import cli

    with tempfile.TemporaryDirectory(prefix="kc-status-") as d:
        path = Path(d) / "status.json"
        snap = {"client_id": "web01", "pid": 1, "updated": time.time(), "dry_run": True, "lockdown": None, "keypads": []}
        path.write_text(json.dumps(snap))
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(["client", "status", "--status-file", str(path)])
    loud = "DRY RUN" in out.getvalue() and "NOT" in err.getvalue()
    return Outcome(code == cli.EXIT_DRY_RUN and loud, f"exit {code}; {'a DRY RUN line shown' if loud else 'nothing said about dry-run'}", {"exit": code})


@case(
    "poweroff-fails-no-sysrq",
    "makes the power-off command fail (a ladder of poweroff only, no sysrq step) during a real, destructive lockdown",
    "the ladder does not end with host_still_up: it retries power-off with backoff and logs CRITICAL",
)
def poweroff_fails() -> Outcome:
    from keycrypt.errors import Reason
    from keycrypt.lockdown import Ladder, LadderRunner, LadderStep

    async def go() -> tuple[bool, int]:
        lk = LadderRunner(retry_min=0.05, retry_max=0.1)
        ladder = Ladder((LadderStep("poweroff", 0.2, ["false"]),))  # a stand-in: never a real power-off
        task = asyncio.ensure_future(lk.execute(ladder, Reason.DEADLINE, None, allow_destructive=True))
        done, _ = await asyncio.wait({task}, timeout=1.0)
        retries = lk.report.poweroff_retries if lk.report is not None else 0
        task.cancel()
        if lk._task is not None:
            lk._task.cancel()
        return bool(done), retries

    with silenced("keycrypt.lockdown"):
        finished, retries = asyncio.run(go())
    return Outcome(
        not finished and retries >= 3,
        f"{'returned (host left up)' if finished else 'still retrying after 1 s'}; {retries} retries",
        {"retries_in_1s": retries},
    )


@case(
    "watchdog-fed-without-keypad",
    "starts the client under systemd (WATCHDOG_USEC) with its keypad unreachable, inside the boot grace",
    "no WATCHDOG=1 is sent before a verified HELLO_ACK: the watchdog means verified heartbeats",
    net=True,
)
def watchdog_unverified() -> Outcome:
    return asyncio.run(_watchdog_unverified())


async def _watchdog_unverified() -> Outcome:
    from keycrypt.daemon.client import ClientDaemon, ClientSettings, KeypadTarget
    from keycrypt.daemon.sdnotify import Notifier
    from keycrypt_kit.rig import HOST

    sent: list[tuple[float, str]] = []

    class Recorder(Notifier):
        def notify(self, *fields: str) -> bool:
            sent.extend((time.monotonic(), f) for f in fields)
            return True

    with socket.socket() as s:  # a port nobody listens on: every connect is refused
        s.bind((HOST, 0))
        port = s.getsockname()[1]
    lockdown_at: list[float] = []
    settings = ClientSettings(
        client_id="booting", keypads=[KeypadTarget(HOST, port, bytes(1184))],
        heartbeat_interval=0.1, boot_grace=1.0, dry_run=True,
    )
    old = os.environ.get("WATCHDOG_USEC")
    os.environ["WATCHDOG_USEC"] = "200000"  # a 0.2 s watchdog: a feeding loop would send ~10 kicks
    try:
        d = ClientDaemon(
            settings,
            notifier=Recorder(),
            observer=lambda event, **_: lockdown_at.append(time.monotonic()) if event == "lockdown" else None,
            run_lockdown=lambda r, det: None,
        )
        with silenced("keycrypt.client"):
            code = await asyncio.wait_for(d.run(signals=False), 10.0)
    finally:
        if old is None:
            os.environ.pop("WATCHDOG_USEC", None)
        else:
            os.environ["WATCHDOG_USEC"] = old
    end = lockdown_at[0] if lockdown_at else float("inf")
    early = [f for t, f in sent if f == "WATCHDOG=1" and t < end]
    return Outcome(
        not early and bool(lockdown_at),
        f"{len(early)} WATCHDOG=1 before any verified heartbeat; boot grace ran out (exit {code})",
        {"watchdog_kicks_unverified": len(early)},
    )


