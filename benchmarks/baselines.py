"""Baseline servers the keypad is compared with, on the same core and the same load generator.

* ``hmac``: the floor of Python overhead for this job -- an asyncio Protocol
  that cuts 74-byte PING-sized frames, verifies one HMAC-SHA-256 tag and
  writes one 43-byte PONG-sized answer with its own tag. No state machine,
  no handshake, no timers.
* ``tls``: a TLS 1.3 server on the stdlib ``ssl`` module (self-signed
  ECDSA P-256 certificate made at run time with ``cryptography``) answering
  every 74-byte message with a 43-byte one: what "just use TLS" would cost.

Each runs in its own process; ``serve(kind, conn, cpus)`` reports
``("ready", port, pid)`` on the pipe and serves until told ``exit``.
"""

from __future__ import annotations

import asyncio
import datetime
import hmac
import socket
import ssl
import tempfile
from pathlib import Path
from typing import Any, cast

from benchmarks.loadgen import BASELINE_KEY, PING_SIZE, PONG_SIZE, pin_to, raise_nofile, use_event_loop
from keycrypt.wire import fastpath

_PONG_HEADER = fastpath.pong_prefix(0, 0)[:6]


class _Server(asyncio.Protocol):
    """What both baselines share: a buffer of unread bytes and TCP_NODELAY, as the keypad sets it."""

    __slots__ = ("transport", "buf")

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.buf = b""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        transport = cast(asyncio.Transport, transport)  # asyncio's or uvloop's (--uvloop)
        self.transport = transport
        sock = transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class HmacEcho(_Server):
    """Verify one tag per PING-sized frame, answer with a tagged PONG-sized frame."""

    __slots__ = ()

    def data_received(self, data: bytes) -> None:
        buf = self.buf + data if self.buf else data
        t = self.transport
        while len(buf) >= PING_SIZE:
            frame, buf = buf[:PING_SIZE], buf[PING_SIZE:]
            if not hmac.compare_digest(hmac.digest(BASELINE_KEY, frame[:-32], "sha256"), frame[-32:]):
                assert t is not None
                t.abort()
                return
            prefix = _PONG_HEADER + frame[6:10] + b"\x00"
            assert t is not None
            t.write(prefix + hmac.digest(BASELINE_KEY, prefix + frame[10:42], "sha256"))
        self.buf = buf


class TlsEcho(_Server):
    """Answer every 74-byte message (inside TLS) with 43 bytes."""

    __slots__ = ()

    def data_received(self, data: bytes) -> None:
        buf = self.buf + data if self.buf else data
        while len(buf) >= PING_SIZE:
            frame, buf = buf[:PING_SIZE], buf[PING_SIZE:]
            assert self.transport is not None
            self.transport.write(frame[:PONG_SIZE])
        self.buf = buf


def self_signed_context(directory: Path) -> ssl.SSLContext:
    """A TLS 1.3-only server context with a fresh self-signed P-256 certificate."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "keycrypt-bench")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_3
    ctx.load_cert_chain(cert_path, key_path)
    return ctx


async def _run(kind: str, conn: Any) -> None:
    loop = asyncio.get_running_loop()
    with tempfile.TemporaryDirectory() as tmp:
        ctx = self_signed_context(Path(tmp)) if kind == "tls" else None
        factory = TlsEcho if kind == "tls" else HmacEcho
        server = await loop.create_server(factory, "127.0.0.1", 0, ssl=ctx, backlog=4096, reuse_address=True)
        import os

        conn.send(("ready", server.sockets[0].getsockname()[1], os.getpid()))
        await loop.run_in_executor(None, conn.recv)  # "exit"
        server.close()


def serve(kind: str, conn: Any, cpus: set[int] | None, event_loop: str = "asyncio") -> None:
    pin_to(cpus)
    raise_nofile()
    use_event_loop(event_loop)
    asyncio.run(_run(kind, conn))
