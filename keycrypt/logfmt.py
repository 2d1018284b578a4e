"""The daemons' log lines: one ``key=value`` vocabulary, on stderr, journald-aware.

Under systemd (``JOURNAL_STREAM`` names our stderr) each line starts with a
``<N>`` syslog priority and carries no timestamp: journald stamps it and
files it at the right priority, so a CRITICAL lockdown is not stored as
info. Elsewhere a line is ``time LEVEL logger key=value ...``. Command
output (status tables, fingerprints) goes to stdout; logs never do.
"""

from __future__ import annotations

import logging
import os
import sys

_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"
_JOURNAL_FORMAT = "%(name)s %(message)s"

SYSLOG_PRIORITY = {
    logging.CRITICAL: 2,
    logging.ERROR: 3,
    logging.WARNING: 4,
    logging.INFO: 6,
    logging.DEBUG: 7,
}
"""sd-daemon(3) priorities: crit, err, warning, info, debug."""


class JournalFormatter(logging.Formatter):
    """``<N>logger key=value ...``: sd-daemon(3) priority prefix, no timestamp (journald adds it)."""

    def __init__(self) -> None:
        super().__init__(_JOURNAL_FORMAT)

    def format(self, record: logging.LogRecord) -> str:
        prio = SYSLOG_PRIORITY.get(record.levelno)
        if prio is None:
            prio = next((p for lvl, p in sorted(SYSLOG_PRIORITY.items()) if record.levelno <= lvl), 2)
        # one journal entry per record: a second line would arrive without a priority
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
    """Log to stderr at ``level``: journald's form under systemd, timestamped lines elsewhere."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JournalFormatter() if stderr_is_the_journal() else logging.Formatter(_FORMAT))
    logging.basicConfig(level=getattr(logging, level.upper(), logging.INFO), handlers=[handler], force=True)


def kv(**fields: object) -> str:
    """``key=value`` pairs for a log line; values with spaces are quoted. Never pass a secret here."""
    parts = []
    for k, v in fields.items():
        s = "-" if v is None else str(v)
        if not s or any(c in s for c in ' "=\n'):
            s = '"' + s.replace('"', "'").replace("\n", " ") + '"'
        parts.append(f"{k}={s}")
    return " ".join(parts)
