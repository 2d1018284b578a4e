"""The exit statuses of the ``keycrypt`` command and the client daemon: one set, documented in docs/cli.md.

systemd acts on them (the client unit's ``SuccessExitStatus`` and
``FailureAction``), so the daemon and the CLI must never disagree on a number.
"""

from __future__ import annotations

from typing import Final

EXIT_OK: Final = 0
"""Success; for ``client run``: stopped by the operator (SIGTERM/SIGINT) before any lockdown."""
EXIT_FAILURE: Final = 1
"""A runtime failure (the daemon failed, a bug, the ladder raised); systemd's FailureAction takes over."""
EXIT_USAGE: Final = 2
"""A usage or configuration error; the message names the option or config key."""
EXIT_PIN: Final = 3
"""A wrong PIN, a PIN locked out, or a key file that does not open."""
EXIT_LOCKDOWN: Final = 4
"""The lockdown ladder ran (the host should be going down)."""
EXIT_LOCKDOWN_DRY_RUN: Final = 5
"""The lockdown fired in dry-run mode: recorded, the host was left alone."""
EXIT_DRY_RUN: Final = 6
"""``client status``: the client runs in dry-run mode (either switch); the host is NOT protected."""
EXIT_INTERRUPTED: Final = 130
"""Interrupted (Ctrl-C)."""

EXIT_STATUSES: Final = """exit statuses (docs/cli.md):
  0    success (client run: stopped by the operator, no lockdown)
  1    runtime failure: daemon not reachable, I/O error, broken audit chain, stale client status
  2    usage or configuration error (the message names the option or config key)
  3    wrong PIN, PIN locked out, or a key file that does not open
  4    client run/status: the lockdown ladder ran
  5    client run/status: the lockdown fired in dry-run mode
  6    client status: running in dry-run mode, the host is NOT protected
  130  interrupted (Ctrl-C)"""
