"""The ``keycrypt`` command: keypad and client daemons, key files, control, audit, demo.

Exit statuses (docs/cli.md):

====  ==========================================================================
0     success
1     runtime failure (daemon not reachable, I/O error, audit chain broken, ...)
2     usage or configuration error (bad argument, bad config file, bad psk file)
3     wrong PIN, PIN locked out (backoff), or a key file that does not open
4     client: the lockdown ladder ran
5     client: the lockdown fired in dry-run mode (recorded; the host left alone)
6     client status: the daemon runs in dry-run mode (a lockdown would leave the host up)
130   interrupted (Ctrl-C)
====  ==========================================================================

Errors are one line on stderr naming what was wrong, never a traceback for
a user's mistake; nothing existing is overwritten unless ``--force`` says so.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import os
import sys
import time
from pathlib import Path
from typing import Any, Callable, NoReturn, TextIO

from keycrypt.errors import AuditError, ConfigError, Failure, KeyCryptError, KeystoreError, PinError, PinFailure, UsageError
from keycrypt.exitcodes import (
    EXIT_DRY_RUN,
    EXIT_FAILURE,
    EXIT_INTERRUPTED,
    EXIT_LOCKDOWN,
    EXIT_LOCKDOWN_DRY_RUN,
    EXIT_OK,
    EXIT_PIN,
    EXIT_STATUSES,
    EXIT_USAGE,
)

DEFAULT_KEYPAD_CONFIG = "/etc/keycrypt/keypad.toml"
DEFAULT_CLIENT_CONFIG = "/etc/keycrypt/client.toml"


# --------------------------------------------------------------------------- PIN input


class PinSource:
    """PINs from a file descriptor (one per line) or, failing that, the terminal (never echoed)."""

    def __init__(self, fd: int | None) -> None:
        self._file: TextIO | None = None
        if fd is not None:
            try:
                self._file = os.fdopen(fd, "r", encoding="utf-8", closefd=False)
            except OSError as exc:
                raise UsageError(f"--pin-fd {fd}: {exc.strerror or exc}") from None
        self._fd = fd

    def read(self, prompt: str) -> str:
        if self._file is not None:
            line = self._file.readline()
            if not line:
                raise UsageError(f"--pin-fd {self._fd}: no PIN to read (end of input)")
            return line.rstrip("\r\n")
        if not sys.stdin.isatty():
            raise UsageError("no terminal to ask for the PIN; pass it on a file descriptor with --pin-fd N")
        return getpass.getpass(prompt)

    def new_pin(self, what: str = "PIN") -> str:
        """A new PIN, asked twice on a terminal (once from --pin-fd); rules checked here."""
        from keycrypt.keystore import normalize_pin

        first = self.read(f"New {what}: ")
        try:
            normalize_pin(first)
        except PinError as exc:
            raise UsageError(str(exc)) from None
        if self._file is None and self.read(f"Repeat the new {what}: ") != first:
            raise UsageError(f"the two {what}s differ; nothing was changed")
        return first


def _argon2_params(args: argparse.Namespace) -> Any:
    from keycrypt.config import parse_duration
    from keycrypt.constants import UNLOCK_TIME
    from keycrypt.keystore import DEFAULT, calibrate_argon2
    from keycrypt.wire.keyfile import Argon2Params

    explicit = (args.argon2_time, args.argon2_memory, args.argon2_parallelism) != (None, None, None)
    unlock_time = getattr(args, "unlock_time", None)
    if explicit and unlock_time is not None:
        raise UsageError("--unlock-time calibrates the Argon2 costs: give it or --argon2-*, not both")
    if not explicit:
        try:
            target = parse_duration(unlock_time) if unlock_time is not None else UNLOCK_TIME
            params = calibrate_argon2(target)
        except (ValueError, KeyCryptError) as exc:
            raise UsageError(f"--unlock-time: {exc}") from None
        print(f"calibrated Argon2id for {target:g} s per unlock on this machine: t={params.time_cost} "
              f"(never below t={DEFAULT.time_cost}), {params.memory_kib} KiB, p={params.parallelism}")
        return params
    try:
        return Argon2Params(
            time_cost=args.argon2_time if args.argon2_time is not None else DEFAULT.time_cost,
            memory_kib=args.argon2_memory if args.argon2_memory is not None else DEFAULT.memory_kib,
            parallelism=args.argon2_parallelism if args.argon2_parallelism is not None else DEFAULT.parallelism,
        )
    except KeyCryptError as exc:
        raise UsageError(f"Argon2 parameters: {exc}") from None


def _fp(ek: bytes) -> str:
    from keycrypt.keystore import fingerprint, format_fingerprint

    return format_fingerprint(fingerprint(ek))


def _refuse_existing(path: Path, force: bool, what: str) -> None:
    if not force and os.path.lexists(path):
        raise UsageError(f"{path} already exists; refusing to replace the {what} (use --force)")


# --------------------------------------------------------------------------- keypad commands


def cmd_keypad_init(args: argparse.Namespace) -> int:
    from keycrypt.keystore import create_keystore, write_pubkey

    ks = Path(args.keystore)
    _refuse_existing(ks, args.force, "keystore")
    if args.pubkey_out:
        _refuse_existing(Path(args.pubkey_out), args.force, "public key file")
    params = _argon2_params(args)
    pin = PinSource(args.pin_fd).new_pin()
    opened = create_keystore(ks, pin, params=params, overwrite=args.force)
    print(f"keystore {ks} written (Argon2id t={params.time_cost} m={params.memory_kib} KiB p={params.parallelism})")
    if args.pubkey_out:
        write_pubkey(args.pubkey_out, opened.ek, overwrite=args.force)
        print(f"public key {args.pubkey_out} written")
    print(f"fingerprint: {_fp(opened.ek)}")
    return EXIT_OK


def cmd_keypad_pubkey(args: argparse.Namespace) -> int:
    from keycrypt.keystore import open_keystore, write_pubkey

    out = Path(args.out)
    _refuse_existing(out, args.force, "public key file")
    pin = PinSource(args.pin_fd).read("Keypad PIN: ")
    opened = open_keystore(args.keystore, pin)
    write_pubkey(out, opened.ek, overwrite=args.force)
    os.chmod(out, 0o644)  # a public key: clients' users may read it
    print(f"public key {out} written")
    print(f"fingerprint: {_fp(opened.ek)}")
    print("Compare this fingerprint with the one `keycrypt client run` logs, or read it aloud over the phone.")
    return EXIT_OK


def cmd_keypad_change_pin(args: argparse.Namespace) -> int:
    from keycrypt.keystore import change_pin

    src = PinSource(args.pin_fd)
    old = src.read("Current PIN: ")
    new = src.new_pin()
    opened = change_pin(args.keystore, old, new)
    print(f"PIN of {args.keystore} changed; the key (fingerprint {_fp(opened.ek)}) is the same")
    return EXIT_OK


def cmd_keypad_duress_hash(args: argparse.Namespace) -> int:
    from argon2 import PasswordHasher

    pin = PinSource(args.pin_fd).new_pin("duress PIN")
    _refuse_duress_equal_to_pin(Path(args.keystore), pin, "--keystore")
    print(PasswordHasher().hash(pin))
    print("# put this line in keypad.toml under [pin] as duress_verifier = \"...\"", file=sys.stderr)
    return EXIT_OK


def _refuse_duress_equal_to_pin(keystore: Path, pin: str, key: str) -> None:
    """A duress PIN that also opens the keystore could never be told apart: refuse it (exit 2)."""
    from keycrypt.errors import WrongPin
    from keycrypt.keystore import open_keystore

    try:
        open_keystore(keystore, pin)
    except WrongPin:
        return
    raise ConfigError("the duress PIN is the keypad PIN (it opens the keystore); choose another", key=key)


def _confirm(args: argparse.Namespace, what: str) -> None:
    """Ask on a terminal; a script must say --yes. Nothing is sent to the keypad unless confirmed."""
    if args.yes:
        return
    if not sys.stdin.isatty():
        raise UsageError(f"{what}: confirm on a terminal, or pass --yes in a script")
    print(f"{what}.", file=sys.stderr)
    try:
        answer = input("Type yes to go on: ")
    except EOFError:
        answer = ""
    if answer.strip().lower() != "yes":
        raise Failure("not confirmed; nothing was done")


def _keypad_socket(args: argparse.Namespace) -> Path:
    if args.socket:
        return Path(args.socket)
    from keycrypt.config import load_keypad_config

    return Path(load_keypad_config(args.config).control_socket)


def _control(args: argparse.Namespace, req: dict[str, Any]) -> dict[str, Any]:
    from keycrypt.daemon.control import ControlError, request

    try:
        return request(_keypad_socket(args), req)
    except ControlError as exc:
        raise Failure(str(exc)) from None


def _check_answer(answer: dict[str, Any]) -> dict[str, Any]:
    if answer.get("ok"):
        return answer
    code, msg = answer.get("code", "error"), answer.get("error", "refused")
    if "retry_after" in answer:
        msg += f" (try again in {answer['retry_after']} s)"
    if code == "duress_is_pin":
        raise ConfigError(msg)
    if code in ("wrong_pin", "locked_out", "keystore_error"):
        raise PinFailure(msg)
    if code == "bad_request":
        raise UsageError(msg)
    raise Failure(msg)


def cmd_keypad_run(args: argparse.Namespace) -> int:
    from keycrypt.config import load_keypad_config
    from keycrypt.daemon import setup_logging
    from keycrypt.daemon.keypad import run_keypad, settings_from_config
    from keycrypt.preflight import probe_listen

    cfg = load_keypad_config(args.config)
    settings = settings_from_config(cfg, allow_simulated=args.allow_simulated)
    setup_logging(args.log_level or cfg.log_level)
    probe_listen(settings.host, settings.port)  # a port in use is said before the PIN is asked
    pin: str | None = None
    if args.pin_fd is not None or cfg.unseal == "terminal":
        pin = PinSource(args.pin_fd).read("Keypad PIN: ")
        if settings.duress_verifier and _is_duress(settings.duress_verifier, pin):
            _refuse_duress_equal_to_pin(settings.keystore, pin, "keypad.pin.duress_verifier")
    from keycrypt.alerts import EVENTS, Alerts

    alerts = Alerts({e: getattr(cfg.alerts, f"on_{e}") for e in EVENTS}, cfg.alerts.timeout)
    metrics = (cfg.metrics.host, cfg.metrics.port) if cfg.metrics.enabled else None
    allow_simulated = args.allow_simulated

    def reload_source() -> tuple[Any, str]:
        fresh = load_keypad_config(args.config)
        return settings_from_config(fresh, allow_simulated=allow_simulated), args.log_level or fresh.log_level

    return asyncio.run(
        run_keypad(
            settings, pin, metrics=metrics, alerts=alerts, missing_after=cfg.alerts.missing_after, reload_source=reload_source
        )
    )


def _is_duress(verifier: str, pin: str) -> bool:
    from argon2 import PasswordHasher
    from argon2.exceptions import Argon2Error

    try:
        return bool(PasswordHasher().verify(verifier, pin))
    except Argon2Error:
        return False


def cmd_keypad_status(args: argparse.Namespace) -> int:
    answer = _check_answer(_control(args, {"cmd": "status"}))
    if args.json:
        print(json.dumps(answer, indent=1, sort_keys=True))
        return EXIT_OK
    print(f"state:       {answer['state']}")
    if answer.get("sensor"):
        print(f"sensor:      {answer['sensor']}")
    if answer.get("window_left") is not None:
        print(f"re-arms in:  {answer['window_left']:.0f} s")
    print(f"listening:   {':'.join(map(str, answer.get('listen') or ['-']))}")
    print(f"fingerprint: {answer.get('fingerprint') or '(sealed)'}")
    pin = answer.get("pin", {})
    if pin.get("failures"):
        print(f"wrong PINs:  {pin['failures']}")
    clients = answer.get("clients", [])
    print(f"clients:     {len(clients)}")
    if clients:
        from keycrypt.session_words import phase

        print(f"  {'client_id':<24} {'peer':<22} {'session':<12} {'(state)':<15} {'psk':<4} {'epoch':>5} {'last seen':>9}")
        for c in clients:
            psk = "-" if c.get("psk") is None else "yes" if c["psk"] else "no"
            print(
                f"  {str(c['client_id'] or '-'):<24} {c['peer']:<22} {phase('keypad_session', c['state']):<12} "
                f"{'(' + str(c['state']) + ')':<15} {psk:<4} {c['epoch']:>5} {c['last_seen_ago']:>8.2f}s"
            )
    enrolled = answer.get("enrolled")
    if enrolled is not None:
        required = " (required: only enrolled clients are served)" if answer.get("require_enrolled") else ""
        print(f"enrolled:    {len(enrolled)} with a psk{required}")
    missing = answer.get("missing") or []
    print(f"missing:     {', '.join(missing) if missing else 'none'}" + (" (enrolled, no verified session)" if missing else ""))
    return EXIT_OK


def cmd_keypad_arm(args: argparse.Namespace) -> int:
    if args.pin_fd is None:
        answer = _control(args, {"cmd": "arm"})
        if answer.get("code") != "pin_required":
            print(f"state: {_check_answer(answer)['state']}")
            return EXIT_OK
        print(answer.get("error", "the PIN is required"), file=sys.stderr)
    pin = PinSource(args.pin_fd).read("Keypad PIN: ")
    answer = _check_answer(_control(args, {"cmd": "arm", "pin": pin}))
    print(f"state: {answer['state']}")
    return EXIT_OK


def cmd_keypad_disarm(args: argparse.Namespace) -> int:
    req: dict[str, Any] = {"cmd": "disarm"}
    if args.for_ is not None:
        from keycrypt.config import parse_duration

        try:
            req["for"] = parse_duration(args.for_)
        except ValueError as exc:
            raise UsageError(f"--for: {exc}") from None
        if req["for"] <= 0:
            raise UsageError("--for: the window must be longer than 0 s")
    req["pin"] = PinSource(args.pin_fd).read("Keypad PIN: ")
    answer = _check_answer(_control(args, req))
    print(f"state: {answer['state']}")
    return EXIT_OK


CONFIRM = {
    "breach": "keypad breach drops every session as the sensor would: every client locks its host down",
    "lockdown-all": "keypad lockdown-all orders every client to lock its host down now",
}


def cmd_keypad_reload(args: argparse.Namespace) -> int:
    answer = _check_answer(_control(args, {"cmd": "reload"}))
    changed = answer.get("changed") or []
    print(f"reloaded: {', '.join(changed) if changed else 'nothing changed'}; every session kept")
    return EXIT_OK


def cmd_keypad_simple(cmd: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        if cmd in CONFIRM:
            _confirm(args, CONFIRM[cmd])
        answer = _check_answer(_control(args, {"cmd": cmd}))
        print(f"state: {answer['state']}")
        return EXIT_OK

    return run


# --------------------------------------------------------------------------- client commands


def cmd_client_run(args: argparse.Namespace) -> int:
    from keycrypt.config import load_client_config
    from keycrypt.daemon import setup_logging
    from keycrypt.daemon.client import run_client
    from keycrypt.daemon.client_settings import settings_from_config
    from keycrypt.lockdown import ladder_from_config
    from keycrypt.strictmodes import check_client_files

    cfg = load_client_config(args.config)
    ladder_from_config(cfg.lockdown, where="client.lockdown")
    # Before reading any key or running any hook: nothing others can write is trusted as root.
    check_client_files(args.config, cfg)
    settings = settings_from_config(cfg)
    setup_logging(args.log_level or cfg.log_level)
    metrics = (cfg.metrics.host, cfg.metrics.port) if cfg.metrics.enabled else None
    return asyncio.run(run_client(settings, metrics=metrics))


def cmd_client_status(args: argparse.Namespace) -> int:
    from keycrypt.session_words import phase

    if args.status_file:
        path = Path(args.status_file)
    else:
        from keycrypt.config import load_client_config

        path = Path(load_client_config(args.config).status_file)
    try:
        snap = json.loads(path.read_text())
    except FileNotFoundError:
        raise Failure(f"{path} does not exist: the client daemon is not running (or has never run)") from None
    except (OSError, ValueError) as exc:
        raise Failure(f"cannot read client status {path}: {exc}") from None
    now = time.time()
    age = now - float(snap.get("updated", 0))
    for k in snap.get("keypads", []):
        if k.get("last_pong_at") is not None:
            k["last_pong_ago"] = round(now - float(k["last_pong_at"]), 3)
        k["phase"] = phase("client_session", k.get("state"))
    dry_run = _dry_run_text(snap)
    if args.json:
        print(json.dumps({**snap, "age": round(age, 3)}, indent=1, sort_keys=True))
    else:
        print(f"client_id:  {snap.get('client_id')}   (pid {snap.get('pid')}, updated {age:.1f} s ago)")
        if dry_run:
            print(f"DRY RUN:    {dry_run} -- a lockdown will NOT lock this host down")
        ld = snap.get("lockdown")
        print(f"lockdown:   {'no' if not ld else ld['reason'] + ' from ' + ld['keypad'] + ': ' + ld['detail']}")
        print(f"  {'keypad':<28} {'session':<12} {'(state)':<18} {'status':<9} {'epoch':>5} {'pongs':>7} {'last pong':>10}")
        for k in snap.get("keypads", []):
            lp = "never" if k.get("last_pong_ago") is None else f"{k['last_pong_ago']:.2f}s ago"
            status = k.get("status") if k.get("status") not in (None, "-") else "-"
            print(
                f"  {k['keypad']:<28} {k['phase']:<12} {'(' + str(k['state']) + ')':<18} {status:<9} "
                f"{k['epoch']:>5} {k['pongs']:>7} {lp:>10}"
            )
    if snap.get("lockdown"):
        return EXIT_LOCKDOWN_DRY_RUN if dry_run else EXIT_LOCKDOWN
    if age > 5.0:
        print(f"warning: the status is {age:.0f} s old; the daemon is probably not running", file=sys.stderr)
        return EXIT_FAILURE
    if dry_run:
        # Loud on stderr too, and a status of its own: a monitoring check must not read "protected".
        print(f"warning: DRY RUN ({dry_run}): a lockdown will NOT lock this host down", file=sys.stderr)
        return EXIT_DRY_RUN
    return EXIT_OK


def _dry_run_text(snap: dict[str, Any]) -> str:
    """Which dry-run switches the running client has on ("" when none): the top-level one or the ladder's.

    The status file's ``dry_run`` is either switch (the exit status is 5 then); ``config_dry_run``
    and ``ladder_dry_run`` say which. A file without ``config_dry_run`` (older daemon) reads
    ``dry_run`` as the top-level switch unless the ladder's is on.
    """
    top = snap.get("config_dry_run", bool(snap.get("dry_run")) and not snap.get("ladder_dry_run"))
    on = [name for name, flag in (("dry_run = true", top), ("lockdown.dry_run = true", snap.get("ladder_dry_run"))) if flag]
    return ", ".join(on)


def cmd_client_enroll(args: argparse.Namespace) -> int:
    from keycrypt.config import check_client_id
    from keycrypt.constants import PSK_SIZE
    from keycrypt.fsutil import atomic_write_bytes

    try:
        check_client_id(args.client_id, "--client-id")
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    out = Path(args.out)
    _refuse_existing(out, args.force, "psk file")
    psk = os.urandom(PSK_SIZE)
    try:
        atomic_write_bytes(out, psk, mode=0o600, overwrite=args.force)
    except OSError as exc:
        raise Failure(f"cannot write {out}: {exc.strerror or exc}") from None
    cid = json.dumps(args.client_id)
    print(f"psk file {out} written (mode 0600, {PSK_SIZE} random bytes)")
    print(f"client config:   psk_file = {json.dumps(str(out.resolve()))}")
    print("keypad config, under [clients.enrolled] -- copy the file to the keypad over a secure channel:")
    print(f"  {cid} = {json.dumps(str(args.keypad_path or out.resolve()))}")
    if args.show_hex:
        print("or, inline (this line is a secret):")
        print(f'  {cid} = "hex:{psk.hex()}"')
    return EXIT_OK


# --------------------------------------------------------------------------- preflight checks


def _print_report(report: Any) -> int:
    for line in report.lines():
        print(line)
    fails = sum(1 for f in report.findings if f[0] == "fail")
    warns = sum(1 for f in report.findings if f[0] == "warn")
    print(f"{'FAILED' if fails else 'OK'}: {fails} failure(s), {warns} warning(s)")
    return EXIT_USAGE if fails else EXIT_OK


def cmd_client_check(args: argparse.Namespace) -> int:
    from keycrypt.config import parse_duration
    from keycrypt.preflight import check_client

    try:
        wait = parse_duration(args.wait)
    except ValueError as exc:
        raise UsageError(f"--wait: {exc}") from None
    if not 0 < wait <= 300:
        raise UsageError("--wait: must be more than 0 s and at most 300 s")
    return _print_report(check_client(args.config, handshake=not args.no_handshake, wait=wait))


def cmd_keypad_check(args: argparse.Namespace) -> int:
    from keycrypt.preflight import check_keypad

    return _print_report(check_keypad(args.config))


# --------------------------------------------------------------------------- pubkey


def cmd_pubkey_fingerprint(args: argparse.Namespace) -> int:
    from keycrypt.keystore import read_pubkey

    for path in args.files:
        ek = read_pubkey(path)  # KeystoreError (exit 3) names the file and what is wrong
        print(f"{_fp(ek)}  {path}")
    return EXIT_OK


# --------------------------------------------------------------------------- install-units


def cmd_install_units(args: argparse.Namespace) -> int:
    from keycrypt.install_units import default_binary, install

    which = tuple(w for w in ("client", "keypad") if getattr(args, w))
    if not which:
        raise UsageError("say which unit to install: --client, --keypad or both")
    binary = Path(args.bin) if args.bin else default_binary()
    for w in install(Path(args.root), which, binary, force=args.force):
        print(f"wrote {w.path} (ExecStart={binary} {w.which} run ...)")
    print("next: systemd-analyze verify on each file (it must print nothing), then systemctl daemon-reload")
    return EXIT_OK


# --------------------------------------------------------------------------- audit, demo


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from keycrypt.audit import verify

    result = verify(args.path)
    print(result.summary())
    return EXIT_OK if result.ok else EXIT_FAILURE


def cmd_demo(args: argparse.Namespace) -> int:
    from keycrypt.demo import run_demo

    if not 1 <= args.clients <= 500:
        raise UsageError("--clients must be 1..500")
    if not 1.0 <= args.duration <= 120.0:
        raise UsageError("--duration must be 1..120 seconds")
    return run_demo(clients=args.clients, duration=args.duration)


# --------------------------------------------------------------------------- parser


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _add_pin_fd(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--pin-fd",
        type=int,
        metavar="N",
        help="read the PIN(s) from file descriptor N, one per line, instead of the terminal",
    )


def _add_keypad_target(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", default=DEFAULT_KEYPAD_CONFIG, help="keypad config (for its control_socket)")
    p.add_argument("--socket", help="control socket path (instead of reading --config)")


def build_parser() -> argparse.ArgumentParser:
    from keycrypt import __version__ as version

    parser = _Parser(
        prog="keycrypt",
        description="KeyCrypt: post-quantum dead man's switch for servers.",
        epilog=EXIT_STATUSES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"keycrypt {version}")
    top = parser.add_subparsers(dest="group", required=True, metavar="{keypad,client,pubkey,install-units,audit,demo}")

    kp = top.add_parser("keypad", help="the keypad: key files, daemon, control")
    ksub = kp.add_subparsers(dest="command", required=True)

    p = ksub.add_parser("init", help="create the PIN-sealed keypad key (asks the PIN twice)")
    p.add_argument("--keystore", required=True, help="path of the new keystore file")
    p.add_argument("--pubkey-out", help="also write the public key file here")
    p.add_argument("--force", action="store_true", help="replace existing files (destroys the old key!)")
    g = p.add_argument_group(
        "Argon2id costs: calibrated on this machine to --unlock-time (default 1 s; t never below RFC 9106's 3,"
        " 64 MiB, p=4), or given explicitly (lower only for tests)"
    )
    g.add_argument("--unlock-time", metavar="SECONDS", help="target time of one PIN check here, e.g. 1s or 2.5")
    g.add_argument("--argon2-time", type=int, metavar="T", help="Argon2id passes (instead of calibrating)")
    g.add_argument("--argon2-memory", type=int, metavar="KIB", help="Argon2id memory in KiB (default 65536)")
    g.add_argument("--argon2-parallelism", type=int, metavar="P", help="Argon2id lanes (default 4)")
    _add_pin_fd(p)
    p.set_defaults(func=cmd_keypad_init)

    p = ksub.add_parser("pubkey", help="write the public key file for clients and print its fingerprint")
    p.add_argument("--keystore", required=True, help="the keypad's keystore (asks its PIN)")
    p.add_argument("--out", required=True, help="public key file to write (one line of text, mode 0644)")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    _add_pin_fd(p)
    p.set_defaults(func=cmd_keypad_pubkey)

    p = ksub.add_parser("change-pin", help="re-seal the key under a new PIN (the key itself stays)")
    p.add_argument("--keystore", required=True, help="the keystore to re-seal (asks the old PIN, then the new one)")
    _add_pin_fd(p)
    p.set_defaults(func=cmd_keypad_change_pin)

    p = ksub.add_parser(
        "duress-hash",
        help="print the Argon2id verifier of a duress PIN for keypad.toml",
        description="Asks a duress PIN (twice) and prints its Argon2id verifier for [pin] duress_verifier. "
        "Refuses (status 2) a duress PIN that opens the keystore: it must differ from the keypad PIN.",
        epilog="example:\n  keycrypt keypad duress-hash --keystore /etc/keycrypt/keypad.key",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--keystore", required=True, help="the keypad's keystore (to refuse a duress PIN equal to its PIN)")
    _add_pin_fd(p)
    p.set_defaults(func=cmd_keypad_duress_hash)

    p = ksub.add_parser("run", help="run the keypad daemon (unseals with the PIN first)")
    p.add_argument("--config", default=DEFAULT_KEYPAD_CONFIG, help=f"keypad config (default {DEFAULT_KEYPAD_CONFIG})")
    p.add_argument("--log-level", choices=("debug", "info", "warning", "error"), help="overrides the config's log_level")
    p.add_argument(
        "--allow-simulated",
        action="store_true",
        help='accept driver = "simulated" for the sensor and PIN pad (tests and demos only)',
    )
    _add_pin_fd(p)
    p.set_defaults(func=cmd_keypad_run)

    p = ksub.add_parser(
        "check",
        help="check a keypad config, its files, sensor and port without the PIN (like sshd -t)",
        description="Reads the configuration as `keypad run` would and checks, without the PIN and without "
        "starting anything: file owners and modes, the keystore (its fingerprint, from the header), the state "
        "directory, whether the listen port is free, the sensor and PIN pad, the duress verifier and the "
        "enrolled clients' psk files. Exit 0 when nothing failed (warnings allowed), 2 otherwise.",
        epilog="example:\n  keycrypt keypad check --config /etc/keycrypt/keypad.toml",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--config", default=DEFAULT_KEYPAD_CONFIG, help="keypad config to check")
    p.set_defaults(func=cmd_keypad_check)

    p = ksub.add_parser("status", help="state, fingerprint and connected clients of the running keypad")
    _add_keypad_target(p)
    p.add_argument("--json", action="store_true", help="print the daemon's answer as JSON (errors too)")
    p.set_defaults(func=cmd_keypad_status)

    p = ksub.add_parser("arm", help="arm the keypad (asks the PIN when breached, ordered down or sealed)")
    _add_keypad_target(p)
    _add_pin_fd(p)
    p.set_defaults(func=cmd_keypad_arm)

    p = ksub.add_parser("disarm", help="open a maintenance window (asks the PIN); it re-arms by itself")
    _add_keypad_target(p)
    p.add_argument("--for", dest="for_", metavar="DURATION", help="window length, e.g. 15m, 2h, 90 (seconds)")
    _add_pin_fd(p)
    p.set_defaults(func=cmd_keypad_disarm)

    p = ksub.add_parser(
        "reload",
        help="apply [clients], [pin], [maintenance] and log_level from the config file; no session is dropped",
        description="Asks the running keypad to read its config file again (as SIGHUP and systemctl reload do) "
        "and apply [clients] (enrolled psks, require_enrolled), [pin], [maintenance] and log_level without "
        "dropping a session. A change to anything else (listen, keystore, paths, limits, sensor, PIN pad) is "
        "refused, naming it, and nothing is changed (status 2).",
    )
    _add_keypad_target(p)
    p.set_defaults(func=cmd_keypad_reload)

    p = ksub.add_parser("breach", help="simulate the breach sensor (every client locks down); asks first")
    _add_keypad_target(p)
    p.add_argument("--yes", action="store_true", help="do not ask (scripts); without a terminal it is required")
    p.set_defaults(func=cmd_keypad_simple("breach"))

    p = ksub.add_parser("lockdown-all", help="order every client to lock down now; asks first")
    _add_keypad_target(p)
    p.add_argument("--yes", action="store_true", help="do not ask (scripts); without a terminal it is required")
    p.set_defaults(func=cmd_keypad_simple("lockdown-all"))

    cl = top.add_parser("client", help="the client daemon and its files")
    csub = cl.add_subparsers(dest="command", required=True)

    p = csub.add_parser("run", help="run the client daemon")
    p.add_argument("--config", default=DEFAULT_CLIENT_CONFIG, help=f"client config (default {DEFAULT_CLIENT_CONFIG})")
    p.add_argument("--log-level", choices=("debug", "info", "warning", "error"), help="overrides the config's log_level")
    p.set_defaults(func=cmd_client_run)

    p = csub.add_parser(
        "check",
        help="check a client config, its files and hosts, and do one real handshake (like sshd -t)",
        description="Reads the configuration as `client run` would and checks: file owners and modes, each "
        "pinned public key and its fingerprint, that each keypad host resolves, the ladder (with the LUKS "
        "mappings volumes = \"auto\" finds now), dry_run, and one real handshake with every keypad. Nothing is "
        "armed: no ladder step runs, no status or audit file is written. Exit 0 when nothing failed, 2 otherwise.",
        epilog="example:\n  keycrypt client check --config /etc/keycrypt/client.toml && systemctl restart keycrypt-client",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--config", default=DEFAULT_CLIENT_CONFIG, help="client config to check")
    p.add_argument("--no-handshake", action="store_true", help="skip the handshake (the keypads are not up yet)")
    p.add_argument("--wait", default="5s", metavar="DURATION",
                   help="how long the handshake waits for every keypad (default 5s; a slow link may want more)")
    p.set_defaults(func=cmd_client_check)

    p = csub.add_parser("status", help="what the running client daemon last wrote to its status file")
    p.add_argument("--config", default=DEFAULT_CLIENT_CONFIG, help="client config (for its status_file)")
    p.add_argument("--status-file", help="status file path (instead of reading --config)")
    p.add_argument("--json", action="store_true", help="print the status file as JSON, with its age (errors too)")
    p.set_defaults(func=cmd_client_status)

    p = csub.add_parser("enroll", help="generate this client's pre-shared key file (mode 0600)")
    p.add_argument("--client-id", required=True, help="this client's id, as in client.toml's client_id")
    p.add_argument("--out", required=True, help="psk file to write")
    p.add_argument("--keypad-path", help="where the psk file will live on the keypad (for the printed line)")
    p.add_argument("--show-hex", action="store_true", help="also print the inline hex form (a secret!)")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.set_defaults(func=cmd_client_enroll)

    pk = top.add_parser("pubkey", help="public key files (no PIN needed)")
    pksub = pk.add_subparsers(dest="command", required=True)
    p = pksub.add_parser(
        "fingerprint",
        help="print the fingerprint of public key files (text or binary form)",
        description="Reads each public key file (the one-line text form or the binary KCPK form), checks it, "
        "and prints its fingerprint: SHA-256 of the key in groups of four hex digits, as keypad init, "
        "keypad pubkey and keypad status show it.",
        epilog="example:\n  keycrypt pubkey fingerprint /etc/keycrypt/keypad.pub",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="public key file(s) to read")
    p.set_defaults(func=cmd_pubkey_fingerprint)

    p = top.add_parser(
        "install-units",
        help="write the systemd units with ExecStart= naming this keycrypt",
        description="Writes keycrypt-client.service and/or keycrypt-keypad.service into "
        "ROOT/etc/systemd/system, with ExecStart= naming the keycrypt that runs this command. "
        "Refuses a keycrypt under /home, /root or /tmp, which the units' ProtectHome=/PrivateTmp= hide.",
        epilog="example:\n  sudo /opt/keycrypt/bin/keycrypt install-units --client\n"
        "  sudo systemd-analyze verify /etc/systemd/system/keycrypt-client.service",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--client", action="store_true", help="install keycrypt-client.service")
    p.add_argument("--keypad", action="store_true", help="install keycrypt-keypad.service")
    p.add_argument("--root", default="/", help="file system root to install under (default /; a temporary root for tests)")
    p.add_argument("--bin", help="the keycrypt to run, as the unit names it: a file on this host or under --root "
                   "(default: the one running this command)")
    p.add_argument("--force", action="store_true", help="replace a unit file that differs")
    p.set_defaults(func=cmd_install_units)

    au = top.add_parser("audit", help="audit log tools")
    asub = au.add_subparsers(dest="command", required=True)
    p = asub.add_parser("verify", help="check the hash chain of an audit log")
    p.add_argument("path", help="the audit log to check")
    p.set_defaults(func=cmd_audit_verify)

    p = top.add_parser("demo", help="a keypad and N clients on 127.0.0.1: heartbeats, disarm, breach, lockdown")
    p.add_argument("--clients", type=int, default=5, help="simulated clients, 1..500 (default 5)")
    p.add_argument("--duration", type=float, default=4.0, help="seconds of live heartbeats before the disarm")
    p.set_defaults(func=cmd_demo)
    _add_examples(parser)
    return parser


EXAMPLES: dict[str, str] = {
    "keypad init": "keycrypt keypad init --keystore /etc/keycrypt/keypad.key --pubkey-out /etc/keycrypt/keypad.pub",
    "keypad pubkey": "keycrypt keypad pubkey --keystore /etc/keycrypt/keypad.key --out /etc/keycrypt/keypad.pub",
    "keypad change-pin": "keycrypt keypad change-pin --keystore /etc/keycrypt/keypad.key",
    "keypad duress-hash": "keycrypt keypad duress-hash --keystore /etc/keycrypt/keypad.key",
    "keypad check": "keycrypt keypad check --config /etc/keycrypt/keypad.toml",
    "keypad run": "keycrypt keypad run --config /etc/keycrypt/keypad.toml",
    "keypad status": "sudo -u keycrypt keycrypt keypad status --socket /run/keycrypt-keypad/keypad.sock",
    "keypad arm": "sudo -u keycrypt keycrypt keypad arm --socket /run/keycrypt-keypad/keypad.sock",
    "keypad disarm": "sudo -u keycrypt keycrypt keypad disarm --for 2h --socket /run/keycrypt-keypad/keypad.sock",
    "keypad reload": "systemctl reload keycrypt-keypad   # or: keycrypt keypad reload --config /etc/keycrypt/keypad.toml",
    "keypad breach": "keycrypt keypad breach --config /etc/keycrypt/keypad.toml",
    "keypad lockdown-all": "keycrypt keypad lockdown-all --yes --config /etc/keycrypt/keypad.toml",
    "client check": "keycrypt client check --config /etc/keycrypt/client.toml",
    "client run": "keycrypt client run --config /etc/keycrypt/client.toml",
    "client status": "keycrypt client status --json | jq .keypads",
    "client enroll": "keycrypt client enroll --client-id web01 --out /etc/keycrypt/client.psk --keypad-path /etc/keycrypt/psk/web01.psk",
    "pubkey fingerprint": "keycrypt pubkey fingerprint /etc/keycrypt/keypad.pub",
    "install-units": "keycrypt install-units --client && systemd-analyze verify /etc/systemd/system/keycrypt-client.service",
    "audit verify": "keycrypt audit verify /var/lib/keycrypt/audit.log",
    "demo": "keycrypt demo --clients 20",
}
"""One example per command, shown at the end of its --help (tests/test_cli.py checks that each is there)."""


def _add_examples(parser: argparse.ArgumentParser, path: str = "") -> None:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                full = f"{path} {name}".strip()
                if full in EXAMPLES:
                    sub.epilog = f"example:\n  {EXAMPLES[full]}"
                    sub.formatter_class = argparse.RawDescriptionHelpFormatter
                _add_examples(sub, full)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    code: int | None = None
    try:
        code = int(args.func(args))
        sys.stdout.flush()  # a closed pipe (`status | head -2`) shows here, not at exit
        return code
    except BrokenPipeError:
        # the reader went away (head, less): say nothing, keep the command's own status
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return code if code is not None else EXIT_OK
    except KeyboardInterrupt:
        print("keycrypt: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except (UsageError, ConfigError) as exc:
        return _err(exc, EXIT_USAGE, args)
    except (PinFailure, KeystoreError, PinError) as exc:
        return _err(exc, EXIT_PIN, args)
    except (Failure, AuditError, KeyCryptError) as exc:
        return _err(exc, EXIT_FAILURE, args)
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        return _err(f"{where}{exc.strerror or exc}", EXIT_FAILURE, args)


def _err(exc: BaseException | str, code: int, args: argparse.Namespace | None = None) -> int:
    """The one-line error on stderr; with --json also a JSON object on stdout, for the script reading it."""
    msg = " ".join(str(exc).split()) or type(exc).__name__
    print(f"keycrypt: {msg}", file=sys.stderr)
    if args is not None and getattr(args, "json", False):
        try:
            print(json.dumps({"ok": False, "error": msg, "exit": code}))
            sys.stdout.flush()
        except BrokenPipeError:
            pass
    return code


if __name__ == "__main__":
    sys.exit(main())
