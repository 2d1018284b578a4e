"""The reference implementation behind every shim-protocol operation.

``handle(request) -> answer`` is what ``keycrypt_conformance.reference_shim`` serves
over JSON lines, and what the generator records as the expected outputs.
Each operation is a small function over the reference core; the functions
are module attributes on purpose, so that the conformance mutants can wrap
them inside the shim process. See ``spec/shim-protocol.md`` for the
request and answer of every operation.
"""

from __future__ import annotations

import hashlib
from typing import Any, Callable

from keycrypt import tables
from keycrypt.constants import (
    EK_SIZE,
    FLAG_PSK,
    KEY_SIZE,
    KEYPAD_NONCE_SIZE,
    PSK_SIZE,
    SALT_SIZE,
    SEED_SIZE,
    SS_SIZE,
    FrameType,
    pings_per_epoch,
)
from keycrypt.crypto import schedule
from keycrypt.crypto.kem import get_backend
from keycrypt.errors import KeystoreError, LocalUsageError, MacFailure, PinError, ProtocolError, Reason, WrongPin
from keycrypt.machines.client import ClientConfig, ClientSession
from keycrypt.machines.device import KeypadDevice
from keycrypt.machines.keypad import ClientPolicy, KeypadSession
from keycrypt.wire import fastpath, frames
from keycrypt_conformance import rng
from keycrypt_conformance.jsonio import action_to_json, frame_from_json, frame_to_json, hx, unhex

IMPLEMENTATION = "keycrypt-reference"

# Which context each tagged frame's MAC input appends after the frame-before-tag.
MAC_CONTEXT: dict[str, str | None] = {
    "HELLO_ACK": "th",
    "PING": None,
    "PONG": "challenge",
    "REKEY": None,
    "REKEY_ACK": "rekey_salt",
}

KEYSTORE_KINDS: dict[str, str] = {
    "WrongPin": "wrong_pin",
    "NotAKeystore": "not_a_keystore",
    "TruncatedKeystore": "truncated",
    "TamperedKeystore": "tampered",
    "UnsupportedKeystore": "unsupported",
    "PinError": "bad_pin",  # keystore.seal only: keystore.open turns it into WrongPin (protocol §9, KCP1-PIN-4)
}


class BadRequest(Exception):
    """The request itself is malformed (a runner or vector bug, never a protocol outcome)."""


# --------------------------------------------------------------------------- helpers


def _b(req: dict[str, Any], name: str, size: int | None = None) -> bytes:
    if name not in req:
        raise BadRequest(f"missing {name!r}")
    value = unhex(req[name], name)
    if size is not None and len(value) != size:
        raise BadRequest(f"{name} must be {size} bytes")
    return value


def _opt_b(req: dict[str, Any], name: str, size: int) -> bytes | None:
    return None if req.get(name) is None else _b(req, name, size)


def _int(req: dict[str, Any], name: str) -> int:
    value = req.get(name)
    if not isinstance(value, int) or isinstance(value, bool):
        raise BadRequest(f"{name} must be an integer")
    return value


def _num(step: dict[str, Any], name: str = "now") -> float:
    value = step.get(name)
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise BadRequest(f"step field {name!r} must be a number")
    return float(value)


def client_kem() -> Any:
    """The client needs deterministic encapsulation (kyber-py) to replay a vector's m."""
    return get_backend("kyber-py")


def keypad_kem() -> Any:
    return get_backend("cryptography")


# --------------------------------------------------------------------------- KEM


def kem_derive(req: dict[str, Any]) -> dict[str, Any]:
    return {"ek": hx(keypad_kem().from_seed(_b(req, "seed")).ek)}


def kem_encaps(req: dict[str, Any]) -> dict[str, Any]:
    ss, ct = client_kem().encapsulate(_b(req, "ek"), _b(req, "m", 32))
    return {"ss": hx(ss), "ct": hx(ct)}


def kem_check_ek(req: dict[str, Any]) -> dict[str, Any]:
    keypad_kem().check_ek(_b(req, "ek"))
    return {}


def kem_decaps(req: dict[str, Any]) -> dict[str, Any]:
    key = keypad_kem().from_seed(_b(req, "seed", SEED_SIZE))
    return {"ss": hx(key.decapsulate(_b(req, "ct")))}


# --------------------------------------------------------------------------- key schedule


def schedule_handshake(req: dict[str, Any]) -> dict[str, Any]:
    hello_raw = _b(req, "hello")
    hello = frames.decode(hello_raw)
    if not isinstance(hello, frames.Hello):
        raise BadRequest("'hello' is not a HELLO frame")
    psk = _opt_b(req, "psk", PSK_SIZE)
    nonce = _b(req, "keypad_nonce", KEYPAD_NONCE_SIZE)
    hs = schedule.handshake(_b(req, "ss", SS_SIZE), _b(req, "ek"), hello_raw, hello.salt, psk, nonce)
    keys = schedule.EpochKeys.derive(0, hs.k0)
    return {"th": hx(hs.th), "prk": hx(hs.prk), "k0": hx(hs.k0), "c2k": hx(keys.c2k), "k2c": hx(keys.k2c)}


def schedule_rekey(req: dict[str, Any]) -> dict[str, Any]:
    epoch = _int(req, "epoch")
    if not 1 <= epoch <= 0xFFFFFFFF:
        raise BadRequest("epoch (the new epoch's number) must be 1..2^32-1")
    keys = schedule.EpochKeys.derive(epoch - 1, _b(req, "key", KEY_SIZE)).next(_b(req, "salt", SALT_SIZE))
    return {"key": hx(keys.key), "c2k": hx(keys.c2k), "k2c": hx(keys.k2c)}


# --------------------------------------------------------------------------- frames and tags


def frame_encode(req: dict[str, Any]) -> dict[str, Any]:
    return {"frame": hx(frames.encode(frame_from_json(req.get("fields"))))}


def frame_decode(req: dict[str, Any]) -> dict[str, Any]:
    raw = _b(req, "frame")
    if len(raw) >= 4 and raw[3] == FrameType.PING:  # the keypad's hot path, as KeypadSession does
        frame: frames.Frame = frames.Ping(*fastpath.decode_ping(raw))
    else:
        frame = frames.decode(raw)
    return {"fields": frame_to_json(frame)}


def mac_input(frame: frames.Frame, context: bytes) -> bytes:
    """Frame-before-tag || context: the exact bytes a tag covers."""
    return frames.encode_prefix(frame) + context


def _context(req: dict[str, Any], frame_type: str) -> bytes:
    need = MAC_CONTEXT.get(frame_type, "?")
    if need == "?":
        raise BadRequest(f"{frame_type} carries no tag")
    ctx = req.get("context")
    if need is None:
        if ctx is not None:
            raise BadRequest(f"{frame_type} tags take no context")
        return b""
    if ctx is None:
        raise BadRequest(f"{frame_type} tags need the context {need}")
    return unhex(ctx, "context")


def mac_sign(req: dict[str, Any]) -> dict[str, Any]:
    frame = frame_from_json(req.get("fields"), with_tag=False)
    data = mac_input(frame, _context(req, frame.type.name))
    tag = schedule.mac(_b(req, "key", KEY_SIZE), data)
    return {"frame": hx(frames.encode_prefix(frame) + tag), "tag": hx(tag), "mac_input": hx(data)}


def mac_verify(req: dict[str, Any]) -> dict[str, Any]:
    raw = _b(req, "frame")
    frame = frames.decode(raw)
    context = _context(req, frame.type.name)
    prefix, tag = frames.split_tag(raw)
    if not schedule.verify(_b(req, "key", KEY_SIZE), tag, prefix, context):
        raise MacFailure(f"{frame.type.name} tag does not verify", field="tag")
    return {}


# --------------------------------------------------------------------------- keystore


def keystore_open(req: dict[str, Any]) -> dict[str, Any]:
    from keycrypt.keystore import unseal_keystore

    pin = req.get("pin")
    if not isinstance(pin, str):
        raise BadRequest("pin must be a string")
    try:
        opened = unseal_keystore(_b(req, "file"), pin, kem=keypad_kem())
    except PinError:
        # the file's checks passed (steps 1-6 of §8); a PIN that breaks §9 never sealed it (KCP1-PIN-4)
        raise WrongPin("this PIN breaks the PIN rules, so it cannot be the file's PIN") from None
    return {"seed": hx(opened.seed), "fingerprint": hx(opened.fingerprint)}


def pubkey_read(req: dict[str, Any]) -> dict[str, Any]:
    from keycrypt.keystore import decode_pubkey, fingerprint

    ek = decode_pubkey(_b(req, "file"), kem=keypad_kem())
    return {"fingerprint": hx(fingerprint(ek))}


def pubkey_write(req: dict[str, Any]) -> dict[str, Any]:
    from keycrypt.keystore import encode_pubkey

    return {"file": hx(encode_pubkey(_b(req, "ek", EK_SIZE), kem=keypad_kem(), text=True))}


def keystore_seal(req: dict[str, Any]) -> dict[str, Any]:
    from keycrypt.keystore import seal_keystore
    from keycrypt.wire.keyfile import Argon2Params

    params = Argon2Params(_int(req, "t_cost"), _int(req, "m_cost_kib"), _int(req, "parallelism"))
    pin = req.get("pin")
    if not isinstance(pin, str):
        raise BadRequest("pin must be a string")
    data = seal_keystore(
        _b(req, "seed", SEED_SIZE), pin, salt=_b(req, "salt"), nonce=_b(req, "nonce"), params=params, kem=keypad_kem()
    )
    return {"file": hx(data)}


# --------------------------------------------------------------------------- machines


def machine_step(req: dict[str, Any]) -> dict[str, Any]:
    """Abstract table walk: follow ``path`` from the initial state, then report the row of ``event``."""
    name = req.get("machine")
    if name not in tables.MACHINES:
        raise BadRequest(f"unknown machine {name!r}")
    table = tables.load(name)
    state = table.initial
    for event in [*req.get("path", []), req.get("event")]:
        if event not in table.events:
            raise BadRequest(f"unknown event {event!r} of {name}")
    for event in req.get("path", []):
        state = table.row(state, event).next
    row = table.row(state, req["event"])
    return {"state": state, "next": row.next, "actions": list(row.actions), "reason": row.reason}


def _policy(setup: dict[str, Any]) -> ClientPolicy:
    psks = setup.get("psks") or {}
    if not isinstance(psks, dict):
        raise BadRequest("psks must map client ids to hex psks")
    return ClientPolicy(
        psks={cid: unhex(v, f"psks[{cid}]") for cid, v in psks.items()},
        require_enrolled=bool(setup.get("require_enrolled", False)),
    )


def make_client(setup: dict[str, Any], random: Callable[[int], bytes]) -> ClientSession:
    cfg = ClientConfig(
        ek=_b(setup, "ek"),
        client_id=setup["client_id"],
        psk=_opt_b(setup, "psk", PSK_SIZE),
        rekey_log2=_int(setup, "rekey_log2"),
        response_deadline=float(setup["response_deadline"]),
    )
    return ClientSession(cfg, kem=client_kem(), random=random)


def make_keypad(setup: dict[str, Any], random: Callable[[int], bytes]) -> KeypadSession:
    key = keypad_kem().from_seed(_b(setup, "seed", SEED_SIZE))
    return KeypadSession(
        key,
        random=random,
        policy=_policy(setup),
        idle_timeout=float(setup["idle_timeout"]),
        hello_timeout=float(setup["hello_timeout"]),
    )


def _client_step(s: ClientSession, step: dict[str, Any]) -> list[Any]:
    kind, now = step.get("input"), _num(step)
    if kind == "start":
        grace = step.get("boot_grace")
        return s.start(now, None if grace is None else float(grace))
    if kind == "data":
        return s.receive_data(_b(step, "data"), now)
    handler = {"connected": s.connected, "connect_failed": s.connect_failed, "tick": s.tick, "timer": s.timer,
               "eof": s.eof, "stop": s.stop}.get(kind)  # type: ignore[arg-type]
    if handler is None:
        raise BadRequest(f"unknown client input {kind!r}")
    return handler(now)


def _keypad_step(s: KeypadSession, step: dict[str, Any]) -> list[Any]:
    kind, now = step.get("input"), _num(step)
    if kind == "start":
        return s.start(now)
    if kind == "data":
        return s.receive_data(_b(step, "data"), now, _int(step, "status"))
    if kind == "timer":
        return s.timer(now)
    if kind == "eof":
        return s.eof(now)
    if kind == "drop":
        return s.drop(Reason(step["reason"]), now)
    raise BadRequest(f"unknown keypad input {kind!r}")


def _run(machine: Any, stepper: Callable[[Any, dict[str, Any]], list[Any]], steps: Any) -> dict[str, Any]:
    if not isinstance(steps, list):
        raise BadRequest("steps must be a list")
    out = []
    for step in steps:
        actions = stepper(machine, step)
        out.append({"state": machine.state, "actions": [action_to_json(a) for a in actions]})
    return {"steps": out}


def _session(req: dict[str, Any], load: dict[str, Any] | None) -> dict[str, Any]:
    role, setup = req.get("role"), req.get("setup") or {}
    if role == "client":
        s: Any = make_client(setup, rng.ReplayRandom(_b(setup, "random")))
        stepper: Any = _client_step
    elif role == "keypad":
        s = make_keypad(setup, rng.ReplayRandom(_b(setup, "random")))
        stepper = _keypad_step
    else:
        raise BadRequest("role must be 'client' or 'keypad'")
    if load is not None:
        load_state(s, load)
    return _run(s, stepper, req.get("steps"))


def load_state(s: ClientSession | KeypadSession, load: dict[str, Any]) -> None:
    """Place a fresh session in the middle of an epoch: keys K_e of ``epoch``, next PING ``counter``."""
    epoch, counter = _int(load, "epoch"), _int(load, "counter")
    keys = schedule.EpochKeys.derive(epoch, _b(load, "key", KEY_SIZE))
    if isinstance(s, ClientSession):
        if not 0 <= counter < pings_per_epoch(s.config.rekey_log2):
            raise BadRequest("counter outside the epoch")
        s.state, s.keys, s.counter = "IDLE", keys, counter
    else:
        log2 = _int(load, "rekey_log2")
        if not 0 <= counter < pings_per_epoch(log2):
            raise BadRequest("counter outside the epoch")
        s.state, s.keys, s.expected = "ESTABLISHED", keys, counter
        s.rekey_log2, s._last, s.client_id = log2, pings_per_epoch(log2) - 1, load["client_id"]


def session_run(req: dict[str, Any]) -> dict[str, Any]:
    return _session(req, None)


def session_load(req: dict[str, Any]) -> dict[str, Any]:
    if not isinstance(req.get("load"), dict):
        raise BadRequest("session.load needs a 'load' object")
    return _session(req, req["load"])


def machine_run(req: dict[str, Any]) -> dict[str, Any]:
    """The keypad device machine driven by concrete inputs."""
    if req.get("machine") != "keypad_device":
        raise BadRequest("machine.run drives the keypad_device machine")
    setup = req.get("setup") or {}
    dev = KeypadDevice(
        failures=_int(setup, "failures"),
        locked_until=float(setup["locked_until"]),
        shown_failures=_int(setup, "shown_failures") if "shown_failures" in setup else None,
        shown_until=float(setup["shown_until"]) if "shown_until" in setup else None,
    )
    out = []
    for step in req.get("steps", []):
        kind, now = step.get("input"), _num(step)
        if kind == "pin":
            window = step.get("window")
            intent = step.get("intent", "toggle")
            if intent not in ("toggle", "arm", "disarm"):
                raise BadRequest(f"unknown PIN intent {intent!r}")
            actions = dev.pin(step["result"], now, window=None if window is None else float(window), intent=intent)
        elif kind in ("arm", "breach", "window_expired", "lockdown_order"):
            actions = getattr(dev, kind)(now)
        else:
            raise BadRequest(f"unknown device input {kind!r}")
        out.append({"state": dev.state, "status": dev.status, "actions": [action_to_json(a) for a in actions]})
    return {"steps": out}


# --------------------------------------------------------------------------- accumulated vector


def accumulate_size(exchanges: int, rekey_log2: int) -> int:
    """Random bytes the accumulated run draws: HELLO 80, the keypad nonce 32, each PING 32, each REKEY 16."""
    return 80 + KEYPAD_NONCE_SIZE + 32 * exchanges + 16 * (exchanges // pings_per_epoch(rekey_log2))


def session_accumulate(req: dict[str, Any]) -> dict[str, Any]:
    """SHA-256 over every frame of a long deterministic session (the lean path of spec/shim-protocol.md)."""
    n, log2 = _int(req, "exchanges"), _int(req, "rekey_log2")
    statuses = req.get("statuses")
    if not isinstance(statuses, list) or not statuses or any(s not in (0, 1) for s in statuses):
        raise BadRequest("statuses must be a non-empty list of 0 (ARMED) and 1 (DISARMED)")
    psk = _opt_b(req, "psk", PSK_SIZE)
    ek = keypad_kem().from_seed(_b(req, "seed", SEED_SIZE)).ek
    rnd = rng.xof_random(_b(req, "random_seed"), accumulate_size(n, log2))
    ss, ct = client_kem().encapsulate(ek, rnd(32))
    challenge, salt = rnd(32), rnd(16)
    hello = frames.encode(frames.Hello(FLAG_PSK if psk else 0, log2, req["client_id"], ct, challenge, salt))
    nonce = rnd(KEYPAD_NONCE_SIZE)
    hs = schedule.handshake(ss, ek, hello, salt, psk, nonce)
    keys = schedule.EpochKeys.derive(0, hs.k0)
    h = hashlib.sha256(hello)
    ack = frames.encode_prefix(frames.HelloAck(0, nonce))
    h.update(ack + schedule.mac(keys.k2c, ack, hs.th))
    per_epoch, counter, mac = pings_per_epoch(log2), 0, schedule.mac
    rekey_prefix, rekey_ack_prefix = frames.encode_prefix(frames.Rekey(bytes(SALT_SIZE))), frames.encode_prefix(frames.RekeyAck())
    rekey_prefix = rekey_prefix[: -SALT_SIZE]  # header only; the salt follows
    for i in range(n):
        challenge = rnd(32)
        ping = fastpath.ping_prefix(counter, challenge)
        pong = fastpath.pong_prefix(counter, statuses[i % len(statuses)])
        h.update(ping + mac(keys.c2k, ping) + pong + mac(keys.k2c, pong, challenge))
        counter += 1
        if counter == per_epoch:
            salt = rnd(16)
            rk = rekey_prefix + salt
            h.update(rk + mac(keys.c2k, rk))
            keys = keys.next(salt)
            h.update(rekey_ack_prefix + mac(keys.k2c, rekey_ack_prefix, salt))
            counter = 0
    return {"digest": h.hexdigest()}


# --------------------------------------------------------------------------- dispatch


OPERATIONS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "kem.derive": kem_derive,
    "kem.encaps": kem_encaps,
    "kem.check_ek": kem_check_ek,
    "kem.decaps": kem_decaps,
    "schedule.handshake": schedule_handshake,
    "schedule.rekey": schedule_rekey,
    "frame.encode": frame_encode,
    "frame.decode": frame_decode,
    "mac.sign": mac_sign,
    "mac.verify": mac_verify,
    "keystore.open": keystore_open,
    "keystore.seal": keystore_seal,
    "pubkey.read": pubkey_read,
    "pubkey.write": pubkey_write,
    "machine.step": machine_step,
    "machine.run": machine_run,
    "session.run": session_run,
    "session.load": session_load,
    "session.accumulate": session_accumulate,
}


def capabilities() -> dict[str, Any]:
    return {"implementation": IMPLEMENTATION, "protocol": "KCP/1", "operations": sorted(OPERATIONS)}


def handle(req: dict[str, Any]) -> dict[str, Any]:
    """One answer: ``{"result": {...}}``, ``{"error": outcome, "field": ...}`` or ``{"unimplemented": true}``."""
    op = req.get("op")
    if op == "capabilities":
        return {"result": capabilities()}
    fn = OPERATIONS.get(op)  # type: ignore[arg-type]
    if fn is None:
        return {"unimplemented": True}
    try:
        return {"result": fn(req)}
    except ProtocolError as exc:
        return {"error": exc.reason.value, "field": exc.field}
    except (KeystoreError, PinError) as exc:
        return {"error": Reason.KEYSTORE_ERROR.value, "field": KEYSTORE_KINDS.get(type(exc).__name__, "other")}
    except (BadRequest, LocalUsageError, KeyError, TypeError, ValueError, rng.ReplayExhausted) as exc:
        return {"error": "bad_request", "message": f"{type(exc).__name__}: {exc}"}
