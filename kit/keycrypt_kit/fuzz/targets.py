"""Fuzz targets: bytes in, typed errors or nothing out, plus security oracles.

Machine targets start from *snapshots*: real sessions driven to a given
state with deterministic randomness, together with the one frame the peer
would legitimately send next. The input's first byte picks the snapshot and
its second where to split the rest into two reads (so the stream reader is
exercised across boundaries). A deep copy of the snapshot is fed the input.

Oracles (beyond "only typed errors escape"):

* client: it accepts an answer (Established / StatusSeen / Rekeyed) only if
  the genuine answer's bytes occur in the input; any protocol error ends in
  Lockdown with a typed reason;
* keypad: it answers (Send) only if the genuine next frame occurs in the
  input, except in AWAIT_HELLO, where every well-formed HELLO is answered
  (implicit rejection); after Close it is terminal.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from keycrypt.errors import KeystoreError, LocalUsageError, ProtocolError, Reason
from keycrypt.machines.actions import Close, Lockdown
from keycrypt.machines.client import ClientSession
from keycrypt.machines.keypad import ClientPolicy, KeypadSession
from keycrypt.wire import fastpath, frames
from keycrypt.wire import keyfile as wire_keyfile
from keycrypt_kit.harness import KEM, DetRandom, Pair, accepted, copy_machine, sends

TYPED: tuple[type[BaseException], ...] = (ProtocolError, KeystoreError)
"""The only exceptions a target may let escape."""


STATS: Counter[str] = Counter()
"""What the inputs led to (``client:lockdown:mac_failure``, ``decoder:parse_error:tag``, ...), for the run's figures."""


class OracleViolation(AssertionError):
    """A security property failed (not merely an untyped exception)."""


@dataclass(frozen=True)
class Snapshot:
    name: str
    machine: ClientSession | KeypadSession
    genuine: bytes  # the frame the peer would legitimately send next (b"" = none)
    any_hello_answered: bool = False


PSK = bytes(range(32))


@lru_cache(maxsize=1)
def client_snapshots() -> tuple[Snapshot, ...]:
    out: list[Snapshot] = []
    p = Pair.make(rekey_log2=4, label="fuzz-client")
    hello = p.hello()
    ack = p.keypad_answers(hello)
    out.append(Snapshot("client/AWAIT_HELLO_ACK", copy_machine(p.client), ack))
    p.to_client(ack)
    out.append(Snapshot("client/IDLE", copy_machine(p.client), b""))
    ping = p.ping()
    pong = p.keypad_answers(ping)
    out.append(Snapshot("client/AWAIT_PONG", copy_machine(p.client), pong))
    p.to_client(pong)
    rekey = p.run_epoch()
    rekey_ack = p.keypad_answers(rekey)
    out.append(Snapshot("client/AWAIT_REKEY_ACK", copy_machine(p.client), rekey_ack))
    p.to_client(rekey_ack)
    ping = p.ping()
    out.append(Snapshot("client/AWAIT_PONG/epoch1", copy_machine(p.client), p.keypad_answers(ping)))
    return tuple(out)


@lru_cache(maxsize=1)
def keypad_snapshots() -> tuple[Snapshot, ...]:
    out: list[Snapshot] = []
    policy = ClientPolicy(psks={"enrolled": PSK})
    p = Pair.make(rekey_log2=4, label="fuzz-keypad", policy=policy)
    hello = p.hello()
    out.append(Snapshot("keypad/AWAIT_HELLO", copy_machine(p.keypad), hello, any_hello_answered=True))
    p.to_client(p.keypad_answers(hello))
    ping = p.ping()
    out.append(Snapshot("keypad/ESTABLISHED", copy_machine(p.keypad), ping))
    p.to_client(p.keypad_answers(ping))
    rekey = p.run_epoch()
    out.append(Snapshot("keypad/AWAIT_REKEY", copy_machine(p.keypad), rekey))
    p.to_client(p.keypad_answers(rekey))
    out.append(Snapshot("keypad/ESTABLISHED/epoch1", copy_machine(p.keypad), p.ping()))
    return tuple(out)




def _split(data: bytes) -> tuple[int, int, bytes]:
    if len(data) < 2:
        return 0, 0, data
    return data[0], data[1], data[2:]


def _feed(m: ClientSession | KeypadSession, chunks: list[bytes], now: float, status: int) -> list:
    acts: list = []
    for chunk in chunks:
        if m.terminal:
            break
        if isinstance(m, ClientSession):
            acts += m.receive_data(chunk, now)
        else:
            acts += m.receive_data(chunk, now, status)
        now += 0.001
    return acts


def _run_machine(snaps: tuple[Snapshot, ...], data: bytes, *, client: bool) -> None:
    sel, cut, body = _split(data)
    snap = snaps[sel % len(snaps)]
    m = copy_machine(snap.machine)
    cut = cut % (len(body) + 1)
    status = sel % 3 if not client else 0  # keypad side: ARMED, DISARMED or LOCKDOWN
    acts = _feed(m, [body[:cut], body[cut:]], 1.0, status)
    genuine_present = bool(snap.genuine) and snap.genuine in body
    if client:
        if accepted(acts) and not genuine_present:
            raise OracleViolation(f"{snap.name}: client accepted {accepted(acts)!r} without the genuine answer")
        lk = [a for a in acts if isinstance(a, Lockdown)]
        STATS[f"client:lockdown:{lk[0].reason.value}" if lk else ("client:accepted_genuine" if accepted(acts) else "client:waiting")] += 1
        if lk and not isinstance(lk[0].reason, Reason):
            raise OracleViolation(f"{snap.name}: untyped lockdown reason {lk[0].reason!r}")
        if lk and not m.terminal:
            raise OracleViolation(f"{snap.name}: lockdown but not terminal")
    else:
        if sends(acts) and not (genuine_present or snap.any_hello_answered):
            raise OracleViolation(f"{snap.name}: keypad answered without the genuine frame")
        closes = [a for a in acts if isinstance(a, Close)]
        STATS[f"keypad:close:{closes[0].reason.value}" if closes else ("keypad:answered" if sends(acts) else "keypad:waiting")] += 1
        if closes and not m.terminal:
            raise OracleViolation(f"{snap.name}: Close but not terminal")


def target_decoder(data: bytes) -> None:
    """frames.decode, fastpath decoders and check_header; round trip of whatever decodes."""
    try:
        f = frames.decode(data)
        STATS[f"decoder:ok:{f.type.name}"] += 1
    except ProtocolError as exc:
        f = None
        STATS[f"decoder:{exc.reason.value}:{exc.field}"] += 1
    if f is not None:
        if frames.encode(f) != bytes(data):
            raise OracleViolation(f"decode/encode is not a round trip for {type(f).__name__}")
    for dec in (fastpath.decode_ping, fastpath.decode_pong):
        try:
            dec(data)
        except ProtocolError:
            pass
    try:
        frames.check_header(data[:6])
    except ProtocolError:
        pass


def target_keypad(data: bytes) -> None:
    _run_machine(keypad_snapshots(), data, client=False)


def target_client(data: bytes) -> None:
    _run_machine(client_snapshots(), data, client=True)


FAST_PIN = "24682468"


@lru_cache(maxsize=1)
def keystore_seeds() -> tuple[bytes, bytes]:
    """(keystore file bytes with the smallest Argon2 costs, public key file bytes), deterministic."""
    from keycrypt.keystore import encode_pubkey, seal_keystore

    params = wire_keyfile.Argon2Params(time_cost=1, memory_kib=8192, parallelism=1)
    rnd = DetRandom("fuzz-keystore")
    seed = rnd(64)
    ks = seal_keystore(seed, FAST_PIN, salt=rnd(16), nonce=rnd(24), params=params, kem=KEM)
    return ks, encode_pubkey(KEM.from_seed(seed).ek, kem=KEM)


def target_keystore(data: bytes) -> None:
    """Structural decoders of both key files; unseal when the costs are the cheap seed's (1 in 8)."""
    from keycrypt.keystore import decode_pubkey, unseal_keystore

    for dec in (wire_keyfile.decode_keystore, wire_keyfile.decode_pubkey_file):
        try:
            dec(data)
            STATS[f"keystore:{dec.__name__}:ok"] += 1
        except KeystoreError as exc:
            STATS[f"keystore:{dec.__name__}:{type(exc).__name__}"] += 1
    try:
        decode_pubkey(data, kem=KEM)
    except KeystoreError:
        pass
    try:
        decoded = wire_keyfile.decode_keystore(data)
    except KeystoreError:
        return
    p = decoded.header.params
    if (p.time_cost, p.memory_kib, p.parallelism) == (1, 8192, 1) and (len(data) and data[-1] % 8 == 0):
        try:
            unseal_keystore(data, FAST_PIN, kem=KEM)
            STATS["keystore:unseal:ok"] += 1
        except KeystoreError as exc:
            STATS[f"keystore:unseal:{type(exc).__name__}"] += 1


def target_keystore_sealed(data: bytes) -> None:
    """Below the checksum: XOR the input into the salt, nonce, fingerprint and sealed seed of the real
    keystore, recompute the checksum, and unseal with the right PIN.

    Blind mutations stop at the file's checksum; this target reaches Argon2id and the AEAD. Oracle:
    any changed byte must end in WrongPin or TamperedKeystore; the file opens only if nothing changed.
    About 100 inputs a second (one Argon2id each).
    """
    from keycrypt.keystore import unseal_keystore

    ks, _ = keystore_seeds()
    d = wire_keyfile.decode_keystore(ks)
    h = d.header
    fields = bytearray(h.salt + h.nonce + h.fingerprint + d.sealed)
    changed = False
    for i, b in enumerate(data[: len(fields)]):
        fields[i] ^= b
        changed |= b != 0
    a, b_, c_ = len(h.salt), len(h.salt) + len(h.nonce), len(h.salt) + len(h.nonce) + len(h.fingerprint)
    header = wire_keyfile.encode_keystore_header(h.params, bytes(fields[:a]), bytes(fields[a:b_]), bytes(fields[b_:c_]))
    forged = wire_keyfile.encode_keystore(header, bytes(fields[c_:]))
    try:
        unseal_keystore(forged, FAST_PIN, kem=KEM)
    except KeystoreError as exc:
        STATS[f"keystore_sealed:{type(exc).__name__}"] += 1
        if not changed:
            raise OracleViolation(f"the genuine keystore did not open: {exc}") from None
        return
    STATS["keystore_sealed:opened"] += 1
    if changed:
        raise OracleViolation("a keystore with changed salt/nonce/fingerprint/sealed bytes opened")


TARGETS: dict[str, Callable[[bytes], None]] = {
    "decoder": target_decoder,
    "keypad": target_keypad,
    "client": target_client,
    "keystore": target_keystore,
    "keystore_sealed": target_keystore_sealed,
}


def seeds(target: str) -> list[bytes]:
    """A starting corpus: genuine bytes for the target, prefixed with the selector bytes where needed."""
    if target == "keystore":
        return list(keystore_seeds())
    if target == "keystore_sealed":
        return [b"", b"\x01", bytes(16) + b"\x80", bytes(64) + b"\x01", bytes(200) + b"\xff"]
    if target == "decoder":
        out: list[bytes] = []
        for snap in client_snapshots() + keypad_snapshots():
            if snap.genuine:
                out.append(snap.genuine)
        return out
    snaps = keypad_snapshots() if target == "keypad" else client_snapshots()
    out = []
    for i, snap in enumerate(snaps):
        g = snap.genuine
        out.append(bytes([i, len(g) // 2 % 256]) + g)
        out.append(bytes([i, 0]) + g + g)  # the genuine frame twice: a replay after it
    return out


__all__ = ["TARGETS", "TYPED", "OracleViolation", "seeds", "LocalUsageError"]
