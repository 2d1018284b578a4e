"""What a sans-IO machine asks its driver to do.

Machines return lists of these; daemons, the conformance runner and tests
carry them out. None of them holds a key.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from keycrypt.errors import Reason


@dataclass(frozen=True, slots=True)
class Send:
    data: bytes = field(repr=False)


@dataclass(frozen=True, slots=True)
class Lockdown:
    """Client: start the host's lockdown ladder now."""

    reason: Reason
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Close:
    """Close the connection (keypad: without answering)."""

    reason: Reason
    detail: str = ""


@dataclass(frozen=True, slots=True)
class SetTimer:
    """Arm (or re-arm) the machine's single timer to fire at ``at`` (same clock as ``now``)."""

    at: float


@dataclass(frozen=True, slots=True)
class CancelTimer:
    pass


@dataclass(frozen=True, slots=True)
class Retry:
    """Client: try to connect again (the boot grace keeps running)."""


@dataclass(frozen=True, slots=True)
class Established:
    """Client: the keypad proved its key; ``status`` is its current status."""

    status: int


@dataclass(frozen=True, slots=True)
class StatusSeen:
    """Client: a verified PONG carried this status (ARMED or DISARMED)."""

    status: int
    counter: int
    epoch: int


@dataclass(frozen=True, slots=True)
class Rekeyed:
    """Either side: the session moved to a new epoch."""

    epoch: int


@dataclass(frozen=True, slots=True)
class SessionOpened:
    """Keypad: a HELLO was accepted from this client."""

    client_id: str
    psk: bool
    rekey_log2: int


# --- keypad device -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StatusChanged:
    """The device's wire status (None = sessions are refused: SEALED or BREACHED)."""

    state: str
    status: int | None


@dataclass(frozen=True, slots=True)
class DropAll:
    reason: Reason


@dataclass(frozen=True, slots=True)
class AcceptClients:
    accept: bool


@dataclass(frozen=True, slots=True)
class Unseal:
    pass


@dataclass(frozen=True, slots=True)
class WindowOpened:
    until: float


@dataclass(frozen=True, slots=True)
class WindowClosed:
    pass


@dataclass(frozen=True, slots=True)
class PinStateChanged:
    """Persist this so the backoff survives restarts.

    ``failures``/``locked_until``: the real count and backoff, which only the real
    PIN clears; ``shown_failures``/``shown_until``: what the keypad shows and
    refuses by, which a duress PIN sets to what the real PIN would have left (spec §9).
    """

    failures: int
    locked_until: float
    shown_failures: int
    shown_until: float


@dataclass(frozen=True, slots=True)
class AttemptRejected:
    """Refused during the shown backoff, unchecked; ``locked_until`` is the shown backoff's end."""

    locked_until: float


@dataclass(frozen=True, slots=True)
class PinRequired:
    """The request was refused: leaving the (shown) ``state`` needs the PIN."""

    state: str


@dataclass(frozen=True, slots=True)
class RecheckSensor:
    pass


@dataclass(frozen=True, slots=True)
class Display:
    """What the keypad shows its operator (never reveals a duress PIN)."""

    text: str


@dataclass(frozen=True, slots=True)
class Alarm:
    """Signal a breach; ``silent``: record it (log, audit) with no sign at the keypad (duress)."""

    reason: Reason
    silent: bool = False


@dataclass(frozen=True, slots=True)
class Logged:
    event: str
    state: str


Action = (
    Send | Lockdown | Close | SetTimer | CancelTimer | Retry | Established | StatusSeen | Rekeyed | SessionOpened
    | StatusChanged | DropAll | AcceptClients | Unseal | WindowOpened | WindowClosed | PinStateChanged
    | AttemptRejected | PinRequired | RecheckSensor | Display | Alarm | Logged
)
