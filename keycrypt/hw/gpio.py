"""Breach sensor on a GPIO input line, through libgpiod v2 (the ``gpiod`` package, >= 2.1).

``gpiod`` is imported when the sensor starts, so the rest of KeyCrypt does not
need it. The line is requested as an input with edge detection on both edges,
the configured bias and active-low setting and a kernel debounce; the initial
value is read with ``get_value`` and every change then arrives as an edge
event on the request's file descriptor, which the asyncio loop watches with
``add_reader``.

Levels: the driver reads the line's *logical* value, after the kernel has
applied ``active_low``. Logical ACTIVE means "the contact is closed". With the
default wiring (the contact between the GPIO pin and GND, internal pull-up,
``active_low = true``) a closed contact pulls the pin low, which reads ACTIVE;
an open contact or a cut wire lets the pull-up win, which reads INACTIVE.
``normally_closed = true`` (the default): INACTIVE is a breach.
``normally_closed = false`` (a contact that closes on alarm): ACTIVE is a breach.

Fail closed: the sensor reports breached until its first reading; a read
error, an unexpected value or lost edge events (a gap in the kernel's sequence
numbers) is a ``fault``, which is a breach. After a read error the request is
released and re-made every ``retry_interval`` seconds; the fault ends (with a
``restore`` or a ``breach`` event, whatever the line then reads) only when the
line can be read again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from datetime import timedelta
from typing import Any

from keycrypt.constants import SENSOR_DEBOUNCE_MS, SENSOR_RETRY_INTERVAL
from keycrypt.errors import HardwareError
from keycrypt.hw.base import SensorHub

log = logging.getLogger("keycrypt.hw")

CONSUMER = "keycrypt"
BIASES: tuple[str, ...] = ("pull_up", "pull_down", "disabled", "as_is")
_BIAS_NAMES = {"pull_up": "PULL_UP", "pull_down": "PULL_DOWN", "disabled": "DISABLED", "as_is": "AS_IS"}
_CLOCK_SKEW_MAX = 60.0  # an edge timestamp further than this from time.monotonic() is not trusted


def import_gpiod() -> Any:
    """The libgpiod v2 Python bindings, or HardwareError saying how to get them."""
    try:
        import gpiod  # noqa: PLC0415 - lazy on purpose: only a keypad with a GPIO sensor needs it
    except ImportError as exc:
        raise HardwareError(
            f"the gpio sensor needs the gpiod package (libgpiod v2 bindings, >= 2.1): pip install 'keycrypt-kcp1[hw]' ({exc})"
        ) from None
    if not hasattr(gpiod, "request_lines") or not hasattr(gpiod, "LineSettings"):
        raise HardwareError(
            "the installed gpiod module is the libgpiod v1 API; the gpio sensor needs v2 (pip package gpiod >= 2.1)"
        )
    return gpiod


class GpioSensor(SensorHub):
    """A door contact or tamper loop on one GPIO line."""

    def __init__(
        self,
        *,
        line: int,
        chip: str = "/dev/gpiochip0",
        normally_closed: bool = True,
        active_low: bool = True,
        bias: str = "pull_up",
        debounce_ms: int = SENSOR_DEBOUNCE_MS,
        retry_interval: float = SENSOR_RETRY_INTERVAL,
    ) -> None:
        super().__init__()
        if bias not in BIASES:
            raise ValueError(f"bias must be one of {', '.join(BIASES)}")
        self.chip = chip
        self.line = line
        self.normally_closed = normally_closed
        self.active_low = active_low
        self.bias = bias
        self.debounce_ms = debounce_ms
        self.retry_interval = retry_interval
        self.name = f"gpio sensor {chip} line {line}"
        self._gpiod: Any = None
        self._request: Any = None
        self._fd: int | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._retry: asyncio.TimerHandle | None = None
        self._seqno: int | None = None

    def __repr__(self) -> str:
        return (
            f"GpioSensor(chip={self.chip!r}, line={self.line}, normally_closed={self.normally_closed}, "
            f"active_low={self.active_low}, bias={self.bias!r}, debounce_ms={self.debounce_ms})"
        )

    # --- lifecycle -------------------------------------------------------------------

    async def start(self) -> None:
        """Request the line and read it; HardwareError when it cannot be had at all."""
        if self._closed:
            raise HardwareError(f"{self.name}: closed")
        if self._loop is not None:
            return  # started (and perhaps in fault, with a retry scheduled)
        self._gpiod = import_gpiod()
        self._loop = asyncio.get_running_loop()
        try:
            value = self._open()
        except OSError as exc:
            self._loop = None
            raise HardwareError(f"{self.name}: cannot request the line: {exc.strerror or exc}") from None
        except (ValueError, TypeError) as exc:
            self._loop = None
            raise HardwareError(f"{self.name}: {exc}") from None
        self._reading(value, "at start")

    async def close(self) -> None:
        self._closed = True
        if self._retry is not None:
            self._retry.cancel()
            self._retry = None
        self._release()
        self._end_streams()

    # --- the line ----------------------------------------------------------------------

    def settings(self) -> Any:
        """The gpiod.LineSettings this sensor requests its line with."""
        gpiod = self._gpiod or import_gpiod()
        line = gpiod.line
        return gpiod.LineSettings(
            direction=line.Direction.INPUT,
            edge_detection=line.Edge.BOTH,
            bias=getattr(line.Bias, _BIAS_NAMES[self.bias]),
            active_low=self.active_low,
            debounce_period=timedelta(milliseconds=self.debounce_ms),
        )

    def _open(self) -> Any:
        """Request the line, read its value, watch its fd. Returns the value read."""
        gpiod = self._gpiod
        request = gpiod.request_lines(self.chip, consumer=CONSUMER, config={self.line: self.settings()})
        try:
            value = request.get_value(self.line)
            fd = request.fd
            assert self._loop is not None
            self._loop.add_reader(fd, self._on_readable)
        except BaseException:
            with contextlib.suppress(Exception):
                request.release()
            raise
        self._request, self._fd, self._seqno = request, fd, None
        return value

    def _release(self) -> None:
        if self._fd is not None and self._loop is not None:
            with contextlib.suppress(Exception):
                self._loop.remove_reader(self._fd)
        self._fd = None
        if self._request is not None:
            with contextlib.suppress(Exception):
                self._request.release()
        self._request = None

    def _is_breach(self, contact_closed: bool) -> bool:
        return not contact_closed if self.normally_closed else contact_closed

    def _describe(self, contact_closed: bool) -> str:
        return f"{self.name}: contact {'closed' if contact_closed else 'open'}"

    def _reading(self, value: Any, when: str) -> None:
        value_t = self._gpiod.line.Value
        if value == value_t.ACTIVE:
            closed = True
        elif value == value_t.INACTIVE:
            closed = False
        else:
            self._set_fault(f"{self.name}: unexpected value {value!r} {when}")
            return
        self._set(self._is_breach(closed), f"{self._describe(closed)} {when}")

    def _on_readable(self) -> None:
        request = self._request
        if request is None:
            return
        try:
            events = request.read_edge_events()
        except Exception as exc:  # OSError when the chip goes away; anything else is no better
            self._fault_and_retry(f"{self.name}: cannot read edge events: {_why(exc)}")
            return
        if not events:  # readable but nothing to read: the request is broken (and would spin the loop)
            self._fault_and_retry(f"{self.name}: readable but no edge event")
            return
        rising = self._gpiod.EdgeEvent.Type.RISING_EDGE
        falling = self._gpiod.EdgeEvent.Type.FALLING_EDGE
        for ev in events:
            at = _monotonic(ev.timestamp_ns)
            if ev.line_offset != self.line:
                self._set_fault(f"{self.name}: event for line {ev.line_offset}", at)
                continue
            if self._seqno is not None and ev.line_seqno != self._seqno + 1:
                lost = ev.line_seqno - self._seqno - 1
                self._set_fault(f"{self.name}: {lost} edge event(s) lost", at)
            self._seqno = ev.line_seqno
            if ev.event_type == rising:
                closed = True  # the logical value went ACTIVE
            elif ev.event_type == falling:
                closed = False
            else:
                self._set_fault(f"{self.name}: unknown edge event type {ev.event_type!r}", at)
                continue
            self._set(self._is_breach(closed), self._describe(closed), at)

    def _fault_and_retry(self, detail: str) -> None:
        self._set_fault(detail)
        self._release()
        self._schedule_retry()

    def _schedule_retry(self) -> None:
        if self._closed or self._loop is None:
            return
        self._retry = self._loop.call_later(self.retry_interval, self._try_reopen)

    def _try_reopen(self) -> None:
        self._retry = None
        if self._closed:
            return
        try:
            value = self._open()
        except Exception as exc:
            log.debug("%s: still in fault: %s", self.name, _why(exc))
            self._schedule_retry()
            return
        self._reading(value, "after a fault")


def _why(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def _monotonic(timestamp_ns: Any) -> float:
    """The edge's kernel timestamp (CLOCK_MONOTONIC, as time.monotonic) in seconds; now if implausible."""
    now = time.monotonic()
    try:
        at = int(timestamp_ns) / 1e9
    except (TypeError, ValueError):
        return now
    return at if abs(at - now) <= _CLOCK_SKEW_MAX else now
