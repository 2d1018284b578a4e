"""The keypad daemon on another event loop than asyncio's (uvloop: an optional extra, used by
``benchmarks/bench_keypad.py --uvloop`` only) and DropAll when a transport's socket refuses
shutdown(), as uvloop's do: every session must still be dropped at a breach."""

from __future__ import annotations

import asyncio
import importlib.util
import socket
import threading
from pathlib import Path
from typing import Any

import pytest

from keycrypt.daemon.keypad import KeypadDaemon
from keycrypt_kit.rig import Fleet, keypad_rig, make_keystore, silenced, start_keypad, wait_for

pytestmark = pytest.mark.slow  # waits on clocks or starts processes: CI runs it with -m slow


class NoShutdown:
    """A transport socket like uvloop's PseudoSocket: everything but shutdown()."""

    def __init__(self, sock: Any) -> None:
        self._sock = sock
        self.refused = 0

    def shutdown(self, how: int) -> None:
        self.refused += 1
        raise TypeError("transport sockets do not support shutdown() method")

    def fileno(self) -> int:
        return self._sock.fileno()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sock, name)


async def _breach(n: int, patch: bool) -> dict[str, Any]:
    async with keypad_rig() as (kd, ek, fleet, _):
        assert kd.bound is not None
        for i in range(n):
            fleet.add(ek, kd.bound[1], f"c{i}", heartbeat_interval=0.1)
        assert await fleet.wait_established(n)
        await asyncio.sleep(0.5)  # a few heartbeats each
        fakes = []
        if patch:
            for c in kd.connections:
                extra = c.transport._extra  # type: ignore[union-attr]
                fakes.append(NoShutdown(extra["socket"]))
                extra["socket"] = fakes[-1]
        before = list(fleet.lockdowns)
        kd.breach("test")
        left = len(kd.connections)
        await wait_for(lambda: len(fleet.lockdowns) >= n, 5.0)
        return {
            "before": before,
            "left_after_breach": left,
            "reasons": sorted({r for _, r, _ in fleet.lockdowns}),
            "locked": len(fleet.lockdowns),
            "refused": sum(f.refused for f in fakes),
            "heartbeats": min(fleet.heartbeats.values()),
        }


def test_breach_drops_every_session_when_shutdown_is_refused() -> None:
    res = asyncio.run(_breach(3, patch=True))
    assert res["refused"] == 3  # the fast path was tried and refused on every socket
    assert res["before"] == [] and res["left_after_breach"] == 0  # dropped in the breach's own call
    assert res["locked"] == 3 and res["reasons"] == ["eof"]


async def _fleet_against(kd: KeypadDaemon, ek: bytes, loop: asyncio.AbstractEventLoop, n: int) -> dict[str, Any]:
    """Clients in this (asyncio) loop against a keypad running in ``loop`` on another thread."""
    assert kd.bound is not None
    fleet = Fleet()
    try:
        for i in range(n):
            fleet.add(ek, kd.bound[1], f"u{i}", heartbeat_interval=0.1)
        assert await fleet.wait_established(n)
        await asyncio.sleep(0.5)
        before = list(fleet.lockdowns)

        async def breach() -> int:
            kd.breach("test")
            return len(kd.connections)

        left = await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(breach(), loop))
        await wait_for(lambda: len(fleet.lockdowns) >= n, 5.0)
        return {
            "before": before, "left_after_breach": left, "locked": len(fleet.lockdowns),
            "reasons": sorted({r for _, r, _ in fleet.lockdowns}), "heartbeats": min(fleet.heartbeats.values()),
        }
    finally:
        await fleet.close()


@pytest.mark.skipif(importlib.util.find_spec("uvloop") is None, reason="uvloop (optional extra) not installed")
def test_keypad_runs_and_breaches_on_uvloop(tmp_path: Path) -> None:
    """The keypad alone on uvloop (the client daemon is not meant for it); clients on asyncio."""
    import uvloop

    loop = uvloop.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        with silenced():
            ek = make_keystore(tmp_path / "keypad.key")
            kd = asyncio.run_coroutine_threadsafe(start_keypad(tmp_path), loop).result(30)
            try:
                assert type(loop).__module__.startswith("uvloop")
                res = asyncio.run(_fleet_against(kd, ek, loop, 3))
            finally:
                asyncio.run_coroutine_threadsafe(kd.stop(), loop).result(10)
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)
        loop.close()
    assert res["before"] == [] and res["heartbeats"] >= 2  # sessions on uvloop's transports work
    assert res["left_after_breach"] == 0 and res["locked"] == 3 and res["reasons"] == ["eof"]


def test_shutdown_fallback_uses_the_descriptor() -> None:
    from keycrypt.daemon.keypad.daemon import _shutdown_now

    a, b = socket.socketpair()
    try:
        _shutdown_now(NoShutdown(a))
        assert b.recv(1) == b""  # the peer saw the end of the stream
        assert a.fileno() >= 0  # and the descriptor is still the owner's to close
    finally:
        a.close()
        b.close()
