"""CI form of the soak: 40 real clients (two processes, 0.5 s heartbeat, an epoch every 8 s) for 10 s;
none may lock down, and a breach at the end must reach every one of them.

Memory over time is only checked to be *recorded* (samples, first/last window, slope): how flat it
is belongs in the long run's figures, not in an assertion a busy CI runner could trip."""

from __future__ import annotations

import asyncio

import pytest

from keycrypt_kit.attacks.soak import flatness, soak, summary

pytestmark = pytest.mark.slow  # waits on clocks or starts processes: CI runs it with -m slow


def test_short_soak_has_no_lockdown_misses_no_breach_and_samples_memory() -> None:
    res = asyncio.run(soak(40, 10.0, 2, rss_every=1.0))
    assert res["established"] == 40, res
    assert res["lockdown_count"] == 0 and res["false_lockdowns"] == 0, res["lockdowns"]
    assert res["heartbeats"] > 40 * 10  # at least one a second each (nominal two)
    assert res["rekeys"] >= 40  # every client crossed at least one epoch

    b = res["breach"]
    assert b["sessions_at_breach"] == 40 and b["locked_down"] == 40 and b["missed"] == 0, b
    assert b["last_ms"] is not None and b["last_ms"] >= 0

    r = res["rss"]
    assert r["every_s"] == 1.0
    assert len(r["samples"]) >= 8  # one a second over >= 10 s, plus one at the end
    times = [t for t, _, _ in r["samples"]]
    assert times == sorted(times)
    assert all(kib > 0 for _, kib, _ in r["samples"])
    assert r["samples"][-1][2] == 40  # the last sample has every session up
    assert r["steady_samples"] >= 2
    for key in ("first_window_kib", "last_window_kib", "growth_kib", "slope_kib_per_min", "min_kib", "max_kib"):
        assert key in r
    assert res["ok"]
    text = summary(res)
    assert "false lockdowns" in text and "missed 0" in text and "KiB/min" in text


def test_flatness_figures() -> None:
    # 2 sessions up from t=2; growth 10 KiB/min exactly on the steady part
    samples = [(0.0, 100, 0), (1.0, 500, 1)] + [(float(t), 1000 + (t - 2) * 10 // 60, 2) for t in range(2, 603)]
    f = flatness(samples, 2)
    assert f["steady_from_s"] == 2.0 and f["window_s"] == 60.0
    assert f["steady_samples"] == 601
    assert abs(f["slope_kib_per_min"] - 10.0) < 0.2
    assert f["growth_kib"] > 80  # last minute vs first minute, 9 minutes apart
    assert flatness([(0.0, 1, 0)], 2) == {"steady_samples": 0}
