"""Checking a PIN: open the keystore with it and compare it with the duress verifier.

Both checks always run (Argon2id, about 0.1 s each), so the time taken does not
tell a duress PIN from a correct or a wrong one. The daemon runs :func:`check_pin`
in a worker thread and gives only its result to the device table.
"""

from __future__ import annotations

from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from keycrypt.crypto.kem import KemBackend, KemPrivateKey
from keycrypt.errors import KeystoreError, PinError, WrongPin
from keycrypt.keystore import open_keystore
from keycrypt.machines.device import PinResult


def check_pin(
    keystore: Path,
    pin: str,
    kem: KemBackend,
    *,
    fingerprint: bytes | None,
    duress_verifier: str | None,
) -> tuple[PinResult, tuple[KemPrivateKey, bytes] | None]:
    """("ok", (key, fingerprint)), ("duress", None) or ("wrong", None); blocking.

    ``fingerprint``: the key already in use, if any; a keystore that now holds
    another key is a KeystoreError, not a PIN result.
    """
    result: PinResult = "wrong"
    opened = None
    try:
        ks = open_keystore(keystore, pin, kem=kem)
    except (WrongPin, PinError):
        ks = None
    if ks is not None:
        if fingerprint is not None and ks.fingerprint != fingerprint:
            raise KeystoreError(f"{keystore} now holds another key than the one in use")
        result = "ok"
        opened = (kem.from_seed(ks.seed), ks.fingerprint)
    if duress_verifier:
        matches: bool
        try:
            matches = PasswordHasher().verify(duress_verifier, pin)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            matches = False
        if matches and result == "wrong":
            result = "duress"
    return result, opened
