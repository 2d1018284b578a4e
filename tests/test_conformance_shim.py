"""The shim-mode runner: the reference passes every case, every mutant fails one, and the judging is strict."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from keycrypt_conformance import cli, mutants, shim
from keycrypt_conformance.reference import handle
from keycrypt_conformance.runner import Case, CaseStatus, Config, ConformanceError, load_cases, load_config, select

from conftest import examples

ROOT = Path(__file__).resolve().parent.parent
REF = f"{sys.executable} -m keycrypt_conformance.reference_shim"


@pytest.fixture(scope="module")
def cases() -> list[Case]:
    return load_cases()


def run_inprocess(cases: list[Case], config: Config | None = None, fail_fast: bool = False) -> list[Any]:
    _, results = shim.run(cases, lambda: shim.InProcessShim(handle), config or Config(), fail_fast=fail_fast)
    return results


@pytest.mark.slow
def test_reference_shim_passes_every_case(tmp_path: Path, cases: list[Case]) -> None:
    """The real command line, subprocess and all: exit 0, every case passed, reports written."""
    out, xml = tmp_path / "r.json", tmp_path / "r.xml"
    proc = subprocess.run([sys.executable, "-m", "keycrypt_conformance.cli", "shim", "--cmd", REF, "--json", str(out),
                           "--junit-xml", str(xml)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    report = json.loads(out.read_text())
    assert report["summary"] == {"pass": len(cases), "fail": 0, "unimplemented": 0, "disabled": 0}
    assert "PASS:" in proc.stdout and f"{len(cases)} passed" in proc.stdout
    suites = ET.parse(xml).getroot().findall("testsuite")
    assert sum(int(s.get("tests", 0)) for s in suites) == len(cases)
    assert not ET.parse(xml).getroot().findall(".//failure")


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(mutants.MUTANTS))
def test_each_mutant_fails_at_least_one_case(name: str, cases: list[Case]) -> None:
    """Killed, and for the right reason: for every id the mutant violates, a case checking that id fails."""
    mutant = mutants.MUTANTS[name]
    subset = select(cases, mutant.patterns, ["accumulated/100000"], list(mutant.violates))
    assert subset, f"the hint of {name} selects no case checking {mutant.violates}"
    assert all(r.status == CaseStatus.PASS for r in run_inprocess(subset)), "the reference must pass the subset"
    with mutants.apply(name):
        results = run_inprocess(subset)
    failed = [r for r in results if r.status == CaseStatus.FAIL]
    assert failed, f"mutant {name} survived: it passed every case it was shown ({len(subset)})"
    for rid in mutant.violates:
        assert any(rid in r.case.requirements for r in failed), \
            f"mutant {name} violates {rid}, but no failing case checks {rid}"


def test_every_must_has_a_mutant_and_mutants_name_real_ids() -> None:
    from keycrypt_kit import requirements as R

    reqs = R.requirements()
    named = {rid for m in mutants.MUTANTS.values() for rid in m.violates}
    assert named <= set(reqs), f"mutants name ids the spec does not define: {sorted(named - set(reqs))}"
    assert all(m.violates for m in mutants.MUTANTS.values()), "every mutant names the ids it violates"
    missing = [rid for rid, r in reqs.items()
               if r.level in R.MANDATORY and rid not in R.NOT_BY_VECTORS and rid not in named]
    assert not missing, f"MUSTs without a mutant violating them (conformance/keycrypt_conformance/mutants.py): {missing}"


def test_a_failure_names_its_requirements(tmp_path: Path) -> None:
    """The runner names the ids of a failing case, and --requirement selects by id."""
    proc = subprocess.run([sys.executable, "-m", "keycrypt_conformance.cli", "shim", "--cmd",
                           f"{REF} --mutant reader_waits_for_body", "--requirement", "KCP1-STREAM-2", "-q"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert "[requirements " in proc.stdout and "KCP1-STREAM-2" in proc.stdout
    listed = subprocess.run([sys.executable, "-m", "keycrypt_conformance.cli", "shim", "--cmd", REF, "--list",
                             "--requirement", "KCP1-STREAM-2"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    lines = [x for x in listed.stdout.splitlines() if x.strip()]
    assert lines and all("KCP1-STREAM-2" in x for x in lines), listed.stdout
    bad = subprocess.run([sys.executable, "-m", "keycrypt_conformance.cli", "shim", "--cmd", REF, "--list",
                          "--requirement", "KCP1-NOPE-1"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "KCP1-NOPE-1" in bad.stderr


def test_mutants_are_undone_after_use(cases: list[Case]) -> None:
    subset = select(cases, ["mac:", "wire:"])
    with mutants.apply("skip_mac_check"), mutants.apply("accepts_trailing"):
        pass
    assert all(r.status == CaseStatus.PASS for r in run_inprocess(subset))


@pytest.mark.slow
def test_mutant_switch_of_the_reference_shim_fails_the_run() -> None:
    proc = subprocess.run([sys.executable, "-m", "keycrypt_conformance.cli", "shim", "-q", "--fail-fast", "-k", "mac:",
                           "--cmd", f"{REF} --mutant truncated_tag_compare"], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 1
    assert "FAIL mac:mac/verify/ping-tag-byte-16" in proc.stdout


def test_requests_carry_inputs_only(cases: list[Case]) -> None:
    seen: list[dict[str, Any]] = []

    def recording(req: dict[str, Any]) -> dict[str, Any]:
        seen.append(req)
        return handle(req)

    subset = select(cases, ["wire:", "mac:", "keystore:keystore/open/wrong"])
    shim.run(subset, lambda: shim.InProcessShim(recording), Config())
    by_id = {r["id"]: r for r in seen}
    for n, case in enumerate(subset, 1):
        assert set(by_id[n]) == {"id", "op"} | set(case.input)
        assert by_id[n]["op"] == case.operation


def _fake_shim(tmp_path: Path, body: str) -> str:
    """A Python shim whose answer to each non-capabilities request is computed by ``body`` (sets ``ans``)."""
    lines = [
        "import json, sys",
        "for line in sys.stdin:",
        "    req = json.loads(line)",
        "    if req['op'] == 'capabilities':",
        "        ans = {'result': {'implementation': 'fake', 'operations': ['frame.decode', 'mac.verify']}}",
        "    else:",
        "        from keycrypt_conformance.reference import handle  # after capabilities: a loaded machine is slow to import it",
        *["        " + ln for ln in textwrap.dedent(body).strip().splitlines()],
        "    print(json.dumps({**ans, 'id': req['id']}), flush=True)",
    ]
    path = tmp_path / "fake_shim.py"
    path.write_text("\n".join(lines) + "\n")
    return f"{sys.executable} {path}"


@pytest.mark.slow
def test_a_dying_shim_fails_its_case_and_is_restarted(tmp_path: Path, cases: list[Case]) -> None:
    cmd = _fake_shim(tmp_path, """
        if req["op"] == "mac.verify":
            sys.exit(3)
        ans = handle(req)
        """)
    subset = select(cases, ["wire:wire/decode/ping-counter-0", "mac:mac/verify/ping-counter-1",
                            "wire:wire/decode/magic-KD"])
    _, results = shim.run(subset, lambda: shim.SubprocessShim(cmd, timeout=20, cwd=str(ROOT)), Config())
    status = {r.case.id: (r.status, r.message) for r in results}
    assert status["mac/verify/ping-counter-1"][0] == CaseStatus.FAIL
    assert "shim died" in status["mac/verify/ping-counter-1"][1]
    assert status["wire/decode/ping-counter-0"][0] == CaseStatus.PASS
    assert status["wire/decode/magic-KD"][0] == CaseStatus.PASS
    assert {r.case.operation for r in results if r.status == CaseStatus.UNIMPLEMENTED} == set()


@pytest.mark.slow
def test_a_silent_shim_times_out(tmp_path: Path, cases: list[Case]) -> None:
    cmd = _fake_shim(tmp_path, """
        continue
        """)
    subset = select(cases, ["wire:wire/decode/magic-KD"])
    _, results = shim.run(subset, lambda: shim.SubprocessShim(cmd, timeout=0.5, cwd=str(ROOT)), Config())
    assert results[0].status == CaseStatus.FAIL and "no answer within" in results[0].message


@pytest.mark.slow
def test_capabilities_decide_what_is_unimplemented(tmp_path: Path, cases: list[Case]) -> None:
    cmd = _fake_shim(tmp_path, """
        ans = handle(req) if req["op"] == "frame.decode" else {"unimplemented": True}
        """)
    subset = select(cases, ["wire:", "kem:kem/derive/", "mac:mac/verify/ping-counter-1"])
    _, results = shim.run(subset, lambda: shim.SubprocessShim(cmd, timeout=20, cwd=str(ROOT)), Config())
    by_op = {(r.case.operation, r.status) for r in results}
    assert ("kem.derive", CaseStatus.UNIMPLEMENTED) in by_op  # not in capabilities: never sent
    assert ("mac.verify", CaseStatus.UNIMPLEMENTED) in by_op  # listed, but answered unimplemented
    assert ("frame.encode", CaseStatus.UNIMPLEMENTED) in by_op
    assert all(r.status == CaseStatus.PASS for r in results if r.case.operation == "frame.decode")


@pytest.mark.slow
@pytest.mark.skipif(not (shutil.which("sh") and shutil.which("openssl")), reason="needs sh and openssl")
def test_the_shell_example_passes_its_operation_and_unimplemented_is_not_failure(tmp_path: Path) -> None:
    cmd = ["sh", str(ROOT / "conformance" / "examples" / "rekey_shim.sh")]
    base = [sys.executable, "-m", "keycrypt_conformance.cli", "shim", "-q", "-k", "key_schedule:", "--cmd", " ".join(cmd)]
    proc = subprocess.run(base + ["--json", str(tmp_path / "r.json")], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    summary = json.loads((tmp_path / "r.json").read_text())["summary"]
    assert summary["pass"] == 15 and summary["fail"] == 0 and summary["unimplemented"] == 7
    assert subprocess.run(base + ["--require-all"], cwd=ROOT, capture_output=True, timeout=120).returncode == 1


# --------------------------------------------------------------------------- judging


def _case(cases: list[Case], id: str) -> Case:
    return next(c for c in cases if c.id == id)


def test_judge_is_strict_about_outcome_and_field(cases: list[Case]) -> None:
    bad_magic = _case(cases, "wire/decode/magic-KD")
    cfg = Config()
    assert shim.judge(bad_magic, {"error": "parse_error", "field": "magic"}, cfg)[0] == CaseStatus.PASS
    assert shim.judge(bad_magic, {"error": "mac_failure", "field": "magic"}, cfg)[0] == CaseStatus.FAIL
    assert shim.judge(bad_magic, {"error": "parse_error", "field": "type"}, cfg)[0] == CaseStatus.FAIL
    assert shim.judge(bad_magic, {"error": "parse_error"}, cfg)[0] == CaseStatus.FAIL
    assert shim.judge(bad_magic, {"error": "parse_error"}, Config(compare_field=False))[0] == CaseStatus.PASS
    assert shim.judge(bad_magic, {"error": "ErrMagic", "field": "magic"},
                      Config(errors={"ErrMagic": "parse_error"}))[0] == CaseStatus.PASS
    assert shim.judge(bad_magic, {"result": {"fields": {}}}, cfg)[0] == CaseStatus.FAIL
    assert shim.judge(bad_magic, {"unimplemented": True}, cfg)[0] == CaseStatus.UNIMPLEMENTED
    assert shim.judge(bad_magic, {"weird": 1}, cfg)[0] == CaseStatus.FAIL
    good = _case(cases, "wire/decode/ping-counter-0")
    assert shim.judge(good, {"result": good.output}, cfg)[0] == CaseStatus.PASS
    assert shim.judge(good, {"error": "parse_error", "field": "magic"}, cfg)[0] == CaseStatus.FAIL
    changed = json.loads(json.dumps(good.output))
    changed["fields"]["counter"] = 1
    status, msg = shim.judge(good, {"result": changed}, cfg)
    assert status == CaseStatus.FAIL and "fields.counter" in msg


def test_judge_compares_transcripts_step_by_step(cases: list[Case]) -> None:
    case = _case(cases, "client/normal")
    assert case.output is not None
    got = json.loads(json.dumps(case.output))
    assert shim.judge(case, {"result": got}, Config())[0] == CaseStatus.PASS
    ignored = {"status_seen", "established"}
    trimmed = json.loads(json.dumps(got))
    for s in trimmed["steps"]:
        s["actions"] = [a for a in s["actions"] if a["action"] not in ignored]
    assert shim.judge(case, {"result": trimmed}, Config())[0] == CaseStatus.FAIL
    assert shim.judge(case, {"result": trimmed}, Config(ignore_actions=frozenset(ignored)))[0] == CaseStatus.PASS
    got["steps"][3]["actions"][0]["data"] = "00"
    status, msg = shim.judge(case, {"result": got}, Config())
    assert status == CaseStatus.FAIL and msg.startswith("steps[3].actions[0].data")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10, 10) | st.floats(-1e6, 1e6, allow_nan=False) | st.text(max_size=4),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3),
    max_leaves=12,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path into a JSON value (the value itself included)."""
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, prefix + (i,))
    return out


def _replaced(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    copy = json.loads(json.dumps(value))
    node = copy
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = new
    return copy


@settings(max_examples=examples(300), deadline=None)
@given(json_values, st.data())
def test_diff_finds_any_changed_value(a: Any, data: st.DataObject) -> None:
    assert shim.diff(a, json.loads(json.dumps(a)), "", Config()) is None
    path = data.draw(st.sampled_from(_paths(a)))
    old = a
    for key in path:
        old = old[key]
    new = "<changed>" if old != "<changed>" else 0
    assert shim.diff(a, _replaced(a, path, new), "", Config()) is not None
    if isinstance(old, list) and old:
        assert shim.diff(a, _replaced(a, path, old[:-1]), "", Config()) is not None
    if isinstance(old, dict) and old:
        assert shim.diff(a, _replaced(a, path, dict(list(old.items())[:-1])), "", Config()) is not None


# --------------------------------------------------------------------------- config, selection, CLI


def test_example_config_loads_and_bad_configs_are_refused(tmp_path: Path) -> None:
    cfg = load_config(ROOT / "conformance" / "examples" / "example-config.toml")
    assert cfg.errors["ErrBadMAC"] == "mac_failure" and cfg.timeout == 10.0
    for text, what in (('[errors]\nErrX = "mac_error"\n', "unknown outcomes"), ('[disabled]\n"x" = ""\n', "reason"),
                       ('bogus = 1\n', "unknown keys"), ('timeout = -1\n', "timeout")):
        path = tmp_path / "c.toml"
        path.write_text(text)
        with pytest.raises(ConformanceError, match=what):
            load_config(path)
    js = tmp_path / "c.json"
    js.write_text(json.dumps({"disabled": {"wire:*magic*": "not yet"}}))
    assert load_config(js).disabled == {"wire:*magic*": "not yet"}


def test_disabled_cases_are_reported_not_run(cases: list[Case]) -> None:
    subset = select(cases, ["wire:wire/decode/magic"])
    results = run_inprocess(subset, Config(disabled={"wire:*magic-KD": "our decoder is lenient here"}))
    assert [r.status for r in results if r.case.id == "wire/decode/magic-KD"] == [CaseStatus.DISABLED]
    assert all(r.status == CaseStatus.PASS for r in results if r.case.id != "wire/decode/magic-KD")


def test_selection_by_substring_and_glob(cases: list[Case]) -> None:
    assert {c.file for c in select(cases, ["wire:"])} == {"wire.json"}
    glob = select(cases, ["kem:kem/check-ek/poly?-coeff0-*"])
    assert len(glob) == 6 and all(c.operation == "kem.check_ek" for c in glob)
    assert not select(cases, ["wire:"], ["wire"])


def test_cli_list_and_the_modes_not_yet_implemented(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["shim", "--cmd", "unused", "--list", "-k", "wire:wire/decode/magic"]) == 0
    out = capsys.readouterr().out
    assert "wire:wire/decode/magic-KD  [frame.decode] invalid parse_error" in out
    for mode in ("keypad", "client"):  # live modes now exist: a missing --port/--cmd is a usage error
        with pytest.raises(SystemExit) as exc:
            cli.main([mode])
        assert exc.value.code == 2
    assert cli.main(["shim", "--cmd", "unused", "-k", "no-such-case"]) == 2


def test_a_shim_that_cannot_start_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["shim", "-q", "--cmd", "/nonexistent/shim", "-k", "wire:wire/decode/magic-KD"]) == 2
    assert "cannot start shim" in capsys.readouterr().err


# --------------------------------------------------------------------------- messages a porter can act on (#12 item 6)


def test_a_byte_mismatch_names_the_first_differing_offset_and_its_frame_field(cases: list[Case]) -> None:
    """Two long hex strings cut at 120 characters looked equal; the message must say where they part."""
    case = _case(cases, "client/normal")
    assert case.output is not None
    got = json.loads(json.dumps(case.output))
    sends = [(i, j, a) for i, s in enumerate(got["steps"]) for j, a in enumerate(s["actions"])
             if a["action"] == "send" and bytes.fromhex(a["data"])[3] == 3]  # a PING
    i, j, ping = sends[0]
    data = bytearray(bytes.fromhex(ping["data"]))
    data[6 + 4 + 5] ^= 0x01  # challenge byte 5
    ping["data"] = data.hex()
    status, msg = shim.judge(case, {"result": got}, Config())
    assert status == CaseStatus.FAIL
    assert msg.startswith(f"steps[{i}].actions[{j}].data: bytes differ at offset 15, in PING.challenge byte 5 of 32")
    data[-1] ^= 0x80  # the same PING, one byte shorter and with a later difference: still the first offset
    ping["data"] = bytes(data[:-1]).hex()
    assert "offset 15, in PING.challenge" in shim.judge(case, {"result": got}, Config())[1]


def test_the_field_of_a_difference_in_a_later_frame_of_one_read() -> None:
    from keycrypt_conformance import bytediff

    ping = b"KC\x01\x03\x00\x44" + bytes(4) + bytes(32) + bytes(32)
    hello = b"KC\x01\x01" + (1 + 1 + 1 + 3 + 1088 + 32 + 16).to_bytes(2, "big") + b"\x01\x04\x03abc" + bytes(1136)
    want = ping + hello
    got = bytearray(want)
    got[len(ping) + 6 + 4] = ord("x")  # flags, rekey_log2, the length byte, then client_id byte 1
    assert bytediff.field_at(want, len(ping) + 6 + 4) == "HELLO.client_id byte 1 of 3 (frame 2)"
    assert bytediff.field_at(want, len(ping) + 6 + 2) == "HELLO.client_id.length byte 0 of 1 (frame 2)"
    assert bytediff.field_at(want, len(want) - 1) == "HELLO.salt byte 15 of 16 (frame 2)"
    assert "offset 84, in HELLO.client_id byte 1 of 3 (frame 2)" in bytediff.describe(want, bytes(got))
    assert bytediff.describe(b"\x00\x01", b"\x00") == ("bytes differ at offset 1: expected 00[01], got 00[] "
                                                       "(2 bytes expected, 1 got)")


def test_the_frame_layout_of_the_runner_is_the_one_in_keycrypt_wire() -> None:
    """Drift check: the runner's copy of the §3 layout (it needs no runtime) against the construct definitions."""
    import construct as c

    from keycrypt.wire import frames
    from keycrypt_conformance import bytediff

    assert bytediff.HEADER == tuple((sc.name, sc.sizeof()) for sc in frames.HEADER.subcons)
    assert set(bytediff.BODIES) == {int(ft) for ft in frames.BODIES}
    for ft, body in frames.BODIES.items():
        name, fields = bytediff.BODIES[int(ft)]
        assert name == ft.name
        want = []
        for sc in body.subcons:
            inner = sc
            while isinstance(inner, c.Renamed):
                inner = inner.subcon
            want.append((sc.name, -1 if isinstance(inner, c.Prefixed) else sc.sizeof()))
        assert fields == tuple(want), ft.name


def test_the_shims_own_message_is_shown_escaped(cases: list[Case]) -> None:
    bad_magic = _case(cases, "wire/decode/magic-KD")
    status, msg = shim.judge(bad_magic, {"error": "parse_error", "field": "type", "message": "type 0x44\x1b[31m"},
                             Config())
    assert status == CaseStatus.FAIL and "the shim says: 'type 0x44\\x1b[31m'" in msg
    assert "\x1b" not in msg


@pytest.mark.parametrize(("code", "shown"), [("sys.exit(3)", "exit status 3"),
                                             ("os.kill(os.getpid(), signal.SIGSEGV)", "killed by SIGSEGV")])
def test_a_dead_shims_real_exit_status_is_shown(tmp_path: Path, cases: list[Case], code: str, shown: str) -> None:
    cmd = _fake_shim(tmp_path, f"""
        import os, signal
        sys.stdout.flush()
        {code}
        """)
    subset = select(cases, ["wire:wire/decode/magic-KD"])
    _, results = shim.run(subset, lambda: shim.SubprocessShim(cmd, timeout=20, cwd=str(ROOT)), Config())
    assert results[0].status == CaseStatus.FAIL
    assert shown in results[0].message and "None" not in results[0].message


def test_times_compare_as_numbers_integers_exactly(cases: list[Case]) -> None:
    case = next(c for c in cases if c.output and any(a.get("action") == "set_timer"
                                                       for s in c.output.get("steps", []) for a in s["actions"]))
    assert case.output is not None
    got = json.loads(json.dumps(case.output))
    timer = next(a for s in got["steps"] for a in s["actions"] if a.get("action") == "set_timer")
    want_at = timer["at"]
    timer["at"] = int(want_at) if float(want_at).is_integer() else want_at
    assert shim.judge(case, {"result": got}, Config())[0] == CaseStatus.PASS
    assert shim.diff({"at": 3}, {"at": 3.0}, "", Config()) is None  # an expected 3 is the instant 3.0
    assert shim.diff({"locked_until": 60.0}, {"locked_until": 60}, "", Config()) is None
    assert shim.diff({"at": 3}, {"at": 3.001}, "", Config()) is not None
    assert shim.diff({"at": 3}, {"at": "3"}, "", Config()) is not None
    assert shim.diff({"counter": 3}, {"counter": 3.0}, "", Config()) is not None  # a counter is an integer


def test_an_unknown_vector_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    vec = ROOT / "vectors"
    assert cli.main(["shim", "--cmd", "unused", "--list", "--vectors", str(vec / "wire.json")]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed and all(line.startswith("wire:") for line in listed)
    for bad in (vec / "wires.json", tmp_path / "nowhere", vec / "README.md"):
        assert cli.main(["shim", "--cmd", "unused", "--list", "--vectors", str(bad)]) == 2
        assert f"--vectors {bad}" in capsys.readouterr().err


def test_length_bounds_are_caught_without_field_comparison(cases: list[Case]) -> None:
    """Issue #12 item 3: every bad-length case is invalid for that reason only (its body holds exactly the
    declared bytes), so a decoder with no length bounds fails even when the failing field is not compared."""
    subset = select(cases, ["wire:wire/decode/"])
    loose = Config(compare_field=False)
    assert all(r.status == CaseStatus.PASS for r in run_inprocess(subset, loose))
    with mutants.apply("decoder_without_length_bounds"):
        failed = {r.case.name for r in run_inprocess(subset, loose) if r.status == CaseStatus.FAIL}
    assert {"wire:wire/decode/pong-length-38", "wire:wire/decode/rekey-length-65535"} <= failed, failed
