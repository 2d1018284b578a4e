"""The vector files: reproducible byte for byte, valid against the schema, and saying what they claim."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from keycrypt import tables
from keycrypt.crypto.kem import get_backend
from keycrypt.errors import Reason
from keycrypt.keystore import decode_pubkey, unseal_keystore
from keycrypt_conformance import reference
from keycrypt_kit.vectorgen import cli
from keycrypt_kit.vectorgen import material as M
from keycrypt_kit.vectorgen.gen_machines import accumulate_with_machines
from keycrypt_kit.vectorgen.generate import SCHEMA_NAME, default_schema_path, default_vectors_dir, first_difference, generate_all, validate
from keycrypt_vectors import BINARY_FILES, OUTCOMES, VECTOR_FILES

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def generated() -> dict[str, bytes]:
    return generate_all()


def committed(name: str) -> bytes:
    return (default_schema_path() if name == SCHEMA_NAME else default_vectors_dir() / name).read_bytes()


def load(name: str) -> dict[str, Any]:
    return json.loads((default_vectors_dir() / name).read_text())


def all_tests(name: str) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [(g, t) for g in load(name)["testGroups"] for t in g["tests"]]


@pytest.mark.slow
def test_committed_files_match_their_regeneration(generated: dict[str, bytes]) -> None:
    assert set(generated) == set(VECTOR_FILES) | set(BINARY_FILES) | {SCHEMA_NAME}
    for name, data in generated.items():
        assert committed(name) == data, first_difference(name, data, committed(name))


@pytest.mark.slow
def test_regenerating_gives_identical_bytes(generated: dict[str, bytes]) -> None:
    again = generate_all()
    assert again == generated


@pytest.mark.slow
def test_schema_accepts_every_committed_file() -> None:
    files = {name: committed(name) for name in VECTOR_FILES}
    assert validate(files, json.loads(committed(SCHEMA_NAME))) == []


@pytest.mark.parametrize("change, where", [
    (lambda d: d["testGroups"][0]["tests"][0]["output"].__setitem__("tag", "ab" * 31), "tag"),
    (lambda d: d["testGroups"][0]["tests"][0]["output"].__setitem__("tag", "AB" * 32), "tag"),
    (lambda d: d["testGroups"][1]["tests"][-1].__setitem__("flags", []), "flags"),
    (lambda d: d["testGroups"][1]["tests"][-1].pop("outcome"), "outcome"),
    (lambda d: d["testGroups"][1]["tests"][-1].__setitem__("outcome", "mac_error"), "outcome"),
    (lambda d: d["testGroups"][0]["tests"][0]["input"].__setitem__("expected", "00"), "expected"),
    (lambda d: d["testGroups"][0].__setitem__("operation", "mac.forge"), "operation"),
])
def test_schema_rejects_a_broken_file(change: Any, where: str) -> None:
    data = load("mac.json")
    change(data)
    problems = validate({"mac.json": json.dumps(data).encode()}, json.loads(committed(SCHEMA_NAME)))
    assert problems, f"the schema let a broken {where} through"


def test_schema_pins_exact_byte_lengths() -> None:
    schema = json.loads(committed(SCHEMA_NAME))
    ops = schema["$defs"]["group"]
    out = ops["kem.encaps"]["properties"]["tests"]["items"]["properties"]["output"]["properties"]
    assert out["ct"]["pattern"] == "^[0-9a-f]{2176}$" and out["ss"]["pattern"] == "^[0-9a-f]{64}$"
    assert ops["schedule.handshake"]["properties"]["tests"]["items"]["properties"]["output"]["properties"]["k0"][
        "pattern"] == "^[0-9a-f]{64}$"


def test_every_case_is_well_formed() -> None:
    for name in VECTOR_FILES:
        data = load(name)
        ids = [t["id"] for _, t in all_tests(name)]
        assert len(ids) == len(set(ids)) == data["numberOfTests"], name
        assert [t["tcId"] for _, t in all_tests(name)] == list(range(1, len(ids) + 1))
        for _, t in all_tests(name):
            assert set(t["flags"]) <= set(data["notes"]), (name, t["id"])
            if t["result"] == "invalid":
                assert t["flags"] and t["outcome"], (name, t["id"])
            else:
                assert "output" in t and "outcome" not in t, (name, t["id"])


def test_every_table_row_is_a_case() -> None:
    steps = {t["id"] for g, t in all_tests("state_machines.json") if g["operation"] == "machine.step"}
    for name in tables.MACHINES:
        for row in tables.load(name).iter_rows():
            assert f"{name}/row/{row.state}/{row.event}" in steps
    concrete = {tuple(r) for _, t in all_tests("state_machines.json") for r in t.get("rows", [])}
    # The device is reachable everywhere but in the rows its table notes as unreachable (and those truly
    # are not reached); the sessions only miss rows of derived events and terminal states.
    rows = list(tables.load("keypad_device").iter_rows())
    unreachable = {(r.state, r.event) for r in rows if (r.note or "").startswith("unreachable")}
    assert {(r.state, r.event) for r in rows} - unreachable <= concrete
    assert not unreachable & concrete
    for g, t in all_tests("state_machines.json"):
        if g["operation"] == "machine.step":
            row = (t["output"]["state"], t["input"]["event"])
            assert ("Unreachable" in t["flags"]) == (row not in concrete), t["id"]
            if "Unreachable" in t["flags"]:
                table = tables.load(g["input"]["machine"])
                derived = {"lockdown_order", "frame_pong_final", "frame_ping_final", "no_answer"}
                # the boot grace's end with a HELLO in flight: reached concretely in sessions.json
                # (client/boot-grace-ends-unanswered), not by the one-input-per-state walk
                grace_end = (row[0], row[1]) == ("AWAIT_HELLO_ACK", "deadline")
                noted = (table.row(*row).note or "").startswith("unreachable")
                assert row[0] in table.terminal or row[1] in derived or grace_end or noted, t["id"]


def test_wire_covers_a_client_id_out_of_range_in_a_consistent_frame() -> None:
    """An empty or 65-byte client_id, with its length byte and the header length agreeing with the
    bytes: only the 1..64 bound can reject it, so a decoder that skips that bound passes every other
    case. The type's length bound is checked first (spec §10.5), so the field named is ``length``."""
    seen = {}
    for g, t in all_tests("wire.json"):
        if g["operation"] != "frame.decode" or t["result"] != "invalid":
            continue
        raw = bytes.fromhex(t["input"]["frame"])
        if len(raw) < 9 or raw[3] != 1:
            continue
        body = raw[6:]
        id_len = body[2]
        consistent = int.from_bytes(raw[4:6], "big") == len(body) == 3 + id_len + 1088 + 32 + 16
        if consistent and not 1 <= id_len <= 64:
            seen[id_len] = (t["outcome"], t.get("field"))
    assert seen.get(0) == ("parse_error", "length")
    assert seen.get(65) == ("parse_error", "length")


def test_sessions_cover_the_counter_boundaries() -> None:
    tests = {t["id"]: t for _, t in all_tests("sessions.json")}
    rekey = tests["client/rekey-log2-4"]
    seen = [(a["counter"], a["epoch"]) for s in rekey["output"]["steps"] for a in s["actions"]
            if a["action"] == "status_seen"]
    assert (0, 0) in seen and (1, 0) in seen and (15, 0) in seen and (0, 1) in seen and (0, 2) in seen
    loaded = tests["client/load-2^24-2"]
    seen = [(a["counter"], a["epoch"]) for s in loaded["output"]["steps"] for a in s["actions"]
            if a["action"] == "status_seen"]
    assert seen == [((1 << 24) - 2, 5), ((1 << 24) - 1, 5), (0, 6)]
    assert {"accumulated/100000", "accumulated/1000-psk"} <= set(tests)


def test_negative_transcripts_end_in_their_outcome() -> None:
    for _, t in all_tests("sessions.json"):
        if t["result"] == "invalid" and "output" not in t:  # the run refused as a whole (a pinned key, §2)
            assert (t["outcome"], t.get("field")) == ("kem_error", "ek"), t["id"]
        elif t["result"] == "invalid":
            last = t["output"]["steps"][-1]["actions"]
            assert any(a["action"] in ("lockdown", "close") and a["reason"] == t["outcome"] for a in last), t["id"]


def test_accumulated_lean_path_matches_the_machines() -> None:
    req = {"seed": M.KEYPAD_SEED.hex(), "client_id": M.CLIENT_ID, "psk": None, "rekey_log2": 4, "exchanges": 3000,
           "statuses": [0, 1, 1], "random_seed": "00" * 32}
    assert reference.session_accumulate(req)["digest"] == accumulate_with_machines(req)


def test_kem_vectors_hold_for_both_backends() -> None:
    for g, t in all_tests("kem.json"):
        if g["operation"] == "kem.decaps" and t["result"] == "valid":
            seed, ct = bytes.fromhex(g["input"]["seed"]), bytes.fromhex(t["input"]["ct"])
            for backend in ("kyber-py", "cryptography"):
                assert get_backend(backend).from_seed(seed).decapsulate(ct).hex() == t["output"]["ss"]


def test_keypad_test_keystore_opens_with_the_documented_pin() -> None:
    data = (default_vectors_dir() / "keypad_test_keystore.bin").read_bytes()
    opened = unseal_keystore(data, M.TEST_PIN)
    assert opened.seed == M.KEYPAD_SEED
    assert decode_pubkey((default_vectors_dir() / "keypad_test_pubkey.bin").read_bytes()) == opened.ek
    assert f"**`{M.TEST_PIN}`**" in (ROOT / "spec" / "shim-protocol.md").read_text()


def _copy_tree(tmp_path: Path) -> tuple[Path, Path]:
    out = tmp_path / "vectors"
    shutil.copytree(default_vectors_dir(), out)
    schema = tmp_path / SCHEMA_NAME
    shutil.copy(default_schema_path(), schema)
    return out, schema


@pytest.mark.slow
def test_check_names_the_first_drifting_case(generated: dict[str, bytes], tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(cli, "generate_all", lambda: generated)
    monkeypatch.setattr(cli, "validate", lambda files: [])
    out, schema = _copy_tree(tmp_path)
    assert cli.main(["check", "--out", str(out), "--schema", str(schema)]) == 0
    data = json.loads((out / "wire.json").read_text())
    case = data["testGroups"][1]["tests"][3]
    case["input"]["frame"] = case["input"]["frame"][:-2] + "00"
    (out / "wire.json").write_text(json.dumps(data, indent=1) + "\n")
    assert cli.main(["check", "--out", str(out), "--schema", str(schema)]) == 1
    err = capsys.readouterr().err
    assert "wire.json" in err and case["id"] in err


@pytest.mark.slow
def test_check_fails_on_a_formatting_change_and_a_missing_file(generated: dict[str, bytes], tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "generate_all", lambda: generated)
    monkeypatch.setattr(cli, "validate", lambda files: [])
    out, schema = _copy_tree(tmp_path)
    (out / "mac.json").write_text(json.dumps(json.loads((out / "mac.json").read_text())))
    assert cli.main(["check", "--out", str(out), "--schema", str(schema)]) == 1
    out2, schema2 = _copy_tree(tmp_path / "b")
    (out2 / "keypad_test_keystore.bin").unlink()
    assert cli.main(["check", "--out", str(out2), "--schema", str(schema2)]) == 1


@pytest.mark.slow
def test_generate_writes_what_check_accepts(generated: dict[str, bytes], tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "generate_all", lambda: generated)
    monkeypatch.setattr(cli, "validate", lambda files: [])
    out, schema = tmp_path / "v", tmp_path / SCHEMA_NAME
    assert cli.main(["generate", "--out", str(out), "--schema", str(schema)]) == 0
    assert cli.main(["check", "--out", str(out), "--schema", str(schema)]) == 0
    assert (out / "kem.json").read_bytes() == generated["kem.json"]


def test_the_vectors_outcome_names_are_the_runtime_reasons() -> None:
    """keycrypt_vectors carries the outcome names without importing the runtime; they must stay equal."""
    assert OUTCOMES == tuple(r.value for r in Reason)
