"""Process plumbing of the ladder: the host it acts on, bounded commands, threads bridged to the loop.

Commands are run from argv, never through a shell, each in a new session so a
hung command's whole process group can be killed; they are started with
:class:`subprocess.Popen` from a worker thread (``execve`` can block for ever
once a volume holding ``/usr`` is suspended, and must not block the event loop).
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from keycrypt.lockdown.config import LUKS_UUID_PREFIX, VOLUME_RE, StepStatus

_OUTPUT_TAIL = 512  # bytes of a command's output kept for its record


# ------------------------------------------------------------------ the host


@dataclass(frozen=True, slots=True)
class Host:
    """Where the destructive steps act; tests substitute harmless stand-ins."""

    cryptsetup: str = "cryptsetup"
    sysrq_enable: str = "/proc/sys/kernel/sysrq"
    sysrq_trigger: str = "/proc/sysrq-trigger"
    sys_block: str = "/sys/block"


DEFAULT_HOST = Host()


def luks_mappings(sys_block: str | Path = "/sys/block") -> tuple[str, ...]:
    """The names of the active, not yet suspended dm-crypt LUKS mappings, sorted.

    Read from ``dm-*/dm/uuid`` (prefix ``CRYPT-LUKS``), ``dm/name`` and
    ``dm/suspended`` under ``sys_block``; an entry that cannot be read or
    whose name is not a device-mapper name is skipped (it cannot be given to
    cryptsetup safely). Never raises for a missing or odd tree: nothing found.
    """
    found = []
    try:
        entries = sorted(Path(sys_block).glob("dm-*"))
    except OSError:
        return ()
    for dev in entries:
        dm = dev / "dm"
        try:
            uuid = (dm / "uuid").read_text(encoding="ascii", errors="replace").strip()
            if not uuid.startswith(LUKS_UUID_PREFIX):
                continue
            name = (dm / "name").read_text(encoding="utf-8", errors="replace").strip()
            suspended = (dm / "suspended").read_text().strip() if (dm / "suspended").exists() else "0"
        except OSError:
            continue
        if suspended != "1" and VOLUME_RE.fullmatch(name):
            found.append(name)
    return tuple(sorted(set(found)))



def _spawn(argv: Sequence[str], env: Mapping[str, str]) -> subprocess.Popen[bytes]:
    """Start ``argv`` without a shell, stdin from /dev/null, output to a pipe, in a new session."""
    return subprocess.Popen(
        list(argv),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        close_fds=True,
        env=dict(env),
    )


def write_proc(path: str, data: bytes) -> None:
    """One write to an existing file (a /proc control file): no create, no truncate."""
    fd = os.open(path, os.O_WRONLY | os.O_CLOEXEC)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)


# ------------------------------------------------------------------ threads bridged to the loop


def settle(fut: asyncio.Future[Any], ok: bool, value: Any) -> None:
    if not fut.done():  # wait_for may have cancelled it
        if ok:
            fut.set_result(value)
        else:
            fut.set_exception(value)


def in_thread(fn: Callable[[], Any]) -> asyncio.Future[Any]:
    """Run ``fn`` in a daemon thread (never joined, so a hung call cannot hold up the exit)."""
    loop = asyncio.get_running_loop()
    fut: asyncio.Future[Any] = loop.create_future()

    def run() -> None:
        try:
            ok, value = True, fn()
        except BaseException as exc:  # handed to the awaiting side
            ok, value = False, exc
        try:
            loop.call_soon_threadsafe(settle, fut, ok, value)
        except RuntimeError:  # the loop is gone
            pass

    threading.Thread(target=run, name="keycrypt-lockdown", daemon=True).start()
    return fut



# ------------------------------------------------------------------ running commands


@dataclass(frozen=True, slots=True)
class Run:
    status: StepStatus
    exit_code: int | None
    detail: str


def output_tail(buf: bytearray) -> str:
    text = bytes(buf[-_OUTPUT_TAIL:]).decode("utf-8", "replace").strip()
    return " ".join(text.split())


async def run_argv(argv: Sequence[str], timeout: float, env: Mapping[str, str]) -> Run:  # noqa: ASYNC109 - returns a "timeout" outcome after killing the group, never raises
    """Run argv bounded by ``timeout``; on timeout kill its process group with SIGKILL."""
    procs: list[subprocess.Popen[bytes]] = []
    out = bytearray()

    def work() -> int:
        p = _spawn(argv, env)
        procs.append(p)
        assert p.stdout is not None
        fd = p.stdout.fileno()

        def drain() -> None:  # keep the pipe empty so a chatty command never blocks on it
            try:
                while chunk := os.read(fd, 4096):
                    out.extend(chunk)
                    del out[: max(0, len(out) - _OUTPUT_TAIL)]
            except OSError:
                pass

        reader = threading.Thread(target=drain, name="keycrypt-lockdown-output", daemon=True)
        reader.start()
        rc = p.wait()
        reader.join(0.1)  # the last bytes; a background grandchild may hold the pipe open for ever
        return rc

    fut = in_thread(work)
    try:
        rc = await asyncio.wait_for(fut, timeout)
    except TimeoutError:
        killed = kill_group(procs)
        return Run("timeout", None, f"no exit within {timeout:g} s; {killed}")
    except FileNotFoundError:
        return Run("failed", None, f"{argv[0]}: command not found")
    except OSError as exc:
        return Run("failed", None, f"{argv[0]}: {exc.strerror or exc}")
    tail = output_tail(out)
    if rc == 0:
        return Run("ok", 0, tail)
    what = f"killed by signal {-rc}" if rc < 0 else f"exit status {rc}"
    return Run("failed", rc, f"{what}: {tail}" if tail else what)


def kill_group(procs: list[subprocess.Popen[bytes]]) -> str:
    if not procs:
        return "the process had not started (exec blocked)"
    p = procs[0]
    if p.returncode is not None:
        return "the process had just exited"
    try:
        os.killpg(p.pid, signal.SIGKILL)  # start_new_session: its group id is its pid
    except ProcessLookupError:
        return "the process had just exited"
    except OSError as exc:
        return f"could not kill its process group: {exc.strerror}"
    return f"process group {p.pid} killed"

