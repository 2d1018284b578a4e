"""The output vocabulary of spec/tables/*.json ("outputs") is what the reference machines emit.

spec/shim-protocol.md §3.5 (generated from that data) tells a porter which outputs each table action
emits, in which order, with which payload. This test holds the data to the behaviour: every concrete
case of the vectors (``session.run``, ``session.load``, ``machine.run``) is played through the
reference machines with every action handler wrapped, and

- each action's outputs are the ones its table declares, in order, with exactly the declared payload
  members, the declared fixed values, and an output marked ``when`` only sometimes;
- an action whose check fails emits nothing (its row is abandoned);
- a step's outputs are the outputs of the rows it completed, in the order the rows started (a
  follow-up row after the row that raised it; a ``bad_frame`` row instead of the abandoned one), and
  a step that fires no row emits only what §3.5 allows for that input;
- what a person sees follows the ``shown`` column (the duress masking rule);
- every action is seen, and every conditional output both emitted and left out.
"""

from __future__ import annotations

import copy
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from keycrypt import tables
from keycrypt.errors import KemError, ProtocolError
from keycrypt.machines.device import KeypadDevice
from keycrypt.machines.engine import Step, TableMachine
from keycrypt.tables import Emission, TableError, parse_table
from keycrypt_conformance import reference, rng
from keycrypt_conformance.jsonio import action_to_json
from keycrypt_vectors import VECTOR_FILES, vectors_dir

MACHINE_OPS = ("session.run", "session.load", "machine.run")

# Inputs handled outside any row (spec/shim-protocol.md §3.5, "Outputs outside the rows").
NO_ROW_OUTPUTS = {
    ("client", "start"): ["set_timer"],  # the boot grace; nothing when it is null
    ("keypad", "start"): ["set_timer"],  # the HELLO timeout
    ("device", "window_expired"): ["window_opened"],  # before the window's end: armed again
}


@dataclass
class RowRecord:
    table: str
    state: str
    event: str
    next: str
    actions: tuple[str, ...]
    emitted: list[tuple[str, list[dict[str, Any]]]] = field(default_factory=list)

    @property
    def completed(self) -> bool:
        return len(self.emitted) == len(self.actions)

    @property
    def outputs(self) -> list[dict[str, Any]]:
        return [o for _, outs in self.emitted for o in outs]


def _install(mp: pytest.MonkeyPatch) -> None:
    """Wrap every machine's action handlers and ``_fire`` to record what each row and action emitted."""
    orig_init, orig_fire = TableMachine.__init__, TableMachine._fire

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        orig_init(self, *args, **kwargs)
        self._rec_rows, self._rec_stack = [], []
        for name, handler in list(self._handlers.items()):
            self._handlers[name] = _wrap(self, name, handler)

    def fire(self: Any, event: str, now: float, **kwargs: Any) -> Any:
        row = self.TABLE.row(self.state, event)
        rec = RowRecord(self.TABLE.name, row.state, event, row.next, row.actions)
        self._rec_rows.append(rec)
        self._rec_stack.append(rec)
        try:
            return orig_fire(self, event, now, **kwargs)
        finally:
            self._rec_stack.pop()

    # TableMachine.__init__ is reached through super() from each machine's own __init__.
    mp.setattr(TableMachine, "__init__", init)
    mp.setattr(TableMachine, "_fire", fire)


def _wrap(machine: Any, name: str, handler: Any) -> Any:
    def run(step: Step) -> None:
        before = len(step.out)
        try:
            handler(step)
        except ProtocolError:
            assert len(step.out) == before, f"{machine.TABLE.name}.{name} emitted outputs, then failed its check"
            raise
        machine._rec_stack[-1].emitted.append((name, [action_to_json(a) for a in step.out[before:]]))

    return run


def _cases() -> Iterator[tuple[str, dict[str, Any]]]:
    for fname in VECTOR_FILES:
        data = json.loads((vectors_dir() / fname).read_text(encoding="utf-8"))
        for group in data["testGroups"]:
            if group["operation"] not in MACHINE_OPS:
                continue
            for t in group["tests"]:
                yield f"{fname}:{t['id']}", {"op": group["operation"], **group.get("input", {}), **t["input"]}


@dataclass
class Played:
    rows: list[RowRecord] = field(default_factory=list)
    no_row_steps: list[tuple[str, str, list[dict[str, Any]]]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    cases: int = 0


def _play_case(name: str, req: dict[str, Any], played: Played) -> None:
    """Drive the reference machines as the reference executor does, checking each step's outputs."""
    if req["op"] == "machine.run":
        setup = req.get("setup") or {}
        m: Any = KeypadDevice(failures=setup["failures"], locked_until=float(setup["locked_until"]),
                              shown_failures=setup.get("shown_failures"), shown_until=setup.get("shown_until"))
        role = "device"
    else:
        setup = req["setup"]
        random = rng.ReplayRandom(bytes.fromhex(setup["random"]))
        role = req["role"]
        try:
            m = reference.make_client(setup, random) if role == "client" else reference.make_keypad(setup, random)
        except KemError:
            return  # the whole run is refused (a pinned key that fails the check, shim spec §3): no row runs
        if req["op"] == "session.load":
            reference.load_state(m, req["load"])
    for i, step in enumerate(req["steps"]):
        mark = len(m._rec_rows)
        if role == "device":
            if step["input"] == "pin":
                w = step.get("window")
                out = m.pin(step["result"], float(step["now"]), window=None if w is None else float(w),
                            intent=step.get("intent", "toggle"))
            else:
                out = getattr(m, step["input"])(float(step["now"]))
        elif role == "client":
            out = reference._client_step(m, step)
        else:
            out = reference._keypad_step(m, step)
        got = [action_to_json(a) for a in out]
        rows = m._rec_rows[mark:]
        if not rows:
            played.no_row_steps.append((role, step["input"], got))
            continue
        done = [r for r in rows if r.completed]
        expected = [o for r in done for o in r.outputs]
        if got != expected:
            played.problems.append(f"{name} step {i}: step outputs {got} are not its completed rows' {expected}")
        played.rows += done


@pytest.fixture(scope="module")
def played() -> Played:
    result = Played()
    with pytest.MonkeyPatch.context() as mp:
        _install(mp)
        for name, req in _cases():
            _play_case(name, req, result)
            result.cases += 1
    return result


def _same(got: Any, want: Any) -> bool:
    if isinstance(want, bool) or isinstance(got, bool):
        return type(got) is type(want) and got == want
    return bool(got == want)


def _match(decl: tuple[Emission, ...], got: list[dict[str, Any]]) -> tuple[list[str], list[tuple[int, bool]]]:
    """Problems of ``got`` against the declaration; and, per conditional entry, whether it was emitted."""
    problems, seen = [], []
    i = 0
    for k, e in enumerate(decl):
        if i < len(got) and got[i]["action"] == e.output:
            members = set(got[i]) - {"action"}
            if members != set(e.fields):
                problems.append(f"{e.output} has members {sorted(members)}, declared {sorted(e.fields)}")
            for fname, spec in e.fields.items():
                value = got[i].get(fname)
                if isinstance(spec, dict) and "value" in spec and not _same(value, spec["value"]):
                    problems.append(f"{e.output}.{fname} = {value!r}, declared {spec['value']!r}")
                if isinstance(spec, dict) and "one_of" in spec and value not in spec["one_of"]:
                    problems.append(f"{e.output}.{fname} = {value!r}, declared one of {spec['one_of']!r}")
            if e.when is not None:
                seen.append((k, True))
            i += 1
        elif e.when is None:
            problems.append(f"missing {e.output} (always emitted) in {[o['action'] for o in got]}")
        else:
            seen.append((k, False))
    if i != len(got):
        problems.append(f"undeclared outputs {[o['action'] for o in got[i:]]}")
    return problems, seen


def test_vectors_drive_every_table(played: Played) -> None:
    assert played.cases > 300, played.cases
    assert {r.table for r in played.rows} == set(tables.MACHINES)


def test_step_outputs_are_the_completed_rows_outputs_in_order(played: Played) -> None:
    assert not played.problems, "\n".join(played.problems[:20])


def test_steps_without_a_row_emit_only_what_the_spec_allows(played: Played) -> None:
    bad = [(role, inp, got) for role, inp, got in played.no_row_steps
           if [o["action"] for o in got] not in ([], NO_ROW_OUTPUTS.get((role, inp)))]
    assert not bad, bad[:10]


def test_every_action_emits_its_declared_outputs(played: Played) -> None:
    problems: list[str] = []
    emitted_when: dict[tuple[str, str, int], set[bool]] = defaultdict(set)
    seen_actions: set[tuple[str, str]] = set()
    for rec in played.rows:
        decl = tables.load(rec.table).outputs
        for action, got in rec.emitted:
            seen_actions.add((rec.table, action))
            errs, seen = _match(decl[action], got)
            problems += [f"{rec.table} ({rec.state}, {rec.event}) {action}: {e}" for e in errs]
            for k, was in seen:
                emitted_when[(rec.table, action, k)].add(was)
    assert not problems, "\n".join(sorted(set(problems))[:20])
    every = {(m, a) for m in tables.MACHINES for a in tables.load(m).actions}
    assert every - seen_actions == set(), f"actions no vector runs: {sorted(every - seen_actions)}"
    for m in tables.MACHINES:
        for a, decl in tables.load(m).outputs.items():
            for k, e in enumerate(decl):
                if e.when is not None:
                    assert emitted_when[(m, a, k)] == {True, False}, f"{m}.{a}: {e.output} (when {e.when}) seen only as {emitted_when[(m, a, k)]}"


def test_what_a_person_sees_follows_the_shown_column(played: Played) -> None:
    """The duress masking rule: display texts and pin_required name the shown state, never a DURESS_* one."""
    shown = tables.load("keypad_device").raw["shown"]
    checked = 0
    for rec in played.rows:
        if rec.table != "keypad_device":
            continue
        for action, got in rec.emitted:
            for o in got:
                if action == "status_changed" and o["action"] == "display":
                    assert o["text"] == shown[rec.next].lower(), (rec, o)
                    checked += 1
                if o["action"] == "pin_required":
                    assert o["state"] == shown[rec.state], (rec, o)
                    checked += 1
                if o["action"] == "display":
                    assert "duress" not in o["text"].lower(), (rec, o)
    assert checked > 20, checked


def test_the_matcher_can_fail() -> None:
    """The declaration check itself: a wrong name, member, value or order is reported."""
    decl = tables.load("keypad_device").outputs["record_failure"]
    good = [{"action": "pin_state_changed", "failures": 1, "locked_until": 0.0, "shown_failures": 1, "shown_until": 0.0},
            {"action": "display", "text": "wrong PIN"}]
    assert _match(decl, good) == ([], [])
    assert _match(decl, good[::-1])[0]
    assert _match(decl, [good[0], {"action": "display", "text": "armed"}])[0]
    assert _match(decl, [good[0]])[0]
    assert _match(decl, [*good, {"action": "alarm", "reason": "breach", "silent": False}])[0]
    assert _match(decl, [{**good[0], "extra": 1}, good[1]])[0]
    alarm = tables.load("keypad_device").outputs["silent_alarm"]
    assert _match(alarm, [{"action": "alarm", "reason": "breach", "silent": 1}])[0]  # a bool is not an int
    reset = tables.load("keypad_device").outputs["reset_failures"]
    assert _match(reset, []) == ([], [(0, False)])


BROKEN_OUTPUTS = {
    "no outputs": (lambda r: r.pop("outputs"), "missing key 'outputs'"),
    "action without outputs": (lambda r: r["outputs"].pop("send_ping"), "missing \\['send_ping'\\]"),
    "outputs of an unknown action": (lambda r: r["outputs"].update(dance=[]), "unknown \\['dance'\\]"),
    "entry with an unknown key": (lambda r: r["outputs"]["send_ping"][0].update(order=1), "each entry"),
    "bad output name": (lambda r: r["outputs"]["send_ping"][0].update(output="Send!"), "bad output name"),
    "empty when": (lambda r: r["outputs"]["send_ping"][0].update(when=""), "non-empty when"),
    "bad field spec": (lambda r: r["outputs"]["send_ping"][0]["fields"].update(data={"value": 1, "one_of": [1]}), "send.data"),
    "one_of without from": (lambda r: r["outputs"]["send_ping"][0]["fields"].update(data={"one_of": [1]}), "send.data"),
    "not a list": (lambda r: r["outputs"].update(send_ping={"output": "send"}), "must be a list"),
}


@pytest.mark.parametrize("case", sorted(BROKEN_OUTPUTS))
def test_parse_table_rejects_bad_outputs(case: str) -> None:
    mutate, message = BROKEN_OUTPUTS[case]
    raw = copy.deepcopy(tables.load("client_session").raw)
    mutate(raw)
    with pytest.raises(TableError, match=message):
        parse_table(raw)
