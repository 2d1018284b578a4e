"""The keypad benchmark still runs: a --quick run (a few dozen clients, about a second per
phase) must exit 0 and write JSON with every section. No speed is asserted here; the
figures belong in docs/performance.md, measured on a quiet machine."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # waits on clocks or starts processes: CI runs it with -m slow

REPO = Path(__file__).resolve().parents[1]


def test_quick_benchmark_writes_every_section(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    plots = tmp_path / "images"
    proc = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "bench_keypad.py"), "--quick", "--json", str(out), "--plots", str(plots)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Heartbeat capacity" in proc.stdout and "Goals" in proc.stdout
    res = json.loads(out.read_text())
    assert set(res) >= {"meta", "heartbeat", "storm", "lockdown", "memory", "summary"}
    assert res["meta"]["server_event_loop"] == "asyncio"  # uvloop only with --uvloop (an optional extra)

    for kind in ("keypad", "hmac", "tls"):
        hb = res["heartbeat"][kind]
        assert [lv["clients"] for lv in hb["levels"]] == list(res["meta"]["plan"]["levels"])
        for lv in hb["levels"] + [hb["saturation"]]:
            assert lv["round_trips_per_s"] > 0
            for key in ("p50_ms", "p99_ms", "server_cpu", "generator_cpu", "lost"):
                assert key in lv
    assert {r["kem"] for r in res["storm"]["runs"]} == {"cryptography", "kyber-py"}
    for r in res["storm"]["runs"]:
        assert r["established"] == r["clients"] and r["all_established_s"] > 0
    assert set(res["storm"]["decaps"]) == {"cryptography", "kyber-py"}

    locks = {r["how"]: r for r in res["lockdown"]}
    assert set(locks) == {"breach", "sigkill", "sigstop"}
    for r in locks.values():
        # every connected client must have locked down, whatever the timing
        assert r["established"] == r["clients"] and r["locked_down"] == r["clients"], r
        assert len(r["times_ms"]) == r["clients"]
    assert set(locks["sigstop"]["reasons"]) == {"deadline"}
    assert locks["sigstop"]["deadline_overshoot_max_ms"] is not None

    assert res["memory"]["rss_kib"] > 0 and "per_session_kib" in res["memory"]
    goals = res["summary"]["goals"]
    assert set(goals) == {
        "round_trips_per_s", "ratio_to_minimal_throughput", "ratio_to_minimal_cpu", "storm_10k_s", "breach_ms", "sigkill_ms",
        "silent_drop_overshoot_ms", "rss_per_session_kib",
    }
    assert all(isinstance(g["met"], bool) for g in goals.values())
    if importlib.util.find_spec("matplotlib") is not None:
        assert {p.name for p in plots.glob("perf_*.png")} == {"perf_capacity.png", "perf_latency.png", "perf_lockdown.png"}
