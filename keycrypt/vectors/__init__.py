"""KCP/1 test vectors: deterministic generation, JSON shape, and the reference executor.

The vector files in ``vectors/`` are generated, never edited: every value is
derived from fixed labeled seeds (:mod:`.rng`), so ``keycrypt-vectors check``
can regenerate them in memory and find any byte of drift. The reference
executor (:mod:`.reference`) answers every shim-protocol operation with the
reference implementation; the generator records its answers as the expected
outputs and the conformance runner's reference shim serves the same answers.
"""

from __future__ import annotations

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
