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

from keycrypt.logfmt import kv, setup_logging

__all__ = ["kv", "setup_logging"]
