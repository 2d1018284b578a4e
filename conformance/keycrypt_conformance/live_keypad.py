"""Live keypad mode: the runner is the client against a running keypad.

The keypad answers deterministically given its key and its HELLO_ACK nonce
(fresh randomness of the live keypad), so each keypad transcript of
``vectors/sessions.json`` is replayed over TCP with the live nonce put in
the vector's place: a reference keypad fed the vector's nonce checks which
client tags the transcript means to be genuine, and a reference keypad fed
the live nonce re-tags exactly those and computes the answers the live
keypad must send, byte for byte.
Where the transcript closes the session, the keypad must close the
connection without sending a byte, within a timeout. A gap of at least the
spec's minimum PING interval is kept (up to 0.1 s of it), so the keypad's pace
check sees the transcript's pace. A gap in the
transcript at least as long as the keypad's idle timeout (and a ``timer``
step) is played as real silence, so idle and HELLO timeouts are checked
too. With the reference keypad's control socket the runner also drives
the device: DISARMED (disarm with the PIN), LOCKDOWN (``lockdown-all``,
what a duress PIN does to the sessions) and breaches, re-arming with the
PIN after each case. Cases the live keypad cannot reproduce (a status other
than ARMED or a breach drop without the control socket, a session loaded
mid-epoch, a psk setup other than the one the keypad was started with) are
reported as disabled with the reason.
"""

from __future__ import annotations

import socket
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from keycrypt_conformance.runner import Case, CaseStatus, Config, Result, load_cases

SESSION_FILES = ("sessions.json",)


@dataclass
class Target:
    """The keypad under test and what it was started with."""

    host: str
    port: int
    psks: dict[str, str] = field(default_factory=dict)  # client_id -> hex, as in the vectors
    require_enrolled: bool = False
    idle_timeout: float = 3.0
    slack: float = 1.5  # extra seconds a close may take
    control: str | None = None  # the reference keypad's control socket: status changes and breaches
    pin: str | None = None  # the test keystore's PIN (disarm, re-arm after a breach)

    def _ctl(self, req: dict[str, Any]) -> None:
        from keycrypt.daemon.control import ControlError, request

        assert self.control is not None
        try:
            answer = request(self.control, req, timeout=10.0)
        except ControlError as exc:
            raise OSError(str(exc)) from None
        if not answer.get("ok"):
            raise OSError(f"control socket refused {req['cmd']}: {answer.get('error')}")

    def set_status(self, status: int, previous: int) -> None:
        """Move the device from ``previous`` to ``status`` (ARMED 0, DISARMED 1, LOCKDOWN 2) through the
        control socket. LOCKDOWN is the device's lockdown order, the state a duress PIN leads to; leaving
        it needs the PIN."""
        if status == 2:
            self._ctl({"cmd": "lockdown-all"})
        elif status == 1:
            if previous == 2:
                self._ctl({"cmd": "arm", "pin": self.pin})
            self._ctl({"cmd": "disarm", "pin": self.pin})
        else:
            self._ctl({"cmd": "arm", "pin": self.pin} if previous == 2 else {"cmd": "arm"})

    def breach(self) -> None:
        self._ctl({"cmd": "breach"})

    def restore(self) -> None:
        """Back to ARMED after a case: re-arming a breached keypad needs the PIN."""
        self._ctl({"cmd": "arm", "pin": self.pin})


def keypad_cases(vectors: Any = None) -> list[Case]:
    """The keypad-side cases of sessions.json (client transcripts belong to client mode)."""
    return [c for c in load_cases(vectors, SESSION_FILES) if c.input.get("role") == "keypad"]


def skip_reason(case: Case, target: Target) -> str | None:
    """Why this case cannot be played against the live keypad, or None."""
    if case.operation != "session.run" or case.input.get("role") != "keypad":
        return "a session loaded mid-epoch cannot be set up on a live keypad (shim mode covers it)"
    setup = case.input["setup"]
    if setup.get("psks", {}) != target.psks or bool(setup.get("require_enrolled")) != target.require_enrolled:
        return "needs a keypad started with another psk/enrolment setup (--psk, --require-enrolled)"
    timeouts = (setup.get("idle_timeout", target.idle_timeout), setup.get("hello_timeout", target.idle_timeout))
    if timeouts != (target.idle_timeout, target.idle_timeout):
        return (f"needs a keypad started with idle timeout {timeouts[0]:g} s and HELLO timeout {timeouts[1]:g} s "
                f"(--idle-timeout gives {target.idle_timeout:g} s to both)")
    if "SplitFrame" in case.flags and any(st["input"] == "data" and not _whole_frames(bytes.fromhex(st["data"]))
                                          for st in case.input["steps"]):
        return ("a frame split across reads cannot be re-tagged under the live keypad's nonce piece by piece "
                "(shim mode covers it)")
    drive = target.control is not None and target.pin is not None
    for step in case.input["steps"]:
        if step["input"] == "drop" and not drive:
            return "needs a breach on the keypad (give --control and --pin)"
        if step["input"] == "data" and step.get("status", 0) == 1 and not drive:
            return "needs the keypad DISARMED (give --control and --pin)"
        if step["input"] == "data" and step.get("status", 0) == 2 and not drive:
            return "needs the keypad in LOCKDOWN (give --control and --pin)"
        if step["input"] == "data" and step.get("status", 0) not in (0, 1, 2):
            return f"needs a keypad status {step['status']} that no device state gives"
    return None


def _whole_frames(data: bytes) -> bool:
    """Whether ``data`` is KCP/1 frames laid end to end, none cut short (by their declared lengths)."""
    pos = 0
    while pos + _HEADER_SIZE <= len(data):
        pos += _HEADER_SIZE + int.from_bytes(data[pos + 4:pos + 6], "big")
    return pos == len(data)


def _recv_exact(sock: socket.socket, n: int, deadline: float) -> bytes:
    buf = b""
    while len(buf) < n:
        sock.settimeout(max(0.001, deadline - time.monotonic()))
        try:
            chunk = sock.recv(n - len(buf))
        except (TimeoutError, socket.timeout):
            break
        except ConnectionError:
            break
        if not chunk:
            break
        buf += chunk
    return buf


def _expect_close(sock: socket.socket, deadline: float) -> str | None:
    """None if the peer closes without sending a byte before the deadline, else what went wrong."""
    while True:
        sock.settimeout(max(0.001, deadline - time.monotonic()))
        try:
            chunk = sock.recv(4096)
        except (TimeoutError, socket.timeout):
            return "the keypad kept the session open (no close within the timeout)"
        except ConnectionError:
            return None
        if not chunk:
            return None
        return f"the keypad answered {chunk.hex()} where it must close without answering"


_NONCE_AT = 7  # HELLO_ACK: the 6-byte header, status, then the keypad's nonce
_NONCE_SIZE = 32
_HEADER_SIZE, _TAG_SIZE = 6, 32
_HELLO_ACK, _PING, _REKEY = 2, 3, 5
PING_MIN_INTERVAL = 0.025  # spec/constants.toml [timing] ping_min_interval (checked by the tests)


class _Translator:
    """The vector's keypad (its nonce) beside a reference keypad holding the live keypad's nonce.

    Before the live HELLO_ACK no key exists and bytes go out as they are. After it, every client
    frame whose tag is genuine under the vector's keys is re-tagged under the live session's keys
    (a forged or replayed tag stays as it is), and the live keypad's answers must equal what the
    reference keypad with the live nonce answers.
    """

    def __init__(self, setup: dict[str, Any]) -> None:
        # The reference keypad is the runtime's (the [reference] extra): the live nonce must be put in.
        from keycrypt.crypto import schedule
        from keycrypt.errors import ParseError
        from keycrypt.machines.actions import Close, Send
        from keycrypt.wire import frames
        from keycrypt_conformance import reference, rng

        self._schedule, self._parse_error, self._frames = schedule, ParseError, frames
        self._close, self._send, self._reference, self._rng = Close, Send, reference, rng
        self._setup = setup
        self._vector = reference.make_keypad(setup, rng.ReplayRandom(bytes.fromhex(setup.get("random", ""))))
        self._live: Any = None
        self._history: list[dict[str, Any]] = []

    def translate(self, data: bytes) -> bytes:
        v, live = self._vector.keys, self._live.keys if self._live is not None else None
        if v is None or live is None:
            return data
        out, pos = b"", 0
        schedule = self._schedule
        while pos + _HEADER_SIZE <= len(data):
            try:
                ft, length = self._frames.check_header(data[pos:])
            except self._parse_error:
                break
            end = pos + _HEADER_SIZE + length
            if end > len(data):
                break
            raw = data[pos:end]
            if ft in (_PING, _REKEY) and schedule.verify(v.c2k, raw[-_TAG_SIZE:], raw[:-_TAG_SIZE]):
                raw = raw[:-_TAG_SIZE] + schedule.mac(live.c2k, raw[:-_TAG_SIZE])
            out, pos = out + raw, end
        return out + data[pos:]

    def answer(self, step: dict[str, Any], wire: bytes | None, got: bytes) -> tuple[bytes, bool]:
        """(bytes the live keypad must send, whether it must close) for this step; ``got`` gives the live nonce."""
        live_step = step if wire is None else {**step, "data": wire.hex()}
        ref, Send, Close = self._reference, self._send, self._close
        vector_out = ref._keypad_step(self._vector, step)
        if self._live is None:
            sent = b"".join(a.data for a in vector_out if isinstance(a, Send))
            if len(sent) > _NONCE_AT and sent[3] == _HELLO_ACK and len(got) >= _NONCE_AT + _NONCE_SIZE:
                nonce = got[_NONCE_AT : _NONCE_AT + _NONCE_SIZE]
                self._live = ref.make_keypad(self._setup, self._rng.ReplayRandom(nonce))
                for past in self._history:
                    ref._keypad_step(self._live, past)
            else:
                self._history.append(live_step)
                return sent, any(isinstance(a, Close) for a in vector_out)
        out = ref._keypad_step(self._live, live_step)
        return b"".join(a.data for a in out if isinstance(a, Send)), any(isinstance(a, Close) for a in out)


def play_case(case: Case, target: Target, timeout: float) -> str | None:
    """Replay one transcript; None on pass, else the first mismatch."""
    try:
        return _play(case, target, timeout)
    finally:
        if any(st["input"] == "drop" or st.get("status", 0) for st in case.input["steps"]):
            target.restore()


def _play(case: Case, target: Target, timeout: float) -> str | None:
    steps, outs = case.input["steps"], case.output["steps"]
    tr = _Translator(case.input["setup"])
    status = 0
    with socket.create_connection((target.host, target.port), timeout=timeout) as sock:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        prev_now = 0.0
        for i, (step, out) in enumerate(zip(steps, outs, strict=True)):
            kinds = [a["action"] for a in out["actions"]]
            expected = b"".join(bytes.fromhex(a["data"]) for a in out["actions"] if a["action"] == "send")
            closes = "close" in kinds
            gap = step.get("now", prev_now) - prev_now
            prev_now = step.get("now", prev_now)
            if step["input"] == "start":
                tr.answer(step, None, b"")
                continue
            if step["input"] == "timer" or (step["input"] == "data" and gap >= target.idle_timeout):
                # silence: the keypad must close on its own, before any more data
                err = _expect_close(sock, time.monotonic() + target.idle_timeout + target.slack)
                if err:
                    return f"step {i} (silence): {err}"
                if step["input"] == "timer" or closes:
                    return None
                return f"step {i}: the keypad closed, the transcript expected an answer"
            if step["input"] == "data" and step.get("status", 0) != status:
                target.set_status(step["status"], status)
                status = step["status"]
            wire: bytes | None = None
            if step["input"] == "drop":
                target.breach()
            elif step["input"] == "eof":
                sock.shutdown(socket.SHUT_WR)
            elif step["input"] == "data":
                if PING_MIN_INTERVAL <= gap:  # keep the transcript's pace (a PING sooner than it is ended)
                    time.sleep(min(gap, 0.1))
                wire = tr.translate(bytes.fromhex(step["data"]))
                try:
                    sock.sendall(wire)
                except ConnectionError as exc:
                    return None if closes else f"step {i}: send failed: {exc}"
            else:
                return f"step {i}: unknown transcript input {step['input']!r}"
            deadline = time.monotonic() + timeout
            got = _recv_exact(sock, len(expected), deadline) if expected else b""
            want, must_close = tr.answer(step, wire, got)
            if must_close != closes or len(want) != len(expected):  # pragma: no cover - a runner bug, not the keypad's
                return f"step {i}: the live-nonce reference disagrees with the vector's outcome"
            if got != want:
                return f"step {i}: expected {want.hex()}, got {got.hex() or 'nothing (closed or silent)'}"
            if closes:
                err = _expect_close(sock, deadline)
                return f"step {i}: {err}" if err else None
        # the transcript ends with the session open: nothing more may have arrived
        sock.settimeout(0.05)
        try:
            extra = sock.recv(4096)
        except (TimeoutError, socket.timeout, BlockingIOError):
            return None
        except ConnectionError as exc:
            return f"the keypad dropped a session the transcript keeps open: {exc}"
        return f"unexpected bytes or close after the transcript: {extra.hex() or 'closed'}"


def run(cases: list[Case], target: Target, config: Config, on_result: Callable[[Result], None],
        fail_fast: bool = False, timeout: float = 2.0) -> tuple[dict[str, Any], list[Result]]:
    """Play every selected case against the keypad at ``target``."""
    results: list[Result] = []
    for case in cases:
        t0 = time.perf_counter()
        reason = config.disabled_reason(case) or skip_reason(case, target)
        if reason:
            res = Result(case, CaseStatus.DISABLED, reason)
        else:
            try:
                err = play_case(case, target, timeout)
            except OSError as exc:
                err = f"connection: {exc}"
            res = Result(case, CaseStatus.FAIL if err else CaseStatus.PASS, err or "", time.perf_counter() - t0)
        results.append(res)
        on_result(res)
        if fail_fast and res.status == CaseStatus.FAIL:
            break
    return {"implementation": f"keypad at {target.host}:{target.port}"}, results
