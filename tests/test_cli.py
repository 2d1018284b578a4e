"""The ``keycrypt`` command as an operator meets it: subprocesses, exit statuses, one-line errors.

Also the full path through the CLI: keypad run + client run as processes, a
breach ordered with ``keycrypt keypad breach``, the client's ``command``
lockdown hook firing, ``client status`` and ``audit verify``.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time

import pytest

from e2e_helpers import REPO, TEST_PIN, free_port, make_keystore, run_cli, wait_until

FAST = ["--argon2-time", "1", "--argon2-memory", "8192", "--argon2-parallelism", "1"]


def _pin_pipe(*pins: str) -> int:
    r, w = os.pipe()
    os.write(w, "".join(p + "\n" for p in pins).encode())
    os.close(w)
    return r


def cli_with_pins(*args: str, pins: tuple[str, ...]) -> subprocess.CompletedProcess[str]:
    fd = _pin_pipe(*pins)
    try:
        return run_cli(*args, "--pin-fd", str(fd), pass_fds=(fd,))
    finally:
        os.close(fd)


def _one_line_error(res: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in res.stderr, res.stderr
    lines = [line for line in res.stderr.splitlines() if line.strip()]
    assert lines, "an error must say what was wrong"
    return lines[-1]


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["keypad"],
        ["keypad", "init"],
        ["keypad", "pubkey"],
        ["keypad", "change-pin"],
        ["keypad", "duress-hash"],
        ["keypad", "run"],
        ["keypad", "status"],
        ["keypad", "arm"],
        ["keypad", "disarm"],
        ["keypad", "breach"],
        ["keypad", "lockdown-all"],
        ["keypad", "check"],
        ["client"],
        ["client", "run"],
        ["client", "check"],
        ["pubkey", "fingerprint"],
        ["install-units"],
        ["client", "status"],
        ["client", "enroll"],
        ["audit", "verify"],
        ["demo"],
    ],
)
def test_help_on_every_command(args):
    from keycrypt.cli import build_parser

    with pytest.raises(SystemExit) as e:
        build_parser().parse_args([*args, "--help"])
    assert e.value.code == 0


def test_every_command_has_an_example_and_every_option_help():
    import argparse

    from keycrypt.cli import EXAMPLES, build_parser

    leaves = []

    def walk(parser, path):
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not subs:
            leaves.append(path)
            for a in parser._actions:
                assert a.help, f"keycrypt {path}: {a.option_strings or a.dest} has no help"
            assert parser.epilog and parser.epilog.startswith("example:") and path in EXAMPLES, path
            assert parser.format_help().rstrip().endswith(EXAMPLES[path]), path
        for s in subs:
            for name, sub in s.choices.items():
                walk(sub, f"{path} {name}".strip())

    walk(build_parser(), "")
    assert sorted(leaves) == sorted(EXAMPLES)


def test_top_level_help_lists_the_exit_statuses(capsys):
    from keycrypt import cli

    with pytest.raises(SystemExit):
        cli.build_parser().parse_args(["--help"])
    out = capsys.readouterr().out
    for code in (cli.EXIT_OK, cli.EXIT_FAILURE, cli.EXIT_USAGE, cli.EXIT_PIN, cli.EXIT_LOCKDOWN, cli.EXIT_LOCKDOWN_DRY_RUN, cli.EXIT_DRY_RUN, cli.EXIT_INTERRUPTED):
        assert f"\n  {code} " in out, code
    documented = (REPO / "docs" / "cli.md").read_text()
    for code in ("0", "1", "2", "3", "4", "5", "6", "130"):
        assert f"\n| {code} |" in documented, code


def test_usage_error_is_exit_2():
    res = run_cli("keypad", "frobnicate")
    assert res.returncode == 2 and "invalid choice" in res.stderr


@pytest.mark.slow
def test_init_pubkey_change_pin_and_nothing_overwritten(tmp_path):
    ks, pub = tmp_path / "k.key", tmp_path / "k.pub"
    res = cli_with_pins("keypad", "init", "--keystore", str(ks), *FAST, pins=(TEST_PIN,))
    assert res.returncode == 0, res.stderr
    fp = res.stdout.split("fingerprint: ")[1].strip()
    assert len(fp.split()) == 16
    original = ks.read_bytes()
    assert oct(ks.stat().st_mode & 0o777) == "0o600"

    again = cli_with_pins("keypad", "init", "--keystore", str(ks), *FAST, pins=(TEST_PIN,))
    assert again.returncode == 2 and "already exists" in _one_line_error(again)
    assert ks.read_bytes() == original

    wrong = cli_with_pins("keypad", "pubkey", "--keystore", str(ks), "--out", str(pub), pins=("00000000",))
    assert wrong.returncode == 3 and "wrong PIN" in _one_line_error(wrong)
    assert not pub.exists()
    ok = cli_with_pins("keypad", "pubkey", "--keystore", str(ks), "--out", str(pub), pins=(TEST_PIN,))
    assert ok.returncode == 0, ok.stderr
    assert fp in ok.stdout  # the same fingerprint, comparable by a person
    pub_bytes = pub.read_bytes()
    exists = cli_with_pins("keypad", "pubkey", "--keystore", str(ks), "--out", str(pub), pins=(TEST_PIN,))
    assert exists.returncode == 2 and pub.read_bytes() == pub_bytes

    bad_old = cli_with_pins("keypad", "change-pin", "--keystore", str(ks), pins=("00000000", "13579135"))
    assert bad_old.returncode == 3 and ks.read_bytes() == original
    short = cli_with_pins("keypad", "change-pin", "--keystore", str(ks), pins=(TEST_PIN, "12"))
    assert short.returncode == 2 and "too short" in _one_line_error(short)
    assert ks.read_bytes() == original
    changed = cli_with_pins("keypad", "change-pin", "--keystore", str(ks), pins=(TEST_PIN, "13579135"))
    assert changed.returncode == 0, changed.stderr
    assert fp in changed.stdout
    assert cli_with_pins("keypad", "pubkey", "--keystore", str(ks), "--out", str(tmp_path / "p2"), pins=("13579135",)).returncode == 0


@pytest.mark.slow
def test_pin_needs_a_terminal_or_pin_fd(tmp_path):
    res = run_cli("keypad", "init", "--keystore", str(tmp_path / "k"), *FAST, input="")
    assert res.returncode == 2 and "--pin-fd" in _one_line_error(res)
    assert not (tmp_path / "k").exists()


def _on_a_terminal(args: list[str], answers: list[str], timeout: float = 60) -> tuple[int, str]:
    """Run ``keycrypt ARGS`` on a pseudo-terminal, typing each answer after a prompt; (status, what it showed)."""
    import pty
    import select

    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.chdir(REPO)
        env = {k: v for k, v in os.environ.items() if k != "NOTIFY_SOCKET"}
        os.execve(sys.executable, [sys.executable, "-m", "keycrypt.cli", *args], env)
    shown, pending, answered, end = b"", list(answers), 0, time.monotonic() + timeout
    try:
        while time.monotonic() < end:
            ready, _, _ = select.select([fd], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(fd, 4096)
                except OSError:  # EIO: the child closed the terminal
                    break
                if not chunk:
                    break
                shown += chunk
                # one answer per new prompt: getpass flushes typed-ahead input (TCSAFLUSH)
                if pending and shown.count(b"PIN: ") + shown.count(b"to go on: ") > answered:
                    answered += 1
                    os.write(fd, pending.pop(0).encode() + b"\n")
    finally:
        grace = time.monotonic() + 10
        while (done := os.waitpid(pid, os.WNOHANG))[0] == 0 and time.monotonic() < grace:
            time.sleep(0.02)
        if done[0] == 0:  # still waiting for input: the test failed, do not hang with it
            os.kill(pid, signal.SIGKILL)
            done = os.waitpid(pid, 0)
        status = done[1]
        os.close(fd)
    return os.waitstatus_to_exitcode(status), shown.decode(errors="replace")


@pytest.mark.slow
def test_init_asks_the_new_pin_twice_on_a_terminal_without_echo(tmp_path):
    ks = tmp_path / "k.key"
    code, shown = _on_a_terminal(["keypad", "init", "--keystore", str(ks), *FAST], ["24682468", "24692469"])
    assert code == 2 and "New PIN:" in shown and "Repeat the new PIN:" in shown
    assert "differ" in shown and not ks.exists()
    assert "24682468" not in shown and "24692469" not in shown  # never echoed
    code, shown = _on_a_terminal(["keypad", "init", "--keystore", str(ks), *FAST], ["24682468", "24682468"])
    assert code == 0 and "Repeat the new PIN:" in shown and "fingerprint:" in shown, shown
    assert ks.exists() and "24682468" not in shown


@pytest.mark.slow
def test_duress_hash_prints_an_argon2id_verifier(tmp_path):
    ks, _, _ = make_keystore(tmp_path)
    res = cli_with_pins("keypad", "duress-hash", "--keystore", str(ks), pins=("13571357",))
    assert res.returncode == 0
    verifier = res.stdout.strip()
    assert verifier.startswith("$argon2id$") and "13571357" not in verifier
    from argon2 import PasswordHasher

    assert PasswordHasher().verify(verifier, "13571357")


@pytest.mark.slow
def test_a_duress_pin_equal_to_the_keypad_pin_is_refused_by_duress_hash_and_at_start(tmp_path):
    ks, _, _ = make_keystore(tmp_path)
    res = cli_with_pins("keypad", "duress-hash", "--keystore", str(ks), pins=(TEST_PIN,))
    assert res.returncode == 2 and "--keystore" in res.stderr and "$argon2id$" not in res.stdout
    from e2e_helpers import duress_verifier

    cfg = tmp_path / "keypad.toml"
    cfg.write_text(
        f'keystore = "keypad.key"\nstate_dir = "state"\ncontrol_socket = "run/kp.sock"\n'
        f'[listen]\nhost = "127.0.0.1"\nport = 0\n[sensor]\ndriver = "none"\n[pin]\nduress_verifier = "{duress_verifier(TEST_PIN)}"\n'
    )
    res = cli_with_pins("keypad", "run", "--config", str(cfg), pins=(TEST_PIN,))
    assert res.returncode == 2 and "keypad.pin.duress_verifier" in res.stderr, res.stderr
    assert not (tmp_path / "run" / "kp.sock").exists()


@pytest.mark.slow
@pytest.mark.parametrize("cmd", ["breach", "lockdown-all"])
def test_rack_wide_commands_ask_on_a_terminal_and_need_yes_in_scripts(tmp_path, cmd):
    sock = str(tmp_path / "none.sock")  # nothing listens: a confirmed command fails to reach it
    res = run_cli("keypad", cmd, "--socket", sock)
    assert res.returncode == 2 and "--yes" in res.stderr
    code, shown = _on_a_terminal(["keypad", cmd, "--socket", sock], ["no"])
    assert code == 1 and "every client" in shown and "not confirmed; nothing was done" in shown, shown
    code, shown = _on_a_terminal(["keypad", cmd, "--socket", sock], ["yes"])
    assert code == 1 and "not confirmed" not in shown and "none.sock" in shown, shown  # it went on: tried the socket
    res = run_cli("keypad", cmd, "--socket", sock, "--yes")
    assert res.returncode == 1 and "none.sock" in res.stderr


@pytest.mark.slow
def test_bad_config_is_exit_2_naming_the_key(tmp_path):
    cfg = tmp_path / "client.toml"
    cfg.write_text('client_id = "a"\n[[keypads]]\nhost = "k"\npubkey = "p"\nport = 70000\n')
    res = run_cli("client", "run", "--config", str(cfg))
    assert res.returncode == 2
    assert "client.keypads[0].port: must be 1..65535" in _one_line_error(res)
    cfg.write_text('client_id = "a"\nheartbeat = 1\n[[keypads]]\nhost = "k"\npubkey = "p"\n')
    res = run_cli("client", "run", "--config", str(cfg))
    assert res.returncode == 2 and "client.heartbeat: unknown key" in _one_line_error(res)
    res = run_cli("keypad", "run", "--config", str(tmp_path / "missing.toml"))
    assert res.returncode == 2 and "cannot read config file" in _one_line_error(res)


@pytest.mark.slow
def test_bad_lockdown_section_is_exit_2(tmp_path):
    _, pub, _ = make_keystore(tmp_path)
    cfg = tmp_path / "client.toml"
    cfg.write_text(
        f'client_id = "a"\n[[keypads]]\nhost = "127.0.0.1"\npubkey = "{pub}"\n'
        '[lockdown]\n[[lockdown.steps]]\naction = "explode"\n'
    )
    res = run_cli("client", "run", "--config", str(cfg))
    assert res.returncode == 2 and "client.lockdown.steps[0]" in _one_line_error(res)


@pytest.mark.slow
def test_bad_key_file_is_exit_3(tmp_path):
    junk = tmp_path / "junk.pub"
    junk.write_bytes(b"this is not a public key file")
    cfg = tmp_path / "client.toml"
    cfg.write_text(f'client_id = "a"\n[[keypads]]\nhost = "127.0.0.1"\npubkey = "{junk}"\n')
    res = run_cli("client", "run", "--config", str(cfg))
    assert res.returncode == 3 and str(junk) in _one_line_error(res)
    assert junk.read_bytes() == b"this is not a public key file"
    cfg.write_text(f'client_id = "a"\n[[keypads]]\nhost = "127.0.0.1"\npubkey = "{tmp_path / "none.pub"}"\n')
    res = run_cli("client", "run", "--config", str(cfg))
    assert res.returncode == 3 and "none.pub" in _one_line_error(res)


@pytest.mark.slow
def test_keypad_run_with_a_bad_keystore_is_exit_3_and_not_a_wrong_pin(tmp_path):
    ks = tmp_path / "keypad.key"
    ks.write_bytes(b"not a keystore at all")
    cfg = tmp_path / "keypad.toml"
    cfg.write_text('keystore = "keypad.key"\nstate_dir = "state"\ncontrol_socket = "run/kp.sock"\n[listen]\nhost = "127.0.0.1"\nport = 0\n'
                   '[sensor]\ndriver = "none"\n')
    res = cli_with_pins("keypad", "run", "--config", str(cfg), pins=(TEST_PIN,))
    assert res.returncode == 3 and str(ks) in _one_line_error(res) and "not a KeyCrypt keystore" in res.stderr
    assert ks.read_bytes() == b"not a keystore at all"
    assert not (tmp_path / "state" / "pin_state.json").exists()  # a damaged file is not a wrong PIN
    ks.unlink()
    res = cli_with_pins("keypad", "run", "--config", str(cfg), pins=(TEST_PIN,))
    assert res.returncode == 3 and str(ks) in _one_line_error(res) and not ks.exists()


@pytest.mark.slow
def test_a_deadline_longer_than_the_systemd_watchdog_is_refused_at_start(tmp_path):
    _, pub, _ = make_keystore(tmp_path)
    cfg = tmp_path / "client.toml"
    body = f'[[keypads]]\nhost = "127.0.0.1"\nport = {free_port()}\npubkey = "{pub}"\n'
    # 1 s x 3 = 3 s: the shipped unit's WatchdogSec=2 would kill the client before its own deadline
    cfg.write_text(f'client_id = "slow"\nheartbeat_interval = 1\nboot_grace = "1s"\ndry_run = true\nstatus_file = "s.json"\naudit_log = "a.log"\n{body}')
    res = run_cli("client", "run", "--config", str(cfg), env={"WATCHDOG_USEC": "2000000"})
    assert res.returncode == 2 and "client.heartbeat_interval" in _one_line_error(res) and "WatchdogSec" in res.stderr
    assert not (tmp_path / "a.log").exists()
    # the defaults (0.5 s x 3 = 1.5 s) fit the shipped unit; outside systemd nothing is checked
    cfg.write_text(f'client_id = "fits"\nboot_grace = "0.5s"\ndry_run = true\nstatus_file = "s.json"\naudit_log = "a.log"\n{body}')
    res = run_cli("client", "run", "--config", str(cfg), env={"WATCHDOG_USEC": "2000000"})
    assert res.returncode == 5, res.stderr  # boot grace expired: a dry-run lockdown, not a config error
    cfg.write_text(f'client_id = "slow"\nheartbeat_interval = 1\nboot_grace = "0.5s"\ndry_run = true\nstatus_file = "s.json"\naudit_log = "a.log"\n{body}')
    assert run_cli("client", "run", "--config", str(cfg)).returncode == 5


@pytest.mark.slow
def test_a_lockdown_dry_run_alone_also_exits_5_which_the_unit_counts_as_success(tmp_path):
    """[lockdown] dry_run = true executes nothing; it exited 4 (a failure: FailureAction powered off)."""
    _, pub, _ = make_keystore(tmp_path)
    cfg = tmp_path / "client.toml"
    cfg.write_text(
        f'client_id = "ldry"\nboot_grace = "0.3s"\nstatus_file = "s.json"\naudit_log = "a.log"\n'
        f'[[keypads]]\nhost = "127.0.0.1"\nport = {free_port()}\npubkey = "{pub}"\n[lockdown]\ndry_run = true\n'
    )
    res = run_cli("client", "run", "--config", str(cfg))
    assert res.returncode == 5, res.stderr
    assert "would run" in (tmp_path / "a.log").read_text() or "dry" in (tmp_path / "a.log").read_text()


@pytest.mark.slow
def test_a_keypad_that_refuses_connections_is_a_warning_with_the_boot_grace_left_and_in_the_lockdown(tmp_path):
    """It was a DEBUG line: the operator saw 60 s of silence, then `deadline in CONNECTING`."""
    _, pub, _ = make_keystore(tmp_path)
    cfg = tmp_path / "client.toml"
    cfg.write_text(
        f'client_id = "early"\nboot_grace = "1.2s"\ndry_run = true\nstatus_file = "s.json"\naudit_log = "a.log"\n'
        f'[[keypads]]\nhost = "127.0.0.1"\nport = {free_port()}\npubkey = "{pub}"\n'
    )
    res = run_cli("client", "run", "--config", str(cfg))
    assert res.returncode == 5, res.stderr
    warnings = [ln for ln in res.stderr.splitlines() if "event=connect_failed" in ln]
    assert warnings and all("WARNING" in ln and "boot_grace_left=" in ln for ln in warnings), res.stderr
    assert "Connection refused" in warnings[0]
    detail = json.loads((tmp_path / "s.json").read_text())["lockdown"]["detail"]
    assert "last error: Connection refused" in detail, detail


@pytest.mark.slow
def test_bad_psk_file_is_exit_2(tmp_path):
    _, pub, _ = make_keystore(tmp_path)
    psk = tmp_path / "short.psk"
    psk.write_bytes(b"short")
    cfg = tmp_path / "client.toml"
    cfg.write_text(f'client_id = "a"\npsk_file = "{psk}"\n[[keypads]]\nhost = "127.0.0.1"\npubkey = "{pub}"\n')
    res = run_cli("client", "run", "--config", str(cfg))
    assert res.returncode == 2 and "client.psk_file" in _one_line_error(res)


@pytest.mark.slow
def test_keypad_run_with_wrong_pin_is_exit_3_and_counts(tmp_path):
    ks, _, _ = make_keystore(tmp_path)
    original = ks.read_bytes()
    cfg = tmp_path / "keypad.toml"
    cfg.write_text('keystore = "keypad.key"\nstate_dir = "state"\ncontrol_socket = "run/kp.sock"\n[listen]\nhost = "127.0.0.1"\nport = 0\n'
                   '[sensor]\ndriver = "none"\n')
    res = cli_with_pins("keypad", "run", "--config", str(cfg), pins=("0000",))
    assert res.returncode == 3 and "wrong PIN" in _one_line_error(res)
    assert ks.read_bytes() == original
    assert json.loads((tmp_path / "state" / "pin_state.json").read_text())["failures"] == 1


def test_keypad_status_shows_the_roster_and_the_missing_enrolled_clients(monkeypatch, capsys):
    import keycrypt.cli as cli

    answer = {
        "ok": True, "state": "ARMED", "window_until": None, "listen": ["0.0.0.0", 7447],
        "fingerprint": "ABCD " * 16, "pin": {"failures": 0, "locked_until": 0.0}, "refused": 0,
        "clients": [{"client_id": "web01", "peer": "10.0.0.5:40000", "state": "ESTABLISHED", "epoch": 0,
                     "last_seen_ago": 0.31, "connected_since": 0.0}],
        "missing": ["db01", "mail01"],
    }
    monkeypatch.setattr(cli, "_control", lambda args, req: answer)
    assert cli.main(["keypad", "status", "--socket", "/nonexistent"]) == 0
    out = capsys.readouterr().out
    assert "web01" in out and "0.31s" in out
    assert "missing:     db01, mail01" in out
    answer["missing"] = []
    assert cli.main(["keypad", "status", "--socket", "/nonexistent"]) == 0
    assert "missing:     none" in capsys.readouterr().out


def test_keypad_control_without_daemon_is_exit_1(tmp_path):
    res = run_cli("keypad", "status", "--socket", str(tmp_path / "nope.sock"))
    assert res.returncode == 1 and "is it running?" in _one_line_error(res)


@pytest.mark.slow
def test_client_enroll_writes_0600_and_refuses_overwrite(tmp_path):
    out = tmp_path / "web01.psk"
    res = run_cli("client", "enroll", "--client-id", "web01", "--out", str(out))
    assert res.returncode == 0, res.stderr
    data = out.read_bytes()
    assert len(data) == 32 and oct(out.stat().st_mode & 0o777) == "0o600"
    assert '"web01" = ' in res.stdout and data.hex() not in res.stdout
    again = run_cli("client", "enroll", "--client-id", "web01", "--out", str(out))
    assert again.returncode == 2 and out.read_bytes() == data
    bad = run_cli("client", "enroll", "--client-id", "", "--out", str(tmp_path / "x"))
    assert bad.returncode == 2 and not (tmp_path / "x").exists()
    shown = run_cli("client", "enroll", "--client-id", "db01", "--out", str(tmp_path / "db.psk"), "--show-hex")
    assert (tmp_path / "db.psk").read_bytes().hex() in shown.stdout


@pytest.mark.slow
def test_audit_verify_exit_status(tmp_path):
    from keycrypt.audit import AuditLog

    p = tmp_path / "audit.log"
    with AuditLog(p) as log:
        log.append("lockdown", "breach", keypad="k")
        log.append("lockdown_end", "breach")
    res = run_cli("audit", "verify", str(p))
    assert res.returncode == 0 and res.stdout.startswith("OK")
    p.write_bytes(p.read_bytes().replace(b"breach", b"bReach", 1))
    res = run_cli("audit", "verify", str(p))
    assert res.returncode == 1 and "FAIL" in res.stdout


# --------------------------------------------------------------------------- the whole path as processes


@pytest.mark.slow
def test_processes_breach_fires_the_clients_command_hook(tmp_path):
    _, pub, _ = make_keystore(tmp_path)
    port = free_port()
    sock = tmp_path / "run" / "keypad.sock"
    (tmp_path / "keypad.toml").write_text(
        f'keystore = "keypad.key"\nstate_dir = "state"\ncontrol_socket = "{sock}"\n'
        f'[listen]\nhost = "127.0.0.1"\nport = {port}\n[maintenance]\nwindow_default = "1s"\n'
        '[sensor]\ndriver = "none"\n'
    )
    fired = tmp_path / "hook-fired"
    (tmp_path / "client.toml").write_text(
        f'client_id = "proc01"\nheartbeat_interval = "100ms"\nboot_grace = "10s"\ndry_run = true\n'
        f'audit_log = "audit.log"\nstatus_file = "status.json"\n'
        f'[[keypads]]\nhost = "127.0.0.1"\nport = {port}\npubkey = "{pub}"\n'
        f'[lockdown]\n[[lockdown.steps]]\naction = "command"\nargv = ["touch", "{fired}"]\n'
        f'[[lockdown.steps]]\naction = "poweroff"\n'
    )
    env = {k: v for k, v in os.environ.items() if k != "NOTIFY_SOCKET"}
    fd = _pin_pipe(TEST_PIN)
    keypad = subprocess.Popen(
        [sys.executable, "-m", "keycrypt.cli", "keypad", "run", "--config", str(tmp_path / "keypad.toml"), "--pin-fd", str(fd)],
        pass_fds=(fd,), cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    os.close(fd)
    client = None
    try:
        assert wait_until(sock.exists, 20), "keypad did not come up"
        client = subprocess.Popen(
            [sys.executable, "-m", "keycrypt.cli", "client", "run", "--config", str(tmp_path / "client.toml")],
            cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )

        def established() -> bool:
            st = run_cli("keypad", "status", "--socket", str(sock), "--json")
            return st.returncode == 0 and any(c["client_id"] == "proc01" for c in json.loads(st.stdout)["clients"])

        assert wait_until(established, 20), "client did not connect"
        def client_armed() -> bool:
            st = run_cli("client", "status", "--status-file", str(tmp_path / "status.json"))
            # a dry-run client is never "fine": exit 6 and a loud DRY RUN line (issue 11 item 12)
            return st.returncode == 6 and "proc01" in st.stdout and "ARMED" in st.stdout and "DRY RUN:" in st.stdout and "NOT" in st.stderr

        assert wait_until(client_armed, 10)

        disarm = cli_with_pins("keypad", "disarm", "--socket", str(sock), "--for", "1s", pins=(TEST_PIN,))
        assert disarm.returncode == 0 and "DISARMED" in disarm.stdout
        wrong = cli_with_pins("keypad", "disarm", "--socket", str(sock), pins=("0000",))
        assert wrong.returncode == 3
        def keypad_state() -> str:
            return json.loads(run_cli("keypad", "status", "--socket", str(sock), "--json").stdout)["state"]

        assert wait_until(lambda: keypad_state() == "ARMED", 10), "the window did not re-arm the keypad"
        assert client.poll() is None and not fired.exists()

        assert run_cli("keypad", "breach", "--socket", str(sock)).returncode == 2  # no terminal, no --yes
        assert client.poll() is None and not fired.exists()
        assert run_cli("keypad", "breach", "--socket", str(sock), "--yes").returncode == 0
        assert client.wait(10) == 5  # lockdown fired in dry-run mode
        assert fired.exists()
        status = run_cli("client", "status", "--status-file", str(tmp_path / "status.json"), "--json")
        assert status.returncode == 5 and json.loads(status.stdout)["lockdown"]["reason"] == "eof"
        assert run_cli("audit", "verify", str(tmp_path / "audit.log")).returncode == 0

        armed = cli_with_pins("keypad", "arm", "--socket", str(sock), pins=(TEST_PIN,))
        assert armed.returncode == 0 and "ARMED" in armed.stdout
        assert run_cli("keypad", "lockdown-all", "--socket", str(sock), "--yes").stdout.strip() == "state: LOCKDOWN"
    finally:
        for p in (client, keypad):
            if p is not None and p.poll() is None:
                p.send_signal(signal.SIGTERM)
                try:
                    p.wait(10)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait()
    assert keypad.returncode == 0


@pytest.mark.slow
def test_client_sigterm_is_an_orderly_stop(tmp_path):
    _, pub, _ = make_keystore(tmp_path)
    fired = tmp_path / "fired"
    (tmp_path / "client.toml").write_text(
        f'client_id = "c"\nboot_grace = "wait"\ndry_run = true\naudit_log = "audit.log"\nstatus_file = "s.json"\n'
        f'[[keypads]]\nhost = "127.0.0.1"\nport = {free_port()}\npubkey = "{pub}"\n'
        f'[lockdown]\n[[lockdown.steps]]\naction = "command"\nargv = ["touch", "{fired}"]\n'
    )
    env = {k: v for k, v in os.environ.items() if k != "NOTIFY_SOCKET"}
    p = subprocess.Popen(
        [sys.executable, "-m", "keycrypt.cli", "client", "run", "--config", str(tmp_path / "client.toml")],
        cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        assert wait_until(lambda: (tmp_path / "s.json").exists(), 15)
        p.send_signal(signal.SIGTERM)
        assert p.wait(10) == 0
        assert not fired.exists()
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()


@pytest.mark.slow
def test_demo_runs_to_the_end(tmp_path):
    res = run_cli("demo", "--clients", "3", "--duration", "1", timeout=60)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "3 of 3" in res.stdout and "breach -> lockdown" in res.stdout
    assert "all chains intact" in res.stdout
    print(res.stdout.split("summary")[1])


@pytest.mark.slow
def test_sd_notify_ready_and_watchdog(tmp_path):
    """Under systemd: the keypad says READY=1, then WATCHDOG=1; the client says READY=1 after its handshake, then WATCHDOG=1."""
    _, pub, _ = make_keystore(tmp_path)
    port = free_port()
    (tmp_path / "keypad.toml").write_text(
        f'keystore = "keypad.key"\nstate_dir = "state"\ncontrol_socket = "run/kp.sock"\n'
        f'[listen]\nhost = "127.0.0.1"\nport = {port}\n'
        '[sensor]\ndriver = "none"\n'
    )
    (tmp_path / "client.toml").write_text(
        f'client_id = "sd"\nheartbeat_interval = "100ms"\ndry_run = true\naudit_log = "audit.log"\nstatus_file = "s.json"\n'
        f'[[keypads]]\nhost = "127.0.0.1"\nport = {port}\npubkey = "{pub}"\n'
    )
    sockets = {}
    for name in ("keypad", "client"):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        s.bind(str(tmp_path / f"{name}.notify"))
        s.settimeout(10)
        sockets[name] = s
    base = {k: v for k, v in os.environ.items() if k not in ("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID")}
    fd = _pin_pipe(TEST_PIN)
    keypad = subprocess.Popen(
        [sys.executable, "-m", "keycrypt.cli", "keypad", "run", "--config", str(tmp_path / "keypad.toml"), "--pin-fd", str(fd)],
        pass_fds=(fd,), cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**base, "NOTIFY_SOCKET": str(tmp_path / "keypad.notify"), "WATCHDOG_USEC": "1000000"},
    )
    os.close(fd)
    client = None
    try:
        msg = ""
        while "READY=1" not in msg:
            msg = sockets["keypad"].recv(4096).decode()
        assert "STATUS=ARMED" in msg
        while "WATCHDOG=1" not in msg:  # the keypad feeds its watchdog too
            msg = sockets["keypad"].recv(4096).decode()
        client = subprocess.Popen(
            [sys.executable, "-m", "keycrypt.cli", "client", "run", "--config", str(tmp_path / "client.toml")],
            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env={**base, "NOTIFY_SOCKET": str(tmp_path / "client.notify"), "WATCHDOG_USEC": "2000000"},
        )
        seen = []
        while "WATCHDOG=1" not in seen:
            seen += sockets["client"].recv(4096).decode().splitlines()
        assert "READY=1" in seen and seen.index("READY=1") < seen.index("WATCHDOG=1")
    finally:
        for p in (client, keypad):
            if p is not None and p.poll() is None:
                p.send_signal(signal.SIGTERM)
                p.wait(10)
        for s in sockets.values():
            s.close()


@pytest.mark.slow
def test_bad_sensor_section_is_exit_2_before_asking_the_pin(tmp_path):
    make_keystore(tmp_path)
    cfg = tmp_path / "keypad.toml"
    cfg.write_text('keystore = "keypad.key"\nstate_dir = "state"\n[sensor]\ndriver = "gpio"\nline = -1\n')
    res = run_cli("keypad", "run", "--config", str(cfg), input="")
    assert res.returncode == 2 and "keypad.sensor.line" in _one_line_error(res)
    cfg.write_text('keystore = "keypad.key"\nstate_dir = "state"\n[pinpad]\ndriver = "telepathy"\n[sensor]\ndriver = "none"\n')
    res = run_cli("keypad", "run", "--config", str(cfg), input="")
    assert res.returncode == 2 and "keypad.pinpad" in _one_line_error(res)


# --------------------------------------------------------------------------- StrictModes (issue 11 item 12)


def _strict_setup(tmp_path):
    """A client config with a psk, a pinned key and a command hook, all safe: 0644/0600 in a 0700 directory."""
    d = tmp_path / "etc"
    d.mkdir(mode=0o700)
    _, pub, _ = make_keystore(d)
    psk = d / "client.psk"
    psk.write_bytes(os.urandom(32))
    psk.chmod(0o600)
    hook = d / "hook.sh"
    hook.write_text("#!/bin/sh\nexit 0\n")
    hook.chmod(0o755)
    cfg = d / "client.toml"
    cfg.write_text(
        f'client_id = "strict"\npsk_file = "{psk}"\nboot_grace = "0.3s"\ndry_run = true\n'
        f'audit_log = "{d / "audit.log"}"\nstatus_file = "{d / "s.json"}"\n'
        f'[[keypads]]\nhost = "127.0.0.1"\nport = {free_port()}\npubkey = "{pub}"\n'
        f'[lockdown]\n[[lockdown.steps]]\naction = "command"\nargv = ["{hook}"]\n'
    )
    cfg.chmod(0o644)
    return d, cfg, psk, pub, hook


@pytest.mark.parametrize(
    "target, change, key, words",
    [
        ("cfg", lambda p: p.chmod(0o666), "client (config file)", "writable by group and others (mode 0666)"),
        ("psk", lambda p: p.chmod(0o620), "client.psk_file", "writable by its group"),
        ("pub", lambda p: p.chmod(0o646), "client.keypads[0].pubkey", "writable by others"),
        ("hook", lambda p: p.chmod(0o777), "client.lockdown.steps[0].argv", "hook executable"),
        ("hook", lambda p: os.chown(p, 4242, -1), "client.lockdown.steps[0].argv", "owned by uid 4242"),
        ("dir", lambda p: p.chmod(0o777), "client (config file)", "its directory"),
    ],
)
def test_files_others_can_write_are_refused_before_any_hook_runs(tmp_path, target, change, key, words):
    """Like sshd's StrictModes: a 0666 config made the client run its hooks as root (issue 11 item 12)."""
    d, cfg, psk, pub, hook = _strict_setup(tmp_path)
    path = {"cfg": cfg, "psk": psk, "pub": pub, "hook": hook, "dir": d}[target]
    change(path)
    res = run_cli("client", "run", "--config", str(cfg))
    line = _one_line_error(res)
    assert res.returncode == 2, res.stderr
    assert line.startswith(f"{key}:") or f"{key}:" in line, line
    assert words in line and str(path) in line, line
    assert not (d / "audit.log").exists()  # refused before the daemon started: no lockdown, no hook


def test_safe_files_and_a_sticky_tmp_are_accepted(tmp_path):
    d, cfg, *_ = _strict_setup(tmp_path)
    sticky = tmp_path / "sticky"
    sticky.mkdir()
    sticky.chmod(0o1777)  # like /tmp: others may write it, but cannot replace what they do not own
    moved = sticky / "client.toml"
    cfg.rename(moved)
    res = run_cli("client", "run", "--config", str(moved))
    assert res.returncode == 5, res.stderr  # started, boot grace ran out: the dry-run lockdown ran the hook


def test_a_symlink_to_a_file_others_can_write_is_refused(tmp_path):
    d, cfg, *_ = _strict_setup(tmp_path)
    open_dir = tmp_path / "open"
    open_dir.mkdir()
    open_dir.chmod(0o777)
    target = open_dir / "client.toml"
    target.write_text(cfg.read_text())
    target.chmod(0o644)
    link = d / "link.toml"
    link.symlink_to(target)
    res = run_cli("client", "run", "--config", str(link))
    assert res.returncode == 2 and "its target's directory" in _one_line_error(res) and str(open_dir) in res.stderr


def _status_file(tmp_path, **fields):
    snap = {"client_id": "web01", "pid": 1, "updated": time.time(), "dry_run": False, "ladder_dry_run": False, "lockdown": None, "keypads": []}
    snap.update(fields)
    path = tmp_path / "s.json"
    path.write_text(json.dumps(snap))
    return path


@pytest.mark.parametrize("fields, code, shown", [
    ({}, 0, None),
    ({"dry_run": True}, 6, "dry_run = true"),
    ({"ladder_dry_run": True}, 6, "lockdown.dry_run = true"),
])
def test_client_status_is_loud_and_non_zero_in_dry_run(tmp_path, fields, code, shown):
    """dry_run was invisible in `client status`, which exited 0 (issue 11 item 12)."""
    res = run_cli("client", "status", "--status-file", str(_status_file(tmp_path, **fields)))
    assert res.returncode == code, res
    if shown is None:
        assert "DRY RUN" not in res.stdout + res.stderr
    else:
        assert f"DRY RUN:    {shown}" in res.stdout and "will NOT lock this host down" in res.stderr


def test_a_hook_reached_through_a_symlinked_system_directory_is_accepted(tmp_path):
    """/bin -> usr/bin on merged-/usr systems: a link's mode is always 0777 and means nothing."""
    from keycrypt.strictmodes import check_trusted

    link_dir = tmp_path / "safe"
    link_dir.mkdir(mode=0o755)
    (link_dir / "bin").symlink_to("/usr/bin")
    check_trusted(link_dir / "bin" / "sh", "client.lockdown.steps[0].argv", "hook executable")


def test_keypad_run_refuses_to_start_without_a_sensor(tmp_path):
    """issue 11 item 9: no [sensor] table, or the simulated driver without the test/demo flag, is exit 2."""
    make_keystore(tmp_path)
    cfg = tmp_path / "keypad.toml"
    cfg.write_text('keystore = "keypad.key"\nstate_dir = "state"\n')
    res = run_cli("keypad", "run", "--config", str(cfg), input="")
    assert res.returncode == 2 and "keypad.sensor" in _one_line_error(res) and 'driver = "none"' in res.stderr
    cfg.write_text('keystore = "keypad.key"\nstate_dir = "state"\n[sensor]\ndriver = "simulated"\n')
    res = run_cli("keypad", "run", "--config", str(cfg), input="")
    assert res.returncode == 2 and "keypad.sensor.driver" in _one_line_error(res) and "--allow-simulated" in res.stderr
