#!/usr/bin/env python3
"""Hot-path figures of the KCP/1 core: µs per operation and operations per second.

    python benchmarks/bench_core.py [--json out.json] [--seconds 0.5] [--profile]

Not a test: it prints figures, it asserts nothing about speed. Each case is timed with
time.perf_counter around the measured call only (set-up excluded), repeated until it has run
for ``--seconds`` (at least 20 times); the median of 5 batches is reported.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import platform
import pstats
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from keycrypt.constants import CHALLENGE_SIZE, Status  # noqa: E402
from keycrypt.crypto.kem import BACKENDS, get_backend  # noqa: E402
from keycrypt.crypto.schedule import mac  # noqa: E402
from keycrypt.machines.client import ClientConfig, ClientSession  # noqa: E402
from keycrypt.machines.keypad import KeypadSession  # noqa: E402
from keycrypt.wire import fastpath, frames  # noqa: E402

SEED = bytes(range(64))
ARMED = int(Status.ARMED)
CHALLENGE = b"\x5a" * CHALLENGE_SIZE


def constant_random(n: int) -> bytes:
    """Benchmarks only: a fixed 'random' so that every answer can be precomputed outside the timing."""
    return b"\x5a" * n


# A case prepares a batch of n calls and returns a function that runs them and returns seconds spent
# inside the measured calls only.
Case = Callable[[int], float]


def timed(fns: list[Callable[[], object]]) -> float:
    total = 0.0
    for fn in fns:
        t = time.perf_counter()
        fn()
        total += time.perf_counter() - t
    return total


def measure(case: Case, seconds: float) -> tuple[float, int]:
    """(median seconds per op over 5 batches, ops per batch)."""
    n = 20
    while True:  # calibrate the batch size
        spent = case(n)
        if spent * 5 >= seconds or n >= 1_000_000:
            break
        n = min(1_000_000, max(n * 2, int(n * seconds / 5 / max(spent, 1e-9))))
    per_op = [case(n) / n for _ in range(5)]
    return statistics.median(per_op), n


# --- sessions in the state each case needs ------------------------------------------------------


def established(backend: str = "cryptography") -> tuple[ClientSession, KeypadSession]:
    kem = get_backend(backend)
    key = kem.from_seed(SEED)
    client = ClientSession(ClientConfig(key.ek, "bench", rekey_log2=24), kem=kem, random=constant_random)
    keypad = KeypadSession(key, random=constant_random, idle_timeout=1e12)
    (hello,) = [a.data for a in client.connected(0.0) if hasattr(a, "data")]
    (ack,) = [a.data for a in keypad.receive_data(hello, 0.0, ARMED) if hasattr(a, "data")]
    client.receive_data(ack, 0.0)
    assert client.state == "IDLE" and keypad.state == "ESTABLISHED"
    return client, keypad


def case_ping_encode_mac(n: int) -> float:
    client, _ = established()
    assert client.keys is not None
    c2k = client.keys.c2k
    t = time.perf_counter()
    for i in range(n):
        prefix = fastpath.ping_prefix(i, CHALLENGE)
        prefix + mac(c2k, prefix)
    return time.perf_counter() - t


def case_client_tick(n: int) -> float:
    """ClientSession.tick: the table row, PING encode + MAC, the deadline (answers fed untimed)."""
    client, _ = established()
    assert client.keys is not None
    k2c = client.keys.k2c
    pongs = [fastpath.pong_prefix(i, ARMED) for i in range(n)]
    pongs = [p + mac(k2c, p, CHALLENGE) for p in pongs]
    total = 0.0
    for i in range(n):
        t = time.perf_counter()
        client.tick(float(i))
        total += time.perf_counter() - t
        client.receive_data(pongs[i], float(i))
    assert client.state == "IDLE"
    return total


def case_client_pong(n: int) -> float:
    """ClientSession.receive_data of a PONG: read, decode, verify, counter, status (ticks untimed)."""
    client, _ = established()
    assert client.keys is not None
    k2c = client.keys.k2c
    pongs = [fastpath.pong_prefix(i, ARMED) for i in range(n)]
    pongs = [p + mac(k2c, p, CHALLENGE) for p in pongs]
    total = 0.0
    for i in range(n):
        client.tick(float(i))
        t = time.perf_counter()
        client.receive_data(pongs[i], float(i))
        total += time.perf_counter() - t
    assert client.state == "IDLE"
    return total


def case_keypad_ping(n: int) -> float:
    """KeypadSession.receive_data of a PING: read, fastpath decode, verify, PONG encode + MAC."""
    client, keypad = established()
    assert client.keys is not None
    c2k = client.keys.c2k
    pings = [fastpath.ping_prefix(i, CHALLENGE) for i in range(n)]
    pings = [p + mac(c2k, p) for p in pings]
    t = time.perf_counter()
    for i in range(n):
        keypad.receive_data(pings[i], 0.0, ARMED)
    spent = time.perf_counter() - t
    assert keypad.state == "ESTABLISHED" and keypad.expected == n
    return spent


def decode_case(decoder: Callable[[bytes], object], data: bytes) -> Case:
    def run(n: int) -> float:
        t = time.perf_counter()
        for _ in range(n):
            decoder(data)
        return time.perf_counter() - t

    return run


def construct_decode(data: bytes) -> object:
    """The construct path alone (frames.decode now short-cuts whole PING/PONG frames around it)."""
    ft, _ = frames.check_header(data)
    return frames.BODIES[ft].parse(data[6:])


def hello_case(backend: str) -> Case:
    """KeypadSession.receive_data of a HELLO: decode, policy, decapsulate, key schedule, HELLO_ACK."""
    kem = get_backend(backend)
    key = kem.from_seed(SEED)
    client = ClientSession(ClientConfig(key.ek, "bench"), kem=kem, random=constant_random)
    (hello,) = [a.data for a in client.connected(0.0) if hasattr(a, "data")]

    def run(n: int) -> float:
        total = 0.0
        for _ in range(n):
            keypad = KeypadSession(key, random=constant_random)
            t = time.perf_counter()
            keypad.receive_data(hello, 0.0, ARMED)
            total += time.perf_counter() - t
            assert keypad.state == "ESTABLISHED"
        return total

    return run


def client_hello_case(backend: str) -> Case:
    """ClientSession.connected: encapsulate, HELLO encode, transcript and key schedule."""
    kem = get_backend(backend)
    ek = kem.from_seed(SEED).ek
    config = ClientConfig(ek, "bench")

    def run(n: int) -> float:
        total = 0.0
        for _ in range(n):
            client = ClientSession(config, kem=kem, random=constant_random)  # untimed: pinned-key check
            t = time.perf_counter()
            client.connected(0.0)
            total += time.perf_counter() - t
        return total

    return run


def cases() -> list[tuple[str, Case]]:
    ping = fastpath.ping_prefix(7, CHALLENGE) + b"\x01" * 32
    pong = fastpath.pong_prefix(7, ARMED) + b"\x01" * 32
    out: list[tuple[str, Case]] = [
        ("client PING encode+MAC (fastpath + HMAC)", case_ping_encode_mac),
        ("client tick -> PING (ClientSession.tick)", case_client_tick),
        ("keypad PING -> PONG (KeypadSession.receive_data)", case_keypad_ping),
        ("client PONG verify (ClientSession.receive_data)", case_client_pong),
        ("decode PING: construct (header + body parse)", decode_case(construct_decode, ping)),
        ("decode PING: frames.decode", decode_case(frames.decode, ping)),
        ("decode PING: fastpath.decode_ping", decode_case(fastpath.decode_ping, ping)),
        ("decode PONG: construct (header + body parse)", decode_case(construct_decode, pong)),
        ("decode PONG: frames.decode", decode_case(frames.decode, pong)),
        ("decode PONG: fastpath.decode_pong", decode_case(fastpath.decode_pong, pong)),
    ]
    for b in BACKENDS:
        out.append((f"keypad HELLO -> HELLO_ACK [{b}]", hello_case(b)))
        out.append((f"client HELLO creation [{b}]", client_hello_case(b)))
    return out


def profile_keypad(n: int = 50_000) -> None:
    pr = cProfile.Profile()
    pr.enable()
    case_keypad_ping(n)
    pr.disable()
    pstats.Stats(pr).sort_stats("tottime").print_stats(15)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    ap.add_argument("--seconds", type=float, default=0.5, help="time per batch set (default 0.5)")
    ap.add_argument("--profile", action="store_true", help="cProfile the keypad's per-PING path and exit")
    args = ap.parse_args(argv)
    if args.profile:
        profile_keypad()
        return 0
    rows = []
    print(f"{'operation':52} {'µs/op':>10} {'ops/s':>12} {'n':>8}")
    for name, case in cases():
        per_op, n = measure(case, args.seconds)
        rows.append({"operation": name, "us_per_op": per_op * 1e6, "ops_per_s": 1 / per_op, "n": n})
        print(f"{name:52} {per_op * 1e6:10.2f} {1 / per_op:12,.0f} {n:8}", flush=True)
    if args.json:
        meta = {"python": platform.python_version(), "machine": platform.machine(), "platform": platform.platform()}
        args.json.write_text(json.dumps({"meta": meta, "results": rows}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
