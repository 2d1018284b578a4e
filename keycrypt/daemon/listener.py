"""The keypad's listening sockets, accepted by hand so that accepting can be paused.

``loop.create_server`` can only accept every connection; a keypad that must
not serve (sealed, breached, full) then had to accept and abort, which a
booting client cannot tell from a keypad that closed its session, and locks
down. :class:`Listener` owns its sockets instead: :meth:`pause` stops
accepting and, where the OS allows it (Linux), takes the socket out of the
LISTEN state with ``shutdown()`` while keeping its port, so a new client's
connect is refused at once by the kernel (connections waiting in the accept
queue are reset) and the client retries within its boot grace;
:meth:`resume` calls ``listen()`` again. Where ``shutdown()`` of a listening
socket is not supported, pausing only stops accepting: connections then wait
in the kernel's queue (a pending SYN once it is full).

Accepted sockets are handed to ``on_accept(sock, addr)``; the owner wraps
them in a transport (``loop.connect_accepted_socket``), which works on
asyncio and uvloop alike.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import socket
from typing import Any, Callable

from keycrypt.logfmt import kv

log = logging.getLogger("keycrypt.keypad")

ACCEPT_BATCH = 64
"""Connections accepted per readiness callback, so that a SYN flood cannot hold the loop (asyncio's own figure is the backlog)."""
RESOURCE_PAUSE = 0.5
"""Seconds accepting stops after EMFILE/ENFILE/ENOBUFS/ENOMEM (as asyncio does), so the loop does not spin."""
_RESOURCE_ERRNOS = frozenset({errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM})


def _new_socket(family: int, type_: int, proto: int) -> socket.socket:
    s = socket.socket(family, type_, proto)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if family == socket.AF_INET6:
        with contextlib.suppress(OSError):
            s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
    return s


def _bind_sockets(host: str, port: int, backlog: int) -> list[socket.socket]:
    """One listening socket per address of ``host``, each bound to an explicit port.

    Linux keeps a socket's port across ``shutdown()`` + ``listen()`` only when
    the port was given explicitly; port 0 is therefore resolved first (an
    ephemeral port is taken, freed, and bound again by number), and every
    address then gets that same port.
    """
    infos = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    socks: list[socket.socket] = []
    seen: set[Any] = set()
    try:
        for family, type_, proto, _, addr in infos:
            if (family, addr) in seen:
                continue
            seen.add((family, addr))
            if port == 0:
                if not socks:
                    with _new_socket(family, type_, proto) as probe:
                        probe.bind(addr)
                        port = probe.getsockname()[1]
                addr = (addr[0], port, *addr[2:])
            s = _new_socket(family, type_, proto)
            socks.append(s)
            s.bind(addr)
            s.setblocking(False)
            s.listen(backlog)
    except BaseException:
        for s in socks:
            s.close()
        raise
    return socks


class Listener:
    """Listening sockets with pause/resume; ``on_accept(sock, addr)`` gets each accepted socket."""

    def __init__(self, on_accept: Callable[[socket.socket, Any], None], *, backlog: int = 1024) -> None:
        self._on_accept = on_accept
        self._backlog = backlog
        self._loop: asyncio.AbstractEventLoop | None = None
        self.sockets: list[socket.socket] = []
        self.listening = False
        self.refuses = False
        """True while paused with the kernel refusing connects (Linux); False when they queue instead."""
        self._wanted = False
        self._shut = False  # shut down out of LISTEN: resume must listen() again
        self._resource_timer: asyncio.TimerHandle | None = None

    def open(self, host: str, port: int) -> tuple[str, int]:
        """Bind and listen (accepting); the first socket's (host, port)."""
        self._loop = asyncio.get_running_loop()
        self.sockets = _bind_sockets(host, port, self._backlog)
        self.listening = self._shut = False
        self.resume()
        name = self.sockets[0].getsockname()
        return name[0], name[1]

    def pause(self) -> None:
        """Stop accepting; where possible make the kernel refuse new connects (and reset queued ones)."""
        self._wanted = False
        if self._resource_timer is not None:
            self._resource_timer.cancel()
            self._resource_timer = None
        if not self.sockets or (not self.listening and self._shut):
            return
        assert self._loop is not None
        refuses = True
        for s in self.sockets:
            self._loop.remove_reader(s.fileno())
            try:
                s.shutdown(socket.SHUT_RD)  # Linux: LISTEN -> CLOSE, the bound port is kept
            except OSError:
                refuses = False
        self.listening = False
        self._shut = True
        self.refuses = refuses

    def resume(self) -> None:
        """Listen and accept again."""
        self._wanted = True
        if self.listening or not self.sockets:
            return
        assert self._loop is not None
        if self._resource_timer is not None:
            self._resource_timer.cancel()
            self._resource_timer = None
        for s in self.sockets:
            if self._shut:
                s.listen(self._backlog)
            self._loop.add_reader(s.fileno(), self._accept, s)
        self.listening = True
        self._shut = False
        self.refuses = False

    def close(self) -> None:
        if self._resource_timer is not None:
            self._resource_timer.cancel()
            self._resource_timer = None
        for s in self.sockets:
            if self.listening and self._loop is not None:
                self._loop.remove_reader(s.fileno())
            s.close()
        self.listening = False
        self.sockets = []

    def _accept(self, lsock: socket.socket) -> None:
        for _ in range(ACCEPT_BATCH):
            if not self.listening:
                return  # on_accept paused us (full)
            try:
                conn, addr = lsock.accept()
            except (BlockingIOError, InterruptedError, ConnectionAbortedError):
                return
            except OSError as exc:
                if exc.errno in _RESOURCE_ERRNOS:
                    log.error("%s", kv(event="accept_failed", error=exc.strerror or exc, pause=RESOURCE_PAUSE))
                    self._pause_for_resources()
                return
            conn.setblocking(False)
            self._on_accept(conn, addr)

    def _pause_for_resources(self) -> None:
        """Out of descriptors or memory: stop accepting for a moment (the kernel queues meanwhile)."""
        assert self._loop is not None
        for s in self.sockets:
            self._loop.remove_reader(s.fileno())
        self.listening = False

        def again() -> None:
            self._resource_timer = None
            if self._wanted:
                self.resume()

        self._resource_timer = self._loop.call_later(RESOURCE_PAUSE, again)
