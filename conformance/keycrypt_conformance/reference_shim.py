"""The reference implementation's shim: ``python -m keycrypt_conformance.reference_shim [--mutant NAME]``.

Reads one JSON request per line on stdin and writes one JSON answer per
line on stdout (spec/shim-protocol.md). ``--mutant`` is a test-only switch:
it breaks the reference on purpose, inside this process only, so that the
conformance tests can show the vectors catch that bug.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from typing import Any, TextIO

from keycrypt_conformance.reference import handle


def answer(line: str) -> dict[str, Any]:
    try:
        req = json.loads(line)
    except ValueError as exc:
        return {"id": None, "error": "bad_request", "message": f"not JSON: {exc}"}
    if not isinstance(req, dict):
        return {"id": None, "error": "bad_request", "message": "a request is a JSON object"}
    return {**handle(req), "id": req.get("id")}


def serve(inp: TextIO, out: TextIO) -> None:
    for line in inp:
        if line.strip():
            out.write(json.dumps(answer(line), separators=(",", ":")) + "\n")
            out.flush()


def main(argv: list[str] | None = None) -> int:
    from keycrypt_conformance import mutants

    p = argparse.ArgumentParser(prog="python -m keycrypt_conformance.reference_shim", description=__doc__)
    p.add_argument("--mutant", choices=sorted(mutants.MUTANTS), help="TEST ONLY: run a deliberately broken reference")
    p.add_argument("--list-mutants", action="store_true", help="list the mutants and exit")
    args = p.parse_args(argv)
    if args.list_mutants:
        for name, m in sorted(mutants.MUTANTS.items()):
            print(f"{name:28} {m.description}")
        return 0
    ctx = mutants.apply(args.mutant) if args.mutant else contextlib.nullcontext()
    if args.mutant:
        print(f"reference_shim: MUTANT {args.mutant!r} active - this shim is broken on purpose", file=sys.stderr)
    with ctx:
        serve(sys.stdin, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
