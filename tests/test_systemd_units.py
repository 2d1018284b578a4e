"""The shipped systemd units: the lines the design depends on, a valid ExecStart, and systemd's own check.

The client unit is what turns a killed or hung client into a lockdown
(Type=notify + WatchdogSec + FailureAction=poweroff-force, Restart=no); a
unit that lost one of those lines would still start and look fine. A dry-run
lockdown (exit 5) must be a success for systemd, or FailureAction powers the
host off during the very test the docs ask for.

The units are installed as docs/deployment.md says, with ``keycrypt install-units``
into a temporary root that holds this keycrypt at /opt/keycrypt/bin/keycrypt, and
``systemd-analyze verify --root=`` checks the result in that root, so the checks run
wherever the checkout is (CI clones under /tmp, which the units hide). .ci/run
installs systemd's tools; outside CI the verify tests skip when they are missing.
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


BIN = Path("/opt/keycrypt/bin/keycrypt")
"""Where docs/deployment.md installs keycrypt; the units are checked as they would name it there."""


def _keycrypt() -> Path:
    keycrypt = Path(sys.executable).with_name("keycrypt")
    if not keycrypt.exists():
        pytest.skip("the keycrypt entry point is not installed next to this Python")
    return keycrypt


def _root(tmp_path: Path) -> Path:
    """A temporary root holding this keycrypt at ROOT/opt/keycrypt/bin/keycrypt (what the units name).

    The units are written and checked against that root, so the tests run wherever the checkout
    is: a venv under /tmp (CI's clone) is hidden from the units (PrivateTmp=) and refused by
    install-units, but the copy inside the root is at the path a real install uses.
    """
    root = tmp_path / "root"
    inside = root / BIN.relative_to("/")
    inside.parent.mkdir(parents=True)
    shutil.copy2(_keycrypt(), inside)
    return root


def _install(root: Path, *which: str) -> Path:
    """What docs/deployment.md does: ``keycrypt install-units`` (here into a temporary root)."""
    res = subprocess.run(
        [str(_keycrypt()), "install-units", *(f"--{w}" for w in which), "--root", str(root), "--bin", str(BIN)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert res.returncode == 0, res.stderr
    assert f"ExecStart={BIN} " in res.stdout, res.stdout
    return BIN


def test_install_units_writes_both_units_with_this_keycrypt_in_execstart(tmp_path: Path) -> None:
    root = _root(tmp_path)
    keycrypt = _install(root, "client", "keypad")
    for which, func in (("client", cmd_client_run), ("keypad", cmd_keypad_run)):
        path = root / "etc/systemd/system" / UNIT_NAMES[which]
        assert path.stat().st_mode & 0o777 == 0o644
        argv = shlex.split(one(directives(path), "Service", "ExecStart"))
        assert argv[0] == str(keycrypt)
        assert build_parser().parse_args(argv[1:]).func is func
        assert "/usr/bin/keycrypt" not in path.read_text()
        # Documentation= names a file that is there (it named /usr/share/doc/keycrypt/cli.md, which never was)
        docs = [v for v in directives(path)[("Unit", "Documentation")] if v.startswith("file://")]
        assert docs and all(Path(v.removeprefix("file://")).is_file() for v in docs), docs
    assert_dry_run_exit_is_success_and_lockdown_is_failure(directives(root / "etc/systemd/system/keycrypt-client.service"))


def test_install_units_names_the_keycrypt_that_runs_it_unless_the_units_cannot_reach_it(tmp_path: Path) -> None:
    """Without --bin: this venv's keycrypt, or (a venv under /tmp, /home, ...) a refusal naming --bin."""
    keycrypt = _keycrypt()
    res = subprocess.run([str(keycrypt), "install-units", "--client", "--root", str(tmp_path)],
                         capture_output=True, text=True, timeout=60)
    unit = tmp_path / "etc/systemd/system/keycrypt-client.service"
    if str(keycrypt).startswith(HIDDEN):
        assert res.returncode == 2 and "--bin" in res.stderr and "/opt" in res.stderr, res.stderr
        assert not unit.exists()
    else:
        assert res.returncode == 0, res.stderr
        assert shlex.split(one(directives(unit), "Service", "ExecStart"))[0] == str(keycrypt)


def test_install_units_refuses_a_keycrypt_the_units_cannot_reach(tmp_path: Path) -> None:
    from keycrypt.errors import ConfigError
    from keycrypt.install_units import install

    root = tmp_path / "empty-root"
    for bad in ("/root/venv/bin/keycrypt", "/home/op/.venv/bin/keycrypt", "/tmp/v/bin/keycrypt", "relative/keycrypt",
                "/opt/nothing/here/keycrypt", str(BIN)):  # BIN: neither on this host nor under this root
        if Path(bad).is_file():
            continue  # a host that has keycrypt at /opt/keycrypt: that one is reachable
        with pytest.raises(ConfigError, match="--bin"):
            install(root, ("client",), Path(bad))
    assert not root.exists()
    root = _root(tmp_path)
    # an existing unit that differs is not replaced without --force, and nothing is written
    unit = root / "etc/systemd/system/keycrypt-client.service"
    unit.parent.mkdir(parents=True)
    unit.write_text("[Service]\nExecStart=/bin/true\n")
    with pytest.raises(ConfigError, match="--force"):
        install(root, ("keypad", "client"), BIN)
    assert unit.read_text() == "[Service]\nExecStart=/bin/true\n"
    assert not unit.with_name("keycrypt-keypad.service").exists()
    install(root, ("client",), BIN, force=True)
    assert f"ExecStart={BIN} " in unit.read_text()


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


def _verify_root(tmp_path: Path) -> Path:
    """_root plus what systemd-analyze resolves inside --root: the system's units (sysinit.target,
    network-online.target, ...) and /bin/kill (the keypad's ExecReload=), copied from this host."""
    root = _root(tmp_path)
    system = next((Path(d) for d in ("/usr/lib/systemd/system", "/lib/systemd/system") if Path(d, "sysinit.target").exists()), None)
    if system is None:
        pytest.fail("systemd-analyze is installed but no systemd unit directory with sysinit.target was found")
    shutil.copytree(system, root / "usr/lib/systemd/system", symlinks=True)
    kill = shutil.which("kill", path="/usr/bin:/bin")
    assert kill is not None, "no /bin/kill on this host"
    (root / "bin").mkdir()
    shutil.copy2(kill, root / "bin/kill")
    return root


def _verify(analyze: str, root: Path, which: str) -> subprocess.CompletedProcess[str]:
    unit = Path("/etc/systemd/system") / UNIT_NAMES[which]  # as the docs run it, inside the root
    return subprocess.run([analyze, "verify", f"--root={root}", str(unit)], capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("which", ["client", "keypad"])
def test_systemd_analyze_verify_accepts_the_installed_units(tmp_path: Path, which: str) -> None:
    """The docs' path: install-units into a root, then systemd's own check prints nothing."""
    analyze = _systemd_analyze()
    root = _verify_root(tmp_path)
    _install(root, which)
    res = _verify(analyze, root, which)
    problems = [line for line in (res.stdout + res.stderr).splitlines() if UNIT_NAMES[which] in line or "Unknown" in line]
    assert res.returncode == 0 and not problems, res.stdout + res.stderr
    if which == "client":
        assert_dry_run_exit_is_success_and_lockdown_is_failure(directives(root / "etc/systemd/system" / UNIT_NAMES[which]))


def test_systemd_analyze_verify_in_the_root_sees_a_missing_binary_and_an_unknown_key(tmp_path: Path) -> None:
    """The check above can fail: with the binary gone from the root, or a misspelt key, it says so."""
    analyze = _systemd_analyze()
    root = _verify_root(tmp_path)
    _install(root, "client")
    (root / BIN.relative_to("/")).unlink()
    res = _verify(analyze, root, "client")
    assert res.returncode != 0 and f"{BIN} is not executable" in res.stdout + res.stderr, res.stdout + res.stderr
    shutil.copy2(_keycrypt(), root / BIN.relative_to("/"))
    unit = root / "etc/systemd/system/keycrypt-client.service"
    unit.write_text(unit.read_text().replace("\nNice=", "\nNicee="))
    res = _verify(analyze, root, "client")
    assert "Unknown key 'Nicee'" in res.stdout + res.stderr, res.stdout + res.stderr


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
