"""The daemons' log lines: escaped ``key=value`` pairs on stderr, journald-aware, rate-limited counts.

Values often come from the network (a client_id, a peer's error detail).
A value with a newline or a control character could otherwise write a line
of its own ("x\\nCRITICAL keycrypt.keypad event=alarm"), and one with a space
or ``=`` a field of its own. :func:`escape` is the single place that turns a
value into log text; :func:`kv` uses it for every value, and
:class:`EscapingFormatter` applies it once more to whole messages, so a log
call that forgot :func:`kv` still cannot forge a line.

Under systemd (``JOURNAL_STREAM`` names our stderr) each line starts with a
``<N>`` syslog priority and carries no timestamp: journald stamps it and
files it at the right priority, so a CRITICAL lockdown is not stored as
info. Elsewhere a line is ``time LEVEL logger key=value ...``. Command
output (status tables, fingerprints) goes to stdout; logs never do.

Nothing an unconfirmed peer sends is logged above DEBUG: the keypad counts
such events in a :class:`RateLimitedCounts` and logs the counts at most once
per interval.
"""


from __future__ import annotations

import logging
import os
import sys
import time
from collections import Counter
from typing import Callable

_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"
_JOURNAL_FORMAT = "%(name)s %(message)s"
_QUOTE_IF = frozenset(' "=\\')
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\", '"': '\\"'}


def _escape_char(c: str) -> str:
    short = _SHORT.get(c)
    if short is not None:
        return short
    n = ord(c)
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}" if n < 0x10000 else f"\\U{n:08x}"


def escape(text: str, *, quotes: bool = True) -> str:
    """``text`` with every character that is not printable as ``\\n``, ``\\x1b``, ``\\u2028``...

    Printable is :meth:`str.isprintable`: letters, digits, punctuation, symbols
    and the ASCII space; line and paragraph separators, other spaces, control,
    format, private-use and unassigned characters are escaped, and so are
    backslashes and (``quotes``) double quotes, so the escaping is unambiguous.
    """
    if text.isprintable() and "\\" not in text and (not quotes or '"' not in text):
        return text
    return "".join(c if c.isprintable() and c != "\\" and (not quotes or c != '"') else _escape_char(c) for c in text)


def kv(**fields: object) -> str:
    """``key=value`` pairs for a log line, every value escaped; quoted when it has a space, ``=``, ``"`` or ``\\``.

    Never pass a secret here.
    """
    parts = []
    for k, v in fields.items():
        raw = "-" if v is None else str(v)
        s = escape(raw)
        if not s or s != raw or any(c in _QUOTE_IF for c in s):
            s = f'"{s}"'
        parts.append(f"{k}={s}")
    return " ".join(parts)


class EscapingFormatter(logging.Formatter):
    """Escapes the message of every record (not its traceback), so one record is one line whatever it holds."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 - logging's name
        saved = record.message
        record.message = escape(saved, quotes=False)
        try:
            return super().formatMessage(record)
        finally:
            record.message = saved


SYSLOG_PRIORITY = {
    logging.CRITICAL: 2,
    logging.ERROR: 3,
    logging.WARNING: 4,
    logging.INFO: 6,
    logging.DEBUG: 7,
}
"""sd-daemon(3) priorities: crit, err, warning, info, debug."""


class JournalFormatter(EscapingFormatter):
    """``<N>logger key=value ...``: sd-daemon(3) priority prefix, no timestamp (journald adds it), escaped."""

    def __init__(self) -> None:
        super().__init__(_JOURNAL_FORMAT)

    def format(self, record: logging.LogRecord) -> str:
        prio = SYSLOG_PRIORITY.get(record.levelno)
        if prio is None:
            prio = next((p for lvl, p in sorted(SYSLOG_PRIORITY.items()) if record.levelno <= lvl), 2)
        # one journal entry per record: a second line (a traceback) would arrive without a priority
        return f"<{prio}>" + super().format(record).replace("\n", " | ")


def stderr_is_the_journal(stream: object = None) -> bool:
    """True when JOURNAL_STREAM (``device:inode``) names the file our stderr is (systemd.exec(5))."""
    value = os.environ.get("JOURNAL_STREAM", "")
    dev, _, ino = value.partition(":")
    if not dev.isdigit() or not ino.isdigit():
        return False
    try:
        st = os.fstat((stream or sys.stderr).fileno())  # type: ignore[union-attr]
    except (OSError, AttributeError, ValueError):
        return False
    return (st.st_dev, st.st_ino) == (int(dev), int(ino))


def setup_logging(level: str = "info") -> None:
    """Escaped log lines on stderr at ``level``: journald's form under systemd, timestamped lines elsewhere."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JournalFormatter() if stderr_is_the_journal() else EscapingFormatter(_FORMAT))
    logging.basicConfig(level=getattr(logging, level.upper(), logging.INFO), handlers=[handler], force=True)


class RateLimitedCounts:
    """Counts events by kind and logs the counts at most once per ``interval`` seconds.

    For what unconfirmed peers cause (refused HELLOs, closed half-open
    connections): a flood then costs one log line per interval, and no line
    carries a value the peer chose.
    """

    def __init__(
        self,
        logger: logging.Logger,
        event: str,
        interval: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
        schedule: Callable[[float, Callable[[], None]], object] | None = None,
    ) -> None:
        """``schedule(delay, fn)`` (e.g. ``loop.call_later``) flushes counts left at the end of a burst."""
        self._log = logger
        self._event = event
        self._interval = interval
        self._clock = clock
        self._schedule = schedule
        self._scheduled = False
        self._counts: Counter[str] = Counter()
        self._last = -interval

    def add(self, kind: str) -> None:
        self._counts[kind] += 1
        self.flush(force=False)
        if self._counts and self._schedule is not None and not self._scheduled:
            self._scheduled = True
            self._schedule(max(0.0, self._last + self._interval - self._clock()), self._timed_flush)

    def _timed_flush(self) -> None:
        self._scheduled = False
        self.flush()

    def flush(self, *, force: bool = True) -> None:
        now = self._clock()
        if not self._counts or (not force and now - self._last < self._interval):
            return
        self._last = now
        fields = {k.replace(" ", "_"): n for k, n in sorted(self._counts.items())}
        self._counts.clear()
        self._log.info("%s", kv(event=self._event, **fields))

    @property
    def pending(self) -> dict[str, int]:
        return dict(self._counts)
