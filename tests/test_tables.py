"""The state tables are total and loadable, the loader refuses broken ones, and the code
follows the tables: every row of every table is driven through the machines' public inputs."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any, Callable

import pytest

import keycrypt.machines
from keycrypt.constants import Status
from keycrypt.errors import LocalUsageError, Reason
from keycrypt.machines import actions as A
from keycrypt.machines.client import ClientSession
from keycrypt.machines.device import KeypadDevice
from keycrypt.machines.engine import TableMachine
from keycrypt.machines.keypad import KeypadSession
from keycrypt.tables import MACHINES, Row, TableError, load, parse_table
from keycrypt.wire.frames import Hello, HelloAck, Ping, Pong, Rekey, RekeyAck, encode
from keycrypt_conformance.jsonio import action_to_json
from keycrypt_kit.harness import Pair

from conftest import pair, sends

CLASSES: dict[str, type[TableMachine]] = {
    "client_session": ClientSession,
    "keypad_session": KeypadSession,
    "keypad_device": KeypadDevice,
}
MACHINES_DIR = Path(keycrypt.machines.__file__).parent

# Crafted frames: well-formed, tags that mean nothing. Good enough wherever the row does not verify.
CRAFTED = {
    "frame_hello": encode(Hello(0, 4, "intruder", bytes(1088), bytes(32), bytes(16))),
    "frame_hello_ack": encode(HelloAck(0, bytes(32), bytes(32))),
    "frame_ping": encode(Ping(0, bytes(32), bytes(32))),
    "frame_ping_final": encode(Ping(15, bytes(32), bytes(32))),
    "frame_pong": encode(Pong(0, 0, bytes(32))),
    "frame_pong_final": encode(Pong(15, 0, bytes(32))),
    "frame_rekey": encode(Rekey(bytes(16), bytes(32))),
    "frame_rekey_ack": encode(RekeyAck(bytes(32))),
}
GARBAGE = b"XX\x01\x03\x00\x44"  # a bad magic: ParseError at the sixth byte


# --- the tables as data ------------------------------------------------------------------


@pytest.mark.parametrize("name", MACHINES)
def test_table_loads_and_is_total(name: str) -> None:
    table = load(name)
    assert table.initial in table.states and table.terminal <= table.states.keys()
    assert set(table.rows) == {(s, e) for s in table.states for e in table.events}
    for (s, e), row in table.rows.items():
        assert (row.state, row.event) == (s, e) and row.next in table.states
        assert set(row.actions) <= table.actions.keys()
    assert len(table.iter_rows()) == len(table.states) * len(table.events)
    for s in table.terminal:
        assert all(table.row(s, e).next == s and not table.row(s, e).actions for e in table.events)
    # rows that end a session say why; "given" only where the caller gives it
    for row in table.iter_rows():
        ends = {"lockdown", "close"} & set(row.actions)
        if ends:
            assert row.reason is not None, row
            assert row.reason in ("error", "given") or row.reason in Reason._value2member_map_, row
        if row.reason == "given":
            assert row.event == "drop", row
        if row.reason == "error":
            assert row.event == "bad_frame", row


@pytest.mark.parametrize("name", MACHINES)
def test_every_action_is_implemented_and_nothing_more(name: str) -> None:
    cls = CLASSES[name]
    table = load(name)
    implemented = {m[len("_act_") :] for m in dir(cls) if m.startswith("_act_")}
    assert implemented == set(table.actions)
    assert all(callable(getattr(cls, f"_act_{a}")) for a in table.actions)
    assert cls.TABLE is table


def test_engine_refuses_a_machine_missing_an_action() -> None:
    raw = copy.deepcopy(load("keypad_device").raw)
    raw["actions"]["bogus_action"] = "not implemented anywhere"
    raw["outputs"]["bogus_action"] = []
    raw["transitions"]["SEALED"]["arm"]["actions"] = ["bogus_action"]
    table = parse_table(raw)  # the table itself is well-formed

    class Bogus(KeypadDevice):
        TABLE = table

    with pytest.raises(LocalUsageError, match="bogus_action"):
        Bogus()


def broken(mutate: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    raw = copy.deepcopy(load("client_session").raw)
    mutate(raw)
    return raw


BROKEN = {
    "missing row": (lambda r: r["transitions"]["IDLE"].pop("tick"), "no row for events"),
    "unknown event row": (lambda r: r["transitions"]["IDLE"].update(nap={"next": "IDLE", "actions": []}), "unknown events"),
    "unknown next state": (lambda r: r["transitions"]["IDLE"]["tick"].update(next="NOWHERE"), "unknown state"),
    "unknown action": (lambda r: r["transitions"]["IDLE"]["tick"]["actions"].append("dance"), "unknown actions"),
    "terminal leaves": (lambda r: r["transitions"]["LOCKED_DOWN"]["tick"].update(next="IDLE"), "must absorb"),
    "terminal acts": (lambda r: r["transitions"]["CLOSED"]["tick"]["actions"].append("send_ping"), "must absorb"),
    "missing state": (lambda r: r["transitions"].pop("IDLE"), "transitions cover"),
    "bad initial": (lambda r: r.update(initial="NOWHERE"), "initial state"),
    "unknown terminal": (lambda r: r["terminal"].append("NOWHERE"), "terminal"),
    "missing key": (lambda r: r.pop("actions"), "missing key"),
    "unknown row key": (lambda r: r["transitions"]["IDLE"]["tick"].update(guard="x"), "unknown keys"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_parse_table_rejects(case: str) -> None:
    mutate, message = BROKEN[case]
    with pytest.raises(TableError, match=message):
        parse_table(broken(mutate))


def test_unknown_table_name() -> None:
    with pytest.raises(TableError):
        load("toaster")


def test_no_state_is_set_outside_the_engine() -> None:
    """The machines never name a state as a target: only engine.py assigns .state."""
    names = {s for n in MACHINES for s in load(n).states}
    for path in MACHINES_DIR.glob("*.py"):
        src = path.read_text()
        if path.name == "engine.py":
            assert "self.state = row.next" in src
            continue
        assert not re.search(r"\.state\s*=[^=]", src), path.name
        for s in names:
            assert not re.search(rf"[\"']{s}[\"']", src), (path.name, s)


# --- the code follows the table -------------------------------------------------------------


def expected_reason(row: Row, provoked: Reason) -> Reason | None:
    if row.reason is None:
        return None
    if row.reason == "error":
        return provoked
    if row.reason == "given":
        return Reason.BREACH  # the tests drop with BREACH
    return Reason(row.reason)


def check_outputs(row: Row, out: list[A.Action], reason: Reason | None, *, lead: int = 0) -> None:
    """The outputs are the row's actions' outputs: ends with the right reason, sends where it sends.

    ``lead`` rows ran before this one (a derived event): their outputs come first and are not judged.
    """
    lockdowns = [a for a in out if isinstance(a, A.Lockdown)]
    closes = [a for a in out if isinstance(a, A.Close)]
    if "lockdown" in row.actions:
        assert [a.reason for a in lockdowns] == [reason] and not closes
        assert lead or not any(isinstance(a, A.Send) for a in out)
        assert isinstance(out[-1], A.Lockdown)
    elif "close" in row.actions:
        assert [a.reason for a in closes] == [reason] and not lockdowns
        assert not any(isinstance(a, A.Send) for a in out)  # the keypad closes without answering
    else:
        assert not lockdowns and not closes
    if not row.actions:
        assert out == [], row
    # Every output an action always emits (spec/tables/*.json "outputs") is among the step's outputs.
    table = next(t for t in map(load, MACHINES) if (row.state, row.event) in t.rows and t.row(row.state, row.event) == row)
    names = {action_to_json(a)["action"] for a in out}
    for name in row.actions:
        for e in table.outputs[name]:
            if e.when is None:
                assert e.output in names, (row, name, e.output, out)


class Fired:
    """What a driver did: the outputs, the reason it provoked, and whether the public API sufficed."""

    def __init__(self, out: list[A.Action], provoked: Reason = Reason.PARSE_ERROR, *, public: bool = True, lead: int = 0):
        self.out, self.provoked, self.public, self.lead = out, provoked, public, lead


# client ------------------------------------------------------------------------------------


def client_in(state: str, event: str, status: int = Status.ARMED) -> tuple[Pair, bytes | None]:
    """A pair whose client is in ``state``; plus the genuine keypad frame the event needs, if any."""
    p = pair(rekey_log2=4)
    if state == "CONNECTING":
        return p, None
    if state == "CLOSED":
        p.client.stop(p.now)
        return p, None
    if state == "LOCKED_DOWN":
        p.client.connected(p.now)
        p.client.receive_data(GARBAGE, p.now)
        return p, None
    hello = p.hello()
    if state == "AWAIT_HELLO_ACK":
        (ack,) = sends(p.to_keypad(hello))
        return p, ack
    (ack,) = sends(p.to_keypad(hello))
    p.to_client(ack)
    if state == "IDLE":
        return p, None
    rounds = 15 if (state == "AWAIT_PONG" and event == "frame_pong_final") or state == "AWAIT_REKEY_ACK" else 0
    for _ in range(rounds):
        p.exchange(0.5)
    if state == "AWAIT_REKEY_ACK":
        p.status = status
        _, _, out = p.exchange(0.5)
        (rekey,) = sends(out)
        p.status = Status.ARMED
        (rekey_ack,) = sends(p.to_keypad(rekey))
        return p, rekey_ack
    assert state == "AWAIT_PONG"
    p.now += 0.5
    (ping,) = sends(p.client.tick(p.now))
    p.status = status
    (pong,) = sends(p.to_keypad(ping))
    p.status = Status.ARMED
    return p, pong


def drive_client(row: Row) -> tuple[ClientSession, Fired]:
    s, e = row.state, row.event
    if e == "lockdown_order" and s in ("IDLE", "AWAIT_REKEY_ACK"):
        # derived event: raised after a verified PONG that carries LOCKDOWN
        before = "AWAIT_PONG"
        p, pong = client_in(before, "frame_pong_final" if s == "AWAIT_REKEY_ACK" else "frame_pong", Status.LOCKDOWN)
        p.client.trace = []
        assert pong is not None
        return p.client, Fired(p.to_client(pong), lead=1)
    p, genuine = client_in(s, e)
    c, now = p.client, p.now
    c.trace = []
    public = {
        "connected": lambda: c.connected(now),
        "connect_failed": lambda: c.connect_failed(now),
        "tick": lambda: c.tick(now),
        "deadline": lambda: c.timer(now),
        "eof": lambda: c.eof(now),
        "stop": lambda: c.stop(now),
        "bad_frame": lambda: c.receive_data(GARBAGE, now),
    }
    if s == "AWAIT_HELLO_ACK" and e in ("deadline", "no_answer"):
        # the same timer: the boot grace over (deadline) or still running (no_answer: retry)
        c._grace_at = now if e == "deadline" else None
        return c, Fired(c.timer(now))
    if e in public:
        return c, Fired(public[e]())
    reachable = e.startswith("frame_") and not c.terminal and e != "lockdown_order"
    if e == "frame_pong_final" and s != "AWAIT_PONG":
        reachable = False  # only a PING in flight can be the epoch's last
    if reachable:
        wants_genuine = (s, e) in {
            ("AWAIT_HELLO_ACK", "frame_hello_ack"),
            ("AWAIT_PONG", "frame_pong"),
            ("AWAIT_PONG", "frame_pong_final"),
            ("AWAIT_REKEY_ACK", "frame_rekey_ack"),
        }
        data = genuine if wants_genuine else CRAFTED[e]
        assert data is not None
        return c, Fired(c.receive_data(data, now))
    # Not reachable through the public inputs: a derived event in a state that cannot derive it,
    # or a frame in a terminal state (receive_data stops reading once the session has ended).
    return c, Fired(c._fire(e, now), public=False)


# keypad ------------------------------------------------------------------------------------


def keypad_in(state: str, event: str) -> tuple[Pair, bytes | None]:
    p = pair(rekey_log2=4)
    if state == "CLOSED":
        p.keypad.eof(p.now)
        return p, None
    hello = p.hello()
    if state == "AWAIT_HELLO":
        return p, hello
    (ack,) = sends(p.to_keypad(hello))
    p.to_client(ack)
    rounds = 15 if (state == "ESTABLISHED" and event == "frame_ping_final") else 16 if state == "AWAIT_REKEY" else 0
    last: list[A.Action] = []
    for _ in range(rounds):
        _, _, last = p.exchange(0.5)
    if state == "AWAIT_REKEY":
        (rekey,) = sends(last)
        return p, rekey
    p.now += 0.5
    (ping,) = sends(p.client.tick(p.now))
    return p, ping


def drive_keypad(row: Row) -> tuple[KeypadSession, Fired]:
    s, e = row.state, row.event
    p, genuine = keypad_in(s, e)
    k, now = p.keypad, p.now
    k.trace = []
    public = {
        "eof": lambda: k.eof(now),
        "timeout": lambda: k.timer(now),
        "drop": lambda: k.drop(Reason.BREACH, now),
        "bad_frame": lambda: k.receive_data(GARBAGE, now, 0),
    }
    if e in public:
        return k, Fired(public[e]())
    reachable = not k.terminal and not (e == "frame_ping_final" and s != "ESTABLISHED")
    if reachable:
        wants_genuine = (s, e) in {
            ("AWAIT_HELLO", "frame_hello"),
            ("ESTABLISHED", "frame_ping"),
            ("ESTABLISHED", "frame_ping_final"),
            ("AWAIT_REKEY", "frame_rekey"),
        }
        data = genuine if wants_genuine else CRAFTED[e]
        assert data is not None
        return k, Fired(k.receive_data(data, now, 0))
    return k, Fired(k._fire(e, now), public=False)


# device ------------------------------------------------------------------------------------

T0 = 1_000_000.0


def device_in(state: str) -> KeypadDevice:
    d = KeypadDevice()
    path = {
        "SEALED": [],
        "ARMED": [lambda: d.pin("ok", T0)],
        "DISARMED": [lambda: d.pin("ok", T0), lambda: d.pin("ok", T0)],
        "BREACHED": [lambda: d.pin("ok", T0), lambda: d.breach(T0)],
        "LOCKDOWN": [lambda: d.pin("ok", T0), lambda: d.lockdown_order(T0)],
        "DURESS_ARMED": [lambda: d.pin("ok", T0), lambda: d.pin("duress", T0, intent="arm")],
        "DURESS_DISARMED": [lambda: d.pin("ok", T0), lambda: d.pin("duress", T0)],
    }[state]
    for step in path:
        step()
    assert d.state == state
    return d


def drive_device(row: Row) -> tuple[KeypadDevice, Fired]:
    d = device_in(row.state)
    e = row.event
    if e == "pin_locked_out":
        for _ in range(d.config.backoff_free_attempts + 1):
            d.pin("wrong", T0)
        assert not d.pin_allowed(T0 + 1)
    if e == "pin_unchecked":  # only the real lock-out runs: as after a duress PIN, or a restart after one (§9)
        d.failures, d.locked_until = d.config.backoff_free_attempts + 1, T0 + 100
        assert d.pin_allowed(T0 + 1)
    d.trace = []
    fire = {
        "pin_ok": lambda: d.pin("ok", T0 + 1),
        "pin_wrong": lambda: d.pin("wrong", T0 + 1),
        "pin_ok_arm": lambda: d.pin("ok", T0 + 1, intent="arm"),
        "pin_ok_disarm": lambda: d.pin("ok", T0 + 1, intent="disarm"),
        "pin_duress": lambda: d.pin("duress", T0 + 1),
        "pin_duress_arm": lambda: d.pin("duress", T0 + 1, intent="arm"),
        "pin_duress_disarm": lambda: d.pin("duress", T0 + 1, intent="disarm"),
        "pin_locked_out": lambda: d.pin("ok", T0 + 1),
        "pin_unchecked": lambda: d.pin("ok", T0 + 1),
        "arm": lambda: d.arm(T0 + 1),
        "breach": lambda: d.breach(T0 + 1),
        "window_expired": lambda: d.window_expired(d.window_until or T0 + 1),
        "lockdown_order": lambda: d.lockdown_order(T0 + 1),
    }[e]
    return d, Fired(fire())


DRIVERS: dict[str, Callable[[Row], tuple[Any, Fired]]] = {
    "client_session": drive_client,
    "keypad_session": drive_keypad,
    "keypad_device": drive_device,
}
ROWS = [(name, row) for name in MACHINES for row in load(name).iter_rows()]


@pytest.mark.parametrize("name,row", ROWS, ids=[f"{n}:{r.state}:{r.event}" for n, r in ROWS])
def test_code_follows_row(name: str, row: Row) -> None:
    machine, fired = DRIVERS[name](row)
    assert machine.state == row.next
    assert machine.trace is not None
    assert machine.trace[fired.lead :] == [(row.state, row.event, row.next)]
    check_outputs(row, fired.out, expected_reason(row, fired.provoked), lead=fired.lead)
    if name == "keypad_device":
        changes = [a for a in fired.out if isinstance(a, A.StatusChanged)]
        for ch in changes:
            assert ch.state == row.next and ch.status == machine.status


def test_most_rows_are_reached_through_public_inputs() -> None:
    """Guard against the drivers quietly falling back to _fire: only the known unreachable rows may."""
    private = []
    for name, row in ROWS:
        _, fired = DRIVERS[name](row)
        if not fired.public:
            private.append((name, row.state, row.event))
    allowed = (
        # derived events that the state cannot derive
        {("client_session", s, "lockdown_order") for s in ("CONNECTING", "AWAIT_HELLO_ACK", "AWAIT_PONG", "LOCKED_DOWN", "CLOSED")}
        | {("client_session", s, "frame_pong_final") for s in ("CONNECTING", "AWAIT_HELLO_ACK", "IDLE", "AWAIT_REKEY_ACK")}
        | {("keypad_session", s, "frame_ping_final") for s in ("AWAIT_HELLO", "AWAIT_REKEY")}
        | {("client_session", s, "no_answer") for s in load("client_session").states if s != "AWAIT_HELLO_ACK"}
        # frames after the end: receive_data no longer reads them
        | {("client_session", s, e) for s in ("LOCKED_DOWN", "CLOSED") for e in CRAFTED if e.startswith("frame_")}
        | {("keypad_session", "CLOSED", e) for e in CRAFTED if e.startswith("frame_") and e in load("keypad_session").events}
    )
    assert set(private) <= allowed
    assert len(private) < len(ROWS) // 4


# --- bad_frame rows carry the failed check's own reason ----------------------------------------


def test_bad_frame_reason_is_the_failed_checks() -> None:
    # client: a tampered PONG is a MAC failure, not a parse error
    p, pong = client_in("AWAIT_PONG", "frame_pong")
    assert pong is not None
    p.client.trace = []
    out = p.to_client(pong[:-1] + bytes((pong[-1] ^ 1,)))
    assert p.client.trace == [("AWAIT_PONG", "bad_frame", "LOCKED_DOWN")]
    assert [a.reason for a in out if isinstance(a, A.Lockdown)] == [Reason.MAC_FAILURE]
    # keypad: a replayed PING is a counter error (its tag is genuine)
    p, ping = keypad_in("ESTABLISHED", "frame_ping")
    assert ping is not None
    p.to_keypad(ping)
    p.keypad.trace = []
    out = p.to_keypad(ping)
    assert p.keypad.trace == [("ESTABLISHED", "bad_frame", "CLOSED")]
    assert [a.reason for a in out if isinstance(a, A.Close)] == [Reason.COUNTER_ERROR]
    assert p.keypad.close_reason == Reason.COUNTER_ERROR
    # keypad: a psk flag for an id without a psk is an auth error
    p = pair(psk=b"p" * 32)
    hello = p.hello()
    p.keypad.trace = []
    out = p.to_keypad(hello)
    assert p.keypad.trace == [("AWAIT_HELLO", "bad_frame", "CLOSED")]
    assert [a.reason for a in out if isinstance(a, A.Close)] == [Reason.AUTH_ERROR]
    assert not sends(out)
