"""``keycrypt-vectors``: generate the vector files, or check that the committed ones have not drifted."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from keycrypt_kit.checkout import CheckoutNotFound
from keycrypt_kit.vectorgen.generate import (
    default_schema_path,
    default_vectors_dir,
    first_difference,
    generate_all,
    target,
    validate,
)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="keycrypt-vectors", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    for name, help_ in (("generate", "write vectors/*.json, the test keystore and spec/vectors.schema.json"),
                        ("check", "regenerate in memory; exit 1 on any byte of drift or schema violation")):
        s = sub.add_parser(name, help=help_)
        s.add_argument("--out", "--vectors", dest="out", type=Path,
                       help="vector directory (default: the checkout's vectors/)")
        s.add_argument("--schema", type=Path, help="schema path (default: the checkout's spec/vectors.schema.json)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        args.out = args.out or default_vectors_dir()
        args.schema = args.schema or default_schema_path()
    except CheckoutNotFound as exc:
        print(f"keycrypt-vectors: {exc}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    files = generate_all()
    problems = validate(files)
    if problems:
        print("generated vectors violate the schema (a generator bug):", file=sys.stderr)
        for line in problems:
            print(f"  {line}", file=sys.stderr)
        return 1
    if args.command == "generate":
        args.out.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            target(name, args.out, args.schema).write_bytes(data)
        print(f"wrote {len(files)} files to {args.out} and {args.schema} in {time.perf_counter() - t0:.1f} s")
        return 0
    failures = []
    for name, data in files.items():
        path = target(name, args.out, args.schema)
        if not path.is_file():
            failures.append(f"{path}: missing")
        elif path.read_bytes() != data:
            failures.append(f"{path.parent / first_difference(name, data, path.read_bytes())}")
    if failures:
        for line in failures:
            print(f"drift: {line}", file=sys.stderr)
        print("run `keycrypt-vectors generate` and review the diff", file=sys.stderr)
        return 1
    print(f"{len(files)} files match their regeneration and the schema ({time.perf_counter() - t0:.1f} s)")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
