"""Crash-safe file replacement and bounded reads for small, precious files.

A key file that is half written when the power goes is a keypad that never
opens again. :func:`atomic_write_bytes` therefore never writes in place: the
new content goes to a temporary file in the same directory (same file
system, so the rename is atomic), is fsync'ed, and only then renamed over the
old name; the directory is fsync'ed last so that the rename itself is
durable. At every instant the path names either the complete old file or the
complete new one. A crash can leave a temporary file behind; it is a
dot-file named ``.<name>.tmp-<random>`` and is never read in place of the
real name.

Errors are ``OSError`` subclasses whose ``filename`` is the target path and
whose message says which step failed.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path

StrPath = str | os.PathLike[str]

TEMP_INFIX = ".tmp-"
"""Temporary files are named ``.<name>.tmp-<16 hex digits>``."""

# link() is not available everywhere (e.g. vfat, some FUSE file systems);
# these errnos say "this file system cannot", not "the target exists".
_NO_LINK_ERRNOS = frozenset(
    e for e in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS, errno.EMLINK) if e is not None
)


def temp_path_for(path: StrPath) -> Path:
    """A fresh temporary name beside ``path``: hidden, and never equal to ``path``."""
    p = Path(path)
    return p.with_name(f".{p.name}{TEMP_INFIX}{secrets.token_hex(8)}")


def is_temp_path_for(candidate: StrPath, path: StrPath) -> bool:
    """True if ``candidate`` is a (possibly stale) temporary file of a write to ``path``."""
    c, p = Path(candidate), Path(path)
    return c.parent == p.parent and c.name.startswith(f".{p.name}{TEMP_INFIX}")


def _fail(exc: OSError, path: Path, step: str) -> OSError:
    """Re-word an OSError so that it names the target path and the step that failed."""
    reason = exc.strerror or str(exc)
    return type(exc)(exc.errno or 0, f"{reason} (while {step})", str(path))


def fsync_dir(directory: Path) -> None:
    """Make a rename or a new entry in ``directory`` durable (a no-op where the file system cannot)."""
    fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        os.fsync(fd)
    except OSError as exc:
        # Some file systems cannot fsync a directory; there is nothing more to do there.
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP):
            raise
    finally:
        os.close(fd)


def atomic_write_bytes(
    path: StrPath,
    data: bytes,
    *,
    mode: int = 0o600,
    overwrite: bool = True,
    owner: tuple[int, int] | None = None,
    verify: Callable[[Path], None] | None = None,
) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new file, never neither.

    The temporary file is created with ``O_CREAT|O_EXCL`` and ``mode`` from the
    start (then ``fchmod`` so the umask cannot change it), so key material is
    never readable by others, not even for a moment. ``owner=(uid, gid)``
    gives the new file that owner, so that replacing a daemon's key file as
    root does not take it away from the daemon. ``verify``, if given, is
    called with the temporary file's path after it is written and fsync'ed
    and before it takes the real name; if it raises, the old file is left
    untouched. With ``overwrite=False`` an existing ``path`` is never
    replaced (``FileExistsError``), decided atomically by ``link()``.
    The temporary file is removed on any exception.
    """
    target = Path(path)
    directory = target.parent
    tmp = temp_path_for(target)
    fd: int | None = None
    step = "creating the temporary file"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC | os.O_NOFOLLOW, mode)
        step = "setting the file mode"
        os.fchmod(fd, mode)
        if owner is not None:
            step = "setting the file owner"
            st = os.fstat(fd)
            if (st.st_uid, st.st_gid) != owner:
                os.fchown(fd, *owner)
        step = "writing"
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        step = "flushing the file to disk (fsync)"
        os.fsync(fd)
        step = "closing the temporary file"
        os.close(fd)
        fd = None
        if verify is not None:
            step = "verifying the new file"
            verify(tmp)
        if overwrite:
            step = "renaming the temporary file over the target"
            os.replace(tmp, target)
        else:
            step = "linking the new file to its name"
            _link_no_clobber(tmp, target)
    except OSError as exc:
        _discard(fd, tmp)
        if isinstance(exc, FileExistsError) and not overwrite:
            raise FileExistsError(errno.EEXIST, "exists; refusing to replace it", str(target)) from None
        raise _fail(exc, target, step) from exc
    except BaseException:
        _discard(fd, tmp)
        raise
    try:
        fsync_dir(directory)
    except OSError as exc:
        # The new file is in place; only the durability of the rename is in doubt.
        raise _fail(exc, target, "flushing the directory to disk (fsync)") from exc


def _link_no_clobber(tmp: Path, target: Path) -> None:
    """Give ``tmp`` the name ``target`` unless ``target`` exists (then FileExistsError)."""
    try:
        os.link(tmp, target, follow_symlinks=False)
    except OSError as exc:
        if exc.errno not in _NO_LINK_ERRNOS:
            raise
        # No hard links here: check then rename. A writer racing us in the
        # gap could be replaced; acceptable on file systems without link().
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, "exists", str(target)) from None
        os.replace(tmp, target)
        return
    os.unlink(tmp)


def _discard(fd: int | None, tmp: Path) -> None:
    if fd is not None:
        try:
            os.close(fd)
        except OSError:
            pass
    try:
        os.unlink(tmp)
    except FileNotFoundError:
        pass
    except OSError:
        pass  # the original error matters more; a stale temp file is harmless


def read_file_limited(path: StrPath, max_bytes: int) -> bytes:
    """Read a small regular file whole, refusing anything larger than ``max_bytes``.

    Key files are a few hundred bytes; a path that points at a huge file, a
    device (``/dev/zero``) or a FIFO is a mistake, and reading it blindly
    would exhaust memory or hang. ``O_NONBLOCK`` keeps a FIFO from blocking
    the open; the size is checked before reading and again while reading,
    in case the file grows.
    """
    p = Path(path)
    try:
        fd = os.open(p, os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK)
    except OSError as exc:
        raise _fail(exc, p, "opening for reading") from exc
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(p))
        if st.st_size > max_bytes:
            raise OSError(errno.EFBIG, f"file is {st.st_size} bytes, more than the {max_bytes}-byte limit", str(p))
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, max_bytes + 1 - total)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                raise OSError(errno.EFBIG, f"file grew past the {max_bytes}-byte limit while being read", str(p))
        return b"".join(chunks)
    except OSError as exc:
        if exc.filename is not None:
            raise
        raise _fail(exc, p, "reading") from exc
    finally:
        os.close(fd)
