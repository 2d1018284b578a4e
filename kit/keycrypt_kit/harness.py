"""A client machine and a keypad machine wired back to back, with the attacker in the middle.

The attack cases and the fuzz targets share this: both sides are the real
sans-IO machines; the harness only carries bytes between them (or lets the
caller tamper with them) and keeps the clock. Randomness is deterministic so
that every case and every fuzz snapshot is reproducible.
"""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass, field
from typing import Iterable

from keycrypt.constants import SEED_SIZE, Status, response_deadline
from keycrypt.crypto.kem import KemBackend, KemPrivateKey, get_backend
from keycrypt.errors import Reason
from keycrypt.machines.actions import Action, Close, Established, Lockdown, Rekeyed, Send, StatusSeen
from keycrypt.machines.client import ClientConfig, ClientSession
from keycrypt.machines.keypad import ClientPolicy, KeypadSession

KEM: KemBackend = get_backend("cryptography")


class DetRandom:
    """Deterministic ``random(n)``: SHA-256 in counter mode over a label (tests only, never keys in use)."""

    def __init__(self, label: bytes | str = b"attack") -> None:
        self._label = label.encode() if isinstance(label, str) else label
        self._n = 0

    def __call__(self, n: int) -> bytes:
        out = b""
        while len(out) < n:
            out += hashlib.sha256(self._label + self._n.to_bytes(8, "big")).digest()
            self._n += 1
        return out[:n]


def keypad_key(label: str = "keypad-A") -> KemPrivateKey:
    """A reproducible keypad key pair (the seed is a hash of ``label``)."""
    return KEM.from_seed(DetRandom(label)(SEED_SIZE))


def sends(actions: Iterable[Action]) -> list[bytes]:
    return [a.data for a in actions if isinstance(a, Send)]


def lockdown_of(actions: Iterable[Action]) -> Lockdown | None:
    return next((a for a in actions if isinstance(a, Lockdown)), None)


def close_of(actions: Iterable[Action]) -> Close | None:
    return next((a for a in actions if isinstance(a, Close)), None)


def accepted(actions: Iterable[Action]) -> list[Action]:
    """Actions by which a client accepts an answer as genuine."""
    return [a for a in actions if isinstance(a, (Established, StatusSeen, Rekeyed))]


@dataclass
class Pair:
    """One client session and one keypad session on a shared fake clock: the one such harness of the
    attack cases, the fuzz targets and the protocol-core tests.

    Each delivery moves the clock by ``step`` (0.01 s); with ``step = 0`` the clock moves only when
    the caller says so (``now``, ``advance(dt)``, ``exchange(dt)``), as the table tests need.
    """

    client: ClientSession
    keypad: KeypadSession
    key: KemPrivateKey
    now: float = 0.0
    status: int = int(Status.ARMED)
    c2k: list[bytes] = field(default_factory=list)  # every frame the client sent, in order
    k2c: list[bytes] = field(default_factory=list)  # every frame the keypad sent, in order
    step: float = 0.01
    kem: KemBackend = KEM

    @classmethod
    def make(
        cls,
        *,
        client_id: str = "host-1",
        psk: bytes | None = None,
        rekey_log2: int = 24,
        key: KemPrivateKey | None = None,
        client_ek: bytes | None = None,
        policy: ClientPolicy | None = None,
        label: str = "pair",
        kem: KemBackend = KEM,
        step: float = 0.01,
        trace: bool = False,
    ) -> Pair:
        """``key``: the keypad's (default :func:`keypad_key`); ``client_ek``: the key the client pinned
        (default the keypad's); ``trace``: both machines record the table rows they take."""
        key = key or keypad_key()
        cfg = ClientConfig(
            ek=client_ek or key.ek, client_id=client_id, psk=psk, rekey_log2=rekey_log2,
            response_deadline=response_deadline(),
        )
        client = ClientSession(cfg, kem=kem, random=DetRandom(label))
        keypad = KeypadSession(key, random=DetRandom(f"{label}/keypad"), policy=policy)
        if trace:
            client.trace, keypad.trace = [], []
        keypad.start(0.0)
        client.start(0.0, None)
        return cls(client, keypad, key, step=step, kem=kem)

    # --- single steps ----------------------------------------------------------------

    def advance(self, dt: float | None = None) -> float:
        """Move the clock by ``dt`` (default: ``step``); the new time."""
        self.now += self.step if dt is None else dt
        return self.now

    def to_client(self, data: bytes) -> list[Action]:
        return self.client.receive_data(data, self.advance())

    def to_keypad(self, data: bytes) -> list[Action]:
        return self.keypad.receive_data(data, self.advance(), self.status)

    def client_sends(self, actions: list[Action]) -> bytes:
        out = sends(actions)
        assert len(out) == 1, f"expected one frame from the client, got {actions!r}"
        self.c2k.append(out[0])
        return out[0]

    def keypad_answers(self, data: bytes) -> bytes:
        acts = self.to_keypad(data)
        out = sends(acts)
        assert len(out) == 1, f"expected one answer from the keypad, got {acts!r}"
        self.k2c.append(out[0])
        return out[0]

    # --- whole exchanges -----------------------------------------------------------------

    def hello(self) -> bytes:
        return self.client_sends(self.client.connected(self.advance()))

    def greet(self) -> list[Action]:
        """HELLO and HELLO_ACK delivered, whatever comes of them: the client's actions on the HELLO_ACK."""
        return self.to_client(self.keypad_answers(self.hello()))

    def handshake(self) -> tuple[bytes, bytes]:
        """HELLO and HELLO_ACK delivered; the client is IDLE."""
        acts = self.greet()
        assert self.client.state == "IDLE", (self.client.state, acts)
        return self.c2k[-1], self.k2c[-1]

    def ping(self, dt: float | None = None) -> bytes:
        """The clock moved by ``dt`` (default ``step``) and the client's PING (not yet delivered)."""
        return self.client_sends(self.client.tick(self.advance(dt)))

    def exchange(self, dt: float | None = None) -> tuple[bytes, bytes, list[Action]]:
        """One PING (``dt`` after the last event) and its PONG delivered: (ping, pong, the client's actions on the PONG)."""
        ping = self.ping(dt)
        pong = self.keypad_answers(ping)
        return ping, pong, self.to_client(pong)

    def rekey(self, rekey: bytes) -> list[Action]:
        """A REKEY delivered and its REKEY_ACK carried back: the client's actions on it."""
        return self.to_client(self.keypad_answers(rekey))

    def run_epoch(self) -> bytes:
        """Exchange PINGs until the client sends REKEY; return that REKEY (not yet delivered)."""
        while True:
            _, _, acts = self.exchange()
            if self.client.state == "AWAIT_REKEY_ACK":
                return self.client_sends(acts)


def is_terminal_reason(actions: list[Action], *reasons: Reason) -> bool:
    lk = lockdown_of(actions)
    return lk is not None and (not reasons or lk.reason in reasons)

def copy_machine(machine: ClientSession | KeypadSession) -> ClientSession | KeypadSession:
    """A deep copy that shares the (stateless) KEM backend, key object and RNG."""
    memo: dict[int, object] = {id(KEM): KEM}
    for attr in ("_kem", "_key", "_random", "_policy"):
        obj = getattr(machine, attr, None)
        if obj is not None:
            memo[id(obj)] = obj
    return copy.deepcopy(machine, memo)
