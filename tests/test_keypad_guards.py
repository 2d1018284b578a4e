"""The keypad daemon's network defences in isolation (issue 11 items 4, 6, 11).

The attacks themselves run over sockets in the attack catalogue
(``net-pipeline-pings*``, ``net-half-open-idle-boot``, ``net-sealed-keypad-boot*``,
``net-log-injection``); these tests pin the pieces: the log escaping, the
half-open eviction order, the listener's pause (a refused connect, the port
kept) and the one-frame-per-turn service.
"""

from __future__ import annotations

import asyncio
import io
import logging
import socket

import pytest
from hypothesis import given
from hypothesis import strategies as st

from keycrypt.daemon.halfopen import HalfOpen
from keycrypt.daemon.listener import Listener
from keycrypt.logfmt import EscapingFormatter, RateLimitedCounts, escape, kv

# --------------------------------------------------------------------------- log lines (item 11)


def test_kv_escapes_newlines_and_controls_so_no_line_can_be_forged() -> None:
    line = kv(event="session_opened", client_id="x\nCRITICAL keycrypt.keypad event=alarm reason=breach", peer="1.2.3.4:5")
    assert "\n" not in line
    assert line == 'event=session_opened client_id="x\\nCRITICAL keycrypt.keypad event=alarm reason=breach" peer=1.2.3.4:5'
    assert kv(a="\x1b[31mred", b="tab\there", c='q"uote', d="back\\slash", e="", f=None, g="\u2028") == (
        'a="\\x1b[31mred" b="tab\\there" c="q\\"uote" d="back\\\\slash" e="" f=- g="\\u2028"'
    )
    assert kv(client_id="web01", n=3) == "client_id=web01 n=3"


@given(st.text())
def test_escape_is_one_printable_line_and_unambiguous(s: str) -> None:
    e = escape(s)
    assert e.isprintable()
    assert escape(s) != escape(s + "\n")
    # a value can never close its quotes early: every " inside is escaped
    assert '"' not in e.replace('\\"', "").replace("\\\\", "")


def test_the_formatter_escapes_messages_that_did_not_use_kv() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(EscapingFormatter("%(levelname)s %(message)s"))
    logger = logging.getLogger("keycrypt.test.escaping")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        logger.warning("peer said %s", "hi\nCRITICAL forged")
    finally:
        logger.removeHandler(handler)
    assert stream.getvalue() == "WARNING peer said hi\\nCRITICAL forged\n"


def test_rate_limited_counts_log_at_most_once_per_interval() -> None:
    now = [0.0]
    stream = io.StringIO()
    logger = logging.getLogger("keycrypt.test.counts")
    handler = logging.StreamHandler(stream)
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        counts = RateLimitedCounts(logger, "unconfirmed_peers_closed", interval=10.0, clock=lambda: now[0])
        for _ in range(1000):
            counts.add("parse_error")
        now[0] = 5.0
        counts.add("auth_error")
        now[0] = 10.5
        counts.add("parse_error")
        counts.flush()
    finally:
        logger.removeHandler(handler)
    assert stream.getvalue().splitlines() == [
        "event=unconfirmed_peers_closed parse_error=1",
        "event=unconfirmed_peers_closed auth_error=1 parse_error=1000",
    ]


# --------------------------------------------------------------------------- half-open slots (item 6)


def test_the_oldest_half_open_connection_is_evicted_never_the_newest() -> None:
    h: HalfOpen[str] = HalfOpen(max_total=3, max_per_source=2, grace=0.5)
    assert h.admit("a1", "A", 0.0) == [] and h.admit("a2", "A", 0.1) == []
    # A holds its share, but its oldest is younger than the grace: a fleet booting at once is not cut
    assert h.admit("a3", "A", 0.2) == []
    # all slots taken: the heaviest source's oldest makes room for B
    assert h.admit("b1", "B", 0.3) == ["a1"]
    # A over its share with an old connection: A's own oldest goes, B is untouched
    assert h.admit("a4", "A", 1.0) == ["a2"]
    assert "b1" in h and len(h) == 3 and h.per_source("A") == 2
    assert h.remove("b1") and not h.remove("b1")
    assert h.per_source("B") == 0


# --------------------------------------------------------------------------- the listener (item 6)


@pytest.mark.parametrize("loop_name", ["asyncio", "uvloop"])
def test_a_paused_listener_refuses_connects_and_keeps_its_port(loop_name: str) -> None:
    async def main() -> None:
        accepted: list[socket.socket] = []
        lst = Listener(lambda s, a: accepted.append(s))
        host, port = lst.open("127.0.0.1", 0)
        assert port != 0
        _, w = await asyncio.open_connection(host, port)
        await asyncio.sleep(0.05)
        assert len(accepted) == 1
        lst.pause()
        assert lst.refuses and not lst.listening
        with pytest.raises(ConnectionRefusedError):
            await asyncio.open_connection(host, port)
        lst.resume()
        _, w2 = await asyncio.open_connection(host, port)
        await asyncio.sleep(0.05)
        assert len(accepted) == 2 and lst.sockets[0].getsockname()[1] == port
        for x in (w, w2):
            x.transport.abort()
        for s in accepted:
            s.close()
        lst.close()

    if loop_name == "asyncio":
        asyncio.run(main())
    else:
        uvloop = pytest.importorskip("uvloop")
        with asyncio.Runner(loop_factory=uvloop.new_event_loop) as r:
            r.run(main())


def test_a_connection_that_has_spoken_is_evicted_after_the_quiet_ones() -> None:
    """Under a flood a genuine client is accepted late, its HELLO already waiting: it must outlive idle ones."""
    h: HalfOpen[str] = HalfOpen(max_total=3, max_per_source=8)
    h.admit("legit", "A", 0.0, heard=True)
    h.admit("idle1", "A", 0.1)
    h.admit("idle2", "A", 0.2)
    assert h.admit("idle3", "A", 0.3) == ["idle1"]
    h.heard("idle2")
    assert h.admit("idle4", "A", 0.4) == ["idle3"]
    assert h.admit("idle5", "A", 0.5) == ["idle4"]
    h.remove("idle5")
    h.admit("x", "A", 0.6, heard=True)
    assert h.admit("y", "A", 0.7) == ["legit"]  # nobody quiet is left: the oldest goes


# --------------------------------------------------------------------------- one frame per turn (item 4)


def test_the_frame_queue_cuts_one_frame_at_a_time_and_checks_headers_at_once() -> None:
    from keycrypt.errors import ParseError
    from keycrypt.wire import fastpath
    from keycrypt.wire.stream import FrameQueue

    ping = fastpath.ping_prefix(0, bytes(32)) + bytes(32)
    q = FrameQueue()
    q.push(ping * 3 + ping[:10])
    assert q.ready() and q.pop() == ping and q.pop() == ping and q.pop() == ping
    assert not q.ready() and q.pop() is None and q.buffered == 10
    q.push(ping[10:])
    assert q.pop() == ping and q.buffered == 0
    # a bad header behind good frames fails the push: none of that read is served
    with pytest.raises(ParseError):
        q.push(ping + b"KC\x01\x09\x00\x00")
    assert q.leftover() == ping + b"KC\x01\x09\x00\x00" and q.buffered == 0
