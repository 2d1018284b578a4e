"""Kill a child process at a chosen step of an atomic file replacement (temp file, fsync, rename).

The child wraps the ``os`` functions that ``keycrypt.fsutil.atomic_write_bytes``
calls and dies (SIGKILL, or ``os._exit`` which runs no cleanup at all) right
after the chosen step. It exits 77 for ``os_exit``; exiting 0 means the step was
never reached, which a test must treat as a failure of the test itself.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import keycrypt

REPO_ROOT = Path(keycrypt.__file__).resolve().parent.parent

STEPS_BEFORE_REPLACE = ["after_create", "during_write", "after_write", "after_fsync"]
STEPS_AFTER_REPLACE = ["after_replace", "after_dir_fsync"]
STEPS = STEPS_BEFORE_REPLACE + STEPS_AFTER_REPLACE
HOW = ["sigkill", "os_exit"]
OS_EXIT_STATUS = 77

_PRELUDE = textwrap.dedent(
    """
    import os, signal, stat, sys
    step, how = sys.argv[1:3]
    args = sys.argv[3:]

    def die():
        if how == "sigkill":
            os.kill(os.getpid(), signal.SIGKILL)
        os._exit(77)

    real_open, real_write, real_fsync, real_replace = os.open, os.write, os.fsync, os.replace

    def open_(p, flags, *a, **k):
        fd = real_open(p, flags, *a, **k)
        if step == "after_create" and flags & os.O_CREAT:
            die()
        return fd

    def write(fd, data):
        if step == "during_write":
            real_write(fd, bytes(data[: len(data) // 2]))
            die()
        n = real_write(fd, data)
        if step == "after_write":
            die()
        return n

    def fsync(fd):
        real_fsync(fd)
        is_dir = stat.S_ISDIR(os.fstat(fd).st_mode)
        if (step == "after_fsync" and not is_dir) or (step == "after_dir_fsync" and is_dir):
            die()

    def replace(a, b):
        real_replace(a, b)
        if step == "after_replace":
            die()

    os.open, os.write, os.fsync, os.replace = open_, write, fsync, replace
    """
)


def run_crashing(step: str, how: str, body: str, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    """Run ``body`` (Python, with ``args`` as its list of strings) in a child that dies at ``step``."""
    assert step in STEPS and how in HOW
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])))
    script = _PRELUDE + textwrap.dedent(body) + "\nsys.exit(0)\n"
    return subprocess.run([sys.executable, "-c", script, step, how, *args], env=env, capture_output=True, timeout=timeout)
