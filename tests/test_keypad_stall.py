"""A keypad whose event loop stalls must judge a PING by when it reached the socket, not when it was read.

The keypad's idle timeout closes a session that sent nothing for ``idle_timeout``
(the client then locks down). A PING that reached the keypad's socket in time
but was read late, because the loop was busy (a burst of HELLOs), must still be
answered; one that reached it after the deadline must still end the session.

The stalls here are forced with ``time.sleep`` inside the keypad's own loop, at
points taken from the connection's own timer, so the order of events is fixed;
the margins (hundreds of ms) only need the process to be scheduled at all.
Linux only: the arrival time comes from the kernel's TCP_INFO.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import socket
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from keycrypt.crypto.kem import get_backend
from keycrypt.daemon.keypad import KeypadConnection
from keycrypt.machines.actions import Action, Close, Established, Lockdown, Send, StatusSeen
from keycrypt.machines.client import ClientConfig, ClientSession
from keycrypt_kit.rig import HOST, make_keystore, silenced, start_keypad

pytestmark = [
    pytest.mark.skipif(not (sys.platform.startswith("linux") and hasattr(socket, "TCP_INFO")), reason="needs Linux TCP_INFO"),
    pytest.mark.slow,  # waits on the keypad's deadlines
]

IDLE = 1.0


def _sent(actions: list[Action]) -> bytes:
    (frame,) = [a.data for a in actions if isinstance(a, Send)]
    return frame


class Client:
    """A sans-IO client over asyncio streams in the keypad's own loop (so that a stall stalls both)."""

    def __init__(self, ek: bytes, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        rnd = random.Random(7)
        self.s = ClientSession(
            ClientConfig(ek, "stall-1", rekey_log2=10, response_deadline=30.0),
            kem=get_backend("cryptography"),
            random=lambda n: rnd.randbytes(n),
        )
        self.r, self.w = reader, writer
        self.s.start(0.0, None)

    def now(self) -> float:
        return asyncio.get_running_loop().time()

    async def answer(self) -> list[Action]:
        """Read until the machine acts (PONGs and HELLO_ACKs are one frame); [] on EOF."""
        out: list[Action] = []
        while not out:
            try:
                data = await asyncio.wait_for(self.r.read(4096), 5.0)
            except (ConnectionError, OSError):
                return []
            if not data:
                return []
            out = self.s.receive_data(data, self.now())
        return out

    async def handshake(self) -> None:
        self.w.write(_sent(self.s.connected(self.now())))
        assert any(isinstance(a, Established) for a in await self.answer())

    def ping(self) -> None:
        """Write the next PING now (the transport sends it at once: nothing is buffered)."""
        self.w.write(_sent(self.s.tick(self.now())))
        assert not self.w.transport.get_write_buffer_size()


@contextlib.asynccontextmanager
async def _rig() -> AsyncIterator[tuple[Client, KeypadConnection]]:
    """A keypad on loopback with one established client; the keypad is stopped on the way out."""
    with silenced(), tempfile.TemporaryDirectory(prefix="kc-stall-") as d:
        ek = make_keystore(Path(d) / "keypad.key")
        kd = await start_keypad(Path(d), idle_timeout=IDLE)
        try:
            assert kd.bound is not None
            reader, writer = await asyncio.open_connection(HOST, kd.bound[1])
            client = Client(ek, reader, writer)
            await client.handshake()
            (conn,) = kd.connections
            yield client, conn
        finally:
            await kd.stop()


def _closed(conn: KeypadConnection) -> str | None:
    reason = conn.session.close_reason
    return reason.value if reason else None


def _answered(out: list[Action]) -> bool:
    assert not any(isinstance(a, (Lockdown, Close)) for a in out), out
    return any(isinstance(a, StatusSeen) for a in out)


async def _read_late_in_time() -> tuple[bool, bool, str | None]:
    """The PING reaches the socket 0.3 s before the deadline; the loop is stalled until 0.3 s after it."""
    async with _rig() as (client, conn):
        loop = asyncio.get_running_loop()
        deadline = conn._deadline
        assert deadline is not None
        await asyncio.sleep(max(0.0, deadline - 0.3 - loop.time()))
        if loop.time() >= deadline - 0.1:
            pytest.skip("this process was not scheduled for most of a second")
        client.ping()
        time.sleep(max(0.0, deadline + 0.3 - loop.time()))  # noqa: ASYNC251 - on purpose: the keypad's loop is stuck (a HELLO burst)
        first = _answered(await client.answer())
        second = False
        if first:  # and the session goes on
            await asyncio.sleep(0.2)
            client.ping()
            second = _answered(await client.answer())
        return first, second, _closed(conn)


async def _timer_first_in_time() -> tuple[bool, str | None]:
    """The idle timer's handle is due before the (pushed back) deadline and runs after a stall that
    crosses the deadline, while a PING that arrived before the deadline waits unread."""
    async with _rig() as (client, conn):
        loop = asyncio.get_running_loop()
        assert conn._timer is not None
        when = conn._timer.when()  # the handle stays where it was armed; PINGs only push _deadline
        await asyncio.sleep(max(0.0, when - 0.6 - loop.time()))
        client.ping()
        assert _answered(await client.answer())
        deadline = conn._deadline
        assert conn._timer is not None and deadline is not None
        if deadline - conn._timer.when() < 0.4 or loop.time() >= conn._timer.when() - 0.2:
            pytest.skip("this process was not scheduled for most of a second")

        def push_past_handle() -> None:  # the next select() returns after the handle is due
            time.sleep(0.1)

        def ping_and_stall() -> None:  # popped together with the handle, and runs first
            client.ping()
            time.sleep(max(0.0, deadline + 0.3 - loop.time()))

        loop.call_at(when - 0.05, push_past_handle)
        loop.call_at(when - 0.01, ping_and_stall)
        answered = _answered(await client.answer())
        return answered, _closed(conn)


async def _read_after_deadline() -> tuple[bool, str | None]:
    """Control: a PING that reaches the socket after the deadline (the loop stalled across it) is not answered."""
    async with _rig() as (client, conn):
        loop = asyncio.get_running_loop()
        deadline = conn._deadline
        assert deadline is not None
        time.sleep(max(0.0, deadline + 0.2 - loop.time()))  # noqa: ASYNC251 - on purpose: the loop is stuck past the deadline
        client.ping()
        time.sleep(0.1)  # noqa: ASYNC251 - on purpose: the loop stays stuck
        out = await client.answer()
        return any(isinstance(a, StatusSeen) for a in out), _closed(conn)


def test_ping_that_arrived_in_time_is_answered_after_a_stall() -> None:
    first, second, closed = asyncio.run(_read_late_in_time())
    assert first and second and closed is None


def test_late_idle_timer_reads_waiting_bytes_before_it_decides() -> None:
    answered, closed = asyncio.run(_timer_first_in_time())
    assert answered and closed is None


def test_ping_that_arrived_after_the_deadline_still_ends_the_session() -> None:
    answered, closed = asyncio.run(_read_after_deadline())
    assert not answered and closed == "idle_timeout"
