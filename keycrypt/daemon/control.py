"""The keypad's local control socket: JSON lines over a Unix socket.

One JSON object per line each way. A request names a command::

    {"cmd": "status"}
    {"cmd": "arm"}                                   # DISARMED -> ARMED; needs "pin" when BREACHED/LOCKDOWN/SEALED
    {"cmd": "disarm", "pin": "...", "for": 900}      # "for": seconds or "15m"; default window otherwise
    {"cmd": "pin", "pin": "...", "intent": "arm"}    # intent: "arm" or "disarm"
    {"cmd": "breach"}                                # a simulated sensor event
    {"cmd": "lockdown-all"}                          # order every client to lock down

and each answer is ``{"ok": true, ...}`` or ``{"ok": false, "error": "...",
"code": "..."}`` where ``code`` is one of ``bad_request``, ``wrong_pin``,
``locked_out``, ``pin_required``, ``refused``.

Access control is the file system: the socket is created mode 0600 inside a
directory of mode 0700 (created so, or refused if it exists with any group or
other bits: it is never chmod'ed), so only the keypad's user (and root) can
talk to it. PINs sent here are checked exactly like PIN-pad entries: the wrong-PIN
backoff applies, and a PIN is never logged or echoed.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import socket
import stat
from pathlib import Path
from typing import Any, Awaitable, Callable

from keycrypt.errors import KeyCryptError

log = logging.getLogger("keycrypt.control")

MAX_LINE = 64 * 1024
Handler = Callable[[dict[str, Any]], Awaitable[dict[str, Any]]]


class ControlError(KeyCryptError):
    """The control socket could not be created or reached, or answered garbage."""


def _prepare_dir(directory: Path) -> None:
    """The socket's directory: created mode 0700, or an existing one that only its owner can enter.

    An existing directory is never chmod'ed: as root, a socket configured as
    ``/run/keypad.sock`` or ``/tmp/keypad.sock`` would otherwise have closed
    ``/run`` or ``/tmp`` to every other user of the host.
    """
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)  # a umask only removes bits: 0700 at most
        st = directory.stat()
    except OSError as exc:
        raise ControlError(f"cannot create control socket directory {directory}: {exc.strerror or exc}") from None
    if not stat.S_ISDIR(st.st_mode):
        raise ControlError(f"control socket directory {directory} is not a directory")
    if st.st_uid != os.getuid():
        raise ControlError(f"control socket directory {directory} belongs to another user")
    if st.st_mode & 0o077:
        raise ControlError(
            f"control socket directory {directory} is open to other users (mode {stat.S_IMODE(st.st_mode):04o}); "
            "give the socket a directory of its own, e.g. /run/keycrypt-keypad/keypad.sock, or chmod 700 it"
        )


def _remove_stale(path: Path) -> None:
    """Remove a socket left by a dead daemon; refuse if a live one answers or it is not a socket."""
    try:
        st = path.lstat()
    except FileNotFoundError:
        return
    if not stat.S_ISSOCK(st.st_mode):
        raise ControlError(f"{path} exists and is not a socket; refusing to replace it")
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        probe.settimeout(0.5)
        probe.connect(str(path))
    except OSError:
        path.unlink(missing_ok=True)  # nobody listens: stale
        return
    finally:
        probe.close()
    raise ControlError(f"another daemon is already listening on {path}")


class ControlServer:
    """Serves the control socket; each request line goes to ``handler``."""

    def __init__(self, path: Path, handler: Handler) -> None:
        self.path = Path(path)
        self._handler = handler
        self._server: asyncio.AbstractServer | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        _prepare_dir(self.path.parent)
        _remove_stale(self.path)
        old = os.umask(0o177)  # the socket is born 0600: no window where others could connect
        try:
            self._server = await asyncio.start_unix_server(self._serve, path=str(self.path), limit=MAX_LINE)
        except OSError as exc:
            raise ControlError(f"cannot listen on {self.path}: {exc.strerror or exc}") from None
        finally:
            os.umask(old)
        os.chmod(self.path, 0o600)

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 1.0)
            self._server = None
        for t in list(self._tasks):
            t.cancel()
        with contextlib.suppress(OSError):
            self.path.unlink()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._tasks.add(task)
        try:
            while True:
                try:
                    line = await reader.readline()
                except (ValueError, asyncio.LimitOverrunError):
                    await self._answer(writer, {"ok": False, "code": "bad_request", "error": "request line too long"})
                    return
                if not line:
                    return
                try:
                    request = json.loads(line)
                    if not isinstance(request, dict):
                        raise ValueError("not an object")
                except ValueError:
                    answer: dict[str, Any] = {"ok": False, "code": "bad_request", "error": "not a JSON object"}
                else:
                    try:
                        answer = await self._handler(request)
                    except Exception:  # a bug must not kill the daemon; it is logged without the request
                        log.exception("event=control_error cmd=%s", str(request.get("cmd"))[:32])
                        answer = {"ok": False, "code": "internal", "error": "internal error (see the keypad log)"}
                await self._answer(writer, answer)
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            if task is not None:
                self._tasks.discard(task)
            writer.close()

    @staticmethod
    async def _answer(writer: asyncio.StreamWriter, answer: dict[str, Any]) -> None:
        writer.write(json.dumps(answer, sort_keys=True).encode() + b"\n")
        await writer.drain()


def request(path: str | os.PathLike[str], req: dict[str, Any], timeout: float = 60.0) -> dict[str, Any]:
    """Send one request to a running keypad and return its answer (blocking; for the CLI)."""
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        try:
            sock.connect(os.fspath(path))
        except OSError as exc:
            raise ControlError(
                f"cannot reach the keypad daemon at {os.fspath(path)}: {exc.strerror or exc} (is it running?)"
            ) from None
        sock.sendall(json.dumps(req).encode() + b"\n")
        buf = b""
        while not buf.endswith(b"\n"):
            chunk = sock.recv(65536)
            if not chunk:
                break
            buf += chunk
            if len(buf) > MAX_LINE:
                raise ControlError("control socket answer too long")
    except TimeoutError:
        raise ControlError(f"the keypad daemon at {os.fspath(path)} did not answer within {timeout:g} s") from None
    except OSError as exc:
        raise ControlError(f"control socket {os.fspath(path)}: {exc.strerror or exc}") from None
    finally:
        sock.close()
    try:
        answer = json.loads(buf)
    except ValueError:
        raise ControlError("the keypad daemon answered something that is not JSON") from None
    if not isinstance(answer, dict):
        raise ControlError("the keypad daemon answered something that is not a JSON object")
    return answer
