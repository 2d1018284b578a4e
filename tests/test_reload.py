"""`keycrypt keypad reload` / SIGHUP: [clients], [pin], [maintenance], log_level without dropping a session.

Before, enrolling a client's psk or changing [pin] or [maintenance] needed a keypad restart, and a
restart locks every client down. The daemon's reload runs in-process here (fast selection); the
whole path, processes, config file, CLI and SIGHUP, is the slow test.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from keycrypt.daemon.keypad.daemon import ReloadRefused

from e2e_helpers import (
    REPO,
    TEST_PIN,
    Events,
    client_settings,
    free_port,
    make_keystore,
    run_cli,
    spawn_keypad,
    start_clients,
    start_keypad,
    wait_for,
    wait_until,
)


def _keypad_cfg(tmp_path: Path, port: int, extra: str = "") -> Path:
    cfg = tmp_path / "keypad.toml"
    cfg.write_text(
        f'keystore = "keypad.key"\nstate_dir = "state"\ncontrol_socket = "{tmp_path / "run" / "kp.sock"}"\n'
        f'[listen]\nhost = "127.0.0.1"\nport = {port}\n[sensor]\ndriver = "none"\n{extra}'
    )
    return cfg


def _client(tmp_path: Path, name: str, port: int, pub: Path, psk: Path | None = None) -> subprocess.Popen[bytes]:
    cfg = tmp_path / f"{name}.toml"
    cfg.write_text(
        (f'psk_file = "{psk}"\n' if psk else "")
        + f'client_id = "{name}"\ndry_run = true\nheartbeat_interval = "100ms"\nboot_grace = "10s"\n'
        f'status_file = "{name}.json"\naudit_log = "{name}.log"\n'
        f'[[keypads]]\nhost = "127.0.0.1"\nport = {port}\npubkey = "{pub}"\n'
    )
    env = {k: v for k, v in os.environ.items() if k != "NOTIFY_SOCKET"}
    return subprocess.Popen([sys.executable, "-m", "keycrypt.cli", "client", "run", "--config", str(cfg)],
                            cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_the_daemon_reloads_psks_pin_and_maintenance_without_dropping_a_session(tmp_path: Path) -> None:
    """In-process: open sessions stay, a newly enrolled psk is served, a listener change is refused whole."""

    async def main() -> None:
        _, _, ek = make_keystore(tmp_path)
        events, lockdowns = Events(), []
        keypad = await start_keypad(tmp_path, events=events)
        port = keypad.bound[1]
        clients = start_clients([client_settings(ek, port, f"old{i}") for i in range(2)], events, lockdowns)
        try:
            assert await wait_for(lambda: len(events.of("established")) == 2, 10)
            psk = os.urandom(32)
            new = dataclasses.replace(
                keypad.settings, psks={"late": psk}, require_enrolled=True,
                device=dataclasses.replace(keypad.settings.device, window_default=90.0, backoff_free_attempts=5),
            )
            assert sorted(keypad.reload(new)) == ["device", "psks", "require_enrolled"]
            assert keypad.device.config.window_default == 90.0 and keypad.status()["enrolled"] == ["late"]
            clients += start_clients([client_settings(ek, port, "late", psk=psk)], events, lockdowns)
            assert await wait_for(lambda: any(f["client_id"] == "late" for _, f in events.of("established")), 10)
            # a listener change is refused, naming it, and nothing of the rest is applied
            with pytest.raises(ReloadRefused, match="keypad.listen"):
                keypad.reload(dataclasses.replace(new, port=port + 1, psks={}))
            assert keypad.settings is new and keypad.status()["enrolled"] == ["late"]
            await asyncio.sleep(0.3)  # a few heartbeats after the reloads
            assert lockdowns == [] and all(not t.done() for _, t in clients)
        finally:
            for d, _ in clients:
                d.request_stop()
            await asyncio.gather(*(t for _, t in clients))
            await keypad.stop()

    asyncio.run(asyncio.wait_for(main(), 60))


@pytest.mark.slow
def test_reload_enrolls_a_psk_and_changes_pin_and_maintenance_without_dropping_a_session(tmp_path: Path) -> None:
    _, pub, _ = make_keystore(tmp_path)
    port = free_port()
    cfg = _keypad_cfg(tmp_path, port)
    sock = tmp_path / "run" / "kp.sock"
    keypad = spawn_keypad(cfg)
    clients = []
    try:
        assert wait_until(sock.exists, 30)
        clients = [_client(tmp_path, f"old{i}", port, pub) for i in range(3)]

        def status() -> dict:
            return json.loads(run_cli("keypad", "status", "--socket", str(sock), "--json").stdout)

        assert wait_until(lambda: len([c for c in status()["clients"] if c["state"] == "ESTABLISHED"]) == 3, 20)
        # enrol a new client with a psk, require enrolment for new HELLOs, change [pin] and [maintenance]
        psk = tmp_path / "late.psk"
        psk.write_bytes(os.urandom(32))
        psk.chmod(0o600)
        cfg.write_text(cfg.read_text() + f'[clients.enrolled]\n"late" = "{psk}"\n[maintenance]\nwindow_default = "90s"\n'
                       '[pin]\nbackoff_free_attempts = 5\n')
        res = run_cli("keypad", "reload", "--socket", str(sock))
        assert res.returncode == 0, res.stderr
        assert "device" in res.stdout and "psks" in res.stdout
        late = _client(tmp_path, "late", port, pub, psk)
        clients.append(late)
        assert wait_until(lambda: any(c["client_id"] == "late" and c["psk"] and c["state"] == "ESTABLISHED"
                                 for c in status()["clients"]), 20)
        assert status()["enrolled"] == ["late"]
        # the maintenance change is in force: a disarm without --for opens a 90 s window
        res = run_cli("keypad", "disarm", "--socket", str(sock), "--pin-fd", "0", input=TEST_PIN + "\n")
        assert res.returncode == 0
        assert 80 <= status()["window_left"] <= 90
        run_cli("keypad", "arm", "--socket", str(sock))
        # a change to the listener is refused, naming it, and changes nothing (the psk stays enrolled)
        text = cfg.read_text()
        cfg.write_text(text.replace(f"port = {port}", f"port = {free_port()}").replace('"late" =', '"gone" ='))
        res = run_cli("keypad", "reload", "--socket", str(sock))
        assert res.returncode == 2 and "keypad.listen" in res.stderr and "nothing changed" in res.stderr
        assert status()["enrolled"] == ["late"]
        # SIGHUP does the same as `keypad reload` (systemctl reload: ExecReload=kill -HUP)
        cfg.write_text(text.replace('window_default = "90s"', 'window_default = "2m"'))
        keypad.send_signal(signal.SIGHUP)
        time.sleep(1.0)
        assert keypad.poll() is None
        # not one session was dropped: every client still runs, none locked down
        assert all(c.poll() is None for c in clients)
        assert len([c for c in status()["clients"] if c["state"] in ("ESTABLISHED", "AWAIT_REKEY")]) == 4
        for name in ("old0", "old1", "old2", "late"):
            assert not (tmp_path / f"{name}.log").exists() or "lockdown" not in (tmp_path / f"{name}.log").read_text()
    finally:
        for c in clients:
            c.terminate()
        keypad.terminate()
        keypad.wait(10)
        err = keypad.stderr.read().decode() if keypad.stderr else ""
        for c in clients:
            c.wait(10)
    assert err.count("event=reloaded") == 2 and "event=reload_refused" in err and "changed=device" in err, err[-3000:]
