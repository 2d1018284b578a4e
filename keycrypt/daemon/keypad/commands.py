"""The keypad's control-socket commands: JSON requests in, JSON answers out.

The socket itself (a Unix socket, one JSON object per line) is
:mod:`keycrypt.daemon.control`; this module maps its requests onto the daemon's
inputs and the device's answers onto JSON. What the answers show of the
device's state is the device's ``shown`` state, so a duress PIN is not visible
here either.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from keycrypt.config import parse_duration
from keycrypt.errors import PinRejected
from keycrypt.keystore import format_fingerprint

if TYPE_CHECKING:
    from keycrypt.daemon.keypad.daemon import KeypadDaemon


def status(keypad: KeypadDaemon) -> dict[str, Any]:
    """The ``status`` answer: shown state, window, PIN counter, clients."""
    loop = asyncio.get_running_loop()
    now_m, now_w = loop.time(), keypad.wall()
    dev = keypad.device
    now = keypad.clock()
    present = {c.session.client_id for c in keypad.connections if c.proven and c.session is not None}
    return {
        "state": dev.shown,
        "accepting": keypad.accepting,
        "sensor": keypad.sensor_label,
        # wall-clock times for people; the *_left figures are what the keypad goes by (monotonic)
        "window_until": None if dev.window_until is None else keypad.to_wall(dev.window_until),
        "window_left": None if dev.window_until is None else round(max(0.0, dev.window_until - now), 1),
        "pin": {
            "failures": dev.shown_failures,
            # what the keypad shows (§9: under duress, what the real PIN would have left)
            "locked_until": keypad.to_wall(dev.shown_until) if dev.shown_until > now else 0.0,
            "retry_after": round(max(0.0, dev.shown_until - now), 1),
        },
        "fingerprint": format_fingerprint(keypad.fingerprint) if keypad.fingerprint else None,
        "listen": list(keypad.bound) if keypad.bound else None,
        "clients": sorted(
            (c.roster_entry(now_m, now_w) for c in keypad.connections),
            key=lambda e: (str(e["client_id"]), e["peer"]),
        ),
        "refused": keypad.stats["refused"],
        "evicted": keypad.stats["evicted"],
        "listening": keypad.listening,
        # enrolled clients without a live session that has verified at least one PING
        "missing": sorted(cid for cid in keypad.settings.psks if cid not in present),
        "enrolled": sorted(keypad.settings.psks),
        "require_enrolled": keypad.settings.require_enrolled,
    }


async def handle(keypad: KeypadDaemon, req: dict[str, Any]) -> dict[str, Any]:
    """One request; errors are answers (``ok: false`` with a ``code``), never exceptions."""
    cmd = req.get("cmd")
    try:
        if cmd == "status":
            return {"ok": True, **status(keypad)}
        if cmd == "reload":
            return keypad.reload_from_source()
        if cmd == "breach":
            keypad.breach("control")
            return {"ok": True, "state": keypad.device.shown}
        if cmd == "lockdown-all":
            keypad.lockdown_all()
            return {"ok": True, "state": keypad.device.shown}
        if cmd == "arm" and "pin" not in req:
            refused = keypad.arm()
            if refused is not None:
                return {
                    "ok": False,
                    "code": "pin_required",
                    "error": f"the keypad is {refused.state.lower()}: arming it needs the PIN",
                }
            return {"ok": True, "state": keypad.device.shown}
        if cmd in ("arm", "disarm", "pin"):
            pin = req.get("pin")
            if not isinstance(pin, str):
                return {"ok": False, "code": "bad_request", "error": "'pin' must be a string"}
            intent = {"arm": "arm", "disarm": "disarm"}.get(str(cmd)) or req.get("intent", "toggle")
            window = window_arg(req.get("for"))
            result = await keypad.enter_pin(pin, str(intent), window)
            return {"ok": True, **result}
        return {"ok": False, "code": "bad_request", "error": f"unknown command {str(cmd)[:32]!r}"}
    except PinRejected as exc:
        out: dict[str, Any] = {"ok": False, "code": exc.code, "error": str(exc)}
        if exc.locked_until:
            out["retry_after"] = round(max(0.0, exc.locked_until - keypad.clock()), 1)
        return out
    except ValueError as exc:
        return {"ok": False, "code": "bad_request", "error": str(exc)}


def window_arg(value: Any) -> float | None:
    """The ``for`` field: seconds or a duration like ``15m``; ValueError otherwise."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError("'for' must be seconds or a duration like '15m'")
    return parse_duration(value)
