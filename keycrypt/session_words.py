"""One word for a session's phase, the same on the client and the keypad, for status outputs.

The state tables name states for the machine that is in them: a healthy
session is ``IDLE`` (or ``AWAIT_PONG``) on the client and ``ESTABLISHED`` on
the keypad. Operators compare the two screens, so both status outputs show
this phase first and the table's state after it. Every state of both session
tables is mapped (tests/test_status.py checks it against the tables).
"""

from __future__ import annotations

from typing import Final

PHASE: Final[dict[str, dict[str, str]]] = {
    "client_session": {
        "CONNECTING": "connecting",
        "AWAIT_HELLO_ACK": "handshake",
        "IDLE": "established",
        "AWAIT_PONG": "established",
        "AWAIT_REKEY_ACK": "established",
        "LOCKED_DOWN": "locked-down",
        "CLOSED": "closed",
    },
    "keypad_session": {
        "AWAIT_HELLO": "handshake",
        "ESTABLISHED": "established",
        "AWAIT_REKEY": "established",
        "CLOSED": "closed",
    },
}


def phase(machine: str, state: str | None) -> str:
    """The shared word for ``state`` of ``machine`` (``client_session`` or ``keypad_session``)."""
    if state is None:
        return "-"
    return PHASE[machine].get(state, state.lower())
