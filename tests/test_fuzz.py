"""Short fuzz runs for CI: hypothesis over every frame type and both key files, plus the mutation fuzzer.

The long form is ``python -m keycrypt_kit.fuzz.run --target all --inputs N`` (or
the atheris harness); see docs/testing.md. Every property here can fail: the
power tests at the end break a check and watch the oracle catch it.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from keycrypt.errors import KeystoreError, ParseError, ProtocolError
from keycrypt.wire import frames
from keycrypt_kit.fuzz import strategies as S
from keycrypt_kit.fuzz.run import fuzz
from keycrypt_kit.fuzz.targets import TARGETS, client_snapshots, keypad_snapshots, seeds, target_client, target_keypad

from conftest import examples

FAST = settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(S.any_frame)
def test_every_valid_frame_round_trips(f: frames.Frame) -> None:
    raw = frames.encode(f)
    assert frames.decode(raw) == f


@FAST
@given(S.malformed_frames)
def test_decoder_only_raises_parse_errors(data: bytes) -> None:
    try:
        f = frames.decode(data)
    except ParseError as exc:
        assert exc.field, "a parse error must name the field"
        return
    assert frames.encode(f) == data  # whatever decodes is canonical


@FAST
@given(S.bad_statuses, S.u32)
def test_unknown_status_never_decodes(status: int, counter: int) -> None:
    raw = bytearray(frames.encode(frames.Pong(counter, 0, bytes(32))))
    raw[10] = status
    with pytest.raises(ParseError) as ei:
        frames.decode(bytes(raw))
    assert ei.value.field == "status"


@FAST
@given(st.integers(0, 255), st.integers(0, 255), S.frame_streams)
def test_keypad_target_on_streams(sel: int, cut: int, stream: bytes) -> None:
    target_keypad(bytes([sel, cut]) + stream)


@FAST
@given(st.integers(0, 255), st.integers(0, 255), S.frame_streams)
def test_client_target_on_streams(sel: int, cut: int, stream: bytes) -> None:
    target_client(bytes([sel, cut]) + stream)


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(S.any_key_file())
def test_key_file_decoders_raise_only_keystore_errors(data: bytes) -> None:
    try:
        TARGETS["keystore"](data)
    except KeystoreError:
        pass


@pytest.mark.parametrize("target", list(TARGETS))
def test_mutation_fuzzer_short_run(target: str) -> None:
    n = 60 if target == "keystore_sealed" else 1500  # one Argon2id per keystore_sealed input
    rep = fuzz(target, n, seed=99)
    assert rep.failure is None, f"{target}: {rep.failure}\nreproducer: {rep.reproducer}"
    assert rep.inputs == n


def test_power_keystore_sealed_oracle(monkeypatch: pytest.MonkeyPatch) -> None:
    """A keystore that opened whatever its sealed bytes say would be reported."""
    import keycrypt.keystore as ks

    real = ks.unseal_keystore
    genuine = real(seeds("keystore")[0], "24682468")
    monkeypatch.setattr(ks, "unseal_keystore", lambda data, pin, kem=None: genuine)
    rep = fuzz("keystore_sealed", 20, seed=1)
    assert rep.failure is not None and "OracleViolation" in rep.failure


def test_genuine_seeds_are_accepted() -> None:
    """The oracle's premise: each snapshot's genuine frame is answered/accepted (else the oracle is vacuous)."""
    from keycrypt_kit.fuzz.targets import STATS

    STATS.clear()
    for s in seeds("client"):
        target_client(s)
    for s in seeds("keypad"):
        target_keypad(s)
    assert STATS["client:accepted_genuine"] >= len(client_snapshots()) - 1  # IDLE has no genuine answer
    assert STATS["keypad:answered"] >= len(keypad_snapshots())


def test_power_client_oracle(monkeypatch: pytest.MonkeyPatch) -> None:
    """A client that skips the PONG tag check is caught by the oracle within a short run."""
    monkeypatch.setattr("keycrypt.machines.client.verify", lambda *a: True)
    client_snapshots.cache_clear()
    try:
        rep = fuzz("client", 3000, seed=5)
    finally:
        monkeypatch.undo()
        client_snapshots.cache_clear()
    assert rep.failure is not None and "OracleViolation" in rep.failure


def test_power_keypad_oracle(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("keycrypt.machines.keypad.verify", lambda *a: True)
    keypad_snapshots.cache_clear()
    try:
        rep = fuzz("keypad", 3000, seed=5)
    finally:
        monkeypatch.undo()
        keypad_snapshots.cache_clear()
    assert rep.failure is not None and "OracleViolation" in rep.failure


def test_power_untyped_exception(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(data: bytes) -> frames.Frame:
        if len(data) > 3 and data[3] == 4:
            raise IndexError("bug")
        raise ParseError("x", field="magic")

    monkeypatch.setattr("keycrypt.wire.frames.decode", broken)
    rep = fuzz("decoder", 500, seed=1)
    assert rep.failure is not None and "IndexError" in rep.failure


def test_typed_errors_are_protocol_or_keystore() -> None:
    from keycrypt_kit.fuzz.targets import TYPED

    assert set(TYPED) == {ProtocolError, KeystoreError}
