"""Deliberately broken variants of the reference: the runner's proof of power.

Each mutant wraps or monkeypatches the reference *inside the process that
applies it* (the reference shim with ``--mutant``, or a test's context), and
never touches production code on disk. The conformance tests show that the
unmodified reference passes every case and that each mutant fails at least
one: a runner that cannot tell these bugs apart from a correct
implementation proves nothing.

Each mutant names the requirement ids of the spec it violates (``violates``; spec/*.md,
``**[KCP1-AREA-N]**``). tests/test_conformance_shim.py checks that every MUST of the spec
has a mutant and that each mutant fails, for every id it names, a case that checks that
id; docs/generated/requirements.md lists the mutants per id.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import hmac
import math
from dataclasses import dataclass
from typing import Any, Callable, Iterator
from unittest import mock

from keycrypt import keystore, tables
from keycrypt.constants import EK_SIZE, LABEL_TRANSCRIPT, TAG_SIZE, Status
from keycrypt.crypto import kem, schedule
from keycrypt.errors import CounterError, MacFailure, NotAKeystore, ParseError, TamperedKeystore, TruncatedKeystore
from keycrypt.machines import client, device, engine, keypad
from keycrypt.wire import fastpath, frames, stream
from keycrypt.wire import keyfile as wire_keyfile
from keycrypt_conformance import reference

Patcher = Callable[[contextlib.ExitStack], None]


@dataclass(frozen=True)
class Mutant:
    description: str
    patch: Patcher
    hint: str  # -k patterns (comma-separated) of cases that should catch it (keeps the mutant tests fast)
    violates: tuple[str, ...]  # the requirement ids the bug breaks; a case checking each must fail

    @property
    def patterns(self) -> list[str]:
        return self.hint.split(",")


def _verify_everywhere(stack: contextlib.ExitStack, fn: Callable[..., bool]) -> None:
    for mod in (schedule, client, keypad):
        stack.enter_context(mock.patch.object(mod, "verify", fn))


# --------------------------------------------------------------------------- the bugs


def skip_mac_check(stack: contextlib.ExitStack) -> None:
    _verify_everywhere(stack, lambda key, tag, *parts: True)


def truncated_tag_compare(stack: contextlib.ExitStack) -> None:
    def verify(key: bytes, tag: bytes, *parts: bytes) -> bool:
        return hmac.compare_digest(schedule.mac(key, *parts)[:16], tag[:16])

    _verify_everywhere(stack, verify)


def replay_counter(stack: contextlib.ExitStack) -> None:
    def verify_ping(self: Any, step: Any) -> None:
        ping = step.frame
        keys = self._require_keys()
        if not schedule.verify(keys.c2k, ping.tag, step.raw[:-TAG_SIZE]):
            raise MacFailure("PING tag does not verify", field="tag")
        if ping.counter > self.expected:  # BUG: an old counter is let through
            raise CounterError("PING counter ahead", field="counter")
        self._challenge, self._ping_counter = ping.challenge, ping.counter

    stack.enter_context(mock.patch.object(keypad.KeypadSession, "_act_verify_ping", verify_ping))


def client_ignores_counter(stack: contextlib.ExitStack) -> None:
    original = client.ClientSession._act_verify_pong

    def verify_pong(self: Any, step: Any) -> None:
        if self._outstanding is not None:  # BUG: believe the PONG's counter
            step.frame = frames.Pong(self._outstanding[0], step.frame.status, step.frame.tag)
        original(self, step)

    stack.enter_context(mock.patch.object(client.ClientSession, "_act_verify_pong", verify_pong))


def wrong_label(stack: contextlib.ExitStack) -> None:
    stack.enter_context(mock.patch.object(schedule, "LABEL_REKEY", b"KC1 Rekey"))


def no_direction_separation(stack: contextlib.ExitStack) -> None:
    def derive(cls: Any, epoch: int, key: bytes) -> schedule.EpochKeys:
        c2k = schedule.hkdf_expand(key, schedule.LABEL_C2K)
        return cls(epoch, key, c2k, c2k)  # BUG: k2c == c2k

    stack.enter_context(mock.patch.object(schedule.EpochKeys, "derive", classmethod(derive)))


def ignores_lockdown(stack: contextlib.ExitStack) -> None:
    def report_status(self: Any, step: Any, status: int) -> None:
        self.status = status  # BUG: no lockdown_order follow-up

    stack.enter_context(mock.patch.object(client.ClientSession, "_report_status", report_status))


def accepts_trailing(stack: contextlib.ExitStack) -> None:
    original = frames.decode

    def decode(data: bytes) -> frames.Frame:
        try:
            return original(data)
        except ParseError as exc:
            if exc.field != "trailing":
                raise
            _, length = frames.check_header(bytes(data))
            return original(bytes(data)[: 6 + length])  # BUG: ignore what follows

    for mod in (frames, engine, keypad):  # every module that calls decode by its own name
        stack.enter_context(mock.patch.object(mod, "decode", decode))


def never_rekeys(stack: contextlib.ExitStack) -> None:
    c_orig, k_orig = client.ClientSession._event_for, keypad.KeypadSession._event_for

    def c_event(self: Any, frame: Any) -> str:
        e = c_orig(self, frame)
        return "frame_pong" if e == "frame_pong_final" else e

    def k_event(self: Any, frame: Any) -> str:
        e = k_orig(self, frame)
        return "frame_ping" if e == "frame_ping_final" else e

    stack.enter_context(mock.patch.object(client.ClientSession, "_event_for", c_event))
    stack.enter_context(mock.patch.object(keypad.KeypadSession, "_event_for", k_event))


def wrong_status_in_mac(stack: contextlib.ExitStack) -> None:
    def send_pong(self: Any, step: Any) -> None:
        prefix = fastpath.pong_prefix(self._ping_counter, self._status)
        covered = fastpath.pong_prefix(self._ping_counter, int(Status.ARMED))  # BUG: the tag says ARMED
        step.out.append(keypad.Send(prefix + schedule.mac(self._require_keys().k2c, covered, self._challenge)))
        self.expected = self._ping_counter + 1

    original = reference.mac_input

    def mac_input(frame: Any, context: bytes) -> bytes:
        if isinstance(frame, (frames.Pong, frames.HelloAck)):
            frame = dataclasses.replace(frame, status=int(Status.ARMED))
        return original(frame, context)

    stack.enter_context(mock.patch.object(keypad.KeypadSession, "_act_send_pong", send_pong))
    stack.enter_context(mock.patch.object(reference, "mac_input", mac_input))


def psk_ignored(stack: contextlib.ExitStack) -> None:
    stack.enter_context(mock.patch.object(schedule, "session_prk", lambda ss, salt, psk: schedule.hkdf_extract(salt, ss)))


def transcript_without_ek(stack: contextlib.ExitStack) -> None:
    stack.enter_context(mock.patch.object(
        schedule, "transcript_hash", lambda ek, hello, nonce: hashlib.sha256(LABEL_TRANSCRIPT + hello + nonce).digest()))


def transcript_without_keypad_nonce(stack: contextlib.ExitStack) -> None:
    """The keypad's nonce is sent but left out of TH: a replayed HELLO gets the recorded session's keys."""
    stack.enter_context(mock.patch.object(
        schedule, "transcript_hash", lambda ek, hello, nonce: hashlib.sha256(LABEL_TRANSCRIPT + ek + hello).digest()))


def locks_down_on_early_eof(stack: contextlib.ExitStack) -> None:
    """A close before the first HELLO_ACK locks the host down at once (a sealed or full keypad then powers
    off every booting host) instead of being retried within the boot grace."""
    original = tables.load("client_session")
    rows = dict(original.rows)
    rows[("AWAIT_HELLO_ACK", "eof")] = tables.Row("AWAIT_HELLO_ACK", "eof", "LOCKED_DOWN", ("lockdown",), "eof", None)
    broken = dataclasses.replace(original, rows=rows)
    real_load = tables.load
    stack.enter_context(mock.patch.object(client.ClientSession, "TABLE", broken))
    stack.enter_context(mock.patch.object(tables, "load", lambda name: broken if name == "client_session"
                                          else real_load(name)))


def any_client_id(stack: contextlib.ExitStack) -> None:
    """Only the client_id's length is checked: control characters (log injection), spaces, '=' and non-ASCII
    ids are accepted."""
    from keycrypt import constants

    def problem(cid: bytes) -> str | None:
        ok = constants.CLIENT_ID_MIN <= len(cid) <= constants.CLIENT_ID_MAX
        return None if ok else f"client_id is {len(cid)} bytes"

    stack.enter_context(mock.patch.object(frames, "client_id_problem", problem))


def no_pacing(stack: contextlib.ExitStack) -> None:
    """The keypad answers PINGs as fast as they come (pipelined, or sooner than the minimum interval)."""
    original = keypad.KeypadSession.__init__

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        self._ping_min_interval = 0.0  # BUG: no pace

    stack.enter_context(mock.patch.object(keypad.KeypadSession, "__init__", init))


def _drop_problem(stack: contextlib.ExitStack, field: str) -> None:
    original = frames._field_problems

    def problems(ft: Any, values: dict[str, object]) -> tuple[str, str] | None:
        p = original(ft, values)
        return None if p is not None and p[0] == field else p

    stack.enter_context(mock.patch.object(frames, "_field_problems", problems))


def accepts_unknown_status(stack: contextlib.ExitStack) -> None:
    _drop_problem(stack, "status")
    stack.enter_context(mock.patch.object(fastpath, "_STATUSES", frozenset(range(256))))


def accepts_reserved_flags(stack: contextlib.ExitStack) -> None:
    _drop_problem(stack, "flags")


def skips_modulus_check(stack: contextlib.ExitStack) -> None:
    def check(ek: bytes) -> None:
        kem._check_len("ek", ek, EK_SIZE)  # BUG: the length only

    stack.enter_context(mock.patch.object(kem, "modulus_check", check))


def keystore_ignores_bounds(stack: contextlib.ExitStack) -> None:
    _argon2_allocation_guard(stack)
    stack.enter_context(mock.patch.object(wire_keyfile, "check_argon2_param", lambda name, value: None))


def idle_without_deadline(stack: contextlib.ExitStack) -> None:
    """The client's table lets IDLE ignore its deadline (a verified PONG ended the exposure bound's clock)."""
    original = tables.load("client_session")
    rows = dict(original.rows)
    rows[("IDLE", "deadline")] = tables.Row("IDLE", "deadline", "IDLE", (), None, None)
    broken = dataclasses.replace(original, rows=rows)
    real_load = tables.load

    stack.enter_context(mock.patch.object(client.ClientSession, "TABLE", broken))
    stack.enter_context(mock.patch.object(tables, "load", lambda name: broken if name == "client_session"
                                          else real_load(name)))


def duress_not_masked(stack: contextlib.ExitStack) -> None:
    def status_changed(self: Any, step: Any) -> None:
        change = self._next_status(step)
        # BUG: displays the wire status's name, not the table's shown state: "lockdown" after a duress PIN
        shown = "lockdown" if change.status == 2 else self._SHOWN[step.row.next].lower()
        step.out += [change, device.Display(shown)]

    stack.enter_context(mock.patch.object(device.KeypadDevice, "_act_status_changed", status_changed))


# --------------------------------------------------------------------------- issue #12: bugs that once passed every case


def late_only_after_deadline(stack: contextlib.ExitStack) -> None:
    """'>' for '>=' at both sides: an input exactly at the deadline is taken as on time."""
    original_keypad = keypad.KeypadSession.receive_data

    def keypad_receive(self: Any, data: bytes, now: float, status: int) -> Any:
        if self._deadline_at is not None and now == self._deadline_at:
            self._deadline_at = math.nextafter(now, math.inf)  # BUG: the exact deadline is still on time
        return original_keypad(self, data, now, status)

    def overdue(self: Any, now: float) -> bool:
        return self._deadline_at is not None and now > self._deadline_at  # BUG: '>' for '>='

    stack.enter_context(mock.patch.object(keypad.KeypadSession, "receive_data", keypad_receive))
    stack.enter_context(mock.patch.object(client.ClientSession, "_overdue", overdue))


def keypad_counter_before_tag(stack: contextlib.ExitStack) -> None:
    original = keypad.KeypadSession._act_verify_ping

    def verify_ping(self: Any, step: Any) -> None:
        if step.frame.counter != self.expected:  # BUG: the counter is judged before the tag
            raise CounterError("PING counter", field="counter")
        original(self, step)

    stack.enter_context(mock.patch.object(keypad.KeypadSession, "_act_verify_ping", verify_ping))


def reader_drops_partial_frame(stack: contextlib.ExitStack) -> None:
    original = stream.FrameReader.feed

    def feed(self: Any, data: bytes) -> list[bytes]:
        out = original(self, data)
        self._buf.clear()  # BUG: a frame cut at the end of a read is thrown away
        self._need = None
        return out

    stack.enter_context(mock.patch.object(stream.FrameReader, "feed", feed))


def reader_waits_for_body(stack: contextlib.ExitStack) -> None:
    original = stream.FrameReader.feed

    def feed(self: Any, data: bytes) -> list[bytes]:
        buf = bytes(self._buf) + bytes(data)
        if self._need is None and len(buf) >= 6 and len(buf) < 6 + int.from_bytes(buf[4:6], "big"):
            self._buf += data  # BUG: the declared body is awaited before the header is judged
            return []
        return original(self, data)

    stack.enter_context(mock.patch.object(stream.FrameReader, "feed", feed))


def fixed_timeouts(stack: contextlib.ExitStack) -> None:
    """The configured timeouts are ignored: the client uses 1.5 s, the keypad swaps idle and HELLO."""
    original_client, original_keypad = client.ClientSession.__init__, keypad.KeypadSession.__init__

    def client_init(self: Any, config: Any, *args: Any, **kw: Any) -> None:
        original_client(self, dataclasses.replace(config, response_deadline=1.5), *args, **kw)  # BUG

    def keypad_init(self: Any, *args: Any, **kw: Any) -> None:
        original_keypad(self, *args, **kw)
        self._idle_timeout, self._hello_timeout = self._hello_timeout, self._idle_timeout  # BUG

    stack.enter_context(mock.patch.object(client.ClientSession, "__init__", client_init))
    stack.enter_context(mock.patch.object(keypad.KeypadSession, "__init__", keypad_init))


def pubkey_text_ignores_check(stack: contextlib.ExitStack) -> None:
    stack.enter_context(mock.patch.object(wire_keyfile, "_text_check_matches", lambda check, prefix, b64: True))


# --------------------------------------------------------------------------- issue #12 item 3: what the vectors still let through


def _fold_overlongs(cid: bytes) -> bytes:
    """What a lax UTF-8 decoder makes of overlong forms of ASCII: the character they spell."""
    out, i = bytearray(), 0
    while i < len(cid):
        b = cid[i]
        if b in (0xC0, 0xC1) and i + 1 < len(cid) and 0x80 <= cid[i + 1] < 0xC0:
            out.append(((b & 0x1F) << 6) | (cid[i + 1] & 0x3F))
            i += 2
        elif b == 0xE0 and i + 2 < len(cid) and cid[i + 1] in (0x80, 0x81) and 0x80 <= cid[i + 2] < 0xC0:
            out.append(((cid[i + 1] & 0x3F) << 6) | (cid[i + 2] & 0x3F))
            i += 3
        else:
            out.append(b)
            i += 1
    return bytes(out)


def seal_accepts_any_pin(stack: contextlib.ExitStack) -> None:
    """The PIN is normalized (NFC, UTF-8) but its length and characters are never checked (KCP1-PIN-4)."""
    import unicodedata

    stack.enter_context(mock.patch.object(keystore, "normalize_pin",
                                          lambda pin: unicodedata.normalize("NFC", pin).encode("utf-8")))


def lax_utf8_client_id(stack: contextlib.ExitStack) -> None:
    """The keypad decodes client_id with a lax UTF-8 decoder (overlong forms accepted) and checks the charset
    on the characters: an overlong '.' passes as '.'. Caught only by the overlong client_id cases."""
    original = frames.decode

    def decode(data: bytes) -> frames.Frame:
        data = bytes(data)
        try:
            return original(data)
        except ParseError as exc:
            if exc.field != "client_id" or len(data) < 9:
                raise
            body = data[6:]
            n = body[2]
            folded = _fold_overlongs(body[3 : 3 + n])
            if folded == body[3 : 3 + n]:
                raise
            new = body[:2] + bytes([len(folded)]) + folded + body[3 + n :]
            return original(data[:4] + len(new).to_bytes(2, "big") + new)

    stack.enter_context(mock.patch.object(frames, "decode", decode))


def decoder_without_length_bounds(stack: contextlib.ExitStack) -> None:
    """frame.decode reads the declared body and parses the type's fields from it, ignoring the type's length
    bounds (extra body bytes are never looked at). Caught only by a length case whose body holds exactly the
    declared bytes: with ``compare_field = false`` every other bad-length case also trips 'body' or 'trailing'.
    (The reference shim decodes PINGs on the keypad's fast path, which this leaves alone.)"""
    original = frames.decode

    def decode(data: bytes) -> frames.Frame:
        data = bytes(data)
        try:
            return original(data)
        except ParseError as exc:
            if exc.field != "length":
                raise
            length = int.from_bytes(data[4:6], "big")
            if len(data) != 6 + length:
                raise ParseError("body length disagrees with the header", field="body") from None
            lo, hi = frames.BODY_BOUNDS[frames.FrameType(data[3])]
            if length < lo:
                raise ParseError("body too short for its fields", field="body") from None
            return original(data[:4] + hi.to_bytes(2, "big") + data[6 : 6 + hi])  # BUG: the rest is ignored

    stack.enter_context(mock.patch.object(frames, "decode", decode))


def reader_checks_upper_bound_only(stack: contextlib.ExitStack) -> None:
    """The stream reader refuses a header whose length is above the type's maximum at once (the memory
    guard), but leaves a length below the minimum to the decoder, after waiting for the declared body."""
    original = stream.FrameReader.feed

    def feed(self: Any, data: bytes) -> list[bytes]:
        buf = bytes(self._buf) + bytes(data)
        if self._need is None and len(buf) >= 6 and buf[:3] == b"KC\x01" and buf[3] in frames.FrameType._value2member_map_:
            lo, hi = frames.BODY_BOUNDS[frames.FrameType(buf[3])]
            length = int.from_bytes(buf[4:6], "big")
            if length < lo and len(buf) < 6 + length:
                self._buf += data  # BUG: a too-short length waits for its (short) body
                return []
        return original(self, data)

    stack.enter_context(mock.patch.object(stream.FrameReader, "feed", feed))


def tag_compare_skips_first_byte(stack: contextlib.ExitStack) -> None:
    """An off-by-one in a hand-written constant-time comparison (``for i in 1..31``) in every verifier but
    the PING fast path, which was written separately and is right."""

    def verify(key: bytes, tag: bytes, *parts: bytes) -> bool:
        expected = schedule.mac(key, *parts)
        if parts and len(parts[0]) > 3 and parts[0][3] == frames.FrameType.PING:
            return hmac.compare_digest(expected, tag)
        return len(tag) == len(expected) and hmac.compare_digest(expected[1:], tag[1:])  # BUG: byte 0 skipped

    _verify_everywhere(stack, verify)


def encaps_checks_first_polynomial(stack: contextlib.ExitStack) -> None:
    """kem.encaps runs the modulus check over the first of ek's three polynomials only (a loop bound of 384
    bytes for 1152); kem.check_ek is a separate, correct function."""
    original = kem.KyberPyKem.encapsulate

    def partial(ek: bytes) -> None:
        kem._check_len("ek", ek, EK_SIZE)
        kem.modulus_check(ek[:384] + bytes(EK_SIZE - 384))  # BUG: polynomials 1 and 2 unchecked

    def encapsulate(self: Any, ek: bytes, m: bytes | None = None) -> tuple[bytes, bytes]:
        real_check = kem.modulus_check
        with mock.patch.object(kem, "modulus_check", lambda e: partial(e) if e is ek else real_check(e)):
            return original(self, ek, m)

    stack.enter_context(mock.patch.object(kem.KyberPyKem, "encapsulate", encapsulate))


def _argon2_allocation_guard(stack: contextlib.ExitStack) -> None:
    """A mutant that reaches Argon2 with a hostile header fails as a 4 GiB run would, without running it."""
    from keycrypt import keystore
    from keycrypt.errors import KeystoreError

    original = keystore._derive_key

    def derive(pin: bytes, salt: bytes, params: Any) -> bytes:
        if params.memory_kib > 1 << 20 or params.time_cost > 64:
            raise KeystoreError(f"Argon2id failed with {params!r}: memory allocation failed")
        return original(pin, salt, params)

    stack.enter_context(mock.patch.object(keystore, "_derive_key", derive))


def bounds_only_when_checksum_fails(stack: contextlib.ExitStack) -> None:
    """The keystore reader checks the checksum first and looks at the Argon2 bounds only to explain a bad
    checksum; an intact (or re-checksummed) header goes straight to Argon2 with whatever costs it names."""
    from keycrypt import keystore
    from keycrypt.errors import TamperedKeystore

    original = wire_keyfile.decode_keystore

    def decode(data: bytes) -> Any:
        try:
            with mock.patch.object(wire_keyfile, "check_argon2_param", lambda name, value: None):
                return original(data)
        except TamperedKeystore:
            original(data)  # the full checks, to say why: an out-of-bounds cost is reported as unsupported
            raise

    _argon2_allocation_guard(stack)
    stack.enter_context(mock.patch.object(keystore, "decode_keystore", decode))


def skips_fingerprint_check(stack: contextlib.ExitStack) -> None:
    """The opened seed is returned without comparing SHA-256 of its ek with the header's fingerprint."""
    from keycrypt import keystore

    def unseal(data: bytes, pin: str, *, kem: Any = None) -> Any:
        decoded = keystore.decode_keystore(data)
        header = decoded.header
        key = keystore._derive_key(keystore.normalize_pin(pin), header.salt, header.params)
        try:
            seed = keystore.nacl.bindings.crypto_aead_xchacha20poly1305_ietf_decrypt(
                decoded.sealed, header.raw, header.nonce, key)
        except keystore.nacl.exceptions.CryptoError:
            raise keystore.WrongPin("wrong PIN") from None
        ek = (kem or keystore.get_backend()).from_seed(seed).ek
        fp = keystore.fingerprint(ek)  # BUG: never compared with header.fingerprint
        return keystore.OpenedKeystore(seed=seed, ek=ek, fingerprint=fp, params=header.params)

    stack.enter_context(mock.patch.object(keystore, "unseal_keystore", unseal))


def seal_without_nfc(stack: contextlib.ExitStack) -> None:
    """keystore.seal hands the PIN's UTF-8 to Argon2 as typed; only opening normalizes it to NFC."""
    from keycrypt import keystore

    original = keystore.seal_keystore

    def seal(*args: Any, **kwargs: Any) -> bytes:
        with mock.patch.object(keystore, "normalize_pin", lambda pin: pin.encode("utf-8")):  # BUG: no NFC
            return original(*args, **kwargs)

    stack.enter_context(mock.patch.object(keystore, "seal_keystore", seal))


def retry_keeps_old_deadline(stack: contextlib.ExitStack) -> None:
    """After a retry without a boot grace the client emits cancel_timer but goes on judging inputs against
    the unanswered HELLO's deadline."""
    original = client.ClientSession._act_retry

    def retry(self: Any, step: Any) -> None:
        old = self._deadline_at
        original(self, step)
        if self._grace_at is None:  # the retry emitted cancel_timer
            self._deadline_at = old  # BUG: the deadline the timer no longer holds

    stack.enter_context(mock.patch.object(client.ClientSession, "_act_retry", retry))


# --------------------------------------------------------------------------- §9: the wrong-PIN counter


def restart_forgets_failures(stack: contextlib.ExitStack) -> None:
    """The persisted wrong-PIN counter is not read back: a restart starts from 0."""
    original = device.KeypadDevice.__init__

    def init(self: Any, config: Any = None, *, failures: int = 0, locked_until: float = 0.0,
             shown_failures: int | None = None, shown_until: float | None = None) -> None:
        # BUG: the counts are lost
        original(self, config, failures=0, locked_until=locked_until, shown_failures=0, shown_until=shown_until)

    stack.enter_context(mock.patch.object(device.KeypadDevice, "__init__", init))


def backoff_uncapped(stack: contextlib.ExitStack) -> None:
    """The lock-out doubles without the 1 h cap."""

    def delay(failures: int, cfg: Any = None) -> float:
        cfg = cfg or device.DeviceConfig()
        over = failures - cfg.backoff_free_attempts
        return 0.0 if over <= 0 else cfg.backoff_base * 2.0 ** (over - 1)  # BUG: no cap

    stack.enter_context(mock.patch.object(device, "backoff_delay", delay))


def correct_pin_keeps_counter(stack: contextlib.ExitStack) -> None:
    """A correct PIN leaves the wrong-PIN counter and lock-out as they were."""
    stack.enter_context(mock.patch.object(device.KeypadDevice, "_act_reset_failures", lambda self, step: None))


def lockout_includes_its_end(stack: contextlib.ExitStack) -> None:
    """A PIN entered exactly at locked_until is still refused ('<=' for '<')."""
    stack.enter_context(mock.patch.object(device.KeypadDevice, "pin_allowed",
                                          lambda self, now: now > self.shown_until))


def duress_shows_real_count(stack: contextlib.ExitStack) -> None:
    """The duress PIN leaves the shown count as it was (§9 'Two counts': it must show what the real PIN leaves)."""
    stack.enter_context(mock.patch.object(device.KeypadDevice, "_act_hide_failures", lambda self, step: None))


def real_lockout_not_kept(stack: contextlib.ExitStack) -> None:
    """Only the shown lock-out is kept: after a duress PIN the real count no longer bounds the guesses."""
    original = device.KeypadDevice.pin

    def pin(self: Any, result: Any, now: float, **kw: Any) -> Any:
        self.locked_until = min(self.locked_until, self.shown_until)  # BUG: the real lock-out is dropped
        return original(self, result, now, **kw)

    stack.enter_context(mock.patch.object(device.KeypadDevice, "pin", pin))


# --------------------------------------------------------------------------- issue #12 item 5: a mutant for every MUST


def _table_rows(stack: contextlib.ExitStack, machine: str, cls: Any, rows: dict[tuple[str, str], tables.Row]) -> None:
    """Replace rows of one state table, for the machine class and for every later ``tables.load``."""
    original = tables.load(machine)
    broken = dataclasses.replace(original, rows={**original.rows, **rows})
    real_load = tables.load
    stack.enter_context(mock.patch.object(cls, "TABLE", broken))
    stack.enter_context(mock.patch.object(tables, "load", lambda name: broken if name == machine else real_load(name)))


def client_skips_hello_ack_tag(stack: contextlib.ExitStack) -> None:
    """The client derives the keys from HELLO_ACK but never checks its tag (no key confirmation)."""
    def verify_hello_ack(self: Any, step: Any) -> None:
        frame = step.frame
        ss, salt = self._hello_secret
        hs = schedule.handshake(ss, self.config.ek, self.hello_frame, salt, self.config.psk, frame.nonce)
        self.handshake, self.keys, self._hello_secret = hs, schedule.EpochKeys.derive(0, hs.k0), None
        step.out.append(client.Established(frame.status))  # BUG: no verify
        self._report_status(step, frame.status)

    stack.enter_context(mock.patch.object(client.ClientSession, "_act_verify_hello_ack", verify_hello_ack))


def keypad_fixed_nonce(stack: contextlib.ExitStack) -> None:
    """The keypad's N_K is all zeros instead of drawn from its random source (the same for every session)."""
    original = keypad.KeypadSession.__init__

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        self._random = lambda n: bytes(n)  # BUG

    stack.enter_context(mock.patch.object(keypad.KeypadSession, "__init__", init))


def decaps_any_length(stack: contextlib.ExitStack) -> None:
    """Decapsulation pads or cuts a ciphertext to 1088 bytes instead of refusing a wrong length."""
    original = reference.kem_decaps

    def kem_decaps(req: dict[str, Any]) -> dict[str, Any]:
        ct = bytes.fromhex(req.get("ct", ""))
        return original({**req, "ct": (ct + bytes(1088))[:1088].hex()})

    stack.enter_context(mock.patch.dict(reference.OPERATIONS, {"kem.decaps": kem_decaps}))


def seed_halves_swapped(stack: contextlib.ExitStack) -> None:
    """The keypad's key pair is derived from z ‖ d instead of d ‖ z."""
    backend = reference.keypad_kem()

    class Swapped:
        def __getattr__(self, name: str) -> Any:
            return getattr(backend, name)

        def from_seed(self, seed: bytes) -> Any:
            return backend.from_seed(seed[32:] + seed[:32] if len(seed) == 64 else seed)

    stack.enter_context(mock.patch.object(reference, "keypad_kem", lambda: Swapped()))


def little_endian_counter(stack: contextlib.ExitStack) -> None:
    """PING and PONG counters are encoded little-endian."""
    real_encode = frames.encode

    def encode(frame: Any) -> bytes:
        raw = real_encode(frame)
        if isinstance(frame, (frames.Ping, frames.Pong)):
            raw = raw[:6] + raw[6:10][::-1] + raw[10:]
        return raw

    stack.enter_context(mock.patch.object(frames, "encode", encode))


def pong_status_armed(stack: contextlib.ExitStack) -> None:
    """The keypad's PONG says ARMED whatever the device's status (tagged as sent)."""
    def send_pong(self: Any, step: Any) -> None:
        prefix = fastpath.pong_prefix(self._ping_counter, Status.ARMED)  # BUG
        step.out.append(keypad.Send(prefix + schedule.mac(self._require_keys().k2c, prefix, self._challenge)))
        self.expected = self._ping_counter + 1
        self._answered_at = step.now

    stack.enter_context(mock.patch.object(keypad.KeypadSession, "_act_send_pong", send_pong))


def keypad_answers_errors(stack: contextlib.ExitStack) -> None:
    """On a protocol error the keypad sends one last PONG saying LOCKDOWN before it closes (an untagged 'answer')."""
    original = keypad.KeypadSession._act_close
    errors = {"parse_error", "mac_failure", "counter_error", "state_error", "auth_error", "pace_error"}

    def close(self: Any, step: Any) -> None:
        if str(getattr(step.reason(), "value", "")) in errors:
            step.out.append(keypad.Send(fastpath.pong_prefix(0, Status.LOCKDOWN) + bytes(TAG_SIZE)))  # BUG
        original(self, step)

    stack.enter_context(mock.patch.object(keypad.KeypadSession, "_act_close", close))


def client_ignores_eof(stack: contextlib.ExitStack) -> None:
    """An established client takes the keypad's close for a pause: IDLE and AWAIT_PONG + eof keep the state."""
    _table_rows(stack, "client_session", client.ClientSession, {
        (st, "eof"): tables.Row(st, "eof", st, (), None, None) for st in ("IDLE", "AWAIT_PONG")})


def no_client_policy(stack: contextlib.ExitStack) -> None:
    """The keypad ignores the psk flag against its enrolment (uses a psk only when both agree)."""
    def psk_for(self: Any, hello: Any) -> bytes | None:
        psk = self.psks.get(hello.client_id)
        if psk is None and self.require_enrolled:
            raise keypad.AuthError(f"client {hello.client_id!r} is not enrolled", field="client_id")
        return psk if hello.flags & 1 else None  # BUG: no refusal when the flag and the enrolment disagree

    stack.enter_context(mock.patch.object(keypad.ClientPolicy, "psk_for", psk_for))


def keystore_truncation_as_tampering(stack: contextlib.ExitStack) -> None:
    """A keystore that ends early is reported as tampered, not truncated (the error precedence broken)."""
    real = wire_keyfile._check_length

    def check_length(data: bytes, expected: int, layout: Any, kind: str) -> None:
        try:
            real(data, expected, layout, kind)
        except TruncatedKeystore as exc:
            raise TamperedKeystore(str(exc)) from None

    stack.enter_context(mock.patch.object(wire_keyfile, "_check_length", check_length))


def keystore_header_not_authenticated(stack: contextlib.ExitStack) -> None:
    """The keystore's header is not the AEAD's associated data (sealed and opened with none)."""
    enc, dec = keystore.nacl.bindings.crypto_aead_xchacha20poly1305_ietf_encrypt, \
        keystore.nacl.bindings.crypto_aead_xchacha20poly1305_ietf_decrypt
    stack.enter_context(mock.patch.object(keystore.nacl.bindings, "crypto_aead_xchacha20poly1305_ietf_encrypt",
                                          lambda m, ad, n, k: enc(m, b"", n, k)))
    stack.enter_context(mock.patch.object(keystore.nacl.bindings, "crypto_aead_xchacha20poly1305_ietf_decrypt",
                                          lambda c, ad, n, k: dec(c, b"", n, k)))


def pubkey_writes_binary(stack: contextlib.ExitStack) -> None:
    """The public key file is written in the binary KCPK form."""
    real = keystore.encode_pubkey
    stack.enter_context(mock.patch.object(keystore, "encode_pubkey", lambda ek, kem=None, text=False: real(ek, kem=kem)))


def pubkey_binary_refused(stack: contextlib.ExitStack) -> None:
    """Only the text form of the public key file is read; a binary KCPK file is refused."""
    def decode_file(data: bytes) -> bytes:
        raise NotAKeystore("binary public key files are not read")  # BUG

    stack.enter_context(mock.patch.object(wire_keyfile, "decode_pubkey_file", decode_file))


def pin_during_lockout(stack: contextlib.ExitStack) -> None:
    """A PIN entered during the wrong-PIN lock-out is checked anyway."""
    stack.enter_context(mock.patch.object(device.KeypadDevice, "pin_allowed", lambda self, now: True))


MUTANTS: dict[str, Mutant] = {
    "skip_mac_check": Mutant("tags are never checked", skip_mac_check, "mac:", ("KCP1-MAC-2",)),
    "truncated_tag_compare": Mutant("only the first 16 bytes of a tag are compared", truncated_tag_compare, "mac:",
                                    ("KCP1-MAC-2",)),
    "replay_counter": Mutant("the keypad accepts a PING counter it has already answered", replay_counter,
                             "sessions:keypad/", ("KCP1-CTR-1",)),
    "client_ignores_counter": Mutant("the client does not check the PONG's counter", client_ignores_counter,
                                     "sessions:client/", ("KCP1-CTR-2",)),
    "wrong_label": Mutant("the rekey label is 'KC1 Rekey'", wrong_label, "key_schedule:", ("KCP1-KS-2",)),
    "no_direction_separation": Mutant("k_k2c = k_c2k (no direction separation)", no_direction_separation,
                                      "key_schedule:", ("KCP1-KS-2",)),
    "ignores_lockdown": Mutant("the client ignores a verified LOCKDOWN status", ignores_lockdown, "sessions:client/",
                               ("KCP1-STATUS-1",)),
    "accepts_trailing": Mutant("trailing bytes after a frame are ignored", accepts_trailing, "wire:",
                               ("KCP1-FRAME-2",)),
    "never_rekeys": Mutant("neither side ever leaves an epoch", never_rekeys, "sessions:",
                           ("KCP1-REKEY-1",)),
    "wrong_status_in_mac": Mutant("PONG (and HELLO_ACK) tags cover status ARMED whatever is sent",
                                  wrong_status_in_mac, "mac:", ("KCP1-MAC-1",)),
    "psk_ignored": Mutant("the psk is left out of the key schedule", psk_ignored, "key_schedule:", ("KCP1-KS-2",)),
    "transcript_without_ek": Mutant("TH hashes the HELLO without ek", transcript_without_ek, "key_schedule:",
                                    ("KCP1-KS-2",)),
    "transcript_without_keypad_nonce": Mutant("TH leaves out the keypad's HELLO_ACK nonce (whole sessions replay)",
                                              transcript_without_keypad_nonce, "sessions:keypad/replayed-session",
                                              ("KCP1-KS-2",)),
    "locks_down_on_early_eof": Mutant("a close before the first HELLO_ACK locks down instead of a retry",
                                      locks_down_on_early_eof, "sessions:client/refused-then-reached",
                                      ("KCP1-BOOT-1",)),
    "any_client_id": Mutant("any client_id of a legal length is accepted (no charset)", any_client_id,
                            "wire:wire/decode/hello-client-id-charset", ("KCP1-ID-1",)),
    "no_pacing": Mutant("the keypad answers pipelined PINGs and PINGs sooner than the minimum interval", no_pacing,
                        "sessions:keypad/ping-", ("KCP1-PACE-1",)),
    "accepts_unknown_status": Mutant("status values other than 0, 1, 2 are accepted", accepts_unknown_status, "wire:",
                                     ("KCP1-FRAME-2",)),
    "accepts_reserved_flags": Mutant("reserved HELLO flag bits are accepted", accepts_reserved_flags, "wire:",
                                     ("KCP1-FRAME-2",)),
    "skips_modulus_check": Mutant("ek coefficients are not checked against q", skips_modulus_check,
                                  "kem:,sessions:client/pinned-ek", ("KCP1-KEM-1", "KCP1-KEM-4")),
    "keystore_ignores_bounds": Mutant("Argon2 costs in a keystore header are not bounded", keystore_ignores_bounds,
                                      "keystore:keystore/open/", ("KCP1-KEYSTORE-1",)),
    "pubkey_text_ignores_check": Mutant("the text public key's check is not compared", pubkey_text_ignores_check,
                                        "keystore:pubkey/read/", ("KCP1-PUBKEY-2",)),
    "idle_without_deadline": Mutant("IDLE ignores its deadline: a host stays up past the exposure bound",
                                    idle_without_deadline, "state_machines:client_session/,sessions:client/exposure",
                                    ("KCP1-TM-1", "KCP1-TABLE-1")),
    "duress_not_masked": Mutant("the keypad's display reveals a duress PIN", duress_not_masked,
                                "state_machines:keypad_device/", ("KCP1-DEVICE-1",)),
    "late_only_after_deadline": Mutant("an input exactly at its deadline is taken as on time ('>' for '>=')",
                                       late_only_after_deadline, "sessions:*-at-deadline", ("KCP1-TM-2",)),
    "keypad_counter_before_tag": Mutant("the keypad checks a PING's counter before its tag",
                                        keypad_counter_before_tag, "sessions:keypad/ping-wrong-counter-bad-tag",
                                        ("KCP1-MAC-2",)),
    "reader_drops_partial_frame": Mutant("a frame cut at the end of a read is dropped", reader_drops_partial_frame,
                                         "sessions:*split*", ("KCP1-STREAM-1",)),
    "reader_waits_for_body": Mutant("the stream reader waits for the declared body before judging the length",
                                    reader_waits_for_body, "sessions:*lone*", ("KCP1-STREAM-2",)),
    "fixed_timeouts": Mutant("configured timeouts are ignored (client 1.5 s; keypad idle and HELLO swapped)",
                             fixed_timeouts, "sessions:*config*", ("KCP1-TM-3",)),
    # issue 12 item 5: one mutant at least for every MUST that none of the above breaks
    "client_skips_hello_ack_tag": Mutant("the client never checks the HELLO_ACK's tag (no key confirmation)",
                                         client_skips_hello_ack_tag, "sessions:client/", ("KCP1-HS-1",)),
    "keypad_fixed_nonce": Mutant("the keypad's N_K is all zeros, not drawn from its random source",
                                 keypad_fixed_nonce, "sessions:keypad/", ("KCP1-KS-1",)),
    "decaps_any_length": Mutant("decapsulation pads or cuts a ciphertext of the wrong length", decaps_any_length,
                                "kem:kem/decaps/", ("KCP1-KEM-2",)),
    "seed_halves_swapped": Mutant("the keypad's key pair is derived from z || d", seed_halves_swapped,
                                  "kem:kem/derive/", ("KCP1-KEM-3",)),
    "little_endian_counter": Mutant("PING and PONG counters are encoded little-endian", little_endian_counter,
                                    "wire:wire/encode/", ("KCP1-FRAME-1",)),
    "pong_status_armed": Mutant("the keypad's PONG says ARMED whatever the device's status", pong_status_armed,
                                "sessions:keypad/", ("KCP1-PING-1",)),
    "keypad_answers_errors": Mutant("the keypad sends a LOCKDOWN PONG before closing on a protocol error",
                                    keypad_answers_errors, "sessions:keypad/", ("KCP1-ERR-1", "KCP1-SHIM-1")),
    "client_ignores_eof": Mutant("an established client does not lock down when the keypad closes",
                                 client_ignores_eof, "sessions:client/,state_machines:client_session/",
                                 ("KCP1-ERR-2", "KCP1-TABLE-1")),
    "no_client_policy": Mutant("the keypad does not refuse a psk flag that disagrees with the enrolment",
                               no_client_policy, "sessions:keypad/auth-", ("KCP1-POLICY-1", "KCP1-POLICY-2")),
    "keystore_truncation_as_tampering": Mutant("a keystore that ends early is reported as tampered",
                                               keystore_truncation_as_tampering, "keystore:keystore/open/",
                                               ("KCP1-KEYSTORE-4",)),
    "keystore_header_not_authenticated": Mutant("the keystore header is not the AEAD's associated data",
                                                keystore_header_not_authenticated, "keystore:keystore/",
                                                ("KCP1-KEYSTORE-5",)),
    "pubkey_writes_binary": Mutant("the public key file is written in the binary form", pubkey_writes_binary,
                                   "keystore:pubkey/write/", ("KCP1-PUBKEY-1",)),
    "pubkey_binary_refused": Mutant("a binary KCPK public key file is refused", pubkey_binary_refused,
                                    "keystore:pubkey/read/", ("KCP1-PUBKEY-3",)),
    "pin_during_lockout": Mutant("a PIN entered during the wrong-PIN lock-out is checked", pin_during_lockout,
                                 "state_machines:keypad_device/", ("KCP1-PIN-3",)),
    # issue 12 item 3 (branch vecs): what the vectors used to let through
    "seal_accepts_any_pin": Mutant("the PIN's length and characters are never checked", seal_accepts_any_pin,
                                   "keystore:keystore/seal/pin-*,keystore:keystore/open/pin-*", ("KCP1-PIN-4",)),
    "lax_utf8_client_id": Mutant("client_id decoded by a lax UTF-8 decoder (overlong forms of ASCII accepted)",
                                 lax_utf8_client_id, "wire:wire/decode/hello-client-id-*", ("KCP1-ID-1",)),
    "decoder_without_length_bounds": Mutant("frame.decode ignores the type's length bounds (the body's extra bytes "
                                            "are never read)", decoder_without_length_bounds, "wire:*-length-*",
                                            ("KCP1-FRAME-2",)),
    "reader_checks_upper_bound_only": Mutant("the stream reader waits for the body of a too-short declared length",
                                             reader_checks_upper_bound_only, "sessions:*lone*", ("KCP1-STREAM-2",)),
    "tag_compare_skips_first_byte": Mutant("tag comparison skips byte 0 everywhere but on PINGs (an off-by-one)",
                                           tag_compare_skips_first_byte, "mac:mac/verify/", ("KCP1-MAC-2",)),
    "encaps_checks_first_polynomial": Mutant("kem.encaps checks the modulus of ek's first polynomial only",
                                             encaps_checks_first_polynomial, "kem:kem/encaps/", ("KCP1-KEM-1",)),
    "bounds_only_when_checksum_fails": Mutant("keystore Argon2 bounds are checked only to explain a bad checksum",
                                              bounds_only_when_checksum_fails, "keystore:keystore/open/",
                                              ("KCP1-KEYSTORE-1",)),
    "skips_fingerprint_check": Mutant("an opened keystore's fingerprint is not compared with its header",
                                      skips_fingerprint_check, "keystore:keystore/open/", ("KCP1-KEYSTORE-2",)),
    "seal_without_nfc": Mutant("keystore.seal does not NFC-normalize the PIN", seal_without_nfc,
                               "keystore:keystore/seal/", ("KCP1-PIN-1",)),
    "retry_keeps_old_deadline": Mutant("after a retry the client still judges inputs by the old HELLO deadline",
                                       retry_keeps_old_deadline, "sessions:client/retry", ("KCP1-TM-2",)),
    "restart_forgets_failures": Mutant("the persisted wrong-PIN counter is not read back", restart_forgets_failures,
                                       "state_machines:keypad_device/persisted/", ("KCP1-PIN-2",)),
    "backoff_uncapped": Mutant("the wrong-PIN lock-out has no 1 h cap", backoff_uncapped,
                               "state_machines:keypad_device/persisted/", ("KCP1-PIN-2",)),
    "correct_pin_keeps_counter": Mutant("a correct PIN does not clear the wrong-PIN counter", correct_pin_keeps_counter,
                                        "state_machines:keypad_device/persisted/", ("KCP1-PIN-2",)),
    "lockout_includes_its_end": Mutant("a PIN exactly at the lock-out's end is refused", lockout_includes_its_end,
                                       "state_machines:keypad_device/persisted/", ("KCP1-PIN-3",)),
    "duress_shows_real_count": Mutant("the duress PIN leaves the shown wrong-PIN count as it was",
                                      duress_shows_real_count, "state_machines:keypad_device/", ("KCP1-DEVICE-1",)),
    "real_lockout_not_kept": Mutant("after a duress PIN only the shown lock-out is kept", real_lockout_not_kept,
                                    "state_machines:keypad_device/restarted_after_duress/", ("KCP1-PIN-2",)),
}


@contextlib.contextmanager
def apply(name: str) -> Iterator[None]:
    """Break the reference as the named mutant does, for the duration of the block."""
    try:
        mutant = MUTANTS[name]
    except KeyError:
        raise ValueError(f"unknown mutant {name!r}; choose one of {', '.join(sorted(MUTANTS))}") from None
    with contextlib.ExitStack() as stack:
        mutant.patch(stack)
        yield
