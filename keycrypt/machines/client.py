"""The client's side of a KCP/1 session, sans-IO and driven by ``client_session.json``.

Bytes and events in, actions out. Randomness (``random(n) -> n bytes``) and
time (``now``, any monotonic clock in seconds) are passed in, so the same
machine drives the daemon, the conformance runner and exact test vectors.

Randomness is drawn in a fixed order, which the vectors rely on: for HELLO,
the KEM's m (32 bytes, deterministic backends only), then the challenge (32),
then the salt (16); for PING, its challenge (32); for REKEY, its salt (16).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from keycrypt.constants import (
    CHALLENGE_SIZE,
    FLAG_PSK,
    PSK_SIZE,
    REKEY_LOG2_DEFAULT,
    REKEY_LOG2_MAX,
    REKEY_LOG2_MIN,
    SALT_SIZE,
    Status,
    client_id_problem,
    pings_per_epoch,
    response_deadline,
)
from keycrypt.crypto.kem import KemBackend
from keycrypt.crypto.schedule import EpochKeys, Handshake, handshake, mac, verify
from keycrypt.errors import CounterError, LocalUsageError, MacFailure, Reason
from keycrypt.machines.actions import (
    Action,
    CancelTimer,
    Close,
    Established,
    Lockdown,
    Rekeyed,
    Retry,
    Send,
    SetTimer,
    StatusSeen,
)
from keycrypt.machines.engine import FRAME_EVENTS, Step, TableMachine
from keycrypt.tables import load
from keycrypt.wire import fastpath
from keycrypt.wire.frames import Frame, Hello, HelloAck, Pong, Rekey, RekeyAck, encode, encode_prefix
from keycrypt.wire.stream import FrameReader

Random = Callable[[int], bytes]


@dataclass(frozen=True)
class ClientConfig:
    ek: bytes  # the keypad's encapsulation key, pinned at enrolment
    client_id: str
    psk: bytes | None = None
    rekey_log2: int = REKEY_LOG2_DEFAULT
    response_deadline: float = response_deadline()

    def __post_init__(self) -> None:
        problem = client_id_problem(self.client_id.encode("utf-8"))
        if problem:
            raise LocalUsageError(problem)
        if self.psk is not None and len(self.psk) != PSK_SIZE:
            raise LocalUsageError(f"psk must be {PSK_SIZE} bytes")
        if not REKEY_LOG2_MIN <= self.rekey_log2 <= REKEY_LOG2_MAX:
            raise LocalUsageError(f"rekey_log2 must be {REKEY_LOG2_MIN}..{REKEY_LOG2_MAX}")
        if self.response_deadline <= 0:
            raise LocalUsageError("response_deadline must be positive")


class ClientSession(TableMachine):
    TABLE = load("client_session")

    def __init__(self, config: ClientConfig, *, kem: KemBackend, random: Random) -> None:
        kem.check_ek(config.ek)  # a bad pinned key fails at start, not at the first handshake
        super().__init__()
        self.config = config
        self._kem = kem
        self._random = random
        self._reader = FrameReader()
        self._sent_at = 0.0  # send time of the frame in flight (HELLO, PING or REKEY)
        self._grace_at: float | None = None  # end of the boot grace (None: wait forever)
        self._last_error = ""  # why the last attempt before the first HELLO_ACK failed (connect_timeout detail)
        self._last = pings_per_epoch(config.rekey_log2) - 1
        self.handshake: Handshake | None = None  # intermediate values, for vectors and tests
        self.hello_frame: bytes | None = None
        self._hello_secret: tuple[bytes, bytes] | None = None  # (ss, salt) until HELLO_ACK
        self.keys: EpochKeys | None = None
        self._pending: EpochKeys | None = None
        self._rekey_salt = b""
        self.counter = 0  # counter of the next PING
        self._outstanding: tuple[int, bytes] | None = None  # (counter, challenge) of the PING in flight
        self.status: int | None = None

    # --- inputs ------------------------------------------------------------------

    def start(self, now: float, boot_grace: float | None) -> list[Action]:
        """Arm the boot grace (None: wait for the keypad forever)."""
        if boot_grace is None:
            return []
        self._grace_at = self._deadline_at = now + boot_grace
        return [SetTimer(self._deadline_at)]

    def connected(self, now: float) -> list[Action]:
        return self._timely("connected", now)

    def connect_failed(self, now: float, error: str = "") -> list[Action]:
        """A connection attempt failed; ``error`` (refused, unreachable, timed out) ends up in a connect_timeout."""
        self._last_error = error or "connection attempt failed"
        return self._timely("connect_failed", now)

    def tick(self, now: float) -> list[Action]:
        return self._timely("tick", now)

    def timer(self, now: float) -> list[Action]:
        """The timer set by the last SetTimer fired."""
        return self._fire(self._deadline_event(now), now)

    def eof(self, now: float) -> list[Action]:
        return self._timely("eof", now)

    def stop(self, now: float) -> list[Action]:
        return self._fire("stop", now)

    def receive_data(self, data: bytes, now: float) -> list[Action]:
        if self._overdue(now):
            return self._fire(self._deadline_event(now), now)
        return self._feed(data, now)

    # --- helpers -------------------------------------------------------------------

    def _overdue(self, now: float) -> bool:
        return self._deadline_at is not None and now >= self._deadline_at

    def _timely(self, event: str, now: float) -> list[Action]:
        """Any input at or past the deadline is first a missed deadline (a late answer)."""
        if self._overdue(now):
            return self._fire(self._deadline_event(now), now)
        return self._fire(event, now)

    def _deadline_event(self, now: float) -> str:
        """Before the first HELLO_ACK, an unanswered HELLO is retried while the boot grace runs (no_answer)."""
        hello_in_flight = self.hello_frame is not None and self.keys is None and not self.terminal
        if hello_in_flight and (self._grace_at is None or now < self._grace_at):
            return "no_answer"
        return "deadline"

    def _event_for(self, frame: Frame) -> str:
        if isinstance(frame, Pong):
            final = self._outstanding is not None and self._outstanding[0] == self._last
            return "frame_pong_final" if final else "frame_pong"
        return FRAME_EVENTS.get(type(frame), "frame_ping")

    def _require_keys(self) -> EpochKeys:
        if self.keys is None:  # pragma: no cover - the table never verifies before the handshake
            raise LocalUsageError("no session keys yet")
        return self.keys

    def _report_status(self, step: Step, status: int) -> None:
        self.status = status
        if status == Status.LOCKDOWN:
            step.follow_up = "lockdown_order"

    # --- actions (one per action name in the table) ------------------------------------

    def _act_send_hello(self, step: Step) -> None:
        cfg = self.config
        m = self._random(32) if self._kem.deterministic else None
        ss, ct = self._kem.encapsulate(cfg.ek, m)
        challenge, salt = self._random(CHALLENGE_SIZE), self._random(SALT_SIZE)
        hello = Hello(FLAG_PSK if cfg.psk else 0, cfg.rekey_log2, cfg.client_id, ct, challenge, salt)
        raw = encode(hello)
        self.hello_frame = raw
        self._hello_secret = (ss, salt)  # the keys wait for the keypad's nonce (HELLO_ACK)
        self.handshake = None
        self.keys = None
        self.counter = 0
        self._sent_at = step.now
        step.out.append(Send(raw))

    def _act_arm_deadline(self, step: Step) -> None:
        at = step.now + self.config.response_deadline
        self._deadline_at = at if self._grace_at is None else min(at, self._grace_at)
        step.out.append(SetTimer(self._deadline_at))

    def _act_extend_deadline(self, step: Step) -> None:
        # The exposure bound (KCP1-TM-1): up at most D after the send of the last frame whose answer was
        # verified. The deadline never goes away while the session is up, and never moves later than that.
        self._deadline_at = self._sent_at + self.config.response_deadline
        step.out.append(SetTimer(self._deadline_at))

    def _act_retry(self, step: Step) -> None:
        if step.event == "eof":
            self._last_error = "the keypad closed the connection before HELLO_ACK"
        elif step.event == "no_answer":
            self._last_error = f"no HELLO_ACK within {self.config.response_deadline} s"
        self._reader = FrameReader()  # the next connection starts a new byte stream
        self.hello_frame = self._hello_secret = None
        self._deadline_at = self._grace_at
        step.out.append(SetTimer(self._grace_at) if self._grace_at is not None else CancelTimer())
        step.out.append(Retry())

    def _act_verify_hello_ack(self, step: Step) -> None:
        frame: HelloAck = step.frame
        assert self.hello_frame is not None and self._hello_secret is not None
        ss, salt = self._hello_secret
        # The keypad's nonce enters TH and K_0: the tag checked here, and every PONG after it, are fresh
        # on the keypad's side too, and the first verified PING confirms the nonce to the keypad.
        hs = handshake(ss, self.config.ek, self.hello_frame, salt, self.config.psk, frame.nonce)
        keys = EpochKeys.derive(0, hs.k0)
        if not verify(keys.k2c, frame.tag, step.raw[: -len(frame.tag)], hs.th):
            raise MacFailure("HELLO_ACK tag does not verify: the keypad does not hold the pinned key", field="tag")
        self.handshake, self.keys, self._hello_secret = hs, keys, None
        step.out.append(Established(frame.status))
        self._report_status(step, frame.status)

    def _act_send_ping(self, step: Step) -> None:
        keys = self._require_keys()
        challenge = self._random(CHALLENGE_SIZE)
        prefix = fastpath.ping_prefix(self.counter, challenge)
        self._outstanding = (self.counter, challenge)
        self._sent_at = step.now
        step.out.append(Send(prefix + mac(keys.c2k, prefix)))

    def _act_verify_pong(self, step: Step) -> None:
        frame: Pong = step.frame
        keys = self._require_keys()
        assert self._outstanding is not None
        counter, challenge = self._outstanding
        # The tag first: no field of an unauthenticated frame is trusted.
        if not verify(keys.k2c, frame.tag, step.raw[: -len(frame.tag)], challenge):
            raise MacFailure(f"PONG tag does not verify (epoch {keys.epoch}, PING {counter})", field="tag")
        if frame.counter != counter:
            raise CounterError(f"PONG counter {frame.counter}, the PING in flight is {counter}", field="counter")
        self._outstanding = None
        self.counter = counter + 1
        step.out.append(StatusSeen(frame.status, counter, keys.epoch))
        self._report_status(step, frame.status)

    def _act_send_rekey(self, step: Step) -> None:
        keys = self._require_keys()
        self._rekey_salt = self._random(SALT_SIZE)
        prefix = encode_prefix(Rekey(self._rekey_salt))
        self._pending = keys.next(self._rekey_salt)
        self._sent_at = step.now
        step.out.append(Send(prefix + mac(keys.c2k, prefix)))

    def _act_verify_rekey_ack(self, step: Step) -> None:
        frame: RekeyAck = step.frame
        assert self._pending is not None
        if not verify(self._pending.k2c, frame.tag, step.raw[: -len(frame.tag)], self._rekey_salt):
            raise MacFailure(f"REKEY_ACK tag does not verify under epoch {self._pending.epoch}", field="tag")
        self.keys, self._pending = self._pending, None  # K_e is dropped here: forward secrecy
        self.counter = 0
        step.out.append(Rekeyed(self.keys.epoch))

    def _forget(self) -> None:
        self.keys = self._pending = None
        self._hello_secret = None
        self._deadline_at = None
        self._outstanding = None

    def _act_lockdown(self, step: Step) -> None:
        self._forget()
        reason = step.reason()
        detail = step.detail()
        if reason == Reason.CONNECT_TIMEOUT and self._last_error:
            detail = f"the boot grace ended; last error: {self._last_error}"
        step.out.append(Lockdown(reason, detail))

    def _act_close(self, step: Step) -> None:
        self._forget()
        step.out.append(Close(Reason.STOPPED, "stopped by the operator"))
