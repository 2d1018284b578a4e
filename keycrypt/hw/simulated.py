"""A simulated breach sensor and PIN pad, for demos and tests: same interfaces, no hardware.

The simulated sensor goes through the same state logic as the GPIO driver
(:class:`~keycrypt.hw.base.SensorHub`), so what a test sees is what the keypad
will see from a real door: one ``breach`` per opening, one ``restore`` per
closing, ``fault`` held until the next reading.
"""

from __future__ import annotations

import logging

from keycrypt.errors import HardwareError
from keycrypt.hw.base import Intent, PinEntry, PinPadQueue, SensorHub

log = logging.getLogger("keycrypt.hw")


class SimulatedSensor(SensorHub):
    """A door you open and close from code: :meth:`trigger_breach`, :meth:`restore`, :meth:`inject_fault`.

    The fault is injected by ``inject_fault``, not by a ``fault()`` method: that name would hide
    :attr:`SensorHub.fault`, the current fault's detail, and make it a bound method (always truthy).
    """

    name = "simulated sensor"

    def __init__(self, *, initially_breached: bool = False) -> None:
        super().__init__()
        self.initially_breached = initially_breached

    def __repr__(self) -> str:
        return f"SimulatedSensor(breached={self.breached()})"

    async def start(self) -> None:
        if self._closed:
            raise HardwareError("simulated sensor: closed")
        if not self._started:
            self._set(self.initially_breached, "simulated: open at start" if self.initially_breached else "simulated")

    def trigger_breach(self, detail: str = "simulated: loop opened") -> None:
        self._set(True, detail)

    def restore(self, detail: str = "simulated: loop closed") -> None:
        self._set(False, detail)

    def inject_fault(self, detail: str = "simulated: driver fault") -> None:
        self._set_fault(detail)

    async def close(self) -> None:
        self._end_streams()


class SimulatedPinPad(PinPadQueue):
    """A PIN pad you type on from code: :meth:`submit`. ``shown`` records what the keypad displayed."""

    name = "simulated pinpad"

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def __repr__(self) -> str:
        return f"SimulatedPinPad(closed={self._closed})"

    def submit(self, pin: str, intent: Intent = "enter") -> None:
        """Queue one entry, as if the PIN had been typed and the intent's key pressed."""
        if self._closed:
            raise HardwareError("simulated pinpad: closed")
        self._put(PinEntry(pin, intent))

    def display(self, text: str) -> None:
        """What the keypad shows (``armed``, ``breached``, …); a real pad may light LEDs instead."""
        self.shown.append(text)

    async def close(self) -> None:
        self._end()
