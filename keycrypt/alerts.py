"""The keypad's ``[alerts]``: commands run on breach, duress, lock-out and a client gone missing.

Each is an argv (no shell), run like a ladder step: in its own process group,
bounded by ``alerts.timeout`` (then the whole group is killed), its outcome
logged as ``event=alert_ran``. It never holds up the keypad: the command runs
beside the event loop, at most :data:`MAX_RUNNING` at a time (more are
dropped and logged). The event and its details reach the command in its
environment (``KEYCRYPT_ALERT=breach``, ``KEYCRYPT_ALERT_CLIENT_ID=web01``),
never on its command line, and are never secrets (no PIN, no key).
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
from collections.abc import Mapping, Sequence
from typing import Any

from keycrypt.logfmt import kv

log = logging.getLogger("keycrypt.alerts")

EVENTS = ("breach", "duress", "lockout", "client_missing")
"""What can raise an alert; ``[alerts] on_<event>`` names its command."""
MAX_RUNNING = 8
_FIELD = re.compile(r"[^A-Z0-9_]")


class Alerts:
    """Fires the configured commands; an event without a command does nothing."""

    def __init__(self, commands: Mapping[str, Sequence[str] | None], timeout: float) -> None:
        self.commands = {e: tuple(argv) for e, argv in commands.items() if argv}
        self.timeout = timeout
        self.running: set[asyncio.Task[Any]] = set()
        self.fired: list[tuple[str, str]] = []  # (event, status), for status and tests

    def fire(self, event: str, **fields: Any) -> None:
        """Start the event's command, if any, without waiting for it."""
        argv = self.commands.get(event)
        if argv is None:
            return
        if len(self.running) >= MAX_RUNNING:
            log.error("%s", kv(event="alert_dropped", alert=event, running=len(self.running)))
            return
        env = {**os.environ, "KEYCRYPT_ALERT": event}
        for k, v in fields.items():
            env["KEYCRYPT_ALERT_" + _FIELD.sub("_", k.upper())] = "" if v is None else str(v)
        task = asyncio.get_running_loop().create_task(self._run(event, argv, env))
        self.running.add(task)
        task.add_done_callback(self.running.discard)

    async def _run(self, event: str, argv: Sequence[str], env: Mapping[str, str]) -> None:
        from keycrypt.lockdown.process import run_argv  # one way to run a bounded argv, shared with the ladder

        r = await run_argv(argv, self.timeout, env)
        self.fired.append((event, r.status))
        level = logging.INFO if r.status == "ok" else logging.WARNING
        log.log(level, "%s", kv(event="alert_ran", alert=event, status=r.status, exit_code=r.exit_code, detail=r.detail or None))

    async def drain(self, timeout: float) -> None:  # noqa: ASYNC109 - passed to asyncio.wait, which bounds it
        """Wait for running commands (at shutdown), each still bounded by its own timeout."""
        if self.running:
            await asyncio.wait(set(self.running), timeout=timeout)


class MissingWatch:
    """Turns the keypad's list of missing enrolled clients into one alert per client and absence."""

    def __init__(self, alerts: Alerts, after: float) -> None:
        self.alerts, self.after = alerts, after
        self.since: dict[str, float] = {}
        self.alerted: set[str] = set()

    def update(self, missing: Sequence[str], now: float) -> None:
        """``missing`` now (monotonic ``now``): alert once a client has been missing ``after`` seconds."""
        current = set(missing)
        for cid in list(self.since):
            if cid not in current:
                del self.since[cid]
                self.alerted.discard(cid)
        for cid in current:
            start = self.since.setdefault(cid, now)
            if cid not in self.alerted and now - start >= self.after:
                self.alerted.add(cid)
                self.alerts.fire("client_missing", client_id=cid, missing_for=round(now - start, 1))
