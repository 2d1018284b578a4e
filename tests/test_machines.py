"""Stateful (hypothesis) tests: a client and a keypad back to back under a hostile network and
clock, and the keypad device under random PINs, breaches, windows and orders."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from keycrypt.constants import PING_MIN_INTERVAL, Status
from keycrypt.crypto.kem import get_backend
from keycrypt.errors import Reason
from keycrypt.machines import actions as A
from keycrypt.machines.client import ClientConfig, ClientSession
from keycrypt.machines.device import DeviceConfig, KeypadDevice
from keycrypt.machines.keypad import KeypadSession
from keycrypt.tables import load
from keycrypt.wire.frames import FrameType, decode
from keycrypt_kit.harness import DetRandom

from conftest import SEED, examples

ARMED, DISARMED, LOCKDOWN = int(Status.ARMED), int(Status.DISARMED), int(Status.LOCKDOWN)
KEM = get_backend("cryptography")
KEY = KEM.from_seed(SEED)
EOF = b""  # an end-of-stream marker in a direction's queue (never a real frame)
CORRUPTION_REASONS = {Reason.PARSE_ERROR, Reason.MAC_FAILURE, Reason.AUTH_ERROR}
CLIENT_ACTIONS = (A.Send, A.Lockdown, A.SetTimer, A.CancelTimer, A.Established, A.StatusSeen, A.Rekeyed, A.Retry)
KEYPAD_ACTIONS = (A.Send, A.Close, A.SetTimer, A.Rekeyed, A.SessionOpened)


@dataclass
class Item:
    data: bytes
    kind: str = "ok"  # ok | corrupt | dup
    orig_type: int = 0  # a corrupted item: the type of the frame before the damage
    orig: bytes = b""  # a corrupted item: the frame's bytes before the damage


class BackToBack(RuleBasedStateMachine):
    """One client and one keypad; rules play the network, the clock and the device.

    The oracle judges what each side actually received, not which fault rules ran: a duplicate that
    replaces a dropped original, a swap of equal frames or a split read leaves a byte stream that TCP
    could have delivered, and the run must then behave as a clean one. ``faults`` holds only the
    faults that took effect: a delivered stream that left the sent one (``corrupt`` for a damaged
    frame, ``order`` for a dropped, repeated or reordered one), a sent frame that is neither
    delivered nor in flight (``loss``), a jump of the clock past an armed deadline
    (``late``), and an end of stream or a breach that hit a live session."""

    def __init__(self) -> None:
        super().__init__()
        self.now = 0.0
        self.status = ARMED
        self.client = ClientSession(ClientConfig(KEY.ek, "host-1", rekey_log2=4), kem=KEM, random=DetRandom(b"b2b"))
        self.keypad = KeypadSession(KEY, random=DetRandom(b"b2b/keypad"))
        self.client.trace, self.keypad.trace = [], []
        self.c2k: list[Item] = []
        self.k2c: list[Item] = []
        self.faults: set[str] = set()  # the faults that took effect (see the class docstring)
        self.applied = 0  # fault rules applied, whether or not they took effect
        # per direction (True: client -> keypad): the bytes sent, the bytes delivered, and whether a
        # missing, extra or reordered frame has put the delivered stream out of step with the sent one
        self.sent: dict[bool, bytearray] = {True: bytearray(), False: bytearray()}
        self.got: dict[bool, bytearray] = {True: bytearray(), False: bytearray()}
        self.misaligned: dict[bool, bool] = {True: False, False: False}
        self.ordered = False  # the device status was LOCKDOWN at some point
        self.client_end: A.Lockdown | A.Close | None = None
        self.keypad_end: A.Close | None = None
        self.client_timer: float | None = None
        self.keypad_timer: float | None = None
        self.last_ping = b""
        self.answers: dict[bytes, tuple[bytes, int]] = {}  # PONG bytes -> (the PING it answered, status)
        self.genuine_acks: set[bytes] = set()
        self.answered: set[tuple[int, int]] = set()  # (epoch, counter) of every PONG the keypad sent
        self.seen_status: list[A.StatusSeen] = []
        # A corrupted HELLO may leave the keypad waiting for the rest of a longer body, which then
        # swallows the next frames: from then on the keypad's reaction to a damaged frame is not
        # the frame's own (the session still ends, by a parse error or the timeout).
        self.keypad_desynced = False
        # A finite boot grace: a refusal, close or silence before the first HELLO_ACK is retried (the model
        # never reconnects), and the grace's end is then the client's connect_timeout.
        self.on_client(self.client.start(self.now, 10.0))
        self.on_client(self.client.connected(self.now))
        self.on_keypad(self.keypad.start(self.now))

    # --- carrying outputs ---------------------------------------------------------------------

    def on_client(self, out: list[A.Action], delivered: bytes | None = None) -> None:
        for a in out:
            assert isinstance(a, CLIENT_ACTIONS), a
            if isinstance(a, A.Send):
                if a.data[3] == FrameType.PING:
                    self.last_ping = a.data
                self.sent[True] += a.data
                self.c2k.append(Item(a.data))
            elif isinstance(a, (A.Lockdown, A.Close)):
                assert self.client_end is None, "a session ends once"
                assert isinstance(a.reason, Reason)
                self.client_end = a
                self.c2k.append(Item(EOF))
                self.client_timer = None
            elif isinstance(a, A.SetTimer):
                self.client_timer = a.at
            elif isinstance(a, A.Retry):
                # the client gave this connection up before the first HELLO_ACK: the keypad sees it close
                assert self.client.keys is None, "a retry after the session was established"
                self.c2k.append(Item(EOF))
            elif isinstance(a, A.CancelTimer):
                self.client_timer = None
            elif isinstance(a, A.StatusSeen):
                # only a genuine PONG, answering the PING in flight, is ever accepted
                assert delivered is not None and delivered in self.answers, "accepted a PONG the keypad never sent"
                ping, status = self.answers[delivered]
                assert ping == self.last_ping, "accepted a PONG for another PING"
                assert (a.status, a.counter) == (status, decode(ping).counter)  # type: ignore[union-attr]
                self.seen_status.append(a)
            elif isinstance(a, A.Established):
                assert delivered in self.genuine_acks

    def on_keypad(self, out: list[A.Action], delivered: bytes | None = None, status: int = ARMED) -> None:
        for a in out:
            assert isinstance(a, KEYPAD_ACTIONS), a
            if isinstance(a, A.Send):
                self.sent[False] += a.data
                self.k2c.append(Item(a.data))
                if a.data[3] == FrameType.PONG:
                    assert delivered is not None and self.keypad.keys is not None
                    self.answers[a.data] = (delivered, status)
                    # the keypad answers each counter of an epoch once, in order: no replay gets a PONG
                    key = (self.keypad.keys.epoch, decode(a.data).counter)  # type: ignore[union-attr]
                    assert key not in self.answered and key[1] == len([k for k in self.answered if k[0] == key[0]])
                    self.answered.add(key)
                elif a.data[3] == FrameType.HELLO_ACK:
                    self.genuine_acks.add(a.data)
            elif isinstance(a, A.Close):
                assert self.keypad_end is None and isinstance(a.reason, Reason)
                assert not any(isinstance(b, A.Send) for b in out), "the keypad closes without answering"
                self.keypad_end = a
                self.k2c.append(Item(EOF))
                self.keypad_timer = None
            elif isinstance(a, A.SetTimer):
                self.keypad_timer = a.at

    def delivered(self, to_keypad: bool, item: Item) -> None:
        """Record a frame's bytes as received, and any fault that this delivery makes real: ``corrupt``
        for a damaged frame that was otherwise the one due, ``order`` for any other frame that was not
        (a damaged duplicate is out of order before it is damaged)."""
        got, sent = self.got[to_keypad], self.sent[to_keypad]
        due = bytes(sent[len(got) : len(got) + len(item.data)])
        got += item.data
        if self.misaligned[to_keypad] or due != item.data:
            if not self.misaligned[to_keypad] and item.kind == "corrupt" and due == item.orig:
                self.faults.add("corrupt")  # the stream stays aligned: later frames are judged as usual
            else:
                self.misaligned[to_keypad] = True
                self.faults.add("order")

    def to_keypad(self, item: Item, parts: tuple[bytes, ...] | None = None) -> None:
        if item.data == EOF:
            self.on_keypad(self.keypad.eof(self.now))
            return
        self.delivered(True, item)
        was_terminal, out = self.keypad.terminal, []
        for part in parts or (item.data,):
            out += self.keypad.receive_data(part, self.now, self.status)
        self.on_keypad(out, item.data, self.status)
        if item.kind == "corrupt" and self.faults == {"corrupt"} and not was_terminal and self.keypad_end:
            assert self.keypad_end.reason in CORRUPTION_REASONS | {Reason.IDLE_TIMEOUT}, self.keypad_end
        if item.kind == "corrupt" and not was_terminal:
            if item.orig_type == FrameType.HELLO:
                # HELLO carries no tag: the keypad may answer a damaged one, but the answer binds the
                # damaged bytes (TH), so the client must refuse it - it is not a genuine HELLO_ACK.
                for a in out:
                    if isinstance(a, A.Send) and a.data[3] == FrameType.HELLO_ACK:
                        self.genuine_acks.discard(a.data)
                self.keypad_desynced = self.keypad_desynced or not self.keypad.terminal
            elif not self.keypad_desynced:
                assert self.keypad.terminal, "the keypad took a damaged frame without ending the session"

    def to_client(self, item: Item, parts: tuple[bytes, ...] | None = None) -> None:
        if item.data == EOF:
            self.on_client(self.client.eof(self.now))
            return
        self.delivered(False, item)
        was_terminal, out = self.client.terminal, []
        for part in parts or (item.data,):
            out += self.client.receive_data(part, self.now)
        self.on_client(out, item.data)
        if item.kind == "corrupt" and self.faults == {"corrupt"} and not was_terminal and self.client_end:
            assert self.client_end.reason in CORRUPTION_REASONS | {Reason.DEADLINE}, self.client_end
        if item.kind == "corrupt" and not was_terminal:
            # every keypad frame is tagged and of a fixed length: any damage ends the session at once
            assert self.client.terminal, "the client took a damaged frame without locking down"

    def flush(self) -> None:
        while self.c2k or self.k2c:
            if self.c2k:
                self.to_keypad(self.c2k.pop(0))
            if self.k2c:
                self.to_client(self.k2c.pop(0))

    def fire_due_timers(self) -> None:
        if self.client_timer is not None and self.now >= self.client_timer:
            self.client_timer = None
            self.on_client(self.client.timer(self.now))
        if self.keypad_timer is not None and self.now >= self.keypad_timer:
            self.keypad_timer = None
            self.on_keypad(self.keypad.timer(self.now))

    # --- rules: the clean path --------------------------------------------------------------------

    @rule(dt=st.floats(PING_MIN_INTERVAL + 1e-6, 0.5), beats=st.integers(1, 20))
    def tick(self, dt: float, beats: int) -> None:
        for _ in range(beats):
            self.beat(dt)
        if self.client.keys is not None:
            event(f"epoch {self.client.keys.epoch}")

    def beat(self, dt: float) -> None:
        """A heartbeat: the network delivered everything in flight, time moves on, the client ticks."""
        self.flush()
        self.now += dt
        self.on_client(self.client.tick(self.now))

    @precondition(lambda self: self.c2k)
    @rule()
    def deliver_c2k(self) -> None:
        self.to_keypad(self.c2k.pop(0))

    @precondition(lambda self: self.k2c)
    @rule()
    def deliver_k2c(self) -> None:
        self.to_client(self.k2c.pop(0))

    @rule(to_keypad=st.booleans(), cut=st.integers(0, 2000))
    def deliver_split(self, to_keypad: bool, cut: int) -> None:
        """A frame arriving in two reads (TCP may cut anywhere)."""
        q = self.c2k if to_keypad else self.k2c
        if not q or q[0].data == EOF:
            return
        item = q.pop(0)
        cut %= len(item.data) + 1
        parts = (item.data[:cut], item.data[cut:])
        (self.to_keypad if to_keypad else self.to_client)(item, parts)

    @rule(status=st.sampled_from([ARMED, DISARMED]))
    def device_status(self, status: int) -> None:
        self.status = status

    # --- rules: faults (only in hostile runs, so that half the runs go deep: rekeys, status changes) ----

    hostile = True  # a subclass runs without faults
    max_faults = 1_000  # how many fault rules a run may apply (a subclass applies one)

    def may_fault(self) -> bool:
        return self.hostile and self.applied < self.max_faults

    @precondition(lambda self: self.may_fault())
    @rule(
        kind=st.sampled_from(["lockdown_order", "late", "eof_client", "eof_keypad", "breach"]),
        extra=st.floats(0.0, 10.0),
    )
    def disrupt(self, kind: str, extra: float) -> None:
        """One rule for the faults that end a session at once, so that they are drawn as often as one
        network fault, not five times as often, and the subtler faults get to run on a live session."""
        self.applied += 1
        if kind == "late":
            self.late(extra)
        elif kind.startswith("eof"):
            self.eof(kind == "eof_client")
        else:
            getattr(self, kind)()

    def lockdown_order(self) -> None:
        self.status = LOCKDOWN
        self.ordered = True

    def _pick(self, to_keypad: bool, index: int) -> tuple[list[Item], int] | None:
        q = self.c2k if to_keypad else self.k2c
        real = [i for i, it in enumerate(q) if it.data != EOF]
        return (q, real[index % len(real)]) if real else None

    @precondition(lambda self: self.may_fault())
    @rule(to_keypad=st.booleans(), index=st.integers(0, 5))
    def drop(self, to_keypad: bool, index: int) -> None:
        picked = self._pick(to_keypad, index)
        if picked:
            q, i = picked
            del q[i]
            self.applied += 1
            event("applied drop")

    @precondition(lambda self: self.may_fault())
    @rule(to_keypad=st.booleans(), index=st.integers(0, 5))
    def duplicate(self, to_keypad: bool, index: int) -> None:
        picked = self._pick(to_keypad, index)
        if picked:
            q, i = picked
            q.insert(i + 1, Item(q[i].data, "corrupt" if q[i].kind == "corrupt" else "dup", q[i].orig_type, q[i].orig))
            self.applied += 1
            event("applied duplicate")

    @precondition(lambda self: self.may_fault())
    @rule(to_keypad=st.booleans(), a=st.integers(0, 5), b=st.integers(0, 5))
    def reorder(self, to_keypad: bool, a: int, b: int) -> None:
        pa, pb = self._pick(to_keypad, a), self._pick(to_keypad, b)
        if pa and pb and pa[0][pa[1]].data != pb[0][pb[1]].data:
            q = pa[0]
            q[pa[1]], q[pb[1]] = q[pb[1]], q[pa[1]]
            self.applied += 1
            event("applied reorder")

    @precondition(lambda self: self.may_fault())
    @rule(to_keypad=st.booleans(), index=st.integers(0, 5), pos=st.integers(0, 2000), mask=st.integers(1, 255))
    def corrupt(self, to_keypad: bool, index: int, pos: int, mask: int) -> None:
        picked = self._pick(to_keypad, index)
        if picked:
            q, i = picked
            data = bytearray(q[i].data)
            data[pos % len(data)] ^= mask
            q[i] = Item(bytes(data), "corrupt", q[i].orig_type or q[i].data[3], q[i].orig or q[i].data)
            self.applied += 1
            event("applied corrupt")

    @precondition(lambda self: self.may_fault())
    @rule(
        kind=st.sampled_from(["corrupt", "duplicate", "drop"]),
        to_keypad=st.booleans(),
        pos=st.integers(0, 2000),
        mask=st.integers(1, 255),
    )
    def fault_in_exchange(self, kind: str, to_keypad: bool, pos: int, mask: int) -> None:
        """A heartbeat whose PING (or its answer) is hit in flight: aims the fault where it hurts
        (the other rules mostly find the queues empty, since a heartbeat flushes them)."""
        self.beat(0.5)
        if not to_keypad and self.c2k and self.c2k[0].data != EOF:
            self.to_keypad(self.c2k.pop(0))
        if kind == "corrupt":
            self.corrupt(to_keypad, 0, pos, mask)
        elif kind == "duplicate":
            self.duplicate(to_keypad, 0)
        else:
            self.drop(to_keypad, 0)

    def late(self, extra: float) -> None:
        """The clock jumps past every deadline (the keypad's idle timeout included)."""
        self.now += 3.0 + 1e-3 + extra
        if any(
            held is not None and self.now >= held and not m.terminal
            for m, held in ((self.client, self.client_timer), (self.keypad, self.keypad_timer))
        ):
            self.faults.add("late")  # a jump that passes no armed deadline changes nothing
        self.fire_due_timers()

    def eof(self, client_side: bool) -> None:
        machine = self.client if client_side else self.keypad
        if not machine.terminal:
            self.faults.add("eof")
        if client_side:
            self.on_client(self.client.eof(self.now))
        else:
            self.on_keypad(self.keypad.eof(self.now))

    def breach(self) -> None:
        if not self.keypad.terminal:
            self.faults.add("breach")
        self.on_keypad(self.keypad.drop(Reason.BREACH, self.now))

    # --- invariants ---------------------------------------------------------------------------------

    @invariant()
    def only_defined_pairs(self) -> None:
        for machine in (self.client, self.keypad):
            table = machine.TABLE
            assert machine.state in table.states
            assert machine.trace is not None
            for s, e, n in machine.trace:
                assert table.row(s, e).next == n
            machine.trace.clear()

    def note_losses(self) -> None:
        """A sent frame that is neither delivered nor in flight is lost for good: no rule can bring
        it back, and its sender's deadline will pass (while a frame is still in flight, a later rule
        may yet put a missing or extra one right, so nothing is judged then)."""
        for to_keypad, q in ((True, self.c2k), (False, self.k2c)):
            in_flight = any(item.data != EOF for item in q)
            if not self.misaligned[to_keypad] and not in_flight and len(self.got[to_keypad]) < len(self.sent[to_keypad]):
                self.faults.add("loss")

    @invariant()
    def clean_runs_never_end(self) -> None:
        self.note_losses()
        if not self.faults:
            if self.ordered:
                assert self.client_end is None or self.client_end.reason == Reason.LOCKDOWN_ORDER
            else:
                assert self.client_end is None and self.keypad_end is None
                assert self.client.state != "LOCKED_DOWN"

    @invariant()
    def awaiting_means_deadline_armed(self) -> None:
        """Every state that awaits an answer has a deadline armed, and the driver holds that one.

        The keypad awaits the client in every live state; the client in its AWAIT_* states (and in
        CONNECTING, under its boot grace)."""
        for machine, held in ((self.client, self.client_timer), (self.keypad, self.keypad_timer)):
            assert held == machine.deadline, (machine.state, held, machine.deadline)
            if machine.terminal:
                assert machine.deadline is None, machine.state
            elif machine is self.keypad or machine.state.startswith("AWAIT_"):
                assert machine.deadline is not None, f"{type(machine).__name__} in {machine.state} awaits with no deadline"

    @invariant()
    def terminal_means_ended(self) -> None:
        assert self.client.terminal == (self.client_end is not None)
        assert self.keypad.terminal == (self.keypad_end is not None)

    def teardown(self) -> None:
        """Let the run play out: every fault that took effect must end in a typed Lockdown and a Close."""
        self.flush()
        self.note_losses()
        event(f"effective faults: {' '.join(sorted(self.faults)) or 'none'}")
        if not self.faults and not (self.ordered and self.status == LOCKDOWN):
            for _ in range(3):
                self.beat(0.5)
            assert self.client_end is None or self.client_end.reason == Reason.LOCKDOWN_ORDER
            return
        for _ in range(50):
            self.flush()
            if self.client.terminal and self.keypad.terminal:
                break
            self.now += 2.0
            if self.client.state == "IDLE":
                self.on_client(self.client.tick(self.now))
            self.fire_due_timers()
        assert isinstance(self.client_end, A.Lockdown), (self.faults, self.client.state, self.client_end)
        assert isinstance(self.keypad_end, A.Close), (self.faults, self.keypad.state)
        if not self.faults:
            assert self.client_end.reason == Reason.LOCKDOWN_ORDER


class OneFaultBackToBack(BackToBack):
    """One fault rule per run, on a session that is otherwise clean: each kind of damage must be met
    by its own reaction (with several faults, the first lethal one hides how the others are met)."""

    max_faults = 1


class CleanBackToBack(BackToBack):
    """The same pair on a good network and clock: must never end, must cross many epochs."""

    hostile = False


_B2B = settings(max_examples=examples(100), stateful_step_count=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
BackToBack.TestCase.settings = _B2B
OneFaultBackToBack.TestCase.settings = _B2B
CleanBackToBack.TestCase.settings = _B2B
TestHostileNetwork = pytest.mark.slow(BackToBack.TestCase)  # a long stateful run
TestOneFault = pytest.mark.slow(OneFaultBackToBack.TestCase)  # a long stateful run
TestCleanNetwork = pytest.mark.slow(CleanBackToBack.TestCase)  # a long stateful run


# --- the keypad device ---------------------------------------------------------------------------------

DEVICE_TABLE = load("keypad_device")
CFG = DeviceConfig()


def ref_backoff(failures: int) -> float:
    """The backoff of spec/protocol.md §9, recomputed: free attempts, then base doubling, capped."""
    over = failures - CFG.backoff_free_attempts
    return 0.0 if over <= 0 else min(CFG.backoff_base * 2 ** (over - 1), CFG.backoff_max)


class Device(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.d = KeypadDevice(CFG)
        self.d.trace = []
        self.now = 1_700_000_000.0
        self.failures = 0
        self.locked_until = 0.0
        self.shown_failures = 0
        self.shown_until = 0.0
        self.last_checked_wrong: float | None = None
        self.accepting = False

    def run(self, out: list[A.Action], *, operator_lockdown: bool = False) -> list[A.Action]:
        for a in out:
            if isinstance(a, A.Display) and a.text == "lockdown":
                assert operator_lockdown, "the display showed 'lockdown' for a PIN (a duress would be visible)"
            if isinstance(a, A.AcceptClients):
                self.accepting = a.accept
            if isinstance(a, A.DropAll):
                assert a.reason == Reason.BREACH
        return out

    @rule(result=st.sampled_from(["ok", "wrong", "wrong", "wrong", "duress"]), dt=st.floats(0.0, 20.0),
          window=st.one_of(st.none(), st.floats(1.0, CFG.window_max)),
          intent=st.sampled_from(["toggle", "arm", "disarm"]))  # fmt: skip
    def pin(self, result: str, dt: float, window: float | None, intent: str) -> None:
        self.now += dt
        before = self.d.state
        allowed = self.now >= self.shown_until  # refused by the shown count (§9 "Two counts")
        assert self.d.pin_allowed(self.now) == allowed
        self.d.trace = []
        out = self.run(self.d.pin(result, self.now, window=window, intent=intent))  # type: ignore[arg-type]
        if not allowed:
            assert self.d.trace == [(before, "pin_locked_out", before)]
            assert A.AttemptRejected(self.shown_until) in out
            return
        if result != "duress" and self.now < self.locked_until:
            # only the real backoff runs (after a duress PIN): the result is not used, even the real PIN's
            assert self.d.trace == [(before, "pin_unchecked", DEVICE_TABLE.row(before, "pin_wrong").next)]
            assert A.Display("wrong PIN") in out
            self._count_shown()
            self._check_counts()
            return
        suffix = "" if intent == "toggle" or result == "wrong" else f"_{intent}"
        row = DEVICE_TABLE.row(before, f"pin_{result}{suffix}")
        assert self.d.trace == [(before, row.event, row.next)]
        if "record_failure" in row.actions:
            if self.failures >= CFG.backoff_free_attempts + 1 and self.last_checked_wrong is not None:
                # beyond the free attempts, two checked wrong PINs are never closer than the first delay
                assert self.now - self.last_checked_wrong >= CFG.backoff_base
            self.failures += 1
            delay = ref_backoff(self.failures)
            if delay:
                self.locked_until = self.now + delay
            self.last_checked_wrong = self.now
            self._count_shown()
        if "reset_failures" in row.actions:
            self.failures, self.locked_until, self.last_checked_wrong = 0, 0.0, None
            self.shown_failures, self.shown_until = 0, 0.0
        if "hide_failures" in row.actions:
            self.shown_failures, self.shown_until = 0, 0.0  # what the real PIN would have left
        self._check_counts()
        if result == "duress" and before != "SEALED":
            # what the operator sees is what a correct PIN with the same intent shows in the shown state
            looks = DEVICE_TABLE.raw["shown"][before]
            would = DEVICE_TABLE.row(looks, f"pin_ok{suffix}").next
            assert self.d.shown == DEVICE_TABLE.raw["shown"][would]
            assert [a.text for a in out if isinstance(a, A.Display)] in ([], [self.d.shown.lower()])
            assert self.d.status == LOCKDOWN
            assert self.d.shown_failures == 0  # the status shows the count a correct PIN would have left

    def _count_shown(self) -> None:
        self.shown_failures += 1
        delay = ref_backoff(self.shown_failures)
        if delay:
            self.shown_until = self.now + delay

    def _check_counts(self) -> None:
        assert (self.d.failures, self.d.locked_until) == (self.failures, self.locked_until)
        assert (self.d.shown_failures, self.d.shown_until) == (self.shown_failures, self.shown_until)

    @rule(dt=st.floats(0.0, 4000.0))
    def advance(self, dt: float) -> None:
        self.now += dt

    @rule()
    def arm(self) -> None:
        self.run(self.d.arm(self.now))

    @rule()
    def breach(self) -> None:
        before = self.d.state
        out = self.run(self.d.breach(self.now))
        if before == "DURESS_DISARMED":
            # shown as DISARMED, where a breach is ignored; in truth every session is dropped and it is recorded
            assert self.d.state == before and A.DropAll(Reason.BREACH) in out
            assert A.Alarm(Reason.BREACH, silent=True) in out and not any(isinstance(a, A.Display) for a in out)
        elif before in ("ARMED", "LOCKDOWN", "DURESS_ARMED"):
            assert self.d.state == "BREACHED" and A.DropAll(Reason.BREACH) in out
        else:
            assert not any(isinstance(a, A.DropAll) for a in out)

    @rule()
    def lockdown_order(self) -> None:
        self.run(self.d.lockdown_order(self.now), operator_lockdown=True)

    @rule(on_time=st.booleans())
    def window_expired(self, on_time: bool) -> None:
        """The window timer fires: on time, or a stale one from before an extension."""
        if on_time and self.d.window_until is not None:
            self.now = max(self.now, self.d.window_until)
        before, until = self.d.state, self.d.window_until
        self.run(self.d.window_expired(self.now))
        if before == "DISARMED" and until is not None and self.now >= until:
            assert self.d.state == "ARMED"
        if before == "DISARMED" and until is not None and self.now < until:
            assert self.d.state == "DISARMED"  # a stale timer does not re-arm early

    @invariant()
    def status_none_exactly_when_refusing(self) -> None:
        assert (self.d.status is None) == (self.d.state in ("SEALED", "BREACHED"))
        assert self.accepting == (self.d.status is not None)
        if self.d.status is not None:
            assert self.d.status == int(Status[DEVICE_TABLE.raw["status"][self.d.state]])

    @invariant()
    def window_only_while_disarmed(self) -> None:
        # the status answer reports window_until as it is: it must be None outside DISARMED
        assert (self.d.shown == "DISARMED") == (self.d.window_until is not None)


Device.TestCase.settings = settings(max_examples=examples(150), stateful_step_count=40, deadline=None)
TestDevice = pytest.mark.slow(Device.TestCase)  # a long stateful run


# --- duress indistinguishability (spec §9 "Two counts"; the Python twin of KCP1-MODEL-DURESS) ---------

_INPUTS = st.one_of(
    st.tuples(st.just("pin"), st.sampled_from(["wrong", "wrong", "wrong", "duress"]), st.sampled_from(["toggle", "arm", "disarm"])),
    st.tuples(st.sampled_from(["arm", "breach", "lockdown_order", "window_expired"]), st.none(), st.none()),
    st.tuples(st.just("wait"), st.sampled_from(["1", "3", "40", "5000"]), st.none()),
)


def _seen(d: KeypadDevice, out: list[A.Action], now: float) -> tuple[object, ...]:
    """What a person at the keypad sees: the display, the shown state and count, the lock-out and its end."""
    return (
        tuple(a.text for a in out if isinstance(a, A.Display)),
        tuple(a.locked_until for a in out if isinstance(a, A.AttemptRejected)),
        d.shown,
        d.shown_failures,
        d.shown_until,
        d.pin_allowed(now),
        d.window_until,
    )


def _feed(d: KeypadDevice, step: tuple[str, str | None, str | None], now: float) -> tuple[float, list[A.Action]]:
    kind, arg, intent = step
    if kind == "wait":
        now += float(str(arg))
        if d.window_until is not None and now >= d.window_until:
            return now, d.window_expired(now)
        return now, []
    if kind == "pin":
        return now, d.pin(arg, now, intent=intent)  # type: ignore[arg-type]
    if kind == "window_expired":
        return now, d.window_expired(now) if d.window_until is not None and now >= d.window_until else []
    return now, getattr(d, kind)(now)


@settings(max_examples=examples(300), deadline=None)
@given(before=st.lists(_INPUTS, max_size=12), intent=st.sampled_from(["toggle", "arm", "disarm"]),
       after=st.lists(_INPUTS, max_size=25))  # fmt: skip
def test_a_duress_pin_looks_like_the_real_pin_until_the_real_pin_is_typed(
    before: list[tuple[str, str | None, str | None]], intent: str, after: list[tuple[str, str | None, str | None]]
) -> None:
    """Two keypads, the same inputs; at one point one gets the real PIN and the other the duress PIN.

    Everything a person at the keypad sees stays the same on both, the wrong-PIN lock-out included
    (the old rule let wrong PINs after a duress PIN meet it sooner), while the real count still only
    grows.
    """
    real, duress = KeypadDevice(CFG), KeypadDevice(CFG)
    now = 1000.0
    real.pin("ok", now)
    duress.pin("ok", now)
    for step in before:
        _, a = _feed(real, step, now)
        now, b = _feed(duress, step, now)
        assert _seen(real, a, now) == _seen(duress, b, now)
    if not real.pin_allowed(now) or now < real.locked_until:
        return  # the real PIN would not be taken now: no duress point here
    a = real.pin("ok", now, intent=intent)  # type: ignore[arg-type]
    b = duress.pin("duress", now, intent=intent)  # type: ignore[arg-type]
    assert duress.status == LOCKDOWN
    assert _seen(real, a, now) == _seen(duress, b, now)
    floor = duress.failures
    for step in after:
        _, a = _feed(real, step, now)
        now, b = _feed(duress, step, now)
        assert _seen(real, a, now) == _seen(duress, b, now), step
        assert duress.failures >= floor  # the real count bounds the guesses: only the real PIN clears it
        floor = duress.failures


def test_wrong_pins_after_a_duress_pin_meet_the_lockout_as_after_the_real_pin() -> None:
    """Regression (issue 13, KCP1-MODEL-DURESS): 3 wrong PINs, then the duress PIN, then a wrong PIN.

    After the real PIN that wrong PIN is the first of three free attempts. The old rule kept the
    duress PIN's counter at 3, so that wrong PIN locked the keypad out at once: a watcher could tell.
    """
    d = KeypadDevice(CFG)
    d.pin("ok", 0.0)
    for _ in range(CFG.backoff_free_attempts):
        d.pin("wrong", 1.0)
    d.pin("duress", 2.0)
    assert (d.state, d.shown, d.shown_failures) == ("DURESS_DISARMED", "DISARMED", 0)
    out = d.pin("wrong", 3.0)
    assert A.Display("wrong PIN") in out and d.shown_failures == 1 and d.pin_allowed(3.0)  # no lock-out shown
    assert d.failures == CFG.backoff_free_attempts + 1 and d.locked_until > 3.0  # the real one runs
    # while it runs, even the real PIN is not used: shown as a wrong PIN, the duress goes on
    d.trace = []
    out = d.pin("ok", 3.5)
    assert d.trace == [("DURESS_DISARMED", "pin_unchecked", "DURESS_DISARMED")] and A.Display("wrong PIN") in out
    assert d.failures == CFG.backoff_free_attempts + 1  # not counted twice: it was not used
    # once the real lock-out is over, the real PIN ends the duress and clears both counts
    d.pin("ok", d.locked_until, intent="arm")
    assert (d.state, d.failures, d.shown_failures, d.shown_until, d.locked_until) == ("ARMED", 0, 0, 0.0, 0.0)


def test_an_early_window_timer_is_armed_again_not_dropped() -> None:
    """issue 11 item 1: a timer that fires before the window's end must not leave the keypad DISARMED forever."""
    d = KeypadDevice(CFG)
    d.pin("ok", 100.0)
    d.pin("ok", 100.0, window=10.0)
    assert d.state == "DISARMED" and d.window_until == 110.0
    assert d.window_expired(109.999) == [A.WindowOpened(110.0)]
    assert d.state == "DISARMED"
    d.window_expired(110.0)
    assert d.state == "ARMED" and d.window_until is None
