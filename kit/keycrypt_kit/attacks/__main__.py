"""``python -m keycrypt_kit.attacks [--json out.json] [--full] [--only ID...] [--machine-only]``.

Prints one row per case (case, what the attacker does, what must happen,
what happened, PASS/FAIL) and exits 1 on any FAIL.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap

from keycrypt_kit.attacks.catalogue import Result, run_case
from keycrypt_kit.attacks.suite import all_cases
from keycrypt_kit.rig import raise_fd_limit


def _table(results: list[Result], width: int) -> str:
    cols = ("case", "attacker does", "must happen", "happened", "result")
    w = [24, max(20, (width - 24 - 8 - 12) * 3 // 10), max(20, (width - 24 - 8 - 12) * 3 // 10), 0, 6]
    w[3] = max(20, width - sum(w) - 8)
    lines = ["  ".join(c.ljust(n) for c, n in zip(cols, w, strict=True)), "  ".join("-" * n for n in w)]
    for r in results:
        cells = [r.case.id, r.case.attack, r.case.expect, r.outcome.happened, "PASS" if r.outcome.ok else "FAIL"]
        wrapped = [textwrap.wrap(c, n) or [""] for c, n in zip(cells, w, strict=True)]
        for i in range(max(len(x) for x in wrapped)):
            lines.append("  ".join((x[i] if i < len(x) else "").ljust(n) for x, n in zip(wrapped, w, strict=True)).rstrip())
    return "\n".join(lines)




def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m keycrypt_kit.attacks", description="Run the KeyCrypt attack catalogue.")
    ap.add_argument("--json", help="write every result (with figures) to this file")
    ap.add_argument("--full", action="store_true", help="the full forms of the heavy cases (10,000 idle connections, longer floods)")
    ap.add_argument("--only", nargs="+", metavar="ID", help="run only these cases")
    ap.add_argument("--machine-only", action="store_true", help="skip the cases that open sockets")
    ap.add_argument("--list", action="store_true", help="list the cases and exit")
    ap.add_argument("--width", type=int, default=160)
    a = ap.parse_args(argv)
    cases = all_cases()
    if a.list:
        for c in cases.values():
            print(f"{c.id:31} {'net ' if c.net else '    '}{c.attack}")
        return 0
    chosen = list(cases.values())
    if a.only:
        unknown = [i for i in a.only if i not in cases]
        if unknown:
            ap.error(f"unknown case(s): {', '.join(unknown)}")
        chosen = [cases[i] for i in a.only]
    if a.machine_only:
        chosen = [c for c in chosen if not c.net]
    raise_fd_limit(16384)
    from keycrypt_kit.rig import silenced

    results = []
    with silenced():  # the daemons log every session the attacks kill
        for c in chosen:
            r = run_case(c, full=a.full)
            results.append(r)
            print(f"{'PASS' if r.outcome.ok else 'FAIL'} {c.id} ({r.seconds:.2f}s)", file=sys.stderr, flush=True)
    print(_table(results, a.width))
    failed = [r for r in results if not r.outcome.ok]
    print(f"\n{len(results) - len(failed)}/{len(results)} cases PASS" + (f"; FAIL: {', '.join(r.case.id for r in failed)}" if failed else ""))
    if a.json:
        with open(a.json, "w") as fh:
            json.dump({"full": a.full, "results": [r.as_dict() for r in results]}, fh, indent=2, default=str)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
