"""ML-KEM-768 behind one small interface, with two backends.

``cryptography`` (OpenSSL) is fast and the default. ``kyber-py`` is a pure
Python reference and the only backend that encapsulates deterministically
from a caller-supplied ``m``, which is what makes the vectors exact. The
rest of KeyCrypt sees only :class:`KemBackend` and :class:`KemPrivateKey`.
"""

from __future__ import annotations

from typing import Protocol

from keycrypt.constants import CT_SIZE, EK_SIZE, SEED_SIZE, SS_SIZE
from keycrypt.errors import KemError, LocalUsageError

BACKENDS: tuple[str, ...] = ("cryptography", "kyber-py")
DEFAULT_BACKEND = "cryptography"
_Q = 3329  # the ML-KEM modulus (FIPS 203 §2.4)


class KemPrivateKey(Protocol):
    """The keypad's decapsulation key, built from its 64-byte seed."""

    @property
    def ek(self) -> bytes: ...

    def decapsulate(self, ct: bytes) -> bytes:
        """Shared secret; implicit rejection for a wrong ciphertext, KemError for a wrong length."""
        ...


class KemBackend(Protocol):
    name: str
    deterministic: bool

    def from_seed(self, seed: bytes) -> KemPrivateKey: ...

    def check_ek(self, ek: bytes) -> None:
        """Raise KemError unless ek passes the FIPS 203 length and modulus checks."""
        ...

    def encapsulate(self, ek: bytes, m: bytes | None = None) -> tuple[bytes, bytes]:
        """Return (shared secret, ciphertext). ``m`` only where ``deterministic``."""
        ...


def _check_len(what: str, value: bytes, size: int) -> None:
    if not isinstance(value, (bytes, bytearray)):
        raise KemError(f"{what} must be bytes, not {type(value).__name__}", field=what)
    if len(value) != size:
        raise KemError(f"{what} is {len(value)} bytes, ML-KEM-768 needs {size}", field=what)


def modulus_check(ek: bytes) -> None:
    """FIPS 203 §7.2 input check: every 12-bit coefficient of ek's vector is below q.

    Done here in one place (not left to each backend) so that both backends
    reject exactly the same keys with the same error, naming the coefficient.
    """
    _check_len("ek", ek, EK_SIZE)
    t = ek[: EK_SIZE - 32]
    for i in range(0, len(t), 3):
        b0, b1, b2 = t[i], t[i + 1], t[i + 2]
        c0 = b0 | ((b1 & 0x0F) << 8)
        c1 = (b1 >> 4) | (b2 << 4)
        for j, c in ((0, c0), (1, c1)):
            if c >= _Q:
                idx = (i // 3) * 2 + j
                raise KemError(
                    f"ek fails the modulus check: coefficient {idx} (polynomial {idx // 256}) is {c} >= q={_Q}",
                    field="ek",
                )


class CryptographyKem:
    """OpenSSL's ML-KEM-768 through pyca/cryptography."""

    name = "cryptography"
    deterministic = False

    def __init__(self) -> None:
        from cryptography.hazmat.primitives.asymmetric import mlkem

        self._mlkem = mlkem

    def from_seed(self, seed: bytes) -> KemPrivateKey:
        _check_len("seed", seed, SEED_SIZE)
        return _CryptographyPrivateKey(self._mlkem.MLKEM768PrivateKey.from_seed_bytes(bytes(seed)))

    def check_ek(self, ek: bytes) -> None:
        modulus_check(ek)

    def encapsulate(self, ek: bytes, m: bytes | None = None) -> tuple[bytes, bytes]:
        if m is not None:
            raise LocalUsageError("the cryptography backend cannot encapsulate from a given m; use kyber-py")
        modulus_check(ek)
        try:
            pub = self._mlkem.MLKEM768PublicKey.from_public_bytes(bytes(ek))
        except ValueError as exc:  # pragma: no cover - modulus_check catches these first
            raise KemError(f"ek rejected by OpenSSL: {exc}", field="ek") from exc
        ss, ct = pub.encapsulate()
        return ss, ct


class _CryptographyPrivateKey:
    def __init__(self, key: object) -> None:
        self._key = key
        self._ek: bytes = key.public_key().public_bytes_raw()  # type: ignore[attr-defined]

    @property
    def ek(self) -> bytes:
        return self._ek

    def decapsulate(self, ct: bytes) -> bytes:
        _check_len("ct", ct, CT_SIZE)
        ss: bytes = self._key.decapsulate(bytes(ct))  # type: ignore[attr-defined]
        assert len(ss) == SS_SIZE
        return ss


class KyberPyKem:
    """The pure-Python reference (kyber-py); deterministic encapsulation for vectors."""

    name = "kyber-py"
    deterministic = True

    def __init__(self) -> None:
        from kyber_py.ml_kem import ML_KEM_768

        self._k = ML_KEM_768

    def from_seed(self, seed: bytes) -> KemPrivateKey:
        _check_len("seed", seed, SEED_SIZE)
        ek, dk = self._k.key_derive(bytes(seed))
        return _KyberPyPrivateKey(self._k, ek, dk)

    def check_ek(self, ek: bytes) -> None:
        modulus_check(ek)

    def encapsulate(self, ek: bytes, m: bytes | None = None) -> tuple[bytes, bytes]:
        modulus_check(ek)
        pair: tuple[bytes, bytes]
        if m is None:
            pair = self._k.encaps(bytes(ek))
        else:
            _check_len("m", m, 32)
            pair = self._k._encaps_internal(bytes(ek), bytes(m))
        return pair


class _KyberPyPrivateKey:
    def __init__(self, k: object, ek: bytes, dk: bytes) -> None:
        self._k, self._ek, self._dk = k, ek, dk

    @property
    def ek(self) -> bytes:
        return self._ek

    def decapsulate(self, ct: bytes) -> bytes:
        _check_len("ct", ct, CT_SIZE)
        try:
            ss: bytes = self._k.decaps(self._dk, bytes(ct))  # type: ignore[attr-defined]
            return ss
        except ValueError as exc:  # pragma: no cover - lengths are checked above
            raise KemError(f"kyber-py rejected the ciphertext: {exc}", field="ct") from exc


_cache: dict[str, KemBackend] = {}


def get_backend(name: str | None = None) -> KemBackend:
    """The named backend (default: cryptography). KemError names an unknown or missing one."""
    name = name or DEFAULT_BACKEND
    if name not in BACKENDS:
        raise KemError(f"unknown KEM backend {name!r}; choose one of {', '.join(BACKENDS)}", field="backend")
    if name not in _cache:
        try:
            _cache[name] = CryptographyKem() if name == "cryptography" else KyberPyKem()
        except ImportError as exc:
            raise KemError(f"KEM backend {name!r} is not installed: {exc}", field="backend") from exc
    return _cache[name]
