"""Load and check the state tables of ``spec/tables/``.

The tables are the only place that says which state follows which event and
what is done on the way. Loading fails loudly if a table is not total (every
state x event pair has a row) or names an unknown state or action.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from keycrypt._specdata import read_spec_text
from keycrypt.errors import KeyCryptError

MACHINES: tuple[str, ...] = ("client_session", "keypad_session", "keypad_device")


class TableError(KeyCryptError):
    """A state table in spec/ is malformed or not total."""


@dataclass(frozen=True, slots=True)
class Row:
    state: str
    event: str
    next: str
    actions: tuple[str, ...]
    reason: str | None  # lockdown/close reason; "error" = the failed check's, "given" = the caller's
    note: str | None


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    initial: str
    terminal: frozenset[str]
    states: dict[str, str]
    events: dict[str, str]
    actions: dict[str, str]
    rows: dict[tuple[str, str], Row]
    raw: dict[str, Any]

    def row(self, state: str, event: str) -> Row:
        return self.rows[(state, event)]

    def iter_rows(self) -> list[Row]:
        """Rows in the table's own order (state, then event), for vectors and docs."""
        return [self.rows[(s, e)] for s in self.states for e in self.events]


def parse_table(raw: dict[str, Any]) -> Table:
    name = raw.get("machine", "?")

    def fail(msg: str) -> TableError:
        return TableError(f"table {name}: {msg}")

    for key in ("machine", "initial", "states", "events", "actions", "transitions"):
        if key not in raw:
            raise fail(f"missing key {key!r}")
    states, events, actions = raw["states"], raw["events"], raw["actions"]
    if raw["initial"] not in states:
        raise fail(f"initial state {raw['initial']!r} is not a state")
    terminal = frozenset(raw.get("terminal", []))
    if not terminal <= states.keys():
        raise fail(f"unknown terminal states {sorted(terminal - states.keys())}")
    trans = raw["transitions"]
    if set(trans) != set(states):
        raise fail(f"transitions cover states {sorted(trans)}, table declares {sorted(states)}")
    rows: dict[tuple[str, str], Row] = {}
    for state in states:
        got = trans[state]
        missing, extra = set(events) - set(got), set(got) - set(events)
        if missing:
            raise fail(f"state {state} has no row for events {sorted(missing)}")
        if extra:
            raise fail(f"state {state} has rows for unknown events {sorted(extra)}")
        for event in events:
            r = got[event]
            unknown_keys = set(r) - {"next", "actions", "reason", "note"}
            if unknown_keys:
                raise fail(f"row ({state}, {event}) has unknown keys {sorted(unknown_keys)}")
            if r["next"] not in states:
                raise fail(f"row ({state}, {event}) goes to unknown state {r['next']!r}")
            bad = [a for a in r["actions"] if a not in actions]
            if bad:
                raise fail(f"row ({state}, {event}) uses unknown actions {bad}")
            if state in terminal and (r["next"] != state or r["actions"]):
                raise fail(f"terminal state {state} must absorb {event} with no action")
            rows[(state, event)] = Row(state, event, r["next"], tuple(r["actions"]), r.get("reason"), r.get("note"))
    shown = raw.get("shown")
    if shown is not None and (set(shown) != set(states) or not set(shown.values()) <= set(states)):
        raise fail("'shown' must map every state to the state the device shows in it")
    return Table(name, raw.get("description", ""), raw["initial"], terminal, states, events, actions, rows, raw)


@cache
def load(name: str) -> Table:
    """The named table from spec/tables/ (cached; tables are immutable at run time)."""
    if name not in MACHINES:
        raise TableError(f"no state table named {name!r}")
    return parse_table(json.loads(read_spec_text("tables", f"{name}.json")))
