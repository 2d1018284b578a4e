"""Every case of the attack catalogue, one pytest test each (CI forms of the heavy ones).

And the catalogue's own power: a machine with a check removed must make at
least one case fail, so a PASS means something.
"""

from __future__ import annotations

import pytest

from keycrypt_kit.attacks.catalogue import run_case
from keycrypt_kit.attacks.suite import all_cases

CASES = all_cases()


@pytest.mark.parametrize("case_id", [pytest.param(i, marks=pytest.mark.slow) if c.net else i for i, c in CASES.items()])
def test_attack(case_id: str) -> None:
    r = run_case(CASES[case_id], full=False)
    assert r.outcome.ok, f"{case_id}: expected {r.case.expect!r}; happened {r.outcome.happened!r}\n{r.outcome.figures.get('traceback', '')}"


def test_catalogue_is_large_enough() -> None:
    assert len(CASES) >= 30
    assert len({c.id for c in CASES.values()}) == len(CASES)


def _fails_with(monkeypatch: pytest.MonkeyPatch, target: str, replacement: object, ids: list[str]) -> list[str]:
    monkeypatch.setattr(target, replacement)
    return [i for i in ids if not run_case(CASES[i]).outcome.ok]


def test_power_mac_check_removed(monkeypatch: pytest.MonkeyPatch) -> None:
    """A client and keypad that accept any tag fail the replay, flip and MITM cases."""
    ids = ["pong-replay", "flip-pong", "flip-ping", "status-rewrite", "mitm-other-keypad-key", "rekey-log2-mitm"]
    failed = _fails_with(monkeypatch, "keycrypt.machines.client.verify", lambda *a: True, ids)
    assert set(failed) >= {"pong-replay", "flip-pong", "status-rewrite", "mitm-other-keypad-key", "rekey-log2-mitm"}


def test_power_counter_check_removed(monkeypatch: pytest.MonkeyPatch) -> None:
    from keycrypt.machines import keypad

    def lax_verify_ping(self: keypad.KeypadSession, step: object) -> None:
        self._challenge, self._ping_counter = step.frame.challenge, step.frame.counter  # type: ignore[attr-defined]

    failed = _fails_with(monkeypatch, "keycrypt.machines.keypad.KeypadSession._act_verify_ping", lax_verify_ping, ["ping-replay", "ping-counter-skip"])
    assert failed == ["ping-replay", "ping-counter-skip"]


def test_power_lockdown_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("keycrypt.machines.client.ClientSession._report_status", lambda self, step, status: None)
    assert not run_case(CASES["lockdown-order"]).outcome.ok


def test_power_backoff_removed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("keycrypt.machines.device.backoff_delay", lambda failures, cfg=None: 0.0)
    assert not run_case(CASES["pin-brute-force"]).outcome.ok


def test_net_cases_leave_the_logging_level_alone() -> None:
    """Other tests read the daemons' logs: an attack case must not silence them for the rest of the run."""
    import logging

    logger = logging.getLogger("keycrypt")
    before = logger.level
    assert run_case(CASES["net-header-65535"]).outcome.ok
    assert logger.level == before


def test_runner_prints_the_table_and_exits_1_on_a_fail(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: object) -> None:
    import json
    import logging
    from pathlib import Path

    from keycrypt_kit.attacks.__main__ import main
    from keycrypt_kit.attacks.catalogue import CASES as REG
    from keycrypt_kit.attacks.catalogue import Case, Outcome

    level = logging.getLogger("keycrypt").level
    out = Path(str(tmp_path)) / "r.json"
    assert main(["--only", "pong-replay", "--json", str(out)]) == 0
    assert "pong-replay" in capsys.readouterr().out
    assert json.loads(out.read_text())["results"][0]["result"] == "PASS"
    monkeypatch.setitem(REG, "always-fails", Case("always-fails", "nothing", "a FAIL", lambda: Outcome(False, "failed on purpose")))
    assert main(["--only", "pong-replay", "always-fails"]) == 1
    text = capsys.readouterr().out
    assert "FAIL" in text and "failed on purpose" in text
    assert logging.getLogger("keycrypt").level == level  # the runner restored it


def test_power_keypad_nonce_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    """With the keypad's nonce left out of TH (the key schedule before issue 11), whole sessions replay again."""
    import hashlib

    from keycrypt.constants import LABEL_TRANSCRIPT

    ids = ["replay-whole-session", "clone-keypad-session-move", "net-replay-whole-session"]
    failed = _fails_with(monkeypatch, "keycrypt.crypto.schedule.transcript_hash",
                         lambda ek, hello, nonce: hashlib.sha256(LABEL_TRANSCRIPT + ek + hello).digest(), ids)
    assert failed == ids


@pytest.mark.slow  # the case it runs is a network case (real daemons, 11 s), itself in the slow selection
def test_power_pace_removed(monkeypatch: pytest.MonkeyPatch) -> None:
    """A keypad without the pace check answers every pipelined PING again."""
    from keycrypt.machines import keypad

    original = keypad.KeypadSession.__init__

    def init(self: keypad.KeypadSession, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)  # type: ignore[arg-type]
        self._ping_min_interval = 0.0

    assert _fails_with(monkeypatch, "keycrypt.machines.keypad.KeypadSession.__init__", init,
                       ["net-pipelined-pings"]) == ["net-pipelined-pings"]
