"""Crash safety: SIGKILL a live keypad + clients at random points; the files on disk must stay sound.

``python -m keycrypt_kit.attacks.crash --rounds 50`` runs rounds; in each a child
process runs a real keypad daemon and 4 real client daemons (dry-run lockdown
ladder with audit logs) through breach -> lockdown -> wrong PIN (persisted)
-> right PIN (re-arm) -> PIN change, over and over, and the parent SIGKILLs
it after a random 0.2-2.5 s. After every kill the parent checks:

* every client audit log verifies, with the library and with the operator's
  command ``keycrypt audit verify`` (exit 0; through the CLI's entry point, in
  process) (a torn final line is allowed: it is a crash mid-write) and, once
  reopened (recovery), verifies with no torn tail;
* the keystore opens with exactly one of the two PINs it alternates between
  (a kill during ``change_pin`` leaves the old file or the new one, never neither);
* the wrong-PIN state file loads (a damaged one would refuse to start the keypad).

The ladder is forced to dry-run twice over (client setting and ladder
config): nothing on the host is touched.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

PINS = ("24682468", "86428642")


async def _child(d: Path, seed: int) -> None:
    from keycrypt.daemon.client import ClientDaemon, ClientSettings, KeypadTarget
    from keycrypt.daemon.keypad import KeypadDaemon, KeypadSettings, PinRejected
    from keycrypt.keystore import change_pin, open_keystore
    from keycrypt.machines.device import DeviceConfig
    from keycrypt_kit.rig import FAST_ARGON2, HOST, quiet, wait_for

    quiet()
    rng = random.Random(seed)
    ks = d / "keypad.key"
    pin = next(p for p in PINS if _opens(ks, p))
    kd = KeypadDaemon(KeypadSettings(keystore=ks, host=HOST, port=0, state_dir=d / "state", device=DeviceConfig(backoff_free_attempts=1_000_000)))
    await kd.enter_pin(pin, "arm")
    await kd.start()
    assert kd.bound is not None
    ek = open_keystore(ks, pin).ek
    while True:
        daemons = [
            ClientDaemon(
                ClientSettings(
                    client_id=f"c{i}", keypads=[KeypadTarget(HOST, kd.bound[1], ek)], heartbeat_interval=0.05,
                    boot_grace=3.0, dry_run=True, audit_log=d / f"audit-{i}.log", lockdown={"dry_run": True},
                ),
                process_wide_lockdown=False,
            )
            for i in range(4)
        ]
        tasks = [asyncio.create_task(x.run(signals=False)) for x in daemons]
        # every daemon has its link (its task ran) and the link is up: all() of no links is True, and a
        # breach before the clients connected only made them retry (refused) for their boot grace
        await wait_for(lambda ds=daemons: all(x.links and all(link.established_at for link in x.links) for x in ds), 3.0)
        await asyncio.sleep(rng.uniform(0, 0.2))
        kd.breach("crash-test")
        await asyncio.gather(*tasks, return_exceptions=True)
        try:
            await kd.enter_pin("0000", "arm")
        except PinRejected:
            pass
        await kd.enter_pin(pin, "arm")
        if rng.random() < 0.5:
            new = PINS[1] if pin == PINS[0] else PINS[0]
            await asyncio.to_thread(change_pin, ks, pin, new, params=FAST_ARGON2)
            pin = new


def _opens(ks: Path, pin: str) -> bool:
    from keycrypt.errors import WrongPin
    from keycrypt.keystore import open_keystore

    try:
        open_keystore(ks, pin)
        return True
    except WrongPin:
        return False


def check(d: Path) -> dict[str, Any]:
    """The post-crash checks; returns figures, raises AssertionError on a violation."""
    from keycrypt.audit import AuditLog, verify
    from keycrypt.daemon.keypad import load_pin_state

    opens = [p for p in PINS if _opens(d / "keypad.key", p)]
    assert len(opens) == 1, f"keystore opens with {opens}"
    load_pin_state(d / "state")
    records = torn = cli = 0
    for log in sorted(d.glob("audit-*.log")):
        r = verify(log)
        assert r.ok, f"{log.name}: {r.summary()}"
        code, said = _cli_verify(log)  # what an operator runs after the crash: `keycrypt audit verify`
        assert code == 0, f"keycrypt audit verify {log.name} exited {code}: {said}"
        cli += 1
        torn += r.torn_tail
        AuditLog(log).close()  # recovery on open
        r2 = verify(log)
        assert r2.ok and not r2.torn_tail, f"{log.name} after reopen: {r2.summary()}"
        records = max(records, r2.records)
    return {"audit_records_max": records, "torn_tails": torn, "cli_verified": cli}


def _cli_verify(log: Path) -> tuple[int, str]:
    """``keycrypt audit verify LOG``, run as the operator runs it: the installed CLI, in its own process."""
    proc = subprocess.run([sys.executable, "-m", "keycrypt.cli", "audit", "verify", str(log)],
                          capture_output=True, text=True, timeout=60)
    return proc.returncode, (proc.stdout + proc.stderr).strip()


def rounds(n: int, seed: int = 0, kill_range: tuple[float, float] = (0.2, 2.5)) -> dict[str, Any]:
    from keycrypt.keystore import create_keystore
    from keycrypt_kit.rig import FAST_ARGON2

    rng = random.Random(seed)
    torn = records = cli = 0
    with tempfile.TemporaryDirectory(prefix="kc-crash-") as tmp:
        d = Path(tmp)
        create_keystore(d / "keypad.key", PINS[0], params=FAST_ARGON2)
        for i in range(n):
            child = subprocess.Popen([sys.executable, "-m", "keycrypt_kit.attacks.crash", "child", "--dir", str(d), "--seed", str(rng.randrange(1 << 30))])
            time.sleep(rng.uniform(*kill_range))
            if child.poll() is not None:
                raise AssertionError(f"round {i}: the child exited by itself with {child.returncode}")
            child.send_signal(signal.SIGKILL)
            child.wait()
            fig = check(d)
            torn += fig["torn_tails"]
            cli += fig["cli_verified"]
            records = fig["audit_records_max"]
    return {
        "rounds": n, "kills": n, "torn_tails_recovered": torn, "audit_records_in_longest_log": records,
        "audit_logs_verified_by_cli": cli, "ok": True,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m keycrypt_kit.attacks.crash")
    sub = ap.add_subparsers(dest="cmd")
    c = sub.add_parser("child")
    c.add_argument("--dir", required=True)
    c.add_argument("--seed", type=int, default=0)
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args(argv)
    if a.cmd == "child":
        asyncio.run(_child(Path(a.dir), a.seed))
        return 0
    t0 = time.monotonic()
    try:
        res = rounds(a.rounds, a.seed)
    except AssertionError as exc:
        print(f"FAIL: {exc}")
        return 1
    res["seconds"] = round(time.monotonic() - t0, 1)
    print(json.dumps(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
