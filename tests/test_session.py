"""The protocol core's "Done when": whole in-memory sessions with each KEM backend, and every
failure ending in Lockdown (client) or Close without an answer (keypad) with the right reason."""

from __future__ import annotations

import copy

import pytest

from keycrypt.constants import HEADER_SIZE, Status
from keycrypt.crypto.schedule import mac
from keycrypt.errors import Reason
from keycrypt.machines.actions import (
    Action,
    Close,
    Established,
    Lockdown,
    Rekeyed,
    SessionOpened,
    StatusSeen,
)
from keycrypt.machines.client import ClientSession
from keycrypt.machines.keypad import KeypadSession
from keycrypt.wire import fastpath
from keycrypt.wire.frames import FrameType, Hello, Ping, decode, encode
from keycrypt_kit.harness import Pair
from keycrypt_kit.scenarios import replay, vector_case

from conftest import ending, pair, sends

ARMED, DISARMED, LOCKDOWN = int(Status.ARMED), int(Status.DISARMED), int(Status.LOCKDOWN)
PSK = b"k" * 32


def locked(out: list[Action], client: ClientSession, reason: Reason) -> None:
    end = ending(out)
    assert isinstance(end, Lockdown), out
    assert end.reason == reason, (end, reason)
    assert client.state == "LOCKED_DOWN" and client.terminal
    assert client.keys is None  # keys are dropped with the session


def closed(out: list[Action], keypad: KeypadSession, reason: Reason) -> None:
    end = ending(out)
    assert isinstance(end, Close), out
    assert end.reason == reason, (end, reason)
    assert not sends(out), "the keypad closes without answering"
    assert keypad.state == "CLOSED" and keypad.close_reason == reason and keypad.keys is None


def flip(data: bytes, i: int = -1) -> bytes:
    b = bytearray(data)
    b[i] ^= 0x01
    return bytes(b)


def fork(pair: Pair) -> Pair:
    """An independent copy of a pair mid-session (the KEM objects are shared, they hold no session state)."""
    memo = {id(pair.kem): pair.kem, id(pair.key): pair.key}
    return copy.deepcopy(pair, memo)


def established(backend: str, **kw: object) -> Pair:
    p = pair(backend, **kw)  # type: ignore[arg-type]
    out = p.greet()
    assert Established(ARMED) in out and p.client.state == "IDLE" and p.keypad.state == "ESTABLISHED"
    return p


def ping_until_rekey(p: Pair) -> bytes:
    """PING until the epoch's last PONG is verified; returns the REKEY the client sent at once."""
    while True:
        _, _, out = p.exchange(0.5)
        if p.client.state == "AWAIT_REKEY_ACK":
            (rekey,) = sends(out)
            assert decode(rekey).type == FrameType.REKEY
            return rekey
        assert p.client.state == "IDLE" and not sends(out)


# --- the normal run ---------------------------------------------------------------------------


def test_full_session_across_two_rekeys(backend: str) -> None:
    p = pair(backend, rekey_log2=4)
    hello = p.hello()
    kout = p.to_keypad(hello)
    assert SessionOpened("host-1", False, 4) in kout
    (ack,) = sends(kout)
    assert Established(ARMED) in p.to_client(ack)
    assert p.client.handshake is not None and p.keypad.handshake is not None
    assert p.client.handshake.k0 == p.keypad.handshake.k0

    seen: list[StatusSeen] = []
    epochs_c: list[int] = []
    epochs_k: list[int] = []
    keys_seen = set()
    for epoch in range(3):
        assert p.client.keys is not None and p.keypad.keys is not None
        assert p.client.keys.epoch == p.keypad.keys.epoch == epoch
        assert (p.client.keys.c2k, p.client.keys.k2c) == (p.keypad.keys.c2k, p.keypad.keys.k2c)
        keys_seen.add(p.client.keys.key)
        n = 16 if epoch < 2 else 5
        for i in range(n):
            if epoch == 1:  # ARMED -> DISARMED -> ARMED, seen by the client
                p.status = DISARMED if 3 <= i < 6 else ARMED
            ping, pong, out = p.exchange(0.5)
            assert decode(ping).counter == i and decode(pong).counter == i  # type: ignore[union-attr]
            seen += [a for a in out if isinstance(a, StatusSeen)]
            if i == 15:
                (rekey,) = sends(out)
                assert p.client.state == "AWAIT_REKEY_ACK"
                kout = p.to_keypad(rekey)
                epochs_k += [a.epoch for a in kout if isinstance(a, Rekeyed)]
                (rekey_ack,) = sends(kout)
                epochs_c += [a.epoch for a in p.to_client(rekey_ack) if isinstance(a, Rekeyed)]
            assert p.client.state == "IDLE" and p.keypad.state == "ESTABLISHED"
    assert epochs_c == epochs_k == [1, 2]
    assert len(keys_seen) == 3
    assert [(s.epoch, s.counter) for s in seen] == [(e, c) for e in range(3) for c in range(16 if e < 2 else 5)]
    statuses = [s.status for s in seen if s.epoch == 1]
    assert statuses == [ARMED] * 3 + [DISARMED] * 3 + [ARMED] * 10
    assert p.client.status == ARMED

    # a LOCKDOWN order (the device's duress or lockdown-all) ends it
    p.status = LOCKDOWN
    _, _, out = p.exchange(0.5)
    assert StatusSeen(LOCKDOWN, 5, 2) in out
    locked(out, p.client, Reason.LOCKDOWN_ORDER)
    closed(p.keypad.eof(p.now), p.keypad, Reason.EOF)


def test_lockdown_status_in_hello_ack(backend: str) -> None:
    p = pair(backend)
    p.status = LOCKDOWN
    out = p.greet()
    assert Established(LOCKDOWN) in out
    locked(out, p.client, Reason.LOCKDOWN_ORDER)


def test_disarmed_keeps_the_session_up(backend: str) -> None:
    p = pair(backend)
    p.status = DISARMED
    assert Established(DISARMED) in p.greet()
    for _ in range(3):
        _, _, out = p.exchange(0.5)
        assert ending(out) is None and p.client.status == DISARMED


# --- tampering ---------------------------------------------------------------------------------


def at_frame(backend: str, ft: FrameType) -> tuple[Pair, bytes, str]:
    """A pair just before ``ft`` is delivered; returns (pair, genuine frame, receiving side)."""
    p = pair(backend, rekey_log2=4)
    hello = p.hello()
    (ack,) = sends(p.to_keypad(hello))
    if ft == FrameType.HELLO_ACK:
        return p, ack, "client"
    p.to_client(ack)
    if ft in (FrameType.REKEY, FrameType.REKEY_ACK):
        rekey = ping_until_rekey(p)
        if ft == FrameType.REKEY:
            return p, rekey, "keypad"
        (rekey_ack,) = sends(p.to_keypad(rekey))
        return p, rekey_ack, "client"
    p.now += 0.5
    (ping,) = sends(p.client.tick(p.now))
    if ft == FrameType.PING:
        return p, ping, "keypad"
    (pong,) = sends(p.to_keypad(ping))
    return p, pong, "client"


TAGGED = [FrameType.HELLO_ACK, FrameType.PING, FrameType.PONG, FrameType.REKEY, FrameType.REKEY_ACK]


def deliver(p: Pair, side: str, data: bytes) -> list[Action]:
    return p.to_client(data) if side == "client" else p.to_keypad(data)


def check_failed(p: Pair, side: str, out: list[Action], reason: Reason) -> None:
    if side == "client":
        locked(out, p.client, reason)
    else:
        closed(out, p.keypad, reason)


@pytest.mark.parametrize("ft", TAGGED, ids=[t.name for t in TAGGED])
def test_tampered_tag(backend: str, ft: FrameType) -> None:
    p, frame, side = at_frame(backend, ft)
    good = fork(p)
    assert ending(deliver(good, side, frame)) is None  # the untouched frame is accepted
    check_failed(p, side, deliver(p, side, flip(frame)), Reason.MAC_FAILURE)


@pytest.mark.parametrize("ft", TAGGED, ids=[t.name for t in TAGGED])
def test_every_byte_is_covered(ft: FrameType) -> None:
    """Flipping any bit of a tagged frame ends the session: the header by parsing, the rest by the MAC."""
    p, frame, side = at_frame("cryptography", ft)
    for i in range(len(frame)):
        q = fork(p)
        out = deliver(q, side, flip(frame, i))
        check_failed(q, side, out, Reason.PARSE_ERROR if i < HEADER_SIZE else Reason.MAC_FAILURE)


# --- replays and stale frames -------------------------------------------------------------------




def test_replayed_pong_when_idle(backend: str) -> None:
    p = established(backend)
    _, pong, _ = p.exchange(0.5)
    locked(p.to_client(pong), p.client, Reason.STATE_ERROR)






def test_pong_from_the_old_epoch_after_rekey(backend: str) -> None:
    p = established(backend)
    assert p.keypad.keys is not None
    old_k2c = p.keypad.keys.k2c
    _, old_pong0, _ = p.exchange(0.5)
    rekey = ping_until_rekey(p)
    assert any(isinstance(a, Rekeyed) for a in p.rekey(rekey)) and p.client.state == "IDLE"
    p.now += 0.5
    (ping,) = sends(p.client.tick(p.now))
    fr = decode(ping)
    assert isinstance(fr, Ping) and fr.counter == 0
    # the replayed epoch-0 PONG 0, and a PONG for this very PING under the old epoch's key
    prefix = fastpath.pong_prefix(0, ARMED)
    for stale in (old_pong0, prefix + mac(old_k2c, prefix, fr.challenge)):
        q = fork(p)
        locked(q.to_client(stale), q.client, Reason.MAC_FAILURE)


def test_replayed_rekey_and_old_epoch_ping(backend: str) -> None:
    p = established(backend)
    old_ping, _, _ = p.exchange(0.5)
    rekey = ping_until_rekey(p)
    p.rekey(rekey)
    q = fork(p)
    closed(q.to_keypad(rekey), q.keypad, Reason.STATE_ERROR)  # REKEY only at the end of an epoch
    closed(p.to_keypad(old_ping), p.keypad, Reason.MAC_FAILURE)  # PING 0 of epoch 0 replayed in epoch 1


# --- frames in the wrong state --------------------------------------------------------------------


def test_second_hello(backend: str) -> None:
    p = established(backend)
    assert p.client.hello_frame is not None
    q = fork(p)
    closed(q.to_keypad(p.client.hello_frame), q.keypad, Reason.STATE_ERROR)
    other = encode(Hello(0, 4, "other", bytes(1088), bytes(32), bytes(16)))
    closed(p.to_keypad(other), p.keypad, Reason.STATE_ERROR)


def test_wrong_state_frames(backend: str) -> None:
    p = established(backend)
    ping, pong, _ = p.exchange(0.5)
    # a frame of the other direction
    q = fork(p)
    locked(q.to_client(ping), q.client, Reason.STATE_ERROR)
    q = fork(p)
    closed(q.to_keypad(pong), q.keypad, Reason.STATE_ERROR)
    q = fork(p)
    assert p.client.hello_frame is not None
    locked(q.to_client(p.client.hello_frame), q.client, Reason.STATE_ERROR)
    # REKEY before the epoch is used up, REKEY_ACK that was never asked for
    q = fork(p)
    r = fork(p)
    rekey = ping_until_rekey(r)
    closed(q.to_keypad(rekey), q.keypad, Reason.STATE_ERROR)
    (rekey_ack,) = sends(r.to_keypad(rekey))
    q = fork(p)
    locked(q.to_client(rekey_ack), q.client, Reason.STATE_ERROR)
    # a PING where only REKEY is allowed (the client sent its last PING again)
    s = fork(p)
    last_ping = None
    while s.keypad.state != "AWAIT_REKEY":
        last_ping, _, _ = s.exchange(0.5)
    assert last_ping is not None
    closed(s.to_keypad(last_ping), s.keypad, Reason.STATE_ERROR)


def test_frames_before_the_handshake(backend: str) -> None:
    p = pair(backend)
    closed(p.to_keypad(encode(Ping(0, bytes(32), bytes(32)))), p.keypad, Reason.STATE_ERROR)
    q = pair(backend)
    hello = q.hello()
    locked(q.to_client(hello), q.client, Reason.STATE_ERROR)


# --- keys and psks ------------------------------------------------------------------------------








def test_matching_psk(backend: str) -> None:
    p = established(backend, psk=PSK, keypad_psks={"host-1": PSK})
    _, _, out = p.exchange(0.5)
    assert ending(out) is None




# --- time and the connection -----------------------------------------------------------------------




















def test_stop_is_not_a_lockdown(backend: str) -> None:
    p = established(backend)
    out = p.client.stop(p.now)
    end = ending(out)
    assert isinstance(end, Close) and end.reason == Reason.STOPPED and p.client.state == "CLOSED"
    assert not any(isinstance(a, Lockdown) for a in out)


# --- scenarios written once, as vector cases ---------------------------------------------------------

# These scenarios were played here by hand as well; the vectors are their one written form. Each is
# cited by name and replayed through the machines (keycrypt_kit.scenarios), with the reason it is about.
VECTOR_SCENARIOS: dict[str, str | None] = {
    "sessions:keypad/ping-replayed": "counter_error",  # a genuine PING replayed after it was answered
    "sessions:client/pong-replayed": "mac_failure",  # the PONG to PING 0 as the answer to PING 1
    "sessions:client/pong-wrong-counter": "counter_error",  # a genuine tag, another counter
    "sessions:keypad/auth-psk-not-enrolled": "auth_error",  # the client has a psk, the keypad none
    "sessions:keypad/auth-psk-missing": "auth_error",  # the keypad has one, the client sends none
    "sessions:client/wrong-psk": "mac_failure",
    "sessions:client/keypad-wrong-key": "mac_failure",  # implicit rejection: answered under other keys
    "sessions:client/pong-late": "deadline",  # late against the last verified send, not its own PING
    "sessions:client/pong-at-deadline": "deadline",
    "sessions:client/pong-before-deadline": None,
    "sessions:client/exposure-bound-idle": "deadline",  # the deadline stays armed in IDLE
    "sessions:client/pong-after-exposure-bound": "deadline",  # a later PING does not push it back
    "sessions:client/deadline": "deadline",
    "sessions:client/boot-grace-ends-unanswered": "connect_timeout",  # HELLOs retried, then the grace ends
    "sessions:client/refused-then-reached": None,  # an abort and a refusal retried, then established
    "sessions:client/boot-grace": "connect_timeout",
    "sessions:client/eof": "eof",
    "sessions:keypad/eof": "eof",
    "sessions:keypad/ping-late": "idle_timeout",
    "sessions:keypad/breach-drop": "breach",
    "sessions:keypad/http-request": "parse_error",
    "sessions:client/pong-then-garbage": "parse_error",
}


@pytest.mark.parametrize("name", sorted(VECTOR_SCENARIOS))
def test_scenario_from_the_vectors(name: str) -> None:
    assert vector_case(name).outcome == VECTOR_SCENARIOS[name]
    ok, why = replay(name)
    assert ok, why
