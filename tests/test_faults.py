"""Network faults between a real client daemon and a real keypad daemon (CI form).

Each fault class gets a few trials through :class:`keycrypt_kit.faultproxy.proxy.FaultProxy`
on 127.0.0.1 with a 0.2 s heartbeat (deadline 0.6 s): a delay whose round
trip stays under the deadline must be survived (no false lockdown); every
other fault must end in a lockdown within the deadline + 0.5 s. The long form
is ``python -m keycrypt_kit.faultproxy trials --per-class 100`` (docs/testing.md).
"""

from __future__ import annotations

import asyncio

import pytest

from keycrypt_kit.faultproxy.proxy import CLASSES, FAULTS, Fault, FaultProxy, trials

pytestmark = pytest.mark.slow  # waits on clocks or starts processes: CI runs it with -m slow


def test_every_class_fails_closed_or_survives_as_it_must() -> None:
    summary = asyncio.run(trials(3, interval=0.2, concurrency=16, seed=7))
    bad = {k: c for k, c in summary["classes"].items() if c["ok"] != c["trials"]}
    assert not bad, bad
    assert set(summary["classes"]) == set(CLASSES)
    for kind, c in summary["classes"].items():
        if kind in ("none", "delay"):
            assert c["outcomes"] == {"survived": 3}
        else:
            assert "survived" not in c["outcomes"]
            assert c["latency_max"] is not None and c["latency_max"] <= summary["deadline"] + summary["slack"]


def test_delay_over_the_deadline_locks_down_with_deadline() -> None:
    summary = asyncio.run(trials(2, classes=("delay_over", "drop", "stall"), interval=0.2, seed=3))
    for kind in ("delay_over", "drop", "stall"):
        assert summary["classes"][kind]["outcomes"] == {"deadline": 2}, summary["classes"][kind]


def test_proxy_forwards_bytes_unchanged_without_a_fault() -> None:
    async def go() -> bytes:
        async def echo(r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
            w.write(await r.readexactly(12))
            await w.drain()
            w.close()

        srv = await asyncio.start_server(echo, "127.0.0.1", 0)
        proxy = FaultProxy(("127.0.0.1", srv.sockets[0].getsockname()[1]))
        port = await proxy.start()
        r, w = await asyncio.open_connection("127.0.0.1", port)
        frame = b"KC\x01\x06\x00\x06abcdef"
        w.write(frame)
        got = await asyncio.wait_for(r.readexactly(12), 5)
        w.close()
        await proxy.close()
        srv.close()
        return got

    assert asyncio.run(go()) == b"KC\x01\x06\x00\x06abcdef"


@pytest.mark.parametrize("bad", [dict(kind="teleport"), dict(direction="up"), dict(at=-1), dict(delay=-0.1)])
def test_fault_refuses_nonsense(bad: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        Fault(**bad)  # type: ignore[arg-type]


def test_fault_names() -> None:
    assert set(FAULTS) >= {"delay", "drop", "stall", "reorder", "duplicate", "cut", "half_close"}
