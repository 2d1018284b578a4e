"""state_machines.json (every row of every table) and sessions.json (transcripts, loads, accumulation)."""

from __future__ import annotations

import hashlib
from collections import deque
from typing import Any, Callable

from keycrypt import tables
from keycrypt.constants import BOOT_GRACE, MAINTENANCE_WINDOW, MAINTENANCE_WINDOW_MAX, PING_MIN_INTERVAL, Status
from keycrypt.crypto import schedule
from keycrypt.wire import fastpath, frames
from keycrypt_conformance import reference
from keycrypt_conformance.jsonio import hx
from keycrypt_conformance.rng import RecordingRandom, derive
from keycrypt_kit.vectorgen import material as M
from keycrypt_kit.vectorgen.builder import GenerationError, Group, VectorFile
from keycrypt_kit.vectorgen.duo import RTT, Duo, sent
from keycrypt_kit.vectorgen.gen_stream import STREAM_NOTES, STREAM_REQUIREMENTS, stream_cases

# --------------------------------------------------------------------------- state_machines.json

SM_NOTES = {
    "Legal": ("Functionality", "A row the protocol takes in normal operation."),
    "Illegal": ("MissingCheck", "A well-formed input the state does not allow: the session must end (state_error)."),
    "Failure": ("Functionality", "A row that ends the session for a typed reason (error, deadline, eof, order...)."),
    "Absorbing": ("EdgeCase", "A terminal state ignores every further input."),
    "PinCounter": ("Functionality", "Spec §9 from a persisted wrong-PIN count and lock-out: the 1 h cap, the lock-out's "
                   "end, a correct PIN clearing the counter."),
    "Unreachable": ("EdgeCase", "A row no concrete input reaches (a derived event); only the table walk covers it."),
}

# The session-ending outcome a case shows -> the requirement ids that outcome checks, per side.
OUTCOME_REQUIREMENTS: dict[str, dict[str, tuple[str, ...]]] = {
    "client": {
        "mac_failure": ("KCP1-MAC-2", "KCP1-ERR-1"), "counter_error": ("KCP1-CTR-2", "KCP1-ERR-1"),
        "state_error": ("KCP1-ERR-1",), "parse_error": ("KCP1-FRAME-2", "KCP1-ERR-1"),
        "deadline": ("KCP1-ERR-2",), "eof": ("KCP1-ERR-2",), "connect_timeout": ("KCP1-ERR-2", "KCP1-BOOT-1"),
        "lockdown_order": ("KCP1-STATUS-1",),
    },
    "keypad": {
        "mac_failure": ("KCP1-MAC-2", "KCP1-ERR-1"), "counter_error": ("KCP1-CTR-1", "KCP1-ERR-1"),
        "state_error": ("KCP1-ERR-1",), "parse_error": ("KCP1-FRAME-2", "KCP1-ERR-1"),
        "auth_error": ("KCP1-ERR-1",), "pace_error": ("KCP1-PACE-1", "KCP1-ERR-1"), "idle_timeout": ("KCP1-TM-3",),
    },
}

# state_machines.json: every case checks the tables (the groups say so); the flags add nothing of their own.
SM_REQUIREMENTS: dict[str, tuple[str, ...]] = {flag: () for flag in SM_NOTES}


def _outcome_requirements(g: Group, t: dict[str, Any]) -> list[str]:
    """The ids of the case's typed ending, and KCP1-SHIM-1 for a run whose outputs are compared step by step."""
    role = {**g.shared, **t["input"]}.get("role")
    outcome = t.get("outcome")
    ids = list(OUTCOME_REQUIREMENTS.get(str(role), {}).get(str(outcome), ()))
    if g.operation in ("session.run", "session.load", "machine.run") and "output" in t:
        ids.append("KCP1-SHIM-1")
    return ids


def _sm_refine(g: Group, t: dict[str, Any]) -> list[str]:
    ids = _outcome_requirements(g, t)
    if g.operation == "machine.run" or g.shared.get("machine") == "keypad_device":
        events = [e for _, e in t.get("rows", [])] + [t["input"].get("event", "")]
        states = [s for s, _ in t.get("rows", [])] + t["input"].get("path", [])
        if any("duress" in e for e in events) or any(s.startswith("DURESS") for s in states) \
                or "/DURESS" in t["id"]:
            ids.append("KCP1-DEVICE-1")
        steps = t["input"].get("steps", [])
        if any(e == "pin_wrong" for e in events) or any(s.get("result") == "wrong" for s in steps) \
                or "/persisted/" in t["id"]:
            ids.append("KCP1-PIN-2")  # the back-off, its cap and its persistence
        if any(e in ("pin_locked_out", "pin_unchecked") for e in events) or "lockout" in t["id"]:
            ids.append("KCP1-PIN-3")  # a PIN during the lock-out is not checked
    return ids


def _row_flags(table: tables.Table, row: tables.Row) -> list[str]:
    if row.state in table.terminal:
        return ["Absorbing"]
    if row.reason == "state_error":
        return ["Illegal"]
    if row.reason is not None or row.next in table.terminal:
        return ["Failure"]
    return ["Legal"]


def _paths(table: tables.Table) -> dict[str, list[str]]:
    """Shortest event path from the initial state to each state (BFS in table order)."""
    paths = {table.initial: []}
    queue = deque([table.initial])
    while queue:
        s = queue.popleft()
        for e in table.events:
            n = table.row(s, e).next
            if n not in paths:
                paths[n] = paths[s] + [e]
                queue.append(n)
    return paths


FOREIGN = {  # well-formed frames whose tags are never checked in the states they are sent to
    "hello": frames.encode(frames.Hello(0, 4, M.CLIENT_ID, derive("sm/ct", 1088), derive("sm/ch", 32),
                                        derive("sm/salt", 16))),
    "hello_ack": frames.encode(frames.HelloAck(0, bytes(32), bytes(32))),
    "ping": frames.encode(frames.Ping(0, bytes(32), bytes(32))),
    "pong": frames.encode(frames.Pong(0, 0, bytes(32))),
    "rekey": frames.encode(frames.Rekey(bytes(16), bytes(32))),
    "rekey_ack": frames.encode(frames.RekeyAck(bytes(32))),
    "garbage": b"XX\x01\x03\x00\x44",
}

SM_LOG2 = 4
SM_RANDOM_LABEL = "sm/client"


def _sm_duo() -> Duo:
    return Duo(SM_RANDOM_LABEL, client={"rekey_log2": SM_LOG2})


def _client_paths() -> dict[str, Callable[[Duo], dict[str, bytes]]]:
    """State -> a function that drives a fresh Duo there and returns the frames valid in that state."""

    def connecting(d: Duo) -> dict[str, bytes]:
        d.c("start", boot_grace=BOOT_GRACE)
        d.k("start")
        return {}

    def await_ack(d: Duo) -> dict[str, bytes]:
        connecting(d)
        hello = d.hello()
        d.wait()
        ok = sent(d.k("data", hello))
        d2 = reference.make_keypad(d.kset, RecordingRandom(f"{SM_RANDOM_LABEL}/keypad-random"))  # answers LOCKDOWN
        d2.start(0.0)
        lock = sent(d2.receive_data(hello, d.now, int(Status.LOCKDOWN)))
        d.wait()
        return {"hello_ack": ok, "hello_ack_lockdown": lock}

    def idle(d: Duo) -> dict[str, bytes]:
        v = await_ack(d)
        d.c("data", v["hello_ack"])
        return {}

    def await_pong(d: Duo, extra: int = 0) -> dict[str, bytes]:
        idle(d)
        for _ in range(extra):
            d.exchange()
        ping = d.ping()
        d.wait()
        ok = sent(d.k("data", ping))
        d.status = int(Status.LOCKDOWN)
        prefix = fastpath.pong_prefix(d.keypad._ping_counter, d.status)
        lock = prefix + schedule.mac(d.keypad.keys.k2c, prefix, d.keypad._challenge)  # type: ignore[union-attr]
        d.status = 0
        d.wait()
        return {"pong": ok, "pong_lockdown": lock}

    def await_pong_final(d: Duo) -> dict[str, bytes]:
        return await_pong(d, (1 << SM_LOG2) - 1)

    def await_rekey_ack(d: Duo) -> dict[str, bytes]:
        v = await_pong_final(d)
        rekey = sent(d.c("data", v["pong"]))
        d.wait()
        ack = sent(d.k("data", rekey))
        d.wait()
        return {"rekey_ack": ack}

    def locked_down(d: Duo) -> dict[str, bytes]:
        idle(d)
        d.c("eof")
        return {}

    def closed(d: Duo) -> dict[str, bytes]:
        idle(d)
        d.c("stop")
        return {}

    return {"CONNECTING": connecting, "AWAIT_HELLO_ACK": await_ack, "IDLE": idle, "AWAIT_PONG": await_pong,
            "AWAIT_PONG_FINAL": await_pong_final, "AWAIT_REKEY_ACK": await_rekey_ack, "LOCKED_DOWN": locked_down,
            "CLOSED": closed}


CLIENT_INPUTS = ("connected", "connect_failed", "tick", "timer", "eof", "stop", "garbage", "hello", "hello_ack",
                 "hello_ack_lockdown", "ping", "pong", "pong_lockdown", "rekey", "rekey_ack")


def _client_event(d: Duo, name: str, valid: dict[str, bytes]) -> None:
    if name in ("connected", "connect_failed", "tick", "eof", "stop"):
        d.c(name)
    elif name == "timer":
        armed = d.client._deadline_at
        d.now = armed if armed is not None else round(d.now + 0.1, 6)
        d.c("timer")
    else:
        frame = valid.get(name) or FOREIGN.get(name) or FOREIGN[name.rsplit("_", 1)[0]]
        d.c("data", frame)


def _keypad_paths() -> dict[str, Callable[[Duo], dict[str, bytes]]]:
    def await_hello(d: Duo) -> dict[str, bytes]:
        d.c("start", boot_grace=BOOT_GRACE)
        d.k("start")
        hello = d.hello()
        d.wait()
        return {"hello": hello}

    def established(d: Duo, extra: int = 0) -> dict[str, bytes]:
        hello = await_hello(d)["hello"]
        ack = sent(d.k("data", hello))
        d.wait()
        d.c("data", ack)
        for _ in range(extra):
            d.exchange()
        ping = d.ping()
        d.wait()
        return {"hello": hello, "ping": ping}

    def established_final(d: Duo) -> dict[str, bytes]:
        return established(d, (1 << SM_LOG2) - 1)

    def await_rekey(d: Duo) -> dict[str, bytes]:
        v = established_final(d)
        pong = sent(d.k("data", v["ping"]))
        d.wait()
        rekey = sent(d.c("data", pong))
        d.wait()
        return {"hello": v["hello"], "rekey": rekey}

    def closed(d: Duo) -> dict[str, bytes]:
        v = established(d)
        d.k("eof")
        return v

    return {"AWAIT_HELLO": await_hello, "ESTABLISHED": established, "ESTABLISHED_FINAL": established_final,
            "AWAIT_REKEY": await_rekey, "CLOSED": closed}


KEYPAD_INPUTS = ("hello", "hello_ack", "ping", "pong", "rekey", "rekey_ack", "garbage", "eof", "timer", "drop")


def _keypad_event(d: Duo, name: str, valid: dict[str, bytes]) -> None:
    if name == "eof":
        d.k("eof")
    elif name == "timer":
        armed = d.keypad._deadline_at
        d.now = armed if armed is not None else round(d.now + 0.1, 6)
        d.k("timer")
    elif name == "drop":
        d.k("drop", reason="breach")
    else:
        d.k("data", valid.get(name) or FOREIGN[name])


DEVICE_PATHS: dict[str, list[dict[str, Any]]] = {
    "SEALED": [],
    "ARMED": [{"input": "pin", "result": "ok"}],
    "DISARMED": [{"input": "pin", "result": "ok"}, {"input": "pin", "result": "ok"}],
    "BREACHED": [{"input": "pin", "result": "ok"}, {"input": "breach"}],
    "LOCKDOWN": [{"input": "pin", "result": "ok"}, {"input": "lockdown_order"}],
    "DURESS_ARMED": [{"input": "pin", "result": "ok"}, {"input": "pin", "result": "duress", "intent": "arm"}],
    "DURESS_DISARMED": [{"input": "pin", "result": "ok"}, {"input": "pin", "result": "duress"}],
}
DEVICE_INPUTS: dict[str, list[dict[str, Any]]] = {
    "pin_ok": [{"input": "pin", "result": "ok"}],
    "pin_ok_window": [{"input": "pin", "result": "ok", "window": 60.0}],
    "pin_wrong": [{"input": "pin", "result": "wrong"}],
    "pin_ok_arm": [{"input": "pin", "result": "ok", "intent": "arm"}],
    "pin_ok_disarm": [{"input": "pin", "result": "ok", "intent": "disarm", "window": 60.0}],
    "pin_duress": [{"input": "pin", "result": "duress"}],
    "pin_duress_arm": [{"input": "pin", "result": "duress", "intent": "arm"}],
    "pin_duress_disarm": [{"input": "pin", "result": "duress", "intent": "disarm"}],
    "pin_locked_out": [{"input": "pin", "result": "wrong"}] * 4 + [{"input": "pin", "result": "ok", "same_time": True}],
    # §9 "Two counts": 3 wrong PINs, the duress PIN (shown count 0, real 3), a wrong PIN (real 4: the real
    # lock-out runs, the shown one does not), then the real PIN at once: not used, shown as a wrong PIN
    "pin_unchecked": [{"input": "pin", "result": "wrong"}] * 3 + [
        {"input": "pin", "result": "duress", "intent": "arm"}, {"input": "pin", "result": "wrong"},
        {"input": "pin", "result": "ok", "same_time": True}],
    "pin_unchecked_disarmed": [{"input": "pin", "result": "wrong"}] * 3 + [
        {"input": "pin", "result": "duress"}, {"input": "pin", "result": "wrong"},
        {"input": "pin", "result": "wrong", "same_time": True}],
    "pin_unchecked_after_lockdown_order": [{"input": "pin", "result": "wrong"}] * 3 + [
        {"input": "pin", "result": "duress", "intent": "arm"}, {"input": "pin", "result": "wrong"},
        {"input": "lockdown_order", "same_time": True}, {"input": "pin", "result": "ok", "same_time": True}],
    "pin_unchecked_after_breach": [{"input": "pin", "result": "wrong"}] * 3 + [
        {"input": "pin", "result": "duress", "intent": "arm"}, {"input": "pin", "result": "wrong"},
        {"input": "breach", "same_time": True}, {"input": "pin", "result": "ok", "same_time": True}],
    "arm": [{"input": "arm"}],
    "breach": [{"input": "breach"}],
    "window_expired": [{"input": "window_expired", "late": True}],
    "lockdown_order": [{"input": "lockdown_order"}],
    # The window timer (mutation testing, docs/testing.md §7): a timer that fires early is armed again at the
    # window's end; one exactly at the end closes the window; a stale timer (the window cancelled by arm or a
    # lockdown order, or already expired) changes nothing.
    "window_expired_early": [{"input": "window_expired"}],
    "window_expired_at_end": [{"input": "window_expired", "after": MAINTENANCE_WINDOW}],
    "window_expired_twice": [{"input": "window_expired", "late": True}, {"input": "window_expired", "late": True}],
    "window_expired_after_arm": [{"input": "arm"}, {"input": "window_expired", "late": True}],
    "window_expired_after_lockdown_order": [{"input": "lockdown_order"}, {"input": "window_expired", "late": True}],
    # The window length's bounds (0, max]: the maximum itself and a window shorter than a second are accepted.
    "pin_ok_window_max": [{"input": "pin", "result": "ok", "window": MAINTENANCE_WINDOW_MAX}],
    "pin_ok_window_short": [{"input": "pin", "result": "ok", "window": 0.5}],
    # A wrong PIN has no intent: entered with "arm" or "disarm" it is the one pin_wrong event.
    "pin_wrong_arm": [{"input": "pin", "result": "wrong", "intent": "arm"}],
    "pin_wrong_disarm": [{"input": "pin", "result": "wrong", "intent": "disarm"}],
}


def _device_steps(path: list[dict[str, Any]], event: list[dict[str, Any]]) -> list[dict[str, Any]]:
    steps, now = [], 1000.0
    for s in path + event:
        s = dict(s)
        if s.pop("late", False):
            now += 100000.0
        elif "after" in s:
            now += float(s.pop("after"))
        elif not s.pop("same_time", False):
            now += 1.0
        steps.append({**s, "now": now})
    return steps


def state_machines_file() -> dict[str, Any]:
    f = VectorFile("KCP/1 state machines", [
        "machine.step walks each table abstractly: every (state, event) row, legal or not, reached by the",
        "shortest event path. The concrete groups drive the sessions and the device with real inputs; 'rows'",
        "lists the table rows the last step takes (a derived event such as lockdown_order follows its frame)."],
        SM_NOTES, SM_REQUIREMENTS, _sm_refine)
    reached: dict[str, set[tuple[str, str]]] = {m: set() for m in tables.MACHINES}

    def concrete_session_rows(role: str, machine: str, paths: dict[str, Any], inputs: Any,
                              feed: Callable[[Duo, str, Any], None], g: Any) -> None:
        """Each state reached by real inputs, then one more input; the rows it took, as the table says."""
        table = tables.load(machine)
        for state, go in paths.items():
            for name in inputs:
                d = _sm_duo()
                valid = go(d)
                side = d.client if role == "client" else d.keypad
                side.trace = []
                feed(d, name, valid)
                rows = [(s, e) for s, e, _ in side.trace]
                reached[machine].update(rows)
                last_out = (d.cout if role == "client" else d.kout)[-1]
                t = d.emit(g, role, f"{machine}/{state}/{name}", f"{role} in {state}, input {name}",
                           _concrete_flags(table, rows), _concrete_outcome(table, rows, last_out), shared_setup=True)
                t["rows"] = [list(r) for r in rows]

    g = f.group("session.run", "The client session driven by real inputs into each state, then one more input. "
                "rekey_log2 = 4 so that the epoch's last PONG is reached.",
                {"role": "client", "setup": M.client_setup(rekey_log2=SM_LOG2, random=derive(f"{SM_RANDOM_LABEL}/random", 1024))},
                requirements=["KCP1-TABLE-1"])
    concrete_session_rows("client", "client_session", _client_paths(), CLIENT_INPUTS, _client_event, g)

    g = f.group("session.run", "The keypad session driven by real inputs into each state, then one more input.",
                {"role": "keypad", "setup": M.keypad_setup(random=derive(f"{SM_RANDOM_LABEL}/keypad-random", 32))},
                requirements=["KCP1-TABLE-1"])
    concrete_session_rows("keypad", "keypad_session", _keypad_paths(), KEYPAD_INPUTS, _keypad_event, g)

    g = f.group("machine.run", "The keypad device driven by PIN results, the sensor and timers.",
                {"machine": "keypad_device", "setup": {"failures": 0, "locked_until": 0.0}}, requirements=["KCP1-TABLE-1"])
    table = tables.load("keypad_device")
    from keycrypt.machines.device import KeypadDevice

    for state, path in DEVICE_PATHS.items():
        for name, event in DEVICE_INPUTS.items():
            steps = _device_steps(path, event)
            dev = KeypadDevice()
            for s in steps[:-1]:
                _device_apply(dev, s)
            dev.trace = []
            _device_apply(dev, steps[-1])
            rows = [(s, e) for s, e, _ in dev.trace]
            reached["keypad_device"].update(rows)
            t = g.valid(f"keypad_device/{state}/{name}", f"device in {state}, input {name}", {"steps": steps},
                        _concrete_flags(table, rows))
            t["rows"] = [list(r) for r in rows]

    # A correct PIN after wrong ones: reset_failures emits pin_state_changed(0, 0) only when there is a count to clear.
    steps = [{"input": "pin", "result": "ok", "now": 1.0}, {"input": "pin", "result": "wrong", "now": 2.0},
             {"input": "pin", "result": "wrong", "now": 3.0}, {"input": "pin", "result": "ok", "intent": "arm", "now": 4.0}]
    t = g.valid("keypad_device/wrong-pins-then-correct", "two wrong PINs, then the correct PIN clears the count "
                "(pin_state_changed 0, 0)", {"steps": steps}, _concrete_flags(table, [("ARMED", "pin_ok_arm")]))
    t["rows"] = [["ARMED", "pin_ok_arm"]]

    # §9 from persisted state (issue #12 item 3), against the rules as they stand: the counter read back at
    # start, the 1 h cap, the lock-out's end (now < locked_until holds it), a correct PIN clearing the counter.
    def persisted(id: str, comment: str, failures: int, locked_until: float, steps: list[dict[str, Any]],
                  **shown: float) -> None:
        g.valid(f"keypad_device/persisted/{id}", comment,
                {"setup": {"failures": failures, "locked_until": locked_until, **shown}, "steps": steps}, ["PinCounter"])

    persisted("14-failures-wrong-pin-hits-cap", "14 wrong PINs persisted, one more: the backoff 2 s x 2^11 is capped "
              "at 1 h", 14, 0.0, [{"input": "pin", "result": "wrong", "now": 5.0}])
    persisted("lockout-end-exact", "5 wrong PINs persisted, locked until 8: a correct PIN 1 ms before is not checked; "
              "one exactly at 8 is, unseals and clears the counter", 5, 8.0,
              [{"input": "pin", "result": "ok", "now": 7.999}, {"input": "pin", "result": "ok", "now": 8.0}])
    persisted("40-failures-wrong-pin-capped", "40 wrong PINs persisted, one more: 2 s x 2^37 capped at 1 h", 40, 0.0,
              [{"input": "pin", "result": "wrong", "now": 5.0}])
    persisted("lockout-end-exact-wrong-pin", "5 wrong PINs persisted, locked until 8: a wrong PIN exactly at 8 is "
              "checked and counted (the 6th: 8 s more)", 5, 8.0, [{"input": "pin", "result": "wrong", "now": 8.0}])
    persisted("correct-pin-clears", "3 wrong PINs persisted (no lock-out yet): a correct PIN clears them, so the next "
              "wrong PIN is the first, without a lock-out", 3, 0.0,
              [{"input": "pin", "result": "ok", "now": 1.0}, {"input": "pin", "result": "wrong", "now": 2.0}])
    # A correct PIN clears every count it finds, each one alone (mutation testing: reset_failures tests all four).
    persisted("hidden-real-count-cleared", "2 wrong PINs, then a duress PIN hid them (shown count 0, real count 2, "
              "no lock-out): a correct PIN clears the real count and persists it (pin_state_changed 0, 0)", 2, 0.0,
              [{"input": "pin", "result": "ok", "now": 1.0}], shown_failures=0, shown_until=0.0)
    persisted("shown-count-only-cleared", "a shown count of 2 alone (real count 0, no lock-out) is cleared by a correct "
              "PIN as well (pin_state_changed 0, 0)", 0, 0.0,
              [{"input": "pin", "result": "ok", "now": 1.0}], shown_failures=2, shown_until=0.0)
    persisted("3-failures-wrong-pin-locks", "3 wrong PINs persisted, one more: the 4th earns the first lock-out, 2 s "
              "from that PIN (the counter is read back, not restarted)", 3, 0.0,
              [{"input": "pin", "result": "wrong", "now": 10.0}])

    # §9 "Two counts" from persisted state: a keypad restarted after a duress PIN (real count 4, its
    # lock-out earned again until 1003; shown count 0). It starts SEALED.
    g = f.group("machine.run", "The keypad device restarted after a duress PIN: the real wrong-PIN count's "
                "lock-out runs, the shown count is zero (spec §9, 'Two counts').",
                {"machine": "keypad_device", "setup": {"failures": 4, "locked_until": 1003.0,
                                                       "shown_failures": 0, "shown_until": 0.0}},
                requirements=["KCP1-TABLE-1", "KCP1-PIN-2", "KCP1-PIN-3", "KCP1-DEVICE-1"])
    restarted = {
        "real_pin_not_used": [{"input": "pin", "result": "ok", "now": 1001.0}],
        "wrong_pin_shown": [{"input": "pin", "result": "wrong", "now": 1001.0}],
        "duress_pin_counts": [{"input": "pin", "result": "duress", "now": 1001.0}],
        "real_pin_after_the_lockout": [{"input": "pin", "result": "ok", "now": 1001.0},
                                       {"input": "pin", "result": "ok", "now": 1003.0}],
        "shown_lockout_after_three_more": [{"input": "pin", "result": "wrong", "now": 1001.0 + i / 4}
                                           for i in range(5)],
    }
    for name, steps in restarted.items():
        dev = KeypadDevice(failures=4, locked_until=1003.0, shown_failures=0, shown_until=0.0)
        for s in steps[:-1]:
            _device_apply(dev, s)
        dev.trace = []
        _device_apply(dev, steps[-1])
        rows = [(s, e) for s, e, _ in dev.trace]
        reached["keypad_device"].update(rows)
        t = g.valid(f"keypad_device/restarted_after_duress/{name}", f"restarted after a duress PIN: {name}",
                    {"steps": steps}, _concrete_flags(table, rows))
        t["rows"] = [list(r) for r in rows]

    for name in tables.MACHINES:
        table = tables.load(name)
        paths = _paths(table)
        g = f.group("machine.step", f"Every row of {name}: follow 'path' from {table.initial}, then take 'event'.",
                    {"machine": name}, requirements=["KCP1-TABLE-1"])
        for row in table.iter_rows():
            flags = _row_flags(table, row)
            comment = f"{row.state} + {row.event} -> {row.next}"
            if (row.state, row.event) not in reached[name]:
                flags = flags + ["Unreachable"]
                comment += " (no concrete input reaches this row)"
            g.valid(f"{name}/row/{row.state}/{row.event}", comment, {"path": paths[row.state], "event": row.event},
                    flags, expect={"state": row.state, "next": row.next, "actions": list(row.actions)})
    return f.to_json()


def _concrete_flags(table: tables.Table, rows: list[tuple[str, str]]) -> list[str]:
    if not rows:
        return ["Legal"]
    flags: list[str] = []
    for s, e in rows:
        for fl in _row_flags(table, table.row(s, e)):
            if fl not in flags:
                flags.append(fl)
    return flags


def _concrete_outcome(table: tables.Table, rows: list[tuple[str, str]], last: dict[str, Any]) -> str | None:
    """The typed reason the last step ends the session with, for rows that are not legal."""
    if not rows or all(table.row(s, e).reason is None for s, e in rows):
        return None
    ends = [a.get("reason") for a in last["actions"] if a["action"] in ("lockdown", "close")]
    if not ends or ends[0] in ("stopped", "lockdown_order"):
        return None
    return ends[0]


def _device_apply(dev: Any, step: dict[str, Any]) -> None:
    if step["input"] == "pin":
        dev.pin(step["result"], step["now"], window=step.get("window"), intent=step.get("intent", "toggle"))
    else:
        getattr(dev, step["input"])(step["now"])


# --------------------------------------------------------------------------- sessions.json

SESSION_NOTES = {
    "Normal": ("Functionality", "A complete, ordinary session."),
    "Psk": ("Functionality", "A client enrolled with a psk."),
    "Rekey": ("Functionality", "The epoch's last PING, the REKEY, and the first PING of the next epoch."),
    "CounterBoundary": ("EdgeCase", "Counters 0, 1 and 2^rekey_log2 - 1."),
    "StatusChange": ("Functionality", "The keypad's status changes during the session."),
    "LockdownOrder": ("Functionality", "A verified status LOCKDOWN makes the client lock down at once."),
    "BadTag": ("MissingCheck", "A frame whose tag does not verify."),
    "Replay": ("MissingCheck", "A frame replayed from earlier in the session."),
    "KeypadNonce": ("MissingCheck", "The keypad's HELLO_ACK nonce: a replayed HELLO gets keys its recording does not match."),
    "WrongCounter": ("MissingCheck", "A correctly tagged frame with the wrong counter."),
    "Reflection": ("MissingCheck", "A frame of the other direction sent back to its sender."),
    "WrongState": ("MissingCheck", "A well-formed frame the state does not allow."),
    "WrongKey": ("MissingCheck", "The keypad does not hold the key the client pinned (or the psks differ)."),
    "Auth": ("MissingCheck", "The client policy refuses the HELLO."),
    "Timeout": ("Functionality", "A deadline or idle timeout passes."),
    "RetryBeforeHelloAck": ("Functionality", "Before the first verified HELLO_ACK a refusal, a close or no answer is "
                            "retried until the boot grace ends; then connect_timeout."),
    "Pace": ("MissingCheck", "The keypad's pace (KCP1-PACE-1): a PING pipelined, or sooner than ping_min_interval after "
             "the previous answer, ends the session."),
    "ExposureBound": ("MissingCheck", "The client's deadline is the send time of the last PING whose answer it verified + D "
                      "(KCP1-TM-1): a verified PONG never stops the clock."),
    "Eof": ("Functionality", "The peer closes the connection."),
    "Malformed": ("MissingCheck", "Bytes that are not a well-formed frame."),
    "Drop": ("Functionality", "The device drops every session (breach)."),
    "Load": ("EdgeCase", "A session loaded mid-epoch, so that 2^24 - 1 is reached without 16 million PINGs."),
    "ImplicitRejection": ("EdgeCase", "A HELLO whose ciphertext decapsulates to the rejection secret."),
    "Accumulated": ("Functionality", "A long deterministic session hashed into one digest (CCTV-style)."),
}

_C, _K = "client", "keypad"
# flag -> {side: ids} of sessions.json (builder.py: one place per case class); the outcome adds its own ids
SESSION_REQUIREMENTS: dict[str, dict[str, tuple[str, ...]]] = {
    "Normal": {_C: ("KCP1-HS-1", "KCP1-KS-2"), _K: ("KCP1-PING-1", "KCP1-KS-1", "KCP1-KS-2")},
    "Psk": {_C: ("KCP1-HS-1", "KCP1-KS-2"), _K: ("KCP1-PING-1", "KCP1-KS-2")},
    "Rekey": {_C: ("KCP1-REKEY-1", "KCP1-KS-2"), _K: ("KCP1-REKEY-1", "KCP1-KS-2")},
    "CounterBoundary": {_C: ("KCP1-CTR-2",), _K: ("KCP1-CTR-1",)},
    "StatusChange": {_C: ("KCP1-MAC-1",), _K: ("KCP1-PING-1",)},
    "LockdownOrder": {_C: ("KCP1-STATUS-1",), _K: ("KCP1-PING-1",)},
    "BadTag": {_C: ("KCP1-MAC-2",), _K: ("KCP1-MAC-2",)},
    "Replay": {_C: ("KCP1-MAC-2",), _K: ("KCP1-CTR-1",)},
    "KeypadNonce": {_C: ("KCP1-KS-1", "KCP1-KS-2"), _K: ("KCP1-KS-1", "KCP1-KS-2")},
    "WrongCounter": {_C: ("KCP1-CTR-2",), _K: ("KCP1-CTR-1",)},
    "Reflection": {_C: ("KCP1-MAC-2", "KCP1-KS-2"), _K: ("KCP1-MAC-2", "KCP1-KS-2")},
    "WrongState": {_C: ("KCP1-ERR-1",), _K: ("KCP1-ERR-1", "KCP1-REKEY-1")},
    "WrongKey": {_C: ("KCP1-HS-1",), _K: ("KCP1-MAC-2",)},
    "Auth": {_K: ("KCP1-ERR-1",)},  # which policy rule: _session_refine
    "Timeout": {_C: ("KCP1-ERR-2", "KCP1-TM-1"), _K: ("KCP1-TM-3",)},
    "RetryBeforeHelloAck": {_C: ("KCP1-BOOT-1",)},
    "Pace": {_K: ("KCP1-PACE-1",)},
    "ExposureBound": {_C: ("KCP1-TM-1",)},
    "Eof": {_C: ("KCP1-ERR-2",), _K: ("KCP1-TABLE-1",)},
    "Malformed": {_C: ("KCP1-FRAME-2", "KCP1-ERR-1"), _K: ("KCP1-FRAME-2", "KCP1-ERR-1")},
    "Drop": {_K: ("KCP1-TABLE-1",)},
    "Load": {_C: ("KCP1-CTR-2",), _K: ("KCP1-CTR-1",)},
    "ImplicitRejection": {_C: ("KCP1-KEM-2", "KCP1-HS-1"), _K: ("KCP1-KEM-2", "KCP1-MAC-2")},
    "Accumulated": {"*": ("KCP1-FRAME-1", "KCP1-KS-2", "KCP1-MAC-1", "KCP1-REKEY-1")},
    **STREAM_REQUIREMENTS,
}
_POLICY = {"keypad/auth-psk-missing": "KCP1-POLICY-1", "keypad/auth-psk-not-enrolled": "KCP1-POLICY-2",
           "keypad/auth-not-enrolled": "KCP1-POLICY-3"}


def _session_refine(g: Group, t: dict[str, Any]) -> list[str]:
    ids = _outcome_requirements(g, t)
    if "Auth" in t["flags"]:
        if t["id"] not in _POLICY:
            raise GenerationError(f"{t['id']}: an Auth case names which client-policy rule (§6) it checks in _POLICY")
        ids.append(_POLICY[t["id"]])
    return ids


def _flip_last(raw: bytes) -> bytes:
    return raw[:-1] + bytes([raw[-1] ^ 0x01])


def sessions_file() -> dict[str, Any]:
    f = VectorFile("KCP/1 sessions", [
        "Whole sessions byte for byte, each side as its own case: the client replays its 'random' bytes (m, then",
        "challenge and salt for HELLO; a challenge per PING; a salt per REKEY) and is fed the keypad's frames; the",
        "keypad is fed the client's frames with the device status of each step."], {**SESSION_NOTES, **STREAM_NOTES},
        SESSION_REQUIREMENTS, _session_refine)
    gc = f.group("session.run", "Client transcripts.", {"role": "client"})
    gk = f.group("session.run", "Keypad transcripts.", {"role": "keypad"})

    def both(d: Duo, id: str, comment: str, flags: list[str], c_out: str | None = None,
             k_out: str | None = None) -> None:
        d.emit(gc, "client", f"client/{id}", comment, flags, c_out)
        d.emit(gk, "keypad", f"keypad/{id}", comment, flags, k_out)

    d = Duo("sessions/normal")
    d.handshake()
    for _ in range(3):
        d.exchange()
    both(d, "normal", "handshake and three PINGs (counters 0, 1, 2), ARMED", ["Normal", "CounterBoundary"])

    d = Duo("sessions/psk", client={"client_id": M.PSK_CLIENT_ID, "psk": M.PSK},
            keypad={"psks": {M.PSK_CLIENT_ID: M.PSK}})
    d.handshake()
    d.exchange()
    d.exchange()
    both(d, "psk", "an enrolled client with its psk, two PINGs", ["Normal", "Psk"])

    d = Duo("sessions/rekey", client={"rekey_log2": 4})
    d.handshake()
    for _ in range(33):
        d.exchange()
    both(d, "rekey-log2-4", "rekey_log2 = 4: PINGs 0..15, REKEY to epoch 1, 0..15, REKEY to epoch 2, PING 0",
         ["Rekey", "CounterBoundary"])

    d = Duo("sessions/psk-rekey", client={"client_id": M.PSK_CLIENT_ID, "psk": M.PSK, "rekey_log2": 4},
            keypad={"psks": {M.PSK_CLIENT_ID: M.PSK}})
    d.handshake()
    for _ in range(17):
        d.exchange()
    both(d, "psk-rekey-log2-4", "psk and a rekey at rekey_log2 = 4", ["Rekey", "Psk"])

    d = Duo("sessions/status")
    d.handshake()
    for st in (0, 1, 1, 0, 1, 2):
        d.exchange(st)
    both(d, "status-changes", "status ARMED, DISARMED, DISARMED, ARMED, DISARMED, then LOCKDOWN: the client locks "
         "down (lockdown_order)", ["StatusChange", "LockdownOrder"])

    for st, name in ((1, "disarmed"), (2, "lockdown")):
        d = Duo(f"sessions/hello-ack-{name}")
        d.handshake(st)
        if st == 1:
            d.exchange(1)
        both(d, f"hello-ack-{name}", f"HELLO_ACK carries {name.upper()}",
             ["StatusChange"] + (["LockdownOrder"] if st == 2 else []))

    # --- client-side failures
    def client_fail(id: str, comment: str, flags: list[str], outcome: str, play: Callable[[Duo], None],
                    **kw: Any) -> None:
        d = Duo(f"sessions/{id}", **kw)
        play(d)
        d.emit(gc, "client", f"client/{id}", comment, flags, outcome)

    def bad_pong(d: Duo) -> None:
        d.handshake()
        d.exchange()
        d.exchange()
        ping = d.ping()
        d.wait()
        pong = sent(d.k("data", ping))
        d.wait()
        d.c("data", _flip_last(pong))

    client_fail("pong-bad-tag", "the third PONG's tag has its last bit flipped", ["BadTag"], "mac_failure", bad_pong)

    d = Duo("sessions/refused-then-reached")
    d.c("start", boot_grace=BOOT_GRACE)
    d.k("start")
    d.c("connected")  # a sealed (or full) keypad accepts and aborts: the HELLO goes nowhere
    d.wait()
    d.c("eof")
    d.wait(0.1)
    d.c("connect_failed")  # then a refused connection
    d.wait(0.2)
    d.reached()
    d.emit(gc, "client", "client/refused-then-reached", "before the first HELLO_ACK a close and a refused connection "
           "are retried within the boot grace; the third attempt is answered and the session is established",
           ["RetryBeforeHelloAck"])

    d = Duo("sessions/retry-waiting-forever")
    d.c("start", boot_grace=None)  # no boot grace: wait for the keypad forever
    d.k("start")
    d.c("connected")
    d.wait()
    d.c("eof")  # retry with no boot grace to re-arm: the timer is cancelled (cancel_timer, retry)
    d.wait(0.1)
    d.reached()
    d.emit(gc, "client", "client/retry-waiting-forever", "a client that waits forever (boot_grace null) retries a "
           "close before the first HELLO_ACK with no timer armed (cancel_timer), then is answered",
           ["RetryBeforeHelloAck"])

    def grace_ends_unanswered(d: Duo) -> None:
        d.c("start", boot_grace=5.0)
        d.c("connected")
        d.wait(d.client.config.response_deadline)
        d.c("timer")  # no HELLO_ACK within D: retry, the boot grace is the deadline again
        d.wait(0.1)
        d.c("connected")
        d.now = 5.0
        d.c("timer")  # the boot grace ends with a HELLO still unanswered

    client_fail("boot-grace-ends-unanswered", "two HELLOs unanswered; the boot grace (5 s) ends: connect_timeout, "
                "not deadline", ["RetryBeforeHelloAck", "Timeout"], "connect_timeout", grace_ends_unanswered)

    def late_input_after_retry(d: Duo) -> None:
        d.c("start", boot_grace=5.0)
        d.c("connected")
        d.wait()
        d.c("eof")  # retried: the boot grace's end is the deadline again
        d.now = 6.0
        d.c("connected")  # past the boot grace, before its timer was delivered: a missed deadline first

    client_fail("late-input-after-retry", "a close before HELLO_ACK is retried; the next connection is reported after "
                "the boot grace ended (its timer not yet delivered): connect_timeout, no HELLO",
                ["RetryBeforeHelloAck", "Timeout"], "connect_timeout", late_input_after_retry)

    def hello_near_grace_end(d: Duo) -> None:
        d.c("start", boot_grace=5.0)
        d.now = 4.0
        d.c("connected")  # less than D before the boot grace ends: the HELLO's deadline is the grace's end
        d.now = 5.0
        d.c("timer")

    client_fail("hello-near-grace-end", "a HELLO sent 1 s before the boot grace ends: its deadline is the grace's end "
                "(set_timer 5), not D after the send; unanswered, connect_timeout", ["RetryBeforeHelloAck", "Timeout"],
                "connect_timeout", hello_near_grace_end)

    d = Duo("sessions/late-input-retries")
    d.c("start", boot_grace=BOOT_GRACE)
    d.k("start")
    d.c("connected")
    d.now = round(d.client.config.response_deadline + 0.5, 6)
    d.c("tick")  # past the HELLO's deadline, inside the boot grace, before the timer was delivered: no_answer, retry
    d.wait(0.1)
    d.reached()
    d.emit(gc, "client", "client/late-input-retries", "an input after the unanswered HELLO's deadline but inside the "
           "boot grace is first that missed deadline (no_answer): retried, then answered", ["RetryBeforeHelloAck"])

    def silent_after_pong(d: Duo) -> None:
        d.handshake()
        d.exchange()
        ping_sent = d.now - 2 * RTT  # exchange(): PING at t, PONG delivered at t + 2 RTT
        d.now = round(ping_sent + d.client.config.response_deadline, 6)
        d.c("timer")  # no further PING was answered: the deadline armed by the verified PONG fires in IDLE

    client_fail("exposure-bound-idle", "after a verified PONG nothing more is answered: the deadline stays armed at "
                "that PING's send time + D and fires in IDLE", ["ExposureBound"], "deadline", silent_after_pong)

    def pong_after_previous_bound(d: Duo) -> None:
        d.handshake()
        d.exchange()
        first_sent = d.now - 2 * RTT
        ping = d.ping()
        d.wait()
        pong = sent(d.k("data", ping))
        # inside this PING's own D, but after D from the previous answered PING's send: too late
        d.now = round(first_sent + d.client.config.response_deadline + 0.001, 6)
        d.c("data", pong)

    client_fail("pong-after-exposure-bound", "the second PONG arrives within D of its own PING but more than D after "
                "the send of the last PING whose answer was verified", ["ExposureBound", "Timeout"], "deadline",
                pong_after_previous_bound)

    def pong_with_counter(ping_counter: int, pong_counter: int) -> Callable[[Duo], None]:
        """PING ``ping_counter`` answered by a PONG correctly keyed for the challenge but another counter."""
        def play(d: Duo) -> None:
            d.handshake()
            for _ in range(ping_counter):
                d.exchange()
            ping = d.ping()
            d.wait()
            sent(d.k("data", ping))
            prefix = fastpath.pong_prefix(pong_counter, 0)
            d.c("data", prefix + schedule.mac(d.keypad.keys.k2c, prefix, d.keypad._challenge))  # type: ignore[union-attr]
        return play

    client_fail("pong-wrong-counter", "PING 1 answered by a correctly tagged PONG with counter 2", ["WrongCounter"],
                "counter_error", pong_with_counter(1, 2))
    client_fail("pong-counter-behind", "PING 2 answered by a correctly tagged PONG with counter 1", ["WrongCounter"],
                "counter_error", pong_with_counter(2, 1))

    def pong_replay(d: Duo) -> None:
        d.handshake()
        ping = d.ping()
        d.wait()
        pong = sent(d.k("data", ping))
        d.c("data", pong)
        d.ping()
        d.wait()
        d.c("data", pong)

    client_fail("pong-replayed", "PONG 0 replayed as the answer to PING 1 (its tag binds the old challenge)",
                ["Replay"], "mac_failure", pong_replay)

    def ping_reflected(d: Duo) -> None:
        d.handshake()
        ping = d.ping()
        d.wait()
        d.c("data", ping)

    client_fail("ping-reflected", "the client's own PING reflected back to it", ["Reflection", "WrongState"],
                "state_error", ping_reflected)

    def wrong_key(d: Duo) -> None:
        d.handshake()

    client_fail("keypad-wrong-key", "the keypad holds another key: its HELLO_ACK does not verify", ["WrongKey"],
                "mac_failure", wrong_key, keypad={"seed": M.OTHER_SEED})
    client_fail("wrong-psk", "the client's psk differs from the enrolled one: HELLO_ACK does not verify",
                ["WrongKey", "Psk"], "mac_failure", wrong_key,
                client={"client_id": M.PSK_CLIENT_ID, "psk": M.WRONG_PSK}, keypad={"psks": {M.PSK_CLIENT_ID: M.PSK}})

    def late_pong(d: Duo) -> None:
        d.handshake()
        ping = d.ping()
        d.wait()
        pong = sent(d.k("data", ping))
        d.wait(1.5)
        d.c("data", pong)

    client_fail("pong-late", "the PONG arrives at the response deadline: a late answer is no answer", ["Timeout"],
                "deadline", late_pong)

    def deadline(d: Duo) -> None:
        d.handshake()
        d.ping()
        d.wait(1.5)
        d.c("timer")

    client_fail("deadline", "no PONG: the deadline timer fires", ["Timeout"], "deadline", deadline)

    def boot_grace(d: Duo) -> None:
        d.c("start", boot_grace=BOOT_GRACE)
        d.c("connect_failed")
        d.wait(BOOT_GRACE)
        d.c("timer")

    client_fail("boot-grace", "the keypad is never reached within the boot grace", ["Timeout"], "connect_timeout",
                boot_grace)

    def eof(d: Duo) -> None:
        d.handshake()
        d.exchange()
        d.c("eof")

    client_fail("eof", "the keypad closes the connection", ["Eof"], "eof", eof)

    def truncated(d: Duo) -> None:
        d.handshake()
        ping = d.ping()
        d.wait()
        pong = sent(d.k("data", ping))
        d.c("data", pong[:-5])
        d.c("eof")

    client_fail("pong-truncated-eof", "a PONG cut short, then EOF", ["Eof", "Malformed"], "eof", truncated)

    def status3(d: Duo) -> None:
        d.handshake()
        d.ping()
        d.wait()
        prefix = fastpath.pong_prefix(0, 0)[:-1] + b"\x03"
        d.c("data", prefix + schedule.mac(d.client.keys.k2c, prefix, d.client._outstanding[1]))  # type: ignore

    client_fail("pong-status-3", "a correctly tagged PONG with status 3", ["Malformed"], "parse_error", status3)

    def garbage_after(d: Duo) -> None:
        d.handshake()
        ping = d.ping()
        d.wait()
        pong = sent(d.k("data", ping))
        d.c("data", pong)
        d.c("data", b"XX\x01\x04\x00\x25")

    # Separate reads (issue #12 item 3, spec guess 1): whether frames before a bad header in the same read
    # are acted on depends on how TCP cut the bytes, so no vector puts a valid frame and a bad header together.
    client_fail("pong-then-garbage", "a PONG, then a header with bad magic in the next read", ["Malformed"],
                "parse_error", garbage_after)

    def early_rekey_ack(d: Duo) -> None:
        d.handshake()
        d.ping()
        d.wait()
        d.c("data", FOREIGN["rekey_ack"])

    client_fail("rekey-ack-unasked", "a REKEY_ACK while a PONG is awaited", ["WrongState"], "state_error",
                early_rekey_ack)

    def bad_rekey_ack(d: Duo) -> None:
        d.handshake()
        for _ in range(15):
            d.exchange()
        ping = d.ping()
        d.wait()
        pong = sent(d.k("data", ping))
        d.wait()
        rekey = sent(d.c("data", pong))
        d.wait()
        ack = sent(d.k("data", rekey))
        d.c("data", _flip_last(ack))

    client_fail("rekey-ack-bad-tag", "the REKEY_ACK's tag has its last bit flipped", ["BadTag", "Rekey"],
                "mac_failure", bad_rekey_ack, client={"rekey_log2": 4})

    # --- keypad-side failures
    def keypad_fail(id: str, comment: str, flags: list[str], outcome: str, play: Callable[[Duo], None],
                    **kw: Any) -> None:
        d = Duo(f"sessions/{id}", **kw)
        play(d)
        d.emit(gk, "keypad", f"keypad/{id}", comment, flags, outcome)

    def _client_ping(d: Duo, counter: int, label: str) -> bytes:
        """A PING the client's own keys tag (what an attacker who encapsulated itself can send)."""
        prefix = fastpath.ping_prefix(counter, derive(label, 32))
        return prefix + schedule.mac(d.client.keys.c2k, prefix)  # type: ignore[union-attr]

    def pipelined(d: Duo) -> None:
        d.handshake()
        d.wait(0.5)
        d.k("data", _client_ping(d, 0, "sessions/pipelined/0") + _client_ping(d, 1, "sessions/pipelined/1"))

    keypad_fail("ping-pipelined", "PING 0 and PING 1 in one read: the second arrives before PING 0 is answered",
                ["Pace"], "pace_error", pipelined)

    def too_soon(d: Duo) -> None:
        d.handshake()
        d.exchange()  # the keypad answered PING 0 two RTTs ago
        d.k("data", _client_ping(d, 1, "sessions/too-soon/1"))  # 0.02 s after that answer

    keypad_fail("ping-too-soon", f"PING 1 arrives {2 * RTT} s after the keypad answered PING 0 (at least "
                f"{PING_MIN_INTERVAL} s)", ["Pace"], "pace_error", too_soon)

    d = Duo("sessions/ping-on-pace")
    d.handshake()
    d.exchange()
    d.wait(round(PING_MIN_INTERVAL + 0.001 - 2 * RTT, 6))
    ping = sent(d.c("tick"))
    d.wait(RTT)
    d.c("data", sent(d.k("data", ping)))
    d.emit(gk, "keypad", "keypad/ping-on-pace", f"PING 1 arrives {PING_MIN_INTERVAL + 0.001 + RTT:.3f} s after the "
           f"keypad answered PING 0, just over the minimum interval ({PING_MIN_INTERVAL} s): answered", ["Pace"])

    d = Duo("sessions/ping-at-pace")
    d.handshake()
    answered = d.keypad._answered_at  # the HELLO_ACK's time (0.01: chosen so that the difference is exact in binary)
    d.now = round(answered + PING_MIN_INTERVAL, 6)
    if d.now - answered != PING_MIN_INTERVAL:
        raise GenerationError("ping-at-pace: the PING's time is not exactly the minimum interval after the answer")
    d.k("data", _client_ping(d, 0, "sessions/ping-at-pace/0"))
    d.emit(gk, "keypad", "keypad/ping-at-pace", f"PING 0 arrives exactly {PING_MIN_INTERVAL} s (the minimum interval) "
           "after the keypad's HELLO_ACK: answered", ["Pace"])

    def frame_then_malformed(d: Duo) -> None:
        d.open()
        hello = d.hello()
        d.wait()
        bad_pong = fastpath.pong_prefix(0, 0)[:-1] + b"\xff" + bytes(32)  # a PONG header, an unknown status
        d.k("data", hello + bad_pong)

    keypad_fail("frame-then-malformed-in-one-read", "a HELLO and a malformed frame (PONG with status 0xff) in one read: "
                "the HELLO is answered, then the session closes (parse_error); both in that step's output",
                ["Malformed"], "parse_error", frame_then_malformed)

    def ping_replay(d: Duo) -> None:
        d.handshake()
        ping = d.ping()
        d.wait()
        pong = sent(d.k("data", ping))
        d.c("data", pong)
        d.wait()
        d.k("data", ping)

    keypad_fail("ping-replayed", "PING 0 replayed after it was answered (its tag is genuine)", ["Replay"],
                "counter_error", ping_replay)

    def ping_skip(d: Duo) -> None:
        d.handshake()
        d.exchange()
        prefix = fastpath.ping_prefix(2, derive("sessions/skip", 32))
        d.k("data", prefix + schedule.mac(d.client.keys.c2k, prefix))  # type: ignore[union-attr]

    keypad_fail("ping-skips-counter", "a correctly tagged PING with counter 2 where 1 is expected", ["WrongCounter"],
                "counter_error", ping_skip)

    def ping_rollback(d: Duo) -> None:
        d.handshake()
        for _ in range(3):
            d.exchange()
        prefix = fastpath.ping_prefix(1, derive("sessions/rollback", 32))  # fresh challenge, old counter
        d.k("data", prefix + schedule.mac(d.client.keys.c2k, prefix))  # type: ignore[union-attr]

    keypad_fail("ping-counter-rollback", "a correctly tagged PING with counter 1 (fresh challenge) where 3 is expected",
                ["WrongCounter", "Replay"], "counter_error", ping_rollback)

    def ping_bad_tag(d: Duo) -> None:
        d.handshake()
        ping = d.ping()
        d.wait()
        d.k("data", _flip_last(ping))

    keypad_fail("ping-bad-tag", "PING 0's tag has its last bit flipped", ["BadTag"], "mac_failure", ping_bad_tag)

    def second_hello(d: Duo) -> None:
        d.open()
        hello = d.hello()
        d.wait()
        d.k("data", hello)
        d.wait()
        d.k("data", hello)

    keypad_fail("second-hello", "the same HELLO sent twice", ["WrongState", "Replay"], "state_error", second_hello)

    def pong_to_keypad(d: Duo) -> None:
        d.handshake()
        ping = d.ping()
        d.wait()
        pong = sent(d.k("data", ping))
        d.wait()
        d.k("data", pong)

    keypad_fail("pong-reflected", "the keypad's own PONG reflected back to it", ["Reflection", "WrongState"],
                "state_error", pong_to_keypad)

    def early_rekey(d: Duo) -> None:
        d.handshake()
        d.exchange()
        prefix = frames.encode_prefix(frames.Rekey(derive("sessions/early-rekey", 16)))
        d.k("data", prefix + schedule.mac(d.client.keys.c2k, prefix))  # type: ignore[union-attr]

    keypad_fail("rekey-early", "a correctly tagged REKEY before the epoch is used up", ["WrongState", "Rekey"],
                "state_error", early_rekey)

    def ping_after_epoch(d: Duo) -> None:
        d.handshake()
        for _ in range(15):
            d.exchange()
        ping = d.ping()
        d.wait()
        sent(d.k("data", ping))
        prefix = fastpath.ping_prefix(16, derive("sessions/ping-16", 32))
        d.k("data", prefix + schedule.mac(d.client.keys.c2k, prefix))  # type: ignore[union-attr]

    keypad_fail("ping-after-epoch", "a correctly tagged PING 16 after the epoch's last PING 15 (rekey_log2 = 4)",
                ["WrongState", "CounterBoundary"], "state_error", ping_after_epoch, client={"rekey_log2": 4})

    def bad_rekey(d: Duo) -> None:
        d.handshake()
        for _ in range(15):
            d.exchange()
        ping = d.ping()
        d.wait()
        pong = sent(d.k("data", ping))
        d.wait()
        rekey = sent(d.c("data", pong))
        d.wait()
        d.k("data", _flip_last(rekey))

    keypad_fail("rekey-bad-tag", "the REKEY's tag has its last bit flipped", ["BadTag", "Rekey"], "mac_failure",
                bad_rekey, client={"rekey_log2": 4})

    def hello_only(d: Duo) -> None:
        d.open()
        hello = d.hello()
        d.wait()
        d.k("data", hello)

    keypad_fail("auth-psk-not-enrolled", "a HELLO with the psk flag from an id with no psk", ["Auth", "Psk"],
                "auth_error", hello_only, client={"psk": M.PSK})
    keypad_fail("auth-psk-missing", "an id enrolled with a psk sends a HELLO without it", ["Auth", "Psk"],
                "auth_error", hello_only, keypad={"psks": {M.CLIENT_ID: M.PSK}})
    keypad_fail("auth-not-enrolled", "require_enrolled: an unknown id", ["Auth"], "auth_error", hello_only,
                keypad={"require_enrolled": True})

    def implicit_rejection(d: Duo) -> None:
        d.open()
        hello = d.hello()
        i = 9 + len(M.CLIENT_ID) + 100  # a byte inside ct
        bad = hello[:i] + bytes([hello[i] ^ 0x01]) + hello[i + 1:]
        d.wait()
        d.k("data", bad)  # the keypad cannot tell: it answers under keys the client does not share
        d.wait(0.5)
        ss, salt = d.client._hello_secret  # type: ignore[misc]
        client_keys = schedule.EpochKeys.derive(0, schedule.handshake(ss, M.ek(), hello, salt, None, d.keypad.nonce).k0)
        prefix = fastpath.ping_prefix(0, derive("sessions/ir-ping", 32))
        d.k("data", prefix + schedule.mac(client_keys.c2k, prefix))

    def replayed_session(d: Duo) -> None:
        """A recorded HELLO and PING, replayed: the keypad's fresh nonce gives keys the recording does not match."""
        d.open()
        hello = d.hello()
        recorder = reference.make_keypad(d.kset, RecordingRandom("sessions/replay/recorded-keypad-nonce"))
        recorder.start(d.now)
        d.wait()
        d.c("data", sent(recorder.receive_data(hello, d.now, 0)))  # the session that was recorded
        ping = d.ping()
        d.wait()
        d.k("data", hello)  # the replay: answered with a new nonce, so with new keys
        d.wait()
        d.k("data", ping)

    keypad_fail("replayed-session", "a recorded HELLO and its first PING replayed to the keypad: the keypad's fresh "
                "nonce gives other keys, so the recorded PING fails its tag", ["Replay", "KeypadNonce", "BadTag"],
                "mac_failure", replayed_session)

    keypad_fail("hello-ct-corrupted", "a HELLO whose ct was altered: the keypad answers (implicit rejection), then "
                "the client's first PING fails its tag", ["ImplicitRejection", "BadTag"], "mac_failure",
                implicit_rejection)

    def idle(d: Duo) -> None:
        d.handshake()
        d.exchange()
        d.wait(3.0)
        d.k("timer")

    keypad_fail("idle-timeout", "no PING for the idle timeout", ["Timeout"], "idle_timeout", idle)

    def hello_timeout(d: Duo) -> None:
        d.k("start")
        d.wait(3.0)
        d.k("timer")

    keypad_fail("hello-timeout", "no HELLO after the connection was accepted", ["Timeout"], "idle_timeout",
                hello_timeout)

    def late_ping(d: Duo) -> None:
        d.handshake()
        ping = d.ping()
        d.wait(3.0)
        d.k("data", ping)

    keypad_fail("ping-late", "a PING arriving after the idle timeout", ["Timeout"], "idle_timeout", late_ping)

    def drop(d: Duo) -> None:
        d.handshake()
        d.exchange()
        d.k("drop", reason="breach")

    keypad_fail("breach-drop", "the breach sensor fires: the session is dropped", ["Drop"], "breach", drop)

    def k_eof(d: Duo) -> None:
        d.handshake()
        d.k("eof")

    keypad_fail("eof", "the client closes the connection", ["Eof"], "eof", k_eof)

    def k_garbage(d: Duo) -> None:
        d.handshake()
        d.k("data", b"GET / HTTP/1.1\r\n")

    keypad_fail("http-request", "an HTTP request instead of a frame", ["Malformed"], "parse_error", k_garbage)

    def k_trailing(d: Duo) -> None:
        d.handshake()
        ping = d.ping()
        d.wait()
        d.k("data", ping)
        d.wait()
        d.k("data", b"KC\x01\x09\x00\x00")

    keypad_fail("ping-then-bad-type", "a PING, then a header of unknown type 9 in a later read", ["Malformed"],
                "parse_error", k_trailing)

    stream_cases(gc, gk)  # issue #12: lone headers, split frames, check order, deadline boundaries, configs

    # --- loaded sessions (rekey_log2 = 24 boundary)
    gl = f.group("session.load", "Sessions loaded mid-epoch: K_e of 'epoch', next PING 'counter'.")
    last = (1 << 24) - 1
    load = {"epoch": 5, "key": hx(derive("sessions/load/key", 32)), "counter": last - 1, "rekey_log2": 24,
            "client_id": M.CLIENT_ID}
    d = Duo("sessions/load-24", load=load)
    d.c("start", boot_grace=None)
    d.k("start")
    for _ in range(3):
        d.exchange()
    d.emit(gl, "client", "client/load-2^24-2", "rekey_log2 = 24, epoch 5: PINGs 2^24-2 and 2^24-1, REKEY to "
           "epoch 6, PING 0", ["Load", "Rekey", "CounterBoundary"])
    d.emit(gl, "keypad", "keypad/load-2^24-2", "the keypad's side of client/load-2^24-2",
           ["Load", "Rekey", "CounterBoundary"])
    load2 = {**load, "counter": last}
    d = Duo("sessions/load-24-past", load=load2)
    d.k("start")
    d.ping()  # the client's PING 2^24-1 (recorded on the client side only)
    d.wait()
    ping = d.client._outstanding  # type: ignore[attr-defined]
    prefix = fastpath.ping_prefix(last, ping[1])
    first = prefix + schedule.mac(d.client.keys.c2k, prefix)  # type: ignore[union-attr]
    sent(d.k("data", first))
    prefix = fastpath.ping_prefix(0, derive("sessions/load-past", 32))
    d.wait(0.5)
    d.k("data", prefix + schedule.mac(d.client.keys.c2k, prefix))  # type: ignore[union-attr]
    d.emit(gl, "keypad", "keypad/load-2^24-1-then-ping", "after PING 2^24-1 the keypad accepts only REKEY: a PING "
           "(counter wrapped to 0) is refused", ["Load", "CounterBoundary", "WrongState"], "state_error")

    # --- accumulated
    ga = f.group("session.accumulate", "SHA-256 over every frame of a long session: HELLO, HELLO_ACK, then each "
                 "PING, PONG (and REKEY, REKEY_ACK when an epoch ends), in order.", {"seed": hx(M.KEYPAD_SEED)})
    for name, n, log2, psk, statuses in (("1000-psk", 1000, 5, M.PSK, [0, 1]),
                                         ("100000", 100_000, 4, None, [0, 0, 0, 1])):
        req = {"client_id": M.PSK_CLIENT_ID if psk else M.CLIENT_ID, "psk": None if psk is None else hx(psk),
               "rekey_log2": log2, "exchanges": n, "statuses": statuses,
               "random_seed": hx(derive(f"sessions/accumulated/{name}", 32))}
        t = ga.valid(f"accumulated/{name}", f"{n} PING/PONG exchanges at rekey_log2 = {log2}"
                     f"{' with a psk' if psk else ''}, statuses cycling {statuses}", req, ["Accumulated"])
        if n <= 5000 and accumulate_with_machines({**req, "seed": hx(M.KEYPAD_SEED)}) != t["output"]["digest"]:
            raise GenerationError(f"accumulated/{name}: the lean path and the machines disagree")
    return f.to_json()


def accumulate_with_machines(req: dict[str, Any]) -> str:
    """The accumulated digest computed by driving the reference ClientSession and KeypadSession (cross-check)."""
    from keycrypt_conformance.rng import xof_random

    n, log2, statuses = req["exchanges"], req["rekey_log2"], req["statuses"]
    setup = M.client_setup(client_id=req["client_id"], psk=None if req["psk"] is None else bytes.fromhex(req["psk"]),
                           rekey_log2=log2)
    rnd = xof_random(bytes.fromhex(req["random_seed"]), reference.accumulate_size(n, log2))
    client = reference.make_client(setup, rnd)  # one stream: the keypad's nonce follows the HELLO's draws
    kset = M.keypad_setup(psks={req["client_id"]: bytes.fromhex(req["psk"])} if req["psk"] else None,
                          seed=bytes.fromhex(req["seed"]))
    keypad = reference.make_keypad(kset, rnd)
    h = hashlib.sha256()
    now = 0.0
    keypad.start(now)

    def to_keypad(data: bytes, status: int) -> bytes:
        h.update(data)
        out = sent(keypad.receive_data(data, now, status))
        h.update(out)
        return out

    ack = to_keypad(sent(client.connected(now)), 0)
    client.receive_data(ack, now)
    for i in range(n):
        now += 0.5
        pong = to_keypad(sent(client.tick(now)), statuses[i % len(statuses)])
        rekey = sent(client.receive_data(pong, now))
        if rekey:
            client.receive_data(to_keypad(rekey, 0), now)
    if client.state != "IDLE" or keypad.state != "ESTABLISHED":
        raise GenerationError("the accumulated session did not stay up")
    return h.hexdigest()
