"""CI form of the soak: 40 real clients (two processes, 0.5 s heartbeat, an epoch every 8 s) for 10 s; none may lock down."""

from __future__ import annotations

import asyncio

from keycrypt.attacks.soak import soak


def test_short_soak_has_no_lockdown() -> None:
    res = asyncio.run(soak(40, 10.0, 2))
    assert res["established"] == 40, res
    assert res["lockdown_count"] == 0, res["lockdowns"]
    assert res["heartbeats"] > 40 * 10  # at least one a second each (nominal two)
    assert res["rekeys"] >= 40  # every client crossed at least one epoch
