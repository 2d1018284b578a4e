"""The shipped systemd units: the lines the design depends on, a valid ExecStart, and systemd's own check.

The client unit is what turns a killed or hung client into a lockdown
(Type=notify + WatchdogSec + FailureAction=poweroff-force, Restart=no); a
unit that lost one of those lines would still start and look fine. A dry-run
lockdown (exit 5) must be a success for systemd, or FailureAction powers the
host off during the very test the docs ask for.

The units are installed as docs/deployment.md says, with ``keycrypt install-units``
into a temporary root, and ``systemd-analyze verify`` checks the result (.ci/run
installs systemd's tools; outside CI the test skips when they are missing).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from keycrypt.cli import build_parser, cmd_client_run, cmd_keypad_run
from keycrypt.install_units import UNITS as UNIT_NAMES

REPO = Path(__file__).resolve().parents[1]
UNITS = REPO / "keycrypt" / "systemd"
HIDDEN = ("/home/", "/root/", "/tmp/", "/var/tmp/", "/run/user/")


def directives(path: Path) -> dict[tuple[str, str], list[str]]:
    """(section, key) -> values, in order; comments and blank lines skipped."""
    out: dict[tuple[str, str], list[str]] = {}
    section = ""
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        key, _, value = line.partition("=")
        out.setdefault((section, key.strip()), []).append(value.strip())
    return out


def one(d: dict[tuple[str, str], list[str]], section: str, key: str) -> str:
    values = d.get((section, key))
    assert values and len(values) == 1, f"[{section}] {key}= must be set once, got {values}"
    return values[0]


@pytest.mark.parametrize(
    ("unit", "func"),
    [("keycrypt-client.service", cmd_client_run), ("keycrypt-keypad.service", cmd_keypad_run)],
)
def test_units_are_notify_with_a_watchdog_and_run_the_right_command(unit: str, func) -> None:
    d = directives(UNITS / unit)
    assert one(d, "Service", "Type") == "notify"
    assert one(d, "Service", "NotifyAccess") == "main"
    assert 0 < float(one(d, "Service", "WatchdogSec")) <= 10
    argv = shlex.split(one(d, "Service", "ExecStart"))
    assert argv[0] == "/usr/bin/keycrypt"  # keycrypt install-units rewrites this path
    args = build_parser().parse_args(argv[1:])
    assert args.func is func and args.config.startswith("/etc/keycrypt/")
    assert one(d, "Install", "WantedBy") == "multi-user.target"


def test_client_unit_powers_off_when_the_client_fails_in_any_way_except_a_dry_run() -> None:
    d = directives(UNITS / "keycrypt-client.service")
    assert one(d, "Unit", "FailureAction") == "poweroff-force"
    assert one(d, "Unit", "StartLimitIntervalSec") == "0"
    assert one(d, "Service", "Restart") == "no"
    assert float(one(d, "Service", "WatchdogSec")) <= 2
    assert_dry_run_exit_is_success_and_lockdown_is_failure(d)
    # hardening that would break the ladder (luksSuspend, sysrq) must not creep in
    for key in ("PrivateDevices", "ProtectKernelTunables", "CapabilityBoundingSet", "DevicePolicy"):
        assert ("Service", key) not in d, key


def assert_dry_run_exit_is_success_and_lockdown_is_failure(d: dict[tuple[str, str], list[str]]) -> None:
    """systemd runs FailureAction= only when the unit fails; SuccessExitStatus= decides that for an exit.

    EXIT_LOCKDOWN_DRY_RUN must be listed (a dry run never powers the host off);
    EXIT_LOCKDOWN and every other non-zero status must not (the power-off backs
    up the ladder, and a crash is a lost dead man's switch).
    """
    from keycrypt import cli

    success: set[str] = set()
    for value in d.get(("Service", "SuccessExitStatus"), []):
        if not value:  # an empty assignment resets the list
            success.clear()
        success.update(value.split())
    assert success == {str(cli.EXIT_LOCKDOWN_DRY_RUN)}, success
    assert ("Service", "RestartPreventExitStatus") not in d and ("Unit", "SuccessAction") not in d


def _keycrypt() -> Path:
    keycrypt = Path(sys.executable).with_name("keycrypt")
    if not keycrypt.exists():
        pytest.skip("the keycrypt entry point is not installed next to this Python")
    if str(keycrypt).startswith(HIDDEN):
        pytest.skip(f"{keycrypt} is where the units cannot run it (ProtectHome=/PrivateTmp=)")
    return keycrypt


def _install(root: Path, *which: str) -> Path:
    """What docs/deployment.md does: ``keycrypt install-units`` (here into a temporary root)."""
    keycrypt = _keycrypt()
    res = subprocess.run(
        [str(keycrypt), "install-units", *(f"--{w}" for w in which), "--root", str(root)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert res.returncode == 0, res.stderr
    return keycrypt


def test_install_units_writes_both_units_with_this_keycrypt_in_execstart(tmp_path: Path) -> None:
    keycrypt = _install(tmp_path, "client", "keypad")
    for which, func in (("client", cmd_client_run), ("keypad", cmd_keypad_run)):
        path = tmp_path / "etc/systemd/system" / UNIT_NAMES[which]
        assert path.stat().st_mode & 0o777 == 0o644
        argv = shlex.split(one(directives(path), "Service", "ExecStart"))
        assert argv[0] == str(keycrypt)
        assert build_parser().parse_args(argv[1:]).func is func
        assert "/usr/bin/keycrypt" not in path.read_text()
        # Documentation= names a file that is there (it named /usr/share/doc/keycrypt/cli.md, which never was)
        docs = [v for v in directives(path)[("Unit", "Documentation")] if v.startswith("file://")]
        assert docs and all(Path(v.removeprefix("file://")).is_file() for v in docs), docs
    assert_dry_run_exit_is_success_and_lockdown_is_failure(directives(tmp_path / "etc/systemd/system/keycrypt-client.service"))


def test_install_units_refuses_a_keycrypt_the_units_cannot_reach(tmp_path: Path) -> None:
    from keycrypt.errors import ConfigError
    from keycrypt.install_units import install

    for bad in ("/root/venv/bin/keycrypt", "/home/op/.venv/bin/keycrypt", "/tmp/v/bin/keycrypt", "relative/keycrypt", "/opt/nothing/here/keycrypt"):
        with pytest.raises(ConfigError, match="--bin"):
            install(tmp_path, ("client",), Path(bad))
    assert not (tmp_path / "etc").exists()
    keycrypt = _keycrypt()
    # an existing unit that differs is not replaced without --force, and nothing is written
    unit = tmp_path / "etc/systemd/system/keycrypt-client.service"
    unit.parent.mkdir(parents=True)
    unit.write_text("[Service]\nExecStart=/bin/true\n")
    with pytest.raises(ConfigError, match="--force"):
        install(tmp_path, ("keypad", "client"), keycrypt)
    assert unit.read_text() == "[Service]\nExecStart=/bin/true\n"
    assert not unit.with_name("keycrypt-keypad.service").exists()
    install(tmp_path, ("client",), keycrypt, force=True)
    assert str(keycrypt) in unit.read_text()


def test_the_docs_install_the_units_with_install_units_and_verify_them() -> None:
    text = (REPO / "docs" / "deployment.md").read_text()
    for which in ("client", "keypad"):
        assert f"keycrypt install-units --{which}" in text
        assert f"systemd-analyze verify /etc/systemd/system/keycrypt-{which}.service" in text


def _systemd_analyze() -> str:
    found = shutil.which("systemd-analyze")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("systemd-analyze is missing under CI (.ci/run installs systemd)")
        pytest.skip("systemd-analyze is not installed (apt-get install systemd)")
    return found


@pytest.mark.parametrize("which", ["client", "keypad"])
def test_systemd_analyze_verify_accepts_the_installed_units(tmp_path: Path, which: str) -> None:
    """The docs' path: install-units into a root, then systemd's own check prints nothing."""
    analyze = _systemd_analyze()
    _install(tmp_path, which)
    unit = tmp_path / "etc/systemd/system" / UNIT_NAMES[which]
    res = subprocess.run([analyze, "verify", str(unit)], capture_output=True, text=True, timeout=60)
    problems = [line for line in (res.stdout + res.stderr).splitlines() if UNIT_NAMES[which] in line or "Unknown" in line]
    assert res.returncode == 0 and not problems, res.stdout + res.stderr
    if which == "client":
        assert_dry_run_exit_is_success_and_lockdown_is_failure(directives(unit))


def _default(schema, section: str, key: str) -> str:
    return next(o.default for o in schema.section(section).opts if o.key == key)


def test_each_unit_has_its_own_directories_holding_its_default_paths() -> None:
    """Both units may run on one host (a test bench). The keypad refuses a control socket
    directory that others can enter, so it must not share the client's /run/keycrypt (0755);
    and the keypad's user must not own the directory of the client's audit log."""
    from keycrypt.config import _CLIENT, _KEYPAD

    keypad = directives(UNITS / "keycrypt-keypad.service")
    client = directives(UNITS / "keycrypt-client.service")
    k_dir, c_dir = one(keypad, "Service", "RuntimeDirectory"), one(client, "Service", "RuntimeDirectory")
    assert k_dir != c_dir
    assert one(keypad, "Service", "RuntimeDirectoryMode") == "0700"
    assert Path(_default(_KEYPAD, "", "control_socket")).parent == Path("/run") / k_dir
    assert Path(_default(_CLIENT, "", "status_file")).parent == Path("/run") / c_dir
    k_state, c_state = one(keypad, "Service", "StateDirectory"), one(client, "Service", "StateDirectory")
    assert k_state != c_state
    assert Path(_default(_KEYPAD, "", "state_dir")) == Path("/var/lib") / k_state
    assert Path(_default(_CLIENT, "", "audit_log")).parent == Path("/var/lib") / c_state
