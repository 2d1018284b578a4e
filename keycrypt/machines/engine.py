"""The one table interpreter shared by every KeyCrypt machine.

A machine names its table and implements one ``_act_<name>`` method per
action the table uses; the engine looks the (state, event) row up, runs the
row's actions in order and moves to the row's next state. There is no other
way to change state, so the code cannot drift from the table.

A row's actions either all take effect or none does: if one raises a
ProtocolError (a tag, a counter, the KEM), the outputs gathered so far are
discarded and the event ``bad_frame`` is handled in the *same* state with
the error as its reason. An action may also raise a follow-up event (a
verified PONG that carries LOCKDOWN), handled after the row, in the new state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, ClassVar, Final

from keycrypt.errors import LocalUsageError, ParseError, ProtocolError, Reason
from keycrypt.machines.actions import Action
from keycrypt.tables import Row, Table
from keycrypt.wire.frames import Frame, Hello, HelloAck, Pong, Rekey, RekeyAck, decode
from keycrypt.wire.stream import FrameReader

FRAME_EVENTS: Final[dict[type[Frame], str]] = {
    Hello: "frame_hello",
    HelloAck: "frame_hello_ack",
    Pong: "frame_pong",
    Rekey: "frame_rekey",
    RekeyAck: "frame_rekey_ack",
}
"""The table event of each received frame type; PING and a final PING or PONG each machine tells apart itself."""


@dataclass(slots=True)
class Step:
    """The context of one event while its row's actions run."""

    event: str
    now: float
    row: Row
    frame: Any = None
    raw: bytes = b""
    error: ProtocolError | None = None
    given_reason: Reason | None = None
    out: list[Action] = field(default_factory=list)
    follow_up: str | None = None

    def reason(self) -> Reason:
        """The lockdown/close reason a row names: fixed, the failed check's, or the caller's."""
        r = self.row.reason
        if r == "error":
            return self.error.reason if self.error else Reason.STATE_ERROR
        if r == "given":
            return self.given_reason or Reason.STOPPED
        return Reason(r) if r else Reason.STATE_ERROR

    def detail(self) -> str:
        if self.error is not None:
            return str(self.error)
        return f"{self.event} in {self.row.state}"


class TableMachine:
    TABLE: ClassVar[Table]

    def __init__(self) -> None:
        self.state: str = self.TABLE.initial
        self.trace: list[tuple[str, str, str]] | None = None  # (state, event, next) when tracing is on
        self._deadline_at: float | None = None  # the instant the last SetTimer named; None when none is armed
        self._handlers: dict[str, Callable[[Step], None]] = {}
        for name in self.TABLE.actions:
            handler = getattr(self, f"_act_{name}", None)
            if handler is None:
                raise LocalUsageError(f"{type(self).__name__} does not implement action {name!r}")
            self._handlers[name] = handler

    @property
    def terminal(self) -> bool:
        return self.state in self.TABLE.terminal

    @property
    def deadline(self) -> float | None:
        """The armed deadline: the instant of the last SetTimer, None after a CancelTimer or the end.

        Read-only, for drivers and tests to check that the timer they hold is the machine's own."""
        return self._deadline_at

    _reader: FrameReader  # the session machines' byte stream (the device machine reads no bytes)

    def _feed(self, data: bytes, now: float) -> list[Action]:
        """Bytes of the peer's stream: each whole frame is decoded and fired as its event.

        A stream that cannot be framed, or a frame that does not decode, is ``bad_frame``; nothing
        is read after the machine reached a terminal state.
        """
        try:
            raws = self._reader.feed(data)
        except ParseError as exc:
            return self._fire("bad_frame", now, raw=bytes(data), error=exc)
        out: list[Action] = []
        for raw in raws:
            if self.terminal:
                break
            try:
                frame = self._decode(raw)
            except ProtocolError as exc:
                out += self._fire("bad_frame", now, raw=raw, error=exc)
                continue
            out += self._fire(self._event_for(frame), now, frame=frame, raw=raw)
        return out

    def _decode(self, raw: bytes) -> Frame:
        return decode(raw)

    def _event_for(self, frame: Frame) -> str:
        raise NotImplementedError(f"{type(self).__name__} reads no frames")

    def _fire(
        self,
        event: str,
        now: float,
        *,
        frame: Any = None,
        raw: bytes = b"",
        error: ProtocolError | None = None,
        given_reason: Reason | None = None,
    ) -> list[Action]:
        row = self.TABLE.row(self.state, event)
        step = Step(event, now, row, frame, raw, error, given_reason)
        try:
            for name in row.actions:
                self._handlers[name](step)
        except ProtocolError as exc:
            if event == "bad_frame":  # pragma: no cover - bad_frame rows only lock down or close
                raise LocalUsageError(f"action failed while handling bad_frame in {self.state}") from exc
            return self._fire("bad_frame", now, frame=frame, raw=raw, error=exc)
        if self.trace is not None:
            self.trace.append((self.state, event, row.next))
        self.state = row.next
        if step.follow_up is not None:
            return step.out + self._fire(step.follow_up, now)
        return step.out
