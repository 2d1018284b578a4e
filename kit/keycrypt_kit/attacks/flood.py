"""The DoS attacker, run as a separate process so its sockets do not count against the keypad's fd limit.

``python -m keycrypt_kit.attacks.flood idle --port P --n N --hold S``: open N
connections, send nothing, hold them S seconds; report how many the keypad
accepted and how many it had closed by the end.

``python -m keycrypt_kit.attacks.flood churn --port P --seconds S``: open and
close connections as fast as possible for S seconds, each sending a random
prefix of a bogus HELLO; report the count.

Both print one JSON line on stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import select
import socket
import sys
import time


def _raise_fds(n: int) -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = min(hard, max(soft, n + 64))
    resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))


def idle(port: int, n: int, hold: float) -> dict[str, object]:
    _raise_fds(n)
    socks: list[socket.socket] = []
    failed = 0
    t0 = time.monotonic()
    for _ in range(n):
        s = socket.socket()
        s.setblocking(False)
        try:
            s.connect(("127.0.0.1", port))
        except BlockingIOError:
            pass
        except OSError:
            failed += 1
            s.close()
            continue
        socks.append(s)
    opened = time.monotonic() - t0
    print(json.dumps({"event": "opened", "n": len(socks)}), flush=True)
    closed: set[int] = set()
    by_fd = {s.fileno(): s for s in socks}
    poller = select.poll()  # select() stops at fd 1024
    for fd in by_fd:
        poller.register(fd, select.POLLIN | select.POLLHUP | select.POLLERR)
    end = time.monotonic() + hold
    while time.monotonic() < end:
        for fd, _ in poller.poll(50):
            try:
                gone = not by_fd[fd].recv(1)
            except BlockingIOError:
                continue
            except OSError:
                gone = True
            if gone:
                closed.add(fd)
                poller.unregister(fd)
    connecting = 0
    for s in socks:
        if s.fileno() not in closed:
            try:
                s.getpeername()
            except OSError:  # the SYN is still unanswered: the kernel's accept queue was full
                connecting += 1
        s.close()
    return {"event": "done", "attempted": n, "opened": len(socks), "connect_errors": failed, "closed_by_keypad": len(closed), "still_open": len(socks) - len(closed) - connecting, "still_connecting": connecting, "open_seconds": round(opened, 2)}


def churn(port: int, seconds: float) -> dict[str, object]:
    bogus = b"KC\x01\x01\x04\xa3" + os.urandom(64)
    n = refused = 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=1.0)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")  # RST on close
            s.send(bogus[: 1 + n % len(bogus)])
            s.close()
            n += 1
        except OSError:
            refused += 1
    return {"event": "done", "connections": n, "errors": refused, "per_second": round(n / seconds)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m keycrypt_kit.attacks.flood")
    sub = ap.add_subparsers(dest="mode", required=True)
    i = sub.add_parser("idle")
    i.add_argument("--port", type=int, required=True)
    i.add_argument("--n", type=int, required=True)
    i.add_argument("--hold", type=float, required=True)
    c = sub.add_parser("churn")
    c.add_argument("--port", type=int, required=True)
    c.add_argument("--seconds", type=float, required=True)
    a = ap.parse_args(argv)
    out = idle(a.port, a.n, a.hold) if a.mode == "idle" else churn(a.port, a.seconds)
    print(json.dumps(out), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
