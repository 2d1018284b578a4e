"""The ``keycrypt`` command: keypad and client daemons, key files, control, audit, demo.

Exit statuses (docs/cli.md):

====  ==========================================================================
0     success
1     runtime failure (daemon not reachable, I/O error, audit chain broken, ...)
2     usage or configuration error (bad argument, bad config file, bad psk file)
3     wrong PIN, PIN locked out (backoff), or a key file that does not open
4     client: the lockdown ladder ran
5     client: the lockdown fired in dry-run mode (recorded; the host left alone)
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
    from keycrypt.keystore import DEFAULT
    from keycrypt.wire.keyfile import Argon2Params

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
    print(PasswordHasher().hash(pin))
    print("# put this line in keypad.toml under [pin] as duress_verifier = \"...\"", file=sys.stderr)
    return EXIT_OK


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
    if code in ("wrong_pin", "locked_out", "keystore_error"):
        raise PinFailure(msg)
    if code == "bad_request":
        raise UsageError(msg)
    raise Failure(msg)


def cmd_keypad_run(args: argparse.Namespace) -> int:
    from keycrypt.config import load_keypad_config
    from keycrypt.daemon import setup_logging
    from keycrypt.daemon.keypad import run_keypad, settings_from_config

    cfg = load_keypad_config(args.config)
    settings = settings_from_config(cfg, allow_simulated=args.allow_simulated)
    setup_logging(args.log_level or cfg.log_level)
    pin: str | None = None
    if args.pin_fd is not None or cfg.unseal == "terminal":
        pin = PinSource(args.pin_fd).read("Keypad PIN: ")
    return asyncio.run(run_keypad(settings, pin))


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
        print(f"  {'client_id':<24} {'peer':<22} {'state':<12} {'epoch':>5} {'last seen':>9}")
        for c in clients:
            print(
                f"  {str(c['client_id'] or '-'):<24} {c['peer']:<22} {c['state']:<12} {c['epoch']:>5} "
                f"{c['last_seen_ago']:>8.2f}s"
            )
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


def cmd_keypad_simple(cmd: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
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

    cfg = load_client_config(args.config)
    settings = settings_from_config(cfg)
    setup_logging(args.log_level or cfg.log_level)
    return asyncio.run(run_client(settings))


def cmd_client_status(args: argparse.Namespace) -> int:
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
    age = time.time() - float(snap.get("updated", 0))
    if args.json:
        print(json.dumps({**snap, "age": round(age, 3)}, indent=1, sort_keys=True))
    else:
        print(f"client_id:  {snap.get('client_id')}   (pid {snap.get('pid')}, updated {age:.1f} s ago)")
        ld = snap.get("lockdown")
        print(f"lockdown:   {'no' if not ld else ld['reason'] + ' from ' + ld['keypad'] + ': ' + ld['detail']}")
        print(f"  {'keypad':<28} {'state':<16} {'status':<9} {'epoch':>5} {'pongs':>7} {'last pong':>9}")
        for k in snap.get("keypads", []):
            lp = "-" if k.get("last_pong_ago") is None else f"{k['last_pong_ago']:.2f}s"
            print(f"  {k['keypad']:<28} {k['state']:<16} {str(k['status']):<9} {k['epoch']:>5} {k['pongs']:>7} {lp:>9}")
    if snap.get("lockdown"):
        return EXIT_LOCKDOWN_DRY_RUN if snap.get("dry_run") else EXIT_LOCKDOWN
    if age > 5.0:
        print(f"warning: the status is {age:.0f} s old; the daemon is probably not running", file=sys.stderr)
        return EXIT_FAILURE
    return EXIT_OK


def cmd_client_enroll(args: argparse.Namespace) -> int:
    from keycrypt.config import _check_client_id
    from keycrypt.constants import PSK_SIZE
    from keycrypt.fsutil import atomic_write_bytes

    try:
        _check_client_id(args.client_id, "--client-id")
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
    top = parser.add_subparsers(dest="group", required=True, metavar="{keypad,client,audit,demo}")

    kp = top.add_parser("keypad", help="the keypad: key files, daemon, control")
    ksub = kp.add_subparsers(dest="command", required=True)

    p = ksub.add_parser("init", help="create the PIN-sealed keypad key (asks the PIN twice)")
    p.add_argument("--keystore", required=True, help="path of the new keystore file")
    p.add_argument("--pubkey-out", help="also write the public key file here")
    p.add_argument("--force", action="store_true", help="replace existing files (destroys the old key!)")
    g = p.add_argument_group("Argon2id costs (defaults: RFC 9106, t=3, 64 MiB, p=4; lower only for tests)")
    g.add_argument("--argon2-time", type=int, metavar="T")
    g.add_argument("--argon2-memory", type=int, metavar="KIB")
    g.add_argument("--argon2-parallelism", type=int, metavar="P")
    _add_pin_fd(p)
    p.set_defaults(func=cmd_keypad_init)

    p = ksub.add_parser("pubkey", help="write the public key file for clients and print its fingerprint")
    p.add_argument("--keystore", required=True)
    p.add_argument("--out", required=True, help="public key file to write")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    _add_pin_fd(p)
    p.set_defaults(func=cmd_keypad_pubkey)

    p = ksub.add_parser("change-pin", help="re-seal the key under a new PIN (the key itself stays)")
    p.add_argument("--keystore", required=True)
    _add_pin_fd(p)
    p.set_defaults(func=cmd_keypad_change_pin)

    p = ksub.add_parser("duress-hash", help="print the Argon2id verifier of a duress PIN for keypad.toml")
    _add_pin_fd(p)
    p.set_defaults(func=cmd_keypad_duress_hash)

    p = ksub.add_parser("run", help="run the keypad daemon (unseals with the PIN first)")
    p.add_argument("--config", default=DEFAULT_KEYPAD_CONFIG)
    p.add_argument("--log-level", choices=("debug", "info", "warning", "error"))
    p.add_argument(
        "--allow-simulated",
        action="store_true",
        help='accept driver = "simulated" for the sensor and PIN pad (tests and demos only)',
    )
    _add_pin_fd(p)
    p.set_defaults(func=cmd_keypad_run)

    p = ksub.add_parser("status", help="state, fingerprint and connected clients of the running keypad")
    _add_keypad_target(p)
    p.add_argument("--json", action="store_true")
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

    p = ksub.add_parser("breach", help="simulate the breach sensor (every client locks down)")
    _add_keypad_target(p)
    p.set_defaults(func=cmd_keypad_simple("breach"))

    p = ksub.add_parser("lockdown-all", help="order every client to lock down now")
    _add_keypad_target(p)
    p.set_defaults(func=cmd_keypad_simple("lockdown-all"))

    cl = top.add_parser("client", help="the client daemon and its files")
    csub = cl.add_subparsers(dest="command", required=True)

    p = csub.add_parser("run", help="run the client daemon")
    p.add_argument("--config", default=DEFAULT_CLIENT_CONFIG)
    p.add_argument("--log-level", choices=("debug", "info", "warning", "error"))
    p.set_defaults(func=cmd_client_run)

    p = csub.add_parser("status", help="what the running client daemon last wrote to its status file")
    p.add_argument("--config", default=DEFAULT_CLIENT_CONFIG)
    p.add_argument("--status-file", help="status file path (instead of reading --config)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_client_status)

    p = csub.add_parser("enroll", help="generate this client's pre-shared key file (mode 0600)")
    p.add_argument("--client-id", required=True)
    p.add_argument("--out", required=True, help="psk file to write")
    p.add_argument("--keypad-path", help="where the psk file will live on the keypad (for the printed line)")
    p.add_argument("--show-hex", action="store_true", help="also print the inline hex form (a secret!)")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.set_defaults(func=cmd_client_enroll)

    au = top.add_parser("audit", help="audit log tools")
    asub = au.add_subparsers(dest="command", required=True)
    p = asub.add_parser("verify", help="check the hash chain of an audit log")
    p.add_argument("path")
    p.set_defaults(func=cmd_audit_verify)

    p = top.add_parser("demo", help="a keypad and N clients on 127.0.0.1: heartbeats, disarm, breach, lockdown")
    p.add_argument("--clients", type=int, default=5)
    p.add_argument("--duration", type=float, default=4.0, help="seconds of live heartbeats before the disarm")
    p.set_defaults(func=cmd_demo)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("keycrypt: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except (UsageError, ConfigError) as exc:
        _err(exc)
        return EXIT_USAGE
    except (PinFailure, KeystoreError, PinError) as exc:
        _err(exc)
        return EXIT_PIN
    except (Failure, AuditError, KeyCryptError) as exc:
        _err(exc)
        return EXIT_FAILURE
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"keycrypt: {where}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILURE


def _err(exc: BaseException) -> None:
    msg = " ".join(str(exc).split()) or type(exc).__name__
    print(f"keycrypt: {msg}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
