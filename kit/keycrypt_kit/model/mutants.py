"""Table mutants: small wrong changes to the tables that the model must catch.

Each mutant edits the raw JSON of the tables (so it goes through the runtime's loader, like a
real edit would) and names the property that must fail with a trail. The edits are written
against what a row *does* where they can (the rows that enter IDLE, every duress row), so that
they keep their meaning when the tables change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from keycrypt_kit.model.source import Spec

Raw = dict[str, dict[str, Any]]


@dataclass(frozen=True)
class Mutant:
    name: str
    what: str
    expect: str  # the property that must report a violation
    apply: Callable[[Raw], None]

    def spec(self, base: Spec) -> Spec:
        spec = base.mutated(f"mutant:{self.name}")
        self.apply(spec.raw_tables)
        spec.tables  # noqa: B018 - the mutant must still be a table the runtime would load
        return spec


def _row(raw: Raw, table: str, state: str, event: str) -> dict[str, Any]:
    row: dict[str, Any] = raw[table]["transitions"][state][event]
    return row


def _set(table: str, state: str, event: str, next_: str | None = None, actions: list[str] | None = None,
         drop: tuple[str, ...] = (), add: tuple[str, ...] = ()) -> Callable[[Raw], None]:
    def apply(raw: Raw) -> None:
        r = _row(raw, table, state, event)
        if next_ is not None:
            r["next"] = next_
        if actions is not None:
            r["actions"] = list(actions)
        r["actions"] = [a for a in r["actions"] if a not in drop] + [a for a in add if a not in r["actions"]]
        if next_ is not None and not r["actions"]:
            r.pop("reason", None)
    return apply


def _cancel_deadline_action(raw: Raw) -> None:
    """Tables with the exposure bound no longer have the action: the mutant brings it back."""
    raw["client_session"]["actions"].setdefault("cancel_deadline", "Disarm the response deadline.")
    raw["client_session"]["outputs"].setdefault("cancel_deadline", [{"output": "cancel_timer", "fields": {}}])


def _idle_without_deadline(raw: Raw) -> None:
    """Every row into IDLE disarms the deadline instead of keeping or arming one."""
    _cancel_deadline_action(raw)
    for state, rows in raw["client_session"]["transitions"].items():
        for r in rows.values():
            if r["next"] == "IDLE" and state != "IDLE":
                kept = [a for a in r["actions"] if "deadline" not in a]
                r["actions"] = kept + ["cancel_deadline"]
    for r in raw["client_session"]["transitions"]["IDLE"].values():
        if r["next"] == "IDLE":
            r["actions"] = [a for a in r["actions"] if "deadline" not in a]


def _ping_without_deadline(raw: Raw) -> None:
    """(AWAIT_PONG, frame_pong) cancels the deadline; (IDLE, tick) sends its PING without arming one."""
    _cancel_deadline_action(raw)
    rows = raw["client_session"]["transitions"]
    r = rows["AWAIT_PONG"]["frame_pong"]
    r["actions"] = [a for a in r["actions"] if "deadline" not in a] + ["cancel_deadline"]
    r = rows["IDLE"]["tick"]
    r["actions"] = [a for a in r["actions"] if "deadline" not in a]


def _rekey_twice(raw: Raw) -> None:
    r = raw["keypad_session"]["transitions"]["AWAIT_REKEY"]["frame_rekey"]
    r["actions"] = ["verify_rekey"] + r["actions"]


def _duress_resets(raw: Raw) -> None:
    """Every duress row (pin_duress, with any intent) clears the wrong-PIN counter."""
    for rows in raw["keypad_device"]["transitions"].values():
        for event, r in rows.items():
            if event.startswith("pin_duress") and "reset_failures" not in r["actions"]:
                r["actions"] = ["reset_failures"] + r["actions"]


def _breach_ignored_in_lockdown(raw: Raw) -> None:
    """In every state answered LOCKDOWN (the duress states and lockdown-all), a breach is only logged."""
    table = raw["keypad_device"]
    for state, status in table["status"].items():
        if status == "LOCKDOWN":
            table["transitions"][state]["breach"] = {"next": state, "actions": ["log_event"]}


def _duress_unmasked(raw: Raw) -> None:
    """A duress state shows its true name (tables with a `shown` map), or is not masked (before it)."""
    table = raw["keypad_device"]
    if "shown" in table:
        for state in table["shown"]:
            if table["status"].get(state) == "LOCKDOWN":
                table["shown"][state] = state
    else:
        r = table["transitions"]["ARMED"]["pin_duress"]
        r["actions"] = [a for a in r["actions"] if a != "mask_duress"]


def _every_row(table: str, event_prefix: str, drop: str | None = None, actions: list[str] | None = None
               ) -> Callable[[Raw], None]:
    """Every row of ``table`` whose event starts with ``event_prefix``: drop one action, or set them."""
    def apply(raw: Raw) -> None:
        for rows in raw[table]["transitions"].values():
            for event, row in rows.items():
                if event.startswith(event_prefix):
                    row["actions"] = list(actions) if actions is not None else [a for a in row["actions"] if a != drop]
    return apply


MUTANTS: tuple[Mutant, ...] = (
    # the four the issue names
    Mutant("bad-frame-kept", "client: a bad frame in AWAIT_PONG is ignored instead of locking down",
           "KCP1-MODEL-FAIL-CLOSED", _set("client_session", "AWAIT_PONG", "bad_frame", "AWAIT_PONG", [])),
    Mutant("idle-no-deadline", "client: no deadline is armed in IDLE (every row into IDLE cancels it)",
           "KCP1-MODEL-EXPOSURE", _idle_without_deadline),
    Mutant("duress-resets-failures", "device: every duress row clears the wrong-PIN counter",
           "KCP1-MODEL-PIN-RESET", _duress_resets),
    Mutant("breach-ignored-in-lockdown", "device: a breach in a state answered LOCKDOWN (duress) is only logged",
           "KCP1-MODEL-BREACH", _breach_ignored_in_lockdown),
    # more
    Mutant("keypad-bad-frame-kept", "keypad: a bad frame in ESTABLISHED is ignored instead of closing",
           "KCP1-MODEL-FAIL-CLOSED", _set("keypad_session", "ESTABLISHED", "bad_frame", "ESTABLISHED", [])),
    Mutant("reflected-ping-ignored", "client: a PING (its own frame reflected) in AWAIT_PONG is ignored",
           "KCP1-MODEL-FAIL-CLOSED", _set("client_session", "AWAIT_PONG", "frame_ping", "AWAIT_PONG", [])),
    Mutant("pong-unverified", "client: a PONG moves AWAIT_PONG to IDLE without verify_pong",
           "KCP1-MODEL-AUTH", _set("client_session", "AWAIT_PONG", "frame_pong", drop=("verify_pong",))),
    Mutant("rekey-ack-unverified", "client: a REKEY_ACK is taken without verify_rekey_ack",
           "KCP1-MODEL-AUTH", _set("client_session", "AWAIT_REKEY_ACK", "frame_rekey_ack",
                                   drop=("verify_rekey_ack",))),
    Mutant("deadline-ignored", "client: the deadline in AWAIT_PONG is ignored",
           "KCP1-MODEL-EXPOSURE", _set("client_session", "AWAIT_PONG", "deadline", "AWAIT_PONG", [])),
    Mutant("ping-without-deadline", "client: a verified PONG cancels the deadline and the next PING arms none",
           "KCP1-MODEL-DEADLINE-ARMED", _ping_without_deadline),
    Mutant("hello-timeout-ignored", "keypad: the HELLO timeout is ignored (the session waits forever)",
           "KCP1-MODEL-DEADLINE-ARMED", _set("keypad_session", "AWAIT_HELLO", "timeout", "AWAIT_HELLO", [])),
    Mutant("second-ping-in-flight", "client: a heartbeat in AWAIT_PONG sends another PING",
           "KCP1-MODEL-REKEY-UNIQUE", _set("client_session", "AWAIT_PONG", "tick", add=("send_ping",))),
    Mutant("keypad-rekey-unverified", "keypad: REKEY is answered without verify_rekey (its epoch stays)",
           "KCP1-MODEL-NO-FALSE-LOCKDOWN", _set("keypad_session", "AWAIT_REKEY", "frame_rekey", drop=("verify_rekey",))),
    Mutant("keypad-rekeys-twice", "keypad: REKEY advances its epoch twice (verify_rekey runs twice)",
           "KCP1-MODEL-REKEY-EPOCH", _rekey_twice),
    Mutant("keypad-never-awaits-rekey", "keypad: the epoch's last PING leaves it in ESTABLISHED",
           "KCP1-MODEL-NO-FALSE-LOCKDOWN", _set("keypad_session", "ESTABLISHED", "frame_ping_final", "ESTABLISHED")),
    Mutant("window-never-expires", "device: the window's expiry leaves it DISARMED",
           "KCP1-MODEL-WINDOW", _set("keypad_device", "DISARMED", "window_expired", "DISARMED", [])),
    Mutant("disarm-without-window", "device: the real PIN disarms without opening a window",
           "KCP1-MODEL-WINDOW", _set("keypad_device", "ARMED", "pin_ok", drop=("open_window",))),
    Mutant("breach-ignored-when-armed", "device: a breach in ARMED is only logged",
           "KCP1-MODEL-BREACH", _set("keypad_device", "ARMED", "breach", "ARMED", ["log_event"])),
    Mutant("wrong-pin-resets", "device: a wrong PIN in ARMED clears the counter",
           "KCP1-MODEL-PIN-RESET", _set("keypad_device", "ARMED", "pin_wrong", add=("reset_failures",))),
    Mutant("duress-unmasked", "device: a duress state shows its true name",
           "KCP1-MODEL-DURESS", _duress_unmasked),
    Mutant("duress-count-shown", "device: the duress PIN leaves the shown wrong-PIN count as it was (no hide_failures)",
           "KCP1-MODEL-DURESS", _every_row("keypad_device", "pin_duress", drop="hide_failures")),
    Mutant("unchecked-not-shown", "device: a PIN not used during the real backoff shows nothing (no pretend_failure)",
           "KCP1-MODEL-DURESS", _every_row("keypad_device", "pin_unchecked", actions=[])),
)

BY_NAME: dict[str, Mutant] = {m.name: m for m in MUTANTS}
