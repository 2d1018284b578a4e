"""KCP/1 test vectors as data: the JSON files of ``vectors/`` and where to find them.

The files are generated, never edited (``keycrypt-vectors generate``, from
the ``keycrypt-kcp1-kit`` distribution). This package holds no code that
runs the protocol: an implementer in any language installs it, with the
conformance runner, and reads the files from :func:`vectors_dir`.
"""

from __future__ import annotations

from pathlib import Path

SCHEMA_VERSION = "kcp1-vectors/1"
GENERATOR_VERSION = "1.0.0"

VECTOR_FILES: tuple[str, ...] = (
    "kem.json",
    "key_schedule.json",
    "wire.json",
    "mac.json",
    "keystore.json",
    "state_machines.json",
    "sessions.json",
)
"""Every JSON vector file, in the order the runner plays them."""

BINARY_FILES: tuple[str, ...] = ("keypad_test_keystore.bin", "keypad_test_pubkey.bin")
"""Binary material for the live keypad mode (documented in spec/shim-protocol.md)."""

OUTCOMES: tuple[str, ...] = (
    "parse_error", "mac_failure", "counter_error", "state_error", "kem_error", "auth_error", "keystore_error",
    "deadline", "eof", "connect_timeout", "lockdown_order", "idle_timeout", "breach", "stopped", "pace_error",
)
"""The outcome names the files use (``keycrypt.errors.Reason``; tests/test_vectors.py keeps the two equal)."""


def vectors_dir() -> Path:
    """The directory holding the vector files.

    A checkout (and an editable install) reads ``vectors/`` in place, so a
    regeneration takes effect at once; a wheel carries the same files as
    ``keycrypt_vectors/data/``.
    """
    here = Path(__file__).resolve().parent
    for candidate in (here.parent, here / "data"):
        if (candidate / VECTOR_FILES[0]).is_file():
            return candidate
    raise FileNotFoundError(f"no KCP/1 vector files beside {here}: reinstall keycrypt-kcp1-vectors")
