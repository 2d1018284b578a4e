"""A duress PIN equal to the keypad PIN is refused by the daemon too, not only by `keypad duress-hash`.

The daemon learns the real PIN only when a PIN opens the keystore (a keypad with
``unseal = "pinpad"`` starts SEALED), and a verifier can be pasted by hand or reloaded. A PIN
that opens the keystore and matches the duress verifier could never be told apart: a coerced
user would unlock for real, or the real user would order every client to lock down. The keypad
refuses it (fail closed): the device is not told, a sealed keypad stays sealed, the wrong-PIN
counter is untouched, the log says CRITICAL naming ``keypad.pin.duress_verifier``.
"""

from __future__ import annotations

import asyncio
import json
import logging
from pathlib import Path

import pytest
from test_preflight import _client_toml

from keycrypt.crypto.kem import get_backend
from keycrypt.daemon.keypad.pins import check_pin
from keycrypt.errors import DuressPinIsPin, PinRejected

from e2e_helpers import DURESS_PIN, TEST_PIN, duress_verifier, free_port, make_keystore, run_cli, start_keypad, wait_until


def test_check_pin_refuses_a_pin_that_is_both_the_keystore_s_and_the_duress_one(tmp_path: Path) -> None:
    ks, _, _ = make_keystore(tmp_path)
    kem = get_backend("cryptography")
    with pytest.raises(DuressPinIsPin) as err:
        check_pin(ks, TEST_PIN, kem, fingerprint=None, duress_verifier=duress_verifier(TEST_PIN))
    assert err.value.key == "keypad.pin.duress_verifier" and "keypad.pin.duress_verifier" in str(err.value)
    assert TEST_PIN not in str(err.value)  # never log a PIN
    # the same keystore with a verifier of another PIN: the three ordinary results
    other = duress_verifier(DURESS_PIN)
    result, opened = check_pin(ks, TEST_PIN, kem, fingerprint=None, duress_verifier=other)
    assert result == "ok" and opened is not None
    assert check_pin(ks, DURESS_PIN, kem, fingerprint=None, duress_verifier=other) == ("duress", None)
    assert check_pin(ks, "24242424", kem, fingerprint=None, duress_verifier=other) == ("wrong", None)


def test_a_sealed_keypad_stays_sealed_when_its_pin_is_also_the_duress_pin(tmp_path: Path, caplog) -> None:
    async def main() -> None:
        keypad = await start_keypad(tmp_path, unseal=False, duress_verifier=duress_verifier(TEST_PIN))
        try:
            for intent in ("arm", "toggle", "disarm"):
                with pytest.raises(PinRejected) as err:
                    await keypad.enter_pin(TEST_PIN, intent)
                assert err.value.code == "duress_is_pin" and "keypad.pin.duress_verifier" in str(err.value)
            assert keypad.device.state == "SEALED" and keypad.key is None and keypad.fingerprint is None
            assert keypad.device.failures == 0 and not keypad.accepting  # not a wrong PIN; nobody let in
            answer = await keypad.handle_control({"cmd": "arm", "pin": TEST_PIN})
            assert answer["ok"] is False and answer["code"] == "duress_is_pin"
        finally:
            await keypad.stop()

    with caplog.at_level(logging.INFO, logger="keycrypt.keypad"):
        asyncio.run(asyncio.wait_for(main(), 30))
    critical = [r.getMessage() for r in caplog.records if r.levelno == logging.CRITICAL]
    assert any("event=duress_pin_is_pin" in m and "keypad.pin.duress_verifier" in m for m in critical), critical
    assert not any("event=duress " in r.getMessage() or "pin_accepted" in r.getMessage() for r in caplog.records)


def test_an_unsealed_keypad_refuses_the_pin_after_a_reload_made_it_the_duress_pin(tmp_path: Path) -> None:
    import dataclasses

    async def main() -> None:
        keypad = await start_keypad(tmp_path)  # unsealed and ARMED with TEST_PIN, no duress verifier
        try:
            keypad.reload(dataclasses.replace(keypad.settings, duress_verifier=duress_verifier(TEST_PIN)))
            with pytest.raises(PinRejected) as err:
                await keypad.enter_pin(TEST_PIN, "disarm", 60)
            assert err.value.code == "duress_is_pin"
            assert keypad.device.state == "ARMED" and keypad.device.failures == 0  # no disarm, no duress lockdown
        finally:
            await keypad.stop()

    asyncio.run(asyncio.wait_for(main(), 30))


@pytest.mark.slow
def test_keypad_process_unsealed_on_the_socket_refuses_the_duress_pin_then_serves_after_a_fix(tmp_path: Path) -> None:
    """The real daemon on loopback, ``unseal = "pinpad"``: refused and SEALED; fixed verifier + reload: ARMED."""
    import os
    import subprocess
    import sys

    from e2e_helpers import REPO

    _, pub, _ = make_keystore(tmp_path)
    port = free_port()
    sock = tmp_path / "run" / "kp.sock"
    cfg = tmp_path / "keypad.toml"
    base = (
        f'keystore = "keypad.key"\nstate_dir = "state"\ncontrol_socket = "{sock}"\nunseal = "pinpad"\n'
        f'[listen]\nhost = "127.0.0.1"\nport = {port}\n[sensor]\ndriver = "none"\n'
    )
    cfg.write_text(base + f'[pin]\nduress_verifier = "{duress_verifier(TEST_PIN)}"\n')
    ccfg = _client_toml(tmp_path, port, pub)
    env = {k: v for k, v in os.environ.items() if k != "NOTIFY_SOCKET"}
    proc = subprocess.Popen([sys.executable, "-m", "keycrypt.cli", "keypad", "run", "--config", str(cfg)],
                            cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        assert wait_until(sock.exists, 30), "keypad did not come up"

        def status() -> dict:
            return json.loads(run_cli("keypad", "status", "--socket", str(sock), "--json").stdout)

        assert status()["state"] == "SEALED"
        res = run_cli("keypad", "arm", "--socket", str(sock), "--pin-fd", "0", input=TEST_PIN + "\n")
        assert res.returncode == 2 and "keypad.pin.duress_verifier" in res.stderr, res.stdout + res.stderr
        st = status()
        assert st["state"] == "SEALED" and st["fingerprint"] is None and st["pin"]["failures"] == 0
        res = run_cli("client", "check", "--config", str(ccfg))
        assert res.returncode == 2 and "FAIL" in next(ln for ln in res.stdout.splitlines() if "handshake" in ln)
        # the fix: another duress PIN, reloaded without a restart; the same PIN now unseals
        cfg.write_text(base + f'[pin]\nduress_verifier = "{duress_verifier(DURESS_PIN)}"\n')
        res = run_cli("keypad", "reload", "--socket", str(sock))
        assert res.returncode == 0, res.stderr
        res = run_cli("keypad", "arm", "--socket", str(sock), "--pin-fd", "0", input=TEST_PIN + "\n")
        assert res.returncode == 0, res.stdout + res.stderr
        assert status()["state"] == "ARMED"
        res = run_cli("client", "check", "--config", str(ccfg))
        assert res.returncode == 0 and "completed, keypad status ARMED" in res.stdout, res.stdout
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=15)
    log = err.decode(errors="replace")
    line = next(ln for ln in log.splitlines() if "event=duress_pin_is_pin" in ln)
    assert "CRITICAL" in line and "key=keypad.pin.duress_verifier" in line and "state=SEALED" in line, line
    assert TEST_PIN not in log


def test_run_keypad_given_that_pin_at_start_does_not_start(tmp_path: Path) -> None:
    """The start path below the CLI (run_keypad with a PIN): a ConfigError naming the key, nothing served."""
    from keycrypt.daemon.keypad import KeypadSettings, run_keypad
    from keycrypt.errors import ConfigError

    ks, _, _ = make_keystore(tmp_path)
    sock = tmp_path / "run" / "kp.sock"
    settings = KeypadSettings(keystore=ks, host="127.0.0.1", port=0, state_dir=tmp_path / "state",
                              control_socket=sock, duress_verifier=duress_verifier(TEST_PIN))
    with pytest.raises(ConfigError, match="keypad.pin.duress_verifier"):
        asyncio.run(asyncio.wait_for(run_keypad(settings, TEST_PIN), 30))
    assert not sock.exists()
