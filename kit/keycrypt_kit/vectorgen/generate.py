"""Generate every vector file in memory, write them, or check the committed ones byte for byte."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

from keycrypt_kit.checkout import repo_root
from keycrypt_vectors import BINARY_FILES, VECTOR_FILES

SCHEMA_NAME = "vectors.schema.json"


def _builders() -> dict[str, Callable[[], dict[str, Any]]]:
    from keycrypt_kit.vectorgen import gen_crypto, gen_keystore, gen_machines, gen_wire

    return {
        "kem.json": gen_crypto.kem_file,
        "key_schedule.json": gen_crypto.schedule_file,
        "wire.json": gen_wire.wire_file,
        "mac.json": gen_crypto.mac_file,
        "keystore.json": gen_keystore.keystore_file,
        "state_machines.json": gen_machines.state_machines_file,
        "sessions.json": gen_machines.sessions_file,
    }


def dumps(obj: Any) -> bytes:
    """The one serialization of a vector file: stable key order, ASCII only, one trailing newline."""
    return (json.dumps(obj, indent=1, ensure_ascii=True) + "\n").encode("ascii")


def generate_all(only: list[str] | None = None) -> dict[str, bytes]:
    """file name -> exact bytes, for every vector file, the binary test material and the schema."""
    from keycrypt_kit.vectorgen import gen_keystore
    from keycrypt_kit.vectorgen.schema import build_schema

    out: dict[str, bytes] = {}
    for name, build in _builders().items():
        if only is None or name in only:
            out[name] = dumps(build())
    if only is None:
        out["keypad_test_keystore.bin"] = gen_keystore.test_keystore()
        out["keypad_test_pubkey.bin"] = gen_keystore.test_pubkey()
        out[SCHEMA_NAME] = dumps(build_schema())
    assert set(VECTOR_FILES) | set(BINARY_FILES) | {SCHEMA_NAME} >= set(out)
    return out


def default_vectors_dir() -> Path:
    """The checkout's vectors/ (never an installed copy: the generator writes into a clone)."""
    return repo_root() / "vectors"


def default_schema_path() -> Path:
    return repo_root() / "spec" / SCHEMA_NAME


def target(name: str, vectors_dir: Path, schema_path: Path) -> Path:
    return schema_path if name == SCHEMA_NAME else vectors_dir / name


def validate(files: dict[str, bytes], schema: dict[str, Any] | None = None) -> list[str]:
    """Schema problems of the JSON vector files, as 'file: path: message' lines."""
    import jsonschema

    if schema is None:
        schema = json.loads(files[SCHEMA_NAME]) if SCHEMA_NAME in files else json.loads(
            default_schema_path().read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    for name, data in files.items():
        if name in VECTOR_FILES:
            for err in sorted(validator.iter_errors(json.loads(data)), key=lambda e: list(e.absolute_path))[:5]:
                where = "/".join(str(p) for p in err.absolute_path)
                problems.append(f"{name}: {where}: {err.message[:300]}")
    return problems


def first_difference(name: str, want: bytes, have: bytes) -> str:
    """Say where a committed file differs from its regeneration: the first differing case if it is JSON."""
    if not name.endswith(".json") or name == SCHEMA_NAME:
        return f"{name}: differs from its regeneration"
    try:
        w, h = json.loads(want), json.loads(have)
    except ValueError:
        return f"{name}: is not valid JSON"
    for key in ("algorithm", "schema", "generatorVersion", "numberOfTests", "header", "notes"):
        if w.get(key) != h.get(key):
            return f"{name}: top-level {key!r} differs"
    wt = [t for g in w.get("testGroups", []) for t in g.get("tests", [])]
    ht = [t for g in h.get("testGroups", []) for t in g.get("tests", [])]
    for a, b in zip(wt, ht, strict=False):  # a length difference is reported below
        if a != b:
            return f"{name}: first differing case tcId {a.get('tcId')} ({a.get('id')})"
    if len(wt) != len(ht):
        return f"{name}: {len(ht)} cases committed, {len(wt)} generated"
    for i, (ga, gb) in enumerate(zip(w.get("testGroups", []), h.get("testGroups", []), strict=False)):
        if {k: v for k, v in ga.items() if k != "tests"} != {k: v for k, v in gb.items() if k != "tests"}:
            return f"{name}: group {i} ({ga.get('operation')}) parameters differ"
    return f"{name}: differs in formatting only (regenerate it)"
