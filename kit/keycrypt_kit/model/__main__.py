"""``keycrypt-model generate|check|mutants`` (also ``python -m keycrypt_kit.model``).

generate  write the Promela model (or, with --check, fail if the committed one is stale)
check     run SPIN on every property (or --property ID ...) and print a table and the trails
mutants   run SPIN on every table mutant and say which property caught it
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from keycrypt.errors import KeyCryptError
from keycrypt_kit.model import mutants as mutants_mod
from keycrypt_kit.model import promela, source, spin
from keycrypt_kit.model.properties import BY_ID, PROPERTIES

COMMITTED = Path(__file__).resolve().parent / "generated" / "kcp1.pml"


def _spec(args: argparse.Namespace) -> source.Spec:
    return source.from_revision(args.tables_from) if args.tables_from else source.from_checkout()


def cmd_generate(args: argparse.Namespace) -> int:
    text = promela.generate(_spec(args))
    target = Path(args.output) if args.output else COMMITTED
    if args.check:
        if not target.is_file() or target.read_text() != text:
            print(f"{target} is stale: run `keycrypt-model generate`", file=sys.stderr)
            return 1
        print(f"{target} matches the tables")
        return 0
    tmp = target.with_suffix(".tmp")
    tmp.write_text(text)
    tmp.replace(target)
    print(f"wrote {target} ({len(text.splitlines())} lines)")
    return 0


def _table(verdicts: list[spin.Verdict]) -> str:
    head = f"{'property':<30} {'config':<9} {'result':<6} {'states':>9} {'transitions':>12} {'memory MiB':>10} {'time s':>7}"
    rows = [head, "-" * len(head)]
    for v in verdicts:
        s = v.search
        rows.append(f"{v.prop.id:<30} {s.config:<9} {'pass' if v.ok else 'FAIL':<6} {s.states:>9} "
                    f"{s.transitions:>12} {s.memory_mb:>10.1f} {s.seconds:>7.1f}")
    return "\n".join(rows)


def cmd_check(args: argparse.Namespace) -> int:
    why = spin.tools_missing()
    if why:
        print(f"cannot check the model: {why}", file=sys.stderr)
        return 2
    spec = _spec(args)
    props = [BY_ID[p] for p in args.property] if args.property else list(PROPERTIES)
    verdicts = spin.check(spec, props)
    print(f"KCP/1 model of {spec.origin}: one search per configuration, repeated without a property once it fails")
    print(_table(verdicts))
    for v in verdicts:
        if not v.ok:
            print(f"\n{v.prop.id} fails: {v.prop.summary}")
            print("\n".join("  " + line for line in v.trail))
    if args.json:
        Path(args.json).write_text(json.dumps([
            {"property": v.prop.id, "config": v.search.config, "ok": v.ok, "states": v.search.states,
             "transitions": v.search.transitions, "memory_mb": v.search.memory_mb,
             "seconds": round(v.search.seconds, 2), "trail": v.trail} for v in verdicts], indent=2) + "\n")
    return 0 if all(v.ok for v in verdicts) else 1


def cmd_mutants(args: argparse.Namespace) -> int:
    why = spin.tools_missing()
    if why:
        print(f"cannot check the model: {why}", file=sys.stderr)
        return 2
    base = _spec(args)
    chosen = [mutants_mod.BY_NAME[n] for n in args.only] if args.only else list(mutants_mod.MUTANTS)
    missed = 0
    for m in chosen:
        (v,) = spin.check(m.spec(base), [BY_ID[m.expect]], expect_failure=True)
        status = "caught" if not v.ok else "MISSED"
        missed += v.ok
        print(f"{m.name:<28} {status:<7} by {m.expect:<30} {v.search.seconds:5.1f} s  {m.what}")
        if args.trails and not v.ok:
            print("\n".join("    " + line for line in v.trail))
    return 1 if missed else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="keycrypt-model", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("generate", help="write the Promela model from spec/")
    g.add_argument("-o", "--output", help=f"where to write it (default: {COMMITTED.name} in the package)")
    g.add_argument("--check", action="store_true", help="fail if the file differs from a fresh generation")
    c = sub.add_parser("check", help="model-check the properties with SPIN")
    c.add_argument("--property", action="append", choices=sorted(BY_ID), help="only this property (repeatable)")
    c.add_argument("--json", help="also write the results here")
    m = sub.add_parser("mutants", help="check that every table mutant is caught")
    m.add_argument("--only", action="append", choices=sorted(mutants_mod.BY_NAME), help="only this mutant")
    m.add_argument("--trails", action="store_true", help="print each mutant's trail")
    for p in (g, c, m):
        p.add_argument("--tables-from", metavar="REV", help="read spec/ at this git revision instead")
    args = ap.parse_args(argv)
    try:
        return {"generate": cmd_generate, "check": cmd_check, "mutants": cmd_mutants}[args.cmd](args)
    except KeyCryptError as exc:
        print(f"keycrypt-model: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
