"""A faithful stand-in for python-evdev (``evdev`` >= 1.6), for machines without an input device.

Same names as the real package where a driver touches it: ``evdev.InputDevice``
(``path``, ``fd``, ``name``, ``grab()``, ``ungrab()``, ``read()``, ``read_one()``,
``async_read()``, ``async_read_loop()``, ``close()``, ``fileno()``),
``evdev.ecodes`` (``EV_*``, ``KEY_*`` with the kernel's values, ``ecodes``,
``KEY``/``keys``), ``evdev.InputEvent``, ``evdev.KeyEvent`` (``key_up`` 0,
``key_down`` 1, ``key_hold`` 2), ``evdev.categorize``, ``evdev.EvdevError``.

Behaviour a driver relies on:

* each open ``InputDevice`` has a real non-blocking pipe as its ``fd``, readable
  while events are queued, and ``async_read_loop()`` waits with
  ``loop.add_reader`` exactly as the real one does (and ``close()`` removes
  that reader);
* a key press arrives as the kernel sends it: ``EV_MSC/MSC_SCAN``, then
  ``EV_KEY`` with value 1 (down), 2 (auto-repeat) or 0 (up), then
  ``EV_SYN/SYN_REPORT``;
* ``EVIOCGRAB``: while one handle holds the grab, only it receives events; a
  second ``grab()`` raises ``OSError(EBUSY)``, ``ungrab()`` without the grab
  raises ``OSError(EINVAL)``. Events nobody grabbed also reach the
  "console" (:attr:`FakeInputDevice.console`), so a test can prove that
  nothing typed on a grabbed pad leaked;
* ``read()`` with nothing queued raises ``BlockingIOError``; an unplugged device
  wakes every handle and then raises ``OSError(ENODEV)``; opening a missing
  path raises ``FileNotFoundError``.
"""

from __future__ import annotations

import asyncio
import errno
import os
import select
import time
import types
from typing import Any, Iterator

# --- evdev.ecodes: the kernel's input-event codes (the part a keyboard uses) ---------------------

_EV = {"EV_SYN": 0, "EV_KEY": 1, "EV_REL": 2, "EV_ABS": 3, "EV_MSC": 4, "EV_SW": 5, "EV_LED": 17, "EV_SND": 18, "EV_REP": 20}
_KEYS = (
    "KEY_RESERVED KEY_ESC KEY_1 KEY_2 KEY_3 KEY_4 KEY_5 KEY_6 KEY_7 KEY_8 KEY_9 KEY_0 KEY_MINUS KEY_EQUAL "
    "KEY_BACKSPACE KEY_TAB KEY_Q KEY_W KEY_E KEY_R KEY_T KEY_Y KEY_U KEY_I KEY_O KEY_P KEY_LEFTBRACE "
    "KEY_RIGHTBRACE KEY_ENTER KEY_LEFTCTRL KEY_A KEY_S KEY_D KEY_F KEY_G KEY_H KEY_J KEY_K KEY_L "
    "KEY_SEMICOLON KEY_APOSTROPHE KEY_GRAVE KEY_LEFTSHIFT KEY_BACKSLASH KEY_Z KEY_X KEY_C KEY_V KEY_B KEY_N "
    "KEY_M KEY_COMMA KEY_DOT KEY_SLASH KEY_RIGHTSHIFT KEY_KPASTERISK KEY_LEFTALT KEY_SPACE KEY_CAPSLOCK "
    "KEY_F1 KEY_F2 KEY_F3 KEY_F4 KEY_F5 KEY_F6 KEY_F7 KEY_F8 KEY_F9 KEY_F10 KEY_NUMLOCK KEY_SCROLLLOCK "
    "KEY_KP7 KEY_KP8 KEY_KP9 KEY_KPMINUS KEY_KP4 KEY_KP5 KEY_KP6 KEY_KPPLUS KEY_KP1 KEY_KP2 KEY_KP3 KEY_KP0 "
    "KEY_KPDOT"
).split()  # codes 0..83, in order, as in linux/input-event-codes.h
_MORE_KEYS = {"KEY_F11": 87, "KEY_F12": 88, "KEY_KPENTER": 96, "KEY_RIGHTCTRL": 97, "KEY_KPSLASH": 98}

ecodes = types.ModuleType("evdev.ecodes")
ecodes.__doc__ = "Fake evdev.ecodes: kernel input-event codes."
_codes: dict[str, int] = {**_EV, **{name: i for i, name in enumerate(_KEYS)}, **_MORE_KEYS}
_codes.update({"SYN_REPORT": 0, "MSC_SCAN": 4})
for _name, _code in _codes.items():
    setattr(ecodes, _name, _code)
ecodes.ecodes = dict(_codes)
ecodes.EV = {v: k for k, v in _EV.items()}
ecodes.KEY = {v: k for k, v in _codes.items() if k.startswith("KEY_")}
ecodes.keys = ecodes.KEY
ecodes.bytype = {_EV["EV_KEY"]: ecodes.KEY}


class EvdevError(Exception):
    pass


# --- evdev.events -----------------------------------------------------------------------------


class InputEvent:
    __slots__ = ("sec", "usec", "type", "code", "value")

    def __init__(self, sec: int, usec: int, type: int, code: int, value: int):  # noqa: A002 - the real name
        self.sec, self.usec, self.type, self.code, self.value = sec, usec, type, code, value

    def timestamp(self) -> float:
        return self.sec + self.usec / 1000000.0

    def __repr__(self) -> str:
        return f"InputEvent({self.sec!r}, {self.usec!r}, {self.type!r}, {self.code!r}, {self.value!r})"


class KeyEvent:
    key_up = 0x0
    key_down = 0x1
    key_hold = 0x2

    __slots__ = ("scancode", "keycode", "keystate", "event")

    def __init__(self, event: InputEvent, allow_unknown: bool = False):
        self.scancode = event.code
        self.keystate = {0: KeyEvent.key_up, 1: KeyEvent.key_down, 2: KeyEvent.key_hold}.get(event.value)
        try:
            self.keycode = ecodes.KEY[event.code]
        except KeyError:
            if not allow_unknown:
                raise
            self.keycode = f"0x{event.code:02X}"
        self.event = event

    def __repr__(self) -> str:
        return f"KeyEvent({self.event!r})"


class SynEvent:
    __slots__ = ("event",)

    def __init__(self, event: InputEvent):
        self.event = event


event_factory = {_EV["EV_KEY"]: KeyEvent, _EV["EV_SYN"]: SynEvent}


def categorize(event: InputEvent) -> Any:
    factory = event_factory.get(event.type)
    return factory(event) if factory else event


# --- the simulated device -----------------------------------------------------------------------


class FakeInputDevice:
    """One /dev/input/eventN: who has it open, who grabbed it, and what the keys send."""

    def __init__(self, path: str, name: str = "Fake USB Keypad") -> None:
        self.path = path
        self.name = name
        self.handles: list[InputDevice] = []
        self.grabbed_by: InputDevice | None = None
        self.unplugged = False
        self.console: list[InputEvent] = []  # what reached the rest of the system (nobody grabbed)
        self.grab_calls = 0
        self.ungrab_calls = 0

    def _send(self, type_: int, code: int, value: int) -> None:
        t = time.time()
        ev = InputEvent(int(t), int((t % 1) * 1e6), type_, code, value)
        if self.grabbed_by is not None:
            self.grabbed_by._deliver(ev)
            return
        self.console.append(ev)
        for h in self.handles:
            h._deliver(ev)

    def key(self, name: str, value: int) -> None:
        """One key event as a keyboard sends it: scan code, key, sync report."""
        code = _codes[name]
        self._send(_EV["EV_MSC"], _codes["MSC_SCAN"], 0x70000 + code)
        self._send(_EV["EV_KEY"], code, value)
        self._send(_EV["EV_SYN"], _codes["SYN_REPORT"], 0)

    def press(self, name: str) -> None:
        """Key down then up."""
        self.key(name, 1)
        self.key(name, 0)

    def hold(self, name: str, repeats: int = 3) -> None:
        """Key down, auto-repeat events, key up."""
        self.key(name, 1)
        for _ in range(repeats):
            self.key(name, 2)
        self.key(name, 0)

    def type(self, text: str, *, keypad: bool = False) -> None:
        """Press the digit keys of ``text`` (top row, or the numeric keypad)."""
        for ch in text:
            self.press(f"KEY_KP{ch}" if keypad else f"KEY_{ch}")

    def unplug(self) -> None:
        self.unplugged = True
        self.grabbed_by = None
        for h in self.handles:
            h._wake()

    def replug(self) -> None:
        self.unplugged = False


class FakeEvdev:
    """The world of the fake: devices by path. ``install()`` puts one behind ``evdev``."""

    def __init__(self) -> None:
        self.devices: dict[str, FakeInputDevice] = {}

    def add_device(self, path: str = "/dev/input/event0", name: str = "Fake USB Keypad") -> FakeInputDevice:
        dev = FakeInputDevice(path, name)
        self.devices[path] = dev
        return dev


_world = FakeEvdev()


def _set_world(world: FakeEvdev) -> None:
    global _world
    _world = world


# --- evdev.InputDevice ----------------------------------------------------------------------------


class ReadIterator:
    """``async for`` over a device: one batch per readable fd, like evdev.eventio_async.ReadIterator."""

    def __init__(self, device: InputDevice):
        self.current_batch: Iterator[InputEvent] = iter(())
        self.device = device

    def __iter__(self) -> ReadIterator:
        return self

    def __next__(self) -> InputEvent:
        try:
            return next(self.current_batch)
        except StopIteration:
            select.select([self.device.fd], [], [])
            self.current_batch = self.device.read()
            return next(self.current_batch)

    def __aiter__(self) -> ReadIterator:
        return self

    def __anext__(self) -> asyncio.Future[InputEvent]:
        future: asyncio.Future[InputEvent] = asyncio.get_running_loop().create_future()
        try:
            future.set_result(next(self.current_batch))
        except StopIteration:

            def next_batch_ready(batch: asyncio.Future[Iterator[InputEvent]]) -> None:
                try:
                    self.current_batch = batch.result()
                    future.set_result(next(self.current_batch))
                except Exception as e:
                    future.set_exception(e)

            self.device.async_read().add_done_callback(next_batch_ready)
        return future


class InputDevice:
    def __init__(self, dev: str | os.PathLike[str], readonly: bool = False):
        self.path = os.fspath(dev)
        state = _world.devices.get(self.path)
        if state is None or state.unplugged:
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), self.path)
        self._state = state
        self._queue: list[InputEvent] = []
        self._rfd, self._wfd = os.pipe()
        os.set_blocking(self._rfd, False)
        os.set_blocking(self._wfd, False)
        self.fd = self._rfd
        self.name = state.name
        self.phys = "usb-fake/input0"
        self.uniq = ""
        self._loop: asyncio.AbstractEventLoop | None = None
        state.handles.append(self)

    def __repr__(self) -> str:
        return f"InputDevice({self.path!r})"

    # kernel side
    def _deliver(self, ev: InputEvent) -> None:
        if self.fd < 0:
            return
        self._queue.append(ev)
        os.write(self._wfd, b"e")

    def _wake(self) -> None:
        if self.fd >= 0:
            os.write(self._wfd, b"!")

    # the real API
    def fileno(self) -> int:
        return self.fd

    def read(self) -> Iterator[InputEvent]:
        if self.fd < 0:
            raise OSError(errno.EBADF, os.strerror(errno.EBADF))
        if self._state.unplugged:
            raise OSError(errno.ENODEV, os.strerror(errno.ENODEV))
        if not self._queue:
            raise BlockingIOError(errno.EAGAIN, os.strerror(errno.EAGAIN))
        batch, self._queue = self._queue, []
        os.read(self._rfd, 65536)
        return iter(batch)

    def read_one(self) -> InputEvent | None:
        if self._state.unplugged:
            raise OSError(errno.ENODEV, os.strerror(errno.ENODEV))
        if not self._queue:
            return None
        os.read(self._rfd, 1)
        return self._queue.pop(0)

    def _do_when_readable(self, callback: Any) -> None:
        loop = asyncio.get_running_loop()
        self._loop = loop

        def ready() -> None:
            loop.remove_reader(self.fileno())
            callback()

        loop.add_reader(self.fileno(), ready)

    def async_read(self) -> asyncio.Future[Iterator[InputEvent]]:
        future: asyncio.Future[Iterator[InputEvent]] = asyncio.get_running_loop().create_future()

        def done() -> None:
            try:
                future.set_result(self.read())
            except Exception as error:
                future.set_exception(error)

        self._do_when_readable(done)
        return future

    def async_read_loop(self) -> ReadIterator:
        return ReadIterator(self)

    def grab(self) -> None:
        self._state.grab_calls += 1
        if self.fd < 0:
            raise OSError(errno.EBADF, os.strerror(errno.EBADF))
        if self._state.grabbed_by is not None:
            raise OSError(errno.EBUSY, os.strerror(errno.EBUSY))
        self._state.grabbed_by = self

    def ungrab(self) -> None:
        self._state.ungrab_calls += 1
        if self._state.grabbed_by is not self:
            raise OSError(errno.EINVAL, os.strerror(errno.EINVAL))
        self._state.grabbed_by = None

    def close(self) -> None:
        if self.fd < 0:
            return
        loop = self._loop
        if loop is not None and not loop.is_closed():
            loop.remove_reader(self.fileno())
        if self._state.grabbed_by is self:  # the kernel drops a grab with its file
            self._state.grabbed_by = None
        os.close(self._rfd)
        os.close(self._wfd)
        self.fd = -1
        if self in self._state.handles:
            self._state.handles.remove(self)


def list_devices(input_device_dir: str = "/dev/input") -> list[str]:
    return [p for p, d in _world.devices.items() if p.startswith(input_device_dir) and not d.unplugged]
