"""``keycrypt-conformance``: check any KCP/1 implementation against the vectors.

Subcommands: ``shim`` (the implementation answers vector operations through
a JSON-lines shim, spec/shim-protocol.md), ``keypad`` and ``client`` (live
modes: the runner plays the peer). Exit status: 0 all selected cases
passed (unimplemented and disabled cases do not fail a run unless
``--require-all``), 1 a case failed, 2 a usage problem.

Adding a mode: give its subparser :func:`add_common` (selection, config,
reports) and call :func:`run_mode` with a ``play(cases, config, on_result)``
function that returns ``(capabilities-or-description dict, [Result])``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any, Callable

from keycrypt_conformance import report
from keycrypt_conformance.runner import (
    ConformanceError,
    Result,
    load_cases,
    load_config,
    name_requirements,
    select,
    vector_source,
)


def add_common(p: argparse.ArgumentParser) -> None:
    """Case selection and reporting options shared by every mode."""
    p.add_argument("--vectors", type=Path, default=None,
                   help="vector directory, or one vector file such as vectors/wire.json (default: the installed vectors)")
    p.add_argument("-k", dest="include", action="append", default=[], metavar="PATTERN",
                   help="run only cases whose name (file:id) contains PATTERN or matches it as a glob; repeatable")
    p.add_argument("--skip", dest="exclude", action="append", default=[], metavar="PATTERN",
                   help="leave out matching cases; repeatable")
    p.add_argument("--requirement", dest="requirements", action="append", default=[], metavar="ID",
                   help="only the cases that check this requirement id of the spec, e.g. KCP1-STREAM-1 (repeatable)")
    p.add_argument("--list", action="store_true", help="list the selected cases and exit")
    p.add_argument("--config", type=Path, help="per-implementation config (TOML or JSON): disabled cases, error names")
    p.add_argument("--json", dest="json_out", type=Path, help="write a JSON report")
    p.add_argument("--junit-xml", type=Path, help="write a JUnit XML report")
    p.add_argument("--fail-fast", action="store_true", help="stop at the first failure")
    p.add_argument("--require-all", action="store_true", help="count unimplemented cases as failures")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress display")
    p.add_argument("-v", "--verbose", action="store_true", help="also list disabled cases")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="keycrypt-conformance", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="mode", required=True)
    s = sub.add_parser("shim", help="drive an implementation's shim over JSON lines")
    s.add_argument("--cmd", required=True, help='shim command, e.g. "python -m keycrypt_conformance.reference_shim"')
    s.add_argument("--timeout", type=float, default=None, help="seconds to wait for one answer (default 30)")
    add_common(s)
    kp = sub.add_parser("keypad", help="live keypad mode (the runner is the client; conformance/keycrypt_conformance/live_keypad.py)")
    kp.add_argument("--host", default="127.0.0.1")
    kp.add_argument("--port", type=int, required=True)
    kp.add_argument("--psk", action="append", default=[], metavar="CLIENT_ID=HEX",
                    help="a psk the keypad was started with (replays the transcripts that need it); repeatable")
    kp.add_argument("--require-enrolled", action="store_true", help="the keypad was started with require_enrolled")
    kp.add_argument("--idle-timeout", type=float, default=3.0, help="the keypad's idle/HELLO timeout (s)")
    kp.add_argument("--timeout", type=float, default=2.0, help="seconds to wait for one answer or close")
    kp.add_argument("--control", help="the reference keypad's control socket: drives DISARMED, LOCKDOWN and breach cases")
    kp.add_argument("--pin-env", default="KEYCRYPT_TEST_PIN", help="environment variable holding the test PIN "
                    "(for --control; default KEYCRYPT_TEST_PIN, else the test keystore's 2468-test)")
    add_common(kp)
    cl = sub.add_parser("client", help="live client mode (the runner plays the keypad; conformance/keycrypt_conformance/live_client.py)")
    cl.add_argument("--cmd", required=True, help='client command template, e.g. "keycrypt client run --config {config}"')
    cl.add_argument("--interval", type=float, default=0.1, help="heartbeat interval given to the client (s)")
    cl.add_argument("--slack", type=float, default=1.5, help="seconds allowed past the deadline for the hook")
    add_common(cl)
    return p


def run_mode(args: argparse.Namespace, mode: str,
             play: Callable[[list[Any], Any, Callable[[Result], None]], tuple[dict[str, Any], list[Result]]],
             files: Any = None, load: Callable[[], list[Any]] | None = None) -> int:
    """Select cases, play them, report: the frame every mode shares."""
    config = load_config(args.config)
    directory, names = vector_source(args.vectors)
    loaded = load() if load else load_cases(directory, [n for n in names if not files or n in files])
    if len(names) == 1:  # --vectors named one file: only its cases
        loaded = [c for c in loaded if c.file in names]
    known = {r for c in loaded for r in c.requirements}
    unknown = [r for r in args.requirements if r not in known]
    if unknown:
        print(f"--requirement {', '.join(unknown)}: no loaded case checks it (ids: spec/*.md, "
              "docs/generated/requirements.md)", file=sys.stderr)
        return 2
    cases = select(loaded, args.include, args.exclude, args.requirements)
    if args.list:
        for c in cases:
            print(f"{c.name}  [{c.operation}] {c.result}{' ' + c.outcome if c.outcome else ''}  {c.comment}"
                  f"  {' '.join(c.requirements)}")
        print(f"{len(cases)} cases", file=sys.stderr)
        return 0
    if not cases:
        print("no case matches the selection", file=sys.stderr)
        return 2
    progress = report.Progress(len(cases), enabled=not args.quiet)
    t0 = time.perf_counter()
    caps, results = play(cases, config, progress)
    name_requirements(results)
    elapsed = time.perf_counter() - t0
    progress.finish()
    impl = config.name or f"{caps.get('implementation', '?')}"
    print(report.summary(results, elapsed, impl, verbose=args.verbose))
    if args.json_out:
        report.write_json(args.json_out, report.to_json(results, elapsed, mode, caps))
    if args.junit_xml:
        report.write_junit(args.junit_xml, results, elapsed, mode)
    return 0 if report.ok(results, args.require_all) else 1


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.mode == "shim":
            from keycrypt_conformance import shim

            def play(cases: list[Any], config: Any, on_result: Callable[[Result], None]) -> Any:
                timeout = args.timeout or config.timeout
                return shim.run(cases, lambda: shim.SubprocessShim(args.cmd, timeout), config, on_result,
                                args.fail_fast)

            return run_mode(args, "shim", play)
        if args.mode == "keypad":
            from keycrypt_conformance import live_keypad

            if any("=" not in p for p in args.psk):
                raise ConformanceError("--psk takes CLIENT_ID=HEX (the psk as 64 hex digits)")
            target = live_keypad.Target(args.host, args.port, dict(p.split("=", 1) for p in args.psk),
                                        args.require_enrolled, args.idle_timeout,
                                        control=args.control, pin=os.environ.get(args.pin_env, "2468-test"))

            def play_k(cases: list[Any], config: Any, on_result: Callable[[Result], None]) -> Any:
                return live_keypad.run(cases, target, config, on_result, args.fail_fast, args.timeout)

            return run_mode(args, "keypad", play_k, load=lambda: live_keypad.keypad_cases(vector_source(args.vectors)[0]))
        from keycrypt_conformance import live_client

        vectors = vector_source(args.vectors)[0]
        settings = live_client.Settings(args.cmd, vectors / "keypad_test_pubkey.bin",
                                        live_client.test_seed(vectors), args.interval, args.slack)

        def play_c(cases: list[Any], config: Any, on_result: Callable[[Result], None]) -> Any:
            return live_client.run(cases, settings, config, on_result, args.fail_fast)

        return run_mode(args, "client", play_c, load=live_client.cases)
    except ConformanceError as exc:
        print(f"keycrypt-conformance: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
