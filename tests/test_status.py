"""Status outputs: one session vocabulary on both sides, ages that keep growing, pipes and --json errors."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from keycrypt import tables
from keycrypt.session_words import PHASE

from e2e_helpers import REPO, run_cli


def test_every_session_state_has_a_phase_and_a_healthy_session_reads_the_same_on_both_sides() -> None:
    for machine in ("client_session", "keypad_session"):
        assert set(PHASE[machine]) == set(tables.load(machine).states), machine
    assert PHASE["client_session"]["IDLE"] == PHASE["keypad_session"]["ESTABLISHED"] == "established"
    assert PHASE["client_session"]["AWAIT_PONG"] == PHASE["keypad_session"]["AWAIT_REKEY"] == "established"


def _snapshot(tmp_path: Path, **over: object) -> Path:
    now = time.time()
    snap = {
        "client_id": "web01", "pid": 1, "updated": now, "policy": "any", "dry_run": False, "lockdown": None,
        "keypads": [
            {"keypad": "kp1:7447", "state": "CONNECTING", "status": None, "epoch": 0, "counter": 0, "pongs": 0,
             "last_pong_ago": None, "last_pong_at": None, "lost": None},
            {"keypad": "kp2:7447", "state": "IDLE", "status": "ARMED", "epoch": 1, "counter": 9, "pongs": 9,
             "last_pong_ago": 0.1, "last_pong_at": now - 30.0, "lost": None},
        ],
    }
    snap.update(over)
    path = tmp_path / "status.json"
    path.write_text(json.dumps(snap))
    return path


def test_client_status_shows_no_none_and_ages_the_last_pong_itself(tmp_path: Path) -> None:
    res = run_cli("client", "status", "--status-file", str(_snapshot(tmp_path)))
    assert res.returncode == 0, res.stderr
    assert "None" not in res.stdout
    kp1 = next(ln for ln in res.stdout.splitlines() if "kp1:7447" in ln)
    kp2 = next(ln for ln in res.stdout.splitlines() if "kp2:7447" in ln)
    assert "connecting" in kp1 and "never" in kp1
    assert "established" in kp2 and "(IDLE)" in kp2
    # the file says 0.1 s, written long ago; the age comes from the wall-clock time of the answer
    assert "30." in kp2 and "0.10s" not in kp2, kp2
    res = run_cli("client", "status", "--status-file", str(_snapshot(tmp_path, dry_run=True)))
    assert "DRY RUN" in res.stdout


def test_status_into_a_closed_pipe_is_silent(tmp_path: Path) -> None:
    path = _snapshot(tmp_path, keypads=[
        {"keypad": f"kp{i}:7447", "state": "IDLE", "status": "ARMED", "epoch": 1, "counter": 1, "pongs": 1,
         "last_pong_ago": 0.1, "last_pong_at": time.time(), "lost": None} for i in range(3000)])
    for _ in range(5):
        proc = subprocess.run(
            f"{sys.executable} -m keycrypt.cli client status --status-file {path} | head -2; echo ${{PIPESTATUS[0]}}",
            shell=True, executable="/bin/bash", capture_output=True, text=True, cwd=REPO, timeout=60,
        )
        assert proc.stderr == "", proc.stderr
        assert proc.stdout.splitlines()[-1] == "0", proc.stdout


def test_json_errors_are_json(tmp_path: Path) -> None:
    res = run_cli("client", "status", "--status-file", str(tmp_path / "missing.json"), "--json")
    assert res.returncode == 1
    answer = json.loads(res.stdout)
    assert answer["ok"] is False and answer["exit"] == 1 and "missing.json" in answer["error"]
    res = run_cli("keypad", "status", "--socket", str(tmp_path / "none.sock"), "--json")
    assert res.returncode == 1 and json.loads(res.stdout)["ok"] is False
