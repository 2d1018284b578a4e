"""One exception hierarchy for KeyCrypt.

Every error names what was wrong. Protocol errors carry a typed ``reason``
(the outcome names used by the vectors and the lockdown audit records), so a
parse error can never hide behind a MAC failure.
"""

from __future__ import annotations

from enum import StrEnum


class Reason(StrEnum):
    """Why a session ended: typed outcomes of vectors and audit records."""

    PARSE_ERROR = "parse_error"          # malformed frame: magic, version, type, length, field
    MAC_FAILURE = "mac_failure"          # a tag did not verify
    COUNTER_ERROR = "counter_error"      # a counter that is not the expected one
    STATE_ERROR = "state_error"          # a legal frame in the wrong state
    KEM_ERROR = "kem_error"              # invalid encapsulation key or ciphertext
    AUTH_ERROR = "auth_error"            # client id / psk policy refused the session
    KEYSTORE_ERROR = "keystore_error"    # a key file that does not open
    DEADLINE = "deadline"                # no answer within the response deadline
    EOF = "eof"                          # the peer closed the connection
    CONNECT_TIMEOUT = "connect_timeout"  # the keypad was not reached within the boot grace
    LOCKDOWN_ORDER = "lockdown_order"    # the keypad answered with status LOCKDOWN
    IDLE_TIMEOUT = "idle_timeout"        # keypad: the client went quiet
    BREACH = "breach"                    # keypad: the breach sensor fired; all sessions dropped
    STOPPED = "stopped"                  # an orderly stop asked for by the operator
    PACE_ERROR = "pace_error"            # keypad: a PING pipelined or sooner than the minimum interval


class KeyCryptError(Exception):
    """Base of every error KeyCrypt raises on purpose."""


class ProtocolError(KeyCryptError):
    """The peer (or a vector) sent something KCP/1 does not allow."""

    reason: Reason = Reason.STATE_ERROR

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class ParseError(ProtocolError):
    reason = Reason.PARSE_ERROR


class PaceError(ProtocolError):
    """Keypad: a PING before the previous one was answered, or sooner than the spec's minimum interval."""

    reason = Reason.PACE_ERROR


class MacFailure(ProtocolError):
    reason = Reason.MAC_FAILURE


class CounterError(ProtocolError):
    reason = Reason.COUNTER_ERROR


class StateError(ProtocolError):
    reason = Reason.STATE_ERROR


class KemError(ProtocolError):
    reason = Reason.KEM_ERROR


class AuthError(ProtocolError):
    reason = Reason.AUTH_ERROR


class LocalUsageError(KeyCryptError):
    """Our own code called a sans-IO machine in a way it does not allow (a bug here, not in the peer)."""


class KeystoreError(KeyCryptError):
    """A key file could not be created, opened or replaced."""

    reason = Reason.KEYSTORE_ERROR


class WrongPin(KeystoreError):
    """The PIN does not open the key file (AEAD authentication failed with an intact header)."""


class NotAKeystore(KeystoreError):
    """The file is not a KeyCrypt key file (bad magic or file type)."""


class TruncatedKeystore(KeystoreError):
    """The file ends before the format says it should."""


class TamperedKeystore(KeystoreError):
    """The header or the sealed key was changed, or the key does not match its recorded fingerprint."""


class UnsupportedKeystore(KeystoreError):
    """A format version or parameter outside what this implementation accepts."""


class SpecError(KeyCryptError):
    """The code and the normative data of spec/ disagree (a constant or an enum changed in one place only)."""


class ConfigError(KeyCryptError):
    """A configuration file or value was rejected; the message names the key."""

    def __init__(self, message: str, *, key: str | None = None) -> None:
        super().__init__(f"{key}: {message}" if key else message)
        self.key = key


class DuressPinIsPin(ConfigError):
    """The PIN that opens the keystore also matches the duress verifier: the two could never be told apart.

    Raised by the keypad's PIN check instead of a result; nothing is unsealed or disarmed with it.
    """

    KEY = "keypad.pin.duress_verifier"

    def __init__(self, message: str) -> None:
        super().__init__(message, key=self.KEY)


class PinError(KeyCryptError):
    """A PIN that breaks the length or character rules (not a wrong PIN)."""


class UsageError(KeyCryptError):
    """A command-line mistake the parser cannot see (the CLI exits 2)."""


class Failure(KeyCryptError):
    """A runtime failure with a message for the operator (the CLI exits 1)."""


class PinFailure(KeyCryptError):
    """A wrong PIN or a PIN locked out, as the CLI reports it (exit 3)."""


class PinRejected(KeyCryptError):
    """The keypad refused a PIN entry; ``code`` is the control socket's error code (wrong-pin, locked-out, ...)."""

    def __init__(self, message: str, code: str, locked_until: float = 0.0) -> None:
        super().__init__(message)
        self.code = code
        self.locked_until = locked_until


class AuditError(KeyCryptError):
    """The audit log could not be opened or appended to, or its last record is corrupt."""


class HardwareError(KeyCryptError):
    """A sensor or PIN-pad driver could not be loaded, opened or read (the message names the device)."""
