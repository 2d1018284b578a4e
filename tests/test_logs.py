"""Daemon logs: journald priorities under systemd, one key=value vocabulary, operator words in the audit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from e2e_helpers import REPO, free_port, make_keystore


def _client_run(tmp_path: Path, journal: bool, extra: str = "") -> list[str]:
    _, pub, _ = make_keystore(tmp_path)
    port = free_port()
    cfg = tmp_path / "client.toml"
    cfg.write_text(
        f'client_id = "log01"\nboot_grace = "0.5s"\ndry_run = true\nstatus_file = "s.json"\naudit_log = "a.log"\n'
        f'[[keypads]]\nhost = "127.0.0.1"\nport = {port}\npubkey = "{pub}"\n{extra}'
    )
    err = tmp_path / "stderr"
    with open(err, "wb") as f:
        st = os.fstat(f.fileno())
        env = {k: v for k, v in os.environ.items() if k not in ("NOTIFY_SOCKET", "JOURNAL_STREAM")}
        if journal:
            env["JOURNAL_STREAM"] = f"{st.st_dev}:{st.st_ino}"
        code = subprocess.run(
            [sys.executable, "-m", "keycrypt.cli", "client", "run", "--config", str(cfg)],
            stdout=subprocess.PIPE, stderr=f, env=env, cwd=REPO, timeout=60,
        ).returncode
    assert code == 5
    return err.read_text().splitlines()


def test_under_journald_lines_carry_a_priority_and_no_timestamp(tmp_path: Path) -> None:
    lines = _client_run(tmp_path, journal=True)
    assert lines and all(ln[:1] == "<" and ln[2] == ">" for ln in lines), lines
    by_event = {next(w for w in ln.split() if w.startswith("event=")): ln[:3] for ln in lines if "event=" in ln}
    assert by_event["event=connect_failed"] == "<4>"
    assert by_event["event=lockdown"] == "<2>"  # CRITICAL: journald files it as crit, not info
    assert not any(ln[3:5] == "20" for ln in lines)  # no timestamp of ours
    # lockdown steps speak the same key=value vocabulary as everything else
    steps = [ln for ln in lines if "event=lockdown_step" in ln]
    assert steps and all("action=" in ln and "status=" in ln for ln in steps), lines


def test_elsewhere_lines_are_timestamped_key_value(tmp_path: Path) -> None:
    lines = _client_run(tmp_path, journal=False)
    assert lines and all(ln[:2] == "20" and " event=" in ln for ln in lines), lines


def test_the_audit_record_says_dry_run_as_configured(tmp_path: Path) -> None:
    """client.toml said dry_run = true; the record said "dry_run": false (it meant [lockdown] dry_run)."""
    _client_run(tmp_path, journal=False)
    first = json.loads((tmp_path / "a.log").read_text().splitlines()[0])
    assert first["event"] == "lockdown"
    assert first["detail"]["dry_run"] is True and first["detail"]["lockdown.dry_run"] is False
    assert "allow_destructive" not in first["detail"]


def test_session_ends_are_info_but_rate_limited(caplog) -> None:
    """A client that went away was logged only at DEBUG; a flood of closes must not flood the log."""
    import logging

    from keycrypt.daemon.keypad import connection as conn

    conn._close_window[:] = [0.0, 0, 0]
    allowed = [conn._close_log_allowed(100.0 + i * 0.001) for i in range(conn.SESSION_LOG_BURST + 30)]
    assert allowed == [True] * conn.SESSION_LOG_BURST + [False] * 30
    with caplog.at_level(logging.INFO, logger="keycrypt.keypad"):
        assert conn._close_log_allowed(101.5)
    assert any("event=session_closed_suppressed count=30" in r.getMessage() for r in caplog.records)
