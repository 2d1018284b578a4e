"""Refuse files that others could have written, before the client runs anything from them as root.

The client runs lockdown hooks (``[[lockdown.steps]]`` commands) as root and
trusts its config, psk and pinned public keys. Whoever can write one of those
files, or replace it through a directory on its path, can make the host run
their command as root or pin their own keypad. Like sshd's ``StrictModes``,
:func:`check_trusted` therefore requires that the file and every directory
above it (of the path as given and of the path a symlink resolves to) belong
to root or to the user running the client, and that neither group nor others
may write them. A directory with the sticky bit (``/tmp``) may be writable by
others: there, only an entry's owner can rename or delete it.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence

from keycrypt.config import ClientFileConfig
from keycrypt.errors import ConfigError

_WRITABLE_BY_OTHERS = stat.S_IWGRP | stat.S_IWOTH


def _chain(path: str) -> Iterator[str]:
    """``path`` and each of its parent directories, up to ``/``."""
    while True:
        yield path
        parent = os.path.dirname(path)
        if parent == path:
            return
        path = parent


def _problem(st: os.stat_result, trusted: frozenset[int], is_dir: bool) -> str | None:
    if st.st_uid not in trusted:
        return f"owned by uid {st.st_uid}, not by root or the user running the client (uid {os.geteuid()})"
    if st.st_mode & _WRITABLE_BY_OTHERS and not (is_dir and st.st_mode & stat.S_ISVTX):
        who = "group and others" if st.st_mode & stat.S_IWOTH and st.st_mode & stat.S_IWGRP else (
            "others" if st.st_mode & stat.S_IWOTH else "its group"
        )
        return f"writable by {who} (mode {stat.S_IMODE(st.st_mode):04o})"
    return None


def check_trusted(path: str | os.PathLike[str], key: str, what: str = "file") -> None:
    """ConfigError naming ``key`` and the offending path unless ``path`` is safe to trust as root."""
    trusted = frozenset({0, os.geteuid()})
    given = os.path.abspath(os.fspath(path))
    real = os.path.realpath(given)
    for chain, look in ((given, os.lstat), (real, os.stat)):
        for i, p in enumerate(_chain(chain)):
            try:
                st = look(p)
            except FileNotFoundError:
                return  # nothing to trust: the reader of the file reports it missing, with its own error
            except OSError as exc:
                raise ConfigError(f"cannot check {what} {given}: {p}: {exc.strerror or exc}", key=key) from None
            if look is os.lstat and stat.S_ISLNK(st.st_mode):
                # A link's own mode is always 0777 and means nothing (/bin -> usr/bin): only the
                # directory holding it can replace it (checked next), and its target is checked
                # in the resolved chain.
                continue
            if i == 0 and not stat.S_ISREG(st.st_mode):
                raise ConfigError(f"{what} {given} is not a regular file", key=key)
            problem = _problem(st, trusted, is_dir=i > 0)
            if problem is not None:
                via = ("its directory" if i else "") if look is os.lstat else ("its target's directory" if i else "its target")
                place = f"{given}: {via} {p}" if via else given
                raise ConfigError(
                    f"refusing {what} {place}: {problem}; whoever can write it could run commands as root "
                    "through the lockdown ladder (fix the owner or mode: chmod go-w)",
                    key=key,
                )


def hook_executables(lockdown: Mapping[str, Any]) -> Iterable[tuple[str, Sequence[str]]]:
    """(config key, argv) of every ``[[lockdown.steps]]`` that executes a program the config names.

    ``lockdown`` is the ``[lockdown]`` table, already accepted by
    :func:`keycrypt.lockdown.ladder_from_config`. The default ladder runs only
    system programs (``systemctl``) and is not checked here.
    """
    steps = lockdown.get("steps") or ()
    for i, step in enumerate(steps):
        argv = step.get("argv")
        if step.get("action") in ("command", "poweroff") and argv:
            yield f"client.lockdown.steps[{i}].argv", argv


def check_client_files(config_path: str | os.PathLike[str] | None, cfg: ClientFileConfig) -> None:
    """Every file the client trusts: its config, psk, pinned public keys and hook executables.

    Call it after :func:`keycrypt.lockdown.ladder_from_config` accepted
    ``cfg.lockdown``. A hook given by name is looked up on PATH, as the ladder
    will; not finding it is refused too, since the ladder would fail at the
    worst moment.
    """
    if config_path is not None:
        check_trusted(config_path, "client (config file)", "config file")
    if cfg.psk_file is not None:
        check_trusted(cfg.psk_file, "client.psk_file", "psk file")
    for i, k in enumerate(cfg.keypads):
        check_trusted(k.pubkey, f"client.keypads[{i}].pubkey", "public key file")
    for key, argv in hook_executables(cfg.lockdown):
        exe = argv[0]
        found = exe if os.sep in exe else shutil.which(exe)
        if found is None:
            raise ConfigError(f"hook executable {exe!r} is not on PATH", key=key)
        check_trusted(Path(found), key, "hook executable")
