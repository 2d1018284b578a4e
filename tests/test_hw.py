"""keycrypt.hw: sensor and PIN-pad drivers against faithful fakes of gpiod v2 and evdev.

No GPIO chip and no input device here: ``tests/fakes`` puts stand-ins of the two
libraries in ``sys.modules`` under their real names (same attributes, same enum
values, real pipe file descriptors watched by the event loop), and each test
drives the physical side (a pin's level, a key press) and checks what the
keypad would see.
"""

from __future__ import annotations

import asyncio
import errno
import inspect
import logging
import math
import re
import sys
import time
import tomllib
from datetime import timedelta
from pathlib import Path
from typing import Any, AsyncIterator, Awaitable, Callable, TypeVar

import pytest

from keycrypt.constants import PIN_MAX_LENGTH, PIN_MIN_LENGTH, PINPAD_ENTRY_TIMEOUT, SENSOR_DEBOUNCE_MS
from keycrypt.errors import ConfigError, HardwareError
from keycrypt.hw import (
    EvdevPinPad,
    GpioSensor,
    PinBuffer,
    PinEntry,
    PinPad,
    Sensor,
    SensorEvent,
    SimulatedPinPad,
    SimulatedSensor,
    make_pinpad,
    make_sensor,
    watch,
)

from fakes import FakeChip, FakeEvdev, FakeGpio, FakeInputDevice, fake_evdev, fake_gpiod, install_evdev, install_gpiod

ROOT = Path(__file__).resolve().parent.parent
T = TypeVar("T")
LINE = 17
CHIP = "/dev/gpiochip0"
PAD = "/dev/input/by-id/usb-Fake_Keypad-event-kbd"


def run(coro: Awaitable[T], timeout: float = 10.0) -> T:
    """asyncio.run with a bound: a hang fails the test instead of stalling the suite."""

    async def bounded() -> T:
        return await asyncio.wait_for(coro, timeout)

    return asyncio.run(bounded())


async def until(cond: Callable[[], bool], timeout: float = 2.0) -> None:  # noqa: ASYNC109 - a polling helper: it returns at its bound instead of raising as asyncio.timeout would
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        await asyncio.sleep(0.005)


async def settle() -> None:
    """Let the loop run the readers of whatever became readable (and prove nothing more comes)."""
    await asyncio.sleep(0.05)


class Collector:
    """Runs ``async for`` over a stream in a task and keeps what it yields."""

    def __init__(self, stream: AsyncIterator[Any]) -> None:
        self.items: list[Any] = []
        self.error: BaseException | None = None
        self.task = asyncio.create_task(self._run(stream))

    async def _run(self, stream: AsyncIterator[Any]) -> None:
        try:
            async for item in stream:
                self.items.append(item)
        except Exception as exc:
            self.error = exc

    @property
    def kinds(self) -> list[str]:
        return [e.kind for e in self.items]

    async def wait(self, n: int) -> list[Any]:
        await until(lambda: len(self.items) >= n)
        return self.items

    async def ended(self) -> None:
        await asyncio.wait_for(self.task, 2.0)


async def collect(stream: AsyncIterator[Any]) -> Collector:
    c = Collector(stream)
    await asyncio.sleep(0)  # the subscription is made when the iteration starts
    return c


# =========================================================================== fixtures


@pytest.fixture
def gpio(monkeypatch: pytest.MonkeyPatch) -> FakeGpio:
    return install_gpiod(monkeypatch)


@pytest.fixture
def chip(gpio: FakeGpio) -> FakeChip:
    c = gpio.add_chip(CHIP)
    c.set_level(LINE, 0)  # default wiring: contact to GND, closed: the pin is pulled low
    return c


@pytest.fixture
def evdev_world(monkeypatch: pytest.MonkeyPatch) -> FakeEvdev:
    return install_evdev(monkeypatch)


@pytest.fixture
def keypad(evdev_world: FakeEvdev) -> FakeInputDevice:
    return evdev_world.add_device(PAD)


def gpio_sensor(**kw: Any) -> GpioSensor:
    return make_sensor({"driver": "gpio", "line": LINE, **kw})


# =========================================================================== GPIO sensor


def test_closed_loop_at_start_is_secure_and_the_line_is_requested_as_documented(chip: FakeChip) -> None:
    async def main() -> None:
        s = gpio_sensor()
        assert s.breached()  # before the first reading: fail closed
        await s.start()
        assert not s.breached()
        events = await collect(s.events())
        await settle()
        assert events.items == []
        (req,) = chip.requests
        assert req.consumer == "keycrypt"
        st = req.settings[LINE]
        assert st.direction is fake_gpiod.Direction.INPUT
        assert st.edge_detection is fake_gpiod.Edge.BOTH
        assert st.bias is fake_gpiod.Bias.PULL_UP
        assert st.active_low is True
        assert st.debounce_period == timedelta(milliseconds=SENSOR_DEBOUNCE_MS)
        await s.close()

    run(main())


def test_open_loop_at_start_is_an_immediate_breach(chip: FakeChip) -> None:
    chip.set_level(LINE, None)  # contact open (or wire cut): the pull-up wins

    async def main() -> None:
        s = gpio_sensor()
        await s.start()
        assert s.breached()
        assert [e.kind for e in s.history] == ["breach"]
        late = await collect(s.events())  # a subscriber that joins now still learns of it
        await late.wait(1)
        assert late.kinds == ["breach"]
        assert "open" in late.items[0].detail
        await s.close()

    run(main())


def test_opening_the_door_is_a_breach_and_closing_it_a_restore(chip: FakeChip) -> None:
    async def main() -> None:
        s = gpio_sensor()
        await s.start()
        events = await collect(s.events())
        before = time.monotonic()
        chip.set_level(LINE, None)
        await events.wait(1)
        assert events.kinds == ["breach"] and s.breached()
        assert before <= events.items[0].at <= time.monotonic()  # the kernel's monotonic edge timestamp
        chip.set_level(LINE, 0)
        await events.wait(2)
        assert events.kinds == ["breach", "restore"] and not s.breached()
        chip.set_level(LINE, 1)  # something drives it high: as open as open gets
        await events.wait(3)
        assert events.kinds == ["breach", "restore", "breach"]
        chip.set_level(LINE, None)  # still high: no new event
        await settle()
        assert events.kinds == ["breach", "restore", "breach"]
        await s.close()
        await events.ended()

    run(main())


def test_every_subscriber_sees_every_event(chip: FakeChip) -> None:
    async def main() -> None:
        s = gpio_sensor()
        await s.start()
        a, b = await collect(s.events()), await collect(s.events())
        chip.set_level(LINE, None)
        chip.set_level(LINE, 0)
        await a.wait(2)
        await b.wait(2)
        assert a.kinds == b.kinds == ["breach", "restore"]
        await s.close()
        await a.ended()
        await b.ended()

    run(main())


@pytest.mark.parametrize("debounce", [0, 5, 250, 1000])
def test_debounce_is_passed_to_the_kernel(chip: FakeChip, debounce: int) -> None:
    async def main() -> None:
        s = gpio_sensor(debounce_ms=debounce)
        await s.start()
        assert chip.requests[0].settings[LINE].debounce_period == timedelta(milliseconds=debounce)
        await s.close()

    run(main())


def test_pull_down_wiring_with_active_high(chip: FakeChip) -> None:
    """Contact between the pin and 3V3, internal pull-down, active_low = false: closed is high."""
    chip.set_level(LINE, 1)

    async def main() -> None:
        s = gpio_sensor(bias="pull_down", active_low=False)
        await s.start()
        st = chip.requests[0].settings[LINE]
        assert st.bias is fake_gpiod.Bias.PULL_DOWN and st.active_low is False
        assert not s.breached()
        events = await collect(s.events())
        chip.set_level(LINE, None)  # cut wire: the pull-down wins, low = open = breach
        await events.wait(1)
        assert events.kinds == ["breach"]
        await s.close()

    run(main())


@pytest.mark.parametrize(("active_low", "level", "breached"), [(True, 0, False), (True, 1, True), (False, 0, True), (False, 1, False)])
def test_active_low_decides_which_physical_level_is_a_closed_contact(
    chip: FakeChip, active_low: bool, level: int, breached: bool
) -> None:
    """The kernel inverts for active_low; the driver reads logical ACTIVE as 'contact closed'."""
    chip.set_level(LINE, level)

    async def main() -> None:
        s = gpio_sensor(active_low=active_low)
        await s.start()
        assert s.breached() is breached
        events = await collect(s.events())
        chip.set_level(LINE, level ^ 1)
        # (a subscriber that joins while breached first gets the breach that is in force)
        await events.wait(2 if breached else 1)
        assert events.kinds == (["breach", "restore"] if breached else ["breach"])
        await s.close()

    run(main())


def test_normally_open_contact_breaches_when_it_closes(chip: FakeChip) -> None:
    chip.set_level(LINE, None)  # an alarm relay that closes on alarm: open (high) at rest

    async def main() -> None:
        s = gpio_sensor(normally_closed=False)
        await s.start()
        assert not s.breached()
        events = await collect(s.events())
        chip.set_level(LINE, 0)
        await events.wait(1)
        assert events.kinds == ["breach"]
        await s.close()

    run(main())


def test_a_read_error_is_a_fault_that_holds_until_the_line_reads_again(chip: FakeChip) -> None:
    async def main() -> None:
        s = GpioSensor(line=LINE, chip=CHIP, retry_interval=0.05)
        await s.start()
        events = await collect(s.events())
        chip.break_()
        await events.wait(1)
        assert events.kinds == ["fault"] and s.breached()
        assert "Input/output error" in events.items[0].detail and s.fault is not None
        assert chip.requests == [] and chip.history[0].released  # released while in fault
        await asyncio.sleep(0.2)  # retries fail while the chip is broken: still one fault, still breached
        assert events.kinds == ["fault"] and s.breached()
        chip.heal()
        await events.wait(2)
        assert events.kinds == ["fault", "restore"] and not s.breached() and s.fault is None
        assert len(chip.requests) == 1 and not chip.requests[0].released
        chip.set_level(LINE, None)  # and the new request works
        await events.wait(3)
        assert events.kinds == ["fault", "restore", "breach"]
        await s.start()  # idempotent: no second request
        assert len(chip.history) == 2
        await s.close()

    run(main())


def test_a_fault_that_ends_with_the_loop_open_is_a_breach(chip: FakeChip) -> None:
    async def main() -> None:
        s = GpioSensor(line=LINE, chip=CHIP, retry_interval=0.05)
        await s.start()
        events = await collect(s.events())
        chip.break_()
        await events.wait(1)
        chip.set_level(LINE, None)
        chip.heal()
        await events.wait(2)
        assert events.kinds == ["fault", "breach"] and s.breached()
        await s.close()

    run(main())


def test_lost_edge_events_are_a_fault(chip: FakeChip) -> None:
    async def main() -> None:
        s = gpio_sensor()
        await s.start()
        events = await collect(s.events())
        chip.set_level(LINE, None)
        chip.set_level(LINE, 0)
        await events.wait(2)
        chip.lose_events(LINE, 3)  # the kernel FIFO overflowed: whatever happened, we cannot know
        chip.set_level(LINE, None)
        await events.wait(4)
        assert events.kinds == ["breach", "restore", "fault", "breach"]
        assert "3 edge event(s) lost" in events.items[2].detail
        await s.close()

    run(main())


def test_a_value_that_is_neither_active_nor_inactive_is_a_fault(chip: FakeChip, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fake_gpiod.LineRequest, "get_value", lambda self, line: 1)  # an int, not a gpiod Value

    async def main() -> None:
        s = gpio_sensor(normally_closed=False)  # even where "not ACTIVE" would have meant secure
        await s.start()
        assert s.breached() and [e.kind for e in s.history] == ["fault"]
        await s.close()

    run(main())


def test_a_line_that_cannot_be_requested_stops_the_start(gpio: FakeGpio, chip: FakeChip) -> None:
    async def main() -> None:
        other = fake_gpiod.request_lines(CHIP, consumer="someone-else", config={LINE: None})
        with pytest.raises(HardwareError, match=r"/dev/gpiochip0 line 17: cannot request the line: Device or resource busy"):
            await gpio_sensor().start()
        other.release()
        with pytest.raises(HardwareError, match="No such file"):
            await make_sensor({"driver": "gpio", "line": LINE, "chip": "/dev/gpiochip9"}).start()
        chip.break_()  # a chip that does not answer at start: the daemon does not start at all
        with pytest.raises(HardwareError, match="cannot request the line: Input/output error"):
            await gpio_sensor().start()
        chip.heal()
        with pytest.raises(HardwareError, match="line 99: line offset of out range"):  # (sic: libgpiod's words)
            await gpio_sensor(line=99).start()
        assert gpio.active_requests() == 0

    run(main())


def test_without_the_gpiod_package_the_sensor_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "gpiod", None)
    with pytest.raises(HardwareError, match=r"pip install 'keycrypt-kcp1\[hw\]'"):
        run(gpio_sensor().start())


def test_the_libgpiod_v1_bindings_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import types

    v1 = types.ModuleType("gpiod")
    v1.Chip = object  # v1 had Chip/Line and LINE_REQ_* constants, no request_lines
    monkeypatch.setitem(sys.modules, "gpiod", v1)
    with pytest.raises(HardwareError, match="v1 API"):
        run(gpio_sensor().start())


def test_close_releases_the_line_and_ends_every_stream(chip: FakeChip) -> None:
    async def main() -> None:
        s = gpio_sensor()
        await s.start()
        events = await collect(s.events())
        req = chip.requests[0]
        fd = req.fd
        await s.close()
        await events.ended()
        assert req.released and chip.requests == []
        with pytest.raises(OSError):
            import os

            os.fstat(fd)  # the pipe is closed, so no reader is left on it
        chip.set_level(LINE, None)  # nothing listens any more
        await settle()
        assert events.items == []
        with pytest.raises(HardwareError, match="closed"):
            await s.start()

    run(main())


# =========================================================================== simulated sensor


def test_simulated_sensor_has_the_same_state_logic() -> None:
    async def main() -> None:
        s = SimulatedSensor()
        await s.start()
        assert not s.breached()
        events = await collect(s.events())
        s.trigger_breach()
        s.trigger_breach()  # still open: no second event
        s.restore()
        assert s.fault is None
        s.inject_fault("sim: cable")
        s.inject_fault("sim: cable again")  # one fault at a time
        assert s.breached()
        assert s.fault == "sim: cable"  # the property (a method hiding it was always truthy), not a method hiding it (always truthy)
        s.restore()
        assert s.fault is None
        await events.wait(4)
        await settle()
        assert events.kinds == ["breach", "restore", "fault", "restore"]
        assert events.items[2].detail == "sim: cable"
        assert not s.breached()
        await s.close()
        await events.ended()

    run(main())


def test_simulated_sensor_can_start_open() -> None:
    async def main() -> None:
        s = make_sensor({"driver": "simulated", "initially_breached": True})
        assert isinstance(s, SimulatedSensor)
        await s.start()
        assert s.breached() and [e.kind for e in s.history] == ["breach"]
        await s.close()

    run(main())


def test_sensor_event_kinds_are_checked() -> None:
    with pytest.raises(ValueError):
        SensorEvent("open", 0.0, "")  # type: ignore[arg-type]
    assert SensorEvent("fault", 1.0, "x").is_breach and SensorEvent("breach", 1.0).is_breach
    assert not SensorEvent("restore", 1.0).is_breach


def test_drivers_satisfy_the_interfaces() -> None:
    assert isinstance(SimulatedSensor(), Sensor)
    assert isinstance(GpioSensor(line=1), Sensor)
    assert isinstance(SimulatedPinPad(), PinPad)
    assert isinstance(EvdevPinPad(device=PAD), PinPad)
    for cls in (SimulatedSensor, GpioSensor):
        assert inspect.iscoroutinefunction(cls.start) and inspect.iscoroutinefunction(cls.close)
        assert inspect.isasyncgenfunction(cls.events)
    for cls in (SimulatedPinPad, EvdevPinPad):
        assert inspect.isasyncgenfunction(cls.entries) and inspect.iscoroutinefunction(cls.close)


# =========================================================================== PinEntry and PinBuffer


def test_a_pin_entry_never_shows_its_pin() -> None:
    e = PinEntry("90210417", "arm")
    for text in (repr(e), str(e), f"{e}", f"{e!r}", repr([e]), str({"e": e}), "%s %r" % (e, e)):
        assert "90210417" not in text and "8" not in text.replace("PinEntry", "")
        assert "hidden" in text
    assert e.pin == "90210417" and e.intent == "arm"
    assert PinEntry("1", "enter") != PinEntry("2", "enter")
    with pytest.raises(ValueError):
        PinEntry("1234", "toggle")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        PinEntry(1234)  # type: ignore[arg-type]


def test_pin_buffer_rules() -> None:
    b = PinBuffer(8, min_length=4, timeout=30.0)
    for d in "12345":
        b.digit(d, 0.0)
    b.backspace(1.0)
    assert b.submit("enter", 1.0) == PinEntry("1234", "enter")
    assert b.submit("enter", 1.0) is None  # nothing typed
    for d in "99":
        b.digit(d, 2.0)
    b.clear(2.0)
    for d in "5678":
        b.digit(d, 2.0)
    assert b.submit("disarm", 2.0) == PinEntry("5678", "disarm")
    b.digit("1", 3.0)
    b.digit("2", 3.0)
    assert b.submit("enter", 3.0) is None  # too short to be a PIN: not a wrong attempt
    for d in "123456789":  # nine digits into an eight-digit buffer: the whole entry is gone
        b.digit(d, 4.0)
    b.digit("0", 4.0)
    b.backspace(4.0)
    assert b.pending == 0 and "overflow" in repr(b)
    assert b.submit("arm", 4.0) is None
    for d in "4321":  # the next entry is clean
        b.digit(d, 5.0)
    assert b.submit("arm", 5.0) == PinEntry("4321", "arm")
    for d in "11":
        b.digit(d, 6.0)
    for d in "24682468":  # after more than the timeout, the old digits are forgotten
        b.digit(d, 40.0)
    assert b.submit("enter", 40.0) == PinEntry("24682468", "enter")
    with pytest.raises(ValueError):
        b.digit("a", 41.0)
    assert "24682468" not in repr(b)


# =========================================================================== evdev PIN pad


async def started_pad(**cfg: Any) -> tuple[EvdevPinPad, Collector]:
    """The driver with 4-digit entries allowed: these tests are about keys, not the PIN policy (spec §9: 8)."""
    pad = EvdevPinPad(device=PAD, min_length=4, **cfg)
    await pad.start()
    return pad, await collect(pad.entries())


def entries_of(c: Collector) -> list[tuple[str, str]]:
    return [(e.pin, e.intent) for e in c.items]


def test_digits_and_enter_submit_a_pin(keypad: FakeInputDevice) -> None:
    async def main() -> None:
        pad, got = await started_pad()
        keypad.type("1234")
        keypad.press("KEY_ENTER")
        keypad.type("5678", keypad=True)
        keypad.press("KEY_KPENTER")
        keypad.type("90")
        keypad.type("12", keypad=True)
        keypad.press("KEY_KPENTER")
        await got.wait(3)
        assert entries_of(got) == [("1234", "enter"), ("5678", "enter"), ("9012", "enter")]
        await pad.close()

    run(main())


def test_arm_and_disarm_keys(keypad: FakeInputDevice) -> None:
    async def main() -> None:
        pad, got = await started_pad()
        for key in ("KEY_KPPLUS", "KEY_A", "KEY_KPMINUS", "KEY_D"):
            keypad.type("2580", keypad=True)
            keypad.press(key)
        await got.wait(4)
        assert [i for _, i in entries_of(got)] == ["arm", "arm", "disarm", "disarm"]
        await pad.close()

    run(main())


def test_arm_and_disarm_keys_are_configurable(keypad: FakeInputDevice) -> None:
    async def main() -> None:
        pad, got = await started_pad(arm_keys=["KEY_F1"], disarm_keys=["KEY_F2", "KEY_KPSLASH"])
        keypad.type("1111")
        keypad.press("KEY_KPPLUS")  # no longer an arm key: ignored, the digits stay
        keypad.press("KEY_F1")
        keypad.type("2222")
        keypad.press("KEY_KPSLASH")
        await got.wait(2)
        assert entries_of(got) == [("1111", "arm"), ("2222", "disarm")]
        await pad.close()

    run(main())


def test_backspace_and_escape(keypad: FakeInputDevice) -> None:
    async def main() -> None:
        pad, got = await started_pad()
        keypad.type("12349")
        keypad.press("KEY_BACKSPACE")
        keypad.press("KEY_ENTER")
        keypad.type("7777")
        keypad.press("KEY_ESC")
        keypad.type("3141")
        keypad.press("KEY_ENTER")
        await got.wait(2)
        assert entries_of(got) == [("1234", "enter"), ("3141", "enter")]
        await pad.close()

    run(main())


def test_only_key_down_counts_not_key_up_nor_auto_repeat(keypad: FakeInputDevice) -> None:
    async def main() -> None:
        pad, got = await started_pad()
        keypad.hold("KEY_1", repeats=5)  # one digit, however long it is held
        keypad.key("KEY_2", 0)  # a stray key-up: nothing
        keypad.type("234")
        keypad.hold("KEY_ENTER", repeats=3)  # one submission
        keypad.press("KEY_B")  # keys with no meaning are ignored
        keypad.press("KEY_NUMLOCK")
        await got.wait(1)
        await settle()
        assert entries_of(got) == [("1234", "enter")]
        await pad.close()

    run(main())


def test_an_overlong_entry_is_discarded(keypad: FakeInputDevice) -> None:
    async def main() -> None:
        pad, got = await started_pad(max_length=6)
        keypad.type("1234567")
        keypad.press("KEY_ENTER")
        keypad.type("123456")
        keypad.press("KEY_ENTER")
        await got.wait(1)
        await settle()
        assert entries_of(got) == [("123456", "enter")]
        await pad.close()

    run(main())


def test_the_pad_is_grabbed_so_nothing_reaches_a_console_and_ungrabbed_on_close(keypad: FakeInputDevice) -> None:
    async def main() -> None:
        keypad.press("KEY_1")  # before KeyCrypt: the console sees keys
        assert len(keypad.console) == 6
        keypad.console.clear()
        pad, got = await started_pad()
        assert pad.grabbed and keypad.grab_calls == 1 and keypad.grabbed_by is not None
        keypad.type("86428642")
        keypad.press("KEY_ENTER")
        await got.wait(1)
        assert keypad.console == []
        await pad.close()
        await got.ended()
        assert keypad.ungrab_calls == 1 and keypad.grabbed_by is None and keypad.handles == []
        assert not pad.grabbed
        keypad.press("KEY_2")  # released: the system has its keyboard back
        assert len(keypad.console) == 6

    run(main())


def test_a_pad_someone_else_grabbed_is_refused(keypad: FakeInputDevice) -> None:
    async def main() -> None:
        other = fake_evdev.InputDevice(PAD)
        other.grab()
        with pytest.raises(HardwareError, match="cannot grab.*Device or resource busy"):
            await make_pinpad({"driver": "evdev", "device": PAD}).start()
        assert keypad.handles == [other]  # ours was closed again
        other.close()

    run(main())


def test_a_missing_pad_or_library_is_a_hardware_error(evdev_world: FakeEvdev, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(HardwareError, match="cannot open: No such file"):
        run(make_pinpad({"driver": "evdev", "device": "/dev/input/event9"}).start())
    evdev_world.add_device(PAD)
    with pytest.raises(HardwareError, match="no key named KEY_NOSUCHKEY"):
        run(make_pinpad({"driver": "evdev", "device": PAD, "arm_keys": ["KEY_NOSUCHKEY"]}).start())
    monkeypatch.setitem(sys.modules, "evdev", None)
    with pytest.raises(HardwareError, match=r"pip install 'keycrypt-kcp1\[hw\]'"):
        run(make_pinpad({"driver": "evdev", "device": PAD}).start())


def test_entries_starts_the_pad_and_close_ends_it(keypad: FakeInputDevice) -> None:
    async def main() -> None:
        pad = make_pinpad({"driver": "evdev", "device": PAD})
        got = await collect(pad.entries())
        await until(lambda: keypad.grabbed_by is not None)
        keypad.type("13571357")
        keypad.press("KEY_KPPLUS")
        await got.wait(1)
        await pad.close()
        await got.ended()
        assert got.error is None and entries_of(got) == [("13571357", "arm")]

    run(main())


def test_an_unplugged_pad_is_opened_and_grabbed_again(keypad: FakeInputDevice) -> None:
    async def main() -> None:
        pad = EvdevPinPad(device=PAD, retry_interval=0.05, min_length=4)
        await pad.start()
        got = await collect(pad.entries())
        keypad.type("12")
        await settle()
        keypad.unplug()
        await until(lambda: not pad.grabbed)
        await asyncio.sleep(0.15)  # retries fail while it is away
        keypad.replug()
        await until(lambda: keypad.grabbed_by is not None)
        keypad.type("3456")  # the digits typed before the loss are gone
        keypad.press("KEY_ENTER")
        await got.wait(1)
        assert entries_of(got) == [("3456", "enter")] and keypad.console == []
        await pad.close()
        assert keypad.grabbed_by is None

    run(main())


def test_the_pin_never_reaches_the_log(keypad: FakeInputDevice, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)

    async def main() -> None:
        pad, got = await started_pad(max_length=8)
        keypad.type("73019")
        keypad.press("KEY_ENTER")
        keypad.type("123456789")  # overlong, logged as such
        keypad.press("KEY_ENTER")
        keypad.type("73")  # too short, logged as such
        keypad.press("KEY_ENTER")
        await got.wait(1)
        await settle()
        logging.getLogger("test").info("got %s / %r", got.items[0], got.items)
        await pad.close()

    run(main())
    assert "discarded" in caplog.text and "dropped" in caplog.text
    for secret in ("73019", "12345678", "123456789"):
        assert secret not in caplog.text


# =========================================================================== simulated PIN pad


def test_simulated_pinpad() -> None:
    async def main() -> None:
        pad = make_pinpad({"driver": "simulated"})
        assert isinstance(pad, SimulatedPinPad)
        got = await collect(pad.entries())
        pad.submit("24682468", "arm")
        pad.submit("13571357")
        await got.wait(2)
        assert entries_of(got) == [("24682468", "arm"), ("13571357", "enter")]
        pad.display("armed")
        assert pad.shown == ["armed"]
        await pad.close()
        await got.ended()
        with pytest.raises(HardwareError):
            pad.submit("1234")

    run(main())


# =========================================================================== the manual check helper


def test_watch_prints_what_the_devices_report_and_releases_them(chip: FakeChip, keypad: FakeInputDevice) -> None:
    lines: list[str] = []

    async def main() -> None:
        task = asyncio.create_task(
            watch({"driver": "gpio", "line": LINE}, {"driver": "evdev", "device": PAD}, out=lines.append)
        )
        await until(lambda: len(lines) >= 2)
        chip.set_level(LINE, None)
        keypad.type("47114711")
        keypad.press("KEY_KPMINUS")
        await until(lambda: len(lines) >= 4)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    run(main())
    assert "secure at start" in lines[0] and "type a PIN" in lines[1]
    assert "sensor breach: gpio sensor /dev/gpiochip0 line 17: contact open" in lines
    assert "pinpad: PinEntry(intent='disarm', pin=<hidden>)" in lines
    assert "4711" not in "\n".join(lines)  # nor any part of the PIN
    assert chip.requests == [] and keypad.grabbed_by is None and keypad.handles == []


def test_watch_for_a_while() -> None:
    lines: list[str] = []
    run(watch({"driver": "simulated", "initially_breached": True}, {"driver": "simulated"}, duration=0.05, out=lines.append))
    assert lines[0].endswith("BREACHED at start")


# =========================================================================== configuration


def test_defaults() -> None:
    s = make_sensor({"driver": "gpio", "line": 17})
    assert isinstance(s, GpioSensor)
    assert (s.chip, s.line, s.normally_closed, s.active_low, s.bias, s.debounce_ms) == (
        "/dev/gpiochip0",
        17,
        True,
        True,
        "pull_up",
        SENSOR_DEBOUNCE_MS,
    )
    p = make_pinpad({"driver": "evdev", "device": PAD})
    assert isinstance(p, EvdevPinPad)
    assert p.arm_keys == ("KEY_KPPLUS", "KEY_A") and p.disarm_keys == ("KEY_KPMINUS", "KEY_D")
    assert p._buffer.max_length == PIN_MAX_LENGTH and p._buffer.timeout == PINPAD_ENTRY_TIMEOUT
    cfg = {"driver": "gpio", "line": 4}
    make_sensor(cfg)
    assert cfg == {"driver": "gpio", "line": 4}  # not modified


@pytest.mark.parametrize(
    ("cfg", "message"),
    [
        ({}, "sensor.driver: missing; one of 'gpio', 'simulated'"),
        ({"driver": "gpoi"}, "sensor.driver: must be one of 'gpio', 'simulated'"),
        ({"driver": 1}, "sensor.driver: must be one of"),
        ({"driver": "gpio"}, "sensor.line: missing (required by driver 'gpio')"),
        ({"driver": "gpio", "line": -1}, "sensor.line: must be an integer >= 0"),
        ({"driver": "gpio", "line": "17"}, "sensor.line: must be an integer >= 0"),
        ({"driver": "gpio", "line": True}, "sensor.line: must be an integer >= 0"),
        ({"driver": "gpio", "line": 17.0}, "sensor.line: must be an integer >= 0"),
        ({"driver": "gpio", "line": 17, "chip": "gpiochip0"}, "sensor.chip: must be the absolute path"),
        ({"driver": "gpio", "line": 17, "chip": 0}, "sensor.chip: must be the absolute path"),
        ({"driver": "gpio", "line": 17, "bias": "up"}, "sensor.bias: must be one of 'pull_up', 'pull_down', 'disabled', 'as_is'"),
        ({"driver": "gpio", "line": 17, "debounce_ms": -1}, "sensor.debounce_ms: must be an integer 0..1000"),
        ({"driver": "gpio", "line": 17, "debounce_ms": 1001}, "sensor.debounce_ms: must be an integer 0..1000"),
        ({"driver": "gpio", "line": 17, "debounce_ms": 2.5}, "sensor.debounce_ms: must be an integer 0..1000"),
        ({"driver": "gpio", "line": 17, "normally_closed": "yes"}, "sensor.normally_closed: must be true or false"),
        ({"driver": "gpio", "line": 17, "active_low": 1}, "sensor.active_low: must be true or false"),
        ({"driver": "gpio", "line": 17, "pin": 11}, "sensor.pin: unknown key for driver 'gpio'; expected driver, chip, line"),
        ({"driver": "simulated", "line": 17}, "sensor.line: unknown key for driver 'simulated'"),
        ({"driver": "simulated", "initially_breached": "no"}, "sensor.initially_breached: must be true or false"),
    ],
)
def test_sensor_config_errors_name_the_key(cfg: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError) as info:
        make_sensor(cfg)
    assert str(info.value).startswith(message), str(info.value)
    assert info.value.key is not None and str(info.value).startswith(info.value.key + ": ")


@pytest.mark.parametrize(
    ("cfg", "message"),
    [
        ({"driver": "usb"}, "pinpad.driver: must be one of 'evdev', 'simulated'"),
        ({"driver": "evdev"}, "pinpad.device: missing (required by driver 'evdev')"),
        ({"driver": "evdev", "device": "event3"}, "pinpad.device: must be the absolute path"),
        ({"driver": "evdev", "device": PAD, "arm_keys": "KEY_A"}, "pinpad.arm_keys: must be a list of key names"),
        ({"driver": "evdev", "device": PAD, "arm_keys": ["KEY_ENTER"]}, "pinpad.arm_keys[0]: KEY_ENTER already has a meaning"),
        ({"driver": "evdev", "device": PAD, "arm_keys": ["KEY_A", "KEY_KP5"]}, "pinpad.arm_keys[1]: KEY_KP5 already has a meaning"),
        ({"driver": "evdev", "device": PAD, "disarm_keys": ["key_d"]}, "pinpad.disarm_keys[0]: must be a Linux key name"),
        ({"driver": "evdev", "device": PAD, "disarm_keys": [30]}, "pinpad.disarm_keys[0]: must be a Linux key name"),
        ({"driver": "evdev", "device": PAD, "disarm_keys": ["KEY_A"]}, "pinpad.disarm_keys: KEY_A cannot both arm and disarm"),
        ({"driver": "evdev", "device": PAD, "max_length": PIN_MIN_LENGTH - 1}, "pinpad.max_length: must be an integer"),
        ({"driver": "evdev", "device": PAD, "max_length": PIN_MAX_LENGTH + 1}, "pinpad.max_length: must be an integer"),
        ({"driver": "evdev", "device": PAD, "max_length": "8"}, "pinpad.max_length: must be an integer"),
        ({"driver": "evdev", "device": PAD, "entry_timeout": 0}, "pinpad.entry_timeout: must be a number of seconds"),
        ({"driver": "evdev", "device": PAD, "entry_timeout": math.inf}, "pinpad.entry_timeout: must be a number of seconds"),
        ({"driver": "evdev", "device": PAD, "entry_timeout": True}, "pinpad.entry_timeout: must be a number of seconds"),
        ({"driver": "evdev", "device": PAD, "entry_timeout": 3601}, "pinpad.entry_timeout: must be a number of seconds"),
        ({"driver": "evdev", "device": PAD, "grab": False}, "pinpad.grab: unknown key for driver 'evdev'"),
        ({"driver": "simulated", "device": PAD}, "pinpad.device: unknown key for driver 'simulated'"),
        ([], "pinpad: must be a table"),
    ],
)
def test_pinpad_config_errors_name_the_key(cfg: Any, message: str) -> None:
    with pytest.raises(ConfigError) as info:
        make_pinpad(cfg)
    assert str(info.value).startswith(message), str(info.value)


def test_the_caller_chooses_the_key_prefix() -> None:
    with pytest.raises(ConfigError, match=r"^keypad\.sensor\.line: must be an integer >= 0$"):
        make_sensor({"driver": "gpio", "line": -3}, where="keypad.sensor")
    with pytest.raises(ConfigError, match=r"^keypad\.pinpad\.device: "):
        make_pinpad({"driver": "evdev"}, where="keypad.pinpad")


def test_the_config_snippets_of_the_hardware_docs_are_valid() -> None:
    text = (ROOT / "docs" / "hardware.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", text, flags=re.S)
    assert blocks, "docs/hardware.md shows no TOML snippet"
    seen = set()
    for block in blocks:
        doc = tomllib.loads(block)
        if "sensor" in doc:
            make_sensor(doc["sensor"])
            seen.add(doc["sensor"]["driver"])
        if "pinpad" in doc:
            make_pinpad(doc["pinpad"])
            seen.add(doc["pinpad"]["driver"])
    assert {"gpio", "evdev"} <= seen


# =========================================================================== the fakes themselves


def test_fake_gpiod_edges_follow_the_logical_level(gpio: FakeGpio) -> None:
    """As gpiolib-cdev: with active_low, a falling pin is a RISING_EDGE event."""
    chip = gpio.add_chip(CHIP)
    chip.set_level(3, 1)
    s = fake_gpiod.LineSettings(direction=fake_gpiod.Direction.INPUT, edge_detection=fake_gpiod.Edge.BOTH, active_low=True)
    req = fake_gpiod.request_lines(CHIP, consumer="t", config={3: s})
    assert req.get_value(3) is fake_gpiod.Value.INACTIVE
    chip.set_level(3, 0)
    (ev,) = req.read_edge_events()
    assert ev.event_type is fake_gpiod.EdgeEvent.Type.RISING_EDGE and ev.line_offset == 3 and ev.line_seqno == 1
    assert req.get_value(3) is fake_gpiod.Value.ACTIVE
    req.release()
    with pytest.raises(fake_gpiod.RequestReleasedError):
        req.get_value(3)
    with pytest.raises(OSError) as info:
        fake_gpiod.request_lines(CHIP, config={3: fake_gpiod.LineSettings(edge_detection=fake_gpiod.Edge.BOTH)})
    assert info.value.errno == errno.EINVAL  # edges need an input line
    with pytest.raises(TypeError):
        fake_gpiod.request_lines(CHIP, config={3: fake_gpiod.LineSettings(bias=4)})  # type: ignore[arg-type]


def _real(name: str) -> Any:
    """The real library if this machine has it (CI installs the `hw` extra; elsewhere these checks skip)."""
    saved = sys.modules.pop(name, None)
    try:
        return pytest.importorskip(name)
    finally:
        if saved is not None:
            sys.modules[name] = saved


def test_fake_gpiod_matches_the_real_package() -> None:
    real = _real("gpiod")
    if not hasattr(real, "request_lines"):
        pytest.skip("libgpiod v1 bindings installed")
    for enum in ("Value", "Direction", "Edge", "Bias", "Drive", "Clock"):
        assert {m.name: m.value for m in getattr(real.line, enum)} == {m.name: m.value for m in getattr(fake_gpiod.line, enum)}
    assert {m.name: m.value for m in real.EdgeEvent.Type} == {m.name: m.value for m in fake_gpiod.EdgeEvent.Type}
    assert list(inspect.signature(real.LineSettings).parameters) == list(inspect.signature(fake_gpiod.LineSettings).parameters)
    assert list(inspect.signature(real.EdgeEvent).parameters) == list(inspect.signature(fake_gpiod.EdgeEvent).parameters)
    assert list(inspect.signature(real.Chip.request_lines).parameters) == list(
        inspect.signature(fake_gpiod.Chip.request_lines).parameters
    )
    for attr in ("get_value", "get_values", "read_edge_events", "release", "fd", "fileno", "wait_edge_events"):
        assert hasattr(real.LineRequest, attr) and hasattr(fake_gpiod.LineRequest, attr), attr


def test_fake_evdev_matches_the_real_package() -> None:
    real = _real("evdev")
    for name, code in fake_evdev.ecodes.ecodes.items():
        assert real.ecodes.ecodes[name] == code, name
    assert (real.KeyEvent.key_up, real.KeyEvent.key_down, real.KeyEvent.key_hold) == (0, 1, 2)
    for attr in ("grab", "ungrab", "close", "fileno", "read", "read_one", "async_read", "async_read_loop"):
        assert hasattr(real.InputDevice, attr), attr
    assert list(inspect.signature(real.InputDevice.__init__).parameters)[:2] == ["self", "dev"]
