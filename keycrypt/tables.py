"""Load and check the state tables of ``spec/tables/``.

The tables are the only place that says which state follows which event and
what is done on the way. Loading fails loudly if a table is not total (every
state x event pair has a row), names an unknown state or action, or does not
say, for every action, which outputs it emits (``outputs``).
"""

from __future__ import annotations

import json
import re
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


@dataclass(frozen=True, slots=True)
class Emission:
    """One output an action emits (spec/shim-protocol.md, "Outputs"): its name, its payload, when it is emitted.

    ``fields`` maps each payload member to where its value comes from: a description (str), or
    ``{"value": v}`` (always v), or ``{"one_of": [...], "from": "..."}``. ``when`` is None for an
    output the action always emits, else the condition under which it does.
    """

    output: str
    fields: dict[str, Any]
    when: str | None


_OUTPUT_NAME = re.compile(r"^[a-z][a-z_]*$")


def _field_ok(spec: Any) -> bool:
    if isinstance(spec, str):
        return bool(spec)
    if not isinstance(spec, dict) or not set(spec) <= {"value", "one_of", "from"}:
        return False
    if "value" in spec:
        return "one_of" not in spec
    return isinstance(spec.get("one_of"), list) and isinstance(spec.get("from"), str)


def _emissions(action: str, raw: Any, fail: Any) -> tuple[Emission, ...]:
    if not isinstance(raw, list):
        raise fail(f"outputs of {action} must be a list")
    out = []
    for e in raw:
        if not isinstance(e, dict) or set(e) - {"output", "fields", "when"} or "output" not in e:
            raise fail(f"outputs of {action}: each entry is {{output, fields, when?}}, got {e!r}")
        name, fields, when = e["output"], e.get("fields", {}), e.get("when")
        if not isinstance(name, str) or not _OUTPUT_NAME.match(name):
            raise fail(f"outputs of {action}: bad output name {name!r}")
        if not isinstance(fields, dict) or (when is not None and not (isinstance(when, str) and when)):
            raise fail(f"outputs of {action}: {name} needs a fields object and a non-empty when, if any")
        for fname, spec in fields.items():
            if not _field_ok(spec):
                raise fail(f"outputs of {action}: {name}.{fname} must be a description, {{value}} or {{one_of, from}}")
        out.append(Emission(name, dict(fields), when))
    return tuple(out)


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    initial: str
    terminal: frozenset[str]
    states: dict[str, str]
    events: dict[str, str]
    actions: dict[str, str]
    outputs: dict[str, tuple[Emission, ...]]  # per action, the outputs it emits, in order
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

    for key in ("machine", "initial", "states", "events", "actions", "outputs", "transitions"):
        if key not in raw:
            raise fail(f"missing key {key!r}")
    states, events, actions = raw["states"], raw["events"], raw["actions"]
    if raw["initial"] not in states:
        raise fail(f"initial state {raw['initial']!r} is not a state")
    if not isinstance(raw["outputs"], dict) or set(raw["outputs"]) != set(actions):
        got = set(raw["outputs"]) if isinstance(raw["outputs"], dict) else set()
        raise fail(f"'outputs' must list every action and no other: missing {sorted(set(actions) - got)}, "
                   f"unknown {sorted(got - set(actions))}")
    outputs = {a: _emissions(a, raw["outputs"][a], fail) for a in actions}
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
    return Table(name, raw.get("description", ""), raw["initial"], terminal, states, events, actions, outputs, rows, raw)


@cache
def load(name: str) -> Table:
    """The named table from spec/tables/ (cached; tables are immutable at run time)."""
    if name not in MACHINES:
        raise TableError(f"no state table named {name!r}")
    return parse_table(json.loads(read_spec_text("tables", f"{name}.json")))
