"""PIN pad on a Linux input device (a USB numeric keypad), through python-evdev.

``evdev`` is imported when the pad starts, so the rest of KeyCrypt does not
need it. The device is opened and *grabbed* (``EVIOCGRAB``): while KeyCrypt
holds it, no keystroke reaches a console, a login prompt or a desktop, so a
PIN typed on the pad is never echoed anywhere. Events are read with
``async_read_loop()``.

Keys (key-down events only; key-up and auto-repeat are ignored):

* ``KEY_0`` … ``KEY_9`` and ``KEY_KP0`` … ``KEY_KP9``: digits;
* ``KEY_ENTER`` / ``KEY_KPENTER``: submit with intent ``enter``;
* ``arm_keys`` (default ``KEY_KPPLUS``, ``KEY_A``): submit with intent ``arm``;
* ``disarm_keys`` (default ``KEY_KPMINUS``, ``KEY_D``): submit with intent ``disarm``;
* ``KEY_BACKSPACE``: delete the last digit; ``KEY_ESC``: clear the entry;
* any other key is ignored.

The rules of the entry (overlong entries discarded, a timeout between keys,
too-short entries dropped) are :class:`~keycrypt.hw.base.PinBuffer`'s.

When the device goes away (unplugged), the pad logs it and opens and grabs
the same path again every ``retry_interval`` seconds; the digits typed so far
are forgotten.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any, Iterable

from keycrypt.constants import PIN_MAX_LENGTH, PIN_MIN_LENGTH, PINPAD_ENTRY_TIMEOUT, SENSOR_RETRY_INTERVAL
from keycrypt.errors import HardwareError
from keycrypt.hw.base import Intent, PinBuffer, PinPadQueue

log = logging.getLogger("keycrypt.hw")

DIGIT_KEYS: dict[str, str] = {
    **{f"KEY_{d}": str(d) for d in range(10)},
    **{f"KEY_KP{d}": str(d) for d in range(10)},
}
SUBMIT_KEYS: tuple[str, ...] = ("KEY_ENTER", "KEY_KPENTER")
BACKSPACE_KEYS: tuple[str, ...] = ("KEY_BACKSPACE",)
CLEAR_KEYS: tuple[str, ...] = ("KEY_ESC",)
RESERVED_KEYS: frozenset[str] = frozenset(DIGIT_KEYS) | frozenset(SUBMIT_KEYS + BACKSPACE_KEYS + CLEAR_KEYS)
DEFAULT_ARM_KEYS: tuple[str, ...] = ("KEY_KPPLUS", "KEY_A")
DEFAULT_DISARM_KEYS: tuple[str, ...] = ("KEY_KPMINUS", "KEY_D")


def import_evdev() -> Any:
    """python-evdev, or HardwareError saying how to get it."""
    try:
        import evdev  # noqa: PLC0415 - lazy on purpose: only a keypad with a USB PIN pad needs it
    except ImportError as exc:
        raise HardwareError(f"the evdev PIN pad needs the evdev package: pip install 'keycrypt-kcp1[hw]' ({exc})") from None
    return evdev


class EvdevPinPad(PinPadQueue):
    """A USB keypad read exclusively through evdev."""

    def __init__(
        self,
        *,
        device: str,
        arm_keys: Iterable[str] = DEFAULT_ARM_KEYS,
        disarm_keys: Iterable[str] = DEFAULT_DISARM_KEYS,
        max_length: int = PIN_MAX_LENGTH,
        min_length: int = PIN_MIN_LENGTH,
        entry_timeout: float = PINPAD_ENTRY_TIMEOUT,
        retry_interval: float = SENSOR_RETRY_INTERVAL,
    ) -> None:
        super().__init__()
        self.device = device
        self.arm_keys = tuple(arm_keys)
        self.disarm_keys = tuple(disarm_keys)
        self.retry_interval = retry_interval
        self.name = f"evdev pinpad {device}"
        self._buffer = PinBuffer(max_length, min_length=min_length, timeout=entry_timeout)
        self._evdev: Any = None
        self._dev: Any = None
        self._task: asyncio.Task[None] | None = None
        self._keymap: dict[int, tuple[str, str]] = {}
        self._ev_key = 1
        self._key_down = 1

    def __repr__(self) -> str:
        return f"EvdevPinPad(device={self.device!r}, grabbed={self._dev is not None})"

    @property
    def grabbed(self) -> bool:
        return self._dev is not None

    # --- lifecycle -------------------------------------------------------------------

    async def start(self) -> None:
        """Open and grab the device; HardwareError if it cannot be had. Idempotent."""
        if self._closed:
            raise HardwareError(f"{self.name}: closed")
        if self._task is not None:
            return
        self._evdev = import_evdev()
        self._keymap = self._build_keymap()
        self._ev_key = self._evdev.ecodes.EV_KEY
        self._key_down = self._evdev.KeyEvent.key_down
        self._open()
        self._task = asyncio.create_task(self._run(), name=f"keycrypt {self.name}")

    async def close(self) -> None:
        """Stop reading, ungrab and close the device; ``entries()`` ends."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(BaseException):
                await self._task
            self._task = None
        self._drop_device()
        self._end()

    # --- the device --------------------------------------------------------------------

    def _build_keymap(self) -> dict[int, tuple[str, str]]:
        ecodes = self._evdev.ecodes
        actions: list[tuple[str, str, str]] = [(name, "digit", d) for name, d in DIGIT_KEYS.items()]
        actions += [(name, "submit", "enter") for name in SUBMIT_KEYS]
        actions += [(name, "submit", "arm") for name in self.arm_keys]
        actions += [(name, "submit", "disarm") for name in self.disarm_keys]
        actions += [(name, "backspace", "") for name in BACKSPACE_KEYS]
        actions += [(name, "clear", "") for name in CLEAR_KEYS]
        keymap: dict[int, tuple[str, str]] = {}
        for name, action, arg in actions:
            code = getattr(ecodes, name, None)
            if not isinstance(code, int):
                raise HardwareError(f"{self.name}: evdev knows no key named {name}")
            if code in keymap:
                raise HardwareError(f"{self.name}: key {name} is given two meanings")
            keymap[code] = (action, arg)
        return keymap

    def _open(self) -> None:
        try:
            dev = self._evdev.InputDevice(self.device)
        except OSError as exc:
            raise HardwareError(f"{self.name}: cannot open: {exc.strerror or exc}") from None
        try:
            dev.grab()
        except OSError as exc:
            with contextlib.suppress(Exception):
                dev.close()
            raise HardwareError(
                f"{self.name}: cannot grab it for exclusive use ({exc.strerror or exc}); is another program holding it?"
            ) from None
        self._dev = dev
        log.info("%s: opened and grabbed (%s)", self.name, getattr(dev, "name", "?"))

    def _drop_device(self) -> None:
        dev, self._dev = self._dev, None
        if dev is None:
            return
        with contextlib.suppress(Exception):
            dev.ungrab()
        with contextlib.suppress(Exception):
            dev.close()

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while not self._closed:
            dev = self._dev
            try:
                async for ev in dev.async_read_loop():
                    self._handle(ev, loop.time())
                raise OSError("the event stream ended")
            except OSError as exc:
                log.error("%s: lost (%s); retrying every %gs", self.name, exc.strerror or exc, self.retry_interval)
            except Exception as exc:  # a bug, not a device: tell the consumer
                self._drop_device()
                self._fail(HardwareError(f"{self.name}: {type(exc).__name__}: {exc}"))
                return
            self._drop_device()
            self._buffer.clear(loop.time())
            while not self._closed:
                await asyncio.sleep(self.retry_interval)
                try:
                    self._open()
                except HardwareError as exc:
                    log.debug("%s", exc)
                    continue
                break

    def _handle(self, ev: Any, now: float) -> None:
        """One input event: only key-down events of known keys mean anything."""
        if ev.type != self._ev_key or ev.value != self._key_down:
            return
        action = self._keymap.get(ev.code)
        if action is None:
            return
        what, arg = action
        if what == "digit":
            self._buffer.digit(arg, now)
        elif what == "backspace":
            self._buffer.backspace(now)
        elif what == "clear":
            self._buffer.clear(now)
        else:
            intent: Intent = arg  # type: ignore[assignment]
            entry = self._buffer.submit(intent, now)
            if entry is not None:
                self._put(entry)
