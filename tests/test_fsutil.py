"""atomic_write_bytes and read_file_limited: modes, cleanup, ordering, and crash safety."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
from pathlib import Path

import pytest

from keycrypt import fsutil
from keycrypt.fsutil import atomic_write_bytes, is_temp_path_for, read_file_limited, temp_path_for

from crashpoints import HOW, OS_EXIT_STATUS, STEPS, STEPS_BEFORE_REPLACE, run_crashing

OLD = b"old content " * 10
NEW = b"NEW CONTENT, longer than the old one " * 10


def mode_of(p: Path) -> int:
    return stat.S_IMODE(os.stat(p).st_mode)


def leftovers(path: Path) -> list[Path]:
    return sorted(p for p in path.parent.iterdir() if p != path)


@pytest.fixture
def umask0():
    """A permissive umask, so that only the code under test can make a file 0600."""
    old = os.umask(0)
    yield
    os.umask(old)


# --------------------------------------------------------------------------- atomic_write_bytes


def test_writes_new_file_mode_0600(tmp_path: Path, umask0: None) -> None:
    path = tmp_path / "k"
    atomic_write_bytes(path, NEW)
    assert path.read_bytes() == NEW
    assert mode_of(path) == 0o600
    assert leftovers(path) == []


def test_replaces_and_ends_0600_even_over_a_0644_file(tmp_path: Path, umask0: None) -> None:
    path = tmp_path / "k"
    path.write_bytes(OLD)
    os.chmod(path, 0o644)
    atomic_write_bytes(path, NEW)
    assert path.read_bytes() == NEW
    assert mode_of(path) == 0o600
    assert leftovers(path) == []


def test_mode_is_exact_despite_a_restrictive_umask(tmp_path: Path) -> None:
    old = os.umask(0o277)
    try:
        atomic_write_bytes(tmp_path / "k", NEW)
    finally:
        os.umask(old)
    assert mode_of(tmp_path / "k") == 0o600


def test_other_mode_is_honoured(tmp_path: Path, umask0: None) -> None:
    atomic_write_bytes(tmp_path / "pub", NEW, mode=0o644)
    assert mode_of(tmp_path / "pub") == 0o644


def test_temp_file_is_created_exclusively_with_final_mode(tmp_path: Path, monkeypatch, umask0: None) -> None:
    seen = []
    real_open = os.open

    def spy(p, flags, mode=0o777, *a, **k):
        if flags & os.O_CREAT:
            seen.append((Path(p), flags, mode))
        return real_open(p, flags, mode, *a, **k)

    monkeypatch.setattr(os, "open", spy)
    path = tmp_path / "k"
    atomic_write_bytes(path, NEW)
    [(tmp, flags, mode)] = seen
    assert flags & os.O_EXCL and flags & os.O_CREAT
    assert mode == 0o600
    assert tmp.parent == path.parent and tmp != path and tmp.name.startswith(".")
    assert is_temp_path_for(tmp, path)


def test_order_fsync_file_then_replace_then_fsync_dir(tmp_path: Path, monkeypatch) -> None:
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        events.append("fsync-dir" if stat.S_ISDIR(os.fstat(fd).st_mode) else "fsync-file")
        return real_fsync(fd)

    def replace(a, b):
        events.append("replace")
        return real_replace(a, b)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    atomic_write_bytes(tmp_path / "k", NEW)
    assert events == ["fsync-file", "replace", "fsync-dir"]


def test_partial_writes_are_completed(tmp_path: Path, monkeypatch) -> None:
    real_write = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real_write(fd, bytes(data[:7])))
    atomic_write_bytes(tmp_path / "k", NEW)
    assert (tmp_path / "k").read_bytes() == NEW


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
def test_failure_keeps_old_file_removes_temp_and_names_path(tmp_path: Path, monkeypatch, failing: str) -> None:
    path = tmp_path / "k"
    path.write_bytes(OLD)

    def boom(*a, **k):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, failing, boom)
    with pytest.raises(OSError) as info:
        atomic_write_bytes(path, NEW)
    monkeypatch.undo()
    assert info.value.filename == str(path)
    assert str(path) in str(info.value) and "while" in str(info.value)
    assert path.read_bytes() == OLD
    assert leftovers(path) == []


def test_verify_failure_keeps_old_file(tmp_path: Path) -> None:
    path = tmp_path / "k"
    path.write_bytes(OLD)
    seen = []

    def verify(tmp: Path) -> None:
        seen.append(tmp.read_bytes())
        assert mode_of(tmp) == 0o600
        raise ValueError("not good enough")

    with pytest.raises(ValueError, match="not good enough"):
        atomic_write_bytes(path, NEW, verify=verify)
    assert seen == [NEW]  # verify saw the complete new content before the rename
    assert path.read_bytes() == OLD
    assert leftovers(path) == []


def test_interrupt_removes_temp(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "k"

    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write_bytes(path, NEW)
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


def test_no_overwrite_refuses_existing(tmp_path: Path) -> None:
    path = tmp_path / "k"
    path.write_bytes(OLD)
    with pytest.raises(FileExistsError) as info:
        atomic_write_bytes(path, NEW, overwrite=False)
    assert info.value.filename == str(path)
    assert path.read_bytes() == OLD
    assert leftovers(path) == []


def test_no_overwrite_creates_new(tmp_path: Path, umask0: None) -> None:
    path = tmp_path / "k"
    atomic_write_bytes(path, NEW, overwrite=False)
    assert path.read_bytes() == NEW and mode_of(path) == 0o600
    assert os.stat(path).st_nlink == 1  # the temporary name is gone
    assert leftovers(path) == []


def test_no_overwrite_refuses_dangling_symlink(tmp_path: Path) -> None:
    path = tmp_path / "k"
    path.symlink_to(tmp_path / "elsewhere")
    with pytest.raises(FileExistsError):
        atomic_write_bytes(path, NEW, overwrite=False)
    assert not (tmp_path / "elsewhere").exists()


@pytest.mark.parametrize("exists", [False, True])
def test_no_overwrite_without_hard_links(tmp_path: Path, monkeypatch, exists: bool) -> None:
    def no_link(*a, **k):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_link)
    path = tmp_path / "k"
    if exists:
        path.write_bytes(OLD)
        with pytest.raises(FileExistsError):
            atomic_write_bytes(path, NEW, overwrite=False)
        assert path.read_bytes() == OLD
    else:
        atomic_write_bytes(path, NEW, overwrite=False)
        assert path.read_bytes() == NEW
    assert leftovers(path) == []


def test_replaces_a_symlink_not_its_target(tmp_path: Path) -> None:
    target = tmp_path / "target"
    target.write_bytes(OLD)
    link = tmp_path / "k"
    link.symlink_to(target)
    atomic_write_bytes(link, NEW)
    assert not link.is_symlink() and link.read_bytes() == NEW
    assert target.read_bytes() == OLD


def test_missing_directory_names_path(tmp_path: Path) -> None:
    path = tmp_path / "no" / "such" / "k"
    with pytest.raises(FileNotFoundError) as info:
        atomic_write_bytes(path, NEW)
    assert info.value.filename == str(path)


@pytest.mark.skipif(os.geteuid() != 0, reason="chown to another user needs root")
def test_owner_is_set(tmp_path: Path) -> None:
    path = tmp_path / "k"
    atomic_write_bytes(path, NEW, owner=(12345, 23456))
    st = os.stat(path)
    assert (st.st_uid, st.st_gid) == (12345, 23456)
    assert mode_of(path) == 0o600


def test_temp_names() -> None:
    a, b = temp_path_for("/d/key"), temp_path_for("/d/key")
    assert a != b and a.parent == Path("/d") and a.name.startswith(".key" + fsutil.TEMP_INFIX)
    assert is_temp_path_for(a, "/d/key")
    assert not is_temp_path_for("/d/key", "/d/key")
    assert not is_temp_path_for(temp_path_for("/d/keyring"), "/d/key")
    assert not is_temp_path_for(temp_path_for("/e/key"), "/d/key")


# --------------------------------------------------------------------------- read_file_limited


def test_read_limited_reads_whole(tmp_path: Path) -> None:
    p = tmp_path / "f"
    p.write_bytes(NEW)
    assert read_file_limited(p, len(NEW)) == NEW


def test_read_limited_refuses_larger(tmp_path: Path) -> None:
    p = tmp_path / "f"
    p.write_bytes(NEW)
    with pytest.raises(OSError) as info:
        read_file_limited(p, len(NEW) - 1)
    assert info.value.errno == errno.EFBIG
    assert info.value.filename == str(p) and str(p) in str(info.value)
    assert f"{len(NEW)} bytes" in str(info.value)


def test_read_limited_refuses_growing_file(tmp_path: Path, monkeypatch) -> None:
    """A file that grows after fstat (st_size looked fine) is still cut off at the limit."""
    p = tmp_path / "f"
    p.write_bytes(NEW)
    real_fstat = os.fstat

    def small_fstat(fd):
        st = real_fstat(fd)
        return os.stat_result((st.st_mode, *st[1:6], 1, *st[7:]))

    monkeypatch.setattr(os, "fstat", small_fstat)
    with pytest.raises(OSError) as info:
        read_file_limited(p, 10)
    assert info.value.errno == errno.EFBIG and info.value.filename == str(p)


@pytest.mark.parametrize("kind", ["dir", "fifo", "device"])
def test_read_limited_refuses_non_regular(tmp_path: Path, kind: str) -> None:
    if kind == "dir":
        p = tmp_path
    elif kind == "fifo":
        p = tmp_path / "fifo"
        os.mkfifo(p)  # opening it for reading without O_NONBLOCK would hang
    else:
        p = Path("/dev/zero")
    with pytest.raises(OSError) as info:
        read_file_limited(p, 1000)
    assert info.value.filename == str(p)


def test_read_limited_missing_names_path(tmp_path: Path) -> None:
    p = tmp_path / "missing"
    with pytest.raises(FileNotFoundError) as info:
        read_file_limited(p, 1000)
    assert info.value.filename == str(p)


# --------------------------------------------------------------------------- crash safety

# The child writes NEW over the file and dies right after the chosen step (tests/crashpoints.py).


def run_child(path: Path, step: str, how: str) -> subprocess.CompletedProcess[bytes]:
    return run_crashing(
        step, how,
        """
        from keycrypt.fsutil import atomic_write_bytes
        atomic_write_bytes(args[0], bytes.fromhex(args[1]))
        """,
        str(path), NEW.hex(),
    )


@pytest.mark.parametrize("how", HOW)
@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize("had_old", [True, False])
def test_crash_leaves_old_or_new_never_neither(tmp_path: Path, step: str, how: str, had_old: bool) -> None:
    path = tmp_path / "key"
    if had_old:
        path.write_bytes(OLD)
    proc = run_child(path, step, how)
    assert proc.returncode == (-signal.SIGKILL if how == "sigkill" else OS_EXIT_STATUS), proc.stderr.decode()

    if step in STEPS_BEFORE_REPLACE:
        if had_old:
            assert path.read_bytes() == OLD
        else:
            assert not path.exists()  # "old" is no file at all; never a partial one
        # the interrupted temporary file is still there, but under a name that is not the key's
        [tmp] = leftovers(path)
        assert is_temp_path_for(tmp, path) and tmp.name.startswith(".")
        assert mode_of(tmp) == 0o600
        assert NEW.startswith(tmp.read_bytes())
    else:
        assert path.read_bytes() == NEW
        assert mode_of(path) == 0o600
        assert leftovers(path) == []
