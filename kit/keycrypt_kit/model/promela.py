"""Write the Promela model of KCP/1 from the state tables and the constants.

Every table row becomes one guarded branch of its machine's ``*_fire`` inline; the action
names of the row are replaced by their meaning from :mod:`.semantics`. Nothing here names a
state of a table except through the table's own data (initial state, terminal states, the
device's ``status`` map), so a changed table gives a changed model, and the drift test says so.

Abstraction (see docs/verification.md): one client session, one TCP connection, one keypad
session and one keypad device; time in ticks of one heartbeat interval; symbolic frames
(type, session, epoch, counter, status) whose tags cannot be forged; a small rekey_log2 (two
PINGs per epoch) and three epochs.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from keycrypt.tables import Table
from keycrypt_kit.model.properties import PROPERTIES
from keycrypt_kit.model.semantics import (
    C2K_TYPES,
    CLIENT_EVENTS,
    DEVICE_EVENTS,
    K2C_TYPES,
    KEYPAD_EVENTS,
    SEMANTICS,
    ModelError,
    Sem,
)
from keycrypt_kit.model.source import Spec

# Bounds of the model (docs/verification.md says why they are enough).
MODEL_REKEY_LOG2 = 1  # two PINGs per epoch: counter 0 (not last) and 1 (the epoch's last)
EPOCHS = 2  # epochs 0 and 1: a rekey into a new epoch, and the end of an epoch in both
QCAP = 3  # frames in flight per direction before the adversary must act
ATTEMPTS = 2  # TCP connections a client may open (a retry before the first HELLO_ACK opens another)
WIN_DEF_T, WIN_MAX_T = 1, 2  # device ticks of a default and of a maximal maintenance window
LOCK_CAP_T = 4  # device ticks of the longest wrong-PIN lock-out
MACHINE_IDS = {"client": 0, "keypad": 1, "deviceA": 2, "deviceB": 3}
OFF = 255


@dataclass(frozen=True)
class FrameDesc:
    index: int
    type: str  # a frame type name, or GARBAGE / EOF
    session: str  # CLIENT (the client's real session) or ADV (the adversary's own)
    epoch: int = 0
    counter: int = 0
    status: str | None = None

    def describe(self) -> str:
        if self.type == "GARBAGE":
            return "undecodable bytes"
        if self.type == "EOF":
            return "FIN (connection closed)"
        if self.session == "ADV":
            return f"{self.type} built by the adversary (its own keys)"
        fields = []
        if self.type in ("HELLO", "HELLO_ACK"):
            fields.append(f"connection {self.epoch}")
        if self.type in ("PING", "PONG", "REKEY", "REKEY_ACK"):
            fields.append(f"epoch {self.epoch}")
        if self.type in ("PING", "PONG"):
            fields.append(f"counter {self.counter}")
        if self.status is not None:
            fields.append(f"status {self.status}")
        return f"{self.type}({', '.join(fields)})" if fields else self.type


@dataclass(frozen=True)
class Layout:
    """Numbers shared by the generator and the trail reader."""

    frames: list[FrameDesc]
    statuses: list[str]  # wire statuses by value, then "NONE"
    tables: dict[str, Table]
    ticks: dict[str, int]
    benign_ticks: dict[str, int]  # the same timers in the clean network's finer ticks

    @property
    def last(self) -> int:
        return (1 << MODEL_REKEY_LOG2) - 1


def _ticks(constants: dict[str, Any], per_interval: int = 1) -> dict[str, int]:
    """Timers in ticks of ``1 / per_interval`` heartbeat intervals (the clean network uses finer ticks)."""
    t = constants["timing"]
    unit = float(t["heartbeat_interval"]) / per_interval

    def of(seconds: float, what: str) -> int:
        n = math.ceil(round(seconds / unit, 9))
        if not 0 < n < OFF:
            raise ModelError(f"{what} = {seconds} s is {n} ticks of {unit} s: outside 1..{OFF - 1}")
        return n

    deadline = of(float(t["heartbeat_interval"]) * int(t["detect_multiplier"]), "response deadline")
    return {
        "D_T": deadline,
        "HB_T": per_interval,
        "IDLE_T": of(float(t["keypad_idle_timeout"]), "keypad_idle_timeout"),
        "HELLO_T": of(float(t["hello_timeout"]), "hello_timeout"),
        # the boot grace matters to the tables only as "more than a deadline left, or not": longer
        # than every connection attempt waiting its deadline, it repeats the same states
        "BOOT_T": min(math.ceil(round(float(t["boot_grace"]) / unit, 9)), ATTEMPTS * (deadline + 1) + 1),
        # one way: the clean network delivers within the spec's round-trip tolerance (§7, KCP1-TM-1:
        # 2 x round trip + interval < D; at equality the answer meets the deadline, which is late):
        # the largest whole number of ticks below (D - interval) / 4; at a tick of one interval that
        # is 0 (same-tick delivery), hence the finer ticks of the clean network
        "NET_T": max(0, (deadline - per_interval - 1) // 4),
    }


BENIGN_TICKS_PER_INTERVAL = 4  # the clean network's tick: a quarter interval, so NET_T is a real delay


def layout(spec: Spec) -> Layout:
    tables = spec.tables
    consts = spec.constants
    types = consts["frame_types"]
    for t in C2K_TYPES + K2C_TYPES:
        if t not in types:
            raise ModelError(f"frame type {t} is not in spec/constants.toml [frame_types]")
    statuses = [name for name, _ in sorted(consts["status"].items(), key=lambda kv: kv[1])] + ["NONE"]
    if [consts["status"][s] for s in statuses[:-1]] != list(range(len(statuses) - 1)):
        raise ModelError("status values must be 0..n-1 for the model")
    nc = (1 << MODEL_REKEY_LOG2) + 1  # counters 0..last, and one past it (a table that never rekeys)
    frames: list[FrameDesc] = [FrameDesc(0, "NONE", "CLIENT")]

    def add(**kw: Any) -> None:
        frames.append(FrameDesc(len(frames), **kw))

    for a in range(ATTEMPTS):  # HELLO and HELLO_ACK belong to one connection attempt (epoch: the attempt)
        add(type="HELLO", session="CLIENT", epoch=a)
    for a in range(ATTEMPTS):
        for s in statuses:
            add(type="HELLO_ACK", session="CLIENT", epoch=a, status=s)
    for e in range(EPOCHS):
        for c in range(nc):
            add(type="PING", session="CLIENT", epoch=e, counter=c)
    for e in range(EPOCHS):
        for c in range(nc):
            for s in statuses:
                add(type="PONG", session="CLIENT", epoch=e, counter=c, status=s)
    for e in range(EPOCHS):
        add(type="REKEY", session="CLIENT", epoch=e)
    for e in range(EPOCHS + 1):  # one past the bound: a keypad that runs ahead of the client
        add(type="REKEY_ACK", session="CLIENT", epoch=e)
    for t in C2K_TYPES + K2C_TYPES:
        add(type=t, session="ADV")
    add(type="GARBAGE", session="ADV")
    add(type="EOF", session="ADV")
    if len(frames) > 93:
        raise ModelError("the frame catalogue outgrew the three 31-bit knowledge words")
    return Layout(frames, statuses, tables, _ticks(consts), _ticks(consts, BENIGN_TICKS_PER_INTERVAL))


def device_inputs(device: Table) -> list[tuple[str, str | None]]:
    """The inputs of the two-device product: each typed PIN (with its intent), each duress point
    (real PIN on copy 0, duress PIN on copy 1, same intent), the other events, and time."""
    ev = list(device.events)
    raised = ("pin_locked_out", "pin_unchecked")  # raised by the keypad instead of the typed PIN's own event
    out: list[tuple[str, str | None]] = [("pin", e) for e in ev if e.startswith("pin_") and e not in raised]
    out += [("duress", s) for s in ("", "_arm", "_disarm") if f"pin_ok{s}" in ev and f"pin_duress{s}" in ev]
    out += [("event", e) for e in ("arm", "breach", "lockdown_order") if e in ev]
    return out + [("wait", None)]


def _c(name: str) -> str:
    """A Promela identifier for a table name."""
    return name.replace("-", "_")


class _Gen:
    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self.lay = layout(spec)
        self.t = self.lay.tables
        self.client, self.keypad, self.device = (self.t["client_session"], self.t["keypad_session"],
                                                 self.t["keypad_device"])
        self.out: list[str] = []
        self._check_names()

    def _check_names(self) -> None:
        for name, table in self.t.items():
            sem = SEMANTICS[name]
            unknown = sorted(set(table.actions) - set(sem))
            if unknown:
                raise ModelError(f"table {name} uses actions the model has no meaning for: {unknown} "
                                 "(add them to keycrypt_kit/model/semantics.py)")
        frame_events = {f"frame_{t.lower()}" for t in C2K_TYPES + K2C_TYPES}
        for table, known, final in ((self.client, CLIENT_EVENTS, "frame_pong_final"),
                                    (self.keypad, KEYPAD_EVENTS, "frame_ping_final")):
            unknown = sorted(set(table.events) - known - frame_events - {final})
            if unknown:
                raise ModelError(f"table {table.name} has events the model does not raise: {unknown}")
            missing = sorted(frame_events - set(table.events))
            if missing:
                raise ModelError(f"table {table.name} has no event for frames {missing}")
        unknown = sorted(set(self.device.events) - DEVICE_EVENTS)
        if unknown:
            raise ModelError(f"table keypad_device has events the model does not raise: {unknown}")
        if "pin_ok" not in self.device.events or "pin_duress" not in self.device.events:
            raise ModelError("table keypad_device needs pin_ok and pin_duress events")
        status = self.device.raw.get("status")
        if not isinstance(status, dict) or set(status) != set(self.device.states):
            raise ModelError("table keypad_device needs a status entry for every state")
        for value in status.values():
            if value is not None and value not in self.lay.statuses:
                raise ModelError(f"device status {value!r} is not a wire status of spec/constants.toml")
        if "ARMED" not in status.values():
            raise ModelError("no device state is answered ARMED")

    def w(self, line: str = "") -> None:
        self.out.append(line)

    # --- sections -------------------------------------------------------------------------------

    def header(self) -> None:
        self.w("/* KCP/1 model for SPIN, generated by `python -m keycrypt_kit.model generate` from")
        self.w(f" * {self.spec.origin} (spec/tables/*.json and spec/constants.toml). Do not edit: regenerate.")
        self.w(" *")
        self.w(" * Runs: spin -a -DCONFIG_<ADVERSARY|BENIGN|DEVICE> -DCHECK_<n>=1 kcp1.pml")
        for p in PROPERTIES:
            self.w(f" *   CHECK_{p.number:<2} {p.id:<30} ({p.config})")
        self.w(" */")
        self.w()
        self.w("#if !defined(CONFIG_ADVERSARY) && !defined(CONFIG_BENIGN) && !defined(CONFIG_DEVICE)")
        self.w("#define CONFIG_ADVERSARY 1")
        self.w("#endif")
        for p in PROPERTIES:
            self.w(f"#ifndef CHECK_{p.number}")
            self.w(f"#define CHECK_{p.number} 0")
            self.w("#endif")
        self.w("#define CHECK_0 1")
        self.w("/* a property: print its number (the trail reader names it), then fail */")
        self.w("#define REQ(id, c) if :: (CHECK_##id && !halt && !(c)) -> "
               "printf(\"@violation %d\\n\", id); assert(false) :: else -> skip fi")
        self.w("#define WF(c) REQ(0, c)")
        self.w()

    def constants(self) -> None:
        lay = self.lay
        self.w("/* ---- bounds and time (ticks of one heartbeat interval; the clean network's are a")
        self.w(f" * 1/{BENIGN_TICKS_PER_INTERVAL} interval, so that its delivery bound is a real delay) ---- */")
        self.w(f"#define OFF {OFF}")
        self.w("#ifdef CONFIG_BENIGN")
        for k, v in lay.benign_ticks.items():
            self.w(f"#ifndef {k}")  # -D{k}=n on the spin command line tries another value
            self.w(f"#define {k} {v}")
            self.w("#endif")
        self.w("#else")
        for k, v in lay.ticks.items():
            self.w(f"#ifndef {k}")
            self.w(f"#define {k} {v}")
            self.w("#endif")
        self.w("#endif")
        self.w(f"#define LAST {lay.last}")
        self.w(f"#define NC {lay.last + 2}")
        self.w(f"#define NE {EPOCHS}")
        self.w(f"#define EMAX {EPOCHS - 1}")
        self.w(f"#define QCAP {QCAP}")
        self.w(f"#define WIN_DEF_T {WIN_DEF_T}")
        self.w(f"#define WIN_MAX_T {WIN_MAX_T}")
        self.w()
        self.w("/* ---- frames: types from spec/constants.toml, then two pseudo-types ---- */")
        types = self.spec.constants["frame_types"]
        for name, value in types.items():
            self.w(f"#define T_{name} {value}")
        self.w(f"#define T_GARBAGE {max(types.values()) + 1}")
        self.w(f"#define T_EOF {max(types.values()) + 2}")
        for i, s in enumerate(lay.statuses):
            self.w(f"#define ST_{s} {i}")
        self.w(f"#define NS {len(lay.statuses)}")
        self.w(f"#define NATT {ATTEMPTS}  /* connection attempts; the client's session of attempt a is a */")
        self.w("#define SESS_ADV NATT")
        first: dict[tuple[str, str], int] = {}
        for fr in lay.frames:
            key = (fr.type, fr.session)
            first.setdefault(key, fr.index)
        self.w(f"#define F_HELLO(a) ({first[('HELLO', 'CLIENT')]} + (a))")
        self.w(f"#define F_HELLO_ACK(a, s) ({first[('HELLO_ACK', 'CLIENT')]} + (a) * NS + (s))")
        self.w(f"#define F_PING(e, c) ({first[('PING', 'CLIENT')]} + (e) * NC + (c))")
        self.w(f"#define F_PONG(e, c, s) ({first[('PONG', 'CLIENT')]} + ((e) * NC + (c)) * NS + (s))")
        self.w(f"#define F_REKEY(e) ({first[('REKEY', 'CLIENT')]} + (e))")
        self.w(f"#define F_REKEY_ACK(e) ({first[('REKEY_ACK', 'CLIENT')]} + (e))")
        self.w(f"#define F_EOF {first[('EOF', 'ADV')]}")
        self.w(f"#define NF {len(lay.frames)}")
        self.w("#define BIT(w, i) (((w) >> (i)) & 1)")
        self.w("#define KNOWN(i) ((i) < 31 -> BIT(kn0, i) : ((i) < 62 -> BIT(kn1, (i) - 31) : BIT(kn2, (i) - 62)))")
        self.w("#define ACC(i) ((i) < 31 -> BIT(acc0, i) : ((i) < 62 -> BIT(acc1, (i) - 31) : BIT(acc2, (i) - 62)))")
        self.w("#define USED(e, c) BIT(used, (e) * NC + (c))")
        self.w("#define PUSED(e, c) BIT(pused, (e) * NC + (c))")
        self.w()

    def states(self) -> None:
        for prefix, table in (("C", self.client), ("K", self.keypad), ("D", self.device)):
            self.w(f"/* ---- {table.name}: states and events, in the table's order ---- */")
            for i, s in enumerate(table.states):
                self.w(f"#define {prefix}_{_c(s)} {i}")
            for i, e in enumerate(table.events):
                self.w(f"#define {prefix}E_{_c(e)} {i}")
        c_term = " || ".join(f"cs == C_{s}" for s in sorted(self.client.terminal)) or "false"
        k_term = " || ".join(f"ks == K_{s}" for s in sorted(self.keypad.terminal)) or "false"
        self.w(f"#define C_LIVE (!({c_term}))")
        self.w(f"#define K_LIVE (!({k_term}))")
        self.w(f"#define C_AWAITING ({self._awaiting('cs', 'C', self.client)})")
        self.w(f"#define K_AWAITING ({self._awaiting('ks', 'K', self.keypad)})")
        status = self.device.raw["status"]
        expr = "ST_NONE"
        for s in reversed(list(self.device.states)):
            value = status[s] or "NONE"
            expr = f"(d == D_{s} -> ST_{value} : {expr})"
        self.w(f"#define DSTATUS(d) {expr}")
        disarmed = [st for st in self.device.states if self._shown(st) == "DISARMED"]
        self.w("#define IS_DISARMED(d) (" + (" || ".join(f"d == D_{st}" for st in disarmed) or "false") + ")"
               "  /* shown as DISARMED: a maintenance window runs */")
        n = len(self.device.states)
        self.w(f"#define DISP_WRONG {n + 1}")
        self.w(f"#define DISP_LOCKED {n + 2}")
        self.w(f"#define DISP_ALARM {n + 3}")
        free = int(self.spec.constants["pin"]["backoff_free_attempts"])
        fcap = free + 3
        self.w(f"#define FCAP {fcap}")
        expr = "0"
        for fl in range(fcap, free, -1):
            expr = f"(f == {fl} -> {min(2 ** (fl - free - 1), LOCK_CAP_T)} : {expr})"
        self.w(f"#define LOCKT(f) {expr}")
        self.w()

    @staticmethod
    def _awaiting(var: str, prefix: str, table: Table) -> str:
        """States that wait for the peer: some frame row there runs a verify_/accept_ action."""
        states = sorted({r.state for r in table.iter_rows()
                         if any(a.startswith(("verify_", "accept_")) for a in r.actions)})
        return " || ".join(f"{var} == {prefix}_{s}" for s in states) or "false"

    def globals_(self) -> None:
        self.w("/* ---- state ---- */")
        self.w("bool halt;  /* a bound of the model was reached: the run stops there */")
        self.w(f"byte cs = C_{self.client.initial};")
        self.w("byte c_epoch, c_ctr; bool c_out, c_pend, c_conn, c_est, c_keys, c_locked, c_hello;")
        self.w("byte c_att, c_natt, c_grace = OFF;  /* this connection's attempt, attempts made, boot grace left */")
        self.w("byte c_dl = OFF; bool c_dlf; byte c_hb = HB_T;  /* deadline (boot grace at start), heartbeat */")
        self.w("byte c_req = OFF, c_exp = OFF;  /* ghost ages: of the request in flight, of the last verified one */")
        self.w(f"byte ks = K_{self.keypad.initial};")
        self.w("byte k_epoch, k_ctr, k_pc, k_sess = OFF; bool k_keys, k_conn, k_tof, k_drop;")
        self.w("byte k_to = OFF;")
        self.w(f"byte ds[2] = D_{self.device.initial};  /* two device copies in CONFIG_DEVICE, one otherwise */")
        self.w("byte fl[2], lk[2], shf[2], shl[2], wn[2], dr[2], phase; int dp[2]; bool accepting;")
        self.w("chan q0 = [QCAP] of { byte }; chan q1 = [QCAP] of { byte };  /* 0: client to keypad */")
        self.w("bool taint0, taint1; byte hage0, hage1;")
        self.w("int kn0, kn1, kn2, acc0, acc1, acc2;  /* frames the adversary has seen; PONGs etc. accepted */")
        self.w("short used, pused;  /* (epoch, counter) pairs of PINGs sent, of PONGs sent */")
        self.w("/* scratch of one step, reset at its end so that it never tells two states apart (SPIN's")
        self.w(" * 'hidden' would rule out its breadth-first search, which gives the shortest trails) */")
        self.w("byte f, fT, fE, fC, fS, fX, fV, c_follow, acted, ok, was, peer_adv, c_tx, k_tx, c_hup, k_hup, sd, sf;")
        self.w("byte cq = OFF, kq = OFF, dq = OFF, cp, wreq, x, rcv = OFF; bool genuine;")
        self.w()

    def helpers(self) -> None:
        lay = self.lay
        self.w("inline bound() { halt = 1; printf(\"@bound\\n\") }")
        self.w("inline learn(i) {")
        self.w("  if :: i < 31 -> kn0 = kn0 | (1 << i) :: i >= 31 && i < 62 -> kn1 = kn1 | (1 << (i - 31))")
        self.w("     :: else -> kn2 = kn2 | (1 << (i - 62)) fi }")
        self.w("inline accept(i) {")
        self.w("  if :: i < 31 -> acc0 = acc0 | (1 << i) :: i >= 31 && i < 62 -> acc1 = acc1 | (1 << (i - 31))")
        self.w("     :: else -> acc2 = acc2 | (1 << (i - 62)) fi }")
        self.w("/* the stream d no longer carries what its sender sent: what is queued is only 'known' now */")
        self.w("inline taint(d) {")
        self.w("  if :: d == 0 -> taint0 = 1; do :: len(q0) > 0 -> q0?_ :: len(q0) == 0 -> break od")
        self.w("     :: else -> taint1 = 1; do :: len(q1) > 0 -> q1?_ :: len(q1) == 0 -> break od fi;")
        self.w("  hage0 = 0; hage1 = 0 }")
        self.w("inline send(d, fr) {")
        self.w("  learn(fr); printf(\"@send %d %d\\n\", d, fr);")
        self.w("  if :: d == 0 && !taint0 -> if :: len(q0) == 0 -> hage0 = 0 :: else fi;")
        self.w("                              if :: len(q0) < QCAP -> q0!fr :: else -> taint(0) fi")
        self.w("     :: d == 1 && !taint1 -> if :: len(q1) == 0 -> hage1 = 0 :: else fi;")
        self.w("                              if :: len(q1) < QCAP -> q1!fr :: else -> taint(1) fi")
        self.w("     :: else fi }")
        self.w("/* a new TCP connection: new byte streams, nothing in flight (the adversary keeps what it saw) */")
        self.w("inline new_connection() {")
        self.w("  do :: len(q0) > 0 -> q0?_ :: len(q0) == 0 -> break od;")
        self.w("  do :: len(q1) > 0 -> q1?_ :: len(q1) == 0 -> break od;")
        self.w("  taint0 = 0; taint1 = 0; hage0 = 0; hage1 = 0 }")
        if "no_answer" in self.client.events:
            self.w("/* ClientSession._deadline_event: before the first HELLO_ACK, within the boot grace */")
            self.w("#define DEADLINE_EV (c_hello && !c_est && c_grace != OFF && c_grace > 0 -> CE_no_answer : CE_deadline)")
        else:
            self.w("#define DEADLINE_EV CE_deadline")
        self.w("inline c_status(s) {")
        if "LOCKDOWN" in lay.statuses and "lockdown_order" in self.client.events:
            self.w("  if :: s == ST_LOCKDOWN -> c_follow = CE_lockdown_order :: else fi }")
        else:
            self.w("  skip }")
        # decode
        self.w("inline decode(i) {")
        self.w("  fE = 0; fC = 0; fS = 0; fX = c_att; fV = 1;  /* PING..REKEY_ACK: the established connection's */")
        self.w("  if")
        for fr in lay.frames[1:]:
            t = f"T_{fr.type}"
            parts = [f"fT = {t}"]
            if fr.session == "ADV":
                parts.append("fX = SESS_ADV")
            if fr.type == "GARBAGE":
                parts.append("fV = 0")
            if fr.type in ("HELLO", "HELLO_ACK") and fr.session == "CLIENT":
                parts.append(f"fX = {fr.epoch}")
            elif fr.epoch:
                parts.append(f"fE = {fr.epoch}")
            if fr.counter:
                parts.append(f"fC = {fr.counter}")
            if fr.status is not None:
                parts.append(f"fS = ST_{fr.status}")
            self.w(f"  :: i == {fr.index} -> {'; '.join(parts)}")
        self.w("  fi }")
        # adversary choice
        self.w("/* the adversary picks a frame it has seen, or builds one (its own session, garbage, a FIN) */")
        self.w("inline adv_pick() {")
        self.w("  if")
        for fr in lay.frames[1:]:
            guard = f"KNOWN({fr.index})" if fr.session == "CLIENT" else "true"
            self.w(f"  :: {guard} -> x = {fr.index}")
        self.w("  fi }")
        self.w()

    # --- machines: each table's rows appear once in the text (Promela inlines are copied at every use) ---

    def _shown(self, state: str) -> str:
        """What the keypad shows in ``state`` (the table's ``shown`` map; the state itself before it)."""
        return str(self.device.raw.get("shown", {}).get(state, state))

    def _disp(self, state: str) -> int:
        return list(self.device.states).index(self._shown(state)) + 1

    @staticmethod
    def _accepts(table: Table, row: Any) -> bool:
        """A client row that acts on a frame from the keypad: it verifies it, or moves on because of it."""
        if not row.event.startswith("frame_"):
            return False
        if any(a.startswith("verify_") for a in row.actions):
            return True
        return row.next != row.state and row.next not in table.terminal

    def _effect(self, table: Table, row: Any, action: str) -> str:
        effect = SEMANTICS[table.name][action].effect
        if table is self.device:
            old_style = "mask_duress" in table.actions and row.event.startswith("pin_duress")
            effect = effect.replace("DISPLAY_NEXT", "skip" if old_style else f"DP = DP * 32 + {self._disp(row.next)}")
            effect = effect.replace("DISP_MASKED", str(self._disp(self.device.row(row.state, "pin_ok").next))
                                    if "DISP_MASKED" in effect else "")
            effect = effect.replace("DISP_REQUIRE", str(len(table.states) + 4 + self._disp(row.state) - 1))
            effect = effect.replace("REAL_PIN_EVENT", "true" if row.event.startswith("pin_ok") else "false")
            for k, v in (("DS", "ds[cp]"), ("FL", "fl[cp]"), ("LK", "lk[cp]"), ("WN", "wn[cp]"), ("DP", "dp[cp]"),
                         ("DR", "dr[cp]"), ("SF", "shf[cp]"), ("SL", "shl[cp]"), ("EV", "dq")):
                effect = re.sub(rf"\b{k}\b", v, effect)
        return effect

    def _rows(self, machine: str, table: Table, var: str, prefix: str, evvar: str, mid: str, indent: str) -> None:
        """One guarded branch per row; a failed check handles bad_frame in the same state instead."""
        sem = SEMANTICS[table.name]
        def w(line: str) -> None:
            self.w(indent + line)

        w("if")
        for row in table.iter_rows():
            S, E, N = f"{prefix}_{_c(row.state)}", f"{prefix}E_{_c(row.event)}", f"{prefix}_{_c(row.next)}"
            checks: list[str] = []
            pres: list[str] = []
            for a in row.actions:
                s: Sem = sem[a]
                if s.check is not None:
                    if s.pre:
                        pres.append(f"WF({s.pre})")
                    checks.append(f"({s.check})")
            body: list[str] = []
            if machine == "device":
                body.append(f"printf(\"@row %d %d %d %d\\n\", 2 + cp, {S}, {E}, {N})")
            else:
                body.append(f"printf(\"@row {mid} %d %d %d\\n\", {S}, {E}, {N})")
            if machine == "client" and self._accepts(table, row):
                body.append(
                    "REQ(1, fV && fX == c_att && !ACC(f) && ((fT == T_HELLO_ACK && c_hello && !c_est) || "
                    "(fT == T_PONG && c_out && fE == c_epoch && fC == c_ctr) || "
                    "(fT == T_REKEY_ACK && c_pend && fE == c_epoch + 1))); accept(f)")
            for a in row.actions:
                s = sem[a]
                if s.pre and s.check is None:
                    body.append(f"WF({s.pre})")
                body.append(self._effect(table, row, a))
            body.append(f"{var} = {N}")
            body.append("cq = c_follow" if machine == "client" else f"{evvar} = OFF")
            w(f":: {var} == {S} && {evvar} == {E} ->")
            if checks:
                for pre in pres:
                    w(f"   {pre};")
                w(f"   ok = {' && '.join(checks)};")
                w("   if")
                w(f"   :: ok -> {'; '.join(body)}")
                w(f"   :: else -> printf(\"@reject {mid} %d %d\\n\", {S}, {E}); "
                  f"WF({evvar} != {prefix}E_bad_frame); {evvar} = {prefix}E_bad_frame")
                w("   fi")
            else:
                w(f"   {'; '.join(body)}")
        w("fi")

    def process_events(self) -> None:
        """Run the pending events: the device's first (its drop reaches the keypad), then keypad, client."""
        self.w("/* ---- one step's events, until none is pending ---- */")
        self.w("#define PENDING_TX (c_tx != 0 || k_tx != 0 || c_hup || k_hup)")
        self.w("#define PROCESS_EVENTS \\")
        self.w("  do \\")
        self.w("  :: PENDING_TX -> d_step { \\")
        self.w("     if :: c_tx != 0 -> sd = 0; sf = c_tx; c_tx = 0 \\")
        self.w("        :: c_tx == 0 && k_tx != 0 -> sd = 1; sf = k_tx; k_tx = 0 \\")
        self.w("        :: c_tx == 0 && k_tx == 0 && c_hup -> sd = 0; sf = F_EOF; c_hup = 0 \\")
        self.w("        :: c_tx == 0 && k_tx == 0 && !c_hup && k_hup -> sd = 1; sf = F_EOF; k_hup = 0 fi; \\")
        self.w("     if :: sd == 0 && !c_conn -> skip :: sd == 1 && !k_conn -> skip :: else -> send(sd, sf) fi } \\")
        self.w("  :: !PENDING_TX && dq != OFF -> d_step { DEVICE_ROWS } \\")
        self.w("  :: !PENDING_TX && dq == OFF && k_drop -> d_step { k_drop = 0; \\")
        self.w("     if :: k_conn && K_LIVE -> kq = KE_drop :: else fi } \\")
        self.w("  :: !PENDING_TX && dq == OFF && !k_drop && kq != OFF -> d_step { KEYPAD_ROWS } \\")
        self.w("  :: !PENDING_TX && dq == OFF && !k_drop && kq == OFF && cq != OFF -> d_step { \\")
        self.w("     c_follow = OFF; CLIENT_ROWS } \\")
        self.w("  :: else -> break \\")
        self.w("  od")
        self.w()

    def machines(self) -> None:
        # Written as macros so that each row is in the text once, and the PROCESS_EVENTS loop uses it once.
        for name, machine, table, var, prefix, evvar, mid in (
            ("CLIENT_ROWS", "client", self.client, "cs", "C", "cq", "0"),
            ("KEYPAD_ROWS", "keypad", self.keypad, "ks", "K", "kq", "1"),
            ("DEVICE_ROWS", "device", self.device, "ds[cp]", "D", "dq", "2"),
        ):
            self.w(f"/* ---- {table.name}: one branch per row ---- */")
            start = len(self.out)
            self._rows(machine, table, var, prefix, evvar, mid, "  ")
            lines = self.out[start:]
            del self.out[start:]
            self.w(f"#define {name} \\")
            for line in lines:
                self.w(f"{line} \\")
            self.w("  ; dq = dq /* end */" if machine == "device" else "  ; skip /* end */")
            self.w()
        self.process_events()

    def deliver(self) -> None:
        c_ev, k_ev = self.client.events, self.keypad.events
        self.w("/* ---- a frame x reaches side rcv (0 keypad, 1 client): its event, by type ---- */")
        self.w("inline frame_event() {")
        self.w("  f = x; decode(f); acted = 0;")
        self.w("  /* a HELLO on a fresh connection starts a session: the keypad cannot know who sent it (a replayed")
        self.w("   * HELLO gets a HELLO_ACK nobody can use); on the adversary's own session the adversary is the peer */")
        self.w(f"  peer_adv = (fT == T_HELLO && ks == K_{self.keypad.initial}) || (fX == SESS_ADV && k_sess == SESS_ADV);")
        self.w("  printf(\"@deliver %d %d %d\\n\", rcv, f, genuine);")
        self.w("  if")
        self.w("  :: rcv == 1 && c_dl == 0 -> cq = DEADLINE_EV  /* a late input is a missed deadline first */")
        self.w("  :: rcv == 1 && c_dl != 0 && fT == T_GARBAGE -> cq = CE_bad_frame")
        self.w("  :: rcv == 1 && c_dl != 0 && fT == T_EOF -> cq = CE_eof")
        for t in C2K_TYPES + K2C_TYPES:
            if t == "PONG" and "frame_pong_final" in c_ev:
                self.w("  :: rcv == 1 && c_dl != 0 && fT == T_PONG && c_out && c_ctr == LAST -> cq = CE_frame_pong_final")
                self.w("  :: rcv == 1 && c_dl != 0 && fT == T_PONG && !(c_out && c_ctr == LAST) -> cq = CE_frame_pong")
            else:
                self.w(f"  :: rcv == 1 && c_dl != 0 && fT == T_{t} -> cq = CE_frame_{t.lower()}")
        self.w("  :: rcv == 0 && k_to == 0 -> kq = KE_timeout")
        self.w("  :: rcv == 0 && k_to != 0 && fT == T_GARBAGE -> kq = KE_bad_frame")
        self.w("  :: rcv == 0 && k_to != 0 && fT == T_EOF -> kq = KE_eof")
        for t in C2K_TYPES + K2C_TYPES:
            if t == "PING" and "frame_ping_final" in k_ev:
                self.w("  :: rcv == 0 && k_to != 0 && fT == T_PING && k_keys && k_ctr == LAST -> kq = KE_frame_ping_final")
                self.w("  :: rcv == 0 && k_to != 0 && fT == T_PING && !(k_keys && k_ctr == LAST) -> kq = KE_frame_ping")
            else:
                self.w(f"  :: rcv == 0 && k_to != 0 && fT == T_{t} -> kq = KE_frame_{t.lower()}")
        self.w("  fi }")
        self.w("inline frame_checks() {")
        self.w("  /* the session ends: the client locks down or stops, or (before the first HELLO_ACK) drops the")
        self.w("   * connection to retry on a new one; either way before it acted on the frame */")
        self.w("  if :: rcv == 1 -> REQ(2, genuine || ((!C_LIVE || !c_conn) && !acted))")
        self.w("     :: rcv == 0 -> REQ(2, genuine || peer_adv || (!K_LIVE && !acted))")
        self.w("     :: else fi }")
        self.w()

    def invariants(self) -> None:
        self.w("/* ---- checked after every step ---- */")
        self.w("inline invariants() {")
        self.w("  REQ(3, !C_LIVE || c_exp == OFF || c_exp <= D_T);")
        self.w("  /* armed: running, or expired and not yet handled (a handled expiry that left the state")
        self.w("   * waiting means the machine now waits without a deadline) */")
        self.w("  REQ(4, !C_LIVE || !C_AWAITING || (c_dl != OFF && !(c_dl == 0 && c_dlf)));")
        self.w("  REQ(4, !(k_conn && K_LIVE) || !K_AWAITING || (k_to != OFF && !(k_to == 0 && k_tof)));")
        self.w("  REQ(6, !(C_LIVE && c_est && k_conn && K_LIVE && k_sess == c_att) || k_epoch == c_epoch"
               " || (c_pend && k_epoch == c_epoch + 1));")
        self.w("  REQ(7, !c_locked);")
        self.w("#ifdef CONFIG_DEVICE")
        self.w("  REQ(9, !IS_DISARMED(ds[0]) || (wn[0] > 0 && wn[0] <= WIN_MAX_T));")
        self.w("  REQ(9, !IS_DISARMED(ds[1]) || (wn[1] > 0 && wn[1] <= WIN_MAX_T));")
        self.w("#else")
        self.w("  fl[0] = 0; lk[0] = 0; wn[0] = 0; dp[0] = 0; dr[0] = 0; shf[0] = 0; shl[0] = 0;  /* device details the sessions do not see */")
        self.w("#endif")
        self.w("  /* a finished session's timers and ghosts no longer matter: merge those states */")
        self.w("  if :: !C_LIVE -> c_dl = OFF; c_dlf = 0; c_hb = 0; c_req = OFF; c_exp = OFF; c_grace = OFF :: else fi;")
        self.w("  if :: c_est -> c_grace = OFF :: else fi;  /* the grace only matters before the first HELLO_ACK */")
        self.w("  if :: !K_LIVE -> k_to = OFF; k_tof = 0 :: else fi;")
        self.w("  rcv = OFF; genuine = 0; x = 0; wreq = 0; cp = 0; cq = OFF; kq = OFF; dq = OFF;")
        self.w("  f = 0; fT = 0; fE = 0; fC = 0; fS = 0; fX = 0; fV = 0; c_follow = 0; acted = 0; ok = 0; was = 0;")
        self.w("  peer_adv = 0; c_tx = 0; k_tx = 0; c_hup = 0; k_hup = 0; sd = 0; sf = 0 }")
        self.w()

    def processes(self) -> None:
        dev_events = list(self.device.events)
        self.w("#ifndef CONFIG_DEVICE")
        self.w("/* time waits for what is due now: a deadline, a heartbeat, a timeout (and, on the clean")
        self.w(" * network, a frame at the end of its delivery bound) */")
        self.w("#ifdef CONFIG_BENIGN")
        self.w("#define NET_OK (!(len(q0) > 0 && hage0 >= NET_T) && !(len(q1) > 0 && hage1 >= NET_T) && "
               "!(C_LIVE && !c_conn && c_natt < NATT && accepting))")
        self.w("#else")
        self.w("#define NET_OK true")
        self.w("#endif")
        self.w("#define TIME_OK (!(C_LIVE && ((c_dl == 0 && !c_dlf) || c_hb == 0)) && "
               "!(k_conn && K_LIVE && k_to == 0 && !k_tof) && NET_OK)")
        self.w("#define TIMELY(e) (c_dl == 0 -> DEADLINE_EV : e)")
        self.w()
        self.w("/* Every step: one input chosen by the clock, the client's timers, the network (the adversary")
        self.w(" * on a hostile network) or the device's environment; then the rows it triggers, then the checks. */")
        self.w("proctype Session() {")
        self.w("  do")
        self.w("  :: atomic { !halt ->")
        self.w("     cq = OFF; kq = OFF; dq = OFF; rcv = OFF;")
        self.w("     if")
        self.w("     :: TIME_OK -> printf(\"@time\\n\");")
        self.w("        if :: c_dl != OFF && c_dl > 0 -> c_dl-- :: else fi;")
        self.w("        if :: c_grace != OFF && c_grace > 0 -> c_grace-- :: else fi;")
        self.w("        if :: C_LIVE && c_hb > 0 -> c_hb-- :: else fi;")
        self.w("        if :: k_conn && K_LIVE && k_to != OFF && k_to > 0 -> k_to-- :: else fi;")
        self.w("        if :: c_req != OFF && c_req <= D_T -> c_req++ :: else fi;")
        self.w("        if :: c_exp != OFF && c_exp <= D_T -> c_exp++ :: else fi;")
        self.w("        if :: len(q0) > 0 -> hage0++ :: else fi; if :: len(q1) > 0 -> hage1++ :: else fi")
        self.w("     :: C_LIVE && c_dl == 0 && !c_dlf -> c_dlf = 1; cq = DEADLINE_EV")
        self.w("     :: C_LIVE && c_hb == 0 -> c_hb = HB_T; cq = TIMELY(CE_tick)")
        self.w("     :: C_LIVE && !c_conn && c_natt < NATT && accepting ->  /* a new connection: a new keypad session */")
        self.w(f"        c_conn = 1; c_att = c_natt; c_natt++; new_connection(); ks = K_{self.keypad.initial}; k_epoch = 0;")
        self.w("        k_ctr = 0; k_pc = 0; k_sess = OFF; k_keys = 0; k_tof = 0; k_drop = 0; k_conn = 1; k_to = HELLO_T;")
        self.w("        printf(\"@connect %d\\n\", c_att); cq = TIMELY(CE_connected)")
        self.w("     :: k_conn && K_LIVE && k_to == 0 && !k_tof -> k_tof = 1; kq = KE_timeout")
        self.w("     :: len(q0) > 0 && k_conn && K_LIVE -> q0?x; hage0 = 0; rcv = 0; genuine = 1")
        self.w("     :: len(q1) > 0 && c_conn && C_LIVE -> q1?x; hage1 = 0; rcv = 1; genuine = 1")
        self.w("#ifdef CONFIG_ADVERSARY")
        self.w("     :: C_LIVE && !c_conn -> cq = TIMELY(CE_connect_failed)")
        self.w("     :: C_LIVE -> cq = TIMELY(CE_stop)")
        self.w("     :: k_conn && K_LIVE -> adv_pick(); rcv = 0;")
        self.w("        if :: !taint0 && q0?[eval(x)] -> q0?eval(x); genuine = 1 :: else -> taint(0); genuine = 0 fi")
        self.w("     :: c_conn && C_LIVE -> adv_pick(); rcv = 1;")
        self.w("        if :: !taint1 && q1?[eval(x)] -> q1?eval(x); genuine = 1 :: else -> taint(1); genuine = 0 fi")
        self.w("     :: true -> wreq = WIN_DEF_T; cp = 0;  /* the device's environment: any event, any time */")
        self.w("        if")
        for e in dev_events:
            self.w(f"        :: dq = DE_{_c(e)}")
        self.w("        fi")
        self.w("#endif")
        self.w("     fi;")
        self.w("     /* the rest of the step is deterministic: d_steps are single transitions for SPIN */")
        self.w("     d_step { if :: rcv != OFF -> frame_event() :: else fi };")
        self.w("     PROCESS_EVENTS;  /* a d_step per row run */")
        self.w("     d_step { frame_checks(); invariants() } }")
        self.w("  od }")
        self.w("#endif")
        self.w()
        self.w("#ifdef CONFIG_DEVICE")
        self.w("/* Two device copies, the same inputs (see device_inputs); at a duress point copy 0 gets the")
        self.w(" * real PIN and copy 1 the duress PIN, with the same intent. */")
        inputs = device_inputs(self.device)
        init = f"D_{self.device.initial}"
        locked = "DE_pin_locked_out" if "pin_locked_out" in dev_events else "OFF"
        # §9: refused by the shown lock-out; the real one only keeps a PIN's result from being used
        # (pin_unchecked). Tables before the shown count refused by the real lock-out.
        unchecked = "pin_unchecked" in dev_events
        refused = "shl[cp] > 0" if unchecked else "lk[cp] > 0"
        self.w("proctype Devices() {")
        self.w("  do")
        self.w("  :: atomic { !halt && phase != 2 ->")
        self.w("     cq = OFF; kq = OFF;")
        self.w("     if")
        for i, (kind, what) in enumerate(inputs):
            guard = f"phase == 0 && ds[0] != {init} && lk[0] == 0 && shl[0] == 0 -> " if kind == "duress" else ""
            self.w(f"     :: {guard}x = {i}  /* {kind} {what or ''} */")
        self.w("     fi;")
        pins = [i for i, (k, _) in enumerate(inputs) if k in ("pin", "duress")]
        real = [i for i, (k, w) in enumerate(inputs) if k == "pin" and str(w).startswith("pin_ok")]
        is_pin = " || ".join(f"x == {i}" for i in pins) or "false"
        is_real = " || ".join(f"x == {i}" for i in real) or "false"
        self.w(f"     if :: {is_pin} -> if :: wreq = WIN_DEF_T :: wreq = WIN_MAX_T fi :: else -> wreq = WIN_DEF_T fi;")
        self.w("     d_step {")
        self.w("     printf(\"@env %d\\n\", x);")
        self.w("     if")
        self.w(f"     :: phase == 1 && ({is_real}) -> phase = 2  /* the real PIN again: compared up to here */")
        self.w("     :: else ->")
        self.w("        dp[0] = 0; dp[1] = 0; cp = 0;")
        self.w("        do")
        self.w("        :: cp < 2 -> dr[cp] = 0; dq = OFF;")
        self.w("           if")
        breach_input = None
        for i, (kind, what) in enumerate(inputs):
            if kind == "pin" and unchecked and not str(what).startswith("pin_duress"):
                self.w(f"           :: x == {i} && {refused} -> dq = {locked}")
                self.w(f"           :: x == {i} && !({refused}) && lk[cp] > 0 -> dq = DE_pin_unchecked")
                self.w(f"           :: x == {i} && !({refused}) && lk[cp] == 0 -> dq = DE_{what}")
            elif kind == "pin":
                self.w(f"           :: x == {i} && {refused} -> dq = {locked}")
                self.w(f"           :: x == {i} && !({refused}) -> dq = DE_{what}")
            elif kind == "duress":
                # copy 0 can take the real PIN here (the guard above): neither lock-out runs
                self.w(f"           :: x == {i} && {refused} -> dq = {locked}")
                self.w(f"           :: x == {i} && !({refused}) && cp == 0 -> dq = DE_pin_ok{what}")
                self.w(f"           :: x == {i} && !({refused}) && cp == 1 -> dq = DE_pin_duress{what}")
            elif kind == "event":
                self.w(f"           :: x == {i} -> dq = DE_{what}")
                if what == "breach":
                    breach_input = i
            else:
                self.w(f"           :: x == {i} -> if :: lk[cp] > 0 -> lk[cp]-- :: else fi;"
                       " if :: shl[cp] > 0 -> shl[cp]-- :: else fi;")
                self.w("              if :: wn[cp] > 0 -> wn[cp]--; if :: wn[cp] == 0 -> dq = DE_window_expired :: else fi"
                       " :: else fi")
        self.w("           fi;")
        status_locked = " || DSTATUS(ds[cp]) == ST_LOCKDOWN" if "LOCKDOWN" in self.lay.statuses else ""
        self.w(f"           was = (DSTATUS(ds[cp]) == ST_ARMED{status_locked});")
        self.w("           if :: dq != OFF -> DEVICE_ROWS :: else fi;")
        if breach_input is not None:
            self.w(f"           if :: x == {breach_input} -> REQ(10, !was || (dr[cp] && (DSTATUS(ds[cp]) == ST_NONE"
                   f"{status_locked}))) :: else fi;")
        self.w("           cp++")
        self.w("        :: else -> break")
        self.w("        od;")
        duress = " || ".join(f"x == {i}" for i, (k, _) in enumerate(inputs) if k == "duress") or "false"
        self.w(f"        if :: {duress} -> phase = 1 :: else fi;")
        shown_lock = "shl" if unchecked else "lk"  # the lock-out a PIN entry is refused by
        self.w(f"        printf(\"@display %d %d %d %d %d %d\\n\", dp[0], dp[1], shf[0], shf[1], "
               f"{shown_lock}[0], {shown_lock}[1]);")
        self.w("        if :: phase == 1 -> REQ(11, dp[0] == dp[1] && shf[0] == shf[1] && "
               f"{'shl[0] == shl[1]' if unchecked else 'lk[0] == lk[1]'}) :: else fi")
        self.w("     fi;")
        self.w("     k_drop = 0; cp = 0; dq = OFF;")
        self.w("     invariants() } }")
        self.w("  od }")
        self.w("#endif")
        self.w()
        self.w("init {")
        self.w("  atomic {")
        self.w("#ifdef CONFIG_DEVICE")
        self.w("    run Devices()")
        self.w("#else")
        self.w("    c_dl = BOOT_T; c_grace = BOOT_T;  /* ClientSession.start: the boot grace */")
        self.w("#ifdef CONFIG_BENIGN")
        armed = next(s for s, v in self.device.raw["status"].items() if v == "ARMED")
        self.w(f"    ds[0] = D_{armed}; accepting = 1;  /* an ARMED keypad */")
        self.w("#endif")
        self.w("    run Session()")
        self.w("#endif")
        self.w("  }")
        self.w("}")

    def generate(self) -> str:
        self.header()
        self.constants()
        self.states()
        self.globals_()
        self.helpers()
        self.machines()
        self.deliver()
        self.invariants()
        self.processes()
        return "\n".join(self.out) + "\n"


def generate(spec: Spec) -> str:
    """The Promela text of the model for these tables and constants."""
    return _Gen(spec).generate()
