"""Build ``spec/vectors.schema.json`` (JSON Schema draft 2020-12) from the protocol constants.

The schema is generated so that every byte length comes from
``spec/constants.toml``; ``keycrypt-vectors check`` fails if the committed
schema drifts from this definition, as it does for the vector files.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from keycrypt import tables
from keycrypt.constants import (
    CHALLENGE_SIZE,
    CT_SIZE,
    EK_SIZE,
    FINGERPRINT_SIZE,
    HEADER_SIZE,
    KEY_SIZE,
    KEYPAD_NONCE_SIZE,
    PSK_SIZE,
    PUBKEY_READ_LIMIT,
    SALT_SIZE,
    SEED_SIZE,
    SS_SIZE,
    TAG_SIZE,
    FrameType,
)
from keycrypt.errors import Reason
from keycrypt.machines import actions as A
from keycrypt.wire.frames import BODY_BOUNDS, MAX_FRAME_SIZE
from keycrypt.wire.keyfile import KEYSTORE_FILE_LEN
from keycrypt_conformance.jsonio import _snake
from keycrypt_vectors import SCHEMA_VERSION

SCHEMA_ID = "https://keycrypt.example/spec/vectors.schema.json"


def hexn(n: int) -> dict[str, Any]:
    """Exactly n bytes as lowercase hex."""
    return {"type": "string", "pattern": f"^[0-9a-f]{{{2 * n}}}$"}


def hexrange(lo: int, hi: int | None = None) -> dict[str, Any]:
    return {"type": "string", "pattern": f"^([0-9a-f]{{2}}){{{lo},{'' if hi is None else hi}}}$"}


HEX_ANY = hexrange(0)
U8 = {"type": "integer", "minimum": 0, "maximum": 255}
U32 = {"type": "integer", "minimum": 0, "maximum": 0xFFFFFFFF}
NUM = {"type": "number"}
NULLABLE = lambda s: {"anyOf": [s, {"type": "null"}]}  # noqa: E731


def dispatch(key: str, variants: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """One of several shapes chosen by the value of ``key`` (cheaper and clearer than oneOf)."""
    return {
        "type": "object",
        "required": [key],
        "properties": {key: {"enum": list(variants)}},
        "allOf": [{"if": {"properties": {key: {"const": k}}}, "then": v} for k, v in variants.items()],
    }


def obj(props: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    return {"type": "object", "properties": props, "required": required if required is not None else list(props),
            "additionalProperties": False}


def frame_fields() -> dict[str, Any]:
    tag = hexn(TAG_SIZE)
    per_type = {
        FrameType.HELLO: {"flags": U8, "rekey_log2": U8, "client_id": {"type": "string"}, "ct": hexn(CT_SIZE),
                          "challenge": hexn(CHALLENGE_SIZE), "salt": hexn(SALT_SIZE)},
        FrameType.HELLO_ACK: {"status": U8, "nonce": hexn(KEYPAD_NONCE_SIZE), "tag": tag},
        FrameType.PING: {"counter": U32, "challenge": hexn(CHALLENGE_SIZE), "tag": tag},
        FrameType.PONG: {"counter": U32, "status": U8, "tag": tag},
        FrameType.REKEY: {"salt": hexn(SALT_SIZE), "tag": tag},
        FrameType.REKEY_ACK: {"tag": tag},
    }
    return dispatch("type", {ft.name: obj({"type": {"const": ft.name}, **props},
                                          ["type", *[k for k in props if k != "tag"]])
                             for ft, props in per_type.items()})


def action_schema() -> dict[str, Any]:
    kinds = {"bytes": HEX_ANY, "Reason": {"enum": [r.value for r in Reason]}, "float": NUM, "int": {"type": "integer"},
             "str": {"type": "string"}, "bool": {"type": "boolean"}, "int | None": NULLABLE({"type": "integer"})}
    variants: dict[str, dict[str, Any]] = {}
    for name in dir(A):
        cls = getattr(A, name)
        if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)):
            continue
        props: dict[str, Any] = {"action": {"const": _snake(cls.__name__)}}
        for f in dataclasses.fields(cls):
            if f.name != "detail":
                props[f.name] = kinds[str(f.type)]
        variants[_snake(cls.__name__)] = obj(props)
    return dispatch("action", variants)


def _steps(step_in: dict[str, Any], step_out: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    return {"type": "array", "items": step_in}, obj({"steps": {"type": "array", "items": step_out}})


CLIENT_SETUP = obj({"ek": hexn(EK_SIZE), "client_id": {"type": "string", "minLength": 1}, "psk": NULLABLE(hexn(PSK_SIZE)),
                    "rekey_log2": U8, "response_deadline": NUM, "random": HEX_ANY})
KEYPAD_SETUP = obj({"seed": hexn(SEED_SIZE), "psks": {"type": "object", "additionalProperties": hexn(PSK_SIZE)},
                    "require_enrolled": {"type": "boolean"}, "idle_timeout": NUM, "hello_timeout": NUM,
                    "random": HEX_ANY})
SESSION_STEP = {
    "type": "object",
    "properties": {"input": {"enum": ["start", "connected", "connect_failed", "tick", "timer", "eof", "stop", "data",
                                      "drop"]},
                   "now": NUM, "data": HEX_ANY, "status": U8, "boot_grace": NULLABLE(NUM),
                   "reason": {"enum": [r.value for r in Reason]}},
    "required": ["input", "now"],
    "additionalProperties": False,
}
LOAD = obj({"epoch": U32, "key": hexn(KEY_SIZE), "counter": U32, "rekey_log2": U8, "client_id": {"type": "string"}})
DEVICE_STEP = {
    "type": "object",
    "properties": {"input": {"enum": ["pin", "arm", "breach", "window_expired", "lockdown_order"]}, "now": NUM,
                   "result": {"enum": ["ok", "wrong", "duress"]}, "intent": {"enum": ["toggle", "arm", "disarm"]},
                   "window": NULLABLE(NUM)},
    "required": ["input", "now"],
    "additionalProperties": False,
}


def operations() -> dict[str, tuple[dict[str, Any], list[str], dict[str, Any] | None]]:
    """operation -> (input properties, inputs a test must carry itself, output schema or None)."""
    th, key = hexn(32), hexn(KEY_SIZE)
    frame_hex = hexrange(0, MAX_FRAME_SIZE + 64)
    states = sorted({s for m in tables.MACHINES for s in tables.load(m).states})
    events = sorted({e for m in tables.MACHINES for e in tables.load(m).events})
    acts = sorted({a for m in tables.MACHINES for a in tables.load(m).actions})
    session_step_out = obj({"state": {"enum": states}, "actions": {"type": "array", "items": {"$ref": "#/$defs/action"}}})
    device_step_out = obj({"state": {"enum": states}, "status": NULLABLE(U8),
                           "actions": {"type": "array", "items": {"$ref": "#/$defs/action"}}})
    s_in, s_out = _steps(SESSION_STEP, session_step_out)
    d_in, d_out = _steps(DEVICE_STEP, device_step_out)
    hello_hex = hexrange(6 + BODY_BOUNDS[FrameType.HELLO][0], 6 + BODY_BOUNDS[FrameType.HELLO][1])
    session_in = {"role": {"enum": ["client", "keypad"]}, "setup": {"anyOf": [CLIENT_SETUP, KEYPAD_SETUP]},
                  "steps": s_in}
    return {
        "kem.derive": ({"seed": HEX_ANY}, ["seed"], obj({"ek": hexn(EK_SIZE)})),
        "kem.encaps": ({"ek": HEX_ANY, "m": hexn(32)}, ["ek", "m"], obj({"ss": hexn(SS_SIZE), "ct": hexn(CT_SIZE)})),
        "kem.check_ek": ({"ek": HEX_ANY}, ["ek"], obj({})),
        "kem.decaps": ({"seed": hexn(SEED_SIZE), "ct": HEX_ANY}, ["ct"], obj({"ss": hexn(SS_SIZE)})),
        "schedule.handshake": ({"ss": hexn(SS_SIZE), "ek": hexn(EK_SIZE), "hello": hello_hex,
                                "psk": NULLABLE(hexn(PSK_SIZE)), "keypad_nonce": hexn(KEYPAD_NONCE_SIZE)},
                               ["ss", "ek", "hello", "psk", "keypad_nonce"],
                               obj({"th": th, "prk": key, "k0": key, "c2k": key, "k2c": key})),
        "schedule.rekey": ({"key": key, "salt": hexn(SALT_SIZE), "epoch": U32}, ["key", "salt", "epoch"],
                           obj({"key": key, "c2k": key, "k2c": key})),
        "frame.encode": ({"fields": {"$ref": "#/$defs/frameFields"}}, ["fields"], obj({"frame": frame_hex})),
        # a decode input may declare the largest body a u16 length can (a bad-length case with that many bytes)
        "frame.decode": ({"frame": hexrange(0, HEADER_SIZE + 0xFFFF)}, ["frame"], obj({"fields": {"$ref": "#/$defs/frameFields"}})),
        "mac.sign": ({"key": key, "fields": {"$ref": "#/$defs/frameFields"},
                      "context": NULLABLE({"anyOf": [hexn(32), hexn(SALT_SIZE)]})}, ["key", "fields", "context"],
                     obj({"frame": frame_hex, "tag": hexn(TAG_SIZE), "mac_input": frame_hex})),
        "mac.verify": ({"key": key, "frame": frame_hex, "context": NULLABLE({"anyOf": [hexn(32), hexn(SALT_SIZE)]})},
                       ["key", "frame", "context"], obj({})),
        "keystore.open": ({"file": hexrange(0, 2 * KEYSTORE_FILE_LEN + 2048), "pin": {"type": "string"}},
                          ["file", "pin"], obj({"seed": hexn(SEED_SIZE), "fingerprint": hexn(FINGERPRINT_SIZE)})),
        "keystore.seal": ({"seed": hexn(SEED_SIZE), "pin": {"type": "string"}, "salt": hexn(16), "nonce": hexn(24),
                           "t_cost": U32, "m_cost_kib": U32, "parallelism": U8},
                          ["seed", "pin", "salt", "nonce", "t_cost", "m_cost_kib", "parallelism"],
                          obj({"file": hexn(KEYSTORE_FILE_LEN)})),
        "pubkey.read": ({"file": hexrange(0, PUBKEY_READ_LIMIT)}, ["file"], obj({"fingerprint": hexn(FINGERPRINT_SIZE)})),
        "pubkey.write": ({"ek": hexn(EK_SIZE)}, ["ek"], obj({"file": HEX_ANY})),
        "machine.step": ({"machine": {"enum": list(tables.MACHINES)}, "path": {"type": "array",
                                                                              "items": {"enum": events}},
                          "event": {"enum": events}}, ["path", "event"],
                         obj({"state": {"enum": states}, "next": {"enum": states},
                              "actions": {"type": "array", "items": {"enum": acts}},
                              "reason": NULLABLE({"type": "string"})})),
        "machine.run": ({"machine": {"const": "keypad_device"},
                         "setup": obj({"failures": {"type": "integer", "minimum": 0}, "locked_until": NUM,
                                       "shown_failures": {"type": "integer", "minimum": 0}, "shown_until": NUM},
                                      ["failures", "locked_until"]),
                         "steps": d_in}, ["steps"], d_out),
        "session.run": (session_in, ["steps"], s_out),
        "session.load": ({**session_in, "load": LOAD}, ["role", "setup", "steps", "load"], s_out),
        "session.accumulate": ({"seed": hexn(SEED_SIZE), "client_id": {"type": "string"}, "psk": NULLABLE(hexn(PSK_SIZE)),
                                "rekey_log2": U8, "exchanges": {"type": "integer", "minimum": 1},
                                "statuses": {"type": "array", "minItems": 1, "items": {"enum": [0, 1]}},
                                "random_seed": HEX_ANY},
                               ["client_id", "psk", "rekey_log2", "exchanges", "statuses", "random_seed"],
                               obj({"digest": hexn(32)})),
    }


def _group(op: str, props: dict[str, Any], required: list[str], output: dict[str, Any] | None) -> dict[str, Any]:
    test = {
        "type": "object",
        "properties": {
            "tcId": {"type": "integer", "minimum": 1},
            "id": {"type": "string", "pattern": r"^[A-Za-z0-9_./^+-]+$"},
            "comment": {"type": "string"},
            "flags": {"type": "array", "items": {"type": "string", "pattern": "^[A-Z][A-Za-z0-9]*$"},
                      "uniqueItems": True},
            "requirements": {"type": "array", "minItems": 1, "uniqueItems": True,
                             "items": {"type": "string", "pattern": r"^KCP1-[A-Z]+-[0-9]+$"},
                             "description": "The spec's requirement ids (spec/*.md, **[KCP1-AREA-N]**) the case checks."},
            "input": {"type": "object", "properties": props, "required": required, "additionalProperties": False},
            "output": output or {"type": "object"},
            "result": {"enum": ["valid", "invalid"]},
            "outcome": {"enum": [r.value for r in Reason]},
            "field": {"type": "string"},
            "rows": {"type": "array", "items": {"type": "array", "prefixItems": [{"type": "string"}, {"type": "string"}],
                                                 "minItems": 2, "maxItems": 2}},
        },
        "required": ["tcId", "id", "comment", "flags", "requirements", "input", "result"],
        "additionalProperties": False,
        "if": {"properties": {"result": {"const": "invalid"}}},
        "then": {"required": ["outcome"], "properties": {"flags": {"minItems": 1}}},
        "else": {"required": ["output"], "not": {"required": ["outcome"]}},
    }
    return {
        "type": "object",
        "properties": {
            "operation": {"const": op},
            "comment": {"type": "string"},
            "input": {"type": "object", "properties": props, "additionalProperties": False},
            "tests": {"type": "array", "minItems": 1, "items": test},
        },
        "required": ["operation", "comment", "tests"],
        "additionalProperties": False,
    }


def build_schema() -> dict[str, Any]:
    groups = {op: _group(op, *spec) for op, spec in operations().items()}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "KCP/1 test vector file",
        "description": "Generated by keycrypt_kit.vectorgen.schema; byte lengths are exact lowercase hex patterns.",
        "type": "object",
        "properties": {
            "algorithm": {"type": "string"},
            "schema": {"const": SCHEMA_VERSION},
            "generatorVersion": {"type": "string", "pattern": r"^\d+\.\d+\.\d+$"},
            "numberOfTests": {"type": "integer", "minimum": 1},
            "header": {"type": "array", "items": {"type": "string"}},
            "notes": {"type": "object", "additionalProperties": obj({"bugType": {"type": "string"},
                                                                    "description": {"type": "string"}})},
            "testGroups": {"type": "array", "minItems": 1,
                           "items": dispatch("operation", {op: {"$ref": f"#/$defs/group/{op}"} for op in groups})},
        },
        "required": ["algorithm", "schema", "generatorVersion", "numberOfTests", "header", "notes", "testGroups"],
        "additionalProperties": False,
        "$defs": {"frameFields": frame_fields(), "action": action_schema(), "group": groups},
    }
