"""The shipped systemd units: the lines the design depends on, a valid ExecStart, and systemd's own check.

The client unit is what turns a killed or hung client into a lockdown
(Type=notify + WatchdogSec + FailureAction=poweroff-force, Restart=no); a
unit that lost one of those lines would still start and look fine.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from keycrypt.cli import build_parser, cmd_client_run, cmd_keypad_run

REPO = Path(__file__).resolve().parents[1]
UNITS = REPO / "systemd"


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
    assert argv[0] == "/usr/bin/keycrypt"  # docs/cli.md rewrites this path at install time
    args = build_parser().parse_args(argv[1:])
    assert args.func is func and args.config.startswith("/etc/keycrypt/")
    assert one(d, "Install", "WantedBy") == "multi-user.target"


def test_client_unit_powers_off_when_the_client_fails_in_any_way() -> None:
    d = directives(UNITS / "keycrypt-client.service")
    assert one(d, "Unit", "FailureAction") == "poweroff-force"
    assert one(d, "Unit", "StartLimitIntervalSec") == "0"
    assert one(d, "Service", "Restart") == "no"
    assert float(one(d, "Service", "WatchdogSec")) <= 2
    # exit 4/5 (lockdown) must stay failures, so that FailureAction backs up the ladder
    assert ("Service", "SuccessExitStatus") not in d
    # hardening that would break the ladder (luksSuspend, sysrq) must not creep in
    for key in ("PrivateDevices", "ProtectKernelTunables", "CapabilityBoundingSet", "DevicePolicy"):
        assert ("Service", key) not in d, key


def test_the_install_commands_name_files_that_exist() -> None:
    text = (REPO / "docs" / "cli.md").read_text()
    for rel in ("systemd/keycrypt-keypad.service", "systemd/keycrypt-client.service", "examples/keypad.toml", "examples/client.toml"):
        assert rel in text and (REPO / rel).is_file(), rel
    assert text.count('sed "s|/usr/bin/keycrypt|$(command -v keycrypt)|"') == 2
    assert text.count("systemd-analyze verify") == 2


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
@pytest.mark.parametrize("unit", ["keycrypt-client.service", "keycrypt-keypad.service"])
def test_systemd_analyze_verify_accepts_the_installed_units(tmp_path: Path, unit: str) -> None:
    """What docs/cli.md does: the ExecStart path replaced by where keycrypt is, then systemd's check."""
    keycrypt = Path(sys.executable).with_name("keycrypt")
    if not keycrypt.exists():
        pytest.skip("the keycrypt entry point is not installed next to this Python")
    text = (UNITS / unit).read_text().replace("/usr/bin/keycrypt", str(keycrypt))
    (tmp_path / unit).write_text(text)
    res = subprocess.run(
        ["systemd-analyze", "verify", str(tmp_path / unit)], capture_output=True, text=True, timeout=60
    )
    problems = [line for line in (res.stdout + res.stderr).splitlines() if unit in line or "Unknown" in line]
    assert res.returncode == 0 and not problems, res.stdout + res.stderr


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
