"""The audit log: chain, tamper detection naming the line, torn tails, mode, fsync, crashes."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from datetime import datetime
from pathlib import Path

import pytest

from keycrypt import audit
from keycrypt.audit import GENESIS, AuditLog, canonical, record_hash, verify
from keycrypt.errors import AuditError, Reason

REPO = Path(__file__).resolve().parent.parent


def make_log(path: Path, n: int) -> list[dict]:
    with AuditLog(path) as a:
        return [a.append("test", Reason.DEADLINE if i % 2 else None, i=i, peer="10.0.0.7:7447") for i in range(n)]


def lines_of(path: Path) -> list[bytes]:
    return path.read_bytes().splitlines(keepends=True)


# ------------------------------------------------------------------ the chain


def test_chain_of_n_records_verifies(tmp_path: Path) -> None:
    p = tmp_path / "audit.log"
    recs = make_log(p, 50)
    res = verify(p)
    assert res.ok and res.records == 50 and res.error is None and res.line is None and not res.torn_tail
    assert res.head == recs[-1]["hash"]
    prev = GENESIS
    for lineno, raw in enumerate(lines_of(p), 1):
        rec = json.loads(raw)
        assert rec["seq"] == lineno
        assert rec["prev"] == prev
        assert rec["hash"] == hashlib.sha256(canonical({k: v for k, v in rec.items() if k != "hash"})).hexdigest()
        assert raw == canonical(rec) + b"\n"
        assert rec["time"].endswith("Z") and datetime.fromisoformat(rec["time"].replace("Z", "+00:00")).utcoffset().total_seconds() == 0
        prev = rec["hash"]
    assert json.loads(lines_of(p)[1])["reason"] == "deadline"
    assert json.loads(lines_of(p)[0])["reason"] is None


def test_reopen_continues_the_chain(tmp_path: Path) -> None:
    p = tmp_path / "audit.log"
    first = make_log(p, 3)
    with AuditLog(p) as a:
        assert a.next_seq == 4 and a.head == first[-1]["hash"]
        rec = a.append("more")
    assert rec["seq"] == 4 and rec["prev"] == first[-1]["hash"]
    assert verify(p).ok and verify(p).records == 4


def test_empty_and_missing_files(tmp_path: Path) -> None:
    p = tmp_path / "audit.log"
    p.write_bytes(b"")
    assert verify(p) == audit.VerifyResult(True, 0, None, None, False, GENESIS)
    res = verify(tmp_path / "nope.log")
    assert not res.ok and "cannot read" in res.error


# ------------------------------------------------------------------ tampering names the line


def line_of_offset(data: bytes, offset: int) -> int:
    return data[:offset].count(b"\n") + 1


# one mask in the fast run; the others flip other bits of every byte again (3 s each), in the slow one
@pytest.mark.parametrize("mask", [0x01, pytest.param(0x20, marks=pytest.mark.slow), pytest.param(0x80, marks=pytest.mark.slow)])
def test_flipping_any_byte_is_found_on_its_line(tmp_path: Path, mask: int) -> None:
    p = tmp_path / "audit.log"
    make_log(p, 4)
    data = p.read_bytes()
    q = tmp_path / "tampered.log"
    for off in range(len(data)):
        bad = bytearray(data)
        bad[off] ^= mask
        q.write_bytes(bad)
        res = verify(q)
        if off == len(data) - 1:  # the final newline: the file now ends without one, i.e. a torn tail
            assert res.ok and res.torn_tail and res.line == 4 and res.records == 3, (off, res)
            continue
        assert not res.ok and not res.torn_tail, (off, res)
        assert res.line == line_of_offset(data, off), (off, res)
        assert res.error


def test_deleting_a_line_is_found(tmp_path: Path) -> None:
    p = tmp_path / "audit.log"
    recs = make_log(p, 6)
    lines = lines_of(p)
    q = tmp_path / "t.log"
    for k in range(5):  # every line but the last
        q.write_bytes(b"".join(lines[:k] + lines[k + 1 :]))
        res = verify(q)
        assert not res.ok and res.line == k + 1 and res.records == k
        assert ("seq" in res.error) or ("prev" in res.error)
    # The documented limit of an unanchored chain: a log cut short verifies,
    # but its head is no longer the head an operator kept elsewhere.
    q.write_bytes(b"".join(lines[:-1]))
    res = verify(q)
    assert res.ok and res.records == 5 and res.head != recs[-1]["hash"]


def test_reordering_is_found(tmp_path: Path) -> None:
    p = tmp_path / "audit.log"
    make_log(p, 6)
    lines = lines_of(p)
    q = tmp_path / "t.log"
    for k in range(5):
        swapped = list(lines)
        swapped[k], swapped[k + 1] = swapped[k + 1], swapped[k]
        q.write_bytes(b"".join(swapped))
        res = verify(q)
        assert not res.ok and res.line == k + 1 and "seq" in res.error


def test_inserting_a_copy_is_found(tmp_path: Path) -> None:
    p = tmp_path / "audit.log"
    make_log(p, 4)
    lines = lines_of(p)
    q = tmp_path / "t.log"
    q.write_bytes(b"".join(lines[:2] + [lines[1]] + lines[2:]))
    res = verify(q)
    assert not res.ok and res.line == 3


def test_editing_a_hash_is_found(tmp_path: Path) -> None:
    p = tmp_path / "audit.log"
    make_log(p, 5)
    lines = lines_of(p)
    q = tmp_path / "t.log"
    for k in range(5):
        rec = json.loads(lines[k])
        rec["hash"] = hashlib.sha256(b"forged").hexdigest()
        edited = list(lines)
        edited[k] = canonical(rec) + b"\n"
        q.write_bytes(b"".join(edited))
        res = verify(q)
        assert not res.ok and res.line == k + 1 and "hash" in res.error


def test_editing_a_record_and_recomputing_its_hash_breaks_the_next_link(tmp_path: Path) -> None:
    p = tmp_path / "audit.log"
    make_log(p, 5)
    lines = lines_of(p)
    rec = json.loads(lines[1])
    rec["reason"] = "stopped"
    rec["hash"] = record_hash(rec)
    lines[1] = canonical(rec) + b"\n"
    q = tmp_path / "t.log"
    q.write_bytes(b"".join(lines))
    res = verify(q)
    assert not res.ok and res.line == 3 and "prev" in res.error


def test_non_canonical_but_equal_json_is_found(tmp_path: Path) -> None:
    p = tmp_path / "audit.log"
    make_log(p, 3)
    lines = lines_of(p)
    rec = json.loads(lines[1])
    lines[1] = json.dumps(rec).encode() + b"\n"  # same content, with spaces
    q = tmp_path / "t.log"
    q.write_bytes(b"".join(lines))
    res = verify(q)
    assert not res.ok and res.line == 2 and "canonical" in res.error


def test_extra_field_is_found(tmp_path: Path) -> None:
    p = tmp_path / "audit.log"
    make_log(p, 3)
    lines = lines_of(p)
    rec = json.loads(lines[2])
    rec["note"] = "x"
    rec["hash"] = record_hash(rec)
    lines[2] = canonical(rec) + b"\n"
    q = tmp_path / "t.log"
    q.write_bytes(b"".join(lines))
    res = verify(q)
    assert not res.ok and res.line == 3 and "unexpected" in res.error


# ------------------------------------------------------------------ torn tails


@pytest.mark.parametrize(
    "tail",
    [b'{"detail":{"i":9},"ev', b"\0" * 4096, b"{}", b"x"],
    ids=["partial-record", "zero-filled-block", "short-json", "one-byte"],
)
def test_torn_tail_is_reported_then_dropped_with_a_record(tmp_path: Path, tail: bytes) -> None:
    p = tmp_path / "audit.log"
    recs = make_log(p, 3)
    intact = p.read_bytes()
    with open(p, "ab") as f:
        f.write(tail)
    res = verify(p)
    assert res.ok and res.torn_tail and res.line == 4 and res.records == 3 and res.head == recs[-1]["hash"]

    with AuditLog(p) as a:
        rec = a.recovered
        assert rec is not None and rec["event"] == "audit_recovered" and rec["seq"] == 4
        assert rec["prev"] == recs[-1]["hash"]
        assert rec["detail"]["dropped_bytes"] == len(tail)
        assert rec["detail"]["dropped_offset"] == len(intact)
        assert rec["detail"]["dropped_sha256"] == hashlib.sha256(tail).hexdigest()
        after = a.append("after")
        assert after["seq"] == 5
    assert p.read_bytes().startswith(intact)
    res = verify(p)
    assert res.ok and not res.torn_tail and res.records == 5
    rest = p.read_bytes()[len(intact) :].splitlines()  # the torn bytes are gone: only the two new records follow
    assert [json.loads(r)["event"] for r in rest] == ["audit_recovered", "after"]


def test_a_log_that_is_only_a_torn_line(tmp_path: Path) -> None:
    p = tmp_path / "audit.log"
    p.write_bytes(b'{"seq":1,"ti')
    os.chmod(p, 0o600)
    assert verify(p).torn_tail and verify(p).records == 0
    with AuditLog(p) as a:
        assert a.recovered["seq"] == 1 and a.recovered["prev"] == GENESIS
    assert verify(p).ok and verify(p).records == 1


def test_a_clean_open_appends_no_recovery_record(tmp_path: Path) -> None:
    p = tmp_path / "audit.log"
    make_log(p, 2)
    before = p.read_bytes()
    with AuditLog(p) as a:
        assert a.recovered is None
    assert p.read_bytes() == before


def test_a_corrupt_last_record_is_refused_not_repaired(tmp_path: Path) -> None:
    p = tmp_path / "audit.log"
    make_log(p, 3)
    lines = lines_of(p)
    lines[-1] = lines[-1].replace(b'"event":"test"', b'"event":"tesT"')
    p.write_bytes(b"".join(lines))
    before = p.read_bytes()
    res = verify(p)
    assert not res.ok and res.line == 3 and not res.torn_tail
    with pytest.raises(AuditError, match="corrupt"):
        AuditLog(p)
    assert p.read_bytes() == before  # nothing dropped, nothing appended


# ------------------------------------------------------------------ file handling


@pytest.mark.parametrize("umask", [0o000, 0o022, 0o277])
def test_created_with_mode_0600_whatever_the_umask(tmp_path: Path, umask: int) -> None:
    p = tmp_path / "audit.log"
    old = os.umask(umask)
    try:
        make_log(p, 1)
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(p).st_mode) == 0o600


def test_a_wider_mode_is_tightened(tmp_path: Path) -> None:
    p = tmp_path / "audit.log"
    make_log(p, 1)
    os.chmod(p, 0o644)
    AuditLog(p).close()
    assert stat.S_IMODE(os.stat(p).st_mode) == 0o600


def test_every_append_is_fsynced_after_its_write_and_the_directory_on_creation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fsync = os.fsync
    calls: list[tuple[str, int]] = []  # (kind, size of the log at fsync time)
    p = tmp_path / "audit.log"

    def counting_fsync(fd: int) -> None:
        st = os.fstat(fd)
        kind = "dir" if stat.S_ISDIR(st.st_mode) else ("log" if p.exists() and st.st_ino == os.stat(p).st_ino else "other")
        calls.append((kind, st.st_size))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", counting_fsync)
    a = AuditLog(p)
    assert ("dir", calls[0][1]) == calls[0] and [c[0] for c in calls] == ["dir"]
    sizes = []
    for i in range(5):
        a.append("e", None, i=i)
        sizes.append(p.stat().st_size)
    a.close()
    log_calls = [c for c in calls if c[0] == "log"]
    assert len(log_calls) == 5
    assert [c[1] for c in log_calls] == sizes  # each fsync came after its record's write
    calls.clear()
    AuditLog(p).close()  # reopening an existing, intact log syncs nothing
    assert calls == []


def test_single_writer(tmp_path: Path) -> None:
    p = tmp_path / "audit.log"
    with AuditLog(p):
        with pytest.raises(AuditError, match="another writer"):
            AuditLog(p)
    AuditLog(p).close()


def test_symlink_refused(tmp_path: Path) -> None:
    target = tmp_path / "target.log"
    make_log(target, 1)
    link = tmp_path / "audit.log"
    link.symlink_to(target)
    with pytest.raises(AuditError, match="symbolic link"):
        AuditLog(link)


def test_missing_directory_is_an_audit_error(tmp_path: Path) -> None:
    with pytest.raises(AuditError, match="cannot open"):
        AuditLog(tmp_path / "no" / "audit.log")


def test_secrets_and_bad_names_refused_and_nothing_written(tmp_path: Path) -> None:
    p = tmp_path / "audit.log"
    with AuditLog(p) as a:
        with pytest.raises(AuditError, match="bytes"):
            a.append("lockdown", None, key=b"\x01" * 32)
        with pytest.raises(AuditError, match="bytes"):
            a.append("lockdown", None, nested={"psk": bytearray(32)})
        with pytest.raises(AuditError, match="event"):
            a.append("Lock down!")
        with pytest.raises(AuditError, match="JSON"):
            a.append("x", None, v=float("nan"))
        with pytest.raises(AuditError, match="exceeds"):
            a.append("x", None, blob="a" * 70000)
        rec = a.append("ok", Reason.BREACH, path=tmp_path, reason_enum=Reason.EOF, pair=(1, 2))
    assert rec["seq"] == 1 and rec["reason"] == "breach"
    assert rec["detail"] == {"path": str(tmp_path), "reason_enum": "eof", "pair": [1, 2]}
    assert verify(p).ok and verify(p).records == 1


def test_a_failed_write_is_cut_back_and_the_chain_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "audit.log"
    a = AuditLog(p)
    a.append("one")
    real_write = os.write

    def half_write(fd: int, data: bytes) -> int:
        if fd == a._fd:
            real_write(fd, data[: len(data) // 2])
            raise OSError(28, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", half_write)
    with pytest.raises(AuditError, match="No space"):
        a.append("two")
    monkeypatch.setattr(os, "write", real_write)
    assert verify(p).ok and not verify(p).torn_tail and verify(p).records == 1
    assert a.append("three")["seq"] == 2
    a.close()
    assert verify(p).ok and verify(p).records == 2


def test_a_failed_fsync_is_reported_but_the_record_stays_chained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "audit.log"
    a = AuditLog(p)

    def failing_fsync(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(AuditError, match="may not be durable"):
        a.append("one")
    monkeypatch.undo()
    assert a.append("two")["seq"] == 2
    a.close()
    assert verify(p).ok and verify(p).records == 2


def test_a_log_changed_under_its_writer_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "audit.log"
    a = AuditLog(p)
    a.append("one")
    with open(p, "ab") as f:  # a writer that ignores the lock
        f.write(b"junk\n")
    with pytest.raises(AuditError, match="changed under its writer"):
        a.append("two")
    a.close()


def test_closed_log_refuses_appends(tmp_path: Path) -> None:
    a = AuditLog(tmp_path / "audit.log")
    a.close()
    a.close()
    assert a.closed
    with pytest.raises(AuditError, match="closed"):
        a.append("x")


# ------------------------------------------------------------------ crashes


CHILD = textwrap.dedent(
    """
    import sys
    from keycrypt.audit import AuditLog
    a = AuditLog(sys.argv[1])
    i = 0
    while True:
        a.append("spin", "deadline", i=i, pad="p" * (i % 700))
        i += 1
    """
)


@pytest.mark.parametrize("round_", range(3))
def test_sigkill_in_a_tight_append_loop_leaves_a_log_that_verifies(tmp_path: Path, round_: int) -> None:
    p = tmp_path / "audit.log"
    if round_:
        make_log(p, round_)  # also start from a non-empty log
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(p)], env=env, cwd=REPO)
    try:
        deadline = time.monotonic() + 20
        target = 40 + 37 * round_
        while time.monotonic() < deadline:
            if p.exists() and p.read_bytes().count(b"\n") >= target:
                break
            assert child.poll() is None, "the appending child died on its own"
            time.sleep(0.005)
        else:
            pytest.fail("the child did not append enough records")
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    res = verify(p)
    assert res.ok, res
    assert res.records >= target
    n = res.records
    with AuditLog(p) as a:  # the next open repairs a torn tail, if the kill left one
        assert (a.recovered is not None) == res.torn_tail
        a.append("after_crash")
    res2 = verify(p)
    assert res2.ok and not res2.torn_tail and res2.records == n + 1 + int(res.torn_tail)


# ------------------------------------------------------------------ command line


def test_command_line_verify(tmp_path: Path) -> None:
    p = tmp_path / "audit.log"
    make_log(p, 4)
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    ok = subprocess.run([sys.executable, "-m", "keycrypt.audit", "verify", str(p)], capture_output=True, text=True, env=env)
    assert ok.returncode == 0 and ok.stdout.startswith("OK: 4 records") and ok.stdout.count("\n") == 1
    lines = lines_of(p)
    lines[2] = lines[2].replace(b'"i":2', b'"i":3')
    p.write_bytes(b"".join(lines))
    bad = subprocess.run([sys.executable, "-m", "keycrypt.audit", "verify", str(p)], capture_output=True, text=True, env=env)
    assert bad.returncode == 1 and bad.stdout.startswith("FAIL: line 3: hash")


def test_main_function(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "audit.log"
    make_log(p, 2)
    assert audit.main(["verify", str(p)]) == 0
    assert "OK: 2 records" in capsys.readouterr().out
    assert audit.main(["verify", str(tmp_path / "missing")]) == 1
    assert capsys.readouterr().out.startswith("FAIL: cannot read")
