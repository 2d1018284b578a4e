"""Config schemas: strict validation naming the key, defaults, durations, and the generated reference."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from keycrypt import config
from keycrypt.errors import ConfigError

REPO = Path(__file__).resolve().parents[1]
CLIENT_MIN = {"client_id": "web01", "keypads": [{"host": "kp", "pubkey": "kp.pub"}]}
KEYPAD_MIN = {"keystore": "keypad.key"}


def _client(**kw):
    d = {**CLIENT_MIN, **kw}
    return config.validate("client", d, Path("/etc/keycrypt"))


def _keypad(**kw):
    return config.validate("keypad", {**KEYPAD_MIN, **kw}, Path("/etc/keycrypt"))


def test_generated_reference_is_committed():
    from keycrypt_kit.docgen.config_reference import render_config_reference

    assert (REPO / "docs" / "configuration.md").read_text() == render_config_reference()


def test_examples_are_valid():
    k = config.load_keypad_config(REPO / "examples" / "keypad.toml")
    c = config.load_client_config(REPO / "examples" / "client.toml")
    assert k.listen.port > 0 and c.keypads


def test_defaults_filled_and_paths_resolved():
    c = _client()
    assert c.heartbeat_interval == 0.5 and c.detect_multiplier == 3 and c.policy == "any"
    assert c.keypads[0].port == 7447
    assert c.keypads[0].pubkey == Path("/etc/keycrypt/kp.pub")
    assert c.lockdown == {} and c.dry_run is False
    k = _keypad()
    assert k.keystore == Path("/etc/keycrypt/keypad.key")
    assert k.limits.max_clients == 1024 and k.clients.enrolled == {}


@pytest.mark.parametrize(
    "data, key, words",
    [
        ({**CLIENT_MIN, "keypads": [{"host": "kp", "pubkey": "p", "port": 70000}]}, "client.keypads[0].port", "1..65535"),
        ({**CLIENT_MIN, "keypads": [{"host": "kp", "pubkey": "p", "port": "80"}]}, "client.keypads[0].port", "integer"),
        ({**CLIENT_MIN, "keypads": []}, "client.keypads", "at least 1"),
        ({**CLIENT_MIN, "keypads": [{"host": "kp"}]}, "client.keypads[0].pubkey", "required"),
        ({**CLIENT_MIN, "hearbeat_interval": 1}, "client.hearbeat_interval", "unknown key"),
        ({**CLIENT_MIN, "heartbeat_interval": 0}, "client.heartbeat_interval", "0.05..60"),
        ({**CLIENT_MIN, "heartbeat_interval": True}, "client.heartbeat_interval", "boolean"),
        # each factor is within its bounds, the product (6,000 s) is not: issue 11 item 12
        ({**CLIENT_MIN, "heartbeat_interval": 60, "detect_multiplier": 100}, "client.heartbeat_interval", "6000 s exceeds the limit of 60 s"),
        ({**CLIENT_MIN, "heartbeat_interval": 20.5, "detect_multiplier": 3}, "client.heartbeat_interval", "61.5 s exceeds"),
        ({**CLIENT_MIN, "boot_grace": "forever"}, "client.boot_grace", "duration"),
        ({**CLIENT_MIN, "policy": "some"}, "client.policy", "any, all"),
        ({**CLIENT_MIN, "rekey_log2": 3}, "client.rekey_log2", "4..24"),
        ({**CLIENT_MIN, "client_id": ""}, "client.client_id", "1..64"),
        ({**CLIENT_MIN, "client_id": "x" * 65}, "client.client_id", "1..64"),
        ({**CLIENT_MIN, "dry_run": "yes"}, "client.dry_run", "true or false"),
        ({**CLIENT_MIN, "lockdown": 3}, "client.lockdown", "table"),
        ({"keypads": CLIENT_MIN["keypads"]}, "client.client_id", "required"),
    ],
)
def test_client_rejections_name_the_key(data, key, words):
    with pytest.raises(ConfigError) as e:
        config.validate("client", data)
    assert e.value.key == key
    assert words in str(e.value)


@pytest.mark.parametrize(
    "data, key, words",
    [
        ({**KEYPAD_MIN, "listen": {"prot": 1}}, "keypad.listen.prot", "unknown key"),
        ({**KEYPAD_MIN, "listen": {"port": -1}}, "keypad.listen.port", "0..65535"),
        ({**KEYPAD_MIN, "limits": {"max_clients": 0}}, "keypad.limits.max_clients", "1..65536"),
        ({**KEYPAD_MIN, "limits": {"hello_timeout": "1x"}}, "keypad.limits.hello_timeout", "duration"),
        ({**KEYPAD_MIN, "pin": {"duress_verifier": "1234"}}, "keypad.pin.duress_verifier", "never the PIN"),
        ({**KEYPAD_MIN, "clients": {"enrolled": {"web01": "hex:00"}}}, "keypad.clients.enrolled.web01", "32 bytes"),
        ({**KEYPAD_MIN, "clients": {"enrolled": {"web01": "hex:zz"}}}, "keypad.clients.enrolled.web01", "hex"),
        ({**KEYPAD_MIN, "clients": {"enrolled": {"web01": 5}}}, "keypad.clients.enrolled.web01", "hex:"),
        ({**KEYPAD_MIN, "unseal": "voice"}, "keypad.unseal", "terminal, pinpad"),
        ({**KEYPAD_MIN, "sensor": "gpio"}, "keypad.sensor", "table"),
        ({**KEYPAD_MIN, "surprise": {}}, "keypad.surprise", "unknown key"),
        ({}, "keypad.keystore", "required"),
    ],
)
def test_keypad_rejections_name_the_key(data, key, words):
    with pytest.raises(ConfigError) as e:
        config.validate("keypad", data)
    assert e.value.key == key
    assert words in str(e.value)


def test_enrolled_hex_and_file_forms():
    k = _keypad(clients={"enrolled": {"a": "hex:" + "ab" * 32, "b": "psk/b.psk"}, "require_enrolled": True})
    assert k.clients.enrolled["a"] == bytes.fromhex("ab" * 32)
    assert k.clients.enrolled["b"] == Path("/etc/keycrypt/psk/b.psk")


def test_duress_verifier_accepts_argon2id_hash():
    from argon2 import PasswordHasher

    h = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash("13571357")
    assert _keypad(pin={"duress_verifier": h}).pin.duress_verifier == h


def test_boot_grace_wait_and_durations():
    assert _client(boot_grace="wait").boot_grace is None
    assert _client(boot_grace="2m").boot_grace == 120.0
    assert _keypad(maintenance={"window_default": "15m"}).maintenance.window_default == 900.0


@pytest.mark.parametrize(
    "text, seconds",
    [("90", 90.0), (1.5, 1.5), ("500ms", 0.5), ("15m", 900.0), ("1h30m", 5400.0), ("2d", 172800.0), (" 10 s", 10.0)],
)
def test_parse_duration(text, seconds):
    assert config.parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "m", "15x", "1h 30", "-5", "nan", "inf", "5m3", True])
def test_parse_duration_rejects(text):
    with pytest.raises(ValueError):
        config.parse_duration(text)


@given(st.integers(min_value=0, max_value=10**6), st.sampled_from(["ms", "s", "m", "h"]))
def test_parse_duration_units(n, unit):
    assert config.parse_duration(f"{n}{unit}") == pytest.approx(n * {"ms": 0.001, "s": 1, "m": 60, "h": 3600}[unit])


def test_load_reports_file_and_key(tmp_path):
    p = tmp_path / "c.toml"
    p.write_text('client_id = "a"\n[[keypads]]\nhost = "k"\npubkey = "p"\nport = 0\n')
    with pytest.raises(ConfigError) as e:
        config.load_client_config(p)
    assert str(p) in str(e.value) and "client.keypads[0].port: must be 1..65535" in str(e.value)


def test_load_rejects_bad_toml_and_missing_file(tmp_path):
    p = tmp_path / "c.toml"
    p.write_text("client_id = \n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        config.load_client_config(p)
    with pytest.raises(ConfigError, match="cannot read config file"):
        config.load_client_config(tmp_path / "missing.toml")


def test_window_default_must_not_exceed_max(tmp_path):
    p = tmp_path / "k.toml"
    p.write_text('keystore = "k"\n[maintenance]\nwindow_default = "2h"\nwindow_max = "1h"\n')
    with pytest.raises(ConfigError, match="window_default"):
        config.load_keypad_config(p)


def test_read_psk_file_forms(tmp_path):
    raw = bytes(range(32))
    (tmp_path / "raw").write_bytes(raw)
    (tmp_path / "hex").write_text(raw.hex() + "\n")
    (tmp_path / "bad").write_bytes(b"x" * 31)
    assert config.read_psk_file(tmp_path / "raw") == raw
    assert config.read_psk_file(tmp_path / "hex") == raw
    with pytest.raises(ConfigError, match="32 raw bytes"):
        config.read_psk_file(tmp_path / "bad")
    with pytest.raises(ConfigError, match="cannot read psk file"):
        config.read_psk_file(tmp_path / "missing")


@pytest.mark.parametrize("second", [
    '[[keypads]]\nhost = "kp"\npubkey = "other.pub"\n',            # same host, default port
    '[[keypads]]\nhost = "KP."\npubkey = "other.pub"\nport = 7447\n',  # the same name spelled otherwise
])
def test_two_keypads_at_one_address_are_refused(tmp_path, second):
    """Issue 11 item 2: a keypad listed twice is refused at start, naming the second entry."""
    p = tmp_path / "c.toml"
    p.write_text('client_id = "web01"\n[[keypads]]\nhost = "kp"\npubkey = "kp.pub"\n' + second)
    with pytest.raises(ConfigError) as e:
        config.load_client_config(p)
    assert e.value.key == "client.keypads[1].host" and "client.keypads[0]" in str(e.value)


def test_two_keypads_pinning_one_key_are_refused(tmp_path):
    """Issue 11 item 2: every keypad has its own key pair; two entries with one fingerprint are refused."""
    import shutil

    from keycrypt.daemon.client_settings import settings_from_config
    from keycrypt.keystore import create_keystore, write_pubkey
    from keycrypt.wire.keyfile import Argon2Params

    ks = create_keystore(tmp_path / "a.key", "24682468", params=Argon2Params(time_cost=1, memory_kib=8192, parallelism=1))
    write_pubkey(tmp_path / "a.pub", ks.ek)
    shutil.copy(tmp_path / "a.pub", tmp_path / "b.pub")  # a cloned keypad's public key
    p = tmp_path / "c.toml"
    p.write_text('client_id = "web01"\n[[keypads]]\nhost = "kp-a"\npubkey = "a.pub"\n'
                 '[[keypads]]\nhost = "kp-b"\npubkey = "b.pub"\n')
    with pytest.raises(ConfigError) as e:
        settings_from_config(config.load_client_config(p))
    assert e.value.key == "client.keypads[1].pubkey" and "client.keypads[0]" in str(e.value)


def test_validated_values_are_frozen_dataclasses():
    import dataclasses

    k = _keypad(clients={"enrolled": {"a": "hex:" + "ab" * 32}})
    c = _client()
    assert isinstance(k, config.KeypadFileConfig) and isinstance(c, config.ClientFileConfig)
    assert isinstance(k.listen, config.ListenSection) and isinstance(c.keypads[0], config.KeypadEntry)
    with pytest.raises(dataclasses.FrozenInstanceError):
        k.listen.port = 1  # type: ignore[misc]
    with pytest.raises(TypeError):
        k.clients.enrolled["b"] = b""  # type: ignore[index]
    with pytest.raises(TypeError):
        c.lockdown["steps"] = []  # type: ignore[index]


def test_every_section_has_a_dataclass_with_exactly_its_keys(monkeypatch):
    monkeypatch.setitem(config._RECORDS, ("client", "keypads"), config.ListenSection)
    with pytest.raises(AssertionError, match="client.keypads"):
        config._check_records()
