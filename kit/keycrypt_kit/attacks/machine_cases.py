"""Attack cases against the sans-IO machines (no sockets): the attacker owns the wire.

Each case drives a real :class:`ClientSession` and :class:`KeypadSession`
(or :class:`KeypadDevice`) through :class:`Pair` and tampers with, replays,
reflects or forges frames; a case whose scenario is a vector case cites it by
name and replays it (:func:`as_in_the_vectors`, :mod:`keycrypt_kit.scenarios`)
instead of playing it again by hand. A case passes only if the client locked down, or
the keypad closed without answering, with the expected typed reason, and the
client never accepted a forged answer.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from keycrypt.constants import (
    CT_SIZE,
    HEADER_SIZE,
    MAGIC,
    PIN_BACKOFF_MAX,
    PIN_MIN_LENGTH,
    VERSION,
    FrameType,
    Status,
    response_deadline,
)
from keycrypt.crypto.schedule import EpochKeys, handshake, mac
from keycrypt.errors import Reason
from keycrypt.machines.actions import Action, DropAll
from keycrypt.machines.client import ClientConfig, ClientSession
from keycrypt.machines.device import KeypadDevice, PinResult, backoff_delay
from keycrypt.machines.keypad import ClientPolicy, KeypadSession
from keycrypt.wire import fastpath
from keycrypt_kit.attacks.catalogue import Outcome, case
from keycrypt_kit.harness import KEM, DetRandom, Pair, accepted, close_of, copy_machine, keypad_key, lockdown_of, sends
from keycrypt_kit.scenarios import replay, vector_case

PSK = bytes(range(32))
OTHER_PSK = bytes(range(1, 33))


# --- verdicts --------------------------------------------------------------------------------------


def as_in_the_vectors(name: str, reason: Reason) -> Outcome:
    """The scenario is vector case ``name`` (written once, in the vectors): replayed through the
    machines it must give the vector's outputs, which end in ``reason``."""
    vector = vector_case(name)
    if vector.outcome != reason.value:
        return Outcome(False, f"vector case {name} ends in {vector.outcome}, not {reason.value}")
    ok, why = replay(name)
    return Outcome(ok, f"{reason.value}, as vector case {name}" if ok else f"differs from vector case {name}: {why}",
                   {"vector": name})



def client_locked(p: Pair | ClientSession, acts: list[Action], *reasons: Reason) -> Outcome:
    c = p.client if isinstance(p, Pair) else p
    lk = lockdown_of(acts)
    forged = accepted(acts)
    if forged:
        return Outcome(False, f"client ACCEPTED {forged!r}")
    if lk is None or c.state != "LOCKED_DOWN":
        return Outcome(False, f"client not locked down (state {c.state}, actions {acts!r})")
    if reasons and lk.reason not in reasons:
        return Outcome(False, f"client locked down with {lk.reason.value}, expected {'/'.join(r.value for r in reasons)}")
    return Outcome(True, f"client LOCKED_DOWN: {lk.reason.value}")


def keypad_closed(k: Pair | KeypadSession, acts: list[Action], *reasons: Reason) -> Outcome:
    kp = k.keypad if isinstance(k, Pair) else k
    cl = close_of(acts)
    answered = sends(acts)
    if answered:
        return Outcome(False, f"keypad ANSWERED {len(answered)} frame(s)")
    if cl is None or not kp.terminal:
        return Outcome(False, f"keypad did not close (state {kp.state}, actions {acts!r})")
    if reasons and cl.reason not in reasons:
        return Outcome(False, f"keypad closed with {cl.reason.value}, expected {'/'.join(r.value for r in reasons)}")
    return Outcome(True, f"keypad closed silently: {cl.reason.value}")


def flip(data: bytes, bit: int) -> bytes:
    b = bytearray(data)
    b[bit // 8] ^= 1 << (bit % 8)
    return bytes(b)


def established(**kw: object) -> Pair:
    p = Pair.make(**kw)  # type: ignore[arg-type]
    p.handshake()
    return p


# --- replay and reflection ---------------------------------------------------------------------------------


@case("pong-replay", "replays PONG #0 as the answer to PING #1", "client locks down: mac_failure (PONG tag covers the PING's challenge)")
def pong_replay() -> Outcome:
    return as_in_the_vectors("sessions:client/pong-replayed", Reason.MAC_FAILURE)


@case("ping-replay", "replays PING #0 to the keypad after it was answered (counter rollback)", "keypad closes: counter_error, no PONG")
def ping_replay() -> Outcome:
    return as_in_the_vectors("sessions:keypad/ping-replayed", Reason.COUNTER_ERROR)


@case("ping-reflection", "reflects the client's own PING back to it", "client locks down: state_error (a C→K frame never arrives at a client)")
def ping_reflection() -> Outcome:
    return as_in_the_vectors("sessions:client/ping-reflected", Reason.STATE_ERROR)


@case("rekey-reflection", "reflects the client's own REKEY back to it", "client locks down: state_error; direction-separated keys would also refuse it")
def rekey_reflection() -> Outcome:
    p = established(rekey_log2=4)
    rekey = p.run_epoch()
    return client_locked(p, p.to_client(rekey), Reason.STATE_ERROR)


@case("hello-reflection", "reflects the client's HELLO back to it", "client locks down: state_error")
def hello_reflection() -> Outcome:
    p = Pair.make()
    hello = p.hello()
    return client_locked(p, p.to_client(hello), Reason.STATE_ERROR)


@case("pong-to-keypad", "sends the keypad its own PONG (reflection towards the keypad)", "keypad closes: state_error, no answer")
def pong_to_keypad() -> Outcome:
    return as_in_the_vectors("sessions:keypad/pong-reflected", Reason.STATE_ERROR)


# --- every bit of every tagged frame ----------------------------------------------------------------


def _flips_client(p: Pair, genuine: bytes) -> Outcome:
    """Flip every bit of ``genuine`` in a copy of the client each; all must lock down, none accepted."""
    bits, bad = len(genuine) * 8, []
    reasons: dict[str, int] = {}
    for bit in range(bits):
        c = copy_machine(p.client)
        acts = c.receive_data(flip(genuine, bit), p.now + 0.01)
        lk = lockdown_of(acts)
        if accepted(acts) or lk is None:
            bad.append(bit)
        else:
            reasons[lk.reason.value] = reasons.get(lk.reason.value, 0) + 1
    ok_control = accepted(p.to_client(genuine))  # the unflipped frame is accepted: the oracle has power
    if bad or not ok_control:
        return Outcome(False, f"{len(bad)} of {bits} flips not rejected (first bits {bad[:5]}); genuine accepted={bool(ok_control)}")
    return Outcome(True, f"{bits}/{bits} single-bit flips -> lockdown {reasons}; genuine frame accepted", {"flips": bits, **reasons})


def _flips_keypad(p: Pair, genuine: bytes) -> Outcome:
    bits, bad = len(genuine) * 8, []
    reasons: dict[str, int] = {}
    for bit in range(bits):
        k = copy_machine(p.keypad)
        acts = k.receive_data(flip(genuine, bit), p.now + 0.01, p.status)
        cl = close_of(acts)
        if sends(acts) or cl is None:
            bad.append(bit)
        else:
            reasons[cl.reason.value] = reasons.get(cl.reason.value, 0) + 1
    ok_control = sends(p.to_keypad(genuine))
    if bad or not ok_control:
        return Outcome(False, f"{len(bad)} of {bits} flips answered or not closed (first bits {bad[:5]}); genuine answered={bool(ok_control)}")
    return Outcome(True, f"{bits}/{bits} single-bit flips -> silent close {reasons}; genuine frame answered", {"flips": bits, **reasons})


@case("flip-hello-ack", "flips each bit of HELLO_ACK (K→C), one at a time", "every flip: client locks down (parse_error or mac_failure); none accepted")
def flip_hello_ack() -> Outcome:
    p = Pair.make()
    ack = p.keypad_answers(p.hello())
    return _flips_client(p, ack)


@case("flip-pong", "flips each bit of a PONG (K→C)", "every flip: client locks down; none accepted")
def flip_pong() -> Outcome:
    p = established()
    pong = p.keypad_answers(p.ping())
    return _flips_client(p, pong)


@case("flip-rekey-ack", "flips each bit of REKEY_ACK (K→C)", "every flip: client locks down; none accepted")
def flip_rekey_ack() -> Outcome:
    p = established(rekey_log2=4)
    ack = p.keypad_answers(p.run_epoch())
    return _flips_client(p, ack)


@case("flip-ping", "flips each bit of a PING (C→K)", "every flip: keypad closes without answering")
def flip_ping() -> Outcome:
    p = established()
    p.exchange()
    return _flips_keypad(p, p.ping())


@case("flip-rekey", "flips each bit of REKEY (C→K)", "every flip: keypad closes without answering")
def flip_rekey() -> Outcome:
    p = established(rekey_log2=4)
    return _flips_keypad(p, p.run_epoch())


@case("flip-hello", "flips each bit of HELLO's fields outside the ct (C→K), then delivers the keypad's answer", "every flip: keypad refuses it, or the client locks down at HELLO_ACK (transcript/KEM mismatch)")
def flip_hello() -> Outcome:
    p = Pair.make()
    hello = p.hello()
    ct_at = HEADER_SIZE + 3 + len(p.client.config.client_id.encode())
    bits = [b for b in range(len(hello) * 8) if not ct_at * 8 <= b < (ct_at + CT_SIZE) * 8]
    bits += list(range(ct_at * 8, ct_at * 8 + 64))  # and the first 8 bytes of the ct
    refused = locked = 0
    for bit in bits:
        k = KeypadSession(p.key, random=DetRandom("keypad"))
        k.start(0.0)
        c = copy_machine(p.client)
        acts = k.receive_data(flip(hello, bit), 0.1, 0)
        answer = sends(acts)
        if not answer:
            refused += 1
            continue
        cacts = c.receive_data(answer[0], 0.2)
        if accepted(cacts) or lockdown_of(cacts) is None:
            return Outcome(False, f"flip of HELLO bit {bit}: client accepted the keypad's answer")
        locked += 1
    return Outcome(True, f"{len(bits)} flips: {refused} refused by the keypad, {locked} -> client mac_failure", {"flips": len(bits)})


# --- counters and epochs ------------------------------------------------------------------------


@case("ping-counter-skip", "sends a PING with a valid tag but counter 2 where 1 is expected (holder of the client's key skipping ahead)", "keypad closes: counter_error")
def ping_counter_skip() -> Outcome:
    return as_in_the_vectors("sessions:keypad/ping-skips-counter", Reason.COUNTER_ERROR)


@case("pong-counter-wrong", "answers PING #2 with a correctly tagged PONG carrying counter 1", "client locks down: counter_error")
def pong_counter_wrong() -> Outcome:
    return as_in_the_vectors("sessions:client/pong-counter-behind", Reason.COUNTER_ERROR)


@case("stale-pong-after-rekey", "after the rekey, answers PING #0 of epoch 1 with PONG #0 of epoch 0", "client locks down: mac_failure (old epoch keys)")
def stale_pong() -> Outcome:
    p = established(rekey_log2=4)
    _, pong0, _ = p.exchange()
    rekey = p.run_epoch()
    p.to_client(p.keypad_answers(rekey))
    p.ping()
    return client_locked(p, p.to_client(pong0), Reason.MAC_FAILURE)


@case("rekey-early", "sends a correctly tagged REKEY in the middle of an epoch", "keypad closes: state_error")
def rekey_early() -> Outcome:
    return as_in_the_vectors("sessions:keypad/rekey-early", Reason.STATE_ERROR)


@case("ping-after-epoch", "sends a correctly tagged PING after the epoch's last PING instead of REKEY", "keypad closes: state_error")
def ping_after_epoch() -> Outcome:
    return as_in_the_vectors("sessions:keypad/ping-after-epoch", Reason.STATE_ERROR)


@case("pong-unsolicited", "sends the client a PONG while no PING is in flight", "client locks down: state_error")
def pong_unsolicited() -> Outcome:
    p = established()
    _, pong, _ = p.exchange()
    return client_locked(p, p.to_client(pong), Reason.STATE_ERROR)


@case("rekey-ack-unsolicited", "sends the client a REKEY_ACK while a PONG is awaited", "client locks down: state_error")
def rekey_ack_unsolicited() -> Outcome:
    return as_in_the_vectors("sessions:client/rekey-ack-unasked", Reason.STATE_ERROR)


# --- framing ---------------------------------------------------------------------------------------


@case("truncated-pong-eof", "delivers half a PONG, then closes the connection", "client locks down: eof (never a partial accept)")
def truncated_pong() -> Outcome:
    return as_in_the_vectors("sessions:client/pong-truncated-eof", Reason.EOF)


@case("truncated-ping-stall", "sends half a PING and stalls", "keypad closes at its idle timeout: idle_timeout, no answer")
def truncated_ping() -> Outcome:
    p = established()
    ping = p.ping()
    acts = p.to_keypad(ping[:40])
    if acts:
        return Outcome(False, f"keypad acted on half a frame: {acts!r}")
    return keypad_closed(p, p.keypad.timer(p.now + 3.0), Reason.IDLE_TIMEOUT)


@case("header-65535-keypad", "sends a PING header announcing a 65535-byte body", "keypad closes on the 6-byte header alone: parse_error (nothing buffered)")
def header_65535_keypad() -> Outcome:
    p = established()
    hdr = MAGIC + bytes([VERSION, int(FrameType.PING)]) + (65535).to_bytes(2, "big")
    out = keypad_closed(p, p.to_keypad(hdr), Reason.PARSE_ERROR)
    return out


@case("header-65535-client", "sends the client a PONG header announcing 65535 bytes", "client locks down on the header alone: parse_error")
def header_65535_client() -> Outcome:
    p = established()
    p.ping()
    hdr = MAGIC + bytes([VERSION, int(FrameType.PONG)]) + (65535).to_bytes(2, "big")
    return client_locked(p, p.to_client(hdr), Reason.PARSE_ERROR)


@case("oversized-hello", "sends a HELLO one byte longer than the largest legal one (65-byte client_id)", "keypad closes: parse_error")
def oversized_hello() -> Outcome:
    p = Pair.make(client_id="x" * 64)
    hello = bytearray(p.hello())
    hello[4:6] = (int.from_bytes(hello[4:6], "big") + 1).to_bytes(2, "big")
    hello[8] = 65
    hello[9:9] = b"x"
    return keypad_closed(p, p.to_keypad(bytes(hello)), Reason.PARSE_ERROR)


@case("trailing-garbage", "appends garbage bytes after a genuine PONG", "client locks down: parse_error after accepting only the genuine PONG")
def trailing_garbage() -> Outcome:
    p = established()
    pong = p.keypad_answers(p.ping())
    acts = p.to_client(pong + b"\x00\x01junk")
    lk = lockdown_of(acts)
    if lk is None or lk.reason != Reason.PARSE_ERROR or p.client.state != "LOCKED_DOWN":
        return Outcome(False, f"client did not lock down on the garbage: {acts!r}")
    return Outcome(True, f"genuine PONG seen, then client LOCKED_DOWN: {lk.reason.value}")


@case("bad-magic-version-type", "sends frames with a wrong magic, version 2, type 7 and type 0", "keypad closes on each: parse_error")
def bad_header_fields() -> Outcome:
    results = []
    for hdr in (b"XC\x01\x03\x00\x44", b"KC\x02\x03\x00\x44", b"KC\x01\x07\x00\x00", b"KC\x01\x00\x00\x00"):
        p = established()
        out = keypad_closed(p, p.to_keypad(hdr), Reason.PARSE_ERROR)
        if not out.ok:
            return Outcome(False, f"{hdr!r}: {out.happened}")
        results.append(out)
    return Outcome(True, "4/4 bad headers -> silent close: parse_error")


# --- handshake ---------------------------------------------------------------------------------------


def _rewrite_ct(hello: bytes, ct: bytes, id_len: int) -> bytes:
    at = HEADER_SIZE + 3 + id_len
    return hello[:at] + ct + hello[at + CT_SIZE :]


@case("hello-ct-other-ek", "MITM swaps HELLO's ct for one encapsulated to another keypad's ek", "keypad answers under implicit-rejection keys; client locks down: mac_failure")
def hello_ct_other_ek() -> Outcome:
    p = Pair.make()
    hello = p.hello()
    _, ct = KEM.encapsulate(keypad_key("keypad-B").ek)
    forged = _rewrite_ct(hello, ct, len("host-1"))
    ack = sends(p.to_keypad(forged))
    if not ack:
        return Outcome(False, "keypad did not answer (implicit rejection expected to answer)")
    return client_locked(p, p.to_client(ack[0]), Reason.MAC_FAILURE)


@case("hello-ct-random", "MITM replaces HELLO's ct with random bytes", "client locks down: mac_failure (implicit rejection)")
def hello_ct_random() -> Outcome:
    p = Pair.make()
    forged = _rewrite_ct(p.hello(), DetRandom("junk")(CT_SIZE), len("host-1"))
    ack = sends(p.to_keypad(forged))
    if not ack:
        return Outcome(False, "keypad did not answer")
    return client_locked(p, p.to_client(ack[0]), Reason.MAC_FAILURE)


@case("rekey-log2-out-of-range", "sends HELLOs with rekey_log2 3, 25 and 255 (downgrade/upgrade out of range)", "keypad closes each: parse_error; a client cannot even be configured so")
def rekey_log2_range() -> Outcome:
    for v in (3, 25, 255):
        p = Pair.make()
        hello = bytearray(p.hello())
        hello[HEADER_SIZE + 1] = v
        out = keypad_closed(p, p.to_keypad(bytes(hello)), Reason.PARSE_ERROR)
        if not out.ok:
            return Outcome(False, f"rekey_log2={v}: {out.happened}")
    try:
        ClientConfig(ek=keypad_key().ek, client_id="h", rekey_log2=3)
    except Exception as exc:  # noqa: BLE001
        return Outcome(True, f"3/3 refused by the keypad: parse_error; ClientConfig refuses too ({type(exc).__name__})")
    return Outcome(False, "ClientConfig accepted rekey_log2=3")


@case("rekey-log2-mitm", "MITM rewrites rekey_log2 24 -> 4 in flight (to force frequent rekeys)", "keypad answers; client locks down: mac_failure (rekey_log2 is in the transcript)")
def rekey_log2_mitm() -> Outcome:
    p = Pair.make()
    hello = bytearray(p.hello())
    hello[HEADER_SIZE + 1] = 4
    ack = sends(p.to_keypad(bytes(hello)))
    if not ack or p.keypad.rekey_log2 != 4:
        return Outcome(False, "keypad did not take the rewritten HELLO")
    return client_locked(p, p.to_client(ack[0]), Reason.MAC_FAILURE)


@case("second-hello", "sends the same HELLO a second time on the session", "keypad closes: state_error")
def second_hello() -> Outcome:
    return as_in_the_vectors("sessions:keypad/second-hello", Reason.STATE_ERROR)


def _raw_hello(client_id: bytes, flags: int = 0) -> bytes:
    body = bytes([flags, 24, len(client_id)]) + client_id + bytes(CT_SIZE) + bytes(32) + bytes(16)
    return MAGIC + bytes([VERSION, int(FrameType.HELLO)]) + len(body).to_bytes(2, "big") + body


@case("client-id-overlong", "sends a HELLO with a 65-byte client_id (and one with a length byte of 200)", "keypad closes: parse_error")
def client_id_overlong() -> Outcome:
    for raw in (_raw_hello(b"a" * 65), _raw_hello(b"a" * 10)[:8] + b"\xc8" + _raw_hello(b"a" * 10)[9:]):
        k = KeypadSession(keypad_key(), random=DetRandom("keypad"))
        k.start(0.0)
        out = keypad_closed(k, k.receive_data(raw, 0.1, 0), Reason.PARSE_ERROR)
        if not out.ok:
            return out
    return Outcome(True, "2/2 -> silent close: parse_error")


@case("client-id-invalid-utf8", "sends a HELLO whose client_id is not UTF-8 (\\xff\\xfe, an overlong NUL, a lone surrogate)", "keypad closes: parse_error")
def client_id_utf8() -> Outcome:
    for cid in (b"\xff\xfe", b"\xc0\x80", b"\xed\xa0\x80"):
        k = KeypadSession(keypad_key(), random=DetRandom("keypad"))
        k.start(0.0)
        out = keypad_closed(k, k.receive_data(_raw_hello(cid), 0.1, 0), Reason.PARSE_ERROR)
        if not out.ok:
            return Outcome(False, f"{cid!r}: {out.happened}")
    return Outcome(True, "3/3 -> silent close: parse_error")


@case("impersonate-enrolled-no-psk", "claims an enrolled client_id without the psk flag", "keypad closes: auth_error")
def impersonate_no_psk() -> Outcome:
    return as_in_the_vectors("sessions:keypad/auth-psk-missing", Reason.AUTH_ERROR)


@case("impersonate-enrolled-wrong-psk", "claims an enrolled client_id with the psk flag but a guessed psk", "keypad cannot tell and answers; the client locks down: mac_failure; no session")
def impersonate_wrong_psk() -> Outcome:
    p = Pair.make(client_id="db-1", psk=OTHER_PSK, policy=ClientPolicy(psks={"db-1": PSK}))
    ack = sends(p.to_keypad(p.hello()))
    if not ack:
        return Outcome(False, "keypad refused earlier than expected")
    out = client_locked(p, p.to_client(ack[0]), Reason.MAC_FAILURE)
    if not out.ok:
        return out
    # and the impostor's PINGs, keyed without the psk, are refused by the keypad
    p2 = Pair.make(client_id="db-1", psk=OTHER_PSK, policy=ClientPolicy(psks={"db-1": PSK}))
    hello = p2.hello()
    p2.to_keypad(hello)
    ss, salt = p2.client._hello_secret  # type: ignore[misc]
    impostor = EpochKeys.derive(0, handshake(ss, p2.key.ek, hello, salt, OTHER_PSK, p2.keypad.nonce).k0)
    prefix = fastpath.ping_prefix(0, bytes(32))
    out2 = keypad_closed(p2, p2.to_keypad(prefix + mac(impostor.c2k, prefix)), Reason.MAC_FAILURE)
    return Outcome(out2.ok, f"{out.happened}; impostor's PING -> {out2.happened}")


@case("psk-flag-unknown-id", "sets the psk flag for a client_id that has no psk enrolled", "keypad closes: auth_error")
def psk_unknown() -> Outcome:
    return as_in_the_vectors("sessions:keypad/auth-psk-not-enrolled", Reason.AUTH_ERROR)


@case("unenrolled-when-required", "connects with an unknown client_id to a keypad that requires enrolment", "keypad closes: auth_error")
def unenrolled_required() -> Outcome:
    return as_in_the_vectors("sessions:keypad/auth-not-enrolled", Reason.AUTH_ERROR)


@case("mitm-other-keypad-key", "a man in the middle runs a real keypad with its own key pair and answers the client", "client locks down at the handshake: mac_failure")
def mitm_other_key() -> Outcome:
    p = Pair.make(key=keypad_key("keypad-B"), client_ek=keypad_key("keypad-A").ek)
    ack = sends(p.to_keypad(p.hello()))
    return client_locked(p, p.to_client(ack[0]), Reason.MAC_FAILURE)


@case("keystore-swap", "replaces the keypad's keystore file with another device's (same PIN)", "the keypad opens it; the client pinned to the old ek locks down at the handshake: mac_failure")
def keystore_swap() -> Outcome:
    from keycrypt.keystore import create_keystore, open_keystore
    from keycrypt.wire.keyfile import Argon2Params

    fast = Argon2Params(time_cost=1, memory_kib=8192, parallelism=1)
    with tempfile.TemporaryDirectory() as d:
        a = create_keystore(Path(d) / "a.key", "24682468", params=fast)
        create_keystore(Path(d) / "b.key", "24682468", params=fast)
        (Path(d) / "b.key").replace(Path(d) / "a.key")  # the swap
        opened = open_keystore(Path(d) / "a.key", "24682468")
    if opened.ek == a.ek:
        return Outcome(False, "the swap did not change the key")
    p = Pair.make(key=KEM.from_seed(opened.seed), client_ek=a.ek)
    ack = sends(p.to_keypad(p.hello()))
    return client_locked(p, p.to_client(ack[0]), Reason.MAC_FAILURE)


# --- status ---------------------------------------------------------------------------------------------


@case("pong-unknown-status", "rewrites a PONG's status to 3 (and one correctly tagged by the key holder)", "client locks down: parse_error, before and regardless of the tag")
def pong_unknown_status() -> Outcome:
    p = established()
    pong = bytearray(p.keypad_answers(p.ping()))
    pong[HEADER_SIZE + 4] = 3
    out = client_locked(p, p.to_client(bytes(pong)), Reason.PARSE_ERROR)
    if not out.ok:
        return out
    p = established()
    p.ping()
    counter, challenge = p.client._outstanding
    prefix = bytes(fastpath.pong_prefix(counter, 0)[:-1]) + b"\x03"
    return client_locked(p, p.to_client(prefix + mac(p.client.keys.k2c, prefix, challenge)), Reason.PARSE_ERROR)


@case("status-rewrite", "MITM rewrites a PONG's status ARMED -> DISARMED (and a LOCKDOWN -> ARMED)", "client locks down: mac_failure; never sees the forged status")
def status_rewrite() -> Outcome:
    for old, new in ((0, 1), (2, 0)):
        p = established()
        p.status = old
        pong = bytearray(p.keypad_answers(p.ping()))
        pong[HEADER_SIZE + 4] = new
        out = client_locked(p, p.to_client(bytes(pong)), Reason.MAC_FAILURE)
        if not out.ok:
            return Outcome(False, f"{old}->{new}: {out.happened}")
    return Outcome(True, "2/2 rewrites -> client LOCKED_DOWN: mac_failure")


@case("lockdown-order", "the keypad's status becomes LOCKDOWN (a duress PIN) in a PONG and in a HELLO_ACK", "client locks down: lockdown_order, both times")
def lockdown_order() -> Outcome:
    p = established()
    p.status = int(Status.LOCKDOWN)
    _, _, acts = p.exchange()
    lk = lockdown_of(acts)
    if lk is None or lk.reason != Reason.LOCKDOWN_ORDER or not p.client.terminal:
        return Outcome(False, f"PONG with LOCKDOWN: {acts!r}")
    p = Pair.make()
    p.status = int(Status.LOCKDOWN)
    acts = p.to_client(p.keypad_answers(p.hello()))
    lk = lockdown_of(acts)
    if lk is None or lk.reason != Reason.LOCKDOWN_ORDER or not p.client.terminal:
        return Outcome(False, f"HELLO_ACK with LOCKDOWN: {acts!r}")
    return Outcome(True, "PONG and HELLO_ACK carrying LOCKDOWN -> client LOCKED_DOWN: lockdown_order")


@case("duress-pin", "the operator is forced to enter the duress PIN at the keypad", "the display shows a normal disarm; every client is ordered down: lockdown_order")
def duress_pin() -> Outcome:
    dev = KeypadDevice()
    dev.pin("ok", 0.0)
    if dev.state != "ARMED":
        return Outcome(False, f"device not armed: {dev.state}")
    acts = dev.pin("duress", 1.0)
    shown = [a.text for a in acts if type(a).__name__ == "Display"]
    p = established()
    p.status = dev.status if dev.status is not None else -1
    _, _, cacts = p.exchange()
    lk = lockdown_of(cacts)
    if lk is None or lk.reason != Reason.LOCKDOWN_ORDER:
        return Outcome(False, f"client did not lock down under duress: {cacts!r}")
    return Outcome(True, f"display {shown} (masked), status LOCKDOWN -> client LOCKED_DOWN: lockdown_order")


@case("breach-drops-sessions", "opens the door of an armed keypad", "device drops every session (keypad closes: breach) and refuses new ones; the client locks down: eof")
def breach() -> Outcome:
    dev = KeypadDevice()
    dev.pin("ok", 0.0)
    acts = dev.breach(1.0)
    if not any(isinstance(a, DropAll) for a in acts) or dev.status is not None:
        return Outcome(False, f"breach did not drop/refuse: {acts!r}, status {dev.status}")
    p = established()
    kacts = p.keypad.drop(Reason.BREACH, p.advance())
    cl = close_of(kacts)
    if cl is None or cl.reason != Reason.BREACH or sends(kacts):
        return Outcome(False, f"keypad session on breach: {kacts!r}")
    return client_locked(p, p.client.eof(p.advance()), Reason.EOF)


# --- silence and lateness ------------------------------------------------------------------------------


@case("withheld-pong", "withholds a genuine PONG and delivers it just after the response deadline", "client locks down: deadline; the late PONG is not accepted")
def withheld_pong() -> Outcome:
    p = established()
    ping = p.ping()
    sent_at = p.now
    pong = p.keypad_answers(ping)
    late = sent_at + response_deadline() + 0.001
    return client_locked(p, p.client.receive_data(pong, late), Reason.DEADLINE)


@case("silent-keypad", "swallows every PONG (black hole)", "client's timer fires D after the send of the last "
      "answered PING (the exposure bound): deadline")
def silent_keypad() -> Outcome:
    p = established()
    p.advance(0.5)
    ping = p.ping()
    sent_at = p.now
    acts = p.to_client(p.keypad_answers(ping))  # the last PONG that gets through
    t = [a.at for a in acts if type(a).__name__ == "SetTimer"]
    if not t or abs(t[0] - (sent_at + response_deadline())) > 1e-9:
        return Outcome(False, f"deadline timer not armed at the PING's send + {response_deadline()}: {acts!r}")
    p.client.tick(p.advance(0.5))  # swallowed
    return client_locked(p, p.client.timer(t[0]), Reason.DEADLINE)


# --- PIN brute force --------------------------------------------------------------------------------------


def _brute_force(hours: float, restart_every: int, duress: bool = False) -> tuple[int, int]:
    """An attacker types a wrong PIN whenever the device allows, restarting it every N attempts.

    Returns (PINs whose result was used, attempts refused or not used). A PIN is
    used when it reaches the real counter. The restart rebuilds the device from
    the persisted counts through the daemon's own save/load functions in a real
    state directory. ``duress``: the attacker also knows the duress PIN and types
    it after every guess, which shows the count a correct PIN would have left
    (spec §9); the real backoff must still bound the guesses.
    """
    from keycrypt.daemon.keypad import PinState, load_pin_state, save_pin_state

    end = hours * 3600.0
    give_up = 2 * _bound(hours) + 10  # past this the bound is long broken; stop early
    t, used, wasted = 1_000_000.0, 0, 0
    t0 = t
    with tempfile.TemporaryDirectory() as d:
        state = Path(d)

        def typed(result: PinResult) -> None:
            for a in dev.pin(result, t):
                if restart_every and type(a).__name__ == "PinStateChanged":
                    save_pin_state(state, PinState(a.failures, a.locked_until, a.shown_failures, a.shown_until))

        dev = KeypadDevice()
        dev.pin("ok", t)  # the owner armed it
        attempts = 0
        while t - t0 < end and used < give_up:  # past give_up the bound is long broken
            if not dev.pin_allowed(t):
                wasted += 1
                typed("wrong")
                t = max(t + 0.5, dev.shown_until)  # wait exactly until allowed (the best strategy)
                continue
            before = dev.failures
            typed("wrong")
            attempts += 1
            if dev.failures > before:
                used += 1
            else:
                wasted += 1
            if duress:
                t += 0.5
                typed("duress")
            if restart_every and attempts % restart_every == 0:
                saved = load_pin_state(state)  # read back as the daemon does (spec §9)
                dev = KeypadDevice.restarted(None, failures=saved.failures, shown_failures=saved.shown_failures, now=t)
            t += 0.5
    return used, wasted


def _bound(hours: float) -> int:
    """Upper bound on checked PINs from the backoff schedule alone."""
    t, n = 0.0, 0
    while t <= hours * 3600.0:
        n += 1
        t += max(0.5, backoff_delay(n))
    return n


@case("pin-brute-force", "guesses PINs as fast as the keypad allows for 24 h, restarting the keypad after every guess", "checked PINs per hour bounded by the backoff; the counter survives every restart")
def pin_brute_force() -> Outcome:
    first_hour, _ = _brute_force(1.0, restart_every=1)
    day, rejected = _brute_force(24.0, restart_every=1)
    day_norestart, _ = _brute_force(24.0, restart_every=0)
    day_duress, _ = _brute_force(24.0, restart_every=0, duress=True)
    b1, b24 = _bound(1.0), _bound(24.0)
    figures = {"checked_first_hour": first_hour, "checked_24h": day, "checked_24h_no_restart": day_norestart, "checked_24h_duress_loop": day_duress, "bound_1h": b1, "bound_24h": b24, "backoff_max_s": PIN_BACKOFF_MAX}
    ok = first_hour <= b1 and day <= b24 and day == day_norestart and day_duress <= b24
    half = 10**PIN_MIN_LENGTH // 2  # a 50 % chance at a PIN of the minimum length (digits)
    days_half = 1 + max(0, half - day) / (86400.0 / PIN_BACKOFF_MAX)  # then one guess per backoff_max
    figures["days_to_half_of_min_length_pin"] = round(days_half)
    return Outcome(ok, f"{first_hour} PINs checked in the 1st hour (bound {b1}), {day} in 24 h (bound {b24}; same with no restarts: {day_norestart}; {day_duress} with a duress PIN after every guess); ~{days_half:,.0f} days to a 50% chance at a {PIN_MIN_LENGTH}-digit PIN", figures)


# --- a control: the attack oracle is not trivially failing ---------------------------------------------


@case("control-byte-by-byte", "(control) delivers every frame of a genuine session one byte at a time, across a rekey", "session survives: no lockdown, no close (fail-closed is not fail-always)")
def control_bytewise() -> Outcome:
    p = established(rekey_log2=4)
    for _ in range(40):
        ping = p.ping()
        reply = b""
        # 5 ms per byte: a round trip of 0.6 s, inside the exposure bound's tolerance (D - I) / 2 = 0.5 s
        # plus the interval the ticks here do not wait
        for i in range(len(ping)):
            out = sends(p.keypad.receive_data(ping[i : i + 1], p.advance(0.005), p.status))
            reply += b"".join(out)
        acts: list[Action] = []
        for i in range(len(reply)):
            acts += p.client.receive_data(reply[i : i + 1], p.advance(0.005))
        if lockdown_of(acts) or p.keypad.terminal:
            return Outcome(False, f"genuine session broke: {acts!r}")
        rk = sends(acts)
        if rk:
            acts = []
            for b in sends(p.to_keypad(rk[0])):
                acts += p.to_client(b)
    if p.client.keys is None or p.client.keys.epoch < 2:
        return Outcome(False, f"did not cross two rekeys (epoch {p.client.keys and p.client.keys.epoch})")
    return Outcome(True, f"40 PINGs byte by byte, epoch {p.client.keys.epoch}: session up")
