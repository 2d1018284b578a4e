"""A faithful stand-in for the libgpiod v2 Python bindings (``gpiod`` >= 2.1), for machines without a GPIO chip.

Same module and attribute names as the real package (``gpiod.request_lines``,
``gpiod.LineSettings``, ``gpiod.EdgeEvent`` with ``EdgeEvent.Type``,
``gpiod.LineRequest``, ``gpiod.line.Direction/Edge/Bias/Drive/Clock/Value``),
the same enum values, and the kernel's behaviour where it matters to a driver:

* a :class:`FakeChip` has *physical* levels per line; a line left floating
  (a cut wire) reads what the requested bias pulls it to;
* the logical value is the physical one inverted when ``active_low`` is set,
  and edge events carry the type of the *logical* level after the change
  (as gpiolib-cdev does), with per-line sequence numbers and a
  ``CLOCK_MONOTONIC`` timestamp;
* each request's ``fd`` is a real non-blocking pipe that is readable exactly
  while events are queued, so ``loop.add_reader(request.fd, ...)`` works;
* a broken chip makes ``get_value`` and ``read_edge_events`` raise ``OSError``
  and wakes the fd (as a removed chip's request fd reports POLLERR);
* released requests raise ``RequestReleasedError``; requesting a line twice
  raises ``OSError(EBUSY)``; an offset past the chip raises ``ValueError``;
  edge detection on a line that is not an input is ``OSError(EINVAL)``.

Tests drive it through :class:`FakeGpio` (``install()`` in ``tests/fakes``).
"""

from __future__ import annotations

import errno
import os
import time
import types
from collections import deque
from dataclasses import dataclass
from datetime import timedelta
from enum import Enum
from typing import Any

__version__ = "2.5.0-fake"
api_version = "2.3-fake"


# --- gpiod.line: the enums, with libgpiod's values ------------------------------------------


class Value(Enum):
    INACTIVE = 0
    ACTIVE = 1


class Direction(Enum):
    AS_IS = 1
    INPUT = 2
    OUTPUT = 3


class Edge(Enum):
    NONE = 1
    RISING = 2
    FALLING = 3
    BOTH = 4


class Bias(Enum):
    AS_IS = 1
    UNKNOWN = 2
    DISABLED = 3
    PULL_UP = 4
    PULL_DOWN = 5


class Drive(Enum):
    PUSH_PULL = 1
    OPEN_DRAIN = 2
    OPEN_SOURCE = 3


class Clock(Enum):
    MONOTONIC = 1
    REALTIME = 2
    HTE = 3


line = types.ModuleType("gpiod.line")
line.__doc__ = "Fake gpiod.line: the line setting enums."
for _e in (Value, Direction, Edge, Bias, Drive, Clock):
    _e.__module__ = "gpiod.line"
    setattr(line, _e.__name__, _e)
line.__all__ = ["Value", "Direction", "Bias", "Drive", "Edge", "Clock"]


# --- gpiod: settings, events, exceptions ------------------------------------------------------


class ChipClosedError(Exception):
    def __init__(self) -> None:
        super().__init__("I/O operation on closed chip")


class RequestReleasedError(Exception):
    def __init__(self) -> None:
        super().__init__("GPIO lines have been released")


@dataclass(repr=False)
class LineSettings:
    direction: Direction = Direction.AS_IS
    edge_detection: Edge = Edge.NONE
    bias: Bias = Bias.AS_IS
    drive: Drive = Drive.PUSH_PULL
    active_low: bool = False
    debounce_period: timedelta = timedelta()
    event_clock: Clock = Clock.MONOTONIC
    output_value: Value = Value.INACTIVE

    def __repr__(self) -> str:
        return (
            f"gpiod.LineSettings(direction={self.direction}, edge_detection={self.edge_detection}, bias={self.bias}, "
            f"drive={self.drive}, active_low={self.active_low}, debounce_period={self.debounce_period!r}, "
            f"event_clock={self.event_clock}, output_value={self.output_value})"
        )

    def _check(self) -> None:
        """What the C extension does when it converts the settings: wrong types are refused."""
        for name, kind in (
            ("direction", Direction),
            ("edge_detection", Edge),
            ("bias", Bias),
            ("drive", Drive),
            ("event_clock", Clock),
            ("output_value", Value),
        ):
            if not isinstance(getattr(self, name), kind):
                raise TypeError(f"LineSettings.{name} must be a gpiod.line.{kind.__name__}")
        if not isinstance(self.debounce_period, timedelta):
            raise TypeError("LineSettings.debounce_period must be a datetime.timedelta")
        if not isinstance(self.active_low, bool):
            raise TypeError("LineSettings.active_low must be a bool")


@dataclass(frozen=True, init=False, repr=False)
class EdgeEvent:
    class Type(Enum):
        RISING_EDGE = 1
        FALLING_EDGE = 2

    event_type: Type
    timestamp_ns: int
    line_offset: int
    global_seqno: int
    line_seqno: int

    def __init__(self, event_type: int, timestamp_ns: int, line_offset: int, global_seqno: int, line_seqno: int):
        object.__setattr__(self, "event_type", EdgeEvent.Type(event_type))
        object.__setattr__(self, "timestamp_ns", timestamp_ns)
        object.__setattr__(self, "line_offset", line_offset)
        object.__setattr__(self, "global_seqno", global_seqno)
        object.__setattr__(self, "line_seqno", line_seqno)

    def __str__(self) -> str:
        return (
            f"<EdgeEvent type={self.event_type} timestamp_ns={self.timestamp_ns} line_offset={self.line_offset} "
            f"global_seqno={self.global_seqno} line_seqno={self.line_seqno}>"
        )


# --- the simulated hardware ---------------------------------------------------------------------


class FakeChip:
    """One /dev/gpiochipN: physical levels per line, and the requests made on it."""

    def __init__(self, path: str, num_lines: int = 54, *, floating_level: int = 0) -> None:
        self.path = path
        self.num_lines = num_lines
        self.floating_level = floating_level  # what an unbiased floating line happens to read
        self._physical: dict[int, int | None] = {}
        self.requests: list[LineRequest] = []
        self.history: list[LineRequest] = []  # every request ever made, released or not
        self.fail_next_request: OSError | None = None
        self.broken: OSError | None = None

    # physical world
    def set_level(self, offset: int, level: int | None) -> None:
        """Drive the pin: 0 (low), 1 (high) or None (floating: a cut wire; the bias decides)."""
        if level not in (0, 1, None):
            raise ValueError("level is 0, 1 or None")
        old = {r: r._logical(offset) for r in self.requests if offset in r._settings}
        self._physical[offset] = level
        for r, before in old.items():
            r._level_changed(offset, before)

    def physical(self, offset: int, bias: Bias = Bias.AS_IS) -> int:
        level = self._physical.get(offset)
        if level is not None:
            return level
        if bias is Bias.PULL_UP:
            return 1
        if bias is Bias.PULL_DOWN:
            return 0
        return self.floating_level

    def break_(self, err: int = errno.EIO) -> None:
        """The chip stops answering (unplugged expander, driver error): reads raise, fds wake up."""
        self.broken = OSError(err, os.strerror(err))
        for r in self.requests:
            r._wake()

    def heal(self) -> None:
        self.broken = None

    def lose_events(self, offset: int, n: int) -> None:
        """The kernel's event FIFO overflowed: the next n events on this line are dropped."""
        for r in self.requests:
            if offset in r._settings:
                r._line_seqno[offset] += n
                r._global_seqno += n


class FakeGpio:
    """The world of the fake: chips by path. ``install()`` puts one behind ``gpiod``."""

    def __init__(self) -> None:
        self.chips: dict[str, FakeChip] = {}

    def add_chip(self, path: str = "/dev/gpiochip0", num_lines: int = 54, **kw: Any) -> FakeChip:
        chip = FakeChip(path, num_lines, **kw)
        self.chips[path] = chip
        return chip

    def active_requests(self) -> int:
        return sum(len(c.requests) for c in self.chips.values())


_world = FakeGpio()


def _set_world(world: FakeGpio) -> None:
    global _world
    _world = world


# --- gpiod.LineRequest / request_lines / Chip ---------------------------------------------------


class LineRequest:
    def __init__(self, chip: FakeChip, settings: dict[int, LineSettings], consumer: str | None, event_buffer_size: int | None):
        self._chip = chip
        self._settings = settings
        self.consumer = consumer
        self.event_buffer_size = event_buffer_size
        self._events: deque[EdgeEvent] = deque()
        self._line_seqno = {o: 0 for o in settings}
        self._global_seqno = 0
        self._rfd, self._wfd = os.pipe()
        os.set_blocking(self._rfd, False)
        os.set_blocking(self._wfd, False)
        self._released = False
        self._chip_name = os.path.basename(chip.path)
        self._offsets = list(settings)
        self._lines = list(settings)

    # what the test inspects
    @property
    def settings(self) -> dict[int, LineSettings]:
        return self._settings

    @property
    def released(self) -> bool:
        return self._released

    # the real API
    def __bool__(self) -> bool:
        return not self._released

    def __enter__(self) -> LineRequest:
        self._check_released()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.release()

    def _check_released(self) -> None:
        if self._released:
            raise RequestReleasedError()

    def release(self) -> None:
        self._check_released()
        self._released = True
        os.close(self._rfd)
        os.close(self._wfd)
        if self in self._chip.requests:
            self._chip.requests.remove(self)

    def get_value(self, line: int | str) -> Value:
        return self.get_values([line])[0]

    def get_values(self, lines: list[int | str] | None = None) -> list[Value]:
        self._check_released()
        if self._chip.broken is not None:
            raise self._chip.broken
        out = []
        for o in lines or self._lines:
            if o not in self._settings:
                raise ValueError(f"unknown line: {o}")
            out.append(Value(self._logical(o)))
        return out

    def read_edge_events(self, max_events: int | None = None) -> list[EdgeEvent]:
        self._check_released()
        if self._chip.broken is not None:
            raise self._chip.broken
        n = len(self._events) if max_events is None else min(max_events, len(self._events))
        out = [self._events.popleft() for _ in range(n)]
        if out:
            os.read(self._rfd, len(out))
        return out

    def wait_edge_events(self, timeout: timedelta | float | None = None) -> bool:
        self._check_released()
        return bool(self._events)

    @property
    def fd(self) -> int:
        self._check_released()
        return self._rfd

    def fileno(self) -> int:
        return self.fd

    @property
    def chip_name(self) -> str:
        self._check_released()
        return self._chip_name

    @property
    def offsets(self) -> list[int]:
        self._check_released()
        return self._offsets

    @property
    def lines(self) -> list[int | str]:
        self._check_released()
        return self._lines

    @property
    def num_lines(self) -> int:
        return len(self.offsets)

    def __str__(self) -> str:
        if self._released:
            return "<LineRequest RELEASED>"
        return f'<LineRequest chip="{self._chip_name}" num_lines={self.num_lines} offsets={self._offsets} fd={self._rfd}>'

    # the kernel side
    def _logical(self, offset: int) -> int:
        s = self._settings[offset]
        level = self._chip.physical(offset, s.bias)
        return level ^ 1 if s.active_low else level

    def _level_changed(self, offset: int, before: int) -> None:
        if self._released:
            return
        now = self._logical(offset)
        if now == before:
            return
        edge = self._settings[offset].edge_detection
        if edge is Edge.NONE or (edge is Edge.RISING and not now) or (edge is Edge.FALLING and now):
            return
        self._line_seqno[offset] += 1
        self._global_seqno += 1
        kind = EdgeEvent.Type.RISING_EDGE if now else EdgeEvent.Type.FALLING_EDGE
        self._events.append(
            EdgeEvent(kind.value, time.monotonic_ns(), offset, self._global_seqno, self._line_seqno[offset])
        )
        os.write(self._wfd, b"e")

    def _wake(self) -> None:
        if not self._released:
            os.write(self._wfd, b"!")


def _config_items(config: dict[Any, LineSettings | None]) -> list[tuple[int | str, LineSettings | None]]:
    out = []
    for key, settings in config.items():
        keys = [key] if isinstance(key, (int, str)) else list(key)
        out += [(k, settings) for k in keys]
    return out


class Chip:
    def __init__(self, path: str):
        if path not in _world.chips:
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), path)
        self._chip: FakeChip | None = _world.chips[path]

    def __enter__(self) -> Chip:
        if self._chip is None:
            raise ChipClosedError()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        if self._chip is None:
            raise ChipClosedError()
        self._chip = None

    @property
    def path(self) -> str:
        if self._chip is None:
            raise ChipClosedError()
        return self._chip.path

    def request_lines(
        self,
        config: dict[Any, LineSettings | None],
        consumer: str | None = None,
        event_buffer_size: int | None = None,
        output_values: dict[int | str, Value] | None = None,
    ) -> LineRequest:
        chip = self._chip
        if chip is None:
            raise ChipClosedError()
        if not isinstance(config, dict):
            raise AttributeError("'config' must be a dict")
        settings: dict[int, LineSettings] = {}
        for key, s in _config_items(config):
            if isinstance(key, str):
                raise OSError(errno.ENOENT, "line names are not simulated; use offsets")
            if isinstance(key, bool) or not isinstance(key, int):
                raise TypeError("line offsets are integers")
            if key >= chip.num_lines or key < 0:
                raise ValueError("line offset of out range")
            if key in settings:
                raise ValueError(f"line must be configured exactly once - offset {key} repeats")
            s = s or LineSettings()
            if not isinstance(s, LineSettings):
                raise TypeError("settings must be a gpiod.LineSettings")
            s._check()
            if s.edge_detection is not Edge.NONE and s.direction is not Direction.INPUT:
                raise OSError(errno.EINVAL, os.strerror(errno.EINVAL))
            settings[key] = s
        if not settings:
            raise ValueError("no lines requested")
        if chip.fail_next_request is not None:
            err, chip.fail_next_request = chip.fail_next_request, None
            raise err
        if chip.broken is not None:
            raise chip.broken
        for other in chip.requests:
            if set(other._settings) & set(settings):
                raise OSError(errno.EBUSY, os.strerror(errno.EBUSY))
        req = LineRequest(chip, settings, consumer, event_buffer_size)
        chip.requests.append(req)
        chip.history.append(req)
        return req


def request_lines(path: str, *args: Any, **kwargs: Any) -> LineRequest:
    with Chip(path) as chip:
        return chip.request_lines(*args, **kwargs)


def is_gpiochip_device(path: str) -> bool:
    return path in _world.chips
