"""[alerts]: argv commands, no shell, bounded in time, never holding up the caller; once per absence."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from keycrypt.alerts import MAX_RUNNING, Alerts, MissingWatch


def test_an_alert_runs_its_argv_with_the_event_in_its_environment(tmp_path: Path) -> None:
    out = tmp_path / "out"

    async def main() -> list[tuple[str, str]]:
        a = Alerts({"breach": ["sh", "-c", f'echo "$KEYCRYPT_ALERT $KEYCRYPT_ALERT_SOURCE $1" > {out}', "x", "; rm -rf /"]}, 5.0)
        a.fire("breach", source="sensor_breach")
        a.fire("duress")  # no command: nothing
        await a.drain(10)
        return a.fired

    assert asyncio.run(main()) == [("breach", "ok")]
    # the argument is one argv item, never a shell word
    assert out.read_text() == "breach sensor_breach ; rm -rf /\n"


def test_an_alert_that_hangs_is_killed_at_its_bound_and_does_not_hold_up_the_loop(tmp_path: Path) -> None:
    async def main() -> tuple[float, list[tuple[str, str]], float]:
        a = Alerts({"lockout": ["sleep", "30"]}, 0.3)
        t0 = time.monotonic()
        a.fire("lockout")
        fired_in = time.monotonic() - t0  # fire() returns at once
        await a.drain(10)
        return fired_in, a.fired, time.monotonic() - t0

    fired_in, fired, total = asyncio.run(main())
    assert fired == [("lockout", "timeout")]
    assert fired_in < 0.1 and total < 5.0


def test_at_most_max_running_alerts_at_once() -> None:
    async def main() -> int:
        a = Alerts({"breach": ["sleep", "0.5"]}, 2.0)
        for _ in range(MAX_RUNNING + 5):
            a.fire("breach")
        running = len(a.running)
        await a.drain(10)
        return running

    assert asyncio.run(main()) == MAX_RUNNING


def test_a_missing_client_alerts_once_per_absence() -> None:
    calls: list[dict[str, object]] = []

    class Rec(Alerts):
        def fire(self, event: str, **fields: object) -> None:
            calls.append({"event": event, **fields})

    w = MissingWatch(Rec({}, 1.0), after=30.0)
    w.update(["web01", "db01"], 0.0)
    w.update(["web01", "db01"], 29.0)
    assert calls == []
    w.update(["web01"], 31.0)  # db01 came back before its 30 s
    assert [c["client_id"] for c in calls] == ["web01"]
    w.update(["web01"], 100.0)
    assert len(calls) == 1  # once per absence
    w.update([], 101.0)
    w.update(["web01"], 102.0)
    w.update(["web01"], 133.0)
    assert [c["client_id"] for c in calls] == ["web01", "web01"]


def test_the_keypad_runs_its_alerts_and_serves_its_metrics(tmp_path: Path) -> None:
    """A real keypad process: [alerts] on breach, lock-out and a missing enrolled client; [metrics] show them."""
    import json
    import os
    import urllib.request

    import pytest

    from e2e_helpers import free_port, make_keystore, run_cli, spawn_keypad, wait_until

    pytest.importorskip("prometheus_client")
    make_keystore(tmp_path)
    psk = tmp_path / "ghost.psk"
    psk.write_bytes(os.urandom(32))
    psk.chmod(0o600)
    ports = [free_port(), free_port()]
    log = tmp_path / "alerts.log"
    hook = ["sh", "-c", f'echo "$KEYCRYPT_ALERT ${{KEYCRYPT_ALERT_CLIENT_ID:-}}" >> {log}']
    sock = tmp_path / "run" / "kp.sock"
    cfg = tmp_path / "keypad.toml"
    cfg.write_text(
        f'keystore = "keypad.key"\nstate_dir = "state"\ncontrol_socket = "{sock}"\n'
        f'[listen]\nhost = "127.0.0.1"\nport = {ports[0]}\n[sensor]\ndriver = "none"\n'
        f'[clients.enrolled]\n"ghost" = "{psk}"\n'
        f'[alerts]\non_breach = {json.dumps(hook)}\non_lockout = {json.dumps(hook)}\n'
        f'on_client_missing = {json.dumps(hook)}\nmissing_after = "1s"\ntimeout = "5s"\n'
        f'[metrics]\nenabled = true\nport = {ports[1]}\n'
    )
    proc = spawn_keypad(cfg)

    def lines() -> list[str]:
        return log.read_text().splitlines() if log.exists() else []

    def scrape() -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{ports[1]}/metrics", timeout=5) as resp:
            return resp.read().decode()

    try:
        assert wait_until(sock.exists, 30), "keypad did not come up"
        assert wait_until(lambda: "client_missing ghost" in lines(), 10), lines()
        text = scrape()
        assert 'keycrypt_keypad_state{state="ARMED"} 1.0' in text
        assert 'keycrypt_keypad_client_missing{client_id="ghost"} 1.0' in text
        assert "keycrypt_keypad_missing_clients 1.0" in text and "keycrypt_keypad_enrolled_clients 1.0" in text
        assert run_cli("keypad", "breach", "--socket", str(sock), "--yes").returncode == 0
        assert wait_until(lambda: "breach " in lines(), 10), lines()
        assert wait_until(lambda: "keycrypt_keypad_breaches_total 1.0" in scrape(), 5)
        for _ in range(4):  # BREACHED: re-arming needs the PIN; 3 free attempts, then the lock-out
            run_cli("keypad", "arm", "--socket", str(sock), "--pin-fd", "0", input="0000\n")
        assert wait_until(lambda: "lockout " in lines(), 10), lines()
        assert wait_until(lambda: "keycrypt_keypad_pin_locked_out 1.0" in scrape(), 5)
        assert lines().count("client_missing ghost") == 1  # once per absence
    finally:
        proc.terminate()
        proc.wait(10)
