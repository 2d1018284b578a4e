"""Fakes of the hardware libraries, installed in ``sys.modules`` under their real names.

    world = install_gpiod(monkeypatch)   # ``import gpiod`` now gives fake_gpiod
    chip = world.add_chip("/dev/gpiochip0")
    chip.set_level(17, 0)

    world = install_evdev(monkeypatch)   # ``import evdev`` now gives fake_evdev
    pad = world.add_device("/dev/input/event3")
    pad.type("1234"); pad.press("KEY_ENTER")

``monkeypatch`` undoes the installation after the test.
"""

from __future__ import annotations

import sys
from typing import Any

from . import fake_evdev, fake_gpiod
from .fake_evdev import FakeEvdev, FakeInputDevice
from .fake_gpiod import FakeChip, FakeGpio

__all__ = ["FakeChip", "FakeEvdev", "FakeGpio", "FakeInputDevice", "fake_evdev", "fake_gpiod", "install_evdev", "install_gpiod"]


def install_gpiod(monkeypatch: Any) -> FakeGpio:
    world = FakeGpio()
    fake_gpiod._set_world(world)
    monkeypatch.setitem(sys.modules, "gpiod", fake_gpiod)
    monkeypatch.setitem(sys.modules, "gpiod.line", fake_gpiod.line)
    return world


def install_evdev(monkeypatch: Any) -> FakeEvdev:
    world = FakeEvdev()
    fake_evdev._set_world(world)
    monkeypatch.setitem(sys.modules, "evdev", fake_evdev)
    monkeypatch.setitem(sys.modules, "evdev.ecodes", fake_evdev.ecodes)
    return world
