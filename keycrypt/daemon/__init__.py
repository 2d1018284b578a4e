"""The reference daemons: asyncio drivers of the sans-IO machines.

* :mod:`keycrypt.daemon.keypad` – the keypad (server), a package split by job: settings, PIN state,
  PIN checks, one module per connection, control-socket commands, the daemon.
* :mod:`keycrypt.daemon.client` – the client: one session per keypad, heartbeats, the lockdown ladder;
  :mod:`keycrypt.daemon.client_settings` builds its settings from a config.
* :mod:`keycrypt.daemon.control` – the keypad's local JSON-lines control socket.
* :mod:`keycrypt.daemon.sdnotify` – READY/WATCHDOG/STATUS to systemd, no dependency.

The daemons carry out the machines' actions and nothing else decides: a
daemon never changes a session's state on its own.
"""

from __future__ import annotations

import logging

_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"


def setup_logging(level: str = "info") -> None:
    """key=value log lines on stderr (journald adds its own timestamp, ours helps elsewhere)."""
    logging.basicConfig(level=getattr(logging, level.upper(), logging.INFO), format=_FORMAT, force=True)


def kv(**fields: object) -> str:
    """``key=value`` pairs for a log line; values with spaces are quoted. Never pass a secret here."""
    parts = []
    for k, v in fields.items():
        s = "-" if v is None else str(v)
        if not s or any(c in s for c in ' "='):
            s = '"' + s.replace('"', "'") + '"'
        parts.append(f"{k}={s}")
    return " ".join(parts)
