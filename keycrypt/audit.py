"""The audit log: append-only, fsync'ed, hash-chained JSON Lines.

Every lockdown, every step of the ladder and every recovery of the log itself
is one line::

    {"detail":{...},"event":"lockdown","hash":"<64 hex>","prev":"<64 hex>",
     "reason":"deadline","seq":1,"time":"2026-11-23T03:14:52.123456Z"}

* ``seq`` counts from 1, so in an intact log it equals the line number;
* ``time`` is the UTC wall clock (ISO 8601, microseconds, ``Z``); it is
  recorded, not trusted: wall clocks step, so verification never orders by it;
* ``reason`` is a :class:`~keycrypt.errors.Reason` value or null;
* ``prev`` is the ``hash`` of the previous record, 64 zeros for the first;
* ``hash`` is SHA-256 over the canonical JSON (``sort_keys``, separators
  ``(",", ":")``, ``ensure_ascii``) of the record without ``hash``;
* the line itself is the canonical JSON of the whole record, so any byte that
  changes the record's meaning breaks its hash, and any byte that does not
  (spacing, escapes, key order) breaks its canonical form.

**Writing.** :class:`AuditLog` holds the file open (``O_APPEND``, mode 0600,
no symlinks, an exclusive ``flock`` so that one writer owns the chain) and
writes each record with one ``os.write`` of the whole line followed by
``os.fsync``; the directory is fsync'ed when the file is created. A write that
fails half way is cut back off the file so the chain never holds a partial
line in the middle.

**Crashes.** A crash (power loss, SIGKILL) in the middle of an append can
leave a torn final line: bytes without a trailing newline (a partial write,
or the zeros a file system shows for blocks that were allocated but never
written). Opening the log truncates that final fragment away and appends an
``audit_recovered`` record that names the offset, length and SHA-256 of what
was dropped -- never silently. Only the unterminated final fragment counts as
torn: a newline-terminated line that is not a valid record is corruption or
tampering, and :class:`AuditLog` refuses to open on it (fail closed; run
``keycrypt audit verify`` and move the file aside).

**What the chain proves.** :func:`verify` finds any edit, insertion, deletion
or reordering of records *before the last one*, naming the line. Like every
unanchored hash chain it cannot tell a log that was cut short (or rewritten
from some record onwards, hashes and all) from an honest shorter one: keep a
copy of the head hash somewhere else (``verify`` prints it) to detect that.

**No secrets.** Callers pass only non-secret detail: reason codes, peer
addresses, step names, exit codes, durations. Never a key, PIN, psk, seed,
shared secret or tag. As a guard, ``bytes``-like values (the form every key
takes in this code base) are refused with :class:`~keycrypt.errors.AuditError`.

**Bounding.** ``append`` is blocking I/O on a disk that may hang (a suspended
LUKS volume, a dying disk); the lockdown ladder calls it from a daemon thread
under a timeout, so a lockdown is never held up by the disk.
"""

from __future__ import annotations

import argparse
import errno
import fcntl
import hashlib
import json
import logging
import os
import re
import stat
import sys
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path
from typing import Any

from keycrypt.constants import AUDIT_RECORD_MAX
from keycrypt.errors import AuditError
from keycrypt.fsutil import fsync_dir

log = logging.getLogger(__name__)

StrPath = str | os.PathLike[str]

GENESIS = "0" * 64
"""The ``prev`` of the first record."""

FIELDS = frozenset({"seq", "time", "event", "reason", "detail", "prev", "hash"})
EVENT_RE = re.compile(r"[a-z][a-z0-9_.-]{0,63}")
_HEX64_RE = re.compile(r"[0-9a-f]{64}")
_TAIL_CHUNK = 65536


# ---------------------------------------------------------------- the record format


def canonical(obj: Any) -> bytes:
    """The canonical JSON bytes that hashes are taken over and lines are written in."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True, allow_nan=False).encode("ascii")


def record_hash(record: dict[str, Any]) -> str:
    """Hex SHA-256 of the canonical JSON of ``record`` without its ``hash`` field."""
    body = {k: v for k, v in record.items() if k != "hash"}
    return hashlib.sha256(canonical(body)).hexdigest()


def _utc_now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _to_json(value: Any) -> Any:
    """``default=`` hook: enums by value, paths and other objects as text, bytes refused."""
    if isinstance(value, bytes | bytearray | memoryview):
        raise AuditError("refusing bytes in audit detail: audit records never carry keys or other secrets")
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    return str(value)


def normalise_detail(detail: dict[str, Any]) -> dict[str, Any]:
    """Round-trip ``detail`` through JSON so the stored record hashes exactly as it will be read back."""
    try:
        text = json.dumps(detail, default=_to_json, ensure_ascii=True, allow_nan=False)
    except AuditError:
        raise
    except (TypeError, ValueError) as exc:
        raise AuditError(f"audit detail is not JSON: {exc}") from None
    out = json.loads(text)
    assert isinstance(out, dict)
    return out


def check_record(rec: Any, raw: bytes | None = None) -> str | None:
    """What is wrong with one record on its own (fields, types, hash, canonical form), or None.

    ``raw`` is the line without its newline; when given it must be the
    record's canonical form. Links (``seq``, ``prev``) are checked by the caller.
    """
    if not isinstance(rec, dict):
        return "not a JSON object"
    keys = set(rec)
    if keys != FIELDS:
        missing, extra = sorted(FIELDS - keys), sorted(keys - FIELDS)
        return "fields " + "; ".join(
            part for part in (f"missing {missing}" if missing else "", f"unexpected {extra}" if extra else "") if part
        )
    seq = rec["seq"]
    if type(seq) is not int or seq < 1:
        return f"seq {seq!r} is not a positive integer"
    if not isinstance(rec["time"], str):
        return "time is not a string"
    try:
        datetime.fromisoformat(rec["time"].replace("Z", "+00:00"))
    except ValueError:
        return f"time {rec['time']!r} is not ISO 8601"
    if not isinstance(rec["event"], str) or not EVENT_RE.fullmatch(rec["event"]):
        return f"event {rec['event']!r} is not a valid event name"
    if rec["reason"] is not None and not isinstance(rec["reason"], str):
        return "reason is neither a string nor null"
    if not isinstance(rec["detail"], dict):
        return "detail is not an object"
    for name in ("prev", "hash"):
        if not isinstance(rec[name], str) or not _HEX64_RE.fullmatch(rec[name]):
            return f"{name} is not 64 lowercase hex digits"
    try:
        expected = record_hash(rec)
    except ValueError as exc:  # NaN / Infinity smuggled in
        return f"not canonical JSON: {exc}"
    if rec["hash"] != expected:
        return "hash does not match the record's content"
    if raw is not None and raw != canonical(rec):
        return "line is not in canonical form"
    return None


def _parse_line(raw: bytes) -> tuple[Any, str | None]:
    try:
        return json.loads(raw.decode("ascii")), None
    except (UnicodeDecodeError, ValueError) as exc:
        return None, f"not valid JSON ({exc.__class__.__name__})"


# ---------------------------------------------------------------- verification


@dataclass(frozen=True, slots=True)
class VerifyResult:
    """Outcome of :func:`verify`.

    ``ok`` is True when every complete line is a valid record linked to the one
    before it. A torn final line (no trailing newline: a crash mid-write) does
    not make ``ok`` False: ``torn_tail`` is True and ``line`` names it; the next
    :class:`AuditLog` open drops it with an ``audit_recovered`` record. On a
    failure, ``line`` (1-based) and ``error`` say where and what. ``records``
    counts the valid records before the first problem; ``head`` is the hash of
    the last of them (keep it elsewhere to detect a log cut short).
    """

    ok: bool
    records: int
    error: str | None
    line: int | None
    torn_tail: bool
    head: str = GENESIS

    def summary(self) -> str:
        if not self.ok:
            if self.line is None:
                return f"FAIL: {self.error}"
            return f"FAIL: line {self.line}: {self.error} ({self.records} valid records before it)"
        torn = (
            f"; torn final line {self.line} (a crash mid-write; the next open drops it and records that)"
            if self.torn_tail
            else ""
        )
        return f"OK: {self.records} records, chain intact{torn}; head {self.head}"


def _verify_lines(lines: Iterable[bytes]) -> VerifyResult:
    prev, count, lineno = GENESIS, 0, 0
    for lineno, line in enumerate(lines, 1):
        if not line.endswith(b"\n"):
            # Only the last chunk of a file can lack its newline.
            return VerifyResult(True, count, None, lineno, True, prev)
        raw = line[:-1]
        rec, err = _parse_line(raw)
        if err is None:
            err = check_record(rec, raw)
        if err is None and rec["seq"] != count + 1:
            err = f"seq {rec['seq']} where {count + 1} was expected (a record deleted, inserted or moved)"
        if err is None and rec["prev"] != prev:
            err = "prev does not match the hash of the record before it" if count else "prev of the first record is not 64 zeros"
        if err is not None:
            return VerifyResult(False, count, err, lineno, False, prev)
        prev, count = rec["hash"], count + 1
    return VerifyResult(True, count, None, None, False, prev)


def verify(path: StrPath) -> VerifyResult:
    """Check a whole audit log: JSON, fields, seq continuity, prev links, hashes, canonical form."""
    try:
        with open(path, "rb") as f:
            return _verify_lines(f)
    except OSError as exc:
        return VerifyResult(False, 0, f"cannot read {path}: {exc.strerror or exc}", None, False)


# ---------------------------------------------------------------- the writer


def _rfind_newline(fd: int, before: int) -> int:
    """Offset of the last ``\\n`` strictly before ``before``, or -1."""
    end = before
    while end > 0:
        start = max(0, end - _TAIL_CHUNK)
        chunk = os.pread(fd, end - start, start)
        i = chunk.rfind(b"\n")
        if i >= 0:
            return start + i
        end = start
    return -1


def _sha256_range(fd: int, start: int, end: int) -> str:
    h, pos = hashlib.sha256(), start
    while pos < end:
        chunk = os.pread(fd, min(_TAIL_CHUNK, end - pos), pos)
        if not chunk:
            break
        h.update(chunk)
        pos += len(chunk)
    return h.hexdigest()


class AuditLog:
    """The single writer of one audit log file. Use as a context manager or call :meth:`close`.

    Opening reads only the tail (the last record and anything after it), so it
    costs the same for a log of ten records or ten million. Thread-safe:
    appends are serialised by a lock.

    Raises :class:`AuditError` when the file cannot be opened or locked (another
    writer holds it), is not a regular file owned by this user, or ends in a
    record that is corrupt (not a torn write).
    """

    def __init__(self, path: StrPath) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._fd = -1
        self._seq = 1
        self._prev = GENESIS
        self._size = 0
        self.recovered: dict[str, Any] | None = None
        """The ``audit_recovered`` record appended by this open, if a torn tail was dropped."""
        created = False
        flags = os.O_RDWR | os.O_APPEND | os.O_CLOEXEC | os.O_NOFOLLOW
        try:
            try:
                self._fd = os.open(self.path, flags | os.O_CREAT | os.O_EXCL, 0o600)
                created = True
            except FileExistsError:
                self._fd = os.open(self.path, flags)
        except OSError as exc:
            what = "is a symbolic link" if exc.errno == errno.ELOOP else (exc.strerror or str(exc))
            raise AuditError(f"cannot open audit log {self.path}: {what}") from None
        try:
            self._check_and_lock(created)
            if created:
                os.fchmod(self._fd, 0o600)  # exact mode whatever the umask
                fsync_dir(self.path.parent)
            self._load_tail()
        except BaseException:
            os.close(self._fd)
            self._fd = -1
            raise

    # -- opening

    def _check_and_lock(self, created: bool) -> None:
        st = os.fstat(self._fd)
        if not stat.S_ISREG(st.st_mode):
            raise AuditError(f"audit log {self.path} is not a regular file")
        if st.st_uid != os.geteuid():
            raise AuditError(f"audit log {self.path} is owned by uid {st.st_uid}, not by this process (uid {os.geteuid()})")
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN):
                raise AuditError(f"audit log {self.path} is held by another writer") from None
            raise AuditError(f"cannot lock audit log {self.path}: {exc.strerror}") from None
        if not created and st.st_mode & 0o077:
            log.warning("audit log %s had mode %o; tightened to 600", self.path, stat.S_IMODE(st.st_mode))
            os.fchmod(self._fd, 0o600)

    def _load_tail(self) -> None:
        fd = self._fd
        size = os.fstat(fd).st_size
        last_nl = _rfind_newline(fd, size)
        good_end = last_nl + 1  # 0 when there is no complete line
        if good_end > 0:
            start = _rfind_newline(fd, last_nl) + 1
            raw = os.pread(fd, last_nl - start, start)
            rec, err = _parse_line(raw)
            if err is None:
                err = check_record(rec, raw)
            if err is not None:
                raise AuditError(
                    f"audit log {self.path}: the last complete record (bytes {start}..{last_nl}) is corrupt: {err}; "
                    "run 'keycrypt audit verify' and move the file aside"
                )
            self._seq, self._prev = rec["seq"] + 1, rec["hash"]
        self._size = good_end
        if size > good_end:
            self._drop_torn_tail(good_end, size)

    def _drop_torn_tail(self, start: int, end: int) -> None:
        fd = self._fd
        head = os.pread(fd, min(256, end - start), start)
        digest = _sha256_range(fd, start, end)
        os.ftruncate(fd, start)
        os.fsync(fd)
        self.recovered = self.append(
            "audit_recovered",
            None,
            cause="torn final line (a crash in the middle of an append)",
            dropped_offset=start,
            dropped_bytes=end - start,
            dropped_sha256=digest,
            dropped_head=head.decode("utf-8", "backslashreplace"),
        )
        log.warning("audit log %s: dropped a torn final line of %d bytes at offset %d", self.path, end - start, start)

    # -- state

    @property
    def next_seq(self) -> int:
        return self._seq

    @property
    def head(self) -> str:
        """Hash of the last record written (64 zeros for an empty log)."""
        return self._prev

    @property
    def closed(self) -> bool:
        return self._fd < 0

    # -- writing

    def append(self, event: str, reason: str | None = None, **detail: Any) -> dict[str, Any]:
        """Append one record, write it in one ``os.write`` and ``os.fsync`` it; return the record.

        ``detail`` must hold only non-secret, JSON-representable values (enums
        are stored by value, other objects as text, bytes are refused). Raises
        :class:`AuditError`; a record whose write succeeded but whose fsync
        failed is in the file (the chain continues from it) and the error says
        it may not be durable.
        """
        if not isinstance(event, str) or not EVENT_RE.fullmatch(event):
            raise AuditError(f"invalid audit event name {event!r}")
        if reason is not None:
            reason = reason.value if isinstance(reason, Enum) else str(reason)
        body = normalise_detail(detail)
        with self._lock:
            if self._fd < 0:
                raise AuditError(f"audit log {self.path} is closed")
            record: dict[str, Any] = {
                "seq": self._seq,
                "time": _utc_now(),
                "event": event,
                "reason": reason,
                "detail": body,
                "prev": self._prev,
            }
            record["hash"] = record_hash(record)
            line = canonical(record) + b"\n"
            if len(line) > AUDIT_RECORD_MAX:
                raise AuditError(f"audit record of {len(line)} bytes exceeds {AUDIT_RECORD_MAX}")
            self._write_line(line)
            self._seq, self._prev = self._seq + 1, record["hash"]
            self._size += len(line)
            try:
                os.fsync(self._fd)
            except OSError as exc:
                raise AuditError(f"audit record {record['seq']} written but fsync failed, it may not be durable: {exc.strerror}") from None
            return record

    def _write_line(self, line: bytes) -> None:
        fd = self._fd
        size = os.fstat(fd).st_size
        if size != self._size:
            raise AuditError(f"audit log {self.path} changed under its writer: {size} bytes where {self._size} were expected")
        try:
            n = os.write(fd, line)
            if n != len(line):
                raise OSError(errno.EIO, f"short write ({n} of {len(line)} bytes)")
        except OSError as exc:
            # Cut a partial line back off, so the chain never holds one in the middle.
            try:
                os.ftruncate(fd, self._size)
            except OSError as exc2:
                raise AuditError(f"audit write failed ({exc.strerror}) and the partial line could not be removed ({exc2.strerror})") from None
            raise AuditError(f"audit write failed: {exc.strerror}") from None

    def close(self) -> None:
        with self._lock:
            if self._fd >= 0:
                os.close(self._fd)  # releases the flock
                self._fd = -1

    def __enter__(self) -> AuditLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"AuditLog({str(self.path)!r}, next_seq={self._seq})"


def iter_records(path: StrPath) -> Iterator[dict[str, Any]]:
    """The complete records of a log, in order, without checking them (use :func:`verify` for that)."""
    with open(path, "rb") as f:
        for line in f:
            if line.endswith(b"\n"):
                yield json.loads(line)


# ---------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m keycrypt.audit", description="KeyCrypt audit log tools")
    sub = parser.add_subparsers(dest="command", required=True)
    p_verify = sub.add_parser("verify", help="check the hash chain of an audit log; exit 0 when intact")
    p_verify.add_argument("path")
    args = parser.parse_args(argv)
    result = verify(args.path)
    print(result.summary())
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
