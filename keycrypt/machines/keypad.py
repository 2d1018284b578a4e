"""The keypad's side of one KCP/1 connection, sans-IO, driven by ``keypad_session.json``.

The keypad's only randomness is its nonce, 32 bytes drawn from the
``random(n)`` callable it is given (never generated here) when it accepts a
HELLO and sent in HELLO_ACK: it enters TH and so every key of the session,
which stops whole-session replays and binds a session to the keypad
instance that answered it. Every other value it sends follows from its key,
the nonce and the client's frames. The device's current status is passed in
with the data it answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Mapping

from keycrypt.constants import (
    FLAG_PSK,
    HELLO_TIMEOUT,
    KEYPAD_IDLE_TIMEOUT,
    KEYPAD_NONCE_SIZE,
    PING_MIN_INTERVAL,
    FrameType,
    pings_per_epoch,
)
from keycrypt.crypto.kem import KemPrivateKey
from keycrypt.crypto.schedule import EpochKeys, Handshake, handshake, mac, verify
from keycrypt.errors import (
    AuthError,
    CounterError,
    LocalUsageError,
    MacFailure,
    PaceError,
    Reason,
)
from keycrypt.machines.actions import Action, Close, Rekeyed, Send, SessionOpened, SetTimer
from keycrypt.machines.engine import FRAME_EVENTS, Step, TableMachine
from keycrypt.tables import load
from keycrypt.wire import fastpath
from keycrypt.wire.frames import Frame, Hello, HelloAck, Ping, Rekey, RekeyAck, decode, encode_prefix
from keycrypt.wire.stream import FrameReader

_PING_TYPE = int(FrameType.PING)


@dataclass(frozen=True)
class ClientPolicy:
    """Which clients the keypad serves.

    A client_id enrolled with a psk must use it (else anyone could claim
    that id); a psk flag for an id with no psk is refused; with
    ``require_enrolled`` only enrolled ids are served at all.
    """

    psks: Mapping[str, bytes] = field(default_factory=dict)
    require_enrolled: bool = False

    def psk_for(self, hello: Hello) -> bytes | None:
        psk = self.psks.get(hello.client_id)
        wants = bool(hello.flags & FLAG_PSK)
        if psk is not None and not wants:
            raise AuthError(f"client {hello.client_id!r} is enrolled with a psk but did not use it", field="flags")
        if wants and psk is None:
            raise AuthError(f"client {hello.client_id!r} asks for a psk that is not enrolled", field="flags")
        if psk is None and self.require_enrolled:
            raise AuthError(f"client {hello.client_id!r} is not enrolled", field="client_id")
        return psk


class KeypadSession(TableMachine):
    TABLE = load("keypad_session")

    def __init__(
        self,
        key: KemPrivateKey,
        *,
        random: Callable[[int], bytes],
        policy: ClientPolicy | None = None,
        idle_timeout: float = KEYPAD_IDLE_TIMEOUT,
        hello_timeout: float = HELLO_TIMEOUT,
        ping_min_interval: float = PING_MIN_INTERVAL,
    ) -> None:
        super().__init__()
        self._key = key
        self._random = random
        self.nonce = b""  # this session's keypad nonce (HELLO_ACK)
        self._policy = policy or ClientPolicy()
        self._idle_timeout = idle_timeout
        self._hello_timeout = hello_timeout
        self._ping_min_interval = ping_min_interval
        self._answered_at = 0.0  # when the keypad last answered (HELLO_ACK, PONG, REKEY_ACK): the pace's origin
        self._reader = FrameReader()
        self._status = 0
        self.client_id: str | None = None
        self.rekey_log2 = 0
        self._last = 0
        self.handshake: Handshake | None = None
        self.keys: EpochKeys | None = None
        self.expected = 0  # counter of the next PING
        self._challenge = b""
        self._ping_counter = 0
        self._rekey_salt = b""
        self.close_reason: Reason | None = None

    # --- inputs --------------------------------------------------------------------

    def start(self, now: float) -> list[Action]:
        """The connection was accepted: arm the HELLO timeout."""
        self._deadline_at = now + self._hello_timeout
        return [SetTimer(self._deadline_at)]

    def receive_data(self, data: bytes, now: float, status: int) -> list[Action]:
        """Answer the client's bytes with the device's current wire ``status``."""
        if self._deadline_at is not None and now >= self._deadline_at:
            return self._fire("timeout", now)
        self._status = status
        return self._feed(data, now)

    def timer(self, now: float) -> list[Action]:
        return self._fire("timeout", now)

    def eof(self, now: float) -> list[Action]:
        return self._fire("eof", now)

    def drop(self, reason: Reason, now: float) -> list[Action]:
        """The device drops this session (breach, sealing, shutdown)."""
        return self._fire("drop", now, given_reason=reason)

    # --- helpers -------------------------------------------------------------------

    def _decode(self, raw: bytes) -> Frame:
        """PINGs, the hot path, through the fixed-layout decoder (tests/test_wire.py proves them equal)."""
        if raw[3] == _PING_TYPE:
            return Ping(*fastpath.decode_ping(raw))
        return decode(raw)

    def _event_for(self, frame: Frame) -> str:
        if isinstance(frame, Ping):
            return "frame_ping_final" if self.keys is not None and self.expected == self._last else "frame_ping"
        return FRAME_EVENTS[type(frame)]

    def _require_keys(self) -> EpochKeys:
        if self.keys is None:  # pragma: no cover - the table never verifies before the handshake
            raise LocalUsageError("no session keys yet")
        return self.keys

    # --- actions -------------------------------------------------------------------

    def _act_accept_hello(self, step: Step) -> None:
        hello: Hello = step.frame
        psk = self._policy.psk_for(hello)
        ss = self._key.decapsulate(hello.ct)  # implicit rejection: a bad ct yields keys the client cannot match
        nonce = self._random(KEYPAD_NONCE_SIZE)
        if len(nonce) != KEYPAD_NONCE_SIZE:
            raise LocalUsageError(f"the random source gave {len(nonce)} bytes for the {KEYPAD_NONCE_SIZE}-byte nonce")
        self.nonce = nonce
        self.handshake = handshake(ss, self._key.ek, step.raw, hello.salt, psk, nonce)
        self.keys = EpochKeys.derive(0, self.handshake.k0)
        self.client_id = hello.client_id
        self.rekey_log2 = hello.rekey_log2
        self._last = pings_per_epoch(hello.rekey_log2) - 1
        self.expected = 0
        step.out.append(SessionOpened(hello.client_id, psk is not None, hello.rekey_log2))

    def _act_send_hello_ack(self, step: Step) -> None:
        assert self.handshake is not None
        prefix = encode_prefix(HelloAck(self._status, self.nonce))
        step.out.append(Send(prefix + mac(self._require_keys().k2c, prefix, self.handshake.th)))
        self._answered_at = step.now

    def _act_verify_ping(self, step: Step) -> None:
        ping: Ping = step.frame
        keys = self._require_keys()
        if not verify(keys.c2k, ping.tag, step.raw[: -len(ping.tag)]):
            raise MacFailure(f"PING tag does not verify (epoch {keys.epoch})", field="tag")
        if ping.counter != self.expected:
            raise CounterError(f"PING counter {ping.counter}, expected {self.expected}", field="counter")
        # After tag and counter (a replayed PING stays a counter_error). The protocol's pace (KCP1-PACE-1): an honest client sends its next PING one jittered interval
        # after it received the previous answer, never sooner. A PING in the same input as the one
        # just answered (pipelined: the answer is not even sent yet) has a gap of 0.
        if step.now - self._answered_at < self._ping_min_interval:
            raise PaceError(
                f"PING {step.now - self._answered_at:.3f} s after the previous answer "
                f"(at least {self._ping_min_interval} s)", field="pace")
        self._challenge = ping.challenge
        self._ping_counter = ping.counter

    def _act_send_pong(self, step: Step) -> None:
        prefix = fastpath.pong_prefix(self._ping_counter, self._status)
        step.out.append(Send(prefix + mac(self._require_keys().k2c, prefix, self._challenge)))
        self.expected = self._ping_counter + 1
        self._answered_at = step.now

    def _act_verify_rekey(self, step: Step) -> None:
        rekey: Rekey = step.frame
        keys = self._require_keys()
        if not verify(keys.c2k, rekey.tag, step.raw[: -len(rekey.tag)]):
            raise MacFailure(f"REKEY tag does not verify (epoch {keys.epoch})", field="tag")
        self._rekey_salt = rekey.salt
        self.keys = keys.next(rekey.salt)  # K_e dropped: forward secrecy
        self.expected = 0
        # Emitted where the epoch switches, before the row's send and timer, as the client's verify_rekey_ack does.
        step.out.append(Rekeyed(self.keys.epoch))

    def _act_send_rekey_ack(self, step: Step) -> None:
        keys = self._require_keys()
        prefix = encode_prefix(RekeyAck())
        step.out.append(Send(prefix + mac(keys.k2c, prefix, self._rekey_salt)))
        self._answered_at = step.now

    def _act_arm_timeout(self, step: Step) -> None:
        self._deadline_at = step.now + self._idle_timeout
        step.out.append(SetTimer(self._deadline_at))

    def _act_close(self, step: Step) -> None:
        self.keys = None
        self._deadline_at = None
        self.close_reason = step.reason()
        step.out.append(Close(self.close_reason, step.detail()))
