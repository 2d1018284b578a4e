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

The package, by job: :mod:`~keycrypt.lockdown.config` (the steps, their
bounds and the ``[lockdown]`` table), :mod:`~keycrypt.lockdown.process` (the
host, bounded commands, threads bridged to the loop),
:mod:`~keycrypt.lockdown.audit_writer` (bounded, ordered audit appends) and
:mod:`~keycrypt.lockdown.ladder` (:class:`LadderRunner`, the reports,
:func:`execute`). The names below are its public interface.

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

from keycrypt.lockdown.config import (
    ACTIONS,
    AUDIT_STEP,
    AUTO,
    DEFAULT_TIMEOUTS,
    DESTRUCTIVE,
    LUKS_UUID_PREFIX,
    SECTION_KEYS,
    STEP_KEYS,
    Action,
    Ladder,
    LadderStep,
    StepStatus,
    default_ladder,
    ladder_from_config,
)
from keycrypt.lockdown.ladder import LadderReport, LadderRunner, StepOutcome, describe, execute, step_volumes
from keycrypt.lockdown.process import Host, luks_mappings

__all__ = [
    "ACTIONS",
    "AUDIT_STEP",
    "AUTO",
    "DEFAULT_TIMEOUTS",
    "DESTRUCTIVE",
    "LUKS_UUID_PREFIX",
    "SECTION_KEYS",
    "STEP_KEYS",
    "Action",
    "Host",
    "Ladder",
    "LadderReport",
    "LadderRunner",
    "LadderStep",
    "StepOutcome",
    "StepStatus",
    "default_ladder",
    "describe",
    "execute",
    "ladder_from_config",
    "luks_mappings",
    "step_volumes",
]
