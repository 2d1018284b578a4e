"""The two small interfaces between the keypad daemon and its hardware, and their shared parts.

* :class:`Sensor`: a breach sensor (door contact, tamper loop). ``breached()`` is
  the current level; ``events()`` streams :class:`SensorEvent` changes.
* :class:`PinPad`: a PIN pad. ``entries()`` streams :class:`PinEntry` submissions.

Fail closed: a sensor that cannot tell the truth (an open loop, a line that
cannot be read, a driver error) reports a breach. A ``fault`` event is a breach
with a different reason: ``breached()`` is true while the fault lasts, and the
keypad treats ``fault`` exactly like ``breach``.

Both interfaces are asyncio and must be used from one event loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass, field
from typing import AsyncIterator, Literal, Protocol, runtime_checkable

from keycrypt.constants import PIN_MAX_LENGTH, PIN_MIN_LENGTH, PINPAD_ENTRY_TIMEOUT

log = logging.getLogger("keycrypt.hw")

SensorKind = Literal["breach", "restore", "fault"]
Intent = Literal["enter", "arm", "disarm"]
SENSOR_KINDS: tuple[str, ...] = ("breach", "restore", "fault")
INTENTS: tuple[str, ...] = ("enter", "arm", "disarm")


@dataclass(frozen=True)
class SensorEvent:
    """A change of the sensor's state.

    ``kind``: ``breach`` (the loop opened), ``restore`` (it closed again and
    the driver reads it normally), ``fault`` (the driver cannot read the line:
    treated as a breach). ``at``: :func:`time.monotonic` seconds of the change
    (the kernel's edge timestamp when the driver has one). ``detail``: for the
    log, never secret.
    """

    kind: SensorKind
    at: float
    detail: str = ""

    def __post_init__(self) -> None:
        if self.kind not in SENSOR_KINDS:
            raise ValueError(f"SensorEvent.kind must be one of {', '.join(SENSOR_KINDS)}, not {self.kind!r}")

    @property
    def is_breach(self) -> bool:
        """True for ``breach`` and ``fault``: both mean the room cannot be trusted."""
        return self.kind != "restore"


@dataclass(frozen=True, repr=False)
class PinEntry:
    """One submission at the PIN pad. Its ``repr``/``str`` never show the PIN (nor its length)."""

    pin: str = field(repr=False)
    intent: Intent = "enter"

    def __post_init__(self) -> None:
        if self.intent not in INTENTS:
            raise ValueError(f"PinEntry.intent must be one of {', '.join(INTENTS)}, not {self.intent!r}")
        if not isinstance(self.pin, str):
            raise TypeError("PinEntry.pin must be a str")

    def __repr__(self) -> str:
        return f"PinEntry(intent={self.intent!r}, pin=<hidden>)"

    __str__ = __repr__


@runtime_checkable
class Sensor(Protocol):
    """A breach sensor."""

    async def start(self) -> None:
        """Open the device and read its current level (a loop already open is an immediate breach)."""

    def breached(self) -> bool:
        """The current level: True while the loop is open or the driver is in fault."""

    def events(self) -> AsyncIterator[SensorEvent]:
        """Changes, as they happen, until :meth:`close`. A subscriber that joins while the sensor is
        breached first receives the event that breached it."""

    async def close(self) -> None:
        """Release the device; every ``events()`` iteration ends."""


@runtime_checkable
class PinPad(Protocol):
    """A PIN pad."""

    async def start(self) -> None:
        """Open (and grab) the device; idempotent. ``entries()`` calls it if the caller did not."""

    def entries(self) -> AsyncIterator[PinEntry]:
        """Submitted PINs, until :meth:`close` (or a device error, raised as HardwareError)."""

    async def close(self) -> None:
        """Release the device; ``entries()`` ends."""


@runtime_checkable
class PinDisplay(Protocol):
    """A PIN pad that can show the keypad's state (``armed``, ``wrong PIN``, …); optional."""

    def display(self, text: str) -> None:
        """Show ``text`` (a real pad may light LEDs instead); must not block."""


# --------------------------------------------------------------------------- shared sensor logic

_END = object()


class SensorHub:
    """State and fan-out shared by every sensor driver.

    A driver calls :meth:`_set` with what it reads; the hub turns levels into
    ``breach``/``restore`` transitions (no event when nothing changed), keeps
    ``breached()`` and delivers each event to every ``events()`` subscriber.
    A fault holds the sensor breached until the driver reads the line again.
    """

    name = "sensor"

    def __init__(self) -> None:
        self._breached = True  # until the first read says otherwise: fail closed
        self._fault: str | None = None
        self._last_breach: SensorEvent | None = None
        self._subscribers: list[asyncio.Queue[object]] = []
        self._closed = False
        self._started = False
        self.history: list[SensorEvent] = []  # every event, for the log and tests (bounded)

    # -- interface --------------------------------------------------------------------

    def breached(self) -> bool:
        return self._breached or self._fault is not None or not self._started

    @property
    def fault(self) -> str | None:
        """The current fault's detail, or None."""
        return self._fault

    async def events(self) -> AsyncIterator[SensorEvent]:
        q: asyncio.Queue[object] = asyncio.Queue()
        if self._closed:
            return
        if self._started and self.breached() and self._last_breach is not None:
            q.put_nowait(self._last_breach)
        self._subscribers.append(q)
        try:
            while True:
                item = await q.get()
                if item is _END:
                    return
                assert isinstance(item, SensorEvent)
                yield item
        finally:
            with contextlib.suppress(ValueError):
                self._subscribers.remove(q)

    # -- for drivers ------------------------------------------------------------------

    def _emit(self, kind: SensorKind, detail: str, at: float | None = None) -> SensorEvent:
        ev = SensorEvent(kind, time.monotonic() if at is None else at, detail)
        if ev.is_breach:
            self._last_breach = ev
        self.history.append(ev)
        del self.history[:-256]
        (log.warning if ev.is_breach else log.info)("sensor %s: %s", kind, detail or self.name)
        for q in list(self._subscribers):
            q.put_nowait(ev)
        return ev

    def _set(self, breach: bool, detail: str, at: float | None = None) -> SensorEvent | None:
        """A reading: emit ``breach`` or ``restore`` when it changes the state or ends a fault.

        The first reading emits only when it is a breach (a loop already open at start).
        """
        first = not self._started
        self._started = True
        if self._fault is not None:
            self._fault = None  # the line reads again: say what it reads
        elif breach == self._breached and not first:
            return None
        elif first and not breach:
            self._breached = False
            return None
        self._breached = breach
        return self._emit("breach" if breach else "restore", detail, at)

    def _set_fault(self, detail: str, at: float | None = None) -> SensorEvent | None:
        """The driver cannot read the line: a breach, once per fault."""
        self._started = True
        if self._fault is not None:
            return None
        self._fault = detail
        return self._emit("fault", detail, at)

    def _end_streams(self) -> None:
        self._closed = True
        for q in list(self._subscribers):
            q.put_nowait(_END)


# --------------------------------------------------------------------------- shared PIN-pad logic


class PinBuffer:
    """What the keys typed so far mean: sans-IO, time passed in.

    Digits append; ``backspace`` deletes the last one; ``clear`` forgets all;
    ``submit(intent)`` returns a :class:`PinEntry` (or None when there is
    nothing valid to submit). More than ``max_length`` digits discard the
    whole entry and ignore further digits until the next submit or clear, so
    that an overlong string is never submitted in part. Digits left alone
    longer than ``timeout`` seconds are forgotten before the next key.
    Submissions shorter than ``min_length`` are dropped: they cannot be a PIN
    and would only count as a wrong attempt.
    """

    def __init__(
        self,
        max_length: int = PIN_MAX_LENGTH,
        *,
        min_length: int = PIN_MIN_LENGTH,
        timeout: float = PINPAD_ENTRY_TIMEOUT,
    ) -> None:
        self.max_length = max_length
        self.min_length = min_length
        self.timeout = timeout
        self._digits: list[str] = []
        self._overflow = False
        self._last: float | None = None

    def __repr__(self) -> str:
        return f"PinBuffer(<{'overflow' if self._overflow else 'hidden'}>)"

    @property
    def pending(self) -> int:
        """How many digits are buffered (for a display's dots; never the digits)."""
        return len(self._digits)

    def _touch(self, now: float) -> None:
        if self._last is not None and self.timeout > 0 and now - self._last > self.timeout:
            self._reset()
        self._last = now

    def _reset(self) -> None:
        self._digits.clear()
        self._overflow = False

    def digit(self, d: str, now: float) -> None:
        if len(d) != 1 or d not in "0123456789":
            raise ValueError("a digit is one of 0-9")
        self._touch(now)
        if self._overflow:
            return
        if len(self._digits) >= self.max_length:
            log.warning("pinpad: entry longer than %d digits discarded", self.max_length)
            self._digits.clear()
            self._overflow = True
            return
        self._digits.append(d)

    def backspace(self, now: float) -> None:
        self._touch(now)
        if self._digits and not self._overflow:
            self._digits.pop()

    def clear(self, now: float) -> None:
        self._touch(now)
        self._reset()

    def submit(self, intent: Intent, now: float) -> PinEntry | None:
        self._touch(now)
        pin, overflow = "".join(self._digits), self._overflow
        self._reset()
        if overflow or not pin:
            return None
        if len(pin) < self.min_length:
            log.info("pinpad: entry shorter than %d digits dropped", self.min_length)
            return None
        return PinEntry(pin, intent)


class PinPadQueue:
    """The ``entries()`` side shared by the PIN-pad drivers: one queue, one consumer at a time."""

    name = "pinpad"

    def __init__(self) -> None:
        self._queue: asyncio.Queue[object] = asyncio.Queue()
        self._closed = False
        self._error: BaseException | None = None

    def _put(self, entry: PinEntry) -> None:
        if not self._closed:
            self._queue.put_nowait(entry)

    def _fail(self, exc: BaseException) -> None:
        """End ``entries()`` with this error (the device is gone)."""
        self._error = exc
        self._queue.put_nowait(_END)

    def _end(self) -> None:
        self._closed = True
        self._queue.put_nowait(_END)

    async def start(self) -> None:
        """Open the device (drivers that have one override this; it must be idempotent).
        ``entries()`` calls it, so a caller that never does still gets a started pad."""

    async def entries(self) -> AsyncIterator[PinEntry]:
        await self.start()
        while True:
            if self._closed and self._queue.empty():
                return
            item = await self._queue.get()
            if item is _END:
                self._queue.put_nowait(_END)  # every other iteration ends as well
                if self._error is not None:
                    raise self._error
                return
            assert isinstance(item, PinEntry)
            yield item
