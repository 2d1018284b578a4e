"""A tiny sd_notify(3) sender: READY=1, WATCHDOG=1, STATUS=... over $NOTIFY_SOCKET.

No dependency on libsystemd. Outside systemd (no NOTIFY_SOCKET) every call
is a cheap no-op, so the daemons call it unconditionally.
"""

from __future__ import annotations

import os
import socket


class Notifier:
    """Sends datagrams to the service manager; errors are swallowed (the watchdog will tell)."""

    def __init__(self, address: str | None = None) -> None:
        addr = os.environ.get("NOTIFY_SOCKET") if address is None else address
        self._addr: str | bytes | None = None
        self._sock: socket.socket | None = None
        if addr:
            # "@name" is an abstract socket: a leading NUL byte on the wire.
            self._addr = "\0" + addr[1:] if addr.startswith("@") else addr
            try:
                self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC)
            except OSError:
                self._sock = None

    @property
    def enabled(self) -> bool:
        return self._sock is not None

    def notify(self, *fields: str) -> bool:
        """Send ``KEY=value`` lines in one datagram; True if it was sent."""
        if self._sock is None or self._addr is None:
            return False
        try:
            self._sock.sendto("\n".join(fields).encode("utf-8", "replace"), self._addr)
        except OSError:
            return False
        return True

    def ready(self, status: str = "") -> bool:
        return self.notify("READY=1", *([f"STATUS={status}"] if status else []))

    def watchdog(self) -> bool:
        return self.notify("WATCHDOG=1")

    def status(self, text: str) -> bool:
        return self.notify(f"STATUS={text}")

    def stopping(self) -> bool:
        return self.notify("STOPPING=1")

    def close(self) -> None:
        if self._sock is not None:
            self._sock.close()
            self._sock = None


def watchdog_interval() -> float | None:
    """Half of the watchdog timeout systemd asked for (WATCHDOG_USEC), or None when not watched."""
    usec = os.environ.get("WATCHDOG_USEC")
    pid = os.environ.get("WATCHDOG_PID")
    if not usec or (pid and pid != str(os.getpid())):
        return None
    try:
        value = int(usec)
    except ValueError:
        return None
    return value / 2e6 if value > 0 else None
