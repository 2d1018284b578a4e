"""The keypad daemon, split by job.

* :mod:`.settings` – :class:`KeypadSettings` and :func:`settings_from_config`;
* :mod:`.pinstate` – the wrong-PIN counter on disk;
* :mod:`.pins` – checking a PIN (keystore and duress verifier), :class:`PinRejected`;
* :mod:`.connection` – one client connection, depending only on :class:`ConnectionHost`;
* :mod:`.commands` – the control socket's JSON commands;
* :mod:`.daemon` – :class:`KeypadDaemon`, which carries out the device table's actions.
"""

from __future__ import annotations

from keycrypt.daemon.keypad.connection import ConnectionHost, KeypadConnection
from keycrypt.daemon.keypad.daemon import KeypadDaemon, run_keypad
from keycrypt.daemon.keypad.pins import check_pin
from keycrypt.daemon.keypad.pinstate import PIN_STATE_FILE, PinState, load_pin_state, prepare_state_dir, save_pin_state
from keycrypt.daemon.keypad.settings import KeypadSettings, settings_from_config
from keycrypt.errors import PinRejected

__all__ = [
    "PIN_STATE_FILE",
    "ConnectionHost",
    "KeypadConnection",
    "KeypadDaemon",
    "KeypadSettings",
    "PinRejected",
    "check_pin",
    "PinState",
    "load_pin_state",
    "prepare_state_dir",
    "run_keypad",
    "save_pin_state",
    "settings_from_config",
]
