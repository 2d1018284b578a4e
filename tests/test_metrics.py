"""The optional Prometheus endpoints: off by default, on 127.0.0.1, what an operator alerts on."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from test_preflight import _client_toml, keypad  # noqa: F401  (fixture)

from e2e_helpers import REPO, free_port, run_cli, wait_until

pytest.importorskip("prometheus_client")


def _scrape(port: int) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as r:
        return r.read().decode()


def test_metrics_are_off_by_default() -> None:
    from keycrypt.config import SCHEMAS

    for role in ("client", "keypad"):
        opts = {o.key: o.default for o in SCHEMAS[role].section("metrics").opts}
        assert opts["enabled"] is False and opts["host"] == "127.0.0.1"


def test_client_metrics_show_the_session_the_answer_age_and_round_trips(tmp_path: Path, keypad) -> None:  # noqa: F811
    port, _ = keypad
    mport = free_port()
    cfg = _client_toml(tmp_path, port, tmp_path / "keypad.pub")
    cfg.write_text(cfg.read_text().replace("dry_run = false", "dry_run = true")
                   + f'[metrics]\nenabled = true\nport = {mport}\n')
    env = {k: v for k, v in os.environ.items() if k != "NOTIFY_SOCKET"}
    proc = subprocess.Popen([sys.executable, "-m", "keycrypt.cli", "client", "run", "--config", str(cfg)],
                            cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        name = f'keycrypt_client_keypad_state{{keypad="127.0.0.1:{port}",phase="established"}}'

        def established() -> bool:
            try:
                return f"{name} 1.0" in _scrape(mport)
            except OSError:
                return False

        assert wait_until(established, 20)
        assert wait_until(lambda: "keycrypt_client_rtt_seconds_count" in _scrape(mport)
                     and float(next(ln for ln in _scrape(mport).splitlines()
                                    if ln.startswith("keycrypt_client_rtt_seconds_count")).rsplit(" ", 1)[1]) >= 3, 10)
        text = _scrape(mport)
        age = next(ln for ln in text.splitlines() if ln.startswith("keycrypt_client_last_answer_age_seconds{"))
        assert 0.0 <= float(age.rsplit(" ", 1)[1]) < 5.0
        assert "keycrypt_client_dry_run 1.0" in text and "keycrypt_client_lockdown 0.0" in text
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(10) == 0


def test_a_metrics_port_in_use_is_a_config_error_before_anything_is_armed(tmp_path: Path) -> None:
    import socket

    from e2e_helpers import make_keystore

    _, pub, _ = make_keystore(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        cfg = _client_toml(tmp_path, free_port(), pub)
        cfg.write_text(cfg.read_text() + f'[metrics]\nenabled = true\nport = {taken.getsockname()[1]}\n')
        res = run_cli("client", "run", "--config", str(cfg))
    assert res.returncode == 2 and "metrics.port" in res.stderr, res.stderr
    assert not (tmp_path / "audit.log").exists() and not (tmp_path / "hook-fired").exists()
