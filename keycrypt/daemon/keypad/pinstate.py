"""The wrong-PIN counts on disk, so that restarting the keypad does not reset the backoff.

One small JSON file in the state directory, replaced atomically. A file that
cannot be read is an error, never a silent reset to zero (fail closed). It holds
the real count and the shown one (spec §9: they differ only after a duress PIN);
a file from before the shown count existed has the real count for both.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from keycrypt.errors import ConfigError, KeystoreError
from keycrypt.fsutil import atomic_write_bytes

PIN_STATE_FILE = "pin_state.json"


@dataclass(frozen=True)
class PinState:
    """The persisted counts; the ``*_until`` are wall-clock seconds (informational: not trusted on restart)."""

    failures: int = 0
    locked_until: float = 0.0
    shown_failures: int = 0
    shown_until: float = 0.0


def load_pin_state(state_dir: Path | None) -> PinState:
    """The counts from the state dir; a damaged file is an error, never a reset."""
    if state_dir is None:
        return PinState()
    path = state_dir / PIN_STATE_FILE
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return PinState()
    except OSError as exc:
        raise KeystoreError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        data = json.loads(raw)
        failures, locked_until = _count(data["failures"]), float(data["locked_until"])
        shown = _count(data.get("shown_failures", failures))
        shown_until = float(data.get("shown_until", locked_until))
        if min(locked_until, shown_until) < 0:
            raise ValueError
    except (ValueError, KeyError, TypeError, AttributeError):
        # Fail closed: a counter we cannot read must not silently become zero.
        raise KeystoreError(f"{path} is damaged; check it, then delete it to reset the wrong-PIN counter") from None
    return PinState(failures, locked_until, shown, shown_until)


def _count(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError
    return value


def save_pin_state(state_dir: Path | None, state: PinState) -> None:
    """Persist the counts (temp file, fsync, rename; mode 0600)."""
    if state_dir is None:
        return
    data = json.dumps(asdict(state)).encode()
    atomic_write_bytes(state_dir / PIN_STATE_FILE, data, mode=0o600)


def prepare_state_dir(state_dir: Path | None) -> None:
    """Create the state directory (0700) if it is missing; ConfigError naming ``keypad.state_dir``."""
    if state_dir is None:
        return
    try:
        state_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"cannot create state dir {state_dir}: {exc.strerror or exc}", key="keypad.state_dir") from None
