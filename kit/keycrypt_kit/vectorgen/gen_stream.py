"""Session cases for the bug kinds that passed every vector of the first suite (issue #12, item 3).

Each case here is invalid for one reason, or valid, and exists because a
realistic port got it wrong and still passed: a reader that waits for the
declared body before judging the length, one that drops a frame split across
reads, a keypad that checks the counter before the tag, ``>`` instead of ``>=``
at a deadline, configuration never varied, a timer not re-armed, and a tag
bit-flip that only PING had.
"""

from __future__ import annotations

from typing import Any

from keycrypt.constants import FrameType
from keycrypt.crypto import schedule
from keycrypt.wire import fastpath
from keycrypt.wire.frames import BODY_BOUNDS
from keycrypt_conformance.rng import derive
from keycrypt_kit.vectorgen.builder import GenerationError, Group
from keycrypt_kit.vectorgen.duo import Duo, sent

STREAM_NOTES = {
    "LoneHeader": ("MissingCheck", "A 6-byte header with a length illegal for its type, alone in one read: it must "
                   "be refused at once, not after waiting for the body it declares."),
    "SplitFrame": ("EdgeCase", "A frame split across reads (inside the header too), or two whole frames in one read: "
                   "the result must not depend on how TCP cut the bytes."),
    "CheckOrder": ("MissingCheck", "A frame wrong in two ways that only the normative check order tells apart "
                   "(tag before counter)."),
    "DeadlineBoundary": ("EdgeCase", "An input exactly at an armed deadline (late: 'at or after') and just before "
                         "it (on time)."),
    "Config": ("Functionality", "Timeouts and deadlines other than the defaults, and different from each other."),
    "BadPinnedKey": ("MissingCheck", "A client configured with a pinned ek that fails the FIPS 203 check must refuse "
                     "to start: the shim fails the whole session.run with kem_error / ek."),
    "TimerRearm": ("EdgeCase", "A deadline that moved: an answer after the old deadline but before the new one."),
}

SHORT = 1e-3  # "just before" a deadline, seconds

# flag -> {side: ids} (merged into sessions.json's map; builder.py: one place per case class)
STREAM_REQUIREMENTS: dict[str, dict[str, tuple[str, ...]]] = {
    "LoneHeader": {"client": ("KCP1-STREAM-2",), "keypad": ("KCP1-STREAM-2",)},
    "SplitFrame": {"client": ("KCP1-STREAM-1",), "keypad": ("KCP1-STREAM-1",)},
    "CheckOrder": {"client": ("KCP1-MAC-2",), "keypad": ("KCP1-MAC-2",)},
    "DeadlineBoundary": {"client": ("KCP1-TM-2",), "keypad": ("KCP1-TM-2",)},
    "Config": {"client": ("KCP1-TM-3",), "keypad": ("KCP1-TM-3",)},
    "BadPinnedKey": {"client": ("KCP1-KEM-4",)},
    "TimerRearm": {"client": ("KCP1-TM-1", "KCP1-TM-2"), "keypad": ("KCP1-TM-2", "KCP1-TM-3")},
}


def _timer_at(out: list[dict[str, Any]]) -> float:
    """The time of the last set_timer in a side's recorded output."""
    for step in reversed(out):
        for a in reversed(step["actions"]):
            if a["action"] == "set_timer":
                return float(a["at"])
    raise GenerationError("no timer was armed")


def _flip_last(raw: bytes) -> bytes:
    return raw[:-1] + bytes([raw[-1] ^ 0x01])


def _flip_tag(raw: bytes, pos: int) -> bytes:
    """Bit 0 of tag byte ``pos`` (the tag is the frame's last 32 bytes)."""
    i = len(raw) - 32 + pos
    return raw[:i] + bytes([raw[i] ^ 0x01]) + raw[i + 1:]


def _bounds(tname: str) -> str:
    lo, hi = BODY_BOUNDS[FrameType[tname]]
    return f"{lo}" if lo == hi else f"{lo}..{hi}"


def _ping(d: Duo, counter: int, label: str) -> bytes:
    prefix = fastpath.ping_prefix(counter, derive(label, 32))
    return prefix + schedule.mac(d.client.keys.c2k, prefix)  # type: ignore[union-attr]


def _to_epoch_end(d: Duo) -> None:
    """rekey_log2 = 4: 15 exchanges, then the epoch's last PING, answered: the client sends REKEY."""
    for _ in range(15):
        d.exchange()


def stream_cases(gc: Group, gk: Group) -> None:
    """Add the client (gc) and keypad (gk) session.run cases of this module."""

    def check(id: str, t: dict[str, Any], outcome: str | None) -> None:
        ended = any(a["action"] in ("close", "lockdown") for a in t["output"]["steps"][-1]["actions"])
        if outcome is None and ended:
            raise GenerationError(f"{id}: marked valid, but the session ends: {t['output']['steps'][-1]}")

    def client(id: str, comment: str, flags: list[str], outcome: str | None, d: Duo) -> None:
        check(id, d.emit(gc, "client", f"client/{id}", comment, flags, outcome), outcome)

    def keypad(id: str, comment: str, flags: list[str], outcome: str | None, d: Duo) -> None:
        check(id, d.emit(gk, "keypad", f"keypad/{id}", comment, flags, outcome), outcome)

    # --- lone headers with illegal lengths
    d = Duo("stream/keypad-lone-header")
    d.handshake()
    d.wait(0.5)
    d.k("data", b"KC\x01\x03\x0f\xff")
    keypad("lone-ping-header-length-4095", "a PING header declaring a 4095-byte body, alone in one read (6 bytes)",
           ["LoneHeader"], "parse_error", d)

    d = Duo("stream/keypad-lone-header-split")
    d.handshake()
    d.wait(0.5)
    d.k("data", b"KC\x01")
    d.k("data", b"\x03\x0f\xff")
    keypad("lone-ping-header-length-4095-split-3-3", "the same PING header (4095-byte body) in two reads of 3 "
           "bytes: refused when its sixth byte arrives, not one byte later", ["LoneHeader", "SplitFrame"],
           "parse_error", d)

    d = Duo("stream/client-lone-header")
    d.handshake()
    d.ping()
    d.wait()
    d.c("data", b"KC\x01\x04\x00\x26")
    client("lone-pong-header-length-38", "a PONG header declaring 38 body bytes (37 is the only length), alone in "
           "one read", ["LoneHeader"], "parse_error", d)

    # --- split and coalesced frames
    d = Duo("stream/keypad-split")
    d.handshake()
    ping = d.ping()
    d.wait()
    pong = b"".join(sent(d.k("data", ping[a:b])) for a, b in ((0, 3), (3, 40), (40, len(ping))))
    d.wait()
    d.c("data", pong)
    d.exchange()
    keypad("ping-split-in-three-reads", "PING 0 in three reads (3 bytes, inside the header; 37; the rest): one PONG "
           "after the last, then PING 1", ["SplitFrame", "Normal"], None, d)

    d = Duo("stream/keypad-coalesced")
    d.handshake()
    d.wait(0.5)
    d.k("data", _ping(d, 0, "stream/coalesced/0") + _ping(d, 1, "stream/coalesced/1"))
    keypad("two-pings-one-read", "PINGs 0 and 1, both genuine, in one read: PONG 0 is sent (the first frame is "
           "acted on), then PING 1 is pipelined, before PONG 0 was answered (§4 pacing)", ["SplitFrame"],
           "pace_error", d)

    d = Duo("stream/client-split")
    d.handshake()
    ping = d.ping()
    d.wait()
    pong = sent(d.k("data", ping))
    d.wait()
    for a, b in ((0, 5), (5, 6), (6, len(pong))):
        d.c("data", pong[a:b])
    d.exchange()
    client("pong-split-in-three-reads", "PONG 0 in three reads (5 bytes, 1, the rest), then PING 1",
           ["SplitFrame", "Normal"], None, d)

    d = Duo("stream/client-hello-ack-split", client={"rekey_log2": 4})
    d.open()
    hello = d.hello()
    d.wait()
    ack = sent(d.k("data", hello))
    d.wait()
    d.c("data", ack[:1])
    d.c("data", ack[1:])
    d.exchange()
    client("hello-ack-split", "HELLO_ACK in two reads (1 byte, the rest), then PING 0", ["SplitFrame"], None, d)

    # --- the keypad checks the tag before the counter
    d = Duo("stream/keypad-order")
    d.handshake()
    d.exchange()
    d.wait(0.5)
    d.k("data", _flip_last(_ping(d, 2, "stream/order")))
    keypad("ping-wrong-counter-bad-tag", "a PING with counter 2 where 1 is expected and a tag that does not verify: "
           "the tag is checked first (mac_failure, not counter_error)", ["CheckOrder", "BadTag"], "mac_failure", d)

    d = Duo("stream/keypad-order-replay")
    d.handshake()
    d.exchange()
    d.wait(0.5)
    d.k("data", _flip_tag(_ping(d, 0, "stream/order-replay"), 0))
    keypad("ping-replayed-counter-bad-tag", "a PING repeating counter 0 where 1 is expected, its tag byte 0 flipped: "
           "the tag is checked first (mac_failure, not counter_error)", ["CheckOrder", "BadTag"], "mac_failure", d)

    # --- a tag bit-flip on the one tagged frame type no session case flipped
    d = Duo("stream/hello-ack-bad-tag")
    d.open()
    hello = d.hello()
    d.wait()
    ack = sent(d.k("data", hello))
    d.wait()
    d.c("data", _flip_last(ack))
    client("hello-ack-bad-tag", "HELLO_ACK's tag has its last bit flipped", ["BadTag"], "mac_failure", d)

    # --- deadlines: exactly at (late) and just before (on time), for every awaited frame
    def client_awaiting(kind: str, d: Duo) -> bytes:
        """Bring the client to await ``kind``; return the keypad's answer, not yet delivered."""
        if kind == "hello_ack":
            d.open()
            return sent(d.k("data", d.hello()))
        d.handshake()
        if kind == "pong":
            return sent(d.k("data", d.ping()))
        _to_epoch_end(d)
        ping = d.ping()
        d.wait()
        pong = sent(d.k("data", ping))
        d.wait()
        rekey = sent(d.c("data", pong))
        return sent(d.k("data", rekey))

    for kind in ("hello_ack", "pong", "rekey_ack"):
        for when, late in (("at", True), ("before", False)):
            d = Duo(f"stream/client-{kind}-{when}-deadline", client={"rekey_log2": 4})
            answer = client_awaiting(kind, d)
            at = _timer_at(d.cout)
            d.now = at if late else round(at - SHORT, 6)
            d.c("data", answer)
            name = kind.upper()
            retry = late and kind == "hello_ack"  # before the first verified HELLO_ACK, no answer is retried (§4)
            client(f"{kind.replace('_', '-')}-{when}-deadline",
                   f"{name} delivered {'exactly at' if late else '1 ms before'} the response deadline "
                   f"({'late: at or after counts' if late else 'on time'}"
                   f"{'; before the first HELLO_ACK a late answer is retried' if retry else ''})",
                   ["DeadlineBoundary", "Timeout"] if late else ["DeadlineBoundary"],
                   "deadline" if late and not retry else None, d)

    def keypad_awaiting(kind: str, d: Duo) -> bytes:
        """Bring the keypad to await ``kind``; return the client's frame, not yet delivered."""
        if kind == "hello":
            d.open()
            return d.hello()
        d.handshake()
        if kind == "ping":
            return d.ping()
        _to_epoch_end(d)
        ping = d.ping()
        d.wait()
        pong = sent(d.k("data", ping))
        d.wait()
        return sent(d.c("data", pong))

    for kind in ("hello", "ping", "rekey"):
        for when, late in (("at", True), ("before", False)):
            d = Duo(f"stream/keypad-{kind}-{when}-deadline", client={"rekey_log2": 4})
            frame = keypad_awaiting(kind, d)
            at = _timer_at(d.kout)
            d.now = at if late else round(at - SHORT, 6)
            d.k("data", frame)
            timer = "HELLO timeout" if kind == "hello" else "idle timeout"
            keypad(f"{kind}-{when}-deadline",
                   f"{kind.upper()} arrives {'exactly at' if late else '1 ms before'} the {timer} "
                   f"({'late: at or after counts' if late else 'on time'})",
                   ["DeadlineBoundary", "Timeout"] if late else ["DeadlineBoundary"],
                   "idle_timeout" if late else None, d)

    # --- lone headers for every awaited frame type, a length too short and too long (issue #12 item 3)
    for kind, tname, lengths in (("hello", "HELLO", (1139, 0xFFFF)), ("ping", "PING", (67,)),
                                 ("rekey", "REKEY", (47, 0x0FFF))):
        for length in lengths:
            d = Duo(f"stream/keypad-lone-{kind}-{length}", client={"rekey_log2": 4})
            keypad_awaiting(kind, d)
            d.wait()
            header = b"KC\x01" + bytes([int(FrameType[tname])]) + length.to_bytes(2, "big")
            d.k("data", header)
            keypad(f"lone-{kind}-header-length-{length}", f"a {tname} header declaring {length} body bytes (legal "
                   f"{_bounds(tname)}), alone in one read while a {tname} is awaited", ["LoneHeader"], "parse_error", d)
    for kind, tname, lengths in (("hello_ack", "HELLO_ACK", (64, 0x0FFF)), ("pong", "PONG", (36,)),
                                 ("rekey_ack", "REKEY_ACK", (31, 0x0FFF))):
        for length in lengths:
            d = Duo(f"stream/client-lone-{kind}-{length}", client={"rekey_log2": 4})
            client_awaiting(kind, d)
            d.wait()
            header = b"KC\x01" + bytes([int(FrameType[tname])]) + length.to_bytes(2, "big")
            d.c("data", header)
            client(f"lone-{kind.replace('_', '-')}-header-length-{length}", f"a {tname} header declaring {length} "
                   f"body bytes (legal {_bounds(tname)}), alone in one read while a {tname} is awaited",
                   ["LoneHeader"], "parse_error", d)

    # --- one tag bit flipped in every tagged frame type, in a live session (byte 0 and the last byte)
    for kind in ("hello_ack", "pong", "rekey_ack"):
        for pos in (0, 31):
            d = Duo(f"stream/client-{kind}-tag-{pos}", client={"rekey_log2": 4})
            answer = client_awaiting(kind, d)
            d.wait()
            if kind == "hello_ack" and pos == 31:
                continue  # hello-ack-bad-tag above
            d.c("data", _flip_tag(answer, pos))
            name = kind.upper()
            client(f"{kind.replace('_', '-')}-tag-byte-{pos}-flipped", f"{name}'s tag byte {pos} has bit 0 flipped",
                   ["BadTag"], "mac_failure", d)
    for kind in ("ping", "rekey"):
        for pos in (0, 31):
            d = Duo(f"stream/keypad-{kind}-tag-{pos}", client={"rekey_log2": 4})
            frame = keypad_awaiting(kind, d)
            d.wait(0.5)
            d.k("data", _flip_tag(frame, pos))
            keypad(f"{kind}-tag-byte-{pos}-flipped", f"{kind.upper()}'s tag byte {pos} has bit 0 flipped", ["BadTag"],
                   "mac_failure", d)

    # --- a retry without a boot grace cancels the timer: the old HELLO deadline no longer counts
    d = Duo("stream/client-retry-forever")
    d.c("start", boot_grace=None)
    d.c("connected")
    d.now = _timer_at(d.cout)
    d.c("timer")
    if not any(a["action"] == "cancel_timer" for a in d.cout[-1]["actions"]):
        raise GenerationError("stream/client-retry-forever: the retry did not cancel the timer")
    d.wait(1.0)
    d.k("start")
    hello = d.hello()
    d.wait()
    ack = sent(d.k("data", hello))
    d.wait()
    d.c("data", ack)
    d.exchange()
    client("retry-without-boot-grace", "boot grace none: the HELLO goes unanswered, the retry cancels the timer, the "
           "next connect comes 1 s after the old deadline and is served (the old deadline is gone)", ["TimerRearm"],
           None, d)
    d = Duo("stream/client-retry-forever-refused")
    d.c("start", boot_grace=None)
    d.c("connected")
    d.now = _timer_at(d.cout)
    d.c("timer")
    d.wait(0.5)
    d.c("connect_failed")
    d.wait(2.0)
    d.k("start")
    hello = d.hello()
    d.wait()
    d.c("data", sent(d.k("data", hello)))
    client("retry-without-boot-grace-refused", "boot grace none: after the unanswered HELLO's retry, a refused "
           "connect and a later one that is served, all after the old deadline", ["TimerRearm"], None, d)

    # --- a pinned key that fails the FIPS 203 check: the client refuses to start (spec §2); in the shim the
    # whole session.run fails with kem_error / ek, before any step (spec guess 7)
    d = Duo("stream/client-bad-pinned-ek")
    d.c("start", boot_grace=None)
    bad_ek = "ff" * 1184
    gc.invalid("client/pinned-ek-fails-check", "the pinned ek has every coefficient >= q: the client refuses to start, "
               "so the whole session.run fails with kem_error naming ek", {**d.client_input(), "setup": {
                   **d.client_input()["setup"], "ek": bad_ek}}, ["BadPinnedKey"], "kem_error", "ek")

    # --- require_enrolled with nobody enrolled: every HELLO is refused (spec §6, guess 9)
    d = Duo("stream/require-enrolled-empty", keypad={"require_enrolled": True})
    d.open()
    hello = d.hello()
    d.wait()
    d.k("data", hello)
    keypad("require-enrolled-no-psks", "require_enrolled with no client enrolled: the HELLO is refused",
           ["Config"], "auth_error", d)

    # --- varied configuration: every timeout its own value
    cfg_c = {"deadline": 0.8}
    cfg_k = {"idle_timeout": 2.0, "hello_timeout": 5.0}
    d = Duo("stream/config", client=cfg_c, keypad=cfg_k)
    d.handshake()
    d.exchange()
    d.exchange()
    client("config-deadline-0.8", "response deadline 0.8 s (not 1.5): every timer is armed 0.8 s after its send",
           ["Config", "Normal"], None, d)
    keypad("config-idle-2-hello-5", "idle timeout 2.0 s, HELLO timeout 5.0 s: the HELLO timer at accept + 5, the "
           "idle timer at each frame + 2", ["Config", "Normal"], None, d)

    d = Duo("stream/config-deadline", client=cfg_c)
    d.handshake()
    answer = sent(d.k("data", d.ping()))
    d.now = _timer_at(d.cout)
    d.c("data", answer)
    client("config-deadline-0.8-pong-at", "response deadline 0.8 s: the PONG at send + 0.8 is late",
           ["Config", "DeadlineBoundary", "Timeout"], "deadline", d)

    d = Duo("stream/config-hello-timeout", keypad=cfg_k)
    d.open()
    hello = d.hello()
    d.now = 3.0 + 0.5  # past the default 3 s and past the idle timeout 2 s: on time only for a 5 s HELLO timeout
    d.k("data", hello)
    keypad("config-hello-after-3.5", "HELLO timeout 5.0 s, idle 2.0 s: a HELLO 3.5 s after accept is on time",
           ["Config"], None, d)

    d = Duo("stream/config-idle", keypad=cfg_k)
    d.handshake()
    d.now = _timer_at(d.kout)
    d.k("data", _ping(d, 0, "stream/config-idle"))
    keypad("config-idle-2-ping-at", "idle timeout 2.0 s: a PING 2.0 s after HELLO_ACK is late",
           ["Config", "DeadlineBoundary", "Timeout"], "idle_timeout", d)

    # --- timer re-arming: an answer after the old deadline but before the re-armed one is on time
    d = Duo("stream/rearm")
    d.handshake()
    d.exchange()
    timers = [float(a["at"]) for st in d.cout for a in st["actions"] if a["action"] == "set_timer"]
    old, new = timers[-2], timers[-1]
    if not old < new:
        raise GenerationError("stream/rearm: PONG 0 did not move the deadline later")
    d.now = round(old - 0.1, 6)
    ping = sent(d.c("tick"))
    d.wait()
    pong = sent(d.k("data", ping))
    d.now = round((old + new) / 2, 6)
    d.c("data", pong)
    if any(a["action"] == "lockdown" for a in d.cout[-1]["actions"]):
        raise GenerationError("stream/rearm: the client did not accept the PONG before its re-armed deadline")
    client("timer-rearmed", "PONG 0 re-arms the response timer; PONG 1 arrives after the timer armed before it "
           "but before the re-armed one: on time", ["TimerRearm"], None, d)
