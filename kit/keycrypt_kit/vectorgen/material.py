"""The fixed keys, ids and sessions every vector file draws on (all from labeled seeds)."""

from __future__ import annotations

from functools import cache
from typing import Any

from keycrypt.constants import HELLO_TIMEOUT, KEYPAD_IDLE_TIMEOUT, response_deadline
from keycrypt.crypto.kem import get_backend
from keycrypt_conformance.jsonio import hx
from keycrypt_conformance.rng import derive

KEYPAD_SEED = derive("keypad/seed", 64)
OTHER_SEED = derive("keypad/other-seed", 64)
CLIENT_ID = "host-01.example"
PSK_CLIENT_ID = "vault-02.example"
PSK = derive("client/psk", 32)
WRONG_PSK = derive("client/wrong-psk", 32)
TEST_PIN = "2468-test"
"""PIN of vectors/keypad_test_keystore.bin (the live keypad mode's keystore)."""


@cache
def ek(seed: bytes = KEYPAD_SEED) -> bytes:
    return get_backend("kyber-py").from_seed(seed).ek


def client_setup(*, client_id: str = CLIENT_ID, psk: bytes | None = None, rekey_log2: int = 24,
                 random: bytes = b"", seed: bytes = KEYPAD_SEED) -> dict[str, Any]:
    return {
        "ek": hx(ek(seed)),
        "client_id": client_id,
        "psk": None if psk is None else hx(psk),
        "rekey_log2": rekey_log2,
        "response_deadline": response_deadline(),
        "random": hx(random),
    }


def keypad_setup(*, psks: dict[str, bytes] | None = None, require_enrolled: bool = False,
                 seed: bytes = KEYPAD_SEED, random: bytes = b"") -> dict[str, Any]:
    return {
        "seed": hx(seed),
        "psks": {k: hx(v) for k, v in (psks or {}).items()},
        "require_enrolled": require_enrolled,
        "idle_timeout": KEYPAD_IDLE_TIMEOUT,
        "hello_timeout": HELLO_TIMEOUT,
        "random": hx(random),
    }
