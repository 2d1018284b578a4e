"""A reference client and keypad wired together, recording each side's inputs as shim steps.

The generator plays scenarios on a :class:`Duo` (optionally tampering with
the bytes in between), then emits each side's recorded steps as a
``session.run`` case. The recorded actions are compared with a fresh replay
through the reference executor, so a case's input always reproduces it.
"""

from __future__ import annotations

from typing import Any

from keycrypt.constants import BOOT_GRACE
from keycrypt.machines.actions import Send
from keycrypt_conformance import reference
from keycrypt_conformance.jsonio import action_to_json, hx
from keycrypt_conformance.rng import RecordingRandom
from keycrypt_kit.vectorgen import material as M
from keycrypt_kit.vectorgen.builder import GenerationError, Group

RTT = 0.01  # delivery delay between the two sides, seconds


def sent(actions: list[Any]) -> bytes:
    return b"".join(a.data for a in actions if isinstance(a, Send))


class Duo:
    def __init__(self, label: str, *, client: dict[str, Any] | None = None, keypad: dict[str, Any] | None = None,
                 load: dict[str, Any] | None = None) -> None:
        self.rand = RecordingRandom(f"{label}/random")
        self.krand = RecordingRandom(f"{label}/keypad-random")  # the keypad's nonces
        self.cset = M.client_setup(**(client or {}))
        self.kset = M.keypad_setup(**(keypad or {}))
        self.client = reference.make_client(self.cset, self.rand)
        self.keypad = reference.make_keypad(self.kset, self.krand)
        self.load = load
        if load is not None:
            reference.load_state(self.client, load)
            reference.load_state(self.keypad, load)
        self.csteps: list[dict[str, Any]] = []
        self.ksteps: list[dict[str, Any]] = []
        self.cout: list[dict[str, Any]] = []
        self.kout: list[dict[str, Any]] = []
        self.now = 0.0
        self.status = 0

    # --- one input to one side ------------------------------------------------------

    def c(self, kind: str, data: bytes | None = None, **kw: Any) -> list[Any]:
        step: dict[str, Any] = {"input": kind, "now": round(self.now, 6), **kw}
        if data is not None:
            step["data"] = hx(data)
        acts = reference._client_step(self.client, step)
        self.csteps.append(step)
        self.cout.append({"state": self.client.state, "actions": [action_to_json(a) for a in acts]})
        return acts

    def k(self, kind: str, data: bytes | None = None, **kw: Any) -> list[Any]:
        step: dict[str, Any] = {"input": kind, "now": round(self.now, 6), **kw}
        if data is not None:
            step["data"] = hx(data)
            step["status"] = self.status
        acts = reference._keypad_step(self.keypad, step)
        self.ksteps.append(step)
        self.kout.append({"state": self.keypad.state, "actions": [action_to_json(a) for a in acts]})
        return acts

    def wait(self, dt: float = RTT) -> None:
        self.now = round(self.now + dt, 6)

    # --- protocol moves -------------------------------------------------------------

    def open(self) -> None:
        self.c("start", boot_grace=BOOT_GRACE)
        self.k("start")

    def hello(self) -> bytes:
        return sent(self.c("connected"))

    def handshake(self, status: int = 0) -> None:
        self.open()
        self.reached(status)

    def reached(self, status: int = 0) -> None:
        """The client connects and sends its HELLO, the keypad answers, the client takes the HELLO_ACK."""
        hello = self.hello()
        self.wait()
        self.status = status
        ack = sent(self.k("data", hello))
        self.wait()
        self.c("data", ack)

    def ping(self) -> bytes:
        self.wait(0.5)
        return sent(self.c("tick"))

    def exchange(self, status: int = 0) -> None:
        """One PING/PONG; if the epoch ends, the REKEY/REKEY_ACK that follow at once."""
        ping = self.ping()
        self.wait()
        self.status = status
        pong = sent(self.k("data", ping))
        self.wait()
        rekey = sent(self.c("data", pong))
        if rekey:
            self.wait()
            ack = sent(self.k("data", rekey))
            self.wait()
            self.c("data", ack)

    # --- emitting cases ---------------------------------------------------------------

    def client_input(self, shared_setup: bool = False) -> dict[str, Any]:
        inp: dict[str, Any] = {"steps": self.csteps}
        if not shared_setup:
            inp = {"setup": {**self.cset, "random": hx(self.rand.consumed)}, **inp}
        if self.load is not None:
            inp["load"] = self.load
        return inp

    def keypad_input(self, shared_setup: bool = False) -> dict[str, Any]:
        inp: dict[str, Any] = {"steps": self.ksteps}
        if not shared_setup:
            inp = {"setup": {**self.kset, "random": hx(self.krand.consumed)}, **inp}
        if self.load is not None:
            inp["load"] = self.load
        return inp

    def emit(self, group: Group, role: str, id: str, comment: str, flags: list[str], outcome: str | None = None,
             shared_setup: bool = False) -> dict[str, Any]:
        inp = self.client_input(shared_setup) if role == "client" else self.keypad_input(shared_setup)
        if "role" not in group.shared:
            inp = {"role": role, **inp}
        t = group.transcript(id, comment, inp, flags, outcome)
        live = self.cout if role == "client" else self.kout
        if t["output"]["steps"] != live:
            raise GenerationError(f"{id}: the replay differs from the live run")
        return t
