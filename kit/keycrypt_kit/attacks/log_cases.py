"""Log injection and what an unconfirmed peer can put in the keypad's log (issue 11 item 11), over sockets.

The keypad's log is read by people and by alerting; a line that a peer can
forge ("CRITICAL ... event=alarm") or flood is an attack on both. The case
runs a real keypad daemon on 127.0.0.1, formats every record it logs with the
formatter the daemons install (:func:`keycrypt.daemon.setup_logging`), and
checks the text.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import tempfile
from pathlib import Path
from typing import Iterator

from keycrypt_kit.attacks.catalogue import Outcome, case
from keycrypt_kit.rig import HOST, Fleet, make_keystore, start_keypad, wait_for

FORGED = "x\nCRITICAL keycrypt.keypad event=alarm reason=breach"


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextlib.contextmanager
def _daemon_formatter_and_capture() -> Iterator[tuple[logging.Formatter, _Capture]]:
    """The formatter the daemons install, and every keycrypt record at DEBUG; logging restored afterwards."""
    from keycrypt.daemon import setup_logging

    root = logging.getLogger()
    saved_handlers, saved_level = list(root.handlers), root.level
    kc = logging.getLogger("keycrypt")
    saved_kc = kc.level
    try:
        setup_logging("debug")
        formatter = root.handlers[0].formatter or logging.Formatter()
    finally:
        root.handlers[:] = saved_handlers
        root.setLevel(saved_level)
    cap = _Capture()
    kc.addHandler(cap)
    kc.setLevel(logging.DEBUG)
    saved_propagate, kc.propagate = kc.propagate, False  # the test run's own handlers stay quiet
    try:
        yield formatter, cap
    finally:
        kc.removeHandler(cap)
        kc.setLevel(saved_kc)
        kc.propagate = saved_propagate


def _hello_with_id(ek: bytes, client_id: str) -> bytes:
    """A well-formed HELLO whose client_id is any bytes of a legal length (spliced into a genuine one)."""
    from keycrypt.crypto.kem import get_backend
    from keycrypt.machines.actions import Send
    from keycrypt.machines.client import ClientConfig, ClientSession

    raw_id = client_id.encode("utf-8")
    s = ClientSession(ClientConfig(ek=ek, client_id="y" * len(raw_id)), kem=get_backend("cryptography"), random=os.urandom)
    s.start(0.0, None)
    hello = next(a.data for a in s.connected(0.0) if isinstance(a, Send))
    return hello.replace(b"y" * len(raw_id), raw_id, 1)


async def _injection() -> Outcome:
    with tempfile.TemporaryDirectory(prefix="kc-log-") as d, _daemon_formatter_and_capture() as (fmt, cap):
        directory = Path(d)
        ek = make_keystore(directory / "keypad.key")
        kd = await start_keypad(directory)
        fleet = Fleet()
        try:
            assert kd.bound is not None
            port = kd.bound[1]
            # the attacker: a HELLO with a newline in its client_id, then garbage (no key confirmation)
            r, w = await asyncio.open_connection(HOST, port)
            w.write(_hello_with_id(ek, FORGED))
            answered = await asyncio.wait_for(r.read(4096), 3.0)
            w.write(b"KC\x01\x03\x00\x00")  # a PING header with a wrong length: parse_error
            await asyncio.wait_for(r.read(), 3.0)
            w.transport.abort()
            # a genuine client: its session_opened must come, after its first verified PING
            fleet.add(ek, port, "web01", heartbeat_interval=0.1)
            await fleet.wait_established(1)
            await wait_for(lambda: any("session_opened" in rec.getMessage() for rec in cap.records), 3.0)
        finally:
            await fleet.close()
            await kd.stop()
    lines = [fmt.format(rec) for rec in cap.records]
    text = "\n".join(lines)
    multi = [line for line in lines if "\n" in line]
    forged = [line for line in text.split("\n") if line.startswith("CRITICAL keycrypt.keypad")]
    loud_attacker = [line for rec, line in zip(cap.records, lines, strict=True) if rec.levelno > logging.DEBUG and ("event=alarm reason=breach" in line)]
    opened = [line for rec, line in zip(cap.records, lines, strict=True) if "session_opened" in rec.getMessage() and rec.levelno >= logging.INFO]
    counts = [line for line in lines if "unconfirmed_peers_closed" in line and "parse_error=1" in line]
    # Since the client_id charset rule (proto) the keypad refuses this HELLO outright; before it, it
    # answered. Either way the log is what is judged here: the peer's bytes must not forge a line.
    ok = not multi and not forged and not loud_attacker and len(opened) == 1 and "web01" in opened[0] and bool(counts)
    happened = (
        f"HELLO {'answered' if answered else 'refused (closed, 0 bytes)'}; "
        f"{len(lines)} records; {len(multi)} spanning lines, {len(forged)} forged CRITICAL lines; "
        f"{len(loud_attacker)} records above DEBUG carrying the attacker's client_id; "
        f"session_opened at INFO: {len(opened)} ({'web01, after its first PING' if opened and 'web01' in opened[0] else opened[:1]}); "
        f"rate-limited count of the unconfirmed peer's close logged: {bool(counts)}"
    )
    return Outcome(ok, happened, {"records": len(lines), "forged_lines": len(forged), "attacker_values_above_debug": len(loud_attacker), "session_opened_info": len(opened)})


@case(
    "net-log-injection",
    "sends a HELLO whose client_id is \"x\\nCRITICAL keycrypt.keypad event=alarm reason=breach\", then a bad frame, without ever confirming its keys",
    "no forged line in the keypad log (values escaped), nothing the peer chose above DEBUG, a rate-limited count instead; session_opened only for a client whose PING verified",
    net=True,
)
def log_injection() -> Outcome:
    return asyncio.run(_injection())
