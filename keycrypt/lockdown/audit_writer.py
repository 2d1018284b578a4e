"""The ladder's audit writer: bounded, ordered appends to the audit log from one worker thread.

Once one write has not finished within the audit timeout the log is treated as
stalled and later records are queued without being waited for: a lockdown is
never held up by the disk.
"""

from __future__ import annotations

import asyncio
import queue
import threading
from typing import Any

from keycrypt.audit import AuditLog
from keycrypt.lockdown.process import settle


class AuditWriter:
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
                    loop.call_soon_threadsafe(settle, fut, ok, value)
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

