"""The wrong-PIN counter on disk, so that restarting the keypad does not reset the backoff.

One small JSON file in the state directory, replaced atomically. A file that
cannot be read is an error, never a silent reset to zero (fail closed).
"""

from __future__ import annotations

import json
from pathlib import Path

from keycrypt.errors import ConfigError, KeystoreError
from keycrypt.fsutil import atomic_write_bytes

PIN_STATE_FILE = "pin_state.json"


def load_pin_state(state_dir: Path | None) -> tuple[int, float]:
    """(failures, locked_until) from the state dir; a damaged file is an error, never a reset."""
    if state_dir is None:
        return 0, 0.0
    path = state_dir / PIN_STATE_FILE
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return 0, 0.0
    except OSError as exc:
        raise KeystoreError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        data = json.loads(raw)
        failures, locked_until = int(data["failures"]), float(data["locked_until"])
        if failures < 0 or locked_until < 0:
            raise ValueError
    except (ValueError, KeyError, TypeError):
        # Fail closed: a counter we cannot read must not silently become zero.
        raise KeystoreError(f"{path} is damaged; check it, then delete it to reset the wrong-PIN counter") from None
    return failures, locked_until


def save_pin_state(state_dir: Path | None, failures: int, locked_until: float) -> None:
    """Persist the counter (temp file, fsync, rename; mode 0600)."""
    if state_dir is None:
        return
    data = json.dumps({"failures": failures, "locked_until": locked_until}).encode()
    atomic_write_bytes(state_dir / PIN_STATE_FILE, data, mode=0o600)


def prepare_state_dir(state_dir: Path | None) -> None:
    """Create the state directory (0700) if it is missing; ConfigError naming ``keypad.state_dir``."""
    if state_dir is None:
        return
    try:
        state_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"cannot create state dir {state_dir}: {exc.strerror or exc}", key="keypad.state_dir") from None
