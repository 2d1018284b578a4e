"""``keycrypt install-units``: the shipped systemd units, written with the right ``ExecStart=``.

The unit files ship inside the package (``keycrypt/systemd/``) and name
``/usr/bin/keycrypt``; this module replaces that path with the absolute path
of the ``keycrypt`` that runs the command (a venv under ``/opt`` as the docs
install it) and writes them atomically under ``ROOT/etc/systemd/system``.

A path the units cannot reach is refused before anything is written: both
units set ``ProtectHome=`` (``/home``, ``/root`` and ``/run/user`` are hidden
or read-only) and ``PrivateTmp=yes`` (``/tmp`` and ``/var/tmp`` are empty), so
a venv there fails at start, and a client unit that fails powers its host off.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path, PurePosixPath

from keycrypt.errors import ConfigError
from keycrypt.fsutil import atomic_write_bytes

PLACEHOLDER = "/usr/bin/keycrypt"
"""The path the shipped units name; replaced at install time."""
DOC_PLACEHOLDER = "file:///usr/share/doc/keycrypt/units.md"
"""The units' Documentation=; replaced by the units.md installed next to them in the package."""

UNITS = {"client": "keycrypt-client.service", "keypad": "keycrypt-keypad.service"}
UNIT_DIR = PurePosixPath("etc/systemd/system")

HIDDEN_FROM_UNITS = ("/home", "/root", "/run/user", "/tmp", "/var/tmp")
"""Hidden by ProtectHome= / PrivateTmp= in both units: a binary there cannot start."""


def shipped_unit(which: str) -> str:
    """The unit file as shipped (ExecStart names :data:`PLACEHOLDER`)."""
    return resources.files("keycrypt").joinpath("systemd", UNITS[which]).read_text(encoding="utf-8")


def default_binary() -> Path:
    """The ``keycrypt`` entry point next to the running Python (a venv's bin/ or /usr/local/bin)."""
    argv0 = Path(sys.argv[0])
    if argv0.name == "keycrypt" and argv0.is_absolute():
        return argv0
    return Path(sys.executable).with_name("keycrypt")


def check_binary(binary: Path, root: Path = Path("/")) -> Path:
    """Refuse a path the units cannot run (ConfigError naming ``--bin``).

    ``binary`` is the path as the unit names it. It must be a file on this host or
    under ``root`` (a root being prepared for another machine or an image, where
    ``root``/opt/keycrypt/bin/keycrypt is what the unit's /opt/keycrypt/bin/keycrypt
    will be).
    """
    if not binary.is_absolute():
        raise ConfigError(f"{binary}: must be an absolute path", key="--bin")
    text = str(binary)
    if " " in text or "%" in text or "\\" in text:
        raise ConfigError(f"{binary}: a path with spaces, % or \\ cannot go into ExecStart= unquoted", key="--bin")
    for hidden in HIDDEN_FROM_UNITS:
        if text == hidden or text.startswith(hidden + "/"):
            raise ConfigError(
                f"{binary} is under {hidden}, which the units hide (ProtectHome=/PrivateTmp=): "
                "install KeyCrypt in a venv under /opt (docs/deployment.md, Installing)",
                key="--bin",
            )
    if not (binary.is_file() or (root / binary.relative_to("/")).is_file()):
        where = "" if root == Path("/") else f" (nor under --root {root})"
        raise ConfigError(f"{binary}: no such file{where}", key="--bin")
    return binary


def units_doc() -> Path:
    """The units' operator notes, as installed in the package (what Documentation= names)."""
    return Path(str(resources.files("keycrypt").joinpath("systemd", "units.md")))


def render(which: str, binary: Path) -> str:
    """The unit text with ``ExecStart=`` (and every other mention) naming ``binary``, Documentation= a real file."""
    text = shipped_unit(which)
    if f"ExecStart={PLACEHOLDER} " not in text or f"Documentation={DOC_PLACEHOLDER}" not in text:
        raise AssertionError(f"{UNITS[which]}: ExecStart= or Documentation= is not the shipped placeholder")
    return text.replace(PLACEHOLDER, str(binary)).replace(DOC_PLACEHOLDER, units_doc().as_uri())


@dataclass(frozen=True)
class Written:
    which: str
    path: Path


def install(root: Path, which: tuple[str, ...], binary: Path, *, force: bool = False) -> list[Written]:
    """Write the units under ``root``/etc/systemd/system; an existing, different file needs ``force``."""
    binary = check_binary(binary, root)
    texts = {w: render(w, binary) for w in which}
    target_dir = root / UNIT_DIR
    written: list[Written] = []
    for w in which:  # check every target before writing any
        path = target_dir / UNITS[w]
        if path.exists() and not force and path.read_text(encoding="utf-8", errors="replace") != texts[w]:
            raise ConfigError(f"{path} exists and differs; --force replaces it", key="--root")
    target_dir.mkdir(parents=True, exist_ok=True)
    for w in which:
        path = target_dir / UNITS[w]
        atomic_write_bytes(path, texts[w].encode(), mode=0o644, overwrite=True)
        written.append(Written(w, path))
    return written
