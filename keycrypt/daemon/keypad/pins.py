"""Checking a PIN: open the keystore with it and compare it with the duress verifier.

Both checks always run (Argon2id, about 0.1 s each), so the time taken does not
tell a duress PIN from a correct or a wrong one. The daemon runs :func:`check_pin`
in a worker thread and gives only its result to the device table.

A PIN that opens the keystore AND matches the duress verifier is neither "ok" nor
"duress": a coerced user entering it would unlock for real, or the real user would
order a lockdown. :func:`check_pin` refuses it (:class:`DuressPinIsPin`, naming
``keypad.pin.duress_verifier``) and hands out no key, so a sealed keypad stays sealed
and an unsealed one changes nothing until the verifier is replaced (``keypad reload``).
"""

from __future__ import annotations

from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from keycrypt.crypto.kem import KemBackend, KemPrivateKey
from keycrypt.errors import DuressPinIsPin, KeystoreError, PinError, WrongPin
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
    another key is a KeystoreError, not a PIN result. A PIN that is both the
    keystore's and the duress one is DuressPinIsPin (after both checks ran).
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
        if matches and result == "ok":
            raise DuressPinIsPin(
                f"the PIN that opens {keystore} is also the duress PIN; a duress PIN must differ from the "
                "keypad PIN: set another verifier (keycrypt keypad duress-hash) and reload"
            )
        if matches:
            result = "duress"
    return result, opened
