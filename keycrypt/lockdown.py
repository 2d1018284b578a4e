"""The lockdown ladder: an ordered list of steps, each bounded in time, the next taken whatever happened.

When a client loses its keypad it calls :func:`execute` once. The ladder

1. writes the lockdown record to the audit log and fsyncs it (``audit``,
   always the first step, 2 s by default) -- bounded: if the disk fails or
   hangs the ladder goes on, a lockdown is never held up by the disk;
2. runs the configured steps in order: ``command`` hooks (lock sessions,
   unmount, ...), ``luks-suspend`` of the configured volumes (the volume key
   leaves RAM), ``poweroff`` (``systemctl poweroff --force``), and as the last
   resort ``sysrq`` (the kernel's emergency sync, then power-off).

Every step is bounded by its ``timeout``; a step that fails (non-zero exit,
an exception) or hangs (its process group is killed) is recorded and the next
step is taken. A *successful* ``poweroff`` or ``sysrq`` should end the host
within its timeout; if the host is still up when it expires, that is
recorded as a timeout and the ladder goes on. A ladder that powers off
without a ``sysrq`` step has no last resort after it: when its power-off did
not take the host down, that step is retried (CRITICAL in the log and a
record in the audit log each time) after a pause that doubles from
``poweroff_retry_min`` up to ``poweroff_retry_max`` seconds, for ever or until
the host goes down, instead of recording ``host_still_up`` and returning.
Every outcome (step, status,
duration, exit code) is returned in a :class:`LadderReport` and appended to
the audit log.

Safety (this module can power the machine off):

* ``luks-suspend``, ``poweroff`` and ``sysrq`` are *destructive*. They run
  only when the caller passes ``allow_destructive=True``; otherwise each is
  recorded as ``refused`` with what it would have run. The client daemon
  passes ``True`` only when it is not in dry-run mode. Tests never pass it
  except with a fake :class:`Host` and argv.
* ``Ladder.dry_run`` (config ``lockdown.dry_run = true``) or a step whose
  action is ``dry-run`` executes nothing at all (not even hooks): each step is
  audited as "would run ...". For demos and tests.

Robustness on a host that is going down:

* Commands are run from argv, never through a shell, stdin from /dev/null,
  output captured (the last bytes go into the record), each in a new session
  so that a hung command's whole process group is killed. They are started
  with :class:`subprocess.Popen` from a worker thread rather than with
  ``asyncio.create_subprocess_exec``: starting a process blocks the calling
  thread until ``execve`` returns, and once a LUKS volume holding ``/usr`` is
  suspended ``execve`` can block for ever -- in the event loop thread that
  would stop every later timeout, ``sysrq`` included.
* Audit writes go through one worker thread in order; once one has not
  finished within the audit timeout the log is treated as stalled and later
  records are queued without being waited for.
* Every module this path needs is imported at load time and no traceback is
  formatted (both would read files from a disk that may be suspended).
* A second call of :func:`execute` while the ladder runs (two triggers at
  once) is recorded and returns the same report; so does a call after it
  finished. The ladder runs at most once per process.

Configuration (the ``[lockdown]`` table, given as a dict to
:func:`ladder_from_config`)::

    [lockdown]
    dry_run = false                  # audit every step as "would run", execute nothing
    volumes = "auto"                 # only with the default ladder: volumes to luksSuspend; "auto" (the
                                     # default): every active LUKS mapping at lockdown time; [] for none
    # or an explicit ladder (the audit step is put first if omitted):
    [[lockdown.steps]]
    action = "command"               # audit | command | luks-suspend | poweroff | sysrq | dry-run
    argv = ["loginctl", "lock-sessions"]
    timeout = 5.0                    # seconds, 0 < timeout <= 120; default per action
    [[lockdown.steps]]
    action = "luks-suspend"
    volumes = ["cryptdata", "crypthome"]
    [[lockdown.steps]]
    action = "poweroff"              # argv defaults to systemctl poweroff --force
    [[lockdown.steps]]
    action = "sysrq"
"""

from __future__ import annotations

import asyncio
import logging
import math
import os
import queue
import re
import shlex
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path
from typing import Any, Final, Literal, get_args

from keycrypt.audit import AuditLog, normalise_detail
from keycrypt.constants import (
    LOCKDOWN_AUDIT_TIMEOUT,
    LOCKDOWN_COMMAND_TIMEOUT,
    LOCKDOWN_LUKS_SUSPEND_TIMEOUT,
    LOCKDOWN_POWEROFF_ARGV,
    LOCKDOWN_POWEROFF_RETRY_MAX,
    LOCKDOWN_POWEROFF_RETRY_MIN,
    LOCKDOWN_POWEROFF_TIMEOUT,
    LOCKDOWN_STEP_TIMEOUT_MAX,
    LOCKDOWN_SYSRQ_SYNC_PAUSE,
    LOCKDOWN_SYSRQ_TIMEOUT,
)
from keycrypt.errors import AuditError, ConfigError, Reason
from keycrypt.logfmt import kv as _kv

log = logging.getLogger(__name__)

Action = Literal["audit", "command", "luks-suspend", "poweroff", "sysrq", "dry-run"]
ACTIONS: Final[tuple[str, ...]] = get_args(Action)
DESTRUCTIVE: Final[frozenset[str]] = frozenset({"luks-suspend", "poweroff", "sysrq"})
"""Actions that run only with ``allow_destructive=True``."""

StepStatus = Literal["ok", "failed", "timeout", "dry-run", "refused"]
"""``ok``; ``failed`` (non-zero exit, error); ``timeout`` (killed at its bound, or for poweroff/sysrq:
the host was still up when the bound expired); ``dry-run`` (only recorded); ``refused`` (destructive
without ``allow_destructive``)."""

DEFAULT_TIMEOUTS: Final[dict[str, float]] = {
    "audit": LOCKDOWN_AUDIT_TIMEOUT,
    "command": LOCKDOWN_COMMAND_TIMEOUT,
    "luks-suspend": LOCKDOWN_LUKS_SUSPEND_TIMEOUT,
    "poweroff": LOCKDOWN_POWEROFF_TIMEOUT,
    "sysrq": LOCKDOWN_SYSRQ_TIMEOUT,
    "dry-run": LOCKDOWN_COMMAND_TIMEOUT,
}

_VOLUME_RE = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.+:@=-]{0,126}")
AUTO: Final = "auto"
"""``volumes = "auto"``: every active dm-crypt LUKS mapping, found at lockdown time (:func:`luks_mappings`)."""
LUKS_UUID_PREFIX: Final = "CRYPT-LUKS"
"""How dm-crypt names a LUKS mapping in ``/sys/block/dm-*/dm/uuid`` (CRYPT-LUKS1-…, CRYPT-LUKS2-…)."""
_STEP_KEYS = ("action", "timeout", "argv", "volumes")
_SECTION_KEYS = ("dry_run", "volumes", "steps")
_OUTPUT_TAIL = 512  # bytes of a command's output kept for its record


# ------------------------------------------------------------------ configuration


def _check_timeout(value: Any, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConfigError(f"must be a number of seconds, not {value!r}", key=key)
    seconds = float(value)
    if not math.isfinite(seconds) or seconds <= 0:
        raise ConfigError(f"must be a positive number of seconds, not {seconds!r}", key=key)
    if seconds > LOCKDOWN_STEP_TIMEOUT_MAX:
        raise ConfigError(
            f"{seconds:g} s is longer than {LOCKDOWN_STEP_TIMEOUT_MAX:g} s: one hung step would stall the lockdown",
            key=key,
        )
    return seconds


def _check_argv(value: Any, key: str) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, Sequence) or not value:
        raise ConfigError("must be a non-empty list of strings (argv, run without a shell)", key=key)
    for i, arg in enumerate(value):
        if not isinstance(arg, str) or "\0" in arg or (i == 0 and not arg):
            raise ConfigError(f"item {i} must be a string without NUL ({arg!r})", key=key)
    return tuple(value)


def _check_volumes(value: Any, key: str) -> tuple[str, ...] | str:
    if value == AUTO:
        return AUTO
    if isinstance(value, str) or not isinstance(value, Sequence) or not value:
        raise ConfigError('must be "auto" or a non-empty list of device-mapper names', key=key)
    for name in value:
        if not isinstance(name, str) or not _VOLUME_RE.fullmatch(name):
            hint = "; give the mapping name, not a path" if isinstance(name, str) and "/" in name else ""
            raise ConfigError(f"{name!r} is not a device-mapper name{hint}", key=key)
    if len(set(value)) != len(value):
        raise ConfigError("lists a volume twice", key=key)
    return tuple(value)


def _check_step(action: Any, timeout: Any, argv: Any, volumes: Any, where: str) -> tuple[str, float, Any, Any]:
    """Validate one step; errors name ``<where>.<key>``. Returns normalised values."""
    if action not in ACTIONS:
        raise ConfigError(f"unknown action {action!r}; expected one of {', '.join(ACTIONS)}", key=f"{where}.action")
    timeout = DEFAULT_TIMEOUTS[action] if timeout is None else _check_timeout(timeout, f"{where}.timeout")
    if action == "command":
        if argv is None:
            raise ConfigError("a command step needs argv", key=f"{where}.argv")
        argv = _check_argv(argv, f"{where}.argv")
    elif action in ("poweroff", "dry-run"):
        argv = (LOCKDOWN_POWEROFF_ARGV if action == "poweroff" else None) if argv is None else _check_argv(argv, f"{where}.argv")
    elif argv is not None:
        raise ConfigError(f"{action} steps take no argv", key=f"{where}.argv")
    if action == "luks-suspend":
        if volumes is None:
            raise ConfigError("a luks-suspend step needs volumes", key=f"{where}.volumes")
        volumes = _check_volumes(volumes, f"{where}.volumes")
    elif volumes is not None:
        raise ConfigError(f"{action} steps take no volumes", key=f"{where}.volumes")
    return action, timeout, argv, volumes


@dataclass(frozen=True, slots=True)
class LadderStep:
    """One rung. ``timeout`` None means the action's default; argv/volumes are stored as tuples."""

    action: Action
    timeout: float | None = None
    argv: Sequence[str] | None = None
    volumes: Sequence[str] | str | None = None  # a list, or AUTO

    def __post_init__(self) -> None:
        values = _check_step(self.action, self.timeout, self.argv, self.volumes, "step")
        for name, value in zip(_STEP_KEYS, values, strict=True):
            object.__setattr__(self, name, value)


AUDIT_STEP: Final[LadderStep] = LadderStep("audit")


@dataclass(frozen=True, slots=True)
class Ladder:
    """The steps in order (the audit step is put first if missing) and the dry-run switch."""

    steps: tuple[LadderStep, ...]
    dry_run: bool = False

    def __post_init__(self) -> None:
        steps = tuple(self.steps)
        for i, s in enumerate(steps):
            if not isinstance(s, LadderStep):
                raise ConfigError(f"not a LadderStep: {s!r}", key=f"steps[{i}]")
            if s.action == "audit" and i:
                raise ConfigError("the audit step can only be the first", key=f"steps[{i}].action")
        if not steps or steps[0].action != "audit":
            steps = (AUDIT_STEP, *steps)
        if len(steps) < 2:
            raise ConfigError("the ladder has no step after the audit record", key="steps")
        if not isinstance(self.dry_run, bool):
            raise ConfigError("must be true or false", key="dry_run")
        object.__setattr__(self, "steps", steps)


def default_ladder(volumes: Sequence[str] | str = AUTO, *, dry_run: bool = False) -> Ladder:
    """audit (2 s) -> luks-suspend (10 s) -> poweroff (15 s) -> sysrq (5 s).

    ``volumes``: AUTO (every active LUKS mapping, found at lockdown time), a
    list of mapping names, or an empty list for no luks-suspend step.
    """
    steps = [AUDIT_STEP]
    if volumes == AUTO:
        steps.append(LadderStep("luks-suspend", volumes=AUTO))
    elif volumes:
        steps.append(LadderStep("luks-suspend", volumes=tuple(volumes)))
    steps += [LadderStep("poweroff"), LadderStep("sysrq")]
    return Ladder(tuple(steps), dry_run)


def ladder_from_config(section: Mapping[str, Any] | None, *, where: str = "lockdown") -> Ladder:
    """The ladder of a ``[lockdown]`` table; :class:`ConfigError` names the offending key.

    Keys: ``dry_run`` (bool, false), ``volumes`` (``"auto"``, the default, or
    a list; ``[]`` for none; only with the default ladder), ``steps`` (list of
    tables with ``action``, ``timeout``, ``argv``, ``volumes``; default:
    :func:`default_ladder`).
    """
    if section is None:
        section = {}
    if not isinstance(section, Mapping):
        raise ConfigError("must be a table", key=where)
    for k in section:
        if k not in _SECTION_KEYS:
            raise ConfigError(f"unknown key; expected {', '.join(_SECTION_KEYS)}", key=f"{where}.{k}")
    dry_run = section.get("dry_run", False)
    if not isinstance(dry_run, bool):
        raise ConfigError("must be true or false", key=f"{where}.dry_run")
    volumes = section.get("volumes")
    if "steps" not in section:
        vols = AUTO if volumes is None else () if volumes == [] else _check_volumes(volumes, f"{where}.volumes")
        return default_ladder(vols, dry_run=dry_run)
    if volumes is not None:
        raise ConfigError(
            "only used by the default ladder; with explicit steps, give volumes to the luks-suspend step",
            key=f"{where}.volumes",
        )
    raw_steps = section["steps"]
    if isinstance(raw_steps, str | Mapping) or not isinstance(raw_steps, Sequence) or not raw_steps:
        raise ConfigError("must be a non-empty list of step tables", key=f"{where}.steps")
    steps = []
    for i, raw in enumerate(raw_steps):
        at = f"{where}.steps[{i}]"
        if not isinstance(raw, Mapping):
            raise ConfigError("must be a table", key=at)
        for k in raw:
            if k not in _STEP_KEYS:
                raise ConfigError(f"unknown key; expected {', '.join(_STEP_KEYS)}", key=f"{at}.{k}")
        if "action" not in raw:
            raise ConfigError("missing", key=f"{at}.action")
        if raw["action"] == "audit" and i:
            raise ConfigError("the audit step can only be the first", key=f"{at}.action")
        action, timeout, argv, vols = _check_step(raw["action"], raw.get("timeout"), raw.get("argv"), raw.get("volumes"), at)
        steps.append(LadderStep(action, timeout, argv, vols))  # type: ignore[arg-type]
    if len(steps) == 1 and steps[0].action == "audit":
        raise ConfigError("the ladder has no step after the audit record", key=f"{where}.steps")
    return Ladder(tuple(steps), dry_run)


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
        if suspended != "1" and _VOLUME_RE.fullmatch(name):
            found.append(name)
    return tuple(sorted(set(found)))


def step_volumes(step: LadderStep, host: Host | None = None) -> tuple[str, ...]:
    """The volumes a luks-suspend step acts on now (AUTO resolved on ``host``)."""
    if step.volumes == AUTO:
        return luks_mappings((host or DEFAULT_HOST).sys_block)
    return tuple(step.volumes or ())


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


def _write_proc(path: str, data: bytes) -> None:
    """One write to an existing file (a /proc control file): no create, no truncate."""
    fd = os.open(path, os.O_WRONLY | os.O_CLOEXEC)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)


def describe(step: LadderStep, host: Host | None = None) -> str:
    """What a step runs, in words (used for "would run ..." records)."""
    host = host or DEFAULT_HOST
    if step.action == "audit":
        return "write and fsync the lockdown record"
    if step.action in ("command", "poweroff"):
        return shlex.join(step.argv or ())
    if step.action == "luks-suspend":
        vols = step_volumes(step, host)
        auto = "auto: " if step.volumes == AUTO else ""
        if not vols:
            return f"{auto}no active LUKS mapping found, nothing to suspend"
        return auto + "; ".join(shlex.join([host.cryptsetup, "luksSuspend", v]) for v in vols)
    if step.action == "sysrq":
        return f"echo 1 > {host.sysrq_enable}; echo s > {host.sysrq_trigger}; echo o > {host.sysrq_trigger}"
    return shlex.join(step.argv) if step.argv else "nothing (dry-run step)"


# ------------------------------------------------------------------ threads bridged to the loop


def _settle(fut: asyncio.Future[Any], ok: bool, value: Any) -> None:
    if not fut.done():  # wait_for may have cancelled it
        if ok:
            fut.set_result(value)
        else:
            fut.set_exception(value)


def _in_thread(fn: Callable[[], Any]) -> asyncio.Future[Any]:
    """Run ``fn`` in a daemon thread (never joined, so a hung call cannot hold up the exit)."""
    loop = asyncio.get_running_loop()
    fut: asyncio.Future[Any] = loop.create_future()

    def run() -> None:
        try:
            ok, value = True, fn()
        except BaseException as exc:  # handed to the awaiting side
            ok, value = False, exc
        try:
            loop.call_soon_threadsafe(_settle, fut, ok, value)
        except RuntimeError:  # the loop is gone
            pass

    threading.Thread(target=run, name="keycrypt-lockdown", daemon=True).start()
    return fut


class _Auditor:
    """Bounded, ordered audit writes for one ladder run: one worker thread, FIFO."""

    def __init__(self, audit: AuditLog | None, timeout: float) -> None:
        self.audit, self.timeout = audit, timeout
        self.stalled = False
        self._q: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._worker: threading.Thread | None = None

    def _run(self) -> None:
        while (item := self._q.get()) is not None:
            args, kwargs, loop, fut = item
            try:
                ok, value = True, self.audit.append(*args, **kwargs)  # type: ignore[union-attr]
            except BaseException as exc:
                ok, value = False, exc
            if fut is not None:
                try:
                    loop.call_soon_threadsafe(_settle, fut, ok, value)
                except RuntimeError:
                    pass

    async def write(self, event: str, reason: Any, **detail: Any) -> str | None:
        """Append a record; None when it is written and fsync'ed in time, else what went wrong."""
        if self.audit is None:
            return "no audit log"
        if self._worker is None:
            self._worker = threading.Thread(target=self._run, name="keycrypt-audit", daemon=True)
            self._worker.start()
        if self.stalled:
            self._q.put(((event, reason), detail, None, None))
            return "queued, not awaited: the audit log stalled earlier in this lockdown"
        loop = asyncio.get_running_loop()
        fut: asyncio.Future[Any] = loop.create_future()
        self._q.put(((event, reason), detail, loop, fut))
        try:
            await asyncio.wait_for(fut, self.timeout)
        except TimeoutError:
            self.stalled = True
            return f"the audit write did not finish within {self.timeout:g} s"
        except Exception as exc:
            return f"{type(exc).__name__}: {exc}"
        return None

    def close(self) -> None:
        if self._worker is not None:
            self._q.put(None)


# ------------------------------------------------------------------ running commands


@dataclass(frozen=True, slots=True)
class _Run:
    status: StepStatus
    exit_code: int | None
    detail: str


def _output_tail(buf: bytearray) -> str:
    text = bytes(buf[-_OUTPUT_TAIL:]).decode("utf-8", "replace").strip()
    return " ".join(text.split())


async def _run_argv(argv: Sequence[str], timeout: float, env: Mapping[str, str]) -> _Run:  # noqa: ASYNC109 - returns a "timeout" outcome after killing the group, never raises
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

    fut = _in_thread(work)
    try:
        rc = await asyncio.wait_for(fut, timeout)
    except TimeoutError:
        killed = _kill_group(procs)
        return _Run("timeout", None, f"no exit within {timeout:g} s; {killed}")
    except FileNotFoundError:
        return _Run("failed", None, f"{argv[0]}: command not found")
    except OSError as exc:
        return _Run("failed", None, f"{argv[0]}: {exc.strerror or exc}")
    tail = _output_tail(out)
    if rc == 0:
        return _Run("ok", 0, tail)
    what = f"killed by signal {-rc}" if rc < 0 else f"exit status {rc}"
    return _Run("failed", rc, f"{what}: {tail}" if tail else what)


def _kill_group(procs: list[subprocess.Popen[bytes]]) -> str:
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


# ------------------------------------------------------------------ outcomes and the report


@dataclass(frozen=True, slots=True)
class StepOutcome:
    index: int
    action: str
    status: StepStatus
    duration: float
    exit_code: int | None = None
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["duration"] = round(self.duration, 4)
        return d


@dataclass(slots=True)
class LadderReport:
    reason: str
    dry_run: bool
    allow_destructive: bool
    started: str
    outcomes: list[StepOutcome] = field(default_factory=list)
    duration: float = 0.0
    audited: bool = False
    """The lockdown record was written and fsync'ed before any step ran."""
    finished: bool = False
    """Every step ran and the host is still up (a real lockdown ends earlier, with the host)."""
    retriggers: list[str] = field(default_factory=list)
    """Reasons of further calls that arrived while (or after) this ladder ran."""
    poweroff_retries: int = 0
    """Power-off attempts after the first, when it failed and there was no sysrq step."""
    last_retry: StepOutcome | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "reason": self.reason,
            "dry_run": not self.allow_destructive,  # the top-level `dry_run` (nothing destructive runs)
            "lockdown.dry_run": self.dry_run,  # `[lockdown] dry_run` (nothing runs at all)
            "started": self.started,
            "duration": round(self.duration, 4),
            "audited": self.audited,
            "finished": self.finished,
            "retriggers": list(self.retriggers),
            "poweroff_retries": self.poweroff_retries,
            "last_retry": None if self.last_retry is None else self.last_retry.to_dict(),
            "outcomes": [o.to_dict() for o in self.outcomes],
        }


def _safe_detail(detail: Mapping[str, Any] | None) -> dict[str, Any]:
    """The caller's detail as it will be recorded; one that cannot be recorded must not cost the record."""
    try:
        return normalise_detail(dict(detail or {}))
    except (AuditError, TypeError, ValueError) as exc:
        return {"unrecordable_detail": str(exc)}


def _reason_value(reason: Any) -> str:
    return reason.value if isinstance(reason, Enum) else str(reason)


# ------------------------------------------------------------------ the ladder


class LadderRunner:
    """Runs one ladder at most once; :func:`execute` uses the process-wide instance."""

    def __init__(self, *, retry_min: float = LOCKDOWN_POWEROFF_RETRY_MIN, retry_max: float = LOCKDOWN_POWEROFF_RETRY_MAX) -> None:
        """``retry_min``/``retry_max``: the pauses between power-off retries (tests shorten them)."""
        self._retry_min, self._retry_max = retry_min, retry_max
        self._task: asyncio.Task[LadderReport] | None = None
        self._auditor: _Auditor | None = None
        self._report: LadderReport | None = None

    @property
    def report(self) -> LadderReport | None:
        """The report of the ladder that runs or ran (filled in as it goes)."""
        return self._report

    async def execute(
        self,
        ladder: Ladder,
        reason: Reason,
        audit: AuditLog | None,
        *,
        detail: Mapping[str, Any] | None = None,
        allow_destructive: bool = False,
        host: Host | None = None,
    ) -> LadderReport:
        task = self._task
        if task is not None and not task.cancelled():
            if task.done():
                report = task.result()
                report.retriggers.append(_reason_value(reason))
                return report
            if task.get_loop() is asyncio.get_running_loop():
                assert self._report is not None
                self._report.retriggers.append(_reason_value(reason))
                if self._auditor is not None:
                    await self._auditor.write("lockdown_retrigger", _reason_value(reason), trigger=_safe_detail(detail))
                return await asyncio.shield(task)
            # A ladder started on an event loop that is gone and never finished: run again.
        self._report = LadderReport(
            reason=_reason_value(reason),
            dry_run=ladder.dry_run,
            allow_destructive=allow_destructive is True,
            started=datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        )
        self._task = asyncio.get_running_loop().create_task(
            self._run(ladder, _reason_value(reason), audit, _safe_detail(detail), allow_destructive is True, host or DEFAULT_HOST),
            name="keycrypt-lockdown",
        )
        # shield: cancelling the caller (a session task, a shutdown) does not stop the ladder
        return await asyncio.shield(self._task)

    async def _run(
        self, ladder: Ladder, reason: str, audit: AuditLog | None, detail: dict[str, Any], destructive: bool, host: Host
    ) -> LadderReport:
        report = self._report
        assert report is not None
        t0 = time.monotonic()
        auditor = self._auditor = _Auditor(audit, ladder.steps[0].timeout or LOCKDOWN_AUDIT_TIMEOUT)
        try:
            err = await auditor.write(
                "lockdown",
                reason,
                trigger=detail,
                # in the operator's words: the config's own keys and what they were set to
                **{"dry_run": not destructive, "lockdown.dry_run": ladder.dry_run},
                ladder=[f"{s.action}: {describe(s, host)}" for s in ladder.steps[1:]],
            )
            report.audited = err is None
            status: StepStatus = "ok" if err is None else ("timeout" if auditor.stalled else "failed")
            first = StepOutcome(0, "audit", status, time.monotonic() - t0, None, err or "lockdown record written and fsync'ed")
            report.outcomes.append(first)
            if err is not None:
                log.critical("%s", _kv(event="lockdown_audit_failed", reason=reason, error=err, note="the ladder goes on"))
            env = {**os.environ, "KEYCRYPT_LOCKDOWN_REASON": reason}
            for i, step in enumerate(ladder.steps[1:], 1):
                t = time.monotonic()
                try:
                    outcome = await self._step(i, step, ladder.dry_run, destructive, host, env, reason, auditor)
                except Exception as exc:  # a bug must not stop the ladder
                    outcome = StepOutcome(i, step.action, "failed", time.monotonic() - t, None, f"{type(exc).__name__}: {exc}")
                report.outcomes.append(outcome)
                log.warning(
                    "%s",
                    _kv(
                        event="lockdown_step", reason=reason, index=i, action=step.action, status=outcome.status,
                        duration=f"{outcome.duration:.3f}", exit_code=outcome.exit_code, detail=outcome.detail or None,
                    ),
                )
                await auditor.write("lockdown_step", reason, **outcome.to_dict())
            if destructive and not ladder.dry_run:
                await self._retry_poweroff(ladder, host, env, reason, auditor)
            report.finished = True
            report.duration = time.monotonic() - t0
            await auditor.write(
                "lockdown_end",
                reason,
                duration=round(report.duration, 4),
                statuses=[o.status for o in report.outcomes],
                host_still_up=True,
            )
            return report
        finally:
            report.duration = time.monotonic() - t0
            auditor.close()

    async def _retry_poweroff(
        self, ladder: Ladder, host: Host, env: Mapping[str, str], reason: str, auditor: _Auditor
    ) -> None:
        """The host is still up and there is no sysrq step to fall back on: retry power-off until it works.

        Returns at once when the ladder has a sysrq step (the last resort ran
        already) or no poweroff step (the operator chose a ladder that keeps
        the host up). Otherwise it never returns: the host going down ends it.
        """
        actions = [s.action for s in ladder.steps]
        if "poweroff" not in actions or "sysrq" in actions:
            return
        i = max(n for n, a in enumerate(actions) if a == "poweroff")
        step = ladder.steps[i]
        report = self._report
        assert report is not None
        delay = self._retry_min
        while True:
            log.critical(
                "LOCKDOWN INCOMPLETE: the host is still up after power-off and the ladder has no sysrq step; "
                "retrying power-off in %g s (every %g s at most, until the host goes down)",
                delay, self._retry_max,
            )
            await auditor.write("lockdown_poweroff_retry", reason, index=i, attempt=report.poweroff_retries + 1, pause=delay)
            await asyncio.sleep(delay)
            t = time.monotonic()
            try:
                outcome = await self._step(i, step, False, True, host, env, reason, auditor)
            except Exception as exc:  # a bug must not stop the retries
                outcome = StepOutcome(i, step.action, "failed", time.monotonic() - t, None, f"{type(exc).__name__}: {exc}")
            report.poweroff_retries += 1
            report.last_retry = outcome  # not appended: retries may go on for days
            log.critical(
                "lockdown power-off retry %d: %s in %.3f s%s", report.poweroff_retries, outcome.status,
                outcome.duration, f" ({outcome.detail})" if outcome.detail else "",
            )
            await auditor.write("lockdown_step", reason, retry=report.poweroff_retries, **outcome.to_dict())
            delay = min(delay * 2, self._retry_max)

    async def _step(
        self,
        i: int,
        step: LadderStep,
        dry_run: bool,
        destructive: bool,
        host: Host,
        env: Mapping[str, str],
        reason: str,
        auditor: _Auditor,
    ) -> StepOutcome:
        t = time.monotonic()
        timeout = step.timeout or DEFAULT_TIMEOUTS[step.action]
        what = describe(step, host)

        def done(status: StepStatus, exit_code: int | None = None, detail: str = "") -> StepOutcome:
            return StepOutcome(i, step.action, status, time.monotonic() - t, exit_code, detail)

        if dry_run or step.action == "dry-run":
            return done("dry-run", None, f"would run: {what}")
        if step.action in DESTRUCTIVE and not destructive:
            return done("refused", None, f"would run: {what}; refused: allow_destructive is not set")

        if step.action == "command":
            r = await _run_argv(step.argv or (), timeout, env)
            return done(r.status, r.exit_code, r.detail)

        if step.action == "luks-suspend":
            vols = step_volumes(step, host)
            if not vols:
                return done("ok", None, what)
            runs = await asyncio.gather(*(_run_argv([host.cryptsetup, "luksSuspend", v], timeout, env) for v in vols))
            status: StepStatus = (
                "timeout" if any(r.status == "timeout" for r in runs)
                else "failed" if any(r.status != "ok" for r in runs)
                else "ok"
            )
            code = next((r.exit_code for r in runs if r.exit_code), 0 if status == "ok" else None)
            detail = "; ".join(f"{v}: {r.status}" + (f" ({r.detail})" if r.detail else "") for v, r in zip(vols, runs, strict=True))
            return done(status, code, detail)

        # poweroff and sysrq end the process when they work: record the intent first.
        await auditor.write("lockdown_step_start", reason, index=i, action=step.action, run=what)
        if step.action == "poweroff":
            r = await _run_argv(step.argv or LOCKDOWN_POWEROFF_ARGV, timeout, env)
            if r.status != "ok":
                return done(r.status, r.exit_code, r.detail)
            await asyncio.sleep(max(0.0, timeout - (time.monotonic() - t)))
            return done("timeout", 0, f"exit status 0, but the host was still up after {timeout:g} s")

        assert step.action == "sysrq"
        pause = min(LOCKDOWN_SYSRQ_SYNC_PAUSE, timeout / 2)

        def sysrq() -> str:
            note = ""
            try:
                _write_proc(host.sysrq_enable, b"1")
            except OSError as exc:  # the trigger file works for root whatever this says
                note = f"enabling sysrq failed ({exc.strerror}); "
            _write_proc(host.sysrq_trigger, b"s")
            time.sleep(pause)
            _write_proc(host.sysrq_trigger, b"o")
            return note

        try:
            note = await asyncio.wait_for(_in_thread(sysrq), timeout)
        except TimeoutError:
            return done("timeout", None, f"the sysrq writes did not finish within {timeout:g} s")
        except OSError as exc:
            return done("failed", None, f"sysrq: {exc.strerror or exc}")
        await asyncio.sleep(max(0.0, timeout - (time.monotonic() - t)))
        return done("timeout", None, f"{note}sync and power-off requested, but the host was still up after {timeout:g} s")


_PROCESS_LOCKDOWN = LadderRunner()


async def execute(
    ladder: Ladder,
    reason: Reason,
    audit: AuditLog | None,
    *,
    detail: Mapping[str, Any] | None = None,
    allow_destructive: bool = False,
    host: Host | None = None,
) -> LadderReport:
    """Run the lockdown ladder once per process; later calls return the same report.

    ``audit`` may be None (the log could not be opened): the ladder still runs.
    ``detail`` is non-secret context for the lockdown record (peer, state, ...).
    ``allow_destructive`` must be True for luks-suspend, poweroff and sysrq to
    act; the daemon passes True only when not in dry-run mode. Never raises
    for a failing step: see the report.
    """
    return await _PROCESS_LOCKDOWN.execute(
        ladder, reason, audit, detail=detail, allow_destructive=allow_destructive, host=host
    )
